/** Values of limiter libraries (p-limit, p-queue, Bottleneck, semaphores): the work handed to them waits its turn, and runs once. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { unwrapAwaited } from './fixed-lists';
import { resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { enclosingFunction } from './scopes';

/** Libraries whose values bound how many calls run at once. */
const LIMITER_MODULES = /^(?:p-limit|p-queue|p-throttle|bottleneck|async-sema|limiter|async-mutex|semaphore-async-await|@shopify\/semaphore)$/;

/** How many steps back (`const limit = limiters.upload`) a limiter is followed. */
const MAX_DEPTH = 4;

/** The variable a callee chain starts from: `queue` in `queue.add`, `limit` in `limit`. */
export function rootIdentifier(callee: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrapExpression(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** `const limit = pLimit(4)`, `new PQueue(...)`, `pThrottle(options)(send)`, `limiter.wrap(send)`: a value a limiter library made. */
export function holdsLimiter(context: RuleContext, identifier: TSESTree.Identifier, depth = 0): boolean {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
  if (!init) return false;
  let maker = unwrapAwaited(init);
  while (maker.type === AST_NODE_TYPES.CallExpression || maker.type === AST_NODE_TYPES.NewExpression) {
    const created = resolveModuleMember(context, maker.callee);
    if (created && LIMITER_MODULES.test(created.module)) return true;
    maker = unwrapExpression(maker.callee);
  }
  const root = maker.type === AST_NODE_TYPES.MemberExpression ? rootIdentifier(maker) : undefined;
  return root !== undefined && root !== identifier && depth < MAX_DEPTH && holdsLimiter(context, root, depth + 1);
}

/**
 * `limit(() => prisma.file.update(...))` of `const limit = pLimit(4)`, `queue.add(async () => …)` of a p-queue: the call
 * that hands the function around `node` to a limiter, which runs it once, in its turn.
 */
export function limiterRunOf(context: RuleContext, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const task = enclosingFunction(node);
  const run = task?.parent;
  if (run?.type !== AST_NODE_TYPES.CallExpression || run.arguments[0] !== task) return undefined;
  const root = rootIdentifier(run.callee);
  return root && holdsLimiter(context, root) ? run : undefined;
}
