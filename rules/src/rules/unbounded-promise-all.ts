import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { promiseAllFix } from '../fixes/concurrency-fix';
import { mapperRunsQuery, repeatedQueryOf } from '../analysis/other-work';
import { thenCallbacks } from '../analysis/promise-chains';
import { loadsThroughBatchLoader } from '../analysis/batch-loaders';
import { holdsLimiter, rootIdentifier } from '../analysis/limiters';
import { callsCacheFirst } from '../analysis/queries';
import { sqlTextOf } from '../analysis/query-kinds';
import {
  CATEGORY_FIELD,
  hasFixedKeys,
  isImportedFixedList,
  keysOfFixedObject,
  objectReadByKeys,
  returnsFixedLiteral,
  subsetSourceOf,
  unwrapAwaited,
} from '../analysis/fixed-lists';
import { isConfigured } from '../analysis/fixed-lists';
import { callersListBound } from '../analysis/caller-lists';
import { statedLengthCap } from '../analysis/length-caps';
import { growingOrigin, type ListOrigin } from '../analysis/growing-lists';
import { isDatabaseModule, isLocalModule, projectModels } from '../analysis/orm';
import { isProjectModule } from '../analysis/orm-index';
import { declaredType } from '../project-model/summaries';
import { calledFunction, doesNoInputOutput } from '../analysis/local-work';
import { callsEnqueueOnly } from '../analysis/project-exports';
import { enqueuesOnlyIn } from '../exported-functions';
import {
  constValueOf,
  fieldKeyName,
  fieldName,
  isGlobalName,
  isGlobalReference,
  localFunction,
  propertyName,
  resolveModuleMember,
  resolveVariable,
  unwrapExpression,
} from '../analysis/resolve';
import {
  contains,
  enclosingFunction,
  enclosingIteration,
  enclosingLoop,
  isFunction,
  iterationScope,
  type FunctionNode,
  type Iteration,
  type LoopStatement,
} from '../analysis/scopes';
import { functionName, handlesExitSignal, isInjectedList, namesComponentList, runsAtBoot } from '../analysis/startup';
import { contextRole } from '../roles';
import { runsInBrowser } from '../analysis/browser';
import { runsOnce } from '../analysis/run-once';
import { literalArrayOf, unchangedConstValue } from '../analysis/loop-patterns';
import { doesWorkBesideTransaction, transactionScopeOf } from '../analysis/transaction-handles';
import { isPacingCall, usesTransaction } from '../analysis/await-patterns';
import { fewPerOwner } from '../analysis/owner-lists';
import { calleeChainNames, calleeName, callLabel, lastName, words } from '../analysis/names';
import { containsCall, visitAll, visitWithinFunction } from '../analysis/visit';
import type { Variable } from '@typescript-eslint/scope-manager';
import { lodashCollectionCall } from '../analysis/item-callbacks';
import type { Rule, RuleContext } from '../types';

export const unboundedPromiseAll: Rule = {
  meta: {
    id: 'unbounded-promise-all',
    defaultSeverity: 'warning',
    description: 'Promise.all / allSettled / any / race over an array of unknown size that is not bounded by a limiter.',
    messages: {
      unbounded: 'Promise.{{method}} starts {{source}} at once; run at most {{limit}} at a time.',
    },
    fixable: true,
    options: {
      reportRecordLists: {
        type: 'boolean',
        description:
          'Also report fan-outs over the lists of one record (a row loaded by findUnique or returned by a one-row create/update/upsert, a parameter typed as one record); default false.',
      },
      reportUnknownLists: {
        type: 'boolean',
        description:
          "Also report fan-outs over lists whose source the analysis cannot show to grow with the input (a parameter, a field, an API's answer); default false: only query rows without a limit, request input, directory listings, uploads and parsed text are reported.",
      },
    },
  },
  prefilter: /\bPromise\s*\.\s*(?:all|allSettled|any|race)\b/,
  gate: (signals) => signals.combinatorOverArray,
  create(context) {
    // A script runs once for the developer who started it: what it starts at once, it starts for that one run.
    if (contextRole(context) === 'script') return {};
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return;
        if (callee.object.name !== 'Promise' || !isGlobalReference(context, callee.object)) return;
        const method = propertyName(callee);
        if (!method || !COMBINATORS.has(method) || node.arguments.length === 0) return;
        // Every query of one transaction goes over its one connection: nothing fans out, unless the calls do work beside it (see `runsOnTransaction`).
        // Code that runs once at boot loads what the application is made of.
        // A browser's calls are one user's, the page's items.
        // So does a one-time initialisation kept in module state (`loaded ??= Promise.all(...)`, `if (!ready) { ...; ready = true }`).
        const owner = enclosingFunction(node);
        // A handler of the process's exit signals (`process.on('SIGTERM', stop)`) runs once, as the process stops.
        if (
          runsOnTransaction(context, node) ||
          runsAtBoot(context, owner) ||
          handlesExitSignal(context, owner) ||
          runsInBrowser(context, node) ||
          (owner && runsOnce(context, node, owner))
        )
          return;
        const source = unboundedSource(context, node.arguments[0]!, 0);
        if (!source || fansOutWithinReportedMap(context, node)) return;
        const fix = promiseAllFix(context, node);
        context.report({
          node: callee,
          messageId: 'unbounded',
          data: { method, source, limit: String(context.options.concurrencyLimit) },
          ...(fix && { fix }),
        });
      },
    };
  },
};

const COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'any', 'race']);
const MAX_DEPTH = 4;

/**
 * How the array of promises grows with the input ("`ids.map(...)`", "the promises pushed in
 * a loop"), or undefined when its size is fixed, bounded, or unknown to the analysis.
 */
function unboundedSource(context: RuleContext, node: TSESTree.Node, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrapExpression(node);
  switch (inner.type) {
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of inner.elements) {
        if (element?.type !== AST_NODE_TYPES.SpreadElement) continue;
        const spread = unboundedSource(context, element.argument, depth + 1);
        if (spread) return spread;
      }
      return undefined;
    case AST_NODE_TYPES.CallExpression:
      return mappedSource(context, inner, depth);
    case AST_NODE_TYPES.Identifier:
      return variableSource(context, inner, depth);
    default:
      return undefined;
  }
}

/**
 * `Promise.all(rows.map(async (row) => ({ ...row, files: await Promise.all(row.files.map(sign)) })))`: the inner
 * `Promise.all` runs in the callback of an outer map that is reported itself. One fan-out, one finding: the outer one.
 */
function fansOutWithinReportedMap(context: RuleContext, node: TSESTree.CallExpression): boolean {
  const mapper = enclosingFunction(node);
  const outer = mapper?.parent;
  if (
    !mapper ||
    outer?.type !== AST_NODE_TYPES.CallExpression ||
    outer.arguments[0] !== mapper ||
    outer.callee.type !== AST_NODE_TYPES.MemberExpression ||
    !/^(?:map|flatMap)$/.test(propertyName(outer.callee) ?? '')
  )
    return false;
  const combinator = combinatorOver(context, outer);
  return combinator !== undefined && unboundedSource(context, combinator.arguments[0]!, 0) !== undefined;
}

/** The `Promise.all` (or another combinator) that takes what `call` returns, directly or through the `const` holding it. */
function combinatorOver(context: RuleContext, call: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  const takes = (argument: TSESTree.Node): TSESTree.CallExpression | undefined => {
    const parent = argument.parent;
    const callee = parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === argument ? unwrapExpression(parent.callee) : undefined;
    return callee?.type === AST_NODE_TYPES.MemberExpression && isGlobalName(context, callee.object, 'Promise') && COMBINATORS.has(propertyName(callee) ?? '')
      ? (parent as TSESTree.CallExpression)
      : undefined;
  };
  const declarator = call.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return takes(call);
  const references = resolveVariable(context, declarator.id)?.references ?? [];
  for (const reference of references) {
    const combinator = takes(reference.identifier);
    if (combinator) return combinator;
  }
  return undefined;
}

/**
 * The list and the function of a call that maps one to promises: `xs.map(fn)`, `xs.flatMap(fn)`, `Array.from(xs, fn)`, and lodash's
 * `_.map(xs, fn)` / `_map(xs, fn)` (see `lodashCollectionCall`).
 */
function mapCallParts(context: RuleContext, call: TSESTree.CallExpression): { method: string; items: TSESTree.Node; mapper: TSESTree.Node } | undefined {
  // `_.map(users, fn)` is lodash's, not the array method of `_`.
  const lodash = call.arguments.length === 2 ? lodashCollectionCall(context, call) : undefined;
  if (lodash) return lodash.name === 'map' || lodash.name === 'flatMap' ? { method: lodash.name, items: lodash.list, mapper: lodash.callback } : undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(callee);
  const [first, second] = call.arguments;
  if ((method === 'map' || method === 'flatMap') && first) return { method, items: callee.object, mapper: first };
  return method === 'from' && first && second && isGlobalName(context, callee.object, 'Array') ? { method, items: first, mapper: second } : undefined;
}

