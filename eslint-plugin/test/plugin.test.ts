import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { analyze, applyFixes, DEFAULT_OPTIONS, fixText, ruleById, RULE_IDS } from '../../rules/src';
import { COMMAND_TIMEOUT, REPO_ROOT, runJson, SLOW_CODE, type JsonFinding } from '../../cli/test/helpers';

/** typescript-eslint's parser (its types need a newer module resolution than the project's). */
const tsParser = require('@typescript-eslint/parser') as Linter.Parser;

/** The bundled plugin, as its package ships it. */
const PLUGIN_FILE = path.join(REPO_ROOT, 'eslint-plugin', 'dist', 'index.js');
const FIXTURE_FOLDERS = ['await-in-loop', 'n-plus-one', 'sync-io-in-async', 'unbounded-promise-all'];
const SOURCES = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const UPA_OPTIONS = ruleById('unbounded-promise-all')!.meta.options!;
const AWAIT_OPTIONS = ruleById('await-in-loop')!.meta.options!;

interface PerfLintPlugin extends ESLint.Plugin {
  configs: { recommended: Linter.Config };
}

function loadPlugin(): PerfLintPlugin {
  return require(PLUGIN_FILE) as PerfLintPlugin;
}

/** ESLint 10 with typescript-eslint's parser and the plugin's recommended configuration, in `cwd`. */
function eslintIn(cwd: string, options: ESLint.Options = {}): ESLint {
  const plugin = loadPlugin();
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ files: [SOURCES], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } }, plugin.configs.recommended],
    ...options,
  });
}

/** ESLint's messages as the command's JSON rows (ESLint counts columns from 1 in its results, as the command does). */
function asRows(results: readonly ESLint.LintResult[], cwd: string): string[] {
  const rows: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      assert.ok(message.ruleId?.startsWith('perf-lint/'), `${result.filePath}: ${message.message}`);
      const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
      rows.push(
        `${file}:${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId!.slice('perf-lint/'.length)} ${message.message}`,
      );
    }
  }
  return rows.sort();
}

function commandRows(findings: readonly JsonFinding[]): string[] {
  return findings
    .map((finding) => `${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.rule} ${finding.message}`)
    .sort();
}

