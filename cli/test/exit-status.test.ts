import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_TIMEOUT, CLEAN_CODE, SLOW_CODE, SLOW_RULE, REPO_ROOT, runCli, runJson, TempTrees } from './helpers';

describe('perf-lint exit status, options and configuration', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('as ESLint: 1 for errors, 0 for warnings and info alone; --max-warnings 0 fails on any warning', () => {
    assert.equal(runCli(trees.make({ 'a.ts': CLEAN_CODE }), []).status, 0);
    const root = trees.make({ 'a.ts': SLOW_CODE });
    assert.equal(runCli(root, []).status, 0);
    assert.equal(runCli(root, ['--rule', `${SLOW_RULE}=error`]).status, 1);
    assert.equal(runCli(root, ['--rule', `${SLOW_RULE}=info`]).status, 0);
    assert.equal(runCli(root, ['--max-warnings', '0']).status, 1);
    assert.equal(runCli(root, ['--max-warnings', '0', '--rule', `${SLOW_RULE}=off`]).status, 0);
  });

  it('--help and --version print and exit 0', () => {
    const root = trees.make({});
    const help = runCli(root, ['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: perf-lint \[options\] \[PATH\.\.\.\]\n/);
    const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
    assert.deepEqual(runCli(root, ['--version']), { status: 0, stdout: `${version}\n`, stderr: '' });
  });

  const usageErrors: Array<[string[], string]> = [
    [['--rule', 'await-in-loops=error'], '--rule: unknown rule "await-in-loops" (known: n-plus-one, await-in-loop, sync-io-in-async, unbounded-promise-all)'],
    [['--rule', 'await-in-loop=fatal'], '--rule await-in-loop: severity must be one of off, info, warning, error, not "fatal"'],
    [['--rule', 'await-in-loop'], '--rule takes ID=SEVERITY, for example --rule await-in-loop=error (got "await-in-loop")'],
    [['--format', 'xml'], '--format must be one of text, json, sarif, html, github, compact, not "xml"'],
    [['--format'], '--format needs a value'],
    [['--output-file', '--quiet'], '--output-file needs a value'],
    [['-x'], 'unknown option -x (see --help)'],
    [['--stdin', 'a.ts'], '--stdin lints standard input: give no PATH with it'],
    [['--stdin', '--fix'], '--fix cannot write standard input back: leave it out with --stdin'],
    [['--stdin-filename', 'a.ts'], '--stdin-filename needs --stdin'],
    [['--stdin', '--stdin-filename', 'notes.md'], '--stdin-filename notes.md: not a file perf-lint reads (.ts .tsx .mts .cts .js .jsx .mjs .cjs)'],
    [['empty'], 'no files to lint in empty (sources are .ts .tsx .mts .cts .js .jsx .mjs .cjs; ignored and excluded files are skipped)'],
    [['.', 'empty', 'missing-too'], 'no such file or folder: missing-too'],
    [['--max-warnings', 'many'], '--max-warnings must be a whole number, not "many"'],
    [['--max-warnings'], '--max-warnings needs a value'],
    [['--fast'], 'unknown option --fast (see --help)'],
    [['--fix=yes'], '--fix takes no value'],
    [['missing-folder'], 'no such file or folder: missing-folder'],
    [['--config', 'nowhere.json'], 'cannot read the configuration nowhere.json: file vanished before it could be read'],
  ];
  for (const [args, message] of usageErrors) {
    it(`exits 2 on a usage error: ${args.join(' ')}`, () => {
      const root = trees.make({ 'a.ts': SLOW_CODE, 'empty/notes.txt': 'no code here\n', 'README.md': '# readme\n' });
      const result = runCli(root, args);
      assert.deepEqual(
        { ...result, stderr: result.stderr.replace(/^perf-lint: note: .*\n/gm, '') },
        { status: 2, stdout: '', stderr: `perf-lint: ${message.replace('<root>', root)}\n` },
      );
    });
  }

  const configErrors: Array<[string, string]> = [
    [
      '{ "rules": { "await-in-loop": "loud" } }',
      '.perflintrc.json: "rules.await-in-loop" must be one of off, info, warning, error, or [severity, { options }]',
    ],
    [
      '{ "rules": { "no-such-rule": "off" } }',
      '.perflintrc.json: "rules.no-such-rule" is not a rule (known: n-plus-one, await-in-loop, sync-io-in-async, unbounded-promise-all)',
    ],
    ['{ "maxFileSize": "big" }', '.perflintrc.json: "maxFileSize" must be a whole number of bytes'],
    [
      '{ "colour": true }',
      '.perflintrc.json: unknown key "colour" (known: root, enable, rules, concurrencyLimit, maxFileSize, exclude, overrides, roles, fixes)',
    ],
    ['{ "rules": ', '.perflintrc.json: not valid JSON: Unexpected end of JSON input'],
  ];
  for (const [config, message] of configErrors) {
    it(`exits 2 on a configuration error naming it: ${config}`, () => {
      const root = trees.make({ 'a.ts': SLOW_CODE, '.perflintrc.json': config });
      assert.deepEqual(runCli(root, []), { status: 2, stdout: '', stderr: `perf-lint: ${message}\n` });
    });
  }

  it('reads the nearest .perflintrc.json upward, but not beyond the repository root', () => {
    const root = trees.make({ '.perflintrc.json': `{ "rules": { "${SLOW_RULE}": "off" } }`, 'lib/a.ts': SLOW_CODE, 'repo/src/a.ts': SLOW_CODE });
    fs.mkdirSync(path.join(root, 'repo/.git'));
    assert.equal(runCli(path.join(root, 'lib'), ['--max-warnings', '0']).status, 0, "the parent folder's configuration applies");
    assert.equal(runCli(path.join(root, 'repo/src'), ['--max-warnings', '0']).status, 1, 'a repository does not inherit configuration from outside it');
  });

  it('--config uses the given file; --rule overrides the configuration', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'conf/perf.json': `{ "rules": { "${SLOW_RULE}": "off" } }` });
    assert.equal(runCli(root, ['--config', 'conf/perf.json', '--max-warnings', '0']).status, 0);
    const { status, report } = runJson(root, ['--config', 'conf/perf.json', '--rule', `${SLOW_RULE}=error`]);
    assert.deepEqual(
      report.findings.map((finding) => finding.severity),
      ['error'],
    );
    assert.equal(status, 1);
  });

  it('--max-warnings: 1 only for errors or more warnings than allowed (info does not count)', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'b.ts': SLOW_CODE });
    assert.equal(runCli(root, ['--max-warnings', '2']).status, 0);
    const over = runCli(root, ['--max-warnings', '1']);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'perf-lint: too many warnings (2; --max-warnings allows 1)\n');
    assert.equal(runCli(root, ['--max-warnings', '0', '--rule', `${SLOW_RULE}=info`]).status, 0);
    assert.equal(runCli(root, ['--max-warnings', '5', '--rule', `${SLOW_RULE}=error`]).status, 1);
  });
});
