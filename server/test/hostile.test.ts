import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { DEFAULT_CONFIG } from '../../rules/src/config';
import { LineIndex } from '../../rules/src/lines';
import { analyze, DEFAULT_OPTIONS } from '../../rules/src/engine';
import { ALL_RULES } from '../../rules/src/registry';
import type { Rule, RuleId } from '../../rules/src/types';
import { ORDINARY_CODE, ORDINARY_FILES, PARTIAL_FILES, unanalyzableFiles } from '../../rules/test/hostile-files';
import { mutate, randomSource } from '../../rules/test/mutations';
import { analyzeText } from '../src/analysis';
import { readConfigFile } from '../../workspace/src';
import { TestClient, uriOf } from './lspClient';

const WORKSPACE = path.join('/', 'workspace', 'hostile');
const uriIn = (name: string): string => uriOf(path.join(WORKSPACE, name));

/** Findings as `line:character rule`, 0-based as LSP counts, the notice of a file not analyzed as `not analyzed`. */
function brief(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) =>
    diagnostic.code === undefined ? 'not analyzed' : `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${String(diagnostic.code)}`,
  );
}

/** What the core finds in a text, in the same terms. */
function coreBrief(text: string, name: string): string[] {
  const { findings, error } = analyze(text, name, { ...DEFAULT_OPTIONS, maxFileSize: DEFAULT_CONFIG.maxFileSize });
  const lines = new LineIndex(text);
  const position = (offset: number): string => {
    const line = lines.lineOf(offset);
    return `${line}:${offset - lines.lineStart(line)}`;
  };
  return [...(error?.kind === 'not-analyzed' ? ['not analyzed'] : []), ...findings.map((finding) => `${position(finding.start)} ${finding.ruleId}`)];
}

describe('language server: every hostile document', function () {
  this.timeout(120_000);
  let client: TestClient;
  before(async () => (client = await TestClient.start({ mode: 'pull', settings: () => ({}) })));
  after(() => client.stop());

  const documents: Record<string, string> = {
    ...ORDINARY_FILES,
    ...PARTIAL_FILES,
    ...Object.fromEntries(Object.entries(unanalyzableFiles(DEFAULT_CONFIG.maxFileSize)).map(([name, content]) => [name, content.toString()])),
  };
  for (const [name, text] of Object.entries(documents)) {
    it(`${name}: the findings the core gives, or a notice that it was not analyzed`, async () => {
      const uri = uriIn(name);
      await client.open(uri, text);
      assert.deepEqual(brief(await client.pull(uri)), coreBrief(text, name));
      await client.close(uri);
      assert.ok(client.alive);
    });
  }

  it("survives a storm of random edits, answering code actions for versions already gone, and ends with the last version's findings", async () => {
    const uri = uriIn('storm.ts');
    const random = randomSource(7);
    let text = ORDINARY_CODE;
    await client.open(uri, text);
    let stale: Diagnostic[] = await client.pull(uri);
    for (let edit = 0; edit < 150; edit++) {
      text = mutate(text, random);
      await client.change(uri, text);
      if (edit % 10 === 0) {
        // Actions asked for diagnostics of an older version must not offer that version's edits.
        const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: stale },
        });
        assert.deepEqual(
          actions.filter((action) => action.edit),
          [],
          `edits offered for a stale version at edit ${edit}`,
        );
        stale = await client.pull(uri);
        await client.change(uri, text);
      }
    }
    assert.ok(client.alive);
    assert.deepEqual(brief(await client.pull(uri)), coreBrief(text, 'storm.ts'));
  });
});

describe('language server: a rule that throws', () => {
  const throwing: Rule = {
    meta: { id: 'throwing-rule' as RuleId, defaultSeverity: 'warning', description: 'throws', messages: {}, fixable: false },
    prefilter: /(?:)/,
    create: () => ({
      Program: () => {
        throw new Error('rule exploded');
      },
    }),
  };
  const rules = ALL_RULES as Rule[];
  before(() => rules.push(throwing));
  after(() => rules.splice(rules.indexOf(throwing), 1));

  it("costs only that rule's findings, says findings may be missing, and the log names the file and the rule", () => {
    const logged: string[] = [];
    const file = path.join(WORKSPACE, 'name with spaces é.ts');
    const result = analyzeText(ORDINARY_CODE, file, DEFAULT_OPTIONS, (message) => logged.push(message));
    const others = analyze(ORDINARY_CODE, file).findings;
    assert.ok(others.length > 0);
    assert.deepEqual(result, { findings: others, incomplete: 'rule failed: throwing-rule: rule exploded' });
    assert.equal(logged.length, 1);
    assert.ok(logged[0]!.includes(file), logged[0]);
    assert.match(logged[0]!, /throwing-rule: rule exploded/);
  });
});

describe('language server: a .perflintrc.json saved with a byte order mark', () => {
  it('is read like any other', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-config-'));
    try {
      const file = path.join(folder, '.perflintrc.json');
      fs.writeFileSync(file, '\uFEFF{ "concurrencyLimit": 3 }');
      const config = await readConfigFile(file, file);
      assert.equal(config.layer.concurrencyLimit, 3);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
