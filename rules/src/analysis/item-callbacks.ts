/** Calls that run a callback they are handed once per element of a list they are handed: loops, whatever limits how many run at once. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { itemCallbackPositions } from '../exported-functions';
import { importedExportListed } from './project-exports';
import { projectModels } from './orm';
import { localFunction, lodashFunctionName, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { contains, enclosingIteration, handedArgument, iterationScope, type FunctionNode } from './scopes';

const ASYNC_COLLECTIONS = /^(?:each|forEach|map|eachOf|forEachOf|filter|concat)(?:Series|Limit)?$/;

/**
 * The functions of well-known packages that map a list with bounded concurrency or in series, which no file of the
 * project declares: p-map's default export, async's (and neo-async's) collection functions, Bluebird's.
 */
const PACKAGE_ITEM_CALLBACKS: Readonly<Record<string, { functions: RegExp; callback: number | ((name: string) => number) }>> = {
  'p-map': { functions: /^$/, callback: 1 },
  async: { functions: ASYNC_COLLECTIONS, callback: asyncIteratee },
  'neo-async': { functions: ASYNC_COLLECTIONS, callback: asyncIteratee },
  bluebird: { functions: /^(?:map|mapSeries|each|filter)$/, callback: 1 },
};

/** Lodash's functions that call the function handed second once per element of the list (or per value of the object) handed first. */
const LODASH_COLLECTIONS =
  /^(?:map|flatMap|flatMapDeep|forEach|each|forEachRight|eachRight|filter|reject|reduce|reduceRight|some|every|find|findLast|mapValues|forOwn|forIn)$/;

/**
 * `_.map(users, fn)`, `_map(ids, deleteKey)` of `lodash/map`, `forEach(rows, fn)` of `lodash-es`: lodash's form of an array
 * callback, the list handed first and the function called once per element second.
 */
export function lodashCollectionCall(
  context: RuleContext,
  call: TSESTree.CallExpression,
): { name: string; list: TSESTree.Node; callback: TSESTree.Node } | undefined {
  const [list, callback] = call.arguments;
  if (!list || !callback || list.type === AST_NODE_TYPES.SpreadElement || callback.type === AST_NODE_TYPES.SpreadElement) return undefined;
  // The syntax first: a call of a name or of a member, before its import is resolved.
  if (call.callee.type !== AST_NODE_TYPES.Identifier && call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = lodashFunctionName(context, call);
  return name !== undefined && LODASH_COLLECTIONS.test(name) ? { name, list, callback } : undefined;
}

/** The package whose pools run `process`'s callback once per item of the list `for` is handed (see `promisePoolList`). */
const PROMISE_POOL = '@supercharge/promise-pool';

/** `each(items, fn, done)`, `eachLimit(items, 4, fn, done)`: async's iteratee follows the list and any limit; the optional final callback comes after it. */
function asyncIteratee(name: string): number {
  return name.endsWith('Limit') ? 2 : 1;
}

/**
 * The list a callback runs once per element of: `pMap(items, fn)`, `async.eachLimit(items, 4, fn)`, `Bluebird.map(items, fn)`, `_.map(items, fn)`,
 * or a function of the project whose body runs the parameter the callback is handed over the one the list is
 * (`promiseMapWithLimit(5, projects, fn)`, `mapWithConcurrency(items, 8, fn)`, see `itemCallbackPositions`).
 */
export function itemCallbackList(context: RuleContext, callback: FunctionNode): TSESTree.Node | undefined {
  const call = callback.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const index = call.arguments.indexOf(handedArgument(callback) as TSESTree.CallExpressionArgument);
  // `PromisePool.for(items).process(fn)`: the only argument of `process`, the list handed earlier in the chain.
  const pooled = index === 0 && call.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(call.callee) === 'process';
  if (index < 0) return undefined;
  const cache = context.shared.memo('itemCallbackList', () => new Map<FunctionNode, TSESTree.Node | undefined>());
  if (!cache.has(callback))
    cache.set(callback, pooled ? promisePoolList(context, call) : index === 0 ? ownListOf(context, call) : listArgument(context, call, index));
  return cache.get(callback);
}

/** `this.loop(this.processItem.bind(this))`: a function of the file handed its callback first runs it over a list of its own, or none. */
function ownListOf(context: RuleContext, call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const local = localFunction(context, call.callee);
  return local && ownListRunning(context, local, 0, 0);
}

/** How many functions of the file a parameter is followed through (`loop(fn)` handing it to `processItems(fn, slice)`). */
const MAX_HANDED_DEPTH = 2;

/**
 * `each(fn) { for (const item of this.items) await fn(item) }`: the list of its own whose elements a function hands the parameter
 * at `index`, one call each, itself or through a function of the file it hands the parameter to (`this.processItems(fn, slice)`).
 */
function ownListRunning(context: RuleContext, fn: FunctionNode, index: number, depth: number): TSESTree.Node | undefined {
  const param = fn.params[index];
  const own = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const variable = own?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, own) : undefined;
  for (const reference of variable?.references ?? []) {
    const use = reference.identifier;
    const call = use.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression) continue;
    // `fn(item)`: a call handed nothing (`fn()` in a retry loop) runs the same work again, not an element's.
    if (call.callee === use) {
      if (call.arguments.length === 0) continue;
      const iteration = enclosingIteration(call);
      if (iteration && contains(fn, iterationScope(iteration)))
        return iteration.kind === 'callback'
          ? (iteration.list ?? (iteration.call.callee as TSESTree.MemberExpression).object)
          : iteration.loop.type === AST_NODE_TYPES.ForOfStatement
            ? iteration.loop.right
            : undefined;
      continue;
    }
    const handedAt = call.arguments.indexOf(use as TSESTree.Identifier);
    const next = handedAt >= 0 && depth < MAX_HANDED_DEPTH ? localFunction(context, call.callee) : undefined;
    const list = next && next !== fn ? (listArgument(context, call, handedAt, depth + 1) ?? ownListRunning(context, next, handedAt, depth + 1)) : undefined;
    if (list) return list;
  }
  return undefined;
}