/** `xs.map(fn)`, `Object.keys(o).map(fn)`, `Array.from(xs, fn)`, `Array.from({ length: n }, fn)`, `_.map(xs, fn)`. */
function mappedSource(context: RuleContext, call: TSESTree.CallExpression, depth: number): string | undefined {
  const parts = mapCallParts(context, call);
  if (!parts) return undefined;
  const { method, items, mapper } = parts;
  // `environments.flatMap((env) => env.strategies.map(...))`: as many calls as the inner lists hold, however few the items.
  const returned = method === 'flatMap' && mapper ? mappedCall(mapper) : undefined;
  const nested =
    returned && unwrapExpression(returned).type === AST_NODE_TYPES.CallExpression ? (unwrapExpression(returned) as TSESTree.CallExpression) : undefined;
  // A query per item is the n-plus-one rule's finding: one problem, one finding.
  if (
    !mapper ||
    !startsWork(mapper) ||
    callsVoidFunction(context, mapper) ||
    limitedByLimiter(context, mapper) ||
    doesNoInputOutput(context, localFunction(context, mapper) ?? mapper) ||
    mapperRunsQuery(context, mapper) ||
    (nested !== undefined && innerMapperRunsQuery(context, nested)) ||
    (mapsInTransaction(mapper) && !doesWorkBesideTransaction(context, mapper, undefined)) ||
    awaitsOnlyCachedLookups(context, mapper) ||
    awaitsOnlyBatchedLoads(context, mapper) ||
    onlyReleasesHeldResources(mapper) ||
    onlyAddsJobs(context, localFunction(context, mapper) ?? mapper)
  )
    return undefined;
  // `Array.from({ length: n }, work)`: as many calls as the length says.
  if (unwrapExpression(items).type === AST_NODE_TYPES.ObjectExpression) {
    return boundedLength(items as TSESTree.ObjectExpression) ? undefined : reportedWork(context, mapper, items);
  }
  if (nested && hasFixedOrBoundedSize(context, items, depth)) return depth < MAX_DEPTH ? unboundedSource(context, nested, depth + 1) : undefined;
  if (
    hasFixedOrBoundedSize(context, items, depth) ||
    isInjectedList(items) ||
    // `Array.from(this.activePlugins)`: a copy of a set of the application's components is those components.
    namesComponentList(context, copiedList(context, unwrapExpression(items)) ?? items) ||
    namesEventSubscribers(context, items) ||
    mapsParameterWithCallback(context, items, mapper) ||
    walksValueRecursively(context, items, mapper) ||
    (fewPerOwner(context, recordListCopied(context, items)) && context.ruleOptions.reportRecordLists !== true) ||
    statedLengthCap(context, items, call) !== undefined
  )
    return undefined;
  return reportedWork(context, mapper, items);
}

/**
 * The work and the list it runs over, as the message says them, when the list's source grows with the input (see
 * `growingOrigin`); with `reportUnknownLists`, also a list of unknown origin.
 */
function reportedWork(context: RuleContext, mapper: TSESTree.Node, items: TSESTree.Node): string | undefined {
  const origin = listOrigin(context, items);
  if (!origin && context.ruleOptions.reportUnknownLists !== true) return undefined;
  return workText(context, mapper, items, origin);
}

/** Where a list comes from when it grows with the input: query rows without a limit, request input, files, lines. */
function listOrigin(context: RuleContext, items: TSESTree.Node): ListOrigin | undefined {
  return growingOrigin(context, items, (node) => isLimitedQuery(context, node));
}

/**
 * `async (row) => ({ ...row, feature: await getFeature(prisma, row.featureId) })` where every call the mapper
 * awaits or returns answers from a cache before its query: at most one query per distinct key, however many
 * items ask (the n-plus-one rule declines such a callee alike, as it only sometimes queries).
 */
function awaitsOnlyCachedLookups(context: RuleContext, mapper: TSESTree.Node): boolean {
  const work = workAwaitedOrReturned(mapper);
  return work.length > 0 && work.every((node) => node.type === AST_NODE_TYPES.CallExpression && callsCacheFirst(context, node));
}

/**
 * `ids.map((id) => loaders.user.load(id))`: every call the mapper awaits or returns queues a key on a DataLoader, which
 * sends the keys of the whole map as one batch: one query, however many items.
 */
function awaitsOnlyBatchedLoads(context: RuleContext, mapper: TSESTree.Node): boolean {
  const work = workAwaitedOrReturned(mapper);
  return work.length > 0 && work.every((node) => node.type === AST_NODE_TYPES.CallExpression && loadsThroughBatchLoader(context, node));
}

/** Methods that let go of what the process holds: a connection, a worker, a subscription. */
const RELEASE_METHODS = /^(?:close|quit|disconnect|dispose|destroy|terminate|shutdown|stop|end|unsubscribe|release)$/;

/**
 * `workers.map((worker) => worker.close())`, `tenants.map(async (t) => (await t).dispose())`: each call lets go of something the
 * process opened itself, as many as it holds, and asks nothing of a service that a burst could overload.
 */
function onlyReleasesHeldResources(mapper: TSESTree.Node): boolean {
  const work = workAwaitedOrReturned(mapper);
  return (
    work.length > 0 &&
    work.every(
      (node) =>
        node.type === AST_NODE_TYPES.CallExpression &&
        node.arguments.length === 0 &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        RELEASE_METHODS.test(propertyName(node.callee) ?? ''),
    )
  );
}

/** The calls a mapper awaits or returns (none when it is no function). */
function workAwaitedOrReturned(mapper: TSESTree.Node): TSESTree.Node[] {
  const inner = unwrapExpression(mapper);
  if (!isFunction(inner)) return [];
  const calls: TSESTree.Node[] = [];
  if (inner.body.type !== AST_NODE_TYPES.BlockStatement) calls.push(unwrapExpression(inner.body));
  visitWithinFunction(inner.body, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) calls.push(unwrapExpression(node.argument));
    else if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) calls.push(unwrapExpression(node.argument));
  });
  return calls.filter((node) => node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression);
}

/**
 * `(file) => triggerJob('process-file', { path: file.path })`: every call the mapper awaits or returns is a function (of the file
 * or another) that only adds a job to a queue (`await queue.add(name, data)`). The jobs run as the workers take them; the adds are
 * one small write each to the queue's store, and `addBulk` is their batch form.
 */
function onlyAddsJobs(context: RuleContext, mapper: TSESTree.Node): boolean {
  const work = workAwaitedOrReturned(mapper);
  return work.length > 0 && work.every((node) => node.type === AST_NODE_TYPES.CallExpression && addsJob(context, node));
}

/** A function of another file, or of this one, that only adds a job to a queue (a call on a queue itself counts as a limiter's, see `isLimiterCall`). */
function addsJob(context: RuleContext, call: TSESTree.CallExpression): boolean {
  if (callsEnqueueOnly(context, call)) return true;
  const local = localFunction(context, call.callee);
  return (
    !!local && local.async && local.body.type === AST_NODE_TYPES.BlockStatement && enqueuesOnlyIn(context.text.slice(local.body.range[0], local.body.range[1]))
  );
}

/** `(waitpoint) => this.resolveWaitpoint(waitpoint)` where that function of the file is declared to return `void`: it makes no promise. */
function callsVoidFunction(context: RuleContext, mapper: TSESTree.Node): boolean {
  const inner = unwrapExpression(mapper);
  if (!isFunction(inner) || inner.async || inner.body.type === AST_NODE_TYPES.BlockStatement) return false;
  const body = unwrapExpression(inner.body);
  const target = body.type === AST_NODE_TYPES.CallExpression ? localFunction(context, body.callee) : undefined;
  return target !== undefined && !target.async && target.returnType?.typeAnnotation.type === AST_NODE_TYPES.TSVoidKeyword;
}

/** `filterAsync(items, predicate)`: a helper that maps its own parameter with a callback it is given; its callers hold the bound. */
function mapsParameterWithCallback(context: RuleContext, items: TSESTree.Node, mapper: TSESTree.Node): boolean {
  const owner = enclosingFunction(items);
  const isParameterOfOwner = (node: TSESTree.Node | undefined): boolean => {
    const inner = node && unwrapExpression(node);
    if (inner?.type !== AST_NODE_TYPES.Identifier) return false;
    const definition = resolveVariable(context, inner)?.defs[0];
    return definition?.type === 'Parameter' && definition.node === owner;
  };
  const work = mappedCall(mapper);
  return owner !== undefined && isParameterOfOwner(items) && work?.type === AST_NODE_TYPES.CallExpression && isParameterOfOwner(work.callee);
}

/**
 * `resolveValue(value)` that, for an object it is handed, runs `Promise.all(Object.entries(value).map(([k, v]) => resolveValue(v)))`: a walk
 * of one value's tree, key by key, whose work sits at the leaves (where a limit belongs). The items of an array so walked are as many as
 * the value holds (a document's blocks, a list of rows), and are still reported.
 */
function walksValueRecursively(context: RuleContext, items: TSESTree.Node, mapper: TSESTree.Node): boolean {
  const owner = enclosingFunction(items);
  const read = unwrapExpression(items);
  const walked = read.type === AST_NODE_TYPES.CallExpression ? objectReadByKeys(context, read) : undefined;
  const definition = walked?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, walked)?.defs[0] : undefined;
  if (!owner || definition?.type !== 'Parameter' || definition.node !== owner) return false;
  const work = workAwaitedOrReturned(mapper);
  return work.some((call) => call.type === AST_NODE_TYPES.CallExpression && calledFunction(context, call.callee) === owner);
}

