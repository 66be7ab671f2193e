import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, DEFAULT_OPTIONS, fixText, type AnalysisOptions } from '../src';
import { FIXTURES_DIR, fixtureOptions as configuredOptions } from './annotations';

interface FixtureProject {
  dependencies?: string[];
  concurrencyLimit?: number;
  /** The configured helper module, relative to the fixture's folder, and whether it exists already. */
  helperModule?: { file: string; exists: boolean };
}

/** Options for a fix fixture: `NAME.project.json` may list dependencies, a concurrency limit and a helper module. */
function fixtureOptions(input: string): AnalysisOptions {
  const projectFile = input.replace(/\.input\.\w+$/, '.project.json');
  const project: FixtureProject = fs.existsSync(projectFile) ? (JSON.parse(fs.readFileSync(projectFile, 'utf8')) as FixtureProject) : {};
  return {
    ...configuredOptions(input),
    concurrencyLimit: project.concurrencyLimit ?? DEFAULT_OPTIONS.concurrencyLimit,
    project: { dependencies: new Set(project.dependencies ?? []) },
    ...(project.helperModule && { helperModule: { ...project.helperModule, file: path.join(path.dirname(input), project.helperModule.file) } }),
  };
}

/**
 * Every `test-fixtures/<rule>/fixes/NAME.input.ext` must become `NAME.output.ext` exactly,
 * the output must parse, and fixing it again must change nothing. Each fix the rule offers is
 * safe, or unsafe when NAME starts with `unsafe-` (then the output shows it applied on request).
 */
export function describeFixFixtures(ruleId: string): void {
  const folder = path.join(FIXTURES_DIR, ruleId, 'fixes');
  const inputs = fs
    .readdirSync(folder)
    .filter((name) => name.includes('.input.'))
    .sort();
  describe('fix fixtures', () => {
    it('has fix fixtures', () => assert.ok(inputs.length > 0));
    for (const name of inputs) {
      it(name.replace('.input', ''), () => {
        const input = path.join(folder, name);
        const options = fixtureOptions(input);
        const expected = fs.readFileSync(input.replace('.input.', '.output.'), 'utf8');
        const source = fs.readFileSync(input, 'utf8');
        const unsafe = name.startsWith('unsafe-');
        const offered = analyze(source, input, options).findings.filter((finding) => finding.ruleId === ruleId && finding.fix);
        assert.ok(offered.length > 0, 'the rule offers a fix');
        assert.deepEqual(
          offered.map((finding) => finding.fix!.safe),
          offered.map(() => !unsafe),
          unsafe ? 'every fix is unsafe' : 'every fix is safe',
        );
        assert.ok(
          offered.every((finding) => finding.fix!.title.includes(unsafe ? 'unsafe fix' : 'safe fix')),
          'the title says whether it is safe',
        );
        const { text, fixed, newFiles } = fixText(source, input, options, unsafe);
        assert.ok(fixed > 0, 'a fix was applied');
        assert.equal(text, expected);
        // A helper module the fixes create is compared with NAME.created.ext.
        const created = options.helperModule && !options.helperModule.exists ? options.helperModule.file : undefined;
        assert.deepEqual(
          newFiles.map((file) => file.file),
          created ? [created] : [],
        );
        if (created) assert.equal(newFiles[0]!.text, fs.readFileSync(input.replace(/\.input\.\w+$/, `.created${path.extname(created)}`), 'utf8'));
        assert.equal(analyze(text, input, options).error, undefined, 'the output parses');
        assert.equal(fixText(text, input, options, unsafe).text, text, 'fixing the output again changes nothing');
      });
    }
  });
}

interface ProgramFigures {
  elapsed: number;
  maxInFlight: number;
  calls: number;
  finished: boolean;
}

/** Runs a program under node; its stdout and the figures it prints on stderr. */
function runProgram(file: string): { stdout: string; figures: ProgramFigures } {
  const run = spawnSync(process.execPath, [file], { encoding: 'utf8', timeout: 10_000 });
  assert.equal(run.status, 0, `${file} failed: ${run.stderr}`);
  const lastLine = run.stderr.trim().split('\n').pop() ?? '{}';
  return { stdout: run.stdout, figures: JSON.parse(lastLine) as ProgramFigures };
}

