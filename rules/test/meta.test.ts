import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, analyze } from '../src';
import { REPO_ROOT, expectedFindings, toExpected } from './annotations';

/** Fenced examples of a doc page: ```ts bad (annotated) and ```ts good (must be silent). */
function docExamples(markdown: string): Array<{ kind: 'bad' | 'good'; code: string; language: string }> {
  const examples: Array<{ kind: 'bad' | 'good'; code: string; language: string }> = [];
  for (const match of markdown.matchAll(/```(ts|tsx|js|jsx|mjs|cjs)\s+(bad|good)\n([^]*?)```/g)) {
    examples.push({ language: match[1]!, kind: match[2] as 'bad' | 'good', code: match[3]! });
  }
  return examples;
}

describe('rules meta', () => {
  for (const rule of ALL_RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      it('has its source, test and doc page under its own name', () => {
        assert.ok(fs.existsSync(path.join(REPO_ROOT, 'rules/src/rules', `${id}.ts`)));
        assert.ok(fs.existsSync(path.join(REPO_ROOT, 'rules/test', `${id}.test.ts`)), 'test file');
        assert.ok(fs.existsSync(path.join(REPO_ROOT, 'rules/docs', `${id}.md`)), 'doc page');
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
            assert.ok(expected.some((finding) => finding.rule === id), 'a bad example annotates a finding of its rule');
            assert.deepEqual(actual, expected);
          }
        });
      });
    });
  }
});
