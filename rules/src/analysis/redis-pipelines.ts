import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { ormValueOf } from './orm';
import { unwrapExpression } from './resolve';
import { isFunction, type Iteration } from './scopes';
import { issuedBeforeFirstAwait } from './visit';

/** `redis.publish(channel, message)` on a client that sends the commands of one tick together (node-redis, ioredis with `enableAutoPipelining`). */
export function onPipeliningClient(context: RuleContext, call: TSESTree.Node): boolean {
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  return callee?.type === AST_NODE_TYPES.MemberExpression && !!ormValueOf(context, callee.object)?.pipelines;
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
