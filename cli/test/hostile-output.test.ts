import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ALL_RULES, type ReportData, type ReportFinding, type Rule, type RuleId } from '../../rules/src';
import { formatText } from '../src/formats/text';
import { run } from '../src/run';
import { CLI, COMMAND_TIMEOUT, runCli, runJson, TempTrees, type JsonReport } from './helpers';

/** A stream that keeps what is written to it. */
function capture(): NodeJS.WriteStream & { text: string } {
  const stream = { text: '', isTTY: false, write: (chunk: string) => ((stream.text += chunk), true) };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

/** The rows of a JSON report as `file line:column rule`, to compare runs. */
function rows(report: JsonReport): string[] {
  return report.findings.map((finding) => `${finding.file} ${finding.line}:${finding.column} ${finding.rule}`);
}

describe('perf-lint over generated flat files', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('reports the finding of a loop in a file of 130,000 calls (more references than a spread can pass)', () => {
    const calls = 'call();\n'.repeat(130_000);
    const code = `export async function load(items: string[]) {\n  for (const item of items) {\n    await fetch(item);\n  }\n}\ndeclare function call(): void;\n${calls}`;
    const root = trees.make({ 'flat.ts': code });
    const { status, report, stderr } = runJson(root, ['--no-cache', '--max-warnings', '0']);
    assert.equal(stderr, 'perf-lint: too many warnings (1; --max-warnings allows 0)\n');
    assert.deepEqual(rows(report), ['flat.ts 3:5 await-in-loop']);
    assert.deepEqual(report.skipped, []);
    assert.equal(status, 1);
  });

  it('prints 200,000 findings of one file as text', () => {
    const finding: ReportFinding = {
      file: 'gen.ts',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
      rule: 'await-in-loop',
      severity: 'warning',
      message: 'm',
      fixable: false,
      lineText: '',
    };
    const data: ReportData = {
      root: '.',
      files: 1,
      findings: Array.from({ length: 200_000 }, () => finding),
      skipped: Array.from({ length: 200_000 }, (_, index) => ({ file: `s${index}.ts`, reason: 'r' })),
    };
    const text = formatText(data, { fixed: { problems: 0, files: 0 }, suppressed: 0 }, false);
    assert.equal(text.split('\n').filter((line) => line === '  1:1  warning  m  await-in-loop').length, 200_000);
  });
});

describe('perf-lint when a rule fails', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());
  const failing: Rule = {
    meta: { id: 'failing-rule' as RuleId, defaultSeverity: 'warning', description: 'fails', messages: {}, fixable: false },
    prefilter: /(?:)/,
    create: () => ({
      Program: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    }),
  };
  const rules = ALL_RULES as Rule[];
  before(() => rules.push(failing));
  after(() => rules.splice(rules.indexOf(failing), 1));

  it('never gives a clean result: the file is listed and the exit status is 2, findings may be missing', async () => {
    const root = trees.make({ 'clean.ts': 'export const answer = 42;\n' });
    const stdout = capture();
    const stderr = capture();
    const status = await run(['--no-cache', '.'], { cwd: root, env: { PERF_LINT_WORKERS: '0' }, stdout, stderr });
    assert.equal(status, 2);
    assert.equal(stderr.text, 'perf-lint: findings may be missing: the analysis failed in 1 file (listed as not analyzed)\n');
    assert.match(stdout.text, /Not analyzed:\n {2}clean\.ts {2}rule failed: failing-rule: Maximum call stack size exceeded\n/);
  });
});

