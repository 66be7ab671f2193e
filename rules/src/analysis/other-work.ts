/**
 * Queries that wait on per-item work elsewhere: an upload, a payment provider, a mail server, a
 * language model. When the query of an iteration needs such a result, the database round trip is
 * not what makes the loop slow, and one batched statement would not fix it: the loop is an
 * `await-in-loop` (or `unbounded-promise-all`) finding, not an `n-plus-one` one.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { readsAny, slotsRead, type Slot } from './loop-facts';
import { callReader, databaseQueryOf, type QueryMatch } from './queries';
import { projectModels } from './orm';
import { moduleKey } from './orm-index';
import { awaitedRef, awaitsOutsideWork, indexedOutside, summarizeFunction } from '../project-model/summaries';
import { leavesTheProject, receiverMaker } from './outside-calls';
import { localFunction, resolveVariable, unwrapExpression } from './resolve';
import { contains, enclosingIteration, isFunction, type FunctionNode } from './scopes';
import { visitWithinFunction } from './visit';
import { callChainTop } from './names';
import { thenCallbackOf } from './promise-chains';
import { standInCallback } from './handed-references';

/** What one iteration awaits of other work, and the variables whose values derive from it. */
interface OtherWork {
  awaits: TSESTree.AwaitExpression[];
  derived: Set<Slot>;
}

/**
 * Whether `call`'s query, run once per iteration of `scope` (a loop body or an array callback), needs the
 * result of an awaited call in the same iteration that is not a database query: its arguments read
 * that result or a value derived from it, it writes under a condition on such a value or after a guard
 * that skips the item on one (`if (!sent) continue`), or in the `catch` of a `try` that awaits the
 * call (it records the failure). An awaited check written in the condition itself
 * (`if (await canAccess(user))`) only filters the items: the rows that pass can still be written
 * in one statement, so that stays an N+1.
 */
export function waitsOnOtherWork(context: RuleContext, call: TSESTree.Node, scope: TSESTree.Node, read: boolean): boolean {
  const work = otherWorkOf(context, scope);
  if (work.awaits.length === 0) return false;
  // `db.insert(networks).values(toRow(info))`: the rows a builder's later steps are handed belong to its query.
  const query = call.type === AST_NODE_TYPES.CallExpression ? callChainTop(call) : call;
  const derives = (node: TSESTree.Node): boolean => readsAny(context, node, work.derived);
  const awaitsWork = (node: TSESTree.Node): boolean => work.awaits.some((awaited) => contains(node, awaited) && awaited.range[0] < query.range[0]);
  if (derives(query) || awaitsWork(query)) return true;
  // A read of what the item names (`recipientsFor(project.organizationId)` after `if (!data) continue`) is filtered by the work, not fed
  // by it: one query for every item's key before the loop still answers it. A write so guarded records the work's outcome.
  const gates = !read;
  let child: TSESTree.Node = query;
  for (let current = query.parent; current; child = current, current = current.parent) {
    if (isFunction(current) && current !== scope) return false;
    const condition = conditionOf(current, child);
    if (gates && condition && derives(condition)) return true;
    if (current.type === AST_NODE_TYPES.CatchClause && current.parent?.type === AST_NODE_TYPES.TryStatement && awaitsWork(current.parent.block)) return true;
    if (gates && current.type === AST_NODE_TYPES.BlockStatement) {
      const earlier = current.body.filter((statement) => statement.range[1] <= child.range[0]);
      if (earlier.some((statement) => skipsItemOn(statement, derives))) return true;
    }
    if (current === scope) return false;
  }
  return false;
}

/** The condition under which `child` of `node` runs, when `node` chooses between paths. */
export function conditionOf(node: TSESTree.Node, child: TSESTree.Node): TSESTree.Node | undefined {
  if ((node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) && child !== node.test) return node.test;
  if (node.type === AST_NODE_TYPES.LogicalExpression && child === node.right) return node.left;
  if (node.type === AST_NODE_TYPES.SwitchCase && node.parent?.type === AST_NODE_TYPES.SwitchStatement) return node.parent.discriminant;
  return undefined;
}

