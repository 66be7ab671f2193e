import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { docsUrl, lineFingerprint, ruleById, RULE_IDS } from '../../rules/src';
import { COMMAND_TIMEOUT, CLEAN_CODE, coreFindings, SLOW_CALL, SLOW_CODE, SLOW_RULE, positionOf, runCli, runJson, TempTrees } from './helpers';
import { formatSarif } from '../src/formats/sarif';
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
    assert.equal(status, 0, 'warnings alone exit 0');
  });

  it('json: a finding with an unsafe fix names it in suggestions, one with a safe fix is fixable', () => {
    const code = [
      'declare function fetchUser(id: string): Promise<string>;',
      'declare function sendEmail(id: string): Promise<void>;',
      'export async function f(ids: string[]) {',
      '  for (const id of ids) console.log(await fetchUser(id));',
      '  for (const id of ids) await sendEmail(id);',
      '}',
      '',
    ].join('\n');
    const root = trees.make({ 'loops.ts': code });
    const { report } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => [finding.line, finding.fixable, finding.suggestions]),
      [
        [4, true, undefined],
        [
          5,
          false,
          [{ desc: 'Run the calls concurrently, at most 8 at a time (unsafe fix: later calls start before earlier ones finish, and run even if one fails)' }],
        ],
      ],
    );
    assert.deepEqual(Object.keys(report.findings[1]!), [
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'rule',
      'severity',
      'message',
      'fixable',
      'suggestions',
    ]);
    // A cached run says the same.
    assert.deepEqual(runJson(root).report, report);
  });

  it('counts the files not checked for their role in json, text, sarif and html', () => {
    const root = trees.make({ 'src/slow.ts': SLOW_CODE, 'src/slow.spec.ts': SLOW_CODE, 'src/migrations/001-users.ts': SLOW_CODE });
    const { report } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => finding.file),
      ['src/slow.ts'],
    );
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { test: 1, migration: 1 });
    assert.match(runCli(root, []).stdout, /\n {2}Not checked by role: 1 test, 1 migration files \("roles" in \.perflintrc\.json turns them on\)\.\n$/);
    const sarif = JSON.parse(runCli(root, ['--format', 'sarif']).stdout) as { runs: Array<{ properties?: unknown }> };
    assert.deepEqual(sarif.runs[0]!.properties, { uncheckedFilesByRole: { test: 1, migration: 1 } });
    assert.match(runCli(root, ['--format', 'html']).stdout, /not checked by role: 1 test, 1 migration files\./);
  });

  it('json: paths are relative to the current folder, also for a path given from inside', () => {
    const root = slowTree();
    const { report } = runJson(path.join(root, 'src'), ['.']);
    assert.deepEqual(
      report.findings.map((finding) => finding.file),
      ['slow.ts'],
    );
    const fromAbove = runJson(root, ['src/slow.ts']);
    assert.deepEqual(
      fromAbove.report.findings.map((finding) => finding.file),
      ['src/slow.ts'],
    );
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
    assert.equal(result.status, 0);
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

  it('sarif: valid 2.1.0 with every rule described as GitHub code scanning reads it, and the finding located', () => {
    const root = trees.make({ 'src/name with spaces.ts': SLOW_CODE, 'src/clean.ts': CLEAN_CODE });
    const result = runCli(root, ['--format', 'sarif', '--rule', `${SLOW_RULE}=info`]);
    const log = JSON.parse(result.stdout) as any;
    assertValidSarif(log);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'perf-lint');
    assert.deepEqual(run.tool.driver.rules.map((rule: any) => rule.id).sort(), [...RULE_IDS].sort());
    for (const rule of run.tool.driver.rules) {
      const meta = ruleById(rule.id)!.meta;
      assert.equal(rule.helpUri, docsUrl(rule.id));
      assert.deepEqual(rule.fullDescription, { text: meta.description });
      assert.ok(rule.help.text.startsWith(meta.description) && rule.help.text.includes(docsUrl(rule.id)), rule.help.text);
      assert.ok(rule.help.markdown.includes(`](${docsUrl(rule.id)})`), rule.help.markdown);
      assert.match(rule.name, /^[A-Z][A-Za-z]+$/);
    }
    const slowRule = run.tool.driver.rules.find((rule: any) => rule.id === SLOW_RULE);
    assert.equal(slowRule.name, 'SyncIoInAsync');
    assert.deepEqual(slowRule.defaultConfiguration, { level: 'note' });
    assert.deepEqual(slowRule.properties, { tags: ['performance'], precision: 'high', 'problem.severity': 'recommendation' });
    assert.deepEqual(run.automationDetails, { id: 'perf-lint/' });
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
        partialFingerprints: { primaryLocationLineHash: `${lineFingerprint(SLOW_CODE.split('\n')[1]!)}:1` },
      },
    ]);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${root}/`);
    assert.equal(result.status, 0);
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
    assert.equal(result.status, 0);
  });
});

describe('the SARIF check used above', () => {
  const valid = () => ({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 't', rules: [{ id: 'r' }] } },
        results: [
          {
            ruleId: 'r',
            ruleIndex: 0,
            level: 'note',
            message: { text: 'm' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'a%20b.ts' }, region: { startLine: 1, startColumn: 1 } } }],
          },
        ],
      },
    ],
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

describe('sarif related locations', () => {
  it('lists the places a finding names, and tells equal lines apart by occurrence', () => {
    const row = {
      file: 'src/a.ts',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 9,
      rule: 'n-plus-one' as const,
      severity: 'warning' as const,
      message: 'm',
      fixable: false,
      lineText: 'await db.user.find(id);',
    };
    const query = { file: 'src/repo.ts', line: 10, column: 3, endLine: 10, endColumn: 20, message: 'the query runs here' };
    const data = {
      root: '.',
      files: 2,
      findings: [
        { ...row, related: [query] },
        { ...row, line: 7, endLine: 7 },
      ],
      skipped: [],
    };
    const rules = RULE_IDS.map((id) => ({ meta: ruleById(id)!.meta, severity: 'warning' as const }));
    const log = JSON.parse(formatSarif(data, { toolVersion: '1.0.0', cwd: '/work', rules, docsUrl })) as any;
    assertValidSarif(log);
    const [first, second] = log.runs[0].results;
    assert.deepEqual(first.relatedLocations, [
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'src/repo.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 10, startColumn: 3, endLine: 10, endColumn: 20 },
        },
        message: { text: 'the query runs here' },
      },
    ]);
    assert.equal(second.relatedLocations, undefined);
    const hash = lineFingerprint(row.lineText);
    assert.deepEqual(
      [first.partialFingerprints, second.partialFingerprints],
      [{ primaryLocationLineHash: `${hash}:1` }, { primaryLocationLineHash: `${hash}:2` }],
    );
  });
});
