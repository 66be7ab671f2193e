/**
 * How long a list a function is handed can be, as every call of it in the project writes it: `gatherProfiles([job.data])`,
 * `deleteFiles(urls.slice(i, i + 50))`. A loop over such a parameter repeats as often as its callers allow.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { fileKey } from '../project-model/paths';
import { listsDerivedFrom, sizeOf, sourceOf, statedLengthCap } from './length-caps';
import { FIXED_LIST_MAX, unchangedConstValue } from './loop-patterns';
import type { ProjectModels } from './orm-index';
import { propertyName, resolveVariable, unwrapExpression } from './resolve';
import type { FunctionNode } from './scopes';
import { functionName, moduleFunctionUses } from './startup';
import { sharedLists, type ArgumentLists, type ListBound } from '../project-model/argument-lists';

const MAX_STEPS = 4;

/** The bounded lists a call hands over, by argument position. */
export function argumentLists(context: RuleContext, call: TSESTree.CallExpression): ArgumentLists {
  const lists: ArgumentLists = {};
  call.arguments.forEach((argument, index) => {
    const bound = argument.type === AST_NODE_TYPES.SpreadElement ? undefined : listBoundOf(context, argument, call, 0);
    if (bound) lists[index] = bound;
  });
  return lists;
}

/**
 * The bound of a list a function goes through (`items`, `items.filter(isActive)`, `const ids = items.map(toId)`), when it comes
 * from a parameter that every call the project knows hands a bounded list: a function of this file that only it calls, an
 * exported one whose calls the index holds, or a method whose every use by name in the project is such a call. A
 * function nothing calls, or one a framework may call (a decorated method), is not bounded.
 */
export function callersListBound(context: RuleContext, list: TSESTree.Node): ListBound | undefined {
  for (const source of listsDerivedFrom(context, list)) {
    if (source.type !== AST_NODE_TYPES.Identifier) continue;
    const definition = resolveVariable(context, source)?.defs[0];
    if (definition?.type !== 'Parameter') continue;
    const fn = definition.node as FunctionNode;
    const index = fn.params.findIndex(
      (param) => param === definition.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === definition.name),
    );
    return index < 0 ? undefined : parameterBound(context, fn, index);
  }
  return undefined;
}

function parameterBound(context: RuleContext, fn: FunctionNode, index: number): ListBound | undefined {
  const known = context.shared.memo('callerLists.parameters', () => new Map<string, ListBound | null>());
  const id = `${fn.range[0]}:${index}`;
  if (!known.has(id)) known.set(id, (methodLists(context, fn) ?? functionLists(context, fn))?.[index] ?? null);
  return known.get(id) ?? undefined;
}

/** What every use by name hands a method (`this.gatherProfiles([job.data])` in another class), none for a method a framework may call. */
function methodLists(context: RuleContext, fn: FunctionNode): ArgumentLists | undefined {
  const member = fn.parent;
  if (
    member?.type !== AST_NODE_TYPES.MethodDefinition &&
    member?.type !== AST_NODE_TYPES.PropertyDefinition &&
    !(member?.type === AST_NODE_TYPES.Property && member.parent.type === AST_NODE_TYPES.ObjectExpression)
  )
    return undefined;
  const name = functionName(fn);
  const decorated = member.type !== AST_NODE_TYPES.Property && member.decorators.length > 0;
  if (decorated || name === undefined) return {};
  const byName = (context.options.project.models as ProjectModels | undefined)?.methodLists;
  return byName && Object.hasOwn(byName, name) ? byName[name]! : {};
}

