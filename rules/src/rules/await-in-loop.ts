import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { localFunction, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from '../analysis/resolve';
import { callsCacheFirst, readsSameRowsPerItem } from '../analysis/queries';
import { repeatedQueryOf } from '../analysis/other-work';
import { readsIteration } from '../analysis/query-shape';
import { contains, enclosingFunction, enclosingLoop, isFunction, type FunctionNode, type LoopStatement } from '../analysis/scopes';
import { visitWithinFunction } from '../analysis/visit';
import { runsOnce } from '../analysis/run-once';
import { elementType } from '../analysis/callback-types';
import { countsConfiguredShards, functionName, isInjectedList, namesComponentList, runsOnlyAtBoot } from '../analysis/startup';
import {
  awaitsAtMostOnce,
  emitsUserLog,
  iteratesTreeOrder,
  logsOnBranch,
  runsForOneItem,
  throwsOnAwaitedCheck,
  writesLoggerLine,
} from '../analysis/loop-patterns';
import { isWorkBesideTransaction, runsTransactionHandedNoHandle, transactionScopeOf } from '../analysis/transaction-handles';
import { runsOnItemDatabase } from '../analysis/item-databases';
import { awaitSequentialReason, loopSequentialReason, sharesRequestTransaction, usesRepeatedValuePerItem } from '../analysis/sequential';
import { loopFacts, variesPerIteration, type LoopFacts } from '../analysis/loop-facts';
import { fewPerOwner } from '../analysis/owner-lists';
import {
  awaitsMethodReadingSetFields,
  gatedByCollectedList,
  readsAccumulatedValue,
  readsFlagTheLoopSets,
  rechecksSharedState,
  streamsIntoSharedArchive,
  worksOverOpenedConnection,
} from '../analysis/iteration-chains';
import { callLabel, calleeName, lastName, words } from '../analysis/names';
import { handlesFailure, recordsFailurePerItem } from '../analysis/failure-paths';
import {
  awaitsOnFirstTurnOnly,
  callsLocalComputation,
  computesInMemory,
  feedsSharedDocument,
  isPromiseCombinator,
  postsToOneChat,
  toldWhetherFirst,
  toldWhetherLast,
  usesMemoryCache,
} from '../analysis/await-patterns';
import { callsFormLibrary, runsInBrowser, runsInTerminal, runsOnDevice } from '../analysis/browser';
import { awaitsValidation, calledFunction, checksInMemorySchema, doesNoInputOutput, rendersTemplate, signsUrlLocally } from '../analysis/local-work';
import { loadsThroughBatchLoader } from '../analysis/batch-loaders';
import { appliesChangesInOrder } from '../analysis/ordered-changes';
import { awaitInLoopFix, loopSharesState } from '../fixes/concurrency-fix';
import { contextRole } from '../roles';
import type { Rule, RuleContext } from '../types';

const AWAIT_KEYWORD_LENGTH = 'await'.length;

export const awaitInLoop: Rule = {
  meta: {
    id: 'await-in-loop',
    defaultSeverity: 'warning',
    description: 'An `await` in a loop whose iterations do not depend on each other, so they could run concurrently.',
    messages: {
      awaitInLoop: 'This loop awaits {{call}} one by one; run them concurrently, at most {{limit}} at once.',
      sameRows: 'This loop awaits {{call}} per item, but its query reads the same rows each time; load them once before the loop.',
      batchLoader: 'This loop awaits {{call}} one key at a time, so its DataLoader sends a batch per item; pass every key to loadMany(keys) once.',
      repeatedKey: 'This loop awaits {{call}} for {{key}}, which items share; keep one answer per {{name}} instead. Concurrency would ask the same again.',
    },
    fixable: true,
    options: {
      sequentialHelpers: {
        type: 'array',
        items: { type: 'string' },
        description: "Names of the project's own functions whose calls must run one after another (pacing, retries, a shared resource).",
      },
    },
  },
  prefilter: /\bawait\b/,
  gate: (signals) => signals.awaitInLoop,
  create(context) {
    const awaitsByLoop = new Map<LoopStatement, TSESTree.AwaitExpression[]>();
    return {
      AwaitExpression(node: TSESTree.AwaitExpression) {
        const loop = enclosingLoop(node);
        if (!loop) return;
        const list = awaitsByLoop.get(loop) ?? [];
        list.push(node);
        awaitsByLoop.set(loop, list);
      },
      'Program:exit'() {
        // A script runs once and exits: its loop waits for the developer who started it, and is often in order on purpose (prompts, progress).
        // So does a file that only scripts, seeds and migrations import (a build script's `utils/get-slugs.mjs`).
        // So does a desktop or mobile app's code, and the library it shares with its siblings over a local SQLite file: one user waits on it.
        // So does a package of command-line tools, which asks its user questions at a terminal.
        if (contextRole(context) === 'script' || context.options.project?.scriptOnly || runsOnDevice(context) || runsInTerminal(context)) return;
        for (const [loop, awaits] of awaitsByLoop) {
          // Code that runs once at boot waits for nobody: loading modules or plugins one by one costs one start-up.
          // So does a method that only start-up methods call, in its class or in another (`this.stockService.initStock()` in an initializer).
          // So does a loop over the application's own components (injected, or named as services, providers, strategies) or its shards: as many as it wires.
          // A loop at a module's top level (`for (const table of tables) await copy(table);` with top-level await) runs once, as the module loads.
          // A workflow step's compensation runs only after a later step failed, and undoes the step's changes in turn.
          // Locks are taken one at a time in the order given, so two holders of overlapping keys never wait on each other crosswise.
          // A throw on an awaited check stops the loop before the work it guards, as a return would.
          // Folders made down a path's prefixes (`a`, `a/b`, `a/b/c`) need each parent made before its child.
          // A concurrency helper's branch for a limit of one (`if (concurrency <= 1) for (...) await fn(item)`) is one at a time as asked.
          // Work over one connection the function opened (an SFTP session, a database connection) runs command after command anyway.
          // A check repeated each iteration with nothing of the item (`await checkQuota(orgId)`) reads state the earlier iterations changed.
          // A page's loop waits for one user, over the items the page shows or the user picked, often one by one on purpose (progress, counts).
          // A loop over what one owner has set up (the channels an account connected, a customer's subscriptions) or over the parts of one row a query loaded runs a few turns.
          // Rows sorted by their depth in a tree (`.sort({ level: 1 })`, `orderBy('depth')`) are handled parents before children, as sorted.
          const owner = enclosingFunction(loop);
          const facts = loopFacts(context, loop);
          if (
            !owner ||
            runsOnlyAtBoot(context, owner) ||
            undoesFailedStep(context, owner) ||
            acquiresLocks(owner) ||
            runsWhenConcurrencyIsOne(loop) ||
            makesFoldersDownAPath(loop) ||
            iteratesTreeOrder(context, loop) ||
            throwsOnAwaitedCheck(context, facts) ||
            worksOverOpenedConnection(context, loop, facts) ||
            rechecksSharedState(context, facts) ||
            readsFlagTheLoopSets(context, facts) ||
            iteratesComponents(context, loop) ||
            loopSequentialReason(context, loop) ||
            sharesRequestTransaction(context, loop) ||
            runsInBrowser(context, loop) ||
            (loop.type === AST_NODE_TYPES.ForOfStatement && fewPerOwner(context, loop.right, true))
          )
            continue;
          // An awaited query is the n-plus-one rule's finding (not a read of the same rows for every item, which it leaves to this rule);
          // the loop's other awaits may still count, but not the lines it adds to the user's log, nor a log line on a branch for an odd item.
          // In a transaction, only work beside it counts: the rest takes turns on its one connection.
          // A call that reads what each iteration builds on the last (`path += \`/${folder}\``) follows that walk.
          // An await only the first turn reaches (`if (i++ === 0) await storeCover(image)`) runs once.
          // A script of whole statements written before the loop (`for (const sql of visitor.sql) await qb.executeQuery(sql)`) runs in its order.
          // A check of the project's that throws on the first invalid item (`await this.validateInput(input)`) reports errors in the items' order.
          // A logger's lines tell what the loop's other awaits do: the loop is judged by those, and its finding sits on one of them.
          const transaction = transactionScopeOf(context, loop);
          const onlyLogs = awaits.every((node) => writesLoggerLine(node.argument));
          const found = awaits.find(
            (node) =>
              (!transaction || isWorkBesideTransaction(context, node.argument, transaction)) &&
              !queriesPerItem(context, node.argument, loop) &&
              !awaitsQueriesTogether(context, node.argument, loop) &&
              !awaitsWrappedQuery(context, node.argument, loop) &&
              !callsLocalComputation(context, node.argument) &&
              !callsFunctionWithoutInputOutput(context, node.argument) &&
              !loadsOnceOnInstance(context, loop, node.argument) &&
              !awaitsValidation(context, node) &&
              !computesInMemory(context, node.argument) &&
              !signsUrlLocally(context, node.argument) &&
              !rendersTemplate(context, node.argument) &&
              !checksInMemorySchema(context, node.argument) &&
              !usesMemoryCache(context, node.argument) &&
              !callsFormLibrary(context, node.argument) &&
              !walksTreeInOrder(context, loop, node.argument) &&
              !handlesFailure(node, loop) &&
              !awaitsAtMostOnce(node, loop) &&
              !awaitsOnFirstTurnOnly(context, loop, node) &&
              !runsForOneItem(context, node, loop) &&
              !runsTransactionHandedNoHandle(node.argument) &&
              !callsOwnCallback(context, owner, loop, node.argument) &&
              !tellsListenerInTurn(context, node.argument) &&
              !emitsUserLog(node.argument) &&
              (onlyLogs || !writesLoggerLine(node.argument)) &&
              !logsOnBranch(node, loop) &&
              !awaitsInTurn(context, loop, node) &&
              !readsAccumulatedValue(context, facts, unwrapExpression(node.argument)) &&
              !gatedByCollectedList(context, facts, node) &&
              !callsCacheFirstFunction(context, node.argument),
          );
          // `try { const id = await inviteUser(email); await sendInvite(id) } catch { failed.push(email) }`: the finding names the queries, which come first.
          const first = found && (awaits.find((node) => node.range[0] < found.range[0] && queriesWithFailuresKept(context, node.argument, loop)) ?? found);
          // Calls that change one object in turn, or see what earlier iterations did to it, are in order on purpose
          // (a method of `this` that reads the fields the loop sets on it per item);
          // so are reads whose values go, one by one, into an archive or document the loop fills (as they are, or streamed into its entry),
          // and calls told which is the last, or which is the first (the caption, the answer to a message, goes with the first only);
          // and posts to one conversation (a chat a bot answers in), which shows the loop's messages in its order;
          // and batches of changes applied to one document or state, a replay backwards (an undo), or results fed back into that state.
          // A read of the same rows each time is still reported in such a loop: reading them once keeps the order.
          if (!first) continue;
          const sameRows =
            (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) &&
            readsSameRowsEachTime(context, first.argument, loop);
          if (
            (!sameRows && loopSharesState(context, loop)) ||
            awaitsMethodReadingSetFields(context, facts, awaits) ||
            appliesChangesInOrder(context, facts, awaits) ||
            awaits.some(
              (node) =>
                postsToOneChat(context, facts, node.argument) ||
                feedsSharedDocument(context, facts, node) ||
                streamsIntoSharedArchive(context, facts, node) ||
                toldWhetherLast(node.argument) ||
                toldWhetherFirst(context, loop, node.argument),
            )
          )
            continue;
          // Running the same read at once for every item repeats it all the same: the advice is to read once.
          // Only over items: a counter loop may hand each call a part the counter picks (`groupBy.slice(0, i + 1)`), which the item reader does not follow.
          // DataLoader batches the keys queued in one tick: awaiting one key per turn sends a batch per item, and loadMany sends one.
          // Either advice replaces the concurrency fix.
          const awaited = unwrapExpression(first.argument);
          const advice = sameRows
            ? 'sameRows'
            : awaited.type === AST_NODE_TYPES.CallExpression && loadsThroughBatchLoader(context, awaited)
              ? 'batchLoader'
              : undefined;
          if (advice) {
            context.report({
              node: first,
              range: [first.range[0], first.range[0] + AWAIT_KEYWORD_LENGTH],
              messageId: advice,
              data: { call: describeCall(first) },
            });
            continue;
          }
          const sharedKey = awaited.type === AST_NODE_TYPES.CallExpression ? askedBySharedKey(context, loop, facts, awaited) : undefined;
          if (sharedKey) {
            context.report({
              node: first,
              range: [first.range[0], first.range[0] + AWAIT_KEYWORD_LENGTH],
              messageId: 'repeatedKey',
              data: { call: describeCall(first), key: context.text.slice(...sharedKey.range), name: propertyName(sharedKey) ?? 'value' },
            });
            continue;
          }
          const fix = awaitInLoopFix(context, loop, first);
          context.report({
            node: first,
            range: [first.range[0], first.range[0] + AWAIT_KEYWORD_LENGTH],
            messageId: 'awaitInLoop',
            data: { call: describeCall(first), limit: String(context.options.concurrencyLimit) },
            ...(fix && { fix }),
          });
        }
      },
    };
  },
};

/**
 * `await this.render(node)`, `await store.get(id)` on a `new MemoryStore()` of the file: a function of the file whose every
 * await and returned call does no I/O (it only computes, or reads a `Map` it holds), so no iteration waits on a round trip.
 */
function callsFunctionWithoutInputOutput(context: RuleContext, argument: TSESTree.Node): boolean {
  const call = unwrapExpression(argument);
  const target = call.type === AST_NODE_TYPES.CallExpression ? calledFunction(context, call.callee) : undefined;
  return target !== undefined && doesNoInputOutput(context, target);
}

/**
 * `await loader.getGroups(accountId)` on a `const loader = new GroupsLoader()` made before the loop, whose method awaits only
 * to fill a field it keeps (`if (this.groups === undefined) this.groups = await …`, `this.groups ??= await …`): the first
 * turn loads, the others read the field.
 */
function loadsOnceOnInstance(context: RuleContext, loop: LoopStatement, argument: TSESTree.Node): boolean {
  const call = unwrapExpression(argument);
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const instance = resolveVariable(context, callee.object)?.defs[0];
  const method = instance && !contains(loop, instance.node) ? calledFunction(context, callee) : undefined;
  if (!method?.async) return false;
  let loads = 0;
  let once = true;
  visitWithinFunction(method.body, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) {
      loads++;
      once &&= runsOnce(context, node, method);
    } else if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && unwrapExpression(node.argument).type === AST_NODE_TYPES.CallExpression)
      once = false;
  });
  return loads > 0 && once;
}

