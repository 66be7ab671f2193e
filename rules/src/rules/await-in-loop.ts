import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { unwrapExpression } from '../analysis/resolve';
import { databaseQueryOf } from '../analysis/queries';
import { enclosingLoop, type LoopStatement } from '../analysis/scopes';
import { awaitSequentialReason, loopSequentialReason } from '../analysis/sequential';
import { callLabel } from '../analysis/names';
import { callsLocalComputation } from '../analysis/await-patterns';
import { awaitInLoopFix } from '../fixes/concurrency-fix';
import type { Rule } from '../types';

const AWAIT_KEYWORD_LENGTH = 'await'.length;

export const awaitInLoop: Rule = {
  meta: {
    id: 'await-in-loop',
    defaultSeverity: 'warning',
    description: 'An `await` in a loop whose iterations do not depend on each other, so they could run concurrently.',
    messages: {
      awaitInLoop: 'This loop awaits {{call}} one item at a time; run the calls concurrently, at most {{limit}} at once.',
    },
    fixable: true,
  },
  prefilter: /\bawait\b/,
  gate: (signals) => signals.awaitInLoop,
  create(context) {
    const awaitsByLoop = new Map<LoopStatement, TSESTree.AwaitExpression[]>();
    return {
      AwaitExpression(node: TSESTree.AwaitExpression) {
        const loop = enclosingLoop(node);
        if (!loop) return;
        const list = awaitsByLoop.get(loop) ?? [];
        list.push(node);
        awaitsByLoop.set(loop, list);
      },
      'Program:exit'() {
        for (const [loop, awaits] of awaitsByLoop) {
          if (loopSequentialReason(context, loop)) continue;
          // An awaited query is the n-plus-one rule's finding; the loop's other awaits may still count.
          const first = awaits.find(
            (node) => !databaseQueryOf(context, node.argument) && !callsLocalComputation(context, node.argument) && !awaitSequentialReason(context, loop, node),
          );
          if (!first) continue;
          const fix = awaitInLoopFix(context, loop, first);
          context.report({
            node: first,
            range: [first.range[0], first.range[0] + AWAIT_KEYWORD_LENGTH],
            messageId: 'awaitInLoop',
            data: { call: describeCall(first), limit: String(context.options.concurrencyLimit) },
            ...(fix && { fix }),
          });
        }
      },
    };
  },
};

/** `api.fetchUser(...)` for the message, or "each call" when there is no simple name. */
function describeCall(node: TSESTree.AwaitExpression): string {
  const label = callLabel(firstListedCall(node.argument));
  return label ? `${label}(...)` : 'each call';
}

/** The first call of `Promise.all([a(x), b(x)])`, which names the work better than `Promise.all`; else the node itself. */
function firstListedCall(node: TSESTree.Node): TSESTree.Node {
  const inner = unwrapExpression(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression || callLabel(inner) !== 'Promise.all') return node;
  const list = inner.arguments[0] && unwrapExpression(inner.arguments[0]);
  const first = list?.type === AST_NODE_TYPES.ArrayExpression ? list.elements[0] : undefined;
  return first && first.type !== AST_NODE_TYPES.SpreadElement ? first : node;
}
