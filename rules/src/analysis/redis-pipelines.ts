import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { ormValueOf } from './orm';
import { propertyName, resolveVariable, unwrapExpression } from './resolve';
import { REDIS_CLIENT } from './query-kinds';
import { stepsAfter } from './names';
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

/**
 * Whether the pipeline or transaction `exec()` sends holds a write: the commands chained before it
 * (`redis.multi().del(key).exec()`) or queued on the variable that holds it (`pipeline.srem(set, id)`).
 */
export function queuesWrite(context: RuleContext, exec: TSESTree.CallExpression): boolean {
  const commands: string[] = [];
  let queue = exec.callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(exec.callee.object) : undefined;
  for (; queue?.type === AST_NODE_TYPES.CallExpression && queue.callee.type === AST_NODE_TYPES.MemberExpression; queue = unwrapExpression(queue.callee.object))
    commands.push(propertyName(queue.callee) ?? '');
  if (queue?.type === AST_NODE_TYPES.Identifier)
    for (const reference of resolveVariable(context, queue)?.references ?? []) commands.push(...stepsAfter(reference.identifier));
  return commands.some((command) => REDIS_CLIENT.write.includes(command));
}
