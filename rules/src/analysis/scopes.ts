import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
export type LoopStatement = TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

export function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

export function isLoopStatement(node: TSESTree.Node): node is LoopStatement {
  return (
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement
  );
}

/** The innermost function around a node, or undefined at module level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** Whether `child` (a direct child of `loop`) runs once per iteration, not once before the loop. */
export function repeatsInLoop(loop: LoopStatement, child: TSESTree.Node): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return child !== loop.init;
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return child === loop.body;
    default:
      return true;
  }
}

/** The innermost loop statement whose iterations run `node`, without crossing a function boundary. */
export function enclosingLoop(node: TSESTree.Node): LoopStatement | undefined {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunction(current)) return undefined;
    if (isLoopStatement(current) && repeatsInLoop(current, child)) return current;
  }
  return undefined;
}

/** Array methods whose callback runs once per element. */
export const ARRAY_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'map',
  'forEach',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
]);

/** A function handed by reference (`rows.map(handleRow)`) read as the callback `(item) => handleRow(item)` it stands for (see `standInCallback`). */
export type StandInCallback = TSESTree.ArrowFunctionExpression & { standsFor: TSESTree.Node; body: TSESTree.CallExpression };

/** The argument of its call a function is: itself, or the reference it stands for. */
export function handedArgument(fn: FunctionNode): TSESTree.Node {
  return 'standsFor' in fn ? (fn as StandInCallback).standsFor : fn;
}

/** When `fn` is the per-element callback of `xs.map(fn)`, `Array.from(xs, fn)` and the like, that call. */
export function arrayCallbackCall(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const call = fn.parent;
  if (!call || call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const callee = call.callee;
  if (callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const method = callee.property.name;
  const argument = handedArgument(fn);
  if (ARRAY_CALLBACK_METHODS.has(method) && call.arguments[0] === argument) return call;
  if (method === 'from' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array' && call.arguments[1] === argument) {
    return call;
  }
  return undefined;
}

/** A callback's `list`, when it is an argument of the call (`pMap(items, fn)`) rather than the object the method is called on (`items.map(fn)`). */
export type Iteration =
  { kind: 'loop'; loop: LoopStatement } | { kind: 'callback'; call: TSESTree.CallExpression; callback: FunctionNode; list?: TSESTree.Node };

/** What repeats per item: the loop statement, or the array callback. */
export function iterationScope(iteration: Iteration): LoopStatement | FunctionNode {
  return iteration.kind === 'loop' ? iteration.loop : iteration.callback;
}

/**
 * What makes `node` run once per item: the innermost loop statement, or an array callback
 * (`xs.map(x => ...)`). Undefined when neither, or when `node` sits in a function that is
 * only created, not called, per iteration.
 */
export function enclosingIteration(node: TSESTree.Node): Iteration | undefined {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunction(current)) {
      const call = arrayCallbackCall(current);
      return call ? { kind: 'callback', call, callback: current } : undefined;
    }
    if (isLoopStatement(current) && repeatsInLoop(current, child)) return { kind: 'loop', loop: current };
  }
  return undefined;
}

/** Whether `inner` lies inside `outer` (or is it). */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** `await run(x)`, `return run(x)`, `(x) => run(x)`: a call whose result is waited for, here or by the caller. */
export function awaitedOrReturned(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return (
    parent?.type === AST_NODE_TYPES.AwaitExpression ||
    parent?.type === AST_NODE_TYPES.ReturnStatement ||
    (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === call)
  );
}