describe('eslint-plugin-perf-lint under ESLint 10', function () {
  this.timeout(COMMAND_TIMEOUT);
  let root: string;

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-eslint-')));
    // Without the fixtures' .perflintrc.json files, which ESLint does not read: both tools run every rule with its defaults.
    const withoutConfig = (source: string): boolean => path.basename(source) !== '.perflintrc.json';
    for (const folder of FIXTURE_FOLDERS)
      fs.cpSync(path.join(REPO_ROOT, 'test-fixtures', folder), path.join(root, folder), { recursive: true, filter: withoutConfig });
    // The project root, as in a repository: the plugin builds its project model from here.
    fs.mkdirSync(path.join(root, '.git'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('exposes the four rules as perf-lint/<rule-id> and a flat recommended configuration', () => {
    const plugin = loadPlugin();
    assert.deepEqual(Object.keys(plugin.rules!).sort(), [...RULE_IDS].sort());
    assert.deepEqual(plugin.configs.recommended.rules, Object.fromEntries(RULE_IDS.map((id) => [`perf-lint/${id}`, 'warn'])));
    assert.equal(plugin.configs.recommended.plugins!['perf-lint'], plugin);
    assert.equal(plugin.meta?.name, 'eslint-plugin-perf-lint');
  });

  it('reports on the shared fixtures exactly what the command reports', async () => {
    const command = runJson(root, ['--no-cache']);
    const results = await eslintIn(root).lintFiles(['.']);
    const fatal = results.filter((result) => result.fatalErrorCount > 0).map((result) => `${result.filePath}: ${result.messages[0]?.message}`);
    assert.deepEqual(fatal, [], 'typescript-eslint parses every fixture');
    const expected = commandRows(command.report.findings);
    assert.ok(expected.length > 100, `the fixtures hold findings of every rule (${expected.length})`);
    assert.deepEqual(asRows(results, root), expected);
  });

  it("applies safe fixes as ESLint fixes, with the core's output, and offers unsafe ones as suggestions", async () => {
    const file = path.join(root, 'slow.ts');
    fs.writeFileSync(file, SLOW_CODE);
    try {
      const [fixed] = await eslintIn(root, { fix: true }).lintFiles(['slow.ts']);
      assert.equal(fixed!.output, fixText(SLOW_CODE, file, DEFAULT_OPTIONS).text);
      // The child's output went to the terminal; the promise API would capture it: a fix that changes what is printed is unsafe.
      const unsafe = "import { execSync } from 'node:child_process';\nexport async function build() {\n  execSync('make');\n}\n";
      const [core] = analyze(unsafe, path.join(root, 'handler.ts')).findings;
      assert.equal(core?.fix?.safe, false, 'the core offers an unsafe fix here');
      const [result] = await eslintIn(root).lintText(unsafe, { filePath: path.join(root, 'handler.ts') });
      const [message] = result!.messages;
      assert.equal(message?.ruleId, 'perf-lint/sync-io-in-async');
      assert.equal(message?.fix, undefined);
      assert.equal(message?.suggestions?.length, 1);
      const [suggestion] = message!.suggestions!;
      assert.equal(suggestion!.desc, core!.fix!.title);
      const applied = unsafe.slice(0, suggestion!.fix.range[0]) + suggestion!.fix.text + unsafe.slice(suggestion!.fix.range[1]);
      assert.equal(applied, applyFixes(unsafe, [core!.fix!]).text);
    } finally {
      fs.rmSync(file);
    }
  });

  describe("each rule's options, as ESLint rule options", () => {
    /** The recommended configuration with some rules set again, with their options. */
    const configured = (rules: Linter.RulesRecord): ESLint =>
      eslintIn(root, {
        overrideConfig: [{ files: [SOURCES], languageOptions: { parser: tsParser } }, loadPlugin().configs.recommended, { files: [SOURCES], rules }],
      });
    const FAN_OUT = [
      'declare function notify(id: string): Promise<void>;',
      'export async function notifyAll(ids: string[]): Promise<void> {',
      '  await Promise.all(ids.map((id) => notify(id)));',
      '}',
      '',
    ].join('\n');
    const STEPS = [
      'declare function syncAccount(id: string): Promise<void>;',
      'declare function fetchUser(id: string): Promise<void>;',
      'export async function refresh(ids: string[]): Promise<void> {',
      '  for (const id of ids) await syncAccount(id);',
      '  for (const id of ids) await fetchUser(id);',
      '}',
      '',
    ].join('\n');
    const where = (result: ESLint.LintResult | undefined): string[] =>
      result!.messages.map((message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}`);

    it('declares a schema of the options each rule reads, and none for a rule without options', () => {
      const { rules } = loadPlugin();
      assert.deepEqual(rules!['unbounded-promise-all']!.meta!.schema, [
        {
          type: 'object',
          properties: {
            reportRecordLists: { type: 'boolean', description: UPA_OPTIONS.reportRecordLists!.description },
            reportUnknownLists: { type: 'boolean', description: UPA_OPTIONS.reportUnknownLists!.description },
          },
          additionalProperties: false,
        },
      ]);
      assert.deepEqual(rules!['await-in-loop']!.meta!.schema, [
        {
          type: 'object',
          properties: { sequentialHelpers: { type: 'array', items: { type: 'string' }, description: AWAIT_OPTIONS.sequentialHelpers!.description } },
          additionalProperties: false,
        },
      ]);
      assert.deepEqual(rules!['n-plus-one']!.meta!.schema, []);
      assert.deepEqual(rules!['sync-io-in-async']!.meta!.schema, []);
    });

    it('reportUnknownLists: a fan-out over a parameter is reported with the option, not without', async () => {
      const [plain] = await configured({}).lintText(FAN_OUT);
      assert.deepEqual(where(plain), []);
      const [wide] = await configured({ 'perf-lint/unbounded-promise-all': ['warn', { reportUnknownLists: true }] }).lintText(FAN_OUT);
      assert.deepEqual(where(wide), [
        '3:9-3:20 perf-lint/unbounded-promise-all Promise.all starts notify(...) for every item of ids at once; run at most 8 at a time.',
      ]);
    });

    it("sequentialHelpers: the named helper's loop is left alone, another rule's options do not change it", async () => {
      const loops = await configured({
        'perf-lint/await-in-loop': ['warn', { sequentialHelpers: ['syncAccount'] }],
        'perf-lint/unbounded-promise-all': ['warn', { reportUnknownLists: true }],
      }).lintText(STEPS);
      const fetchLoop = '5:25-5:30 perf-lint/await-in-loop This loop awaits fetchUser(...) one by one; run them concurrently, at most 8 at once.';
      assert.deepEqual(where(loops[0]), [fetchLoop]);
      const [plain] = await configured({}).lintText(STEPS);
      assert.deepEqual(where(plain), [
        '4:25-4:30 perf-lint/await-in-loop This loop awaits syncAccount(...) one by one; run them concurrently, at most 8 at once.',
        fetchLoop,
      ]);
    });

    it('refuses an option of the wrong type and one the rule does not read', async () => {
      const refused = async (rules: Linter.RulesRecord): Promise<string> => {
        try {
          await configured(rules).lintText(FAN_OUT);
        } catch (error) {
          return (error as Error).message.replace(/\s+/g, ' ');
        }
        return 'accepted';
      };
      assert.equal(
        await refused({ 'perf-lint/unbounded-promise-all': ['warn', { reportUnknownLists: 'yes' }] }),
        'Key "rules": Key "perf-lint/unbounded-promise-all": Value "yes" should be boolean. ',
      );
      assert.equal(
        await refused({ 'perf-lint/unbounded-promise-all': ['warn', { reportAllLists: true }] }),
        'Key "rules": Key "perf-lint/unbounded-promise-all": Value {"reportAllLists":true} should NOT have additional properties. ' +
          'Unexpected property "reportAllLists". Expected properties: "reportRecordLists", "reportUnknownLists". ',
      );
      assert.equal(
        await refused({ 'perf-lint/n-plus-one': ['warn', { reportUnknownLists: true }] }),
        'Key "rules": Key "perf-lint/n-plus-one": Value [{"reportUnknownLists":true}] should NOT have more than 0 items. ',
      );
    });
  });

  it('degrades to what the one file shows when the text has no file on disk', async () => {
    const [result] = await eslintIn(root).lintText(SLOW_CODE);
    assert.deepEqual(
      result!.messages.map((message) => message.ruleId),
      ['perf-lint/sync-io-in-async'],
    );
  });
});
