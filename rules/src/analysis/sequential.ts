import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import type { Variable } from '@typescript-eslint/scope-manager';
import { propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { ormValueOf } from './orm';
import { isHandle } from './orm-index';
import { sendsSqlText, sqlArgumentOf } from './query-kinds';
import { enclosingLoop, isFunction, type Iteration, type LoopStatement } from './scopes';
import { calleeName, calleeWords, lastName, namesOrderedWork, words } from './names';
import { loopFacts, readsAny, readsThreaded, referencesWithin, slotsRead, variesPerIteration, writesOf, type LoopFacts, type Slot } from './loop-facts';
import {
  callsLoopItem,
  callsTransactionalFunction,
  checkedByAssertion,
  drivesSharedResource,
  drivesUserInterface,
  fillsSharedDocument,
  handsOverTransactionalContext,
  isPacingCall,
  isPromiseCombinator,
  startsWork,
  usesTransaction,
} from './await-patterns';
import {
  commentAsksForOrder,
  controlDependsOnBody,
  exitsLoop,
  guardedBy,
  hasAwaitDependentExit,
  stopsOnTimeBudget,
  iteratesBatches,
  iteratesStream,
  iteratesFixedList,
  iteratesOrderedWork,
  ownerNameAsksForOrder,
  recordsProgress,
  reportsProgress,
  yieldsInLoop,
} from './loop-patterns';
import { fewFromEveryCaller } from './caller-lists';
import { changesSchema } from './queries';
import { callsTransactionTypedFunction, doesWorkBesideTransaction, runsOnTransactionType, transactionScopeOf } from './transaction-handles';
import { visitWithinFunction } from './visit';
import { loopsWithoutEnd } from './startup';

// What the concurrency fix reads of a loop.
export { loopWrites, referencesWithin } from './loop-facts';
export { exitsLoop } from './loop-patterns';
export { containsAwait, visitWithinFunction } from './visit';

/** Why iterations must stay one after another; each value names a pattern of DESIGN.md. */
export type SequentialReason =
  /** `for await` over a stream or async iterator. */
  | 'for-await'
  /** `await sleep(...)` and other deliberate pauses set the pace. */
  | 'paced'
  /** The loop's condition or iterable depends on the body: pagination, queue draining, polling. */
  | 'loop-control'
  /** A `break` or `return` depends on an awaited result: retries and fallbacks that stop at the first success. */
  | 'early-exit'
  /** The awaited call reads a value that an earlier iteration's await produced. */
  | 'threaded-value'
  /** The awaits drive one resource in order: a browser page, a stream, a terminal, a transaction. */
  | 'shared-resource'
  /** The items are steps to run in order: migrations, hooks, plugins, the items' own methods. */
  | 'ordered-steps'
  /** The awaited value was started before the loop (an existing promise), so nothing waits longer than needed. */
  | 'already-started'
  /** The loop runs explicit batches (`Promise.all` per batch, `slice(i, i + size)`). */
  | 'batched'
  /** The same call is repeated each iteration (polling, retrying, warming up). */
  | 'repeated-call'
  /** An async generator yields each result as it comes, so the consumer sets the pace. */
  | 'lazy-generator'
  /** A short list written out in the code: a few hand-written steps. */
  | 'fixed-list';

/** A call of one of the project's own sequential helpers, named by the await-in-loop option `sequentialHelpers`. */
function isSequentialHelper(context: RuleContext, operand: TSESTree.Node): boolean {
  const helpers = context.options.ruleOptions?.['await-in-loop']?.sequentialHelpers;
  if (!Array.isArray(helpers) || helpers.length === 0) return false;
  const name = operand.type === AST_NODE_TYPES.CallExpression ? calleeName(operand) : undefined;
  return name !== undefined && helpers.includes(name);
}

/** Some await of the loop fills a document it shares (a PDF, a zip): the whole loop keeps its order. */
function fillsDocumentInOrder(context: RuleContext, loop: LoopStatement): boolean {
  const facts = loopFacts(context, loop);
  let fills = false;
  visitWithinFunction(loop.body, (node) => {
    if (!fills && node.type === AST_NODE_TYPES.AwaitExpression && fillsSharedDocument(context, facts, unwrapExpression(node.argument))) fills = true;
  });
  return fills;
}

/** `Promise.all([a(x), b(x)])`: a few calls written out, not a batch of items. */
function listsCalls(call: TSESTree.Node): boolean {
  const argument = call.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
  return argument !== undefined && unwrapExpression(argument).type === AST_NODE_TYPES.ArrayExpression;
}

/** RxJS's modules: the package, and its operators' entry of older versions. */
const RXJS_MODULE = /^rxjs(?:\/operators)?$/;
/** Operators that run the pipeline's work over many values their own way: in chunks, one after another, or a number at once. */
const RXJS_BATCH_OPERATORS = /^(?:bufferCount|bufferTime|concatMap|mergeMap|concatAll|mergeAll)$/;

/**
 * `await lastValueFrom(from(pairs).pipe(bufferCount(size), concatMap((chunk) => from(save(chunk)))))`: an RxJS pipeline over a list,
 * whose operators split it into chunks or run its work as they say. Each iteration awaits a whole batch, as `Promise.all` of one does.
 */
function awaitsObservableBatch(context: RuleContext, operand: TSESTree.Node): boolean {
  if (operand.type !== AST_NODE_TYPES.CallExpression || !/^(?:lastValueFrom|firstValueFrom)$/.test(calleeName(operand) ?? '')) return false;
  const fromRxjs = (node: TSESTree.Node): boolean => RXJS_MODULE.test(resolveModuleMember(context, node)?.module ?? '');
  const pipeline = operand.arguments[0] && unwrapExpression(operand.arguments[0]);
  if (!fromRxjs(operand.callee) || pipeline?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(pipeline.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'pipe') return false;
  return pipeline.arguments.some((step) => {
    const operator = unwrapExpression(step);
    return operator.type === AST_NODE_TYPES.CallExpression && RXJS_BATCH_OPERATORS.test(calleeName(operator) ?? '') && fromRxjs(operator.callee);
  });
}

/**
 * `await context.run(\`merge-${id}\`, async () => ...)` (Upstash Workflow), `step.run(...)` (Inngest), `step.do(...)`
 * (Cloudflare Workflows): a named, durable step, recorded in order and replayed in that order after a retry.
 */
function runsDurableStep(operand: TSESTree.Node): boolean {
  if (operand.type !== AST_NODE_TYPES.CallExpression || operand.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const [name, work] = operand.arguments;
  const named = name?.type === AST_NODE_TYPES.Literal ? typeof name.value === 'string' : name?.type === AST_NODE_TYPES.TemplateLiteral;
  return /^(?:run|do)$/.test(propertyName(operand.callee) ?? '') && named && !!work && isFunction(work);
}

/** The reason a loop as a whole must stay sequential, whatever await is looked at. */
export function loopSequentialReason(context: RuleContext, loop: LoopStatement): SequentialReason | undefined {
  const cache = context.shared.memo('sequential.loopReasons', () => new Map<LoopStatement, SequentialReason | undefined>());
  if (!cache.has(loop)) cache.set(loop, computeLoopReason(context, loop));
  return cache.get(loop);
}

/** The reason one await inside `loop` (directly, not in a nested loop) must stay sequential. */
export function awaitSequentialReason(context: RuleContext, loop: LoopStatement, node: TSESTree.Node): SequentialReason | undefined {
  const facts = loopFacts(context, loop);
  const operand = unwrapExpression(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
  if (isPacingCall(context, operand)) return 'paced';
  if (!startsWork(operand)) return operand.type === AST_NODE_TYPES.ImportExpression ? 'ordered-steps' : 'already-started';
  // `Promise.all(batch.map(...))` runs a batch; `Promise.all([a(x), b(x)])` still waits item by item.
  if ((isPromiseCombinator(context, operand) && !listsCalls(operand)) || awaitsObservableBatch(context, operand)) return 'batched';
  if (drivesSharedResource(context, facts, operand)) return 'shared-resource';
  if (isSequentialHelper(context, operand) || runsDurableStep(operand)) return 'ordered-steps';
  if (callsLoopItem(context, facts, operand) || namesOrderedWork(calleeWords(operand)) || checkedByAssertion(context, node)) return 'ordered-steps';
  // `DROP TABLE`, `ALTER TABLE`, `VACUUM` per table: schema statements take locks and run one at a time on purpose.
  if (runsSchemaStatement(operand)) return 'ordered-steps';
  if (readsThreaded(context, facts, operand) || guardedBy(context, node, loop, facts.threaded)) return 'threaded-value';
  if (!variesPerIteration(context, facts, operand)) return 'repeated-call';
  const pulled = pulledSlots(context, facts);
  if (pulled.size > 0 && readsAny(context, operand, pulled) && !variesApartFrom(context, facts, operand, pulled)) return 'repeated-call';
  return undefined;
}

/**
 * `const settings = await Settings.findOne({ workspaceId })` in a loop over items: a repeated call whose value each iteration
 * uses is a read to hoist, not a poll or a check of what the earlier iterations changed (`await checkQuota(orgId)` drops its value).
 */
export function usesRepeatedValuePerItem(loop: LoopStatement, awaited: TSESTree.AwaitExpression): boolean {
  return (
    (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) && awaited.parent.type !== AST_NODE_TYPES.ExpressionStatement
  );
}

/**
 * Variables each iteration fills from a call that takes nothing of the iteration
 * (`const job = await queue.next()`): the loop pulls the next piece of work, it walks no items,
 * and what it does with that piece waits on the pull.
 */
function pulledSlots(context: RuleContext, facts: LoopFacts): ReadonlySet<Slot> {
  const cache = context.shared.memo('sequential.pulledSlots', () => new Map<LoopStatement, Set<Slot>>());
  const known = cache.get(facts.loop);
  if (known) return known;
  const pulled = new Set<Slot>();
  for (const [slot, list] of facts.writes) {
    if (typeof slot === 'string' || !facts.declared.has(slot) || list.length !== 1) continue;
    const value = list[0]!.value && unwrapExpression(list[0]!.value);
    if (value?.type !== AST_NODE_TYPES.AwaitExpression) continue;
    const operand = unwrapExpression(value.argument);
    if (startsWork(operand) && !variesPerIteration(context, facts, operand)) pulled.add(slot);
  }
  cache.set(facts.loop, pulled);
  return pulled;
}

/** `query(\`DROP TABLE "${name}"\`)`: SQL text that changes the schema, not a command word such as Redis's `call('SET', key, value)`. */
function runsSchemaStatement(operand: TSESTree.Node): boolean {
  if (!changesSchema(operand)) return false;
  if (operand.type !== AST_NODE_TYPES.CallExpression) return true;
  const sql = unwrapExpression(operand.arguments[0]!);
  return sql.type !== AST_NODE_TYPES.Literal || /\s\S/.test(String(sql.value).trim());
}

/** Methods that send one whole statement to a database: Kysely's `executeQuery`, `query`, Knex's `raw`, postgres.js's `unsafe`. */
const STATEMENT_RUNNERS = /^(?:executeQuery|execute|query|raw|exec|unsafe)$/;
/** Words that name a statement or a list of them: `sql`, `statements`, `compiledQueries`, `ddl` (a `query` may be a search's). */
const STATEMENT_WORDS = /^(?:sql|sqls|statement|statements|stmt|stmts|ddl|compiled)$/;

/** Whether the expression reads something that changes per iteration other than `except`. */
function variesApartFrom(context: RuleContext, facts: LoopFacts, node: TSESTree.Node, except: ReadonlySet<Slot>): boolean {
  for (const reference of referencesWithin(context, node)) {
    const variable = reference.resolved;
    if (variable && !except.has(variable) && (facts.declared.has(variable) || facts.writes.has(variable))) return true;
  }
  return slotsRead(context, node).some((slot) => typeof slot === 'string' && writesOf(facts, slot).length > 0);
}

/**
 * Why the iterations of `iteration` must run one after another around `node` (an await or
 * a call in it), or undefined when they could overlap. Loops only: array callbacks other
 * than `reduce` already run their calls without waiting for each other.
 */
export function loopCarriesDependency(context: RuleContext, iteration: Iteration, node: TSESTree.Node): SequentialReason | undefined {
  if (iteration.kind === 'callback') {
    const method = iteration.call.callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(iteration.call.callee) : undefined;
    return method === 'reduce' || method === 'reduceRight' ? 'threaded-value' : undefined;
  }
  return loopSequentialReason(context, iteration.loop) ?? awaitSequentialReason(context, iteration.loop, node);
}

function computeLoopReason(context: RuleContext, loop: LoopStatement): SequentialReason | undefined {
  if (loop.type === AST_NODE_TYPES.ForOfStatement && iteratesStream(context, loop)) return 'for-await';
  const wide = loopWideReason(context, loop);
  if (wide) return wide;
  const facts = loopFacts(context, loop);
  if (controlDependsOnBody(context, facts)) return 'loop-control';
  if (hasAwaitDependentExit(context, facts) || stopsOnTimeBudget(loop)) return 'early-exit';
  return loopShapeReason(context, loop);
}

/** Why a loop runs in order by what it iterates and how: a generator, a fixed list, ordered steps, explicit batches, one document. */
export function loopShapeReason(context: RuleContext, loop: LoopStatement): SequentialReason | undefined {
  if (yieldsInLoop(loop)) return 'lazy-generator';
  if (iteratesFixedList(context, loop) || (loop.type === AST_NODE_TYPES.ForOfStatement && fewFromEveryCaller(context, loop.right))) return 'fixed-list';
  if (
    iteratesOrderedWork(context, loop) ||
    commentAsksForOrder(context, loop) ||
    ownerNameAsksForOrder(loop) ||
    recordsProgress(context, loop) ||
    reportsProgress(context, loop) ||
    runsStatementList(context, loop)
  )
    return 'ordered-steps';
  if (iteratesBatches(context, loop)) return 'batched';
  if (fillsDocumentInOrder(context, loop)) return 'shared-resource';
  return undefined;
}

/**
 * `for (const query of this.sql) await this.db.executeQuery(query)`, `for (const statement of statements) await client.query(statement)`:
 * each item is a whole statement compiled or written before the loop (a DELETE then its INSERTs, a column dropped then added), sent
 * as it is to a database handle, or to a statement runner where the names say statements: the list is a script, run in its order.
 * A statement made per item (`query(sqlFor(row))`) is not, nor a search per `query`.
 */
function runsStatementList(context: RuleContext, loop: LoopStatement): boolean {
  const item = loop.type === AST_NODE_TYPES.ForOfStatement ? loopItemVariable(context, loop) : undefined;
  if (!item) return false;
  const namesStatements = () =>
    [item.name, lastName((loop as TSESTree.ForOfStatement).right) ?? ''].some((name) => words(name).some((word) => STATEMENT_WORDS.test(word)));
  let runs = false;
  visitWithinFunction(loop.body, (node) => {
    if (runs || node.type !== AST_NODE_TYPES.AwaitExpression) return;
    const call = unwrapExpression(node.argument);
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = propertyName(call.callee) ?? '';
    const handsItem = (argument: TSESTree.Node | undefined): boolean => {
      const handed = argument && unwrapExpression(argument);
      return handed?.type === AST_NODE_TYPES.Identifier && resolveVariable(context, handed) === item;
    };
    if (handsItem(sqlArgumentOf(call))) {
      const handle = ormValueOf(context, call.callee.object);
      runs = !!handle && isHandle(handle) && (sendsSqlText(handle.orm, method) || (handle.orm === 'kysely' && method === 'executeQuery'));
    }
    runs ||= call.arguments.length === 1 && handsItem(call.arguments[0]) && STATEMENT_RUNNERS.test(method) && namesStatements();
  });
  return runs;
}

/** The variable a `for (const item of items)` loop binds, when it binds one name. */
function loopItemVariable(context: RuleContext, loop: TSESTree.ForOfStatement): Variable | undefined {
  const declaration = loop.left.type === AST_NODE_TYPES.VariableDeclaration ? loop.left.declarations[0]?.id : undefined;
  return declaration?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, declaration) : undefined;
}

/**
 * Some await of the loop, or of a loop around it, hands over a request context that carries a
 * transaction (Vendure's `RequestContext`): the loop's calls take turns on that one connection.
 * Apart from the loop's other reasons: N queries on it are still N round trips, as n-plus-one counts them.
 */
export function sharesRequestTransaction(context: RuleContext, loop: LoopStatement): boolean {
  for (let current: LoopStatement | undefined = loop; current; current = enclosingLoop(current)) {
    let shares = false;
    visitWithinFunction(current, (node) => {
      if (!shares && node.type === AST_NODE_TYPES.AwaitExpression && handsOverTransactionalContext(context, unwrapExpression(node.argument))) shares = true;
    });
    if (shares) return true;
  }
  return false;
}

/** Reasons that hold for every loop nested in this one too (pacing, a page, a terminal, a transaction), and the `for await` of the loop itself. */
function loopWideReason(context: RuleContext, loop: LoopStatement): SequentialReason | undefined {
  const cache = context.shared.memo('sequential.wideReasons', () => new Map<LoopStatement, SequentialReason | undefined>());
  if (cache.has(loop)) return cache.get(loop);
  let reason: SequentialReason | undefined;
  // A loop in a transaction, or one whose awaits use one, runs on its one connection: unless it also does other work beside it.
  const transaction = transactionScopeOf(context, loop);
  const besideTransaction = (): boolean => doesWorkBesideTransaction(context, loop, transaction);
  if (loop.type === AST_NODE_TYPES.ForOfStatement && iteratesStream(context, loop)) reason = 'for-await';
  else if (transaction && !besideTransaction()) reason = 'shared-resource';
  else {
    visitWithinFunction(loop, (node) => {
      if (reason || node.type !== AST_NODE_TYPES.AwaitExpression) return;
      const operand = unwrapExpression(node.argument);
      if (isPacingCall(context, operand)) reason = 'paced';
      else if (drivesUserInterface(operand)) reason = 'shared-resource';
      else if (
        (usesTransaction(operand) ||
          runsOnTransactionType(context, operand) ||
          callsTransactionalFunction(context, operand) ||
          callsTransactionTypedFunction(context, operand)) &&
        !besideTransaction()
      )
        reason = 'shared-resource';
    });
  }
  reason ??= reasonFromOuterLoops(context, loop);
  cache.set(loop, reason);
  return reason;
}

/**
 * The wide reason of the loops around `loop`. A `for await` orders its own pulls only: a loop over the items of a page it pulled is
 * an ordinary loop. So does a poll's pause (`while (true) { …; await delay(ms); }`) order its rounds: each round's items are a batch.
 */
function reasonFromOuterLoops(context: RuleContext, loop: LoopStatement): SequentialReason | undefined {
  const outer = enclosingLoop(loop);
  if (!outer) return undefined;
  const reason = loopWideReason(context, outer);
  return reason === 'for-await' || (reason === 'paced' && pollsUntilStopped(context, outer)) ? reasonFromOuterLoops(context, outer) : reason;
}

/** A loop without end that nothing of its own leaves: a drain that breaks on an empty batch paces its batches, not its rounds. */
function pollsUntilStopped(context: RuleContext, loop: LoopStatement): boolean {
  if (!loopsWithoutEnd(context, loop)) return false;
  let leaves = false;
  visitWithinFunction(loop.body, (node) => {
    leaves ||= exitsLoop(node, loop);
  });
  return !leaves;
}
