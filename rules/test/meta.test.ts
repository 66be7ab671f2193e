import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, analyze, docsUrl, RULE_IDS, SEVERITY_SETTINGS } from '../src';
import { REPO_ROOT, expectedFindings, toExpected } from './annotations';

/** Fenced examples of a doc page: ```ts bad (annotated) and ```ts good (must be silent). */
function docExamples(markdown: string): Array<{ kind: 'bad' | 'good'; code: string; language: string }> {
  const examples: Array<{ kind: 'bad' | 'good'; code: string; language: string }> = [];
  for (const match of markdown.matchAll(/```(ts|tsx|js|jsx|mjs|cjs)\s+(bad|good)\n([^]*?)```/g)) {
    examples.push({ language: match[1]!, kind: match[2] as 'bad' | 'good', code: match[3]! });
  }
  return examples;
}

/** Names of the files in `folder` with `extension`, without it. */
function baseNames(folder: string, extension: string): string[] {
  return fs
    .readdirSync(path.join(REPO_ROOT, folder))
    .filter((name) => name.endsWith(extension))
    .map((name) => name.slice(0, -extension.length))
    .sort();
}

interface SettingSchema {
  enum?: string[];
  default?: unknown;
  markdownDescription?: string;
}

interface Manifest {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
}

describe('rules meta', () => {
  const ids = ALL_RULES.map((rule) => rule.meta.id);
  const manifestText = fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8');
  const settings = (JSON.parse(manifestText) as Manifest).contributes.configuration.properties;
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

  it('lists every rule once, as the registry does', () => {
    assert.deepEqual(RULE_IDS, ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('registers every rule source and has no doc page of a rule it lacks', () => {
    const sorted = [...ids].sort();
    assert.deepEqual(baseNames('rules/src/rules', '.ts'), sorted, 'rules/src/rules');
    assert.deepEqual(baseNames('rules/docs', '.md'), sorted, 'rules/docs');
  });

  it('has exactly one editor setting per rule', () => {
    const ruleSettings = Object.keys(settings).filter((key) => key.startsWith('perfLint.rules.'));
    assert.deepEqual(ruleSettings.sort(), ids.map((id) => `perfLint.rules.${id}`).sort());
    for (const key of ruleSettings) {
      assert.equal(manifestText.split(`"${key}"`).length - 1, 1, `${key} appears once in package.json`);
    }
  });

  it('has exactly one README row per rule', () => {
    const rows = [...readme.matchAll(/^\| \[`([^`]+)`\]\(rules\/docs\/([^)]+)\.md\)/gm)].map((match) => [match[1], match[2]]);
    assert.deepEqual(rows.map(([id]) => id).sort(), [...ids].sort());
    for (const [id, page] of rows) assert.equal(page, id, `the README row of ${id} links its own page`);
  });

  for (const rule of ALL_RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      it('has its source, test and doc page under its own name', () => {
        assert.ok(fs.existsSync(path.join(REPO_ROOT, 'rules/src/rules', `${id}.ts`)));
        assert.ok(fs.existsSync(path.join(REPO_ROOT, 'rules/test', `${id}.test.ts`)), 'test file');
        assert.ok(fs.existsSync(path.join(REPO_ROOT, 'rules/docs', `${id}.md`)), 'doc page');
        assert.ok(fs.statSync(path.join(REPO_ROOT, 'test-fixtures', id), { throwIfNoEntry: false })?.isDirectory(), 'fixture folder');
      });

      it('has its editor setting: every severity, the default severity and a link to its page', () => {
        const setting = settings[`perfLint.rules.${id}`];
        assert.ok(setting, 'setting');
        assert.deepEqual(setting.enum, SEVERITY_SETTINGS);
        assert.equal(setting.default, rule.meta.defaultSeverity);
        assert.ok(setting.markdownDescription?.includes(`(${docsUrl(id)})`), 'links the doc page');
      });

      const docPath = path.join(REPO_ROOT, 'rules/docs', `${id}.md`);
      const examples = fs.existsSync(docPath) ? docExamples(fs.readFileSync(docPath, 'utf8')) : [];
      examples.forEach((example, index) => {
        it(`doc example ${index + 1} (${example.kind}) behaves as the page says`, () => {
          const fileName = `example.${example.language}`;
          const result = analyze(example.code, fileName);
          const actual = toExpected(example.code, result.findings);
          if (example.kind === 'good') assert.deepEqual(actual, []);
          else {
            const expected = expectedFindings(example.code);
            assert.ok(
              expected.some((finding) => finding.rule === id),
              'a bad example annotates a finding of its rule',
            );
            assert.deepEqual(actual, expected);
          }
        });
      });
    });
  }
});