describe('perf-lint text output of hostile names, code and configuration', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

  it('escapes control characters in file names and quoted code, and keeps the spaces of quoted code', () => {
    const prismaCode = (property: string): string =>
      `import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nexport async function load(ids: number[]) {\n  for (const id of ids) {\n    await (prisma as any)${property}.findUnique({ where: { id } });\n  }\n}\n`;
    const root = trees.make({
      'package.json': '{ "dependencies": { "@prisma/client": "5.0.0" } }',
      'spaces.ts': prismaCode('.user'),
      'title\u001b]0;pwned\u0007.ts': prismaCode('.user'),
      'forged\n  9:9  error  all clear  n-plus-one\n.ts': prismaCode('.user'),
      'quoted.ts': prismaCode('["user\u001b[2J\u009b31m"]'),
    });
    const outcome = runCli(root, ['--no-cache', '--max-warnings', '0']);
    assert.equal(outcome.status, 1, outcome.stderr);
    const lines = outcome.stdout.split('\n');
    assert.ok(!CONTROL.test(outcome.stdout), JSON.stringify(outcome.stdout));
    assert.ok(lines.includes('forged\\n  9:9  error  all clear  n-plus-one\\n.ts'), outcome.stdout);
    assert.ok(lines.includes('title\\x1b]0;pwned\\x07.ts'), outcome.stdout);
    assert.ok(outcome.stdout.includes('(prisma as any).user.findUnique'), outcome.stdout);
    assert.ok(outcome.stdout.includes('(prisma as any)["user\\x1b[2J\\x9b31m"].findUnique'), outcome.stdout);
    assert.equal(lines.filter((line) => /^ {2}\d+:\d+ {2}/.test(line)).length, 4, 'one finding line per file, none forged');
  });

  it('escapes control characters in the github and compact formats, where a raw escape or line break would reach the CI log', () => {
    const root = trees.make({
      'title\u001b]0;pwned\u0007.ts': 'export async function f(xs: string[]) {\n  for (const x of xs) {\n    await fetch(x);\n  }\n}\n',
      'forged\n::error file=a.ts,line=1::all clear\n.ts': 'export async function f(xs: string[]) {\n  for (const x of xs) {\n    await fetch(x);\n  }\n}\n',
    });
    const github = runCli(root, ['--no-cache', '--format', 'github']);
    assert.ok(!CONTROL.test(github.stdout), JSON.stringify(github.stdout));
    assert.deepEqual(
      github.stdout
        .split('\n')
        .filter((line) => line.startsWith('::'))
        .map((line) => line.slice(0, line.indexOf(',line='))),
      ['::warning file=forged%0A%3A%3Aerror file=a.ts%2Cline=1%3A%3Aall clear%0A.ts', '::warning file=title\\x1b]0;pwned\\x07.ts'],
    );
    const compact = runCli(root, ['--no-cache', '--format', 'compact']);
    assert.ok(!CONTROL.test(compact.stdout), JSON.stringify(compact.stdout));
    assert.deepEqual(
      compact.stdout
        .split('\n')
        .filter((line) => / warning /.test(line))
        .map((line) => line.slice(0, line.indexOf(':3:5:'))),
      ['forged\\n::error file=a.ts,line=1::all clear\\n.ts', 'title\\x1b]0;pwned\\x07.ts'],
    );
  });

  it('escapes control characters in a configuration key named in an error', () => {
    const root = trees.make({ 'a.ts': 'export const a = 1;\n', '.perflintrc.json': '{ "\\u001b[2J\\u001b]0;pwned\\u0007": true }' });
    const outcome = runCli(root, ['--no-cache']);
    assert.equal(outcome.status, 2);
    assert.ok(!CONTROL.test(outcome.stderr.replace(/\n$/, '')), JSON.stringify(outcome.stderr));
    assert.ok(outcome.stderr.includes('unknown key "\\x1b[2J\\x1b]0;pwned\\x07"'), outcome.stderr);
  });
});

describe('perf-lint results whatever the thread', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('gives the same findings and the same files not analyzed on worker threads and on the main thread', () => {
    const nested = (levels: number): string =>
      `export async function deep(xs: string[]) {\n${'for (const x of xs) {\n'.repeat(levels)}await fetch(x);\n${'}\n'.repeat(levels)}}\n`;
    // 190 levels are within the limit; 450 overflowed the main thread's stack but not a worker's.
    const root = trees.make({ 'shallow.ts': nested(190), 'deep.ts': nested(450), 'deeper.ts': nested(1200) });
    const onMain = runJson(root, ['--no-cache'], { PERF_LINT_WORKERS: '0' });
    const onWorkers = runJson(root, ['--no-cache'], { PERF_LINT_WORKERS: '2' });
    assert.deepEqual(rows(onMain.report), ['shallow.ts 192:1 await-in-loop']);
    assert.deepEqual(onMain.report.skipped, [
      { file: 'deep.ts', reason: 'nested too deeply (more than 400 levels)' },
      { file: 'deeper.ts', reason: 'nested too deeply (more than 400 levels)' },
    ]);
    assert.deepEqual(onWorkers.report, onMain.report);
  });
});

describe('perf-lint writing into a pipe its reader closed', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('stops quietly with the status of a command a closed pipe stopped, as with | head', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`src/module-${index}.ts`, 'export const answer = 42;\n']));
    const child = spawn(process.execPath, [CLI, '--debug', 'files', '.'], { cwd: trees.make(files), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.deepEqual({ status, stderr }, { status: 141, stderr: '' });
  });
});
