/** Objects of functions picked by a key at the call: `handlers[job.kind](job)`, `const handler = this.syncers[source]; await handler(item)`. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { constValueOf, localFunction, propertyName, thisFieldSetting, unwrapExpression } from './resolve';
import type { FunctionNode } from './scopes';

/**
 * The functions a call may run when its callee picks an entry of an object of functions by a key the code computes (not a
 * literal, which names one entry): every entry, each an inline function or a function of the file (`this.syncUser.bind(this)`);
 * undefined when the object or an entry is not known.
 */
export function pickedTableEntries(context: RuleContext, callee: TSESTree.Node): FunctionNode[] | undefined {
  const named = unwrapExpression(callee);
  const picked = named.type === AST_NODE_TYPES.Identifier ? constValueOf(context, named) : named;
  if (picked?.type !== AST_NODE_TYPES.MemberExpression || !picked.computed || picked.property.type === AST_NODE_TYPES.Literal) return undefined;
  const table = tableObject(context, picked.object);
  const entries = table?.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? entryFunction(context, property.value) : undefined));
  return entries && entries.length > 0 && entries.every((entry) => entry !== undefined) ? (entries as FunctionNode[]) : undefined;
}

/** `handlers` of a `const handlers = { … }`, or `this.handlers` of a class whose field or constructor sets it to an object literal. */
function tableObject(context: RuleContext, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const value = constValueOf(context, node);
  if (value?.type === AST_NODE_TYPES.ObjectExpression) return value;
  const member = unwrapExpression(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.object.type !== AST_NODE_TYPES.ThisExpression || member.computed) return undefined;
  const set = thisFieldSetting(member);
  const object = set && unwrapExpression(set);
  return object?.type === AST_NODE_TYPES.ObjectExpression ? object : undefined;
}

/** An entry's function: written there, or a function of the file it names, also bound (`this.syncUser.bind(this)`). */
function entryFunction(context: RuleContext, value: TSESTree.Node): FunctionNode | undefined {
  const node = unwrapExpression(value);
  const bound =
    node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(node.callee) === 'bind'
      ? node.callee.object
      : node;
  return localFunction(context, bound);
}
