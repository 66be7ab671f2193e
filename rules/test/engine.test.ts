import * as assert from 'node:assert/strict';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import * as fs from 'node:fs';
import { analyze, analyzeScreened, analyzeWithRules, DEFAULT_OPTIONS, screenText } from '../src/engine';
import { readSyntax } from '../src/syntax-signals';
import type { AnalysisOptions, AnalysisResult, Rule, RuleId } from '../src';
import { repositorySources } from './annotations';

/** A rule of the test's own that writes what it hears to `heard`; when `throws`, it fails on the identifier `fail`. */
function listeningRule(id: string, heard: string[], throws = false): Rule {
  const name = (node: TSESTree.CallExpression): string => (node.callee.type === 'Identifier' ? node.callee.name : '?');
  return {
    meta: { id: id as RuleId, defaultSeverity: 'warning', description: 'test listener', messages: {}, fixable: false },
    prefilter: /(?:)/,
    create() {
      return {
        CallExpression: (node: TSESTree.CallExpression) => heard.push(`${id} enters ${name(node)}()`),
        'CallExpression:exit': (node: TSESTree.CallExpression) => heard.push(`${id} leaves ${name(node)}()`),
        Identifier(node: TSESTree.Identifier) {
          heard.push(`${id} ${node.name}`);
          if (throws && node.name === 'fail') throw new Error('boom');
        },
        'Program:exit': () => heard.push(`${id} done`),
      };
    },
  };
}

describe('the rules engine', () => {
  it('calls the listeners of each node in the rules order, entering and leaving, and a rule that threw hears no more', () => {
    const heard: string[] = [];
    const result = analyzeWithRules('f(a);\ng(fail);\nh(b);\n', 'sample.ts', DEFAULT_OPTIONS, [listeningRule('one', heard, true), listeningRule('two', heard)]);
    assert.deepEqual(heard, [
      'one enters f()',
      'two enters f()',
      'one f',
      'two f',
      'one a',
      'two a',
      'one leaves f()',
      'two leaves f()',
      'one enters g()',
      'two enters g()',
      'one g',
      'two g',
      'one fail',
      'two fail',
      'two leaves g()',
      'two enters h()',
      'two h',
      'two b',
      'two leaves h()',
      'two done',
    ]);
    assert.deepEqual(result.error, { message: 'rule failed: one: boom', kind: 'rule-failed' });
  });
});

describe('a screened text', () => {
  const screened = (text: string, fileName = 'src/service.ts', options: AnalysisOptions = DEFAULT_OPTIONS): AnalysisResult | undefined =>
    analyzeScreened(fileName, options, readSyntax(text, fileName).signals, screenText(text));

  it('no rule parses gets nothing', () => assert.deepEqual(screened('export const answer = 42;\n'), { findings: [] }));

  it('in a test file gets its unchecked role', () =>
    assert.deepEqual(screened('export const answer = 42;\n', 'src/user.test.ts'), { findings: [], unchecked: 'test' }));

  it('that looks minified gets why it is not analyzed', () =>
    assert.deepEqual(screened(`export const data = [${'1,'.repeat(6000)}];\n`), {
      findings: [],
      error: { message: 'not analyzed: looks minified (a line of 12023 characters, the limit is 10000)', kind: 'not-analyzed' },
    }));

  it('that is a bundle written on one line or a few gets why it is not analyzed; a long line among many is analyzed', () => {
    const bundle = `!function(){${'var a=Promise.all(p.map(function(e){return r(e)}));'.repeat(60)}}();\n`;
    assert.deepEqual(screened(bundle, 'public/op.js'), {
      findings: [],
      error: { message: 'not analyzed: looks minified (one line of 3077 characters on average, the limit is 1000)', kind: 'not-analyzed' },
    });
    const source = `export const logo = '${'A'.repeat(3000)}';\nexport async function f(ids) {\n  for (const id of ids) await load(id);\n}\n`;
    assert.equal(screened(source), undefined);
  });

  it('with a suppression comment is analyzed, for the comment may be unused', () =>
    assert.equal(screened('// perf-lint-disable-next-line\nexport const answer = 42;\n'), undefined));

  it('with an await in a loop is analyzed, unless its rule is off', () => {
    const text = 'export async function f(ids) { for (const id of ids) await load(id); }\n';
    assert.equal(screened(text), undefined);
    assert.deepEqual(screened(text, 'src/service.ts', { ...DEFAULT_OPTIONS, rules: { 'await-in-loop': 'off' } }), { findings: [] });
  });

  it('gets what its analysis gives, in every fixture and source file of this repository', () => {
    let answered = 0;
    for (const file of repositorySources()) {
      const text = fs.readFileSync(file, 'utf8');
      const { signals } = readSyntax(text, file);
      const result = analyzeScreened(file, DEFAULT_OPTIONS, signals, screenText(text));
      if (!result) continue;
      answered++;
      assert.deepEqual(result, analyze(text, file, DEFAULT_OPTIONS, signals), file);
    }
    assert.ok(answered > 150, `only ${answered} files answered without their analysis`);
  });
});
