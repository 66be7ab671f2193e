import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { docsUrl, RULE_IDS } from '../../rules/src';
import { COMMAND_TIMEOUT, CLEAN_CODE, coreFindings, SLOW_CALL, SLOW_CODE, SLOW_RULE, positionOf, runCli, runJson, TempTrees } from './helpers';
import { assertValidSarif } from './sarif-schema';

describe('perf-lint output formats', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  const slowTree = (): string => trees.make({ 'src/slow.ts': SLOW_CODE, 'src/clean.ts': CLEAN_CODE });
  const expectedSlowFinding = (root: string) => coreFindings('src/slow.ts', SLOW_CODE, path.join(root, 'src/slow.ts'));

  it('json: exactly the contract object, positions 1-based, paths relative with forward slashes', () => {
    const root = slowTree();
    const { status, report } = runJson(root);
    const [finding] = expectedSlowFinding(root);
    assert.ok(finding, 'the core reports the call');
    assert.deepEqual({ line: finding.line, column: finding.column, rule: finding.rule }, { ...positionOf(SLOW_CODE, SLOW_CALL), rule: SLOW_RULE });
    assert.deepEqual(report, { version: 1, files: 2, findings: [finding], skipped: [] });
    assert.deepEqual(Object.keys(report.findings[0]!), ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message', 'fixable']);
    assert.equal(status, 1);
  });

  it('json: paths are relative to the current folder, also for a path given from inside', () => {
    const root = slowTree();
    const { report } = runJson(path.join(root, 'src'), ['.']);
    assert.deepEqual(report.findings.map((finding) => finding.file), ['slow.ts']);
    const fromAbove = runJson(root, ['src/slow.ts']);
    assert.deepEqual(fromAbove.report.findings.map((finding) => finding.file), ['src/slow.ts']);
  });

  it('text: grouped by file, line:col severity message rule, then the summary', () => {
    const root = slowTree();
    const result = runCli(root, []);
    const [finding] = expectedSlowFinding(root);
    const fixable = finding!.fixable ? '  1 problem fixable with the --fix option.\n' : '';
    assert.equal(
      result.stdout,
      `src/slow.ts\n  ${finding!.line}:${finding!.column}  warning  ${finding!.message}  ${SLOW_RULE}\n\n` +
        `\u2716 1 problem (0 errors, 1 warning, 0 info) in 2 files\n${fixable}`,
    );
    assert.equal(result.status, 1);
  });

  it('text: a clean tree says so and exits 0', () => {
    const root = trees.make({ 'a.ts': CLEAN_CODE });
    assert.deepEqual(runCli(root, []), { status: 0, stdout: '\u2714 No problems in 1 file.\n', stderr: '' });
  });

  it('text: no colors when NO_COLOR is set or stdout is not a terminal', () => {
    const root = slowTree();
    // eslint-disable-next-line no-control-regex -- the escape character is what a color code starts with
    assert.doesNotMatch(runCli(root, [], { NO_COLOR: '' }).stdout, /\u001b\[/);
  });

  it('sarif: valid 2.1.0 with every rule described and the finding located', () => {
    const root = trees.make({ 'src/name with spaces.ts': SLOW_CODE, 'src/clean.ts': CLEAN_CODE });
    const result = runCli(root, ['--format', 'sarif', '--rule', `${SLOW_RULE}=info`]);
    const log = JSON.parse(result.stdout) as any;
    assertValidSarif(log);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'perf-lint');
    assert.deepEqual(run.tool.driver.rules.map((rule: any) => rule.id).sort(), [...RULE_IDS].sort());
    for (const rule of run.tool.driver.rules) assert.equal(rule.helpUri, docsUrl(rule.id));
    const slowRule = run.tool.driver.rules.find((rule: any) => rule.id === SLOW_RULE);
    assert.deepEqual(slowRule.defaultConfiguration, { level: 'note' });
    const [finding] = coreFindings('src/name with spaces.ts', SLOW_CODE, path.join(root, 'src/name with spaces.ts'));
    assert.deepEqual(run.results, [
      {
        ruleId: SLOW_RULE,
        ruleIndex: run.tool.driver.rules.indexOf(slowRule),
        level: 'note',
        message: { text: finding!.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'src/name%20with%20spaces.ts', uriBaseId: '%SRCROOT%' },
              region: { startLine: finding!.line, startColumn: finding!.column, endLine: finding!.endLine, endColumn: finding!.endColumn },
            },
          },
        ],
      },
    ]);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${root}/`);
    assert.equal(result.status, 1);
  });

  it('sarif: files not analyzed become tool notifications; a clean run has no results', () => {
    const big = `${SLOW_CODE}// ${'x'.repeat(200)}\n`;
    const root = trees.make({ 'big.ts': big, '.perflintrc.json': '{ "maxFileSize": 100 }' });
    const result = runCli(root, ['--format', 'sarif']);
    const log = JSON.parse(result.stdout) as any;
    assertValidSarif(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.deepEqual(log.runs[0].invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: `not analyzed: larger than maxFileSize (${big.length} bytes, limit 100)` },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'big.ts', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
    assert.equal(result.status, 0);
  });

  it('html: one self-contained page with counts, the folder chart and escaped code', () => {
    const code = SLOW_CODE.replace('readFileSync(name,', 'readFileSync(name + "<script>alert(1)</script>",');
    const root = trees.make({ 'web/a.ts': code, 'web/b.ts': SLOW_CODE, 'api/c.ts': SLOW_CODE });
    const result = runCli(root, ['--format', 'html']);
    const html = result.stdout;
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(html.includes('return readFileSync(name + &#34;&#60;script&#62;alert(1)&#60;/script&#62;&#34;, &#39;utf8&#39;); }'), 'the line of code, escaped');
    assert.doesNotMatch(html, /<script|<link|\ssrc=|url\(/i);
    assert.ok(html.includes(`<tr><td><code>${SLOW_RULE}</code></td><td class="n">3</td><td class="n">0</td><td class="n">3</td><td class="n">0</td></tr>`));
    assert.match(html, /<svg class="chart"[^]*>web<\/text>[^]*>api<\/text>[^]*<\/svg>/);
    assert.equal(result.status, 1);
  });
});

describe('the SARIF check used above', () => {
  const valid = () => ({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 't', rules: [{ id: 'r' }] } }, results: [{ ruleId: 'r', ruleIndex: 0, level: 'note', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a%20b.ts' }, region: { startLine: 1, startColumn: 1 } } }] }] }],
  });

  it('accepts a minimal log', () => assertValidSarif(valid()));

  it('rejects what the schema rejects', () => {
    const cases: Array<(log: any) => void> = [
      (log) => delete log.runs[0].results[0].message,
      (log) => (log.runs[0].results[0].level = 'info'),
      (log) => (log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a b.ts'),
      (log) => (log.runs[0].results[0].locations[0].physicalLocation.region.startColumn = 0),
      (log) => (log.runs[0].results[0].ruleIndex = 1),
      (log) => (log.runs[0].tool.driver.rules[0] = { name: 'no id' }),
      (log) => (log.runs[0].results[0].severity = 'warning'),
      (log) => (log.version = '2.0.0'),
    ];
    for (const spoil of cases) {
      const log = valid();
      spoil(log);
      assert.throws(() => assertValidSarif(log), assert.AssertionError, spoil.toString());
    }
  });
});
