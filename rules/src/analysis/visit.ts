/** Walks over a subtree, with or without the functions created in it. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { isFunction } from './scopes';

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