/** A variable holding such an array, or an array that promises are pushed into in a loop. */
function variableSource(context: RuleContext, identifier: TSESTree.Identifier, depth: number): string | undefined {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const init = unwrapExpression(declarator.init);
  if (init.type === AST_NODE_TYPES.ArrayExpression && init.elements.length === 0) {
    const pushes = variable.references.flatMap((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || propertyName(member) !== 'push') return [];
      const call = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !call.arguments.some(startsWork) || call.arguments.some(mapsInTransaction))
        return [];
      return [call];
    });
    // `tasks.push(prisma.post.delete(...))`, `tasks.push(load(id).then((row) => prisma.row.update(...)))`: a query per item is the n-plus-one rule's
    // finding, one problem, one finding, also when the loop pushes other work beside it.
    const pushesQuery = pushes.some((call) =>
      call.arguments.some((argument) => repeatedQueryOf(context, argument) || thenCallbacks(argument).some((callback) => mapperRunsQuery(context, callback))),
    );
    const pushedInLoop = pushesQuery
      ? []
      : pushes.filter((call) => growsWithInput(context, call, declarator) && !pacedLoop(context, call) && !drainsWhenFull(context, call, variable));
    if (pushedInLoop.length === 0) return undefined;
    const loop = pushedInLoop.map((call) => loopOrigin(context, call, declarator)).find((found) => found !== undefined);
    if (!loop && context.ruleOptions.reportUnknownLists !== true) return undefined;
    if (loop?.origin.query) return `the promises pushed into ${identifier.name} per row of ${loop.origin.query} (no limit)`;
    return `every promise pushed into ${identifier.name} in a loop${loop ? ` over ${sourceText(context, loop.list)} (${loop.origin.phrase})` : ''}`;
  }
  return unboundedSource(context, init, depth + 1);
}

/**
 * `running.push(task); if (running.length >= LIMIT) await Promise.race(running);` with the settled ones spliced out: a pool written by
 * hand, which starts the next item only when one of the running ones is done. So is a batch written by hand,
 * `if (promises.length > 200) { await Promise.all(promises); promises = []; }`, in the pushing loop or one around it:
 * it waits for the whole batch, then starts the next; the last `Promise.all(promises)` holds one batch at most.
 */
function drainsWhenFull(context: RuleContext, push: TSESTree.Node, pool: Variable): boolean {
  const isPool = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && resolveVariable(context, node) === pool;
  // Without a `splice` (or a new array) the finished promises stay in it, and every turn past the limit races them at once.
  const removesSettled = pool.references.some((reference) => {
    const member = reference.identifier.parent;
    return (member?.type === AST_NODE_TYPES.MemberExpression && propertyName(member) === 'splice') || (reference.isWrite() && !reference.init);
  });
  if (!removesSettled) return false;
  for (let loop = enclosingLoop(push); loop; loop = enclosingLoop(loop)) if (awaitsPoolWhenFull(context, loop, isPool)) return true;
  return false;
}

/** `if (pool.length >= LIMIT) await Promise.race(pool)` (or `Promise.all`) in the loop's body. */
function awaitsPoolWhenFull(context: RuleContext, loop: LoopStatement, isPool: (node: TSESTree.Node) => boolean): boolean {
  let drains = false;
  visitWithinFunction(loop.body, (node) => {
    if (drains || node.type !== AST_NODE_TYPES.IfStatement) return;
    const test = unwrapExpression(node.test);
    const full =
      test.type === AST_NODE_TYPES.BinaryExpression &&
      (test.operator === '>=' || test.operator === '>' || test.operator === '===') &&
      test.left.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(test.left) === 'length' &&
      isPool(unwrapExpression(test.left.object));
    if (!full) return;
    visitWithinFunction(node.consequent, (call) => {
      if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length === 0) return;
      const callee = unwrapExpression(call.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        isGlobalName(context, callee.object, 'Promise') &&
        /^(?:race|any|all|allSettled)$/.test(propertyName(callee) ?? '')
      )
        drains ||= isPool(unwrapExpression(call.arguments[0]!));
    });
  });
  return drains;
}

/** `for (const user of users) { await limiter.removeTokens(1); started.push(run(user)); }`: the loop starts its work at the pace it waits for. */
function pacedLoop(context: RuleContext, node: TSESTree.Node): boolean {
  const loop = enclosingLoop(node);
  if (!loop) return false;
  let paced = false;
  visitWithinFunction(loop.body, (child) => {
    if (!paced && child.type === AST_NODE_TYPES.AwaitExpression) paced = isPacingCall(context, child.argument);
  });
  return paced;
}

/**
 * Whether `node` runs once per item of an input: in a loop or an array callback that is not over a
 * fixed or bounded list, counting every loop around it that repeats after `start` (where the array
 * it fills was made): `for (const monitor of monitors) for (const region of monitor.regions)` grows with the monitors.
 */
function growsWithInput(context: RuleContext, node: TSESTree.Node, start: TSESTree.Node): boolean {
  for (let iteration = enclosingIteration(node); iteration; iteration = enclosingIteration(iterationScope(iteration))) {
    if (contains(iterationScope(iteration), start)) return false;
    if (iterationGrows(context, iteration)) return true;
  }
  return false;
}

/** Where the list a loop around `node` runs over comes from, for the first such loop (after `start`) whose list grows with the input. */
function loopOrigin(context: RuleContext, node: TSESTree.Node, start: TSESTree.Node): { list: TSESTree.Node; origin: ListOrigin } | undefined {
  for (let iteration = enclosingIteration(node); iteration; iteration = enclosingIteration(iterationScope(iteration))) {
    if (contains(iterationScope(iteration), start)) return undefined;
    const list = iteratedList(iteration);
    const origin = list && iterationGrows(context, iteration) ? listOrigin(context, list) : undefined;
    if (origin) return { list: list!, origin };
  }
  return undefined;
}

/** `users` of `for (const user of users)`, `users.forEach(...)` or `for (let i = 0; i < users.length; i++)`. */
function iteratedList(iteration: Iteration): TSESTree.Node | undefined {
  if (iteration.kind === 'callback') return iteration.call.callee.type === AST_NODE_TYPES.MemberExpression ? iteration.call.callee.object : undefined;
  const loop = iteration.loop;
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return loop.right;
  const test = loop.type === AST_NODE_TYPES.ForStatement && loop.test ? unwrapExpression(loop.test) : undefined;
  const bound = test?.type === AST_NODE_TYPES.BinaryExpression && /^<=?$/.test(test.operator) ? unwrapExpression(test.right) : undefined;
  return bound?.type === AST_NODE_TYPES.MemberExpression && propertyName(bound) === 'length' ? bound.object : undefined;
}

/** Whether one loop or array callback runs once per item of an input, not over a fixed or bounded list. */
function iterationGrows(context: RuleContext, iteration: Iteration): boolean {
  if (iteration.kind === 'callback') {
    const callee = iteration.call.callee;
    return callee.type !== AST_NODE_TYPES.MemberExpression || (!hasFixedOrBoundedSize(context, callee.object, 0) && !fewPerOwner(context, callee.object));
  }
  const loop = iteration.loop;
  // `for (const status in OfferStatus)`: the members of an enum or of an object written in the code.
  if (loop.type === AST_NODE_TYPES.ForInStatement && hasFixedKeys(context, loop.right)) return false;
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement)
    return (
      !hasFixedOrBoundedSize(context, loop.right, 0) &&
      !isInjectedList(loop.right) &&
      !namesComponentList(context, loop.right) &&
      !namesEventSubscribers(context, loop.right) &&
      !fewPerOwner(context, loop.right)
    );
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.test) return !boundsTurns(context, loop, loop.test);
  return true;
}

/** `i < MAX_WORKERS`, `i < batchEnd`, `i < first + size && i < total`: a `for` test that stops after a bounded number of turns. */
function boundsTurns(context: RuleContext, loop: TSESTree.ForStatement, test: TSESTree.Node): boolean {
  const inner = unwrapExpression(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '&&')
    return boundsTurns(context, loop, inner.left) || boundsTurns(context, loop, inner.right);
  return inner.type === AST_NODE_TYPES.BinaryExpression && (isBoundName(inner.right) || countsOneBatch(context, loop, inner.right));
}

/**
 * `for (let i = batchStart; i < batchEnd; i++)` where `const batchEnd = Math.min(batchStart + BATCH_SIZE, n)`,
 * or `i < start + size` from `let i = start`, with a size by name or the step of the loop around it
 * (`start += size`): the turns of one batch, as many as its size.
 */
function countsOneBatch(context: RuleContext, loop: TSESTree.ForStatement, bound: TSESTree.Node): boolean {
  const declared = loop.init?.type === AST_NODE_TYPES.VariableDeclaration ? loop.init.declarations[0]?.init : undefined;
  const first = declared ? unwrapExpression(declared) : undefined;
  if (first?.type !== AST_NODE_TYPES.Identifier) return false;
  let end = unwrapExpression(bound);
  if (end.type === AST_NODE_TYPES.Identifier) {
    const value = unchangedConstValue(context, end);
    if (!value) return false;
    end = value;
  }
  const sizeAfterFirst = (sum: TSESTree.Node): boolean => {
    const inner = unwrapExpression(sum);
    return (
      inner.type === AST_NODE_TYPES.BinaryExpression &&
      inner.operator === '+' &&
      unwrapExpression(inner.left).type === AST_NODE_TYPES.Identifier &&
      (unwrapExpression(inner.left) as TSESTree.Identifier).name === first.name &&
      (isBoundName(inner.right) || stepsBy(context, loop, first.name, inner.right))
    );
  };
  // `Math.min(start + size, total)`: never past the batch's end.
  if (end.type === AST_NODE_TYPES.CallExpression && calleeName(end) === 'min') return end.arguments.some(sizeAfterFirst);
  return sizeAfterFirst(end);
}