/**
 * `await store.authorIdByName(libraryId, name)` where that function of the project answers from an index in memory that other
 * code loads ahead, and awaits only when it is missing: most calls wait on nothing. A function that fills its cache itself on a
 * miss is reported: the loop's distinct keys each miss once, one after another.
 */
function callsCacheFirstFunction(context: RuleContext, argument: TSESTree.Node): boolean {
  const call = unwrapExpression(argument);
  return call.type === AST_NODE_TYPES.CallExpression && callsCacheFirst(context, call, true);
}

/**
 * `async function asyncMap<T, R>(xs: T[], f: (x: T) => Promise<R>) { for (const x of xs) out.push(await f(x)); }`: a generic helper
 * that calls the function it is handed on items it knows nothing of, one after another as its callers asked; whether their items
 * could overlap is theirs to say. A function that calls a callback on items of a kind it names (`upload(path)` per `paths: string[]`) is reported.
 */
function callsOwnCallback(context: RuleContext, owner: FunctionNode, loop: LoopStatement, argument: TSESTree.Node): boolean {
  const call = unwrapExpression(argument);
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  if (callee?.type !== AST_NODE_TYPES.Identifier || loop.type !== AST_NODE_TYPES.ForOfStatement || !isParameterOf(context, owner, callee)) return false;
  const items = unwrapExpression(loop.right);
  if (items.type !== AST_NODE_TYPES.Identifier || !isParameterOf(context, owner, items)) return false;
  const declared = resolveVariable(context, items)?.defs[0]?.name;
  const annotation = declared?.type === AST_NODE_TYPES.Identifier ? declared.typeAnnotation?.typeAnnotation : undefined;
  if (!annotation) return words(functionName(owner) ?? '').some((word) => GENERIC_ITERATION_WORDS.has(word.toLowerCase()));
  const element = elementType(annotation);
  if (!element) return false;
  if (element.type === AST_NODE_TYPES.TSAnyKeyword || element.type === AST_NODE_TYPES.TSUnknownKeyword) return true;
  const typeName = element.type === AST_NODE_TYPES.TSTypeReference && element.typeName.type === AST_NODE_TYPES.Identifier ? element.typeName.name : undefined;
  return typeName !== undefined && (owner.typeParameters?.params.some((parameter) => parameter.name.name === typeName) ?? false);
}

