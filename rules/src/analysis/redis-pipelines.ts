import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { ormValueOf } from './orm';
import { unwrapExpression } from './resolve';
import { enclosingFunction, isFunction, type FunctionNode, type Iteration } from './scopes';
import { visitWithinFunction } from './visit';

/** `redis.publish(channel, message)` on a client that sends the commands of one tick together (node-redis, ioredis with `enableAutoPipelining`). */
export function onPipeliningClient(context: RuleContext, call: TSESTree.Node): boolean {
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  return callee?.type === AST_NODE_TYPES.MemberExpression && !!ormValueOf(context, callee.object)?.pipelines;
}

/** Nothing is awaited before `node` in its function: a call of the function issues it before it first waits. */
export function issuedBeforeFirstAwait(context: RuleContext, node: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  return !!fn && node.range[0] < firstAwaitOf(context, fn);
}

/** Where the first `await` (or `for await`) of a function ends; past its end when it has none. */
function firstAwaitOf(context: RuleContext, fn: FunctionNode): number {
  const cache = context.shared.memo('firstAwaitOf', () => new Map<FunctionNode, number>());
  const known = cache.get(fn);
  if (known !== undefined) return known;
  let first = Infinity;
  visitWithinFunction(fn.body, (child) => {
    if (child.type === AST_NODE_TYPES.AwaitExpression || (child.type === AST_NODE_TYPES.ForOfStatement && child.await)) first = Math.min(first, child.range[1]);
  });
  cache.set(fn, first);
  return first;
}

/**
 * The iteration issues `call` without waiting for its reply before the next item: a loop that drops or collects its promise,
 * an array callback that issues it before its first await (`Promise.all(keys.map((key) => redis.get(key)))`).
 */
export function notAwaitedPerItem(context: RuleContext, call: TSESTree.Node, iteration: Iteration): boolean {
  if (iteration.kind === 'callback') return issuedBeforeFirstAwait(context, call);
  for (let current = call.parent; current && current !== iteration.loop; current = current.parent)
    if (current.type === AST_NODE_TYPES.AwaitExpression || isFunction(current)) return false;
  return true;
}