/** Whether a `for` loop around `loop` moves `counter` on by `size` each turn: `for (let start = 0; start < n; start += size)`. */
function stepsBy(context: RuleContext, loop: TSESTree.Node, counter: string, size: TSESTree.Node): boolean {
  for (let outer = enclosingLoop(loop); outer; outer = enclosingLoop(outer)) {
    const update = outer.type === AST_NODE_TYPES.ForStatement ? outer.update : undefined;
    if (
      update?.type === AST_NODE_TYPES.AssignmentExpression &&
      update.operator === '+=' &&
      update.left.type === AST_NODE_TYPES.Identifier &&
      update.left.name === counter &&
      sourceOf(context, update.right) === sourceOf(context, size)
    )
      return true;
  }
  return false;
}

/** Items whose number is written in the code or capped: a literal array, an `as const` tuple, a slice, a batch. */
function hasFixedOrBoundedSize(context: RuleContext, items: TSESTree.Node, depth: number): boolean {
  if (literalArrayOf(context, items)) return true;
  const inner = unwrapAwaited(items);
  // `new Set(regions)`, `Array.from(new Set(ids))`: a copy without repeats holds at most what it copies.
  const copied = copiedList(context, inner);
  if (copied) return depth < MAX_DEPTH && hasFixedOrBoundedSize(context, copied, depth + 1);
  if (inner.type === AST_NODE_TYPES.TaggedTemplateExpression) return isLimitedQuery(context, inner);
  // `Array.from({ length: 5 })`: as many slots as the length says.
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return boundedLength(inner);
  // `plan === 'free' ? [] : page`, `rows ?? []`: bounded when every value it can take is.
  if (inner.type === AST_NODE_TYPES.ConditionalExpression)
    return depth < MAX_DEPTH && hasFixedOrBoundedSize(context, inner.consequent, depth + 1) && hasFixedOrBoundedSize(context, inner.alternate, depth + 1);
  if (inner.type === AST_NODE_TYPES.LogicalExpression)
    return depth < MAX_DEPTH && hasFixedOrBoundedSize(context, inner.left, depth + 1) && hasFixedOrBoundedSize(context, inner.right, depth + 1);
  if (
    inner.type === AST_NODE_TYPES.MemberExpression &&
    inner.object.type === AST_NODE_TYPES.ThisExpression &&
    fieldHoldsOnlyBoundedLists(context, inner, depth)
  )
    return true;
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    if (returnsFixedLiteral(context, inner)) return true;
    // `difference(configurable, features)`: some of the items of the list handed first.
    const subset = subsetSourceOf(context, inner);
    if (subset) return depth < MAX_DEPTH && !spreadsLists(listNamed(subset)) && hasFixedOrBoundedSize(context, subset, depth + 1);
  }
  if (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(inner.callee);
    // `await Promise.all(paths.map(read))`: one result per promise.
    if (isGlobalName(context, inner.callee.object, 'Promise') && COMBINATORS.has(method ?? '') && inner.arguments[0])
      return depth < MAX_DEPTH && hasFixedOrBoundedSize(context, inner.arguments[0], depth + 1);
    if ((method === 'slice' || method === 'splice') && inner.arguments.length === 2) return true;
    // `notification.phoneNumbers.split(',')`: the entries a person wrote into one setting, as many as were typed.
    if (method === 'split' && splitsTypedList(inner)) return true;
    // `xs.slice(-5)`: the last few.
    if (method === 'slice' && inner.arguments.length === 1 && isNegativeLiteral(inner.arguments[0]!)) return true;
    // `cluster.nodes('master')`: ioredis's nodes of a Redis Cluster, as many as its operators run.
    if (method === 'nodes' && isStringLiteral(inner.arguments[0], CLUSTER_ROLES)) return true;
    if (keysOfFixedObject(context, inner) || valuesOfCategoryGroups(context, inner)) return true;
    if (listsSchemaFields(context, inner)) return true;
    if (depth < MAX_DEPTH && valuesOfGroupedList(context, inner, depth)) return true;
    if (isLimitedQuery(context, inner)) return true;
    // `xs.filter(...)`, `xs.map(...)`, `Array.from(xs)` are at most as large as what they start from.
    if (SIZE_KEEPING_STEPS.test(method ?? '')) return depth < MAX_DEPTH && hasFixedOrBoundedSize(context, inner.callee.object, depth + 1);
  }
  if (listsSchemaFields(context, inner)) return true;
  const name = lastName(inner);
  if (name && (BATCH_NAME.test(name) || DEPLOYMENT_LIST.test(name) || MODEL_TOOL_CALLS.test(name))) return true;
  if (isConfigured(context, inner)) return true;
  // `Object.entries(this.options.catalog)`: the entries of what the instance was configured with.
  const readByKeys = inner.type === AST_NODE_TYPES.CallExpression ? objectReadByKeys(context, inner) : undefined;
  if (readByKeys && isConfigured(context, readByKeys)) return true;
  // `const page = await stripe.customers.list({ limit: 100 }); page.data.map(...)`: the rows of a capped page.
  if (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed && inner.object.type === AST_NODE_TYPES.Identifier) {
    if (holdsOnlyLimitedResults(context, inner.object)) return true;
  }
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(context, inner);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    // `SUPPORTED_LANGUAGES` from another module: by convention a constant written in the code; `toolList` when that module writes it out.
    if (definition?.type === 'ImportBinding' && (CONSTANT_NAME.test(inner.name) || isImportedFixedList(context, inner))) return true;
    // `const { SETUP_VARIABLES } = require('./constants')`: the same constant, imported as CommonJS does.
    if (
      definition?.type === 'Variable' &&
      isRequiredName(context, inner, definition.node) &&
      (CONSTANT_NAME.test(inner.name) || isImportedFixedList(context, inner))
    )
      return true;
    // `findAllInBatches(query, async (rows) => ...)`: the callback is handed one batch at a time; so is `processBatch(links)`.
    if (definition?.type === 'Parameter' && (isBatchCallback(definition.node) || HANDLES_ONE_BATCH.test(functionName(definition.node as FunctionNode) ?? '')))
      return true;
    if (definition?.type === 'Parameter' && depth < MAX_DEPTH && everyCallerHandsBoundedList(context, definition.node as FunctionNode, inner, depth))
      return true;
    // `deleteFiles(urls.slice(i, i + 50))`, `fetchProfiles([symbol])` at every call the project knows: as many at once as a caller hands over.
    if (definition?.type === 'Parameter' && callersListBound(context, inner)) return true;
    if (definition?.type === 'Variable') {
      const declarator = definition.node as TSESTree.VariableDeclarator;
      if (declarator.init && declarator.id === definition.name && depth < MAX_DEPTH) return hasFixedOrBoundedSize(context, declarator.init, depth + 1);
      // `let rows; if (team) rows = await searchTeam({ limit }); else rows = await searchUser({ limit });`
      if (!declarator.init && holdsOnlyLimitedResults(context, inner)) return true;
      // `const { results, total } = response`, where every value `response` is given is a page.
      const source = declarator.init && unwrapExpression(declarator.init);
      if (source?.type === AST_NODE_TYPES.Identifier && holdsOnlyLimitedResults(context, source)) return true;
      // `const { items } = await paginate(...)`, `const [rows] = await query.limit(10)`: a page of results.
      if (declarator.init && isLimitedQuery(context, unwrapAwaited(declarator.init))) return true;
      // `const { data: contacts } = result.data` where `result = await listContacts(id, limit)`: a field of a page.
      if (declarator.init && fieldOfLimitedResult(context, declarator.init)) return true;
      // `const [rows, total] = await Promise.all([Model.findAll({ limit }), Model.count()])`: the page is one of the tuple's elements,
      // also as a choice between a page and an empty list (`can(actor, 'listGroups') ? Group.findAll({ limit }) : []`).
      const element = declarator.init && tupleElementOf(context, declarator.id, inner.name, declarator.init);
      if (element && (isLimitedQuery(context, unwrapAwaited(element)) || (depth < MAX_DEPTH && hasFixedOrBoundedSize(context, element, depth + 1))))
        return true;
      // `for (const batch of chunks)`: a loop binding over batches.
      const loop = declarator.parent?.parent;
      if (loop && (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement)) {
        const iterable = lastName(unwrapExpression(loop.right));
        if (iterable && BATCH_NAME.test(iterable)) return true;
      }
    }
  }
  return false;
}

const CLUSTER_ROLES = /^(?:master|slave|all)$/;

function isStringLiteral(node: TSESTree.Node | undefined, value: RegExp): boolean {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && value.test(node.value);
}

/** Names in a chain that hold what a request sent (`req.body.fields`, `input.fields`): their fields are the sender's, not a schema's. */
const REQUEST_PART = /^(?:req|request|body|input|args|params|query|payload|data)$/;
/** Types of a schema's field configurations (`Field`, `ClientField`, `FieldConfig`, `FieldSchema`) and of a GraphQL filter input (`UserWhereInput`, `InputFilter`). */
const FIELD_TYPE = /(?:Field|FieldConfig|FieldSchema|FieldDefinition)s?$/;
const FILTER_INPUT_TYPE = /^(?:\w*Where(?:Unique)?Input|\w*Filter|\w*FilterInput)$/;

/**
 * `Object.entries(list.fields)`, `collection.fields.map(...)`, `table.getFields()`, `fields: Field[]`, the keys of a `where: UserWhereInput`:
 * the fields a schema, a list or a collection declares in code (Keystone's lists, Payload's collections, Parse's classes, GraphQL
 * input types), as many as the schema has, not as many as the data holds.
 */