/** Words of an untyped helper's name that say it walks any list it is given: `asyncMap`, `eachSeries`, `filterSequential`. */
const GENERIC_ITERATION_WORDS: ReadonlySet<string> = new Set(['map', 'filter', 'each', 'series', 'serial', 'sequence', 'sequential', 'reduce']);

/** `onSend`, `onProgress`, `onRow`: a listener named for the event it is told of. */
const LISTENER_NAME = /^on[A-Z]/;

/**
 * `await onSend?.(message)`, `await options.onRow(row)`, where the listener is handed in as a parameter, or `await this.onAnswer(message)`,
 * the object's own: a handler told of each event in the order the events came (messages to deliver, rows as read), which it may show
 * or store in that order.
 */
function tellsListenerInTurn(context: RuleContext, argument: TSESTree.Node): boolean {
  const call = unwrapExpression(argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(call.callee);
  let holder: TSESTree.Node = callee;
  while (holder.type === AST_NODE_TYPES.MemberExpression) holder = unwrapExpression(holder.object);
  return (
    LISTENER_NAME.test(lastName(callee) ?? '') &&
    ((holder.type === AST_NODE_TYPES.Identifier && resolveVariable(context, holder)?.defs[0]?.type === 'Parameter') ||
      (callee.type === AST_NODE_TYPES.MemberExpression && holder.type === AST_NODE_TYPES.ThisExpression))
  );
}

/** Whether a name is one of the function's own parameters. */
function isParameterOf(context: RuleContext, owner: FunctionNode, name: TSESTree.Identifier): boolean {
  const definition = resolveVariable(context, name)?.defs[0];
  return definition?.type === 'Parameter' && definition.node === owner;
}

/** `index`, `indexName`, `table`, `bucket`, `collection`, `queue`, `topic`: where an item is kept, one of a few that many items share. */
const SHARED_PLACE_KEY = /^(?:index|table|bucket|collection|queue|topic|schema|database)(?:Name)?$/;

/**
 * `await indexes.exists(record.index)` per record: a call handed nothing of the item but the index, table or bucket it is kept in,
 * which the items share a few between them. Asked together, the same question would still go out once per item; the answer
 * for each place can be kept and reused. Returns the item's field.
 */
function askedBySharedKey(context: RuleContext, loop: LoopStatement, facts: LoopFacts, call: TSESTree.CallExpression): TSESTree.MemberExpression | undefined {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement || variesPerIteration(context, facts, call.callee)) return undefined;
  let key: TSESTree.MemberExpression | undefined;
  for (const argument of call.arguments) {
    if (!variesPerIteration(context, facts, argument)) continue;
    const field = unwrapExpression(argument);
    const item = field.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(field.object) : undefined;
    const definition = item?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, item)?.defs[0] : undefined;
    if (
      key ||
      field.type !== AST_NODE_TYPES.MemberExpression ||
      !definition ||
      !contains(loop.left, definition.name) ||
      !SHARED_PLACE_KEY.test(propertyName(field) ?? '')
    )
      return undefined;
    key = field;
  }
  return key;
}

