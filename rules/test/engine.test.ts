import * as assert from 'node:assert/strict';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { analyzeWithRules, DEFAULT_OPTIONS } from '../src/engine';
import type { Rule, RuleId } from '../src';

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
