import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lineFingerprint } from '../../rules/src';
import {
  ANALYSIS_BUNDLE,
  CLI,
  COMMAND_TIMEOUT,
  CLEAN_CODE,
  coreFindings,
  REPO_ROOT,
  runCli,
  runCliOnInput,
  runJson,
  SLOW_CODE,
  SLOW_RULE,
  TempTrees,
  writeFiles,
} from './helpers';

/** An awaited call in a loop: one await-in-loop finding on the `await` of the second line of the loop. */
const LOOP_CODE =
  'declare function send(id: string): Promise<void>;\nexport async function all(ids: string[]) {\n  for (const id of ids) {\n    await send(id);\n  }\n}\n';

describe('perf-lint in CI: formats, options, exit status', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  const slowFinding = (root: string, file = 'src/slow.ts') => coreFindings(file, SLOW_CODE, path.join(root, file))[0]!;

  it('--format github: one workflow command per finding, escaped, then the summary', () => {
    const root = trees.make({ 'src/slow.ts': SLOW_CODE, 'src/a,b%.ts': SLOW_CODE, 'src/clean.ts': CLEAN_CODE });
    const finding = slowFinding(root);
    const result = runCli(root, ['--format', 'github', '--rule', `${SLOW_RULE}=error`]);
    const where = `line=${finding.line},endLine=${finding.endLine},col=${finding.column},endColumn=${finding.endColumn}`;
    assert.equal(
      result.stdout,
      `::error file=src/a%2Cb%25.ts,${where},title=perf-lint ${SLOW_RULE}::${finding.message}\n` +
        `::error file=src/slow.ts,${where},title=perf-lint ${SLOW_RULE}::${finding.message}\n` +
        '\u2716 2 problems (2 errors, 0 warnings, 0 info) in 3 files\n',
    );
    assert.equal(result.status, 1);
    const info = runCli(root, ['--format', 'github', '--rule', `${SLOW_RULE}=info`, 'src/slow.ts']);
    assert.ok(info.stdout.startsWith(`::notice file=src/slow.ts,${where},`), info.stdout);
  });

  it('--format compact: file:line:col: severity message [rule], then the summary', () => {
    const root = trees.make({ 'src/slow.ts': SLOW_CODE });
    const finding = slowFinding(root);
    const result = runCli(root, ['--format', 'compact']);
    assert.equal(
      result.stdout,
      `src/slow.ts:${finding.line}:${finding.column}: warning ${finding.message} [${SLOW_RULE}]\n\u2716 1 problem (0 errors, 1 warning, 0 info) in 1 file\n`,
    );
    assert.equal(result.status, 0);
  });

  it('--quiet reports errors only', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'b.ts': LOOP_CODE });
    const all = runJson(root).report.findings.map((finding) => finding.rule);
    assert.deepEqual(all, [SLOW_RULE, 'await-in-loop']);
    const quiet = runJson(root, ['--quiet', '--rule', 'await-in-loop=error']);
    assert.deepEqual(
      quiet.report.findings.map((finding) => `${finding.file} ${finding.rule} ${finding.severity}`),
      ['b.ts await-in-loop error'],
    );
    assert.equal(quiet.status, 1);
    assert.equal(runCli(root, ['--quiet', '--max-warnings', '0']).status, 0, 'warnings left out are not counted');
  });

  it('-o/--output-file writes the report to the file and the summary to the terminal', () => {
    const root = trees.make({ 'src/slow.ts': SLOW_CODE });
    const direct = runCli(root, ['--format', 'json']);
    const written = runCli(root, ['--format', 'json', '-o', 'reports/perf.json']);
    assert.equal(fs.readFileSync(path.join(root, 'reports/perf.json'), 'utf8'), direct.stdout);
    assert.equal(written.stdout, '\u2716 1 problem (0 errors, 1 warning, 0 info) in 1 file Report written to reports/perf.json.\n');
    assert.equal(written.status, direct.status);
    runCli(root, ['--output-file=out.txt']);
    assert.ok(!fs.readFileSync(path.join(root, 'out.txt'), 'utf8').includes('\u001b['), 'no colors in a file');
  });

  it('--stdin --stdin-filename lints standard input as that file, with its configuration', () => {
    const root = trees.make({ 'src/clean.ts': CLEAN_CODE, '.perflintrc.json': `{ "rules": { "${SLOW_RULE}": "error" } }` });
    const finding = slowFinding(root);
    const result = runCliOnInput(root, ['--stdin', '--stdin-filename', 'src/slow.ts', '--format', 'json'], SLOW_CODE);
    assert.deepEqual(JSON.parse(result.stdout), { version: 1, files: 1, findings: [{ ...finding, severity: 'error' }], skipped: [] });
    assert.equal(result.status, 1);
    assert.ok(!fs.existsSync(path.join(root, 'src/slow.ts')), 'nothing is written');
    const unnamed = runCliOnInput(root, ['--stdin', '--format', 'compact'], SLOW_CODE);
    assert.match(unnamed.stdout, new RegExp(`^<stdin>:${finding.line}:${finding.column}: error `));
    assert.equal(runCliOnInput(root, ['--stdin'], CLEAN_CODE).stdout, '\u2714 No problems in 1 file.\n');
  });

  it('colors: on with --color or FORCE_COLOR, off with --no-color, FORCE_COLOR=0 or NO_COLOR', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE });
    const colored = (args: string[], env: Record<string, string>): boolean => runCli(root, args, env).stdout.includes('\u001b[');
    assert.equal(colored([], {}), false, 'not a terminal, NO_COLOR set by the helper');
    assert.equal(colored(['--color'], {}), true);
    assert.equal(colored([], { FORCE_COLOR: '1' }), true);
    assert.equal(colored([], { FORCE_COLOR: '0', NO_COLOR: '' }), false);
    assert.equal(colored(['--no-color'], { FORCE_COLOR: '1' }), false);
    assert.equal(colored(['--color', '--no-color'], {}), false, 'the last one wins');
  });

  it('reports suppression comments that suppress nothing, as warnings', () => {
    const nextLine = '// perf-lint-disable-next-line n-plus-one, nonexistent-rule';
    const sameLine = '/* perf-lint-disable-line */';
    const code = `${LOOP_CODE}${nextLine}\nexport const x = 1;\n${sameLine}\n`;
    const root = trees.make({ 'a.ts': code });
    const { report, status } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => finding.rule),
      ['await-in-loop'],
    );
    assert.deepEqual((report as unknown as { unusedDirectives: unknown }).unusedDirectives, [
      {
        file: 'a.ts',
        line: 7,
        column: 1,
        endLine: 7,
        endColumn: nextLine.length + 1,
        message: "Unused perf-lint-disable directive: no problem from 'n-plus-one', 'nonexistent-rule' was reported here.",
      },
      {
        file: 'a.ts',
        line: 9,
        column: 1,
        endLine: 9,
        endColumn: sameLine.length + 1,
        message: 'Unused perf-lint-disable directive: no problem was reported here.',
      },
    ]);
    assert.equal(status, 0);
    const text = runCli(root, []).stdout;
    assert.ok(text.includes("  7:1  warning  Unused perf-lint-disable directive: no problem from 'n-plus-one', 'nonexistent-rule' was reported here.\n"), text);
    assert.ok(text.includes('\u2716 3 problems (0 errors, 3 warnings, 0 info) in 1 file'), text);
    assert.equal(runCli(root, ['--max-warnings', '2']).status, 1, 'they count as warnings');
    assert.equal(runCli(root, ['--rule', 'n-plus-one=off', '--format', 'json']).stdout.includes("'n-plus-one', "), false, 'a rule turned off is not judged');
  });

  it('honours eslint-disable(-next)-line no-await-in-loop as a record of a loop sequential on purpose', () => {
    const withComment = (comment: string, trailing = ''): string => LOOP_CODE.replace('    await send(id);\n', `${comment}    await send(id);${trailing}\n`);
    const root = trees.make({
      'next.ts': withComment('    // eslint-disable-next-line no-await-in-loop -- the API takes one request at a time\n'),
      'same.ts': withComment('', ' // eslint-disable-line no-await-in-loop'),
      'list.ts': withComment('    // eslint-disable-next-line no-console, no-await-in-loop\n'),
      'other.ts': withComment('    // eslint-disable-next-line no-console\n'),
      'bare.ts': withComment('    // eslint-disable-next-line\n'),
    });
    const { report } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => `${finding.file} ${finding.rule}`),
      ['bare.ts await-in-loop', 'other.ts await-in-loop'],
    );
    assert.equal((report as unknown as { unusedDirectives?: unknown }).unusedDirectives, undefined, 'ESLint reports its own directives');
  });

  /** A copy of the built command whose analysis bundle, once `breakAnalysis` is called, fails when loaded; the cache still trusts it (same size and time). */
  const toolWithBreakableAnalysis = () => {
    const tool = trees.make({ 'package.json': '{ "name": "perf-lint", "version": "1.2.3" }' });
    fs.mkdirSync(path.join(tool, 'dist'));
    const cli = path.join(tool, 'dist/cli.js');
    const analysis = path.join(tool, 'dist/cli-analysis.js');
    fs.copyFileSync(CLI, cli);
    fs.copyFileSync(ANALYSIS_BUNDLE, analysis);
    // A time the file system keeps exactly, to give the stand-in below.
    const built = new Date(2021, 0, 1);
    fs.utimesSync(analysis, built, built);
    const breakAnalysis = (): void => {
      const failing = 'throw new Error("the analysis was loaded");';
      fs.writeFileSync(analysis, `${failing}${' '.repeat(fs.statSync(analysis).size - failing.length)}`);
      fs.utimesSync(analysis, built, built);
    };
    return { cli, breakAnalysis };
  };

  it('--help and --version, and a fully cached run, never load the analysis', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'b.ts': LOOP_CODE });
    const { cli, breakAnalysis } = toolWithBreakableAnalysis();
    const cold = runCli(root, ['--format', 'json'], {}, cli);
    breakAnalysis();
    assert.deepEqual(runCli(root, ['--version'], {}, cli), { status: 0, stdout: '1.2.3\n', stderr: '' });
    assert.equal(runCli(root, ['--help'], {}, cli).status, 0);
    const warm = runCli(root, ['--format', 'json'], {}, cli);
    assert.deepEqual(warm, cold, 'the same report without the analysis');
    for (const format of ['text', 'compact', 'github', 'html']) assert.notEqual(runCli(root, ['--format', format], {}, cli).status, 2, format);
    writeFiles(root, { 'b.ts': `${LOOP_CODE}\n` });
    const changed = runCli(root, ['--format', 'json'], {}, cli);
    assert.equal(changed.status, 2, 'a changed file needs the analysis, which fails here');
    assert.match(changed.stderr, /the analysis was loaded/);
  });

  it('a fully cached run of a project whose files reach a database never loads the analysis', () => {
    // Queries reached through tsconfig paths (a JSONC base config that the app's config extends) and other files' services.
    const project = path.join(REPO_ROOT, 'test-fixtures/n-plus-one/projects/nest-paths');
    const root = trees.make({});
    fs.cpSync(project, root, { recursive: true });
    const { cli, breakAnalysis } = toolWithBreakableAnalysis();
    const cold = runCli(root, ['--format', 'json'], {}, cli);
    const findings = (JSON.parse(cold.stdout) as { findings: Array<{ file: string; line: number; rule: string }> }).findings;
    assert.deepEqual(
      findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`),
      [
        'apps/api/src/order/order-position.service.ts:10 n-plus-one',
        'apps/api/src/order/order.service.ts:17 n-plus-one',
        'apps/api/src/order/order.service.ts:26 n-plus-one',
        'apps/api/src/schema/table.service.ts:17 n-plus-one',
      ],
    );
    breakAnalysis();
    assert.deepEqual(runCli(root, ['--format', 'json'], {}, cli), cold, 'the same report, the project model read from the cache');
    writeFiles(root, { 'tsconfig.base.json': '{ "compilerOptions": {} }\n' });
    const moved = runCli(root, ['--format', 'json'], {}, cli);
    assert.equal(moved.status, 2, 'another project configuration needs the analysis, which fails here');
    assert.match(moved.stderr, /the analysis was loaded/);
  });
});

describe('perf-lint baseline (perf-lint-suppressions.json)', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  const ERRORS = ['--rule', `${SLOW_RULE}=error`, '--rule', 'await-in-loop=error'];
  const readBaseline = (root: string): unknown => JSON.parse(fs.readFileSync(path.join(root, 'perf-lint-suppressions.json'), 'utf8'));
  const findingsOf = (root: string, args: string[] = []) => runJson(root, [...ERRORS, ...args]);

  it('--suppress-all records the findings; later runs report and fail only on new ones, also after the code moved', () => {
    const root = trees.make({ 'src/a.ts': SLOW_CODE, 'src/b.ts': LOOP_CODE });
    assert.equal(findingsOf(root).status, 1);
    const recorded = runCli(root, ['--suppress-all', ...ERRORS]);
    assert.equal(recorded.status, 0);
    assert.equal(recorded.stderr, 'perf-lint: recorded 2 findings in perf-lint-suppressions.json; later runs report only new ones\n');
    const slowLine = SLOW_CODE.split('\n')[1]!;
    assert.deepEqual(readBaseline(root), {
      'src/a.ts': { [SLOW_RULE]: { [lineFingerprint(slowLine)]: 1 } },
      'src/b.ts': { 'await-in-loop': { [lineFingerprint('await send(id);')]: 1 } },
    });
    assert.deepEqual(findingsOf(root), { status: 0, report: { version: 1, files: 2, findings: [], skipped: [] }, stderr: '' });
    assert.ok(runCli(root, ERRORS).stdout.endsWith('  2 problems suppressed by the suppressions file, not shown.\n'));

    // Lines added above, the code re-indented: still the same findings.
    writeFiles(root, { 'src/a.ts': `// a header\n\n${SLOW_CODE.replace('export async', '  export   async')}`, 'src/b.ts': `import './a';\n${LOOP_CODE}` });
    assert.deepEqual(findingsOf(root).report.findings, []);

    // A new finding fails the run, and only it is reported.
    writeFiles(root, {
      'src/c.ts': SLOW_CODE,
      'src/b.ts': `${LOOP_CODE}export async function more(ids: string[]) {\n  for (const id of ids) await send(\`\${id}!\`);\n}\n`,
    });
    const after = findingsOf(root);
    assert.deepEqual(
      after.report.findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`),
      ['src/b.ts:8 await-in-loop', 'src/c.ts:2 sync-io-in-async'],
    );
    assert.equal(after.status, 1);
  });

  it('keys a finding on a call over several lines by the line it starts on: its later arguments may change', () => {
    const code = (encoding: string): string =>
      `import { readFileSync } from 'node:fs';\nexport async function load(name) {\n  return readFileSync(\n    name,\n    '${encoding}',\n  );\n}\n`;
    const root = trees.make({ 'src/a.ts': code('utf8') });
    runCli(root, ['--suppress-all', ...ERRORS]);
    assert.deepEqual(readBaseline(root), { 'src/a.ts': { [SLOW_RULE]: { [lineFingerprint('return readFileSync(')]: 1 } } });
    writeFiles(root, { 'src/a.ts': code('latin1') });
    assert.deepEqual(findingsOf(root), { status: 0, report: { version: 1, files: 1, findings: [], skipped: [] }, stderr: '' });
  });

  it('--prune-suppressions removes entries that no longer match; until then a note says so', () => {
    const root = trees.make({ 'src/a.ts': SLOW_CODE, 'src/b.ts': SLOW_CODE, 'lib/c.ts': SLOW_CODE });
    runCli(root, ['--suppress-all']);
    writeFiles(root, { 'src/a.ts': CLEAN_CODE });
    const noted = runCli(root, ['src']);
    assert.equal(
      noted.stderr,
      'perf-lint: perf-lint-suppressions.json: suppressions that no longer match a finding (fixed or changed code): 1; --prune-suppressions removes them\n',
    );
    const pruned = runCli(root, ['--prune-suppressions', 'src/b.ts']);
    assert.equal(
      pruned.stderr,
      'perf-lint: perf-lint-suppressions.json: suppressions removed that no longer matched a finding: 0\n',
      'entries outside the paths linted are kept',
    );
    assert.deepEqual(Object.keys(readBaseline(root) as object), ['lib/c.ts', 'src/a.ts', 'src/b.ts']);
    runCli(root, ['--prune-suppressions']);
    assert.deepEqual(Object.keys(readBaseline(root) as object), ['lib/c.ts', 'src/b.ts']);
    assert.equal(runCli(root, []).stderr, '');
  });

  it('counts: two findings on equal lines need two entries; --suppressions-location moves the file', () => {
    const twice = `${SLOW_CODE}export async function again(name) { return readFileSync(name, 'utf8'); }\n`;
    const root = trees.make({ 'a.ts': SLOW_CODE });
    runCli(root, ['--suppress-all', '--suppressions-location', 'ci/baseline.json']);
    assert.deepEqual(Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'ci/baseline.json'), 'utf8')) as object), ['../a.ts']);
    writeFiles(root, { 'a.ts': twice.replace('again', 'load') });
    const { report } = runJson(root, ['--suppressions-location', 'ci/baseline.json']);
    assert.deepEqual(
      report.findings.map((finding) => finding.line),
      [3],
      'the second equal line is new',
    );
  });

  it('refuses a damaged suppressions file with exit 2', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'perf-lint-suppressions.json': '{ "a.ts": { "no-such-rule": { "x": 1 } } }' });
    assert.deepEqual(runCli(root, []), {
      status: 2,
      stdout: '',
      stderr:
        'perf-lint: perf-lint-suppressions.json: "a.ts": "no-such-rule" is not a rule (known: n-plus-one, await-in-loop, sync-io-in-async, unbounded-promise-all)\n',
    });
  });
});