/** An await that waits for the previous one on purpose; not a read of the same rows whose value each item uses, which is reported with the advice to hoist it. */
function awaitsInTurn(context: RuleContext, loop: LoopStatement, node: TSESTree.AwaitExpression): boolean {
  const reason = awaitSequentialReason(context, loop, node);
  return !!reason && !(reason === 'repeated-call' && usesRepeatedValuePerItem(loop, node) && readsSameRowsEachTime(context, node.argument, loop));
}

/** A query the n-plus-one rule reports for this loop. */
function queriesPerItem(context: RuleContext, argument: TSESTree.Node, loop: LoopStatement): boolean {
  const match = repeatedQueryOf(context, argument);
  return !!match && !readsSameRowsPerItem(context, match, loop);
}

/** A function of the project that queries, tried item by item with its failures kept apart: the n-plus-one rule leaves it to this one. */
function queriesWithFailuresKept(context: RuleContext, argument: TSESTree.Node, loop: LoopStatement): boolean {
  const match = repeatedQueryOf(context, argument);
  return !!match?.site && recordsFailurePerItem(match.call, loop);
}

/** A query left to this rule whose inputs the item reaches none of: it reads the same rows each time (not one n-plus-one leaves for another reason). */
function readsSameRowsEachTime(context: RuleContext, argument: TSESTree.Node, loop: LoopStatement): boolean {
  const match = repeatedQueryOf(context, argument);
  if (!match || !readsSameRowsPerItem(context, match, loop)) return false;
  // `db.withTransaction(async () => run(trigger))`, `(async () => recheck(customerId))()`: a function that reads the item runs the item's own work.
  const call = unwrapExpression(argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return true;
  return (
    ![unwrapExpression(call.callee), ...call.arguments].some((fn) => isFunction(fn) && readsIteration(context, fn, loop)) &&
    !runsOnItemDatabase(context, call, { kind: 'loop', loop })
  );
}

/**
 * `await Promise.all([Team.findByPk(teamId), User.findByPk(userId)])`, `await Promise.all([removeMember(id), ban.save(), emit(event)])`:
 * an await that holds a query the n-plus-one rule reports for this loop. That finding sits inside this await, and batching the
 * query reshapes the await: one problem, one finding.
 */
function awaitsQueriesTogether(context: RuleContext, argument: TSESTree.Node, loop: LoopStatement): boolean {
  const call = unwrapExpression(argument);
  if (!isPromiseCombinator(context, call)) return false;
  const list = (call as TSESTree.CallExpression).arguments[0];
  if (list?.type !== AST_NODE_TYPES.ArrayExpression || list.elements.length === 0) return false;
  const calls = list.elements.filter((element): element is TSESTree.Expression => !!element && element.type !== AST_NODE_TYPES.SpreadElement);
  return (
    (calls.length === list.elements.length && calls.every((element) => !!repeatedQueryOf(context, element))) ||
    calls.some((element) => queriesPerItem(context, element, loop))
  );
}

/**
 * `await safely(reverifyEntitlement(entitlement))`, `await withTimeout(findUser(id), 5000)`: an await of a call handed the promise of
 * a query the n-plus-one rule reports for this loop; that finding sits inside this await: one problem, one finding.
 */
function awaitsWrappedQuery(context: RuleContext, argument: TSESTree.Node, loop: LoopStatement): boolean {
  const call = unwrapExpression(argument);
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.arguments.some((handed) => unwrapExpression(handed).type === AST_NODE_TYPES.CallExpression && queriesPerItem(context, handed, loop))
  );
}