function listsSchemaFields(context: RuleContext, node: TSESTree.Node): boolean {
  const read = node.type === AST_NODE_TYPES.CallExpression ? objectReadByKeys(context, node) : undefined;
  const target = unwrapAwaited(read ?? node);
  if (target.type === AST_NODE_TYPES.MemberExpression && !target.computed && propertyName(target) === 'fields') return !readsRequest(target.object);
  if (target.type === AST_NODE_TYPES.CallExpression && target.arguments.length === 0) {
    const callee = unwrapExpression(target.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'getFields' && !readsRequest(callee.object);
  }
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const type = declaredType(context, target);
  const element = type?.type === AST_NODE_TYPES.TSArrayType ? type.elementType : type;
  const name = element?.type === AST_NODE_TYPES.TSTypeReference ? typeNameOf(element.typeName) : undefined;
  if (name === undefined) return false;
  // Only the keys of a filter input are its type's fields; what one of them holds (`id: { in: ids }`) is the sender's.
  return FIELD_TYPE.test(name) || (read !== undefined && FILTER_INPUT_TYPE.test(name));
}

/** `Field` of `Field`, `Payload.Field`. */
function typeNameOf(name: TSESTree.EntityName): string | undefined {
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  return name.type === AST_NODE_TYPES.TSQualifiedName ? name.right.name : undefined;
}

/** Whether a chain reads a request's values (`req.body`, `args.input`). */
function readsRequest(node: TSESTree.Node): boolean {
  for (let current = unwrapExpression(node); ;) {
    if (current.type === AST_NODE_TYPES.Identifier) return REQUEST_PART.test(current.name);
    if (current.type !== AST_NODE_TYPES.MemberExpression)
      return current.type !== AST_NODE_TYPES.ThisExpression && current.type !== AST_NODE_TYPES.CallExpression;
    if (REQUEST_PART.test(propertyName(current) ?? '')) return true;
    current = unwrapExpression(current.object);
  }
}

/** What separates the entries of a list typed into one field: commas, semicolons or pipes, with spaces around them. */
const TYPED_LIST_SEPARATOR = /^[\s,;|]*[,;|][\s,;|]*$/;
/** Regular expression syntax around such separators (`/[;,]/`, `/,\s+/`), removed before the separators are read. */
const SEPARATOR_PATTERN_SYNTAX = /\\s|\\(?=\|)|[[\](){}*+?]/g;

/** `text.split(',')`, `text.split(/[;,]/)`: a comma-separated setting, not the lines of a file (`split('\n')`). */
function splitsTypedList(call: TSESTree.CallExpression): boolean {
  const separator = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (separator?.type !== AST_NODE_TYPES.Literal) return false;
  if (typeof separator.value === 'string') return TYPED_LIST_SEPARATOR.test(separator.value);
  const pattern = 'regex' in separator ? separator.regex.pattern : undefined;
  return pattern !== undefined && TYPED_LIST_SEPARATOR.test(pattern.replace(SEPARATOR_PATTERN_SYNTAX, ''));
}

/** The list `new Set(list)` or `Array.from(list)` copies. */
function copiedList(context: RuleContext, node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const source = node.arguments[0];
  if (!source || source.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (node.type === AST_NODE_TYPES.NewExpression) return isGlobalName(context, node.callee, 'Set') ? source : undefined;
  const callee = unwrapExpression(node.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'from' && isGlobalName(context, callee.object, 'Array')
    ? source
    : undefined;
}

/**
 * `getDocumentViews(views)` where `views` is a parameter of a function this file keeps to itself,
 * and every call of it hands over a page (`findMany({ take: limit })`) or a fixed list: its callers hold the bound.
 */
function everyCallerHandsBoundedList(context: RuleContext, fn: FunctionNode, parameter: TSESTree.Identifier, depth: number): boolean {
  const index = fn.params.findIndex((param) => param.type === AST_NODE_TYPES.Identifier && param.name === parameter.name);
  const declarator = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : undefined;
  const name = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : declarator?.id;
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : declarator?.parent;
  if (index < 0 || name?.type !== AST_NODE_TYPES.Identifier || !declaration || declaration.parent?.type !== AST_NODE_TYPES.Program) return false;
  const calls = resolveVariable(context, name)?.references.filter((reference) => reference.identifier !== name) ?? [];
  return (
    calls.length > 0 &&
    calls.every((reference) => {
      const call = reference.identifier.parent;
      const argument = call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? call.arguments[index] : undefined;
      return argument !== undefined && argument.type !== AST_NODE_TYPES.SpreadElement && hasFixedOrBoundedSize(context, argument, depth + 1);
    })
  );
}

/**
 * `this.#files` where every value the class gives it is a fixed list (`this.#files = await
 * Promise.all([envPath, templatePath].map(read))`): as many items as those lists hold.
 */
function fieldHoldsOnlyBoundedLists(context: RuleContext, field: TSESTree.MemberExpression, depth: number): boolean {
  const name = fieldName(field);
  let classBody: TSESTree.Node | undefined = field.parent;
  while (classBody && classBody.type !== AST_NODE_TYPES.ClassBody) classBody = classBody.parent;
  if (name === undefined || !classBody || depth >= MAX_DEPTH) return false;
  const values: TSESTree.Node[] = [];
  let changedInPlace = false;
  visitAll(classBody, (node) => {
    if (node.type === AST_NODE_TYPES.PropertyDefinition && !node.computed && node.value && fieldKeyName(node.key) === name) values.push(node.value);
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression || fieldName(node) !== name) return;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) {
      if (parent.operator === '=') values.push(parent.right);
      else changedInPlace = true;
    }
    // `this.#files.push(file)`, `register(this.#files)`: the class adds to it, or hands it to code that may.
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && /^(?:push|unshift|splice)$/.test(propertyName(parent) ?? ''))
      changedInPlace = true;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node)) changedInPlace = true;
  });
  // `channels = []` alone: whatever fills it does so where this class cannot see.
  const filled = values.filter((value) => {
    const inner = unwrapAwaited(value);
    return inner.type !== AST_NODE_TYPES.ArrayExpression || inner.elements.length > 0;
  });
  // `this.files = [...this.files, file]` grows as often as it runs.
  const grows = (value: TSESTree.Node): boolean => {
    const inner = unwrapAwaited(value);
    return inner.type === AST_NODE_TYPES.ArrayExpression && inner.elements.some((element) => element?.type === AST_NODE_TYPES.SpreadElement);
  };
  return !changedInPlace && filled.length > 0 && filled.every((value) => !grows(value) && hasFixedOrBoundedSize(context, value, depth + 1));
}

const BATCH_NAME = /chunk|batch|slice/i;
/**
 * The tool calls of one language-model response (OpenAI's `tool_calls`, Anthropic's `tool_use` blocks, Gemini's `functionCalls`, the AI
 * SDK's `toolCalls`): the model asks for a few per turn, and running them together is how parallel tool calling is meant to work.
 */
const MODEL_TOOL_CALLS = /tool_?(?:calls?|uses?)|function_?calls?/i;
/**
 * `monitor.regions`, `input.regions`, `replicas`, `project.environments`: the regions, zones, shards, replicas or
 * environments (development, staging, production) of a deployment, as many as it runs in. A call to each, at once, is how
 * work reaches every one of them.
 */
const DEPLOYMENT_LIST =
  /^(?:regions|zones|availabilityZones|shards|replicas|partitions|environments|environmentIds)$|[a-z](?:Regions|Zones|Shards|Replicas|Partitions)$/;
/**
 * `processBatch`, `sendChunk`: a function named for handling one batch, whose callers cut it. A
 * longer name (`createRecordsBatch`) more often names a bulk operation over whatever it is given.
 */
const HANDLES_ONE_BATCH = /^(?:[a-z]+(?:Batch|Chunk)|batch|chunk)$/;
/** Array steps whose result holds at most as many items as the list they start from. */
const SIZE_KEEPING_STEPS = /^(?:filter|slice|concat|flat|map|sort|toSorted|reverse|toReversed)$/;

/**
 * `webhooks`, `matchingWebhooks`, `hooks`, `notificationChannels`: the endpoints an event is delivered to, as many as its
 * owner registered (a handful); each call goes to its own endpoint, and at once so that a slow one holds back no other.
 * Channels count only where named for notices: bare `channels` are as often a broker's or a socket server's.
 */
const EVENT_SUBSCRIBERS = /(?:^|[a-z])(?:[Ww]ebhooks|[Hh]ooks|(?:[Nn]otification|[Aa]lert|[Ss]lack)Channels)$/;

/**
 * A list named for the endpoints an event goes to, read whole or through steps (`webhooks.filter((hook) => hook.events.includes(type))`),
 * also by the `const`s that hold those steps (`const forEvent = allWebhooks.filter(...)`).
 */
function namesEventSubscribers(context: RuleContext, items: TSESTree.Node): boolean {
  let list = listNamed(items);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (EVENT_SUBSCRIBERS.test(lastName(list) ?? '')) return true;
    const held = list.type === AST_NODE_TYPES.Identifier ? constValueOf(context, list) : undefined;
    if (!held) return false;
    list = listNamed(held.type === AST_NODE_TYPES.AwaitExpression ? held.argument : held);
  }
  return false;
}

/**
 * The list that copies of it start from: `Array.from(ids)` where `const ids = new Set(record.assets.map((a) => a.id))`
 * gives the parts of that one record (an `ids.add(extra)` beside, outside a loop, adds one more).
 */
function recordListCopied(context: RuleContext, items: TSESTree.Node): TSESTree.Node {
  let list = unwrapExpression(items);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const step = list.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(list.callee) : undefined;
    const mappedFrom = step?.type === AST_NODE_TYPES.MemberExpression && propertyName(step) === 'map' ? step.object : undefined;
    const next = copiedList(context, list) ?? mappedFrom ?? (list.type === AST_NODE_TYPES.Identifier ? copyHeldBy(context, list) : undefined);
    if (!next) return list;
    list = unwrapExpression(next);
  }
  return list;
}

