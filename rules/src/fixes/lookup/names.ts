/** Reading the source the look-up fix copies: a node's text and the name chains it can repeat. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../../types';

/** The source text of a node. */
export function text(context: RuleContext, node: TSESTree.Node): string {
  return context.text.slice(node.range[0], node.range[1]);
}

/** `a`, `a.b.c`, `this.a`: a value read without calls. */
export function isNameChain(node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && !current.optional) current = current.object;
  return current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression;
}

/** The root variable of a name chain. */
export function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current;
}