/** Keys under which a saga step keeps its undo (`{ invoke, compensate }`). */
const COMPENSATION_KEYS = /^(?:compensate|compensation)$/;

/**
 * `createStep('set-prices', invoke, async (previous) => { for (...) await restore(...) })` (the
 * workflows SDK's third argument) or `{ compensate: async () => ... }`: the undo of a workflow
 * step, which runs only when a later step failed.
 */
function undoesFailedStep(context: RuleContext, owner: FunctionNode): boolean {
  const parent = owner.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[2] === owner) {
    const created = resolveModuleMember(context, parent.callee);
    return created !== undefined && created.path.join('.') === 'createStep' && /(?:^|\/)workflows-sdk$/.test(created.module);
  }
  return COMPENSATION_KEYS.test(functionName(owner) ?? '');
}

/** `acquire(keys)`, `acquire_`, `tryLock`, `acquireLocks`, `lockAll`: a function that takes locks. */
const ACQUIRES_LOCKS = /^(?:try)?(?:acquire|lock)(?:[A-Z]\w*Locks?|Locks?|Keys|All|Many)?_*$/;

/** Whether `owner` takes locks, by its name. */
function acquiresLocks(owner: FunctionNode): boolean {
  return ACQUIRES_LOCKS.test(functionName(owner) ?? '');
}