export const PROGRAM_LIMIT = 3;

/**
 * Runs each `test-fixtures/<rule>/programs/*.mjs` before and after its safe fixes (limit 3)
 * in a temporary copy of the fixture tree; `check` compares the figures. A program named
 * `unsafe-*` has only unsafe fixes, applied as a person would choose them: it shows they keep
 * the output when no call fails. A program named `withheld-*` is in order on purpose and gets no finding at all: beside
 * it, `NAME.concurrent.mjs` is the rewrite a concurrency fix would make, which prints otherwise.
 */
/** A program runs its own top level, so it is a script by its shape; its loops are analyzed as a module's would be. */
const PROGRAM_OPTIONS_SET: Partial<AnalysisOptions> = { concurrencyLimit: PROGRAM_LIMIT, role: 'production' };

export function describePrograms(ruleId: string, check: (before: ProgramFigures, after: ProgramFigures) => void): void {
  const folder = path.join(FIXTURES_DIR, ruleId, 'programs');
  const programs = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.mjs') && !name.endsWith('.concurrent.mjs'))
    .sort();
  describe('runnable programs before and after the fix', () => {
    let workDir: string;
    before(() => {
      workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-programs-'));
      fs.cpSync(path.join(FIXTURES_DIR, 'programs'), path.join(workDir, 'programs'), { recursive: true });
      fs.mkdirSync(path.join(workDir, ruleId, 'programs'), { recursive: true });
    });
    after(() => fs.rmSync(workDir, { recursive: true, force: true }));

    it('has programs', () => assert.ok(programs.length > 0));
    for (const name of programs.filter((program) => program.startsWith('withheld-'))) {
      it(name, () => {
        const original = path.join(folder, name);
        const source = fs.readFileSync(original, 'utf8');
        const options = { ...configuredOptions(original), ...PROGRAM_OPTIONS_SET };
        const findings = analyze(source, original, options).findings.filter((finding) => finding.ruleId === ruleId);
        assert.deepEqual(findings, [], 'the loop is in order on purpose: neither reported nor fixed');
        const runIn = (file: string, text: string) => (fs.writeFileSync(file, text), runProgram(file));
        const inOrder = runIn(path.join(workDir, ruleId, 'programs', name), source);
        const concurrent = runIn(
          path.join(workDir, ruleId, 'programs', name.replace(/\.mjs$/, '.concurrent.mjs')),
          fs.readFileSync(original.replace(/\.mjs$/, '.concurrent.mjs'), 'utf8'),
        );
        assert.notEqual(concurrent.stdout, inOrder.stdout, 'running the calls together would print something else');
        assert.ok(concurrent.figures.maxInFlight > 1, 'the rewrite overlaps the calls');
      });
    }
    for (const name of programs.filter((program) => !program.startsWith('withheld-'))) {
      it(name, () => {
        const original = path.join(folder, name);
        const source = fs.readFileSync(original, 'utf8');
        const options = { ...configuredOptions(original), ...PROGRAM_OPTIONS_SET };
        const unsafe = name.startsWith('unsafe-');
        assert.equal(fixText(source, original, options).text !== source, !unsafe, unsafe ? 'the program has no safe fix' : 'the program has a safe fix');
        const fixedSource = fixText(source, original, options, unsafe).text;
        assert.notEqual(fixedSource, source, 'the program has a fix');
        const beforeFile = path.join(workDir, ruleId, 'programs', name);
        const afterFile = path.join(workDir, ruleId, 'programs', name.replace(/\.mjs$/, '.fixed.mjs'));
        fs.writeFileSync(beforeFile, source);
        fs.writeFileSync(afterFile, fixedSource);
        const beforeRun = runProgram(beforeFile);
        const afterRun = runProgram(afterFile);
        assert.equal(afterRun.stdout, beforeRun.stdout, 'the fixed program prints the same');
        assert.ok(beforeRun.figures.finished && afterRun.figures.finished, 'both programs run to the end');
        assert.ok(afterRun.figures.maxInFlight <= PROGRAM_LIMIT, `at most ${PROGRAM_LIMIT} calls in flight, saw ${afterRun.figures.maxInFlight}`);
        check(beforeRun.figures, afterRun.figures);
      });
    }
  });
}