/** What every call hands a function of the module: in this file for one it keeps, in every file the index holds for an exported one. */
function functionLists(context: RuleContext, fn: FunctionNode): ArgumentLists | undefined {
  const found = moduleFunctionUses(context, fn);
  if (!found || found.name === undefined) return undefined;
  if (found.exportedAs.length > 0) {
    const byName = (context.options.project.models as ProjectModels | undefined)?.functionLists?.[fileKey(context.fileName)];
    const lists = found.exportedAs.map((exportName) => (byName && Object.hasOwn(byName, exportName) ? byName[exportName] : undefined));
    return lists.every((byIndex) => byIndex !== undefined) ? lists.reduce((all, byIndex) => sharedLists(all, byIndex)) : undefined;
  }
  let lists: ArgumentLists | undefined;
  for (const use of found.uses) {
    const call = use.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use) return undefined;
    lists = lists ? sharedLists(lists, argumentLists(context, call)) : argumentLists(context, call);
  }
  return lists;
}

/**
 * The bound of a list a call hands over: items written out (`[job.data]`), a batch of a size written in the code
 * (`ids.slice(i, i + BATCH)`, an item of `chunk(ids, 50)`), the first few (`ids.slice(0, 10)`), or a list whose length the
 * caller caps before the call (`if (ids.length > 100) throw ...`), directly or through a `const`.
 */
function listBoundOf(context: RuleContext, node: TSESTree.Node, call: TSESTree.CallExpression, steps: number): ListBound | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.ArrayExpression)
    return inner.elements.some((element) => element?.type === AST_NODE_TYPES.SpreadElement) ? undefined : { most: inner.elements.length };
  if (inner.type === AST_NODE_TYPES.CallExpression) return sliceBound(context, inner);
  if (inner.type !== AST_NODE_TYPES.Identifier || steps >= MAX_STEPS) return undefined;
  const definition = resolveVariable(context, inner)?.defs[0];
  const declarator = definition?.type === 'Variable' && definition.node.id === definition.name ? definition.node : undefined;
  const loop = declarator?.parent?.parent;
  // `for (const batch of chunk(ids, 50))`: one batch at a time.
  if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declarator!.parent) {
    const size = chunkSize(unwrapExpression(loop.right));
    return size && { ...size, batch: true };
  }
  // A `const` the code fills or hands to a function (`const updates = []; updates.push(...)`) holds what was added.
  const held = unchangedConstValue(context, inner);
  return (held && listBoundOf(context, held, call, steps + 1)) ?? capOf(context, inner, call);
}

function capOf(context: RuleContext, list: TSESTree.Identifier, call: TSESTree.CallExpression): ListBound | undefined {
  const cap = statedLengthCap(context, list, call);
  return cap === undefined ? undefined : Number.isFinite(cap) ? { most: cap } : {};
}

/** `ids.slice(i, i + 50)`: a batch; `ids.slice(0, 10)`, `ids.slice(-5)`: the first or last few. */
function sliceBound(context: RuleContext, call: TSESTree.CallExpression): ListBound | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'slice') return undefined;
  const [start, end] = call.arguments.map(unwrapExpression);
  if (start && !end) return start.type === AST_NODE_TYPES.UnaryExpression && start.operator === '-' ? sizeOf(start.argument) : undefined;
  if (!start || !end) return undefined;
  if (start.type === AST_NODE_TYPES.Literal && start.value === 0) return sizeOf(end);
  if (end.type !== AST_NODE_TYPES.BinaryExpression || end.operator !== '+' || sourceOf(context, end.left) !== sourceOf(context, start)) return undefined;
  const size = sizeOf(end.right);
  return size && { ...size, batch: true };
}

/** `chunk(ids, 50)`, `_.chunk(ids, BATCH_SIZE)`: the size of each batch. */
function chunkSize(node: TSESTree.Node): ListBound | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 2) return undefined;
  const callee = unwrapExpression(node.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  return name !== undefined && /^chunk(?:s|Array|ed)?$/.test(name) ? sizeOf(node.arguments[1]!) : undefined;
}

/**
 * `for (const item of items)` where every call of the function hands `items` a few items (`gatherProfiles([job.data])`): as few
 * turns as a list written out. A batch of a longer list is not few: the calls over its other batches add up, item by item.
 */
export function fewFromEveryCaller(context: RuleContext, list: TSESTree.Node): boolean {
  const bound = callersListBound(context, list);
  return bound?.most !== undefined && !bound.batch && bound.most <= FIXED_LIST_MAX;
}