/** `if (!sent) continue;` on a value derived from the other work: the items after it are those the work let through. */
function skipsItemOn(statement: TSESTree.Statement, derives: (node: TSESTree.Node) => boolean): boolean {
  return (
    statement.type === AST_NODE_TYPES.IfStatement &&
    derives(statement.test) &&
    (exits(statement.consequent) || (!!statement.alternate && exits(statement.alternate)))
  );
}

/** Whether a statement leaves the iteration on every path it ends: `continue`, `return`, `break` or `throw`, maybe after other statements. */
function exits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.length > 0 && exits(statement.body.at(-1)!);
    default:
      return false;
  }
}

/** The awaited calls of an iteration that are not queries, and what derives from them; computed once per scope. */
function otherWorkOf(context: RuleContext, scope: TSESTree.Node): OtherWork {
  const cache = context.shared.memo('otherWork', () => new Map<TSESTree.Node, OtherWork>());
  let work = cache.get(scope);
  if (!work) {
    work = collectOtherWork(context, scope);
    cache.set(scope, work);
  }
  return work;
}

function collectOtherWork(context: RuleContext, scope: TSESTree.Node): OtherWork {
  const awaits: TSESTree.AwaitExpression[] = [];
  visitWithinFunction(scope, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression && isOtherWork(context, node.argument)) awaits.push(node);
  });
  return { awaits, derived: awaits.length === 0 ? new Set() : slotsDerivedFrom(context, scope, awaits) };
}

/** The variables of `scope` whose values derive from `sources`, in the order they run: `const file = await upload(x)`, then `const url = file.url`. */
export function slotsDerivedFrom(context: RuleContext, scope: TSESTree.Node, sources: readonly TSESTree.Node[]): Set<Slot> {
  const bindings: Array<{ target: TSESTree.Node; value: TSESTree.Node }> = [];
  visitWithinFunction(scope, (node) => {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init) bindings.push({ target: node.id, value: node.init });
    else if (node.type === AST_NODE_TYPES.AssignmentExpression) bindings.push({ target: node.left, value: node.right });
  });
  bindings.sort((a, b) => a.value.range[0] - b.value.range[0]);
  const derived = new Set<Slot>();
  for (const { target, value } of bindings) {
    if (!sources.some((source) => contains(value, source)) && !readsAny(context, value, derived)) continue;
    for (const slot of boundSlots(context, target)) derived.add(slot);
  }
  return derived;
}

/** The variables a declaration or assignment target binds: `x`, `{ a, b }`, `[first]`. */
function boundSlots(context: RuleContext, target: TSESTree.Node): Slot[] {
  if (target.type === AST_NODE_TYPES.MemberExpression) return slotsRead(context, target).slice(0, 1);
  const slots: Slot[] = [];
  visitWithinFunction(target, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return;
    const parent = node.parent;
    // `{ key: value }` binds `value`; a default value's names are read, not bound.
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.shorthand) return;
    if (parent?.type === AST_NODE_TYPES.AssignmentPattern && parent.right === node) return;
    const variable = resolveVariable(context, node);
    if (variable) slots.push(variable);
  });
  return slots;
}

/**
 * The query an expression runs when repeating it is an N+1: not one reached through a function of the project that also awaits
 * other work (an upload, a payment provider), which is a loop that waits on that work, a concurrency finding; unless the function
 * awaits that work first and then queries (see `queriesAfterOtherWork`).
 */
export function repeatedQueryOf(context: RuleContext, expression: TSESTree.Node): QueryMatch | undefined {
  const found = databaseQueryOf(context, expression);
  return found?.site?.otherWork && !queriesAfterOtherWork(context, found) ? undefined : found;
}

/**
 * `processItem(item)` whose function first awaits an HTTP call (`await this.client.getItemData(item.id)`) and then only looks rows up by
 * what it returned: the calls can overlap, and the look-ups still run one per item, where one query for every item's key answers them.
 * One that uploads or sends after its query waits on that work.
 */