/** `concurrency`, `this.maxParallel`, `limit`, `options.parallelism`: how many calls may run at once. */
const CONCURRENCY_NAME = /^(?:concurrency|\w*Concurrency|limit|\w*Limit|parallel(?:ism)?|maxParallel\w*|workers|maxWorkers)$/;

/** Whether the loop sits in the branch of `if (concurrency <= 1)`, `if (limit === 1 || items.length === 1)`. */
function runsWhenConcurrencyIsOne(loop: LoopStatement): boolean {
  for (let child: TSESTree.Node = loop, current = loop.parent; current && !isFunction(current); child = current, current = current.parent!)
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && allowsOneAtOnce(current.test)) return true;
  return false;
}

/** `concurrency <= 1`, `limit === 1`, `concurrency < 2`, or either side of an `||` so. */
function allowsOneAtOnce(test: TSESTree.Expression): boolean {
  const inner = unwrapExpression(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '||') return allowsOneAtOnce(inner.left) || allowsOneAtOnce(inner.right);
  if (inner.type !== AST_NODE_TYPES.BinaryExpression || !CONCURRENCY_NAME.test(lastName(inner.left) ?? '')) return false;
  const bound = unwrapExpression(inner.right);
  if (bound.type !== AST_NODE_TYPES.Literal || typeof bound.value !== 'number') return false;
  return (
    ((inner.operator === '<=' || inner.operator === '===' || inner.operator === '==') && bound.value === 1) || (inner.operator === '<' && bound.value === 2)
  );
}

