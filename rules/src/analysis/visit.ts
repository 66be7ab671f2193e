/** Walks over a subtree, with or without the functions created in it. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { RuleContext } from '../types';
import { enclosingFunction, isFunction, type FunctionNode } from './scopes';

/** Whether an `await` (or `for await`) runs as part of evaluating `node`, not inside a function it creates. */
export function containsAwait(node: TSESTree.Node): boolean {
  let found = false;
  visitWithinFunction(node, (child) => {
    if (child.type === AST_NODE_TYPES.AwaitExpression || (child.type === AST_NODE_TYPES.ForOfStatement && child.await)) found = true;
  });
  return found;
}

/** Whether evaluating `node` calls or constructs anything, not counting functions it creates. */
export function containsCall(node: TSESTree.Node): boolean {
  let found = false;
  visitWithinFunction(node, (child) => {
    if (child.type === AST_NODE_TYPES.CallExpression || child.type === AST_NODE_TYPES.NewExpression) found = true;
  });
  return found;
}

/** Visits `root` and its descendants. */
export function visitAll(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  visitNodes(root, visit, () => false);
}

/** Visits `root` and its descendants without entering functions created inside it (their bodies run later, if ever). */
export function visitWithinFunction(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  visitNodes(root, visit, isFunction);
}

/** Visits `root` and its descendants where `this` is still root's: arrow functions are entered, other functions and classes are not. */
export function visitSameThis(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  visitNodes(
    root,
    visit,
    (node) =>
      (isFunction(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) ||
      node.type === AST_NODE_TYPES.ClassDeclaration ||
      node.type === AST_NODE_TYPES.ClassExpression,
  );
}

function visitNodes(root: TSESTree.Node, visit: (node: TSESTree.Node) => void, skip: (node: TSESTree.Node) => boolean): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== root && skip(node)) continue;
    visit(node);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i] as TSESTree.Node);
      } else if (isNode(child)) stack.push(child);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
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
