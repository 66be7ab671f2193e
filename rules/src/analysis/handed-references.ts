/**
 * A function handed by reference as a list's per-item callback (`rows.map(handleRow)`, `rows.map(this.processRow.bind(this))`,
 * `pMap(items, saveItem)`), read as the callback `(item) => handleRow(item)` it stands for, so that what is known of inline
 * callbacks holds for it.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { declareStandInParameter, localFunction, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { ARRAY_CALLBACK_METHODS, type StandInCallback } from './scopes';

/**
 * The callback an argument that names a function stands for: `handleRow`, `this.processRow`, `service.save`, each also with
 * `.bind(...)`; undefined for anything else (an inline function is a callback itself, a call's result is not known to be one).
 */
export function standInCallback(context: RuleContext, call: TSESTree.CallExpression, argument: TSESTree.Node): StandInCallback | undefined {
  const cache = context.shared.memo('standInCallback', () => new Map<TSESTree.Node, StandInCallback | undefined>());
  if (!cache.has(argument)) cache.set(argument, makeStandIn(context, call, argument));
  return cache.get(argument);
}

function makeStandIn(context: RuleContext, call: TSESTree.CallExpression, argument: TSESTree.Node): StandInCallback | undefined {
  const target = referencedFunction(argument);
  if (!target || !namesFunction(context, target)) return undefined;
  // The item is declared by the callback and not inside its call: the one character after the reference holds it.
  const itemRange: TSESTree.Range = [target.range[1], target.range[1] + 1];
  const item = {
    type: AST_NODE_TYPES.Identifier,
    name: 'item',
    decorators: [],
    optional: false,
    range: itemRange,
    loc: target.loc,
  } as unknown as TSESTree.Identifier;
  const invocation = {
    type: AST_NODE_TYPES.CallExpression,
    callee: target,
    arguments: [item],
    optional: false,
    range: target.range,
    loc: target.loc,
  } as unknown as TSESTree.CallExpression;
  const callback = {
    type: AST_NODE_TYPES.ArrowFunctionExpression,
    async: false,
    expression: true,
    generator: false,
    id: null,
    params: [item],
    body: invocation,
    range: [argument.range[0], Math.max(argument.range[1], itemRange[1])],
    loc: argument.loc,
    parent: call,
    standsFor: argument,
  } as unknown as StandInCallback;
  (invocation as { parent: TSESTree.Node }).parent = callback;
  (item as { parent: TSESTree.Node }).parent = invocation;
  declareStandInParameter(context, item, callback);
  return callback;
}

/** A function of this file (`handleRow`, `this.processRow`), or an import (`saveItem`, `rows.save` of an imported module): what a call of it may reach. */
function namesFunction(context: RuleContext, target: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
  if (localFunction(context, target)) return true;
  let root: TSESTree.Node = target;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
  return root.type === AST_NODE_TYPES.Identifier && resolveVariable(context, root)?.defs[0]?.type === 'ImportBinding';
}

/** `handleRow`, `this.processRow`, `rows.save` (not computed), or such a name with `.bind(...)`: the function it names. */
function referencedFunction(argument: TSESTree.Node): TSESTree.Identifier | TSESTree.MemberExpression | undefined {
  let node = unwrapExpression(argument);
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(node.callee) === 'bind')
    node = unwrapExpression(node.callee.object);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined' ? undefined : node;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed ? node : undefined;
}

/**
 * The callbacks the functions a call is handed by reference stand for, where a callback may run per item: the first argument
 * of an array method, or any of another call (a helper's `pMap(items, saveItem)`, `this.loop(this.processItem.bind(this))`).
 */
export function handedReferences(context: RuleContext, call: TSESTree.CallExpression): StandInCallback[] {
  const callee = call.callee;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  const positions = method !== undefined && ARRAY_CALLBACK_METHODS.has(method) ? [0] : call.arguments.map((_, index) => index);
  const found: StandInCallback[] = [];
  for (const index of positions) {
    const argument = call.arguments[index];
    const callback = argument && mayNameFunction(argument) ? standInCallback(context, call, argument) : undefined;
    if (callback) found.push(callback);
  }
  return found;
}

/** The syntax of a reference to a function, before its name is resolved. */
function mayNameFunction(argument: TSESTree.Node): boolean {
  return (
    argument.type === AST_NODE_TYPES.Identifier ||
    (argument.type === AST_NODE_TYPES.MemberExpression && !argument.computed) ||
    (argument.type === AST_NODE_TYPES.CallExpression && argument.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(argument.callee) === 'bind')
  );
}