/** `mkdir`, `mkdirp`, `ensureDir`, `createDirectory`, `makeFolder`: a call that makes a folder. */
function makesFolder(call: TSESTree.CallExpression): boolean {
  const name = words(calleeName(call) ?? '');
  return (
    name.some((word) => word === 'mkdir' || word === 'mkdirp') ||
    (name.some((word) => word === 'make' || word === 'create' || word === 'ensure') && name.some((word) => /^(?:dir|directory|folder)$/.test(word)))
  );
}

/** `parts.slice(0, i)`, `_.take(parts, i)`, `take(segments, i + 1)`: the first items of a list, as many as the counter says. */
function takesPrefix(call: TSESTree.CallExpression): boolean {
  const name = calleeName(call);
  const first = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (name === 'slice') return first?.type === AST_NODE_TYPES.Literal && first.value === 0 && call.arguments.length === 2;
  return name === 'take' && call.arguments.length === 2;
}

/** `createLabel`, `ensureCategory`, `makeGroup`: a call that makes something, whatever it is. */
function makesAnything(call: TSESTree.CallExpression): boolean {
  return words(calleeName(call) ?? '').some((word) => /^(?:create|make|ensure|mkdir|mkdirp)$/i.test(word));
}

/**
 * `for (let i = 1; i <= parts.length; i++) { const dir = take(parts, i).join('/'); try { await sftp.readdir(dir) } catch { await sftp.mkdir(dir) } }`:
 * a walk down a path that makes each missing folder; a child can be made only once its parent is. So is a walk down a path
 * joined from its prefixes that makes anything at each (`parts.slice(0, i).join('/')`, then `await createLabel(parentPath)`):
 * nested labels, categories or groups named by their path (`Work`, then `Work/Projects`) need their parent made first.
 */
function makesFoldersDownAPath(loop: LoopStatement): boolean {
  if (loop.type !== AST_NODE_TYPES.ForStatement) return false;
  let prefix = false;
  let joined = false;
  let makesFolders = false;
  let makes = false;
  visitWithinFunction(loop.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    if (takesPrefix(node)) {
      prefix = true;
      const step = node.parent;
      if (step?.type === AST_NODE_TYPES.MemberExpression && step.object === node && propertyName(step) === 'join') joined = true;
    } else if (node.parent?.type === AST_NODE_TYPES.AwaitExpression) {
      if (makesFolder(node)) makesFolders = true;
      else if (makesAnything(node)) makes = true;
    }
  });
  return prefix && (makesFolders || (joined && makes));
}

function iteratesComponents(context: RuleContext, loop: LoopStatement): boolean {
  return (
    ((loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) &&
      (isInjectedList(loop.right) || namesComponentList(context, loop.right))) ||
    countsConfiguredShards(loop)
  );
}

/**
 * `for (const child of page.children) await copy(child, created.id)` inside `copy`: a walk of a
 * tree that hands each call what the walk made or fills (the new parent's id, one list of
 * results), so children come after their parent and siblings in their order. A limit per loop
 * would also multiply with the depth. A walk that only hands down the item is still reported.
 * So is the walk's loop over the node's own leaves (`for (const block of page.blocks) await
 * copyBlock(block, created.id)`) when it hands them what the walk made for this node.
 */
function walksTreeInOrder(context: RuleContext, loop: LoopStatement, operand: TSESTree.Node): boolean {
  const call = unwrapExpression(operand);
  const owner = enclosingFunction(loop);
  if (call.type !== AST_NODE_TYPES.CallExpression || !owner) return false;
  const facts = loopFacts(context, loop);
  const handedOn = call.arguments.filter(
    (argument) => unwrapExpression(argument).type !== AST_NODE_TYPES.Literal && !variesPerIteration(context, facts, argument),
  );
  if (recursesInto(context, owner, call) || recursesThroughHelper(context, owner, call)) return handedOn.length > 0;
  if (callsVisitorOfWalk(context, owner, call)) return true;
  return handedOn.some((argument) => madeByWalk(context, owner, argument)) && callsItself(context, owner);
}