/** `const ids = new Set(...)` / `Array.from(...)` that only grows by single `ids.add(x)` calls outside loops: the copy it was made as. */
function copyHeldBy(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.id !== definition.name || !definition.node.init) return undefined;
  const init = unwrapExpression(definition.node.init);
  if (copiedList(context, init) === undefined) return undefined;
  const growsInLoop = variable!.references.some((reference) => {
    const member = reference.identifier.parent;
    const adds = member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && STORING_METHODS.test(propertyName(member) ?? '');
    return adds && (enclosingLoop(member) !== undefined || enclosingIteration(member) !== undefined);
  });
  return growsInLoop ? undefined : init;
}

function sourceOf(context: RuleContext, node: TSESTree.Node): string {
  return context.text.slice(node.range[0], node.range[1]).replace(/\s+/g, '');
}

/**
 * A function given to a call named for batches (`findAllInBatches`, `eachBatch`, `inChunks`), or to a method of a batching
 * helper named so (`batch.processSortedSet(key, async (ids) => ...)`), other than an array's own step over a list named `batch`.
 */
function isBatchCallback(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (!isFunction(fn) || call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => argument === fn)) return false;
  const name = calleeName(call) ?? '';
  if (BATCH_NAME.test(name)) return true;
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && !ARRAY_ITERATION.test(name) && BATCH_NAME.test(lastName(callee.object) ?? '');
}
/** Array methods that hand their callback one item each. */
const ARRAY_ITERATION = /^(?:map|flatMap|forEach|filter|find|findIndex|some|every|reduce|reduceRight|sort|toSorted)$/;
/** `SUPPORTED_LANGUAGES`, `DEFAULT_ROLES`: a module constant, named in capitals by convention. */
/** `SETUP_VARIABLES` of `const { SETUP_VARIABLES } = require('./constants')`: a name taken from the exports of a module that `require` loads. */
function isRequiredName(context: RuleContext, name: TSESTree.Identifier, declarator: TSESTree.Node): boolean {
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) return false;
  const init = unwrapExpression(declarator.init);
  return (
    init.type === AST_NODE_TYPES.CallExpression && resolveModuleMember(context, init) !== undefined && resolveModuleMember(context, name)?.path.length === 1
  );
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,}[0-9]*$/;

/** The element of `await Promise.all([...])` that `name` takes in an array pattern, or undefined. */
function tupleElementOf(context: RuleContext, pattern: TSESTree.Node, name: string, init: TSESTree.Node): TSESTree.Node | undefined {
  if (pattern.type !== AST_NODE_TYPES.ArrayPattern) return undefined;
  const index = pattern.elements.findIndex((element) => element?.type === AST_NODE_TYPES.Identifier && element.name === name);
  const call = unwrapAwaited(init);
  if (index < 0 || call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!isGlobalName(context, call.callee.object, 'Promise')) return undefined;
  const tuple = call.arguments[0] && unwrapExpression(call.arguments[0]);
  const element = tuple?.type === AST_NODE_TYPES.ArrayExpression ? tuple.elements[index] : undefined;
  return element && element.type !== AST_NODE_TYPES.SpreadElement ? element : undefined;
}

function isNegativeLiteral(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-' && node.argument.type === AST_NODE_TYPES.Literal;
}

/** `Object.values(groupBy(rows, 'status'))`: the groups of a variable that sorts items into a few kinds. */
function valuesOfCategoryGroups(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const argument = objectReadByKeys(context, call);
  if (argument?.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, argument)?.defs[0];
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
  return !!init && groupsByCategory(unwrapAwaited(init));
}

/**
 * `Object.values(rows.reduce((byId, row) => ..., {}))`, also through a `const`: the groups a
 * list's items are sorted into, at most as many as its items (a page of joined rows, one group per record).
 */
function valuesOfGroupedList(context: RuleContext, call: TSESTree.CallExpression, depth: number): boolean {
  const argument = objectReadByKeys(context, call);
  const grouped = argument?.type === AST_NODE_TYPES.Identifier ? unchangedConstValue(context, argument) : argument;
  if (grouped?.type !== AST_NODE_TYPES.CallExpression || grouped.arguments.length !== 2) return false;
  const callee = unwrapExpression(grouped.callee);
  const initial = unwrapExpression(grouped.arguments[1]!);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(callee) === 'reduce' &&
    initial.type === AST_NODE_TYPES.ObjectExpression &&
    initial.properties.length === 0 &&
    hasFixedOrBoundedSize(context, callee.object, depth + 1)
  );
}

/**
 * `subs.reduce((groups, sub) => { (groups[sub.channelType] ??= []).push(sub); return groups; }, {})`,
 * `groupBy(items, (item) => item.kind)`, `groupBy(rows, 'status')`: one group per kind of item, a few.
 */
function groupsByCategory(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const method = calleeName(node);
  const isCategory = (key: TSESTree.Node | undefined): boolean => {
    const inner = key && unwrapExpression(key);
    if (inner?.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'string' && CATEGORY_FIELD.test(inner.value);
    const name = inner && (inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.MemberExpression) ? lastName(inner) : undefined;
    return name !== undefined && CATEGORY_FIELD.test(name);
  };
  const grouping = node.arguments[method === 'reduce' ? 0 : 1];
  const fn = grouping && unwrapExpression(grouping);
  if (method === 'groupBy') {
    if (!fn || !isFunction(fn)) return isCategory(fn);
    return fn.body.type !== AST_NODE_TYPES.BlockStatement && isCategory(fn.body);
  }
  const groups = fn && isFunction(fn) ? fn.params[0] : undefined;
  if (method !== 'reduce' || groups?.type !== AST_NODE_TYPES.Identifier) return false;
  const keys: TSESTree.Node[] = [];
  visitWithinFunction((fn as FunctionNode).body, (child) => {
    if (
      child.type === AST_NODE_TYPES.MemberExpression &&
      child.computed &&
      child.object.type === AST_NODE_TYPES.Identifier &&
      child.object.name === groups.name
    )
      keys.push(child.property);
  });
  return keys.length > 0 && keys.every(isCategory);
}

/** Options and methods that cap how many rows a query or a page returns. */
const LIMIT_KEYS = /^(?:take|limit|first|last|top|pageSize|perPage|per_page|page_size|maxResults|max)$/;
/**
 * Options that ask a paginated API for one page, by number or cursor (`listCommissions({ page })`,
 * `{ startingAfter }`): it answers with one page. Only as an option's key: a `page` handed over
 * alone may be a browser page.
 */
const PAGE_KEYS = /^(?:page|pageNumber|pageToken|nextPageToken|startingAfter|starting_after|endingBefore|ending_before)$/;
const LIMIT_METHODS = /^(?:limit|take|first|top|paginate|findAndCount|page|slice)$/;

/** A query or call whose result is capped: `findMany({ take: 20 })`, `.limit(10)`, `paginate(...)`. */
function isLimitedQuery(context: RuleContext, node: TSESTree.Node, depth = 0): boolean {
  // prisma.$queryRaw`SELECT ... LIMIT ${size}`
  if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return limitsInSql(node);
  if (depth > MAX_DEPTH) return false;
  for (let current = unwrapExpression(node); current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.MemberExpression;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      current = unwrapExpression(current.object);
      continue;
    }
    const name = calleeName(current) ?? '';
    if (LIMIT_METHODS.test(name) || /paginat/i.test(name) || listsOnePage(context, current)) return true;
    const options = current.arguments.find((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression);
    // `{ take: 20 }`, `{ page }`, or the SQL text a client takes as an option: `clickhouse.query({ query: 'SELECT … LIMIT {limit:UInt32}' })`.
    if (
      options?.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          (LIMIT_KEYS.test(property.key.name) || PAGE_KEYS.test(property.key.name) || limitsInSql(property.value)),
      )
    )
      return true;
    // `runScript(jobsByType, [skip, take])`, `search(query, offset, limit)`: the page size handed over by name.
    if (current.arguments.some(passesLimit)) return true;
    if (selectsFromCappedSubquery(context, current, name, depth)) return true;
    current = unwrapExpression(current.callee);
  }
  return false;
}

/**
 * `db.with(sq).select().from(sq).leftJoin(tags, …)` where `sq = db.$with('sq').as(db.select().from(posts).limit(n))` (Drizzle's common
 * table expression, or a subquery made with `.as('sq')`): the rows of a capped subquery, a page, with what is joined to each.
 */
function selectsFromCappedSubquery(context: RuleContext, call: TSESTree.CallExpression, name: string, depth: number): boolean {
  const argument = call.arguments.length === 1 ? unwrapExpression(call.arguments[0]!) : undefined;
  if (!argument) return false;
  // `$with('sq').as(query)`: the subquery is the argument; `query.as('sq')`: the chain is.
  if (name === 'as') return argument.type === AST_NODE_TYPES.CallExpression && isLimitedQuery(context, argument, depth + 1);
  return name === 'from' && argument.type === AST_NODE_TYPES.Identifier && holdsOnlyLimitedResults(context, argument, depth + 1);
}

/**
 * `runs.list({ tag })` of `@trigger.dev/sdk`, `customers.list()` of a service's SDK: an API client's
 * `list` answers with one page (more pages are asked for with its cursor); a database's `find`
 * is no such call.
 */
function listsOnePage(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const member = resolveModuleMember(context, call.callee);
  return (
    member?.path.at(-1) === 'list' &&
    member.path.length > 1 &&
    !isLocalModule(member.module) &&
    !isProjectModule(projectModels(context), member.module) &&
    !isDatabaseModule(member.module)
  );
}