/**
 * `PromisePool.withConcurrency(2).for(items).process(fn)`, `new PromisePool(items).process(fn)`: @supercharge/promise-pool
 * runs the callback of `process` once per item handed to `for` (or to the constructor).
 */
function promisePoolList(context: RuleContext, process: TSESTree.CallExpression): TSESTree.Node | undefined {
  let list: TSESTree.Node | undefined;
  let node = unwrapExpression((process.callee as TSESTree.MemberExpression).object);
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    if (propertyName(node.callee) === 'for') list ??= node.arguments[0];
    node = unwrapExpression(node.callee.object);
  }
  if (node.type === AST_NODE_TYPES.NewExpression) {
    list ??= node.arguments[0];
    node = node.callee;
  }
  return list && resolveModuleMember(context, node)?.module === PROMISE_POOL ? list : undefined;
}

/** `depth`: how many functions of the file the parameter was handed through already, so functions that hand it around a cycle stop. */
function listArgument(context: RuleContext, call: TSESTree.CallExpression, index: number, depth = 0): TSESTree.Node | undefined {
  const local = localFunction(context, call.callee);
  if (local) {
    const body = local.body as FunctionNode['body'] | null | undefined;
    if (!body) return undefined;
    const names = local.params.map((param) => {
      const bound = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      return bound.type === AST_NODE_TYPES.Identifier ? bound.name : undefined;
    });
    const positions = names.length > index ? itemCallbackPositions(names, context.text.slice(body.range[0], body.range[1])) : undefined;
    return positions?.callback === index ? call.arguments[positions.list] : ownListRunning(context, local, index, depth);
  }
  const lodash = index === 1 ? lodashCollectionCall(context, call) : undefined;
  if (lodash) return lodash.list;
  const member = resolveModuleMember(context, call.callee);
  const packaged = member && PACKAGE_ITEM_CALLBACKS[member.module];
  if (packaged) {
    // `import pMap from 'p-map'`, `import Bluebird from 'bluebird'; Bluebird.map(...)`: the default export's functions.
    const name = (member.path[0] === 'default' ? member.path.slice(1) : member.path).join('.');
    const position = typeof packaged.callback === 'number' ? packaged.callback : packaged.callback(name);
    return packaged.functions.test(name) && index === position ? call.arguments[0] : undefined;
  }
  const table = projectModels(context)?.itemCallbacks;
  if (!member || !table) return undefined;
  return call.arguments.find((_, list) => list !== index && importedExportListed(context, call.callee, table, `${list}:${index}`));
}