export function queriesAfterOtherWork(context: RuleContext, match: QueryMatch): boolean {
  const call = match.call;
  const fn = call.type === AST_NODE_TYPES.CallExpression ? localFunction(context, call.callee) : undefined;
  if (!fn?.body) return false;
  const cache = context.shared.memo('queriesAfterOtherWork', () => new Map<FunctionNode, boolean>());
  const known = cache.get(fn);
  if (known !== undefined) return known;
  // A function whose callback calls it again is seen as not querying while it is being looked at.
  cache.set(fn, false);
  const awaited: boolean[] = [];
  visitWithinFunction(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.AwaitExpression) return;
    // `await this.lock.run(key, async () => { ... findOne ... })`: the callback it runs holds the function's queries.
    const argument = unwrapExpression(node.argument);
    const runsQueries = argument.type === AST_NODE_TYPES.CallExpression && argument.arguments.some((handed) => mapperRunsQuery(context, handed));
    awaited.push(!runsQueries && isOtherWork(context, node.argument));
  });
  const firstOwn = awaited.indexOf(false);
  const after = firstOwn > 0 && !awaited.slice(firstOwn).includes(true);
  cache.set(fn, after);
  return after;
}

/**
 * An awaited call into a package that is no database client (`s3.send(...)`, `stripe.charges.create(...)`,
 * `transport.sendMail(...)`, `lookup(host)`) or a global `fetch`, that runs no query among its
 * arguments; or a function of the project that runs a query and awaits such work too. Other calls
 * of the project's own code are not counted: whatever they do may be a query the analysis does not follow.
 */
export function isOtherWork(context: RuleContext, argument: TSESTree.Node): boolean {
  const call = unwrapExpression(argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const own = databaseQueryOf(context, call);
  if (own) return !!own.site?.otherWork;
  if (!leavesTheProject(context, call.callee) && !wrapsOutsideWork(context, call)) return false;
  let query = false;
  visitWithinFunction(call, (node) => {
    if (!query && node !== call && node.type === AST_NODE_TYPES.CallExpression && databaseQueryOf(context, node)) query = true;
  });
  return !query;
}

/**
 * A call of a function of the project that runs no query and awaits work outside the project
 * (`deleteCustomer(id)` that awaits the payment provider), itself or through functions of other
 * files, to the depth query chains are followed.
 */
function wrapsOutsideWork(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const models = projectModels(context);
  const local = localFunction(context, call.callee);
  if (local)
    return awaitsOutsideWork(models, context.fileName, summarizeFunction(context, local, callReader, 1), models ? indexedOutside(models) : () => false);
  const ref = models && awaitedRef(context, call, receiverMaker);
  const key = ref && ref.path.length <= 2 ? moduleKey(models, context.fileName, ref.module) : undefined;
  return key !== undefined && indexedOutside(models!)(key, ref!.path, false);
}

/**
 * A query in a loop over a list of the callback's own (`for (const log of logs) await save(log)`) is that loop's N+1, once per log, not
 * once per item of the map; a `while` walk from the item (`while (id) id = (await find(id)).parentId`) is still the item's.
 */
function inNestedLoop(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  const iteration = enclosingIteration(node);
  return (
    iteration?.kind === 'loop' &&
    (iteration.loop.type === AST_NODE_TYPES.ForOfStatement || iteration.loop.type === AST_NODE_TYPES.ForInStatement) &&
    contains(fn, iteration.loop)
  );
}

/** Whether a call runs a query that does not wait on other work of the iteration `scope`. */
function runsQueryOnItsOwn(context: RuleContext, node: TSESTree.Node, scope: TSESTree.Node): boolean {
  const query = repeatedQueryOf(context, node);
  return !!query && !waitsOnOtherWork(context, node, scope, query.kind !== 'write');
}

/** Whether a callback handed to `items.map(...)` runs a query that does not wait on other work of its own item: the N+1 is then the finding. */
export function mapperRunsQuery(context: RuleContext, mapper: TSESTree.Node): boolean {
  const written = unwrapExpression(mapper);
  // `rows.map(saveRow)`: a function handed by reference, read as the callback it stands for.
  const fn = isFunction(written)
    ? written
    : mapper.parent?.type === AST_NODE_TYPES.CallExpression
      ? standInCallback(context, mapper.parent, mapper)
      : undefined;
  if (!fn) return false;
  let found = false;
  visitWithinFunction(fn.body, (node) => {
    if (
      !found &&
      (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression) &&
      !inNestedLoop(node, fn) &&
      runsQueryOnItsOwn(context, node, fn)
    )
      found = true;
    // `(id) => load(id).then((row) => prisma.row.update(...))`: the callback runs once per item as well.
    const callback = found ? undefined : thenCallbackOf(node);
    if (callback) found = mapperRunsQuery(context, callback);
  });
  return found;
}