/**
 * An argument that is a page size by its name (`limit`, `query.limit || 10`), an array holding
 * one, or SQL text with a `LIMIT` clause.
 */
function passesLimit(argument: TSESTree.Node): boolean {
  const inner = unwrapExpression(argument);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return inner.elements.some((element) => element !== null && passesLimit(element));
  if (inner.type === AST_NODE_TYPES.LogicalExpression) return passesLimit(inner.left);
  if (inner.type === AST_NODE_TYPES.MemberExpression) return LIMIT_KEYS.test(propertyName(inner) ?? '') && propertyName(inner) !== 'max';
  if (inner.type === AST_NODE_TYPES.Identifier) return LIMIT_KEYS.test(inner.name) && inner.name !== 'max';
  return limitsInSql(inner);
}

/**
 * `LIMIT 50`, `LIMIT ${BATCH_SIZE}`, a bound parameter (`LIMIT $1`, `LIMIT ?`, `LIMIT :limit`, `LIMIT @limit`, ClickHouse's
 * `LIMIT {limit:UInt32}`), `FETCH FIRST 10 ROWS`: SQL that caps the rows it returns.
 */
const SQL_LIMIT = /\bLIMIT\s+(?:\d|\$|\?|:|@|\{\s*\w+\s*:)|\bFETCH\s+(?:FIRST|NEXT)\b|\bSELECT\s+TOP\b/i;

/** SQL text written in a literal or a (tagged) template that limits its rows; an interpolation reads as a `?` placeholder. */
function limitsInSql(node: TSESTree.Node): boolean {
  const text = sqlTextOf(node);
  return text !== undefined && SQL_LIMIT.test(text);
}

/** `result.data`, `page.data.items`: a field of a value a limited query returned, held in a variable of this module. */
function fieldOfLimitedResult(context: RuleContext, node: TSESTree.Node): boolean {
  let root = unwrapAwaited(node);
  if (root.type !== AST_NODE_TYPES.MemberExpression) return false;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  return root.type === AST_NODE_TYPES.Identifier && holdsOnlyLimitedResults(context, root);
}

/**
 * A variable of this module whose every value, given where it is declared or assigned later
 * (`response = await search({ query, limit })` in each branch), is the result of a capped query.
 */
function holdsOnlyLimitedResults(context: RuleContext, identifier: TSESTree.Identifier, depth = 0): boolean {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable' || definition.node.id !== definition.name) return false;
  const values = variable.references.flatMap((reference) => (reference.isWrite() && reference.writeExpr ? [reference.writeExpr] : []));
  return values.length > 0 && values.every((value) => isLimitedQuery(context, unwrapAwaited(value), depth));
}

const LIMITER_NAME = /limit|throttl|queue|pool|sem(?:aphore)?$|mutex|bottleneck|schedul|concurren/i;

/** `{ length: 4 }`, `{ length: Math.min(limit, n) }`, `{ length: concurrency }`: a capped number of workers. */
function boundedLength(object: TSESTree.ObjectExpression): boolean {
  const length = object.properties.find(
    (property): property is TSESTree.Property =>
      property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'length',
  );
  return length !== undefined && isBoundName(length.value);
}

/**
 * A literal count, `Math.min(...)`, a name that says it is a limit (`concurrency`, `MAX_WORKERS`),
 * a module constant (`SHARD_COUNT`), or a count the instance was configured with (`this.shardCount`).
 */
function isBoundName(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'number';
  if (inner.type === AST_NODE_TYPES.CallExpression) return calleeName(inner) === 'min';
  const name = lastName(inner);
  if (name === undefined || name === 'length') return false;
  if (inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.ThisExpression) return true;
  return LIMITER_NAME.test(name) || /^(?:max|MAX)|workers?|parallel|shards?|partitions?|replicas?/i.test(name) || CONSTANT_NAME.test(name);
}

/** Methods that wait for what an object already runs (`stream.wait()`, `worker.finished()`) and start nothing. */
const WAITING_METHODS = /^(?:wait|waitUntilDone|whenDone|whenReady|finished|done|closed|onIdle|onEmpty)$/;

/** A mapper that starts work: its result is a call (not an existing promise picked from the item). */
function startsWork(mapper: TSESTree.Node): boolean {
  const inner = unwrapExpression(mapper);
  if (!isFunction(inner)) return inner.type !== AST_NODE_TYPES.SpreadElement;
  // `(job) => { return job.finished(); }` waits as `(job) => job.finished()` does.
  const returned = inner.body.type === AST_NODE_TYPES.BlockStatement ? onlyReturned(inner.body) : inner.body;
  const result = returned && unwrapExpression(returned);
  if (result && (waitsForRunningWork(result) || isDeferred(result) || readsReceivedBody(inner, result))) return false;
  if (inner.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrapExpression(inner.body);
    return (
      body.type === AST_NODE_TYPES.CallExpression ||
      body.type === AST_NODE_TYPES.NewExpression ||
      body.type === AST_NODE_TYPES.AwaitExpression ||
      body.type === AST_NODE_TYPES.ConditionalExpression ||
      body.type === AST_NODE_TYPES.LogicalExpression ||
      inner.async
    );
  }
  let calls = false;
  let returns = 0;
  let returnsWork = false;
  let returnsDeferred = 0;
  visitWithinFunction(inner.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.AwaitExpression) calls = true;
    if (node.type !== AST_NODE_TYPES.ReturnStatement) return;
    returns++;
    if (node.argument && isDeferred(node.argument)) returnsDeferred++;
    else if (!node.argument || !isPlainValue(node.argument)) returnsWork = true;
  });
  // `return new Promise((resolve) => resolvers.set(id, resolve))`: a promise that waits for whoever settles it.
  if (!inner.async && returnsDeferred > 0 && !returnsWork) return false;
  // A synchronous mapper that only returns values written out (`return { ...row, title }`) hands Promise.all nothing to wait for.
  if (!inner.async && returns > 0 && !returnsWork) return false;
  return calls;
}

/** The value of a block that is one `return` statement. */
function onlyReturned(block: TSESTree.BlockStatement): TSESTree.Expression | undefined {
  const [statement, ...rest] = block.body;
  return rest.length === 0 && statement?.type === AST_NODE_TYPES.ReturnStatement ? (statement.argument ?? undefined) : undefined;
}

/** `stream.wait()`, `(s) => s.worker.finished()`: a waiting method called with nothing on an object that already runs. */
function waitsForRunningWork(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
  return (
    inner.type === AST_NODE_TYPES.CallExpression &&
    inner.arguments.length === 0 &&
    inner.callee.type === AST_NODE_TYPES.MemberExpression &&
    WAITING_METHODS.test(propertyName(inner.callee) ?? '')
  );
}

/** Methods that keep a value in a collection: `resolvers.set(id, resolve)`, `waiters.push(resolve)`. */
const STORING_METHODS = /^(?:set|push|add|unshift)$/;

/**
 * `new Promise((resolve, reject) => { waiters.set(id, { resolve, reject }); })`, `new Promise((resolve) =>
 * img.addEventListener('load', () => resolve()))`: a promise whose executor only keeps its resolvers for
 * others to call, settles at once, or listens for an event. It starts nothing; it waits.
 */
function isDeferred(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type !== AST_NODE_TYPES.NewExpression || inner.callee.type !== AST_NODE_TYPES.Identifier || inner.callee.name !== 'Promise') return false;
  const executor = inner.arguments[0] && unwrapExpression(inner.arguments[0]);
  if (!executor || !isFunction(executor) || executor.params.length === 0) return false;
  const resolvers = new Set(executor.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])));
  const statements = executor.body.type === AST_NODE_TYPES.BlockStatement ? executor.body.body : [executor.body];
  return statements.length > 0 && statements.every((statement) => onlyWaits(statement, resolvers));
}

/** A statement of a promise's executor that keeps, calls or hands its resolvers to a listener, and does nothing else. */
function onlyWaits(statement: TSESTree.Node, resolvers: ReadonlySet<string>): boolean {
  if (statement.type === AST_NODE_TYPES.BlockStatement) return statement.body.every((inner) => onlyWaits(inner, resolvers));
  if (statement.type === AST_NODE_TYPES.IfStatement)
    return !containsCall(statement.test) && onlyWaits(statement.consequent, resolvers) && (!statement.alternate || onlyWaits(statement.alternate, resolvers));
  const expression = unwrapExpression(statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : statement);
  if (expression.type === AST_NODE_TYPES.AssignmentExpression) return expression.operator === '=' && !containsCall(expression.right);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(expression.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return resolvers.has(callee.name) && !expression.arguments.some(containsCall);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee) ?? '';
  if (STORING_METHODS.test(method)) return !expression.arguments.some(containsCall);
  // `img.addEventListener('load', () => resolve(), { once: true })`: the listener only settles the promise.
  return (
    LISTENING_METHODS.test(method) &&
    !containsCall(callee.object) &&
    expression.arguments.every((argument) => (isFunction(argument) ? onlyWaits(argument.body, resolvers) : !containsCall(argument)))
  );
}

/** Methods that register a listener for an event: `addEventListener`, an emitter's `once` and `on`. */
const LISTENING_METHODS = /^(?:addEventListener|once|on)$/;

/** How a fetch `Response` hands over its body. */
const BODY_READERS = /^(?:json|text|arrayBuffer|blob|formData|bytes)$/;