/** How many assignments back `madeByWalk` follows a value (`parentId = childId`, `childId = res.id`, `res = await create(...)`). */
const MADE_BY_WALK_DEPTH = 3;

/** `created.id`, `parentId`: a variable of `owner` that holds, directly or through others of `owner`, what it awaited. */
function madeByWalk(context: RuleContext, owner: FunctionNode, value: TSESTree.Node, depth = 0): boolean {
  let root = unwrapExpression(value);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier || depth > MADE_BY_WALK_DEPTH) return false;
  const variable = resolveVariable(context, root);
  const declaration = variable?.defs[0]?.node;
  if (!variable || !declaration || !contains(owner, declaration) || variable.defs[0]?.type === 'Parameter') return false;
  return variable.references.some((reference) => {
    const written = reference.writeExpr;
    if (!written || !contains(owner, written)) return false;
    const inner = unwrapExpression(written);
    return inner.type === AST_NODE_TYPES.AwaitExpression || madeByWalk(context, owner, inner, depth + 1);
  });
}

/** Whether `owner` calls itself somewhere in its body. */
function callsItself(context: RuleContext, owner: FunctionNode): boolean {
  const known = context.shared.memo('awaitInLoop.recursiveFunctions', () => new Map<FunctionNode, boolean>());
  let recursive = known.get(owner);
  if (recursive === undefined) {
    recursive = false;
    visitWithinFunction(owner.body ?? owner, (node) => {
      if (!recursive && node.type === AST_NODE_TYPES.CallExpression && recursesInto(context, owner, node)) recursive = true;
    });
    known.set(owner, recursive);
  }
  return recursive;
}

/**
 * `await visitor(field, value)` in a walk that hands `visitor`, its parameter, to the walk's call for each child: the caller's function,
 * told of the nodes in the walk's order (it may change a value the walk then reads).
 */
function callsVisitorOfWalk(context: RuleContext, owner: FunctionNode, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || !isParameterOf(context, owner, callee)) return false;
  const visitor = resolveVariable(context, callee);
  let handedOn = false;
  visitWithinFunction(owner.body ?? owner, (node) => {
    if (handedOn || node.type !== AST_NODE_TYPES.CallExpression || !(recursesInto(context, owner, node) || recursesThroughHelper(context, owner, node))) return;
    handedOn = node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && resolveVariable(context, argument) === visitor);
  });
  return handedOn;
}

/** `await this.visitCollection(node, item, visitor)` inside `visitTree`, where `visitCollection` calls `this.visitTree(…)`: the walk, one call down. */
function recursesThroughHelper(context: RuleContext, owner: FunctionNode, call: TSESTree.CallExpression): boolean {
  const helper = localFunction(context, call.callee);
  if (!helper?.body || helper === owner) return false;
  let recursive = false;
  visitWithinFunction(helper.body, (node) => {
    if (!recursive && node.type === AST_NODE_TYPES.CallExpression && recursesInto(context, owner, node)) recursive = true;
  });
  return recursive;
}

/** Whether `call` calls `owner` itself: by its name, or `this.walk(...)` inside the method `walk`. */
function recursesInto(context: RuleContext, owner: FunctionNode | undefined, call: TSESTree.CallExpression): boolean {
  if (!owner) return false;
  if (localFunction(context, call.callee) === owner) return true;
  const callee = unwrapExpression(call.callee);
  const method = owner.parent?.type === AST_NODE_TYPES.MethodDefinition ? owner.parent : undefined;
  return (
    method !== undefined &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.ThisExpression &&
    method.key.type === AST_NODE_TYPES.Identifier &&
    propertyName(callee) === method.key.name
  );
}

/** `api.fetchUser(...)` for the message, or "each call" when there is no simple name. */
function describeCall(node: TSESTree.AwaitExpression): string {
  const label = callLabel(firstListedCall(node.argument));
  return label ? `${label}(...)` : 'each call';
}

/** The first call of `Promise.all([a(x), b(x)])`, which names the work better than `Promise.all`; else the node itself. */
function firstListedCall(node: TSESTree.Node): TSESTree.Node {
  const inner = unwrapExpression(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression || callLabel(inner) !== 'Promise.all') return node;
  const list = inner.arguments[0] && unwrapExpression(inner.arguments[0]);
  const first = list?.type === AST_NODE_TYPES.ArrayExpression ? list.elements[0] : undefined;
  return first && first.type !== AST_NODE_TYPES.SpreadElement ? first : node;
}
