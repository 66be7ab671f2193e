import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { databaseQueryOf } from '../analysis/queries';
import { unwrapExpression } from '../analysis/resolve';
import { enclosingLoop, type LoopStatement } from '../analysis/scopes';
import { awaitSequentialReason, calleeName, loopSequentialReason } from '../analysis/sequential';
import { awaitInLoopFix } from '../fixes/concurrency-fix';
import type { Rule } from '../types';

const AWAIT_KEYWORD_LENGTH = 'await'.length;

export const awaitInLoop: Rule = {
  meta: {
    id: 'await-in-loop',
    defaultSeverity: 'warning',
    description: 'An `await` in a loop whose iterations do not depend on each other, so they could run concurrently.',
    messages: {
      awaitInLoop:
        '`await` in a loop runs {{call}} one item at a time: each iteration waits for the previous one although they do not depend on each other, so the loop takes the sum of all the waits. Run the calls concurrently with a bound (e.g. `p-map` with `{ concurrency: {{limit}} }`) and keep the rest of the loop in order.',
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
            (node) => !databaseQueryOf(context, node.argument) && !awaitSequentialReason(context, loop, node),
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

/** "the `fetchUser(...)` calls" for the message, or "the awaited calls" when there is no simple name. */
function describeCall(node: TSESTree.AwaitExpression): string {
  const operand = unwrapExpression(node.argument);
  const name = operand.type === AST_NODE_TYPES.CallExpression || operand.type === AST_NODE_TYPES.NewExpression ? calleeName(operand) : undefined;
  return name ? `the \`${name}(…)\` calls` : 'the awaited calls';
}