/** `(response) => response.json()`: the body of a response the item already is; the requests were started, and waited for, before. */
function readsReceivedBody(mapper: TSESTree.Node, body: TSESTree.Node): boolean {
  const parameter = isFunction(mapper) ? mapper.params[0] : undefined;
  if (body.type !== AST_NODE_TYPES.CallExpression || body.arguments.length > 0 || body.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = unwrapExpression(body.callee.object);
  return (
    parameter?.type === AST_NODE_TYPES.Identifier &&
    receiver.type === AST_NODE_TYPES.Identifier &&
    receiver.name === parameter.name &&
    BODY_READERS.test(propertyName(body.callee) ?? '')
  );
}

/** An object, array, template or literal whose parts call nothing: a value, never a promise. */
function isPlainValue(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (
    inner.type !== AST_NODE_TYPES.ObjectExpression &&
    inner.type !== AST_NODE_TYPES.ArrayExpression &&
    inner.type !== AST_NODE_TYPES.TemplateLiteral &&
    inner.type !== AST_NODE_TYPES.Literal
  )
    return false;
  return !containsCall(inner);
}

/**
 * `Promise.all(users.map((user) => tx.user.update(...)))` inside a transaction: its calls take turns on its one connection. Only a
 * mapper that awaits or returns work beside the transaction (`sendMail(user.email)`) starts anything at once.
 */
function runsOnTransaction(context: RuleContext, node: TSESTree.CallExpression): boolean {
  const transaction = transactionScopeOf(context, node);
  if (!transaction) return false;
  const argument = unwrapExpression(node.arguments[0]!);
  const mapper = argument.type === AST_NODE_TYPES.CallExpression ? mapCallParts(context, argument)?.mapper : undefined;
  return !mapper || !doesWorkBesideTransaction(context, mapper, transaction);
}

/** A mapper whose calls run on one transaction (`(row) => row.destroy({ transaction })`): they share its one connection. */
function mapsInTransaction(mapper: TSESTree.Node): boolean {
  const inner = unwrapExpression(mapper);
  if (!isFunction(inner)) return usesTransaction(inner);
  let found = false;
  visitWithinFunction(inner.body, (node) => {
    if (!found && node.type === AST_NODE_TYPES.CallExpression && usesTransaction(node)) found = true;
  });
  return found;
}

/** `(x) => limit(() => f(x))` with p-limit, `queue.add(() => ...)` with p-queue, `limiter.schedule(...)` with bottleneck. */
function limitedByLimiter(context: RuleContext, mapper: TSESTree.Node): boolean {
  const inner = unwrapExpression(mapper);
  if (!isFunction(inner)) return isLimiterCall(context, inner);
  let limited = false;
  visitWithinFunction(inner.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && isLimiterCall(context, node)) limited = true;
  });
  return limited;
}

/** The last word of a name that makes it a limiter as a whole: `limit`, `rateLimiter`, `uploadQueue`, `workerPool`, not `queueEmail`. */
const LIMITER_NOUN = /^(?:limit|limiter|throttle|throttler|queue|pool|sem|sema|semaphore|mutex|lock|bottleneck|scheduler)$/;

/**
 * A call that waits its turn: of a value a limiter library made (`limit(...)`, `queue.add(...)`), a method
 * that admits work on an object named a limiter (`this.uploadQueue.add(...)`, `semaphore.acquire()`), or a
 * function named a limiter handed the work (`rateLimit(() => send(x))`). A verb phrase (`queueEmail(id)`,
 * `getRateLimitStatus(id)`) does the work itself.
 */
function isLimiterCall(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const [called, ...receivers] = calleeChainNames(node.callee).reverse();
  const root = rootIdentifier(node.callee);
  if (root && holdsLimiter(context, root)) return true;
  if (!called) return false;
  // `this.uploadQueue.add(job)`, `batchQueue.addDocument(doc)`, `semaphore.acquire()`: whatever it admits waits its turn there.
  if (receivers.some(namesLimiter)) return true;
  const work = node.arguments[0];
  return namesLimiter(called) && work !== undefined && handsFunction(context, work);
}

/** Whether a name's last word is a limiter noun: `limiter`, `emailQueue`, `OpenAIQueue`, `WORKER_POOL`. */
function namesLimiter(name: string): boolean {
  // `OpenAIQueue` ends in the word `Queue`, after an acronym.
  return LIMITER_NOUN.test(words(name.replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')).at(-1) ?? '');
}

/** `() => send(x)`, `send` declared in the file or imported: the work handed to a limiter to run in its turn. */
function handsFunction(context: RuleContext, node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (isFunction(inner)) return true;
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  return localFunction(context, inner) !== undefined || resolveVariable(context, inner)?.defs[0]?.type === 'ImportBinding';
}

const SOURCE_PREVIEW_LENGTH = 40;
/** Array methods that keep the list they are called on, or part of it, in another order or shape. */
const LIST_STEPS = /^(?:filter|map|flatMap|flat|slice|sort|toSorted|reverse|toReversed)$/;

/** The list a chain of array steps starts from: `members` in `members.filter((m) => m.active).slice(0, n)`, `ids` in `Array.from(ids)`. */
function listNamed(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  for (;;) {
    if (current.type !== AST_NODE_TYPES.CallExpression) return current;
    const callee = unwrapExpression(current.callee);
    const stepOnList = callee.type === AST_NODE_TYPES.MemberExpression && LIST_STEPS.test(propertyName(callee) ?? '');
    const copy = current.arguments.length === 1 && calleeChainNames(callee).join('.') === 'Array.from';
    if (stepOnList) current = unwrapExpression((callee as TSESTree.MemberExpression).object);
    else if (copy) current = unwrapExpression(current.arguments[0]!);
    else return current;
  }
}

/** `[...profiles, ...activities]`: an array literal as long as the lists it spreads, whatever their size. */
function spreadsLists(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ArrayExpression && node.elements.some((element) => element?.type === AST_NODE_TYPES.SpreadElement);
}

/** `fetchUser(...) for every item of ids`: the call that does the work and what it runs over, as plain text. */
function workText(context: RuleContext, mapper: TSESTree.Node | undefined, items: TSESTree.Node, origin: ListOrigin | undefined): string {
  let work = mapper && mappedCall(mapper);
  for (let hops = 0; work && hops < MAX_DEPTH; hops++) {
    const inner = combinedWork(context, work);
    if (!inner) break;
    work = inner;
  }
  const named = mapper && unwrapExpression(mapper);
  // `files.map(withContents)`: the function handed over by name is the work.
  const label = named?.type === AST_NODE_TYPES.Identifier ? named.name : work && callLabel(work);
  const call = label ? `${label}(...)` : 'a call';
  // The query alone names rows: the variable that holds them would only lengthen the sentence.
  if (origin?.query) return `${call} for every row of ${origin.query} (no limit)`;
  return `${call} for every item of ${sourceText(context, items)}${origin ? ` (${origin.phrase})` : ''}`;
}

/** `members` of `members.filter((m) => m.active)`: the list a chain of steps starts from, as short plain text. */
function sourceText(context: RuleContext, items: TSESTree.Node): string {
  const list = listNamed(items);
  const head = context.text.slice(list.range[0], list.range[1]).replace(/\s+/g, ' ');
  return head.length > SOURCE_PREVIEW_LENGTH ? `${head.slice(0, SOURCE_PREVIEW_LENGTH)}...` : head;
}

/**
 * `Promise.all(pids.map((pid) => dissociate(pid)))`, `Promise.all([remove(path), remove(thumb)])` started per item: the call the inner
 * combinator starts, which names the work better than `Promise.all(...)`.
 */
function combinedWork(context: RuleContext, work: TSESTree.Node): TSESTree.Node | undefined {
  const call = unwrapExpression(work);
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || !isGlobalName(context, callee.object, 'Promise') || !COMBINATORS.has(propertyName(callee) ?? ''))
    return undefined;
  const first = (call as TSESTree.CallExpression).arguments[0];
  const argument = first && unwrapExpression(first);
  if (argument?.type === AST_NODE_TYPES.ArrayExpression)
    return argument.elements.find((element): element is TSESTree.Expression => !!element && unwrapExpression(element).type === AST_NODE_TYPES.CallExpression);
  if (argument?.type !== AST_NODE_TYPES.CallExpression || !argument.arguments[0]) return undefined;
  const listStep = unwrapExpression(argument.callee);
  const mapper = unwrapExpression(argument.arguments[0]);
  // `Promise.all(paths.map(removeFile))`: the function handed over by name, called per item.
  if (mapper.type === AST_NODE_TYPES.Identifier) return undefined;
  return listStep.type === AST_NODE_TYPES.MemberExpression && /^(?:map|flatMap)$/.test(propertyName(listStep) ?? '') ? mappedCall(mapper) : undefined;
}

/** The call a mapper starts per item: its body when that is a call, else the first call it awaits or returns. */
/** `env.strategies.map((strategy) => createStrategy(strategy))` returned by a `flatMap` callback: its own callback runs the query per item. */
function innerMapperRunsQuery(context: RuleContext, nested: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(nested.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  const mapper = method === 'map' || method === 'flatMap' ? nested.arguments[0] : undefined;
  return mapper !== undefined && mapperRunsQuery(context, mapper);
}

function mappedCall(mapper: TSESTree.Node): TSESTree.Node | undefined {
  const inner = unwrapExpression(mapper);
  if (!isFunction(inner)) return inner;
  const body = unwrapExpression(inner.body);
  if (body.type === AST_NODE_TYPES.CallExpression) return body;
  let found: TSESTree.Node | undefined;
  visitWithinFunction(body, (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.AwaitExpression) found = node.argument;
    else if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && unwrapExpression(node.argument).type === AST_NODE_TYPES.CallExpression)
      found = node.argument;
  });
  return found;
}
