import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import {
  declarationOf,
  fieldAt,
  functionFactAt,
  indexed,
  isHandle,
  functionAt,
  isProjectModule,
  lookupExport,
  lookupModel,
  exportAndMethod,
  lookupType,
  moduleKey,
  throughHeld,
  type CallSite,
  type ParameterQuery,
  type ProjectModels,
  type QuerySite,
  type TransactionParameter,
  type TypeLocation,
  type WriteFact,
} from '../analysis/orm-index';
import type { Orm, OrmValue } from '../analysis/orm';
import {
  executesBuilder,
  heldBuilderSteps,
  KYSELY_CLIENT,
  KYSELY_EXECUTORS,
  kindOf,
  runsQueryOfKind,
  SEQUELIZE_ROW,
  handedSqlWrite,
  sendsSqlText,
  TYPEORM_ACTIVE_ROW,
  typeormBuilderRun,
  type SqlWrite,
  objectionWrites,
  setsSession,
} from '../analysis/query-kinds';
import {
  classBodyAround,
  classFieldType,
  constValueOf,
  declaredReturnType,
  firstNamedType,
  declaresMember,
  destructuredSource,
  fieldSetting,
  inheritedLookup,
  instanceFieldOf,
  isGlobalReference,
  keyName,
  localFunction,
  madeLocalFunction,
  propertyName,
  providedType,
  resolveModuleMember,
  resolveVariable,
  normalizeModule,
  isReassigned,
  signatureName,
  thisAssignments,
  thisFieldSetting,
  thisOf,
  type ModuleMember,
  unwrapExpression,
} from '../analysis/resolve';
import { awaitedOrReturned, contains, enclosingFunction, isFunction, isLoopStatement, type FunctionNode } from '../analysis/scopes';
import { objectTypeMembers } from '../analysis/callback-types';
import { issuedBeforeFirstAwait, visitAll, visitWithinFunction } from '../analysis/visit';
import { functionInputReader, originsOf, originsThroughCall, type OriginReader } from '../analysis/value-origins';
import { callChainTop } from '../analysis/names';
import { documentFilterColumn, handedSqlColumns, namedFilterColumn, onlyKey, sqlKeyColumn, type HandedSqlColumns } from '../analysis/filter-column';
import { takesTopRows } from '../analysis/top-rows';
import { promiseStep } from '../analysis/promise-chains';
import { isLocalModule } from '../analysis/module-names';
import { siblingStatic } from '../analysis/mongoose-schemas';
import { claimsRowInOwnTransaction } from '../analysis/row-claims';
import { ownerRowsReturned } from '../analysis/owner-rows';
import { LineIndex } from '../lines';
import { fileKey } from './paths';
import type { RuleContext } from '../types';

/** A call of something another file exports, resolved once the project is known; its site is used when the call itself is the query. */
export interface CallRef extends CallSite {
  module: string;
  /** The export, then members: `['getUser']`, `['prisma', 'user', 'findMany']`, `['UserService', 'find']`. */
  path: string[];
  /** Set when the call is on an instance of the class (`doc.save()` with `doc: Document`), not on the class itself. */
  instance?: true;
  /** Set when the call runs `path[1]` on the repository of the entity class `path[0]` (`connection.getRepository(ctx, Order).findOne`). */
  repository?: true;
  /** For a `save` on such a repository: a new row or a loaded one, when the code shows which. */
  saves?: 'new' | 'existing';
  /** Set when the call starts a Kysely builder whose chain runs it (`selectFrom(...)...execute()`): only then is it a query. */
  executes?: true;
  /** Set when the read claims one row in a transaction of its own (see `QuerySite.claims`). */
  claims?: true;
  /** Set when it sends raw SQL whose text is computed on each call (`$executeRawUnsafe(alterTable(...).toQuery())`). */
  dynamicSql?: true;
  /** Set when the call is of the instance itself (`db('users').where(...).update(...)`): what the chain runs if the instance is a callable client. */
  invoked?: InvokedHandle;
  /** Set when the call runs `path[1]` on what the factory `path[0]` returns (`getCollection('teams').findOne(...)`). */
  made?: true;
  /** Set with `made` when the receiver is a member of the object the factory returns (`const { Orders } = await OrdersCollection(db)`). */
  held?: true;
  /** With `made`: the one key of the filter the call is given (`userId` of `Users.findOne({ userId })`), the column the query looks rows up by. */
  keyColumn?: string;
  /** The one field of the filter document the call is handed first (`runId` of `deleteMany({ runId })`): its key column once the handle proves to be MongoDB's. */
  documentKey?: string;
  /** The column SQL text the call is handed compares per call, as its first or second argument: its key column once the library says which it sends. */
  sqlKeys?: HandedSqlColumns;
  /** Set when the call takes the first rows of an order (see `QuerySite.topRows`), for a read once the library is known. */
  topRows?: true;
  /** Set when the module is bound by `require(...)`: its path may start inside `module.exports` as well as at a named export. */
  required?: true;
  /** Set on a member call when nothing is awaited before it in its function: a Redis command that pipelines leaves on the caller's tick. */
  issuedOnCall?: true;
  /** Set when the call hands SQL text that writes (`qx.result('DELETE …', values)`): what a wrapper that sends the text it is given does. */
  statement?: SqlWrite;
  /** Set when a step of the chain the call starts writes (`this.query(trx).where(...).patch(...)`): an Objection builder then writes. */
  writeStep?: true;
  /** The step that makes the TypeORM builder a call starts a write statement (`update` of `createQueryBuilder().update().set(...).execute()`). */
  builderWrite?: string;
  /** Set when a bus runs the handler of this command or query class (`commandBus.execute(new CreateOrderCommand(input))`): its `execute` runs. */
  dispatches?: string;
  /**
   * Set when the receiver is a parameter of a callback handed to the function `path[0]` (`withTransaction(ctx, async (tx) => tx.delete(...))`):
   * the argument the callback is and the callback's parameter, whose handle that function's declared types or transaction tell.
   */
  handedTo?: { parameter: number; callbackParameter: number };
  /**
   * Set when the receiver is what the class's constructor was handed at this position and keeps in a field (`this.model = model`):
   * the model the subclasses hand `super(Task)`; the path starts with the class's export in this file.
   */
  heldArgument?: number;
}

/** What a chain started by calling a handle runs on a Knex instance, the one callable client: its write, else a read, on the table it names. */
export interface InvokedHandle {
  kind: 'read' | 'write';
  operation: string;
  model?: string;
}

/**
 * What a function does on every call, as far as its own file tells: its first write, else its first
 * read, and the calls of other files' functions that may write.
 */
export interface FunctionSummary {
  site?: QuerySite;
  calls?: CallRef[];
  /**
   * The modules of the calls outside its database that the function awaits (`stripe`, `@aws-sdk/client-s3`,
   * `GLOBAL_FETCH`, `./mailer`); those that no file of the project index answers to are other work than its query.
   */
  otherWork?: string[];
  /** The functions of other files of the project it awaits (`sendInvoice`, `['BillingService', 'charge']`): they may await such work themselves. */
  awaits?: AwaitedCall[];
  /** Work it awaits on one branch only (`if (mount.type === 'file') await copyToHost(mount)`): beside a query of its own, not what each call waits on. */
  branchWork?: string[];
  branchAwaits?: AwaitedCall[];
  /** Wrapped in React's `cache`: calls with the same arguments in one request share one run. */
  memoized?: true;
  /** The package whose client it returns on every path (`return new SESv2Client(...)`): calls on that client leave the project. */
  makes?: string;
  /** The queries it runs on a handle it is given, when it runs none of its own. */
  parameterQueries?: ParameterQuery[];
  /** The callback parameter it hands a transaction's handle to. */
  opensTransaction?: TransactionParameter;
  /**
   * It answers from a cache before its query (`const hit = cache.get(id); if (hit) return hit;`): it queries once per
   * distinct key it is asked for, so the calls of a list of keys do not each reach the database. `'preloaded'` when it
   * never fills that cache itself (other code loads it ahead): most calls answer from memory, whatever their keys.
   */
  cacheFirst?: true | 'preloaded';
  /**
   * Its inputs (`0`, `0.breakdowns`, `this`, see `value-origins`) that reach the values its queries and its own file's
   * functions' queries are given; undefined when any may. The calls of other files it hands inputs to are in `inputCalls`.
   */
  inputs?: string[];
  /** The calls of other files' functions it hands inputs to: they count once the project tells that they run a query. */
  inputCalls?: InputCall[];
  /** How many writes (its own, and those of functions of its file it calls) its body holds, when more than one: advice for one statement does not fit it. */
  writes?: number;
  /** It throws on a condition after its first read (`if (taken) throw ...`): a check before its write, not a find-or-create. */
  checks?: true;
  /** The first write anywhere in its body or its own file's functions (behind a condition, in a loop or a transaction), when its site is a read. */
  alsoWrites?: WriteFact;
  /** It runs its query only when a caller asks, by these parameters (see `QuerySite.askedBy`). */
  askedBy?: number[];
  /**
   * Set when every query it runs itself, on any path, is a Prisma `findUnique`: the calls of other files it waits on (or that
   * run a query), whose reads must be such too for Prisma to batch every call of one tick (see `QuerySite.batchedPerTick`).
   */
  uniqueReadsBut?: CallRef[];
  /** The start of a read filtered on one owner whose rows it returns one for one (see `ownerRowsReturned`). */
  ownerRows?: number;
}

/** A call of another file's function (as in `CallRef`, without where it is written), with the inputs of the caller it is handed. */
export type InputCall = Omit<CallRef, keyof CallSite> & { reads: string[] };

/** A `CallbackHandle` as one file tells it: the handle, or the import of the type that says which (`db: MysqlDatabase` of `./driver`), resolved when merged. */
export interface CallbackHandleFact {
  parameter: number;
  property?: string;
  callbackParameter: number;
  /** The member of the callback's parameter that is the handle (`prisma` of `(context: { prisma: PrismaClient }) => ...`). */
  field?: string;
  handle?: OrmValue;
  type?: { module: string; name: string };
}

/** A call of a function another file exports, by its module and the export then members, as in `CallRef`. */
export interface AwaitedCall {
  module: string;
  path: string[];
}

/** How deep a chain of project functions is followed (`a()` calls `b()` calls `c()` that queries). */
export const MAX_CHAIN_DEPTH = 3;
const MAX_CALLS = 12;
/** How many calls of other files a summary keeps with the inputs they are handed, beyond which its inputs are not known. */
const MAX_INPUT_CALLS = 24;

/**
 * The query a found call runs, from the rule's query matcher, or a reference to resolve once the
 * project is known; injected to keep this module free of the matcher's imports.
 */
export type QueryOfCall = (
  context: RuleContext,
  call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression,
  depth: number,
) => QuerySite | CallRef | undefined;

/** What a summary asks of a call: the query it runs, and the module outside the database its callee calls into, if any. */
export interface CallReader {
  queryOf: QueryOfCall;
  /** The lazy relation a function reads on a row it is handed (`await role.permissions` of a parameter `role`): a query per call. */
  relationOf: (context: RuleContext, member: TSESTree.MemberExpression, fn: FunctionNode) => QuerySite | undefined;
  foreignModuleOf: (context: RuleContext, callee: TSESTree.Node) => string | undefined;
  receiverMaker: (context: RuleContext, callee: TSESTree.Node) => ModuleMember | undefined;
}

/**
 * What a function runs: its first query or project call that is not in a loop, a nested function,
 * or behind a cache look-up; those on every call first, else those of a branch (the items that
 * take it each cost its query).
 */
export function summarizeFunction(context: RuleContext, fn: FunctionNode, reader: CallReader, depth = 0): FunctionSummary {
  const cache = context.shared.memo('functionSummaries', () => new Map<FunctionNode, FunctionSummary>());
  const known = cache.get(fn);
  if (known) return known;
  // A recursive function is seen as running nothing while it is being looked at.
  cache.set(fn, {});
  const summary = computeSummary(context, fn, reader, depth);
  cache.set(fn, summary);
  return summary;
}

/** Which paths of a function a summary reads: the one every call takes, or, when that runs nothing, every branch no cache look-up guards. */
type Paths = 'every' | 'some' | 'asked';

/** What a reading of a function's paths finds: the query or calls that name its work, before the rest of its body is read. */
interface PathsRead {
  first?: QuerySite;
  site?: QuerySite;
  calls: CallRef[];
  checks: boolean;
  cacheFirst: true | 'preloaded' | undefined;
  /** On the 'asked' paths: the parameters whose branches a caller asks for (see `FunctionSummary.askedBy`). */
  askedBy?: number[];
  /** Read from the branches, as no path every call takes runs a query. */
  branches?: true;
}

function computeSummary(context: RuleContext, fn: FunctionNode, reader: CallReader, depth: number): FunctionSummary {
  if (!fn.body) return {};
  // The rest of the body (what it awaits, makes, and hands its queries) is read once, for the reading kept: not for one only compared.
  const { first, site, calls, checks, cacheFirst, branches, askedBy } = readPaths(context, fn, reader, depth, false, 'every');
  // A function that runs no query is still known by the work it awaits: a wrapper of a payment provider, a mail or an HTTP call.
  const otherWork = new Set<string>();
  const awaits: AwaitedCall[] = [];
  const branch: BranchWork = { modules: new Set(), awaits: [] };
  awaitedModules(context, fn, reader, depth, otherWork, awaits, branch);
  const makes = first ? undefined : packageClientMade(context, fn, reader);
  // Only a function that may run a query needs to say what reaches it.
  const origins = first || calls.length > 0 ? queryInputs(context, fn, reader, depth) : undefined;
  const uniqueReadsBut = uniqueReadWaits(context, fn, reader, depth);
  const ownerRows = ownerRowsReturned(context, fn);
  const summary: FunctionSummary = {
    ...(makes !== undefined && { makes }),
    ...(first && { site: first }),
    ...(origins?.inputs && { inputs: origins.inputs }),
    ...(origins?.inputCalls && { inputCalls: origins.inputCalls }),
    ...(origins?.writes && { writes: origins.writes }),
    ...(origins?.alsoWrites && first?.kind === 'read' && { alsoWrites: origins.alsoWrites }),
    ...(!site && calls.length > 0 && { calls }),
    ...(otherWork.size > 0 && { otherWork: [...otherWork] }),
    ...(awaits.length > 0 && { awaits }),
    ...(branch.modules.size > 0 && { branchWork: [...branch.modules] }),
    ...(branch.awaits.length > 0 && { branchAwaits: branch.awaits }),
    ...(cacheFirst && { cacheFirst }),
    ...(checks ? { checks: true as const } : {}),
    ...(askedBy && { askedBy }),
    ...(uniqueReadsBut && (first || uniqueReadsBut.length > 0) && { uniqueReadsBut }),
    ...(ownerRows !== undefined && { ownerRows }),
  };
  return branches ? onBranches(summary) : summary;
}

/** Prisma's `findUnique` and `findUniqueOrThrow`, which its client batches with the other calls of one tick (the latter since Prisma 5.1). */
function isUniqueRead(site: QuerySite): boolean {
  return site.library === 'prisma' && (site.operation === 'findUnique' || site.operation === 'findUniqueOrThrow');
}

/**
 * The calls of other files a function waits on (what they run is known once the project is), when every query it runs
 * itself, on any of its paths, is a Prisma `findUnique`; undefined when one is not.
 */
function uniqueReadWaits(context: RuleContext, fn: FunctionNode, reader: CallReader, depth: number): CallRef[] | undefined {
  const waits: CallRef[] = [];
  if (!fn.body) return waits;
  let only = true;
  visitWithinFunction(fn.body, (node) => {
    if (!only || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.TaggedTemplateExpression)) return;
    const found = reader.queryOf(context, node, depth);
    if (found && 'module' in found) waits.push(found);
    else if (found) only = isUniqueRead(found);
    if (found) return;
    const local = node.type === AST_NODE_TYPES.CallExpression && depth < MAX_CHAIN_DEPTH ? localFunction(context, node.callee) : undefined;
    const inner = local && local !== fn ? uniqueReadWaits(context, local, reader, depth + 1) : undefined;
    if (local) {
      only = inner !== undefined;
      waits.push(...(inner ?? []));
      return;
    }
    // `transformData(row.data)`: a call of the project whose result is not waited on holds no query up.
    const ref = waitedOn(context, node) ? callRef(context, node) : undefined;
    if (ref) waits.push(ref);
  });
  return only ? waits : undefined;
}

/** Whether a function waits on what a call returns: it awaits it, hands it on with `.then`, or returns it. */
function waitedOn(context: RuleContext, call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): boolean {
  let value: TSESTree.Node = call;
  // `return row ? this.cast(row) : null`: either branch is what is returned.
  while (value.parent?.type === AST_NODE_TYPES.ConditionalExpression || value.parent?.type === AST_NODE_TYPES.LogicalExpression) value = value.parent;
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement || parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value) return true;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value) return true;
  return call.type === AST_NODE_TYPES.CallExpression && awaitedHere(context, call) !== undefined;
}

/** The calls a reading names as the function's work: none when a query does. */
function namedCalls(read: PathsRead): CallRef[] {
  return read.site ? [] : read.calls;
}

function readPaths(context: RuleContext, fn: FunctionNode, reader: CallReader, depth: number, pastCache: boolean, paths: Paths): PathsRead {
  const body = fn.body as FunctionNode['body'];
  const { queryOf } = reader;
  const calls: CallRef[] = [];
  // A write ends the look; a read before it (a check, a look-up) is kept in case no write follows.
  let site: QuerySite | undefined;
  let read: QuerySite | undefined;
  // A read a function of this file runs on some of its branches only: it names the work when no read runs on every call.
  let branchRead: QuerySite | undefined;
  // SQL text another file computes on each call may be one statement per table: it names the function's work only when nothing else does.
  let computedWrite: QuerySite | undefined;
  // A Redis command that leaves with the other items' on the caller's tick: it names the function's work only when nothing else does.
  let pipelinedWrite: QuerySite | undefined;
  let cacheChecked: TSESTree.IfStatement | undefined;
  let checks = false;
  // An awaited call that leads nowhere known (`await file.arrayBuffer()`, `await fetch(url)`) comes first:
  // that work, not a query after it, is what a caller repeats per item (see the rule's docs).
  let otherWorkFirst = false;
  // An awaited call of the project that runs no query of its own on every call: the work each call waits on.
  let awaitsCall = false;
  // What the calls of a list an awaited `Promise.all([...])` waits on await together: counted as the `await` of the list, after all of it is read.
  const listed = { awaitsCall: false, otherWork: false };
  // The parameters whose branches a caller asks for, read on the 'asked' paths only.
  const asked = new Set<number>();
  const asksFor = (test: TSESTree.Node): boolean => {
    const parameters = optionalInputsTested(context, fn, test);
    if (paths === 'asked') for (const parameter of parameters) asked.add(parameter);
    return parameters.length === 0 || paths === 'asked';
  };
  const visit = (node: TSESTree.Node): void => {
    if (site || cacheChecked || otherWorkFirst || calls.length >= MAX_CALLS) return;
    // `while ((page = await fetchPage(cursor)))`: a loop's first test runs on every call, as a `do … while` body does.
    if (node.type === AST_NODE_TYPES.WhileStatement) return visit(node.test);
    if (node.type === AST_NODE_TYPES.DoWhileStatement) return visit(node.body);
    if (node !== fn && (isFunction(node) || isLoopStatement(node))) return;
    switch (node.type) {
      case AST_NODE_TYPES.IfStatement:
        visit(node.test);
        if ((read || branchRead || calls.length > 0) && throws(node.consequent)) checks = true;
        if (!pastCache && returnsAfterCacheCheck(context, node)) cacheChecked = node;
        // `if (!this.byLibrary[id]) return (await db.author.findOne(…))?.id;`: past the cache is the miss this branch handles.
        else if (pastCache && testsMiss(node.test) && returnsAfterCacheCheck(context, node)) visit(node.consequent);
        else if (paths !== 'every' && !testsCache(context, node.test)) {
          if (asksFor(node.test)) visit(node.consequent);
          if (node.alternate) visit(node.alternate);
        } else if (node.alternate && testsMode(context, node.test)) visit(node.alternate);
        return;
      case AST_NODE_TYPES.ConditionalExpression: {
        visit(node.test);
        const branches = paths !== 'every' && !testsCache(context, node.test);
        if (branches && asksFor(node.test)) visit(node.consequent);
        if (branches || testsMode(context, node.test)) visit(node.alternate);
        return;
      }
      case AST_NODE_TYPES.LogicalExpression:
        visit(node.left);
        // `options?.signed && (await ...)` runs on a caller's request only; `given ?? (await ...)` when it is not given.
        if (paths !== 'every' && !testsCache(context, node.left) && (node.operator !== '&&' || asksFor(node.left))) visit(node.right);
        return;
      // A switch dispatches on a kind, each case to other work: which of them queries is not read as the function's work,
      // unless every case waits on work of its own (`case 'app': await createApp(...)`), when whichever is taken costs its calls.
      case AST_NODE_TYPES.SwitchStatement:
        visit(node.discriminant);
        if (paths === 'some' && everyCaseAwaits(node)) for (const branch of node.cases) visit(branch);
        return;
      case AST_NODE_TYPES.TryStatement:
        visit(node.block);
        return;
      case AST_NODE_TYPES.AwaitExpression: {
        const awaited = unwrapExpression(node.argument);
        const relation = awaited.type === AST_NODE_TYPES.MemberExpression ? reader.relationOf(context, awaited, fn) : undefined;
        if (relation) read ??= relation;
        break;
      }
      case AST_NODE_TYPES.TaggedTemplateExpression: {
        visit(node.quasi);
        if (site || cacheChecked || otherWorkFirst) return;
        // Only Prisma's raw queries are tagged templates that run a query; other tags (`msg\`...\``, `css\`...\``) build values.
        const tag = unwrapExpression(node.tag);
        const raw = tag.type === AST_NODE_TYPES.MemberExpression && /^\$(?:query|execute)Raw$/.test(propertyName(tag) ?? '');
        const found = raw ? (queryOf(context, node, depth) ?? callRef(context, node)) : undefined;
        if (found && 'module' in found) calls.push(found);
        else if (found?.kind === 'write') site = found;
        else if (found) read ??= found;
        return;
      }
      case AST_NODE_TYPES.CallExpression: {
        // Arguments run before the call.
        for (const argument of node.arguments) visit(argument);
        visit(node.callee);
        // What a transaction's callback runs, the function runs; so does what an awaited helper that calls its callback is handed.
        const transaction = transactionCallback(node);
        if (transaction) visit(transaction.body);
        else for (const handed of handedCallbacks(context, node)) visit(handed.body);
        // `prisma.$transaction(rows.map((row) => prisma.price.upsert(...)))`: the statements it is handed run on each call.
        const statements = batchedStatements(context, node);
        for (const statement of statements) {
          const batched: QuerySite | CallRef | undefined =
            site || cacheChecked ? undefined : (queryOf(context, statement, depth) ?? callRef(context, statement));
          if (batched && 'module' in batched) calls.push(batched);
          else if (batched?.kind === 'write') site = batched;
          else if (batched) read ??= batched;
        }
        if (site || cacheChecked || otherWorkFirst || transaction || statements.length > 0) return;
        const found = queryOf(context, node, depth);
        // `SET search_path …` before the function's query sets up the connection: the query after it is the work.
        if (found && setsSession(node)) return;
        if (found && 'module' in found) {
          calls.push(found);
          return;
        }
        if (found) {
          // SQL a function of another file computes (an op log's INSERT); this file's own computed text may be DDL per table.
          if (found.kind === 'write' && found.dynamicSql && found.file !== context.fileName) computedWrite ??= found;
          else if (found.kind === 'write' && found.pipelined) pipelinedWrite ??= found;
          else if (found.kind === 'write') site = found;
          else if (found.branch) branchRead ??= found;
          else read = fixedReadFirst(read, found);
          return;
        }
        const local =
          depth < MAX_CHAIN_DEPTH
            ? (localFunction(context, node.callee) ?? siblingStatic(context, node.callee) ?? madeLocalFunction(context, node.callee))
            : undefined;
        if (local && local !== fn) {
          const inner = askedSite(summarizeFunction(context, local, reader, depth + 1), node);
          if (inner.site?.kind === 'write' && inner.site.pipelined) pipelinedWrite ??= inner.site;
          else if (inner.site?.kind === 'write') site = inner.site;
          else if (inner.site?.branch) branchRead ??= inner.site;
          else read = fixedReadFirst(read, inner.site);
          calls.push(...(inner.calls ?? []));
          const awaited = awaitedHere(context, node);
          if (awaited === 'listed') listed.awaitsCall = true;
          else if (awaited) awaitsCall = true;
          return;
        }
        // `await prisma.user.findFirstOrThrow(...).catch(toNotFound)`: the work awaited is the call it handles, read above.
        if (handlesPromiseOfCall(node)) return;
        // `await Promise.all([countViews(id), countClicks(id)])` waits on the calls of its list, read above.
        if (combinesList(context, node)) {
          awaitsCall ||= listed.awaitsCall;
          otherWorkFirst ||= listed.otherWork;
          listed.awaitsCall = listed.otherWork = false;
          return;
        }
        const ref = callRef(context, node);
        if (ref) calls.push(ref);
        const awaited = awaitedHere(context, node);
        if (awaited === 'listed') listed.awaitsCall = true;
        else if (awaited) awaitsCall = true;
        // A method of the class's own that the analysis cannot find is the project's code, not work outside it; what a function's
        // result is asked (`stripe.subscriptions.cancel`) may be a package's client, which only the merged project tells.
        if ((!ref || isOnResult(ref)) && awaited && !local && !callsOwnMethod(node)) {
          if (awaited === 'listed') listed.otherWork = true;
          else otherWorkFirst = true;
        }
        return;
      }
    }
    // `for … in` reads the keys in `Object.entries`' order without making an array of pairs for every node the walk enters.
    for (const key in node) {
      if (key === 'parent' || key === 'typeAnnotation' || key === 'returnType' || key === 'decorators') continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item.type === 'string') visit(item as TSESTree.Node);
      } else if (value && typeof value === 'object' && typeof (value as TSESTree.Node).type === 'string') {
        visit(value as TSESTree.Node);
      }
    }
  };
  visit(body);
  read ??= branchRead;
  if (!site && !read && !computedWrite) site = pipelinedWrite;
  // A write of the model it has just read may be a find-or-create: the read decides which items need the write.
  const written = site ? writeAfterRead(site, read, checks) : withComputedWrite(read, computedWrite);
  const first = written && claimedByRead(written, read);
  // Answered from a cache before anything else: what it runs past the cache, once per key, tells whether that is a query.
  const past = cacheChecked && !first && calls.length === 0 ? readPaths(context, fn, reader, depth, true, 'every') : undefined;
  // A cache other code fills counts whatever the miss awaits (`this.models.author.findOne(…)`), when reading it awaits nothing.
  const preloaded = past !== undefined && awaitsOnlyPast(body, cacheChecked!) && !fillsCache(body);
  const cacheFirst = preloaded ? ('preloaded' as const) : past && (past.first || namedCalls(past).length > 0) ? (true as const) : undefined;
  // Runs and awaits nothing on every call: a query on some branch (`if (from === to) return 1; else await db.rate.findFirst(...)`) still runs per item it takes.
  if (paths === 'every' && !first && !cacheChecked && !otherWorkFirst && !awaitsCall) {
    const some = readPaths(context, fn, reader, depth, pastCache, 'some');
    if (some.first || namedCalls(some).length > calls.length) return { ...some, branches: true };
    // Only when a caller asks for it (`if (withOwner) await loadOwner(...)`): a call that asks runs it, per item when in a loop.
    const onRequest = readPaths(context, fn, reader, depth, pastCache, 'asked');
    if (onRequest.askedBy) return { ...onRequest, branches: true };
  }
  const askedBy = paths === 'asked' && asked.size > 0 && (first || calls.length > 0) ? [...asked] : undefined;
  return { ...(first && { first }), ...(site && { site }), calls, checks, cacheFirst, ...(askedBy && { askedBy }) };
}

/** `Promise.all([...])` or `Promise.allSettled([...])` over a list written in place: the work is the calls of the list. */
function combinesList(context: RuleContext, call: TSESTree.CallExpression): boolean {
  return awaitsTogether(context, call) && call.arguments[0]?.type === AST_NODE_TYPES.ArrayExpression;
}

/** `await call` ('direct'), or a call of the list an awaited `Promise.all([...])` waits on ('listed'), also on a branch (`seen ? countViews(id) : Promise.resolve(0)`). */
function awaitedHere(context: RuleContext, call: TSESTree.CallExpression): 'direct' | 'listed' | undefined {
  if (call.parent?.type === AST_NODE_TYPES.AwaitExpression) return 'direct';
  // `Promise.resolve(0)` in the list stands in for a call not asked for: nothing to wait on.
  if (globalPromiseMethod(context, call) === 'resolve') return undefined;
  let element: TSESTree.Node = call;
  while (element.parent?.type === AST_NODE_TYPES.ConditionalExpression && element.parent.test !== element) element = element.parent;
  const list = element.parent;
  const combinator = list?.type === AST_NODE_TYPES.ArrayExpression ? list.parent : undefined;
  const together =
    combinator?.type === AST_NODE_TYPES.CallExpression && combinesList(context, combinator) && combinator.parent?.type === AST_NODE_TYPES.AwaitExpression;
  return together ? 'listed' : undefined;
}

/** `cache.set(key, row)`, `loaded[key] = row`: a function that stores what it loaded, so each new key misses once. */
function fillsCache(body: TSESTree.Node): boolean {
  let fills = false;
  visitAll(body, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) fills = true;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(node.callee) === 'set')
      fills = true;
  });
  return fills;
}

/**
 * Whether a function awaits only on a cache miss: in the branch of `if (!cached) return await load(key);`, or after
 * `if (cached) return cached;`. An await elsewhere (`const cached = await redis.get(key)`) waits on every call.
 */
function awaitsOnlyPast(body: TSESTree.Node, cacheCheck: TSESTree.IfStatement): boolean {
  const miss: [number, number] = testsMiss(cacheCheck.test) ? cacheCheck.consequent.range : [cacheCheck.range[1], body.range[1]];
  let past = false;
  let elsewhere = false;
  visitWithinFunction(body, (node) => {
    if (node.type !== AST_NODE_TYPES.AwaitExpression) return;
    if (node.range[0] >= miss[0] && node.range[1] <= miss[1]) past = true;
    else elsewhere = true;
  });
  return past && !elsewhere;
}

/** What a function runs on some of its branches only: a caller names it only when nothing it runs on every call does. */
function onBranches(summary: FunctionSummary): FunctionSummary {
  const site = summary.site?.kind === 'read' ? { ...summary.site, branch: true as const } : summary.site;
  return site ? { ...summary, site } : summary;
}

/**
 * Whether each case of a switch that does something (two at least) awaits, leaving aside those that only throw or stop;
 * `return { ...block, id: await check(id) }` stops after waiting on work (`return this.cache.get(key)` waits on none).
 */
function everyCaseAwaits(node: TSESTree.SwitchStatement): boolean {
  const working = node.cases.filter((branch) => branch.consequent.some((statement) => !STOPS.has(statement.type) || awaitsIn(statement)));
  return working.length >= 2 && working.every((branch) => branch.consequent.some((statement) => awaitsIn(statement)));
}

const STOPS: ReadonlySet<AST_NODE_TYPES> = new Set([AST_NODE_TYPES.ThrowStatement, AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ReturnStatement]);

/** Whether a statement awaits, outside the functions it creates. */
function awaitsIn(statement: TSESTree.Node): boolean {
  let found = false;
  visitWithinFunction(statement, (node) => {
    found ||= node.type === AST_NODE_TYPES.AwaitExpression;
  });
  return found;
}

/**
 * `this.useConfigFile() ? configDocs : await collection.findOne(...)`: a call without arguments that is not a cache look-up tests
 * how the deployment runs, not the item, so every call of a loop takes the same branch; the one after it is the usual path.
 */
function testsMode(context: RuleContext, test: TSESTree.Expression): boolean {
  const call = unwrapExpression(test);
  return call.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 0 && !isCacheLookup(context, call);
}

/** `this.name(...)`, `super.name(...)`: a call of a method of the object itself. */
/** `.catch(handler)`, `.then(map)`, `.finally(done)` on the promise a call returns. */
function handlesPromiseOfCall(call: TSESTree.CallExpression): boolean {
  const step = promiseStep(call);
  return step !== undefined && unwrapExpression(step.promise).type === AST_NODE_TYPES.CallExpression;
}

function callsOwnMethod(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression && (callee.object.type === AST_NODE_TYPES.ThisExpression || callee.object.type === AST_NODE_TYPES.Super)
  );
}

/**
 * Which inputs of a function reach the values its queries are given, anywhere in its body (behind a
 * condition, after its first write): a query it runs, a function of its file that runs one (through
 * what the call hands it), and the calls of other files it hands inputs to, kept for the project to resolve.
 */
function queryInputs(
  context: RuleContext,
  fn: FunctionNode,
  reader: CallReader,
  depth: number,
): { inputs?: string[]; inputCalls?: InputCall[]; writes?: number; alsoWrites?: WriteFact } {
  const origins = functionInputReader(fn);
  const inputs = new Set<string>();
  const inputCalls = new Map<string, InputCall>();
  let known = true;
  let writes = 0;
  let alsoWrites: WriteFact | undefined;
  const add = (found: () => ReadonlySet<string> | undefined): void => {
    const read = known ? found() : undefined;
    if (read) for (const input of read) inputs.add(input);
    else known = false;
  };
  const handTo = (call: Omit<CallRef, keyof CallSite>, read: () => ReadonlySet<string> | undefined): void => {
    const reads = known ? read() : undefined;
    if (!reads) known = false;
    if (!reads || reads.size === 0) return;
    const id = `${call.module}\0${call.path.join('.')}`;
    const { module, path, instance, repository, executes, invoked, made, held, required, heldArgument } = call;
    const kept = inputCalls.get(id) ?? {
      module,
      path,
      ...(heldArgument !== undefined && { heldArgument }),
      ...(instance && { instance }),
      ...(repository && { repository }),
      ...(executes && { executes }),
      ...(invoked && { invoked }),
      ...(made && { made }),
      ...(held && { held }),
      ...(required && { required }),
      reads: [],
    };
    kept.reads = [...new Set([...kept.reads, ...reads])];
    inputCalls.set(id, kept);
    if (inputCalls.size > MAX_INPUT_CALLS) known = false;
  };
  visitAll(fn.body as TSESTree.Node, (node) => {
    // A lazy relation read on a handed row (`await role.permissions`) reads that row.
    if (node.type === AST_NODE_TYPES.MemberExpression && node.parent.type === AST_NODE_TYPES.AwaitExpression && reader.relationOf(context, node, fn))
      add(() => originsOf(context, node.object, undefined, origins));
    if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.TaggedTemplateExpression) return;
    const local = node.type === AST_NODE_TYPES.CallExpression ? localFunction(context, node.callee) : undefined;
    // A function written inside this one is read where it is written; a call of itself adds nothing new.
    if (local && (local === fn || contains(fn, local))) return;
    if (local) {
      const inner = depth < MAX_CHAIN_DEPTH ? summarizeFunction(context, local, reader, depth + 1) : undefined;
      if (inner && !inner.site && !inner.calls) return;
      writes += inner?.writes ?? (inner?.site?.kind === 'write' ? 1 : 0);
      alsoWrites ??= inner && writeOf(inner.site, inner.alsoWrites);
      add(() => originsThroughCall(context, node, inner?.inputs, origins));
      for (const call of inner?.inputCalls ?? []) handTo(call, () => originsThroughCall(context, node, call.reads, origins));
      return;
    }
    const found = reader.queryOf(context, node, depth);
    if (found && setsSession(node)) return;
    if (found && !('module' in found)) {
      // The query written here reads what its chain is given; a function of another file's, what this call hands it.
      const here = found.file === context.fileName && node.range[0] <= found.start && found.start < node.range[1];
      writes += here ? (found.kind === 'write' ? 1 : 0) : (found.writes ?? (found.kind === 'write' ? 1 : 0));
      alsoWrites ??= writeOf(found, found.alsoWrites);
      add(() => (here ? chainOrigins(context, node, origins) : originsThroughCall(context, node, found.inputs, origins)));
      return;
    }
    // A query of another file's client (`this.db(TABLE).where({ name })`) or a call of another file's function: its whole chain is handed to it.
    const ref = found ?? callRef(context, node);
    // A builder run later (`let query = db.selectFrom(...); query = query.where('id', '=', id)`) also reads what its later steps are given.
    if (ref && !isOnResult(ref))
      handTo(ref, () =>
        ref.executes && node.type === AST_NODE_TYPES.CallExpression
          ? chainOrigins(context, node, origins)
          : originsOf(context, chainOf(node), undefined, origins),
      );
  });
  const composite = { ...(writes > 1 && { writes }), ...(alsoWrites && { alsoWrites }) };
  if (!known) return composite;
  return { inputs: [...inputs], ...(inputCalls.size > 0 && { inputCalls: [...inputCalls.values()] }), ...composite };
}

/** `throw new ConflictException(...)`, or a block that ends in one. */
function throws(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.at(-1)?.type === AST_NODE_TYPES.ThrowStatement;
}

function sameModel(read: QuerySite | undefined, write: QuerySite): boolean {
  return read !== undefined && write.model !== undefined && read.library === write.library && read.model === write.model;
}

/** The write a site runs, or else the one its function also runs. */
function writeOf(site: QuerySite | undefined, alsoWrites: WriteFact | undefined): WriteFact | undefined {
  if (site?.kind !== 'write') return site?.alsoWrites ?? alsoWrites;
  const { model, operation, saves, statement, dynamicSql } = site;
  return { operation, ...(model !== undefined && { model }), ...(saves && { saves }), ...(statement && { statement }), ...(dynamicSql && { dynamicSql }) };
}

/** The inputs a query written here reads: through its chain, and the steps taken later on the variable it is kept in. */
function chainOrigins(
  context: RuleContext,
  node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression,
  origins: OriginReader,
): ReadonlySet<string> | undefined {
  const inputs = new Set<string>();
  for (const part of [chainOf(node), ...(node.type === AST_NODE_TYPES.CallExpression ? heldBuilderSteps(context, node) : [])]) {
    const read = originsOf(context, part, undefined, origins);
    if (!read) return undefined;
    for (const input of read) inputs.add(input);
  }
  return inputs;
}

/** The whole chain a query call starts (`db('users').where({ id }).first()`), whose steps also take its values. */
function chainOf(node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): TSESTree.Node {
  return node.type === AST_NODE_TYPES.CallExpression ? callChainTop(node) : node;
}

/**
 * The modules outside the database of the calls a function awaits (`fetch(url)`,
 * `stripe.subscriptions.cancel(id)`), anywhere in its body or in a function of its file that it
 * calls, and the functions of other files it awaits: a loop over its calls waits on that work as
 * much as on its query.
 */
/** Where the work awaited on one branch only goes; without one, it counts with the rest. */
interface BranchWork {
  modules: Set<string>;
  awaits: AwaitedCall[];
}

function awaitedModules(
  context: RuleContext,
  fn: FunctionNode,
  reader: CallReader,
  depth: number,
  modules: Set<string>,
  awaits: AwaitedCall[],
  branch?: BranchWork,
): void {
  // An overload or abstract method has no body.
  const body = fn.body as FunctionNode['body'] | null | undefined;
  if (!body) return;
  // `return this.writeOne(doc)`: whoever awaits this function awaits what that function of its file awaits.
  const followReturned = (returned: TSESTree.Node): void => {
    const call = unwrapExpression(returned);
    const local = call.type === AST_NODE_TYPES.CallExpression && depth < MAX_CHAIN_DEPTH ? localFunction(context, call.callee) : undefined;
    if (local && local !== fn) awaitedModules(context, local, reader, depth + 1, modules, awaits, branch);
  };
  if (body.type !== AST_NODE_TYPES.BlockStatement) followReturned(body);
  visitWithinFunction(body, (node) => {
    if (node.type === AST_NODE_TYPES.NewExpression) promisedModules(context, node, reader, modules);
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && !inCatchClause(node, body)) followReturned(node.argument);
    // A `catch` runs on a failure only (`await logger.flush()` after an error): not work each call does.
    if (node.type !== AST_NODE_TYPES.AwaitExpression || inCatchClause(node, body)) return;
    // A branch for some calls only (`if (mount.type === 'file') await copyToHost(mount)`) is kept apart.
    const onBranch = branch !== undefined && (inOneBranch(node, body) || perAwaitedRow(context, node, body));
    const intoModules = onBranch ? branch.modules : modules;
    const intoAwaits = onBranch ? branch.awaits : awaits;
    for (const call of awaitedCalls(context, node)) {
      if (intoModules.size >= MAX_MODULES) return;
      const module = reader.foreignModuleOf(context, call.callee);
      // `await withBusyRetry(() => db.insert(...))` with the helper of the project: what it waits on is the query of the callback it runs.
      const callbacks =
        module !== undefined && depth < MAX_CHAIN_DEPTH && isProjectModule(projectModelsOf(context), module) ? handedCallbacks(context, call) : [];
      const reaching = callbacks.flatMap((callback) => {
        const reached = callbackReach(context, callback, reader, depth + 1);
        return reached ? [{ callback, reached }] : [];
      });
      if (module !== undefined && reaching.length === 0) intoModules.add(module);
      for (const { callback, reached } of reaching) {
        for (const inner of reached) if (intoModules.size < MAX_MODULES) intoModules.add(inner);
        callbackModules(context, callback, reader, depth + 1, intoModules, intoAwaits);
      }
      const local = depth < MAX_CHAIN_DEPTH ? localFunction(context, call.callee) : undefined;
      if (local && local !== fn) awaitedModules(context, local, reader, depth + 1, intoModules, intoAwaits, branch);
      else if (module !== undefined && module !== GLOBAL_FETCH && intoAwaits.length < MAX_MODULES) {
        // `await ses.send(...)` on a client that `getSesClient()` of another file made: that factory tells where the call goes.
        const ref = awaitedRef(context, call, reader.receiverMaker);
        if (ref && ref.path.length <= 2) intoAwaits.push({ module: ref.module, path: ref.path });
      }
    }
  });
}

/**
 * The files of the project a callback runs a query or calls into, as far as this file tells (none for a query of its own), which say
 * whether its work leaves the project; undefined when it tells nothing, and the helper running it is then the work.
 */
function callbackReach(context: RuleContext, callback: FunctionNode, reader: CallReader, depth: number): string[] | undefined {
  const summary = summarizeFunction(context, callback, reader, depth);
  const modules = [...new Set((summary.calls ?? []).map((ref) => ref.module).filter((module) => isProjectModule(projectModelsOf(context), module)))];
  return summary.site || modules.length > 0 ? modules : undefined;
}

/** What a callback a helper runs awaits, and the call an arrow written as one expression hands back for the helper to await. */
function callbackModules(context: RuleContext, callback: FunctionNode, reader: CallReader, depth: number, modules: Set<string>, awaits: AwaitedCall[]): void {
  awaitedModules(context, callback, reader, depth, modules, awaits);
  const returned = callback.body.type === AST_NODE_TYPES.BlockStatement ? undefined : unwrapExpression(callback.body);
  const module = returned?.type === AST_NODE_TYPES.CallExpression ? reader.foreignModuleOf(context, returned.callee) : undefined;
  if (module === undefined || modules.size >= MAX_MODULES) return;
  modules.add(module);
  const ref = module === GLOBAL_FETCH ? undefined : awaitedRef(context, returned as TSESTree.CallExpression, reader.receiverMaker);
  if (ref && ref.path.length <= 2 && awaits.length < MAX_MODULES) awaits.push({ module: ref.module, path: ref.path });
}

function projectModelsOf(context: RuleContext): ProjectModels | undefined {
  return context.options.project.models as ProjectModels | undefined;
}

/**
 * `new Promise((resolve) => { conn.on('ready', () => conn.exec(command, …)) })`: a package's callback API
 * wrapped in a promise, whose executor (and the callbacks it hands over) calls into that package.
 */
function promisedModules(context: RuleContext, made: TSESTree.NewExpression, reader: CallReader, modules: Set<string>): void {
  const executor = made.arguments[0];
  if (made.callee.type !== AST_NODE_TYPES.Identifier || made.callee.name !== 'Promise' || !isGlobalReference(context, made.callee)) return;
  if (!executor || !isFunction(executor)) return;
  visitAll(executor.body, (node) => {
    if (modules.size >= MAX_MODULES || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)) return;
    const module = reader.foreignModuleOf(context, node.callee);
    if (module !== undefined) modules.add(module);
  });
}

/** `return new SESv2Client({ region })` on every path of a function: the package, not a database's, whose client it makes. */
function packageClientMade(context: RuleContext, fn: FunctionNode, reader: CallReader): string | undefined {
  const made = new Set<string | undefined>();
  const add = (value: TSESTree.Node | null | undefined): void => {
    const inner = value && unwrapExpression(value);
    const module = inner?.type === AST_NODE_TYPES.NewExpression ? reader.foreignModuleOf(context, inner.callee) : undefined;
    made.add(module !== undefined && module !== GLOBAL_FETCH && !isLocalModule(module) ? module : undefined);
  };
  if (fn.body?.type === AST_NODE_TYPES.BlockStatement) {
    visitWithinFunction(fn.body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement) add(node.argument);
    });
  } else add(fn.body);
  return made.size === 1 ? [...made][0] : undefined;
}

/**
 * The calls an `await` waits on: its own (only an awaited call is known to be asynchronous work, a
 * returned one may build a value: `return O.some(user)`), or each call of an array awaited
 * together (`await Promise.allSettled([sendBatchEmail(...), prisma.sentEmail.create(...)])`,
 * `await Promise.all(chunks.map((chunk) => sendBatchEmail(chunk)))`).
 */
function awaitedCalls(context: RuleContext, awaited: TSESTree.AwaitExpression): TSESTree.CallExpression[] {
  const call = unwrapExpression(awaited.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return [];
  const list = awaitsTogether(context, call) ? call.arguments[0] && unwrapExpression(call.arguments[0]) : undefined;
  const mapped = list && mappedCall(list);
  if (mapped) return [mapped];
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return [call];
  return list.elements.flatMap((element) => {
    const inner = element && element.type !== AST_NODE_TYPES.SpreadElement ? unwrapExpression(element) : undefined;
    return inner?.type === AST_NODE_TYPES.CallExpression ? [inner] : [];
  });
}

/** `Promise.all(...)` or `Promise.allSettled(...)` on the global `Promise`: every call handed to it runs. */
function awaitsTogether(context: RuleContext, call: TSESTree.CallExpression): boolean {
  return /^(?:all|allSettled)$/.test(globalPromiseMethod(context, call) ?? '');
}

/** `all` of `Promise.all(...)`, `resolve` of `Promise.resolve(0)`: the method of the global `Promise` a call runs. */
function globalPromiseMethod(context: RuleContext, call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  const onPromise =
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Promise' &&
    isGlobalReference(context, callee.object);
  return onPromise ? propertyName(callee) : undefined;
}

/** `chunks.map((chunk) => sendBatchEmail(chunk))`: the call an arrow written as one expression makes for each item. */
function mappedCall(list: TSESTree.Node): TSESTree.CallExpression | undefined {
  if (list.type !== AST_NODE_TYPES.CallExpression || list.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(list.callee) !== 'map')
    return undefined;
  const callback = list.arguments[0];
  const body = callback?.type === AST_NODE_TYPES.ArrowFunctionExpression && callback.expression ? unwrapExpression(callback.body) : undefined;
  return body?.type === AST_NODE_TYPES.CallExpression ? body : undefined;
}

const MAX_MODULES = 8;

function inCatchClause(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== body; current = current.parent) if (current.type === AST_NODE_TYPES.CatchClause) return true;
  return false;
}

/**
 * Whether `node` runs only on one branch of a choice within `body`: an `if` without an `else` that also awaits,
 * one side of `?:` or of `&&`/`||`/`??`, or a `case` of a `switch`.
 */
function inOneBranch(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== body; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement && child !== current.test) {
      const other = child === current.consequent ? current.alternate : current.consequent;
      if (!other || !awaitsIn(other)) return true;
    }
    if (current.type === AST_NODE_TYPES.ConditionalExpression && child !== current.test) return true;
    if (current.type === AST_NODE_TYPES.LogicalExpression && child === current.right) return true;
    if (current.type === AST_NODE_TYPES.SwitchCase) return true;
  }
  return false;
}

/**
 * `const removed = await prisma.org.delete(...); for (const dir of removed.directories) await purge(dir.id)`: work once per row
 * that an awaited call of the function returned, which may be none, so not work each call does.
 */
function perAwaitedRow(context: RuleContext, node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== body; child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.ForOfStatement || child !== current.body) continue;
    let list = unwrapExpression(current.right);
    while (list.type === AST_NODE_TYPES.MemberExpression) list = unwrapExpression(list.object);
    const declarator = list.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, list)?.defs[0]?.node : undefined;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init?.type === AST_NODE_TYPES.AwaitExpression && contains(body, declarator))
      return true;
  }
  return false;
}

/** Stands for the global `fetch` among the modules a function calls into. */
export const GLOBAL_FETCH = '';

/**
 * Whether a module a call from `fromFile` goes into is outside the project and its database: a
 * package, the global `fetch`, or a file of the project that the index holds nothing for, since
 * only files that reach a database, or import one that does, are indexed.
 */
export function isOutsideProject(models: ProjectModels | undefined, fromFile: string, module: string): boolean {
  if (module === GLOBAL_FETCH || !isProjectModule(models, module)) return true;
  if (!models) return false;
  const key = moduleKey(models, fromFile, module);
  return key === undefined || !indexed(models, key);
}

/**
 * Whether some of a function's awaited modules are outside the project, or a function of another file it awaits awaits such work;
 * without `branches`, only what it awaits on every call (the work beside the query it runs).
 */
function leavesProject(models: ProjectModels | undefined, fromFile: string, summary: FunctionSummary, outsideAt: OutsideAt, branches = true): boolean {
  // A maker of a package's client: what is awaited on the client it returns leaves the project.
  if (summary.makes !== undefined) return true;
  const outside = (module: string): boolean => !JOB_QUEUES.has(module) && isOutsideProject(models, fromFile, module);
  if (summary.otherWork?.some(outside) || (branches && summary.branchWork?.some(outside))) return true;
  if (!models) return false;
  // A function awaited on every call takes along what it awaits on every call of its own; one awaited in a branch, what it may await.
  const awaitsOutside =
    (everyCall: boolean) =>
    (call: AwaitedCall): boolean => {
      const key = moduleKey(models, fromFile, call.module);
      return key !== undefined && outsideAt(key, call.path, everyCall);
    };
  return !!summary.awaits?.some(awaitsOutside(!branches)) || (branches && !!summary.branchAwaits?.some(awaitsOutside(false)));
}

/** Job queue packages: adding a job writes it to the queue's own store, a short write beside the function's queries, not a service the loop waits on. */
const JOB_QUEUES: ReadonlySet<string> = new Set(['bullmq', 'bull', 'bee-queue', 'pg-boss']);

/** Whether the function or method at a path of a file awaits work outside the project and its database, as the project index knows it; with `everyCall`, on every call. */
export type OutsideAt = (key: string, path: readonly string[], everyCall: boolean) => boolean;

/** Prisma's, TypeORM's, Knex's, Sequelize's and MikroORM's; pg-promise's transactions and tasks (a connection held for the callback). */
export const TRANSACTION_METHODS: ReadonlySet<string> = new Set(['$transaction', 'transaction', 'transactional', 'tx', 'txIf', 'task', 'taskIf']);

/**
 * The client a transaction is opened on: `prisma` of `prisma.$transaction(fn)`, or the first
 * argument of a project's own helper named after Prisma's, which opens one on the client it is
 * handed (`$transaction(prisma, 'create env var', async (tx) => ...)`).
 */
export function transactionClient(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'execute') return builtTransactionClient(callee.object);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return TRANSACTION_METHODS.has(propertyName(callee) ?? '') ? callee.object : undefined;
  const client = call.arguments[0];
  return callee.type === AST_NODE_TYPES.Identifier &&
    callee.name === '$transaction' &&
    client &&
    !isFunction(client) &&
    client.type !== AST_NODE_TYPES.SpreadElement
    ? client
    : undefined;
}

/** Kysely's settings of a transaction it builds before running it: `db.transaction().setIsolationLevel('serializable').execute(fn)`. */
const TRANSACTION_SETTINGS: ReadonlySet<string> = new Set(['setIsolationLevel', 'setAccessMode']);

/** `db` of Kysely's `db.transaction().execute(fn)`: a transaction built with no argument, then run with the callback. */
function builtTransactionClient(builder: TSESTree.Node): TSESTree.Node | undefined {
  let current = unwrapExpression(builder);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(callee);
    if (name === 'transaction') return current.arguments.length === 0 ? callee.object : undefined;
    if (!TRANSACTION_SETTINGS.has(name ?? '')) return undefined;
    current = unwrapExpression(callee.object);
  }
  return undefined;
}

/**
 * The statements a batch transaction is handed that its call's arguments do not hold as they are: those an array callback
 * returns (`$transaction(rows.map((row) => prisma.price.upsert(...)))`), and those of an array kept in a `const` first.
 */
function batchedStatements(context: RuleContext, call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const callee = unwrapExpression(call.callee);
  const argument = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== '$transaction' || !argument) return [];
  let batch: TSESTree.Node = unwrapExpression(argument);
  if (batch.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, batch)?.defs[0];
    const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    if (!declarator?.init || declarator.id !== definition?.name) return [];
    batch = unwrapExpression(declarator.init);
  } else if (batch.type === AST_NODE_TYPES.ArrayExpression) return [];
  const returned: TSESTree.Node[] = [];
  if (batch.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of batch.elements) if (element && element.type !== AST_NODE_TYPES.SpreadElement) returned.push(element);
  } else if (batch.type === AST_NODE_TYPES.CallExpression && batch.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(batch.callee) === 'map') {
    const callback = batch.arguments[0];
    if (callback && isFunction(callback)) {
      if (callback.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(callback.body);
      else
        visitWithinFunction(callback.body, (node) => {
          if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
        });
    }
  }
  return returned.map((node) => unwrapExpression(node)).filter((node): node is TSESTree.CallExpression => node.type === AST_NODE_TYPES.CallExpression);
}

/** The callback of `prisma.$transaction(async (tx) => ...)`, `sequelize.transaction(async (t) => ...)`, `em.transactional(...)`, `$transaction(prisma, fn)`: it runs once per call. */
export function transactionCallback(call: TSESTree.CallExpression): FunctionNode | undefined {
  if (!transactionClient(call)) return undefined;
  return call.arguments.find((argument): argument is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression => isFunction(argument));
}

/** Retry packages whose exported function runs the callback it is handed, again on a failure. */
const RETRY_PACKAGES: ReadonlySet<string> = new Set(['p-retry', 'async-retry', 'promise-retry', 'exponential-backoff', 'ts-retry-promise']);

/**
 * `await withDbRetry(() => prisma.delivery.update(...))`, `await withTransaction(ctx, async (tx) => ...)`,
 * `await this.lock.dispatch(id, async () => ...)`: the inline callback an awaited helper is handed, when the helper runs it on
 * every call: a function of this file that calls that parameter, one imported from the project, a method of an object of the
 * project (a lock, a mutex), or a retry package's. `return runOnStore({ [SQL]: () => ..., [COLUMNAR]: () => ... })`: the
 * functions of an object a helper is handed, when it runs one of them (`queries[store]()`): each may be the one that runs.
 */
export function handedCallbacks(context: RuleContext, call: TSESTree.CallExpression): FunctionNode[] {
  if (!awaitedOrReturned(call) || (call.parent?.type !== AST_NODE_TYPES.AwaitExpression && enclosingFunction(call)?.async !== true)) return [];
  const index = call.arguments.findIndex((argument) => isFunction(argument));
  const callback = call.arguments[index];
  if (callback && isFunction(callback))
    return !loadsFixedCacheKey(call, index) && (runsCallbackAt(context, call.callee, index) || callsProjectMethod(context, call)) ? [callback] : [];
  const entries = call.arguments.findIndex((argument) => functionEntries(argument) !== undefined);
  return entries >= 0 && runsCallbackAt(context, call.callee, entries, true) ? functionEntries(call.arguments[entries]!)! : [];
}

/** The functions an object literal holds, when it holds nothing else (`{ [SQL]: () => ..., columnar: async () => ... }`). */
function functionEntries(argument: TSESTree.Node): FunctionNode[] | undefined {
  const object = unwrapExpression(argument);
  if (object.type !== AST_NODE_TYPES.ObjectExpression || object.properties.length === 0) return undefined;
  const values = object.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? unwrapExpression(property.value) : property));
  return values.every((value) => isFunction(value)) ? (values as FunctionNode[]) : undefined;
}

/** `this.cache.get(ctx, CacheKey.Settings, () => load())`: a loader behind a key that never changes runs once for the cache's life, not per call. */
function loadsFixedCacheKey(call: TSESTree.CallExpression, index: number): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !CACHE_LOOKUPS.test(propertyName(callee) ?? '')) return false;
  const before = call.arguments.slice(0, index).map((argument) => unwrapExpression(argument));
  // A key made per call (`keys.themes(projectId)`, `` `themes:${id}` ``) varies, whatever constant (a TTL) sits beside it.
  if (
    before.some(
      (argument) =>
        argument.type === AST_NODE_TYPES.CallExpression ||
        argument.type === AST_NODE_TYPES.BinaryExpression ||
        (argument.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length > 0),
    )
  )
    return false;
  return before.some((key) => {
    if (key.type === AST_NODE_TYPES.Literal) return typeof key.value === 'string';
    if (key.type === AST_NODE_TYPES.TemplateLiteral) return key.expressions.length === 0;
    return key.type === AST_NODE_TYPES.MemberExpression && !key.computed && key.object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(key.object.name);
  });
}

const CACHE_LOOKUPS = /^(?:get|getOrSet|getOrCreate|remember|wrap)$/;

/** `this.lock.dispatch(...)`, `queue.run(...)` with `queue` a class of the project: a method whose code is the project's. */
function callsProjectMethod(context: RuleContext, call: TSESTree.CallExpression): boolean {
  if (unwrapExpression(call.callee).type !== AST_NODE_TYPES.MemberExpression) return false;
  const ref = callRef(context, call);
  return !!ref && ref.path.length > 1 && isProjectModule(projectModelsOf(context), ref.module);
}

/** Whether the helper runs the function it is handed at `index`, or with `entries` one of the functions of the object there (`queries[key]()`). */
function runsCallbackAt(context: RuleContext, callee: TSESTree.Node, index: number, entries = false): boolean {
  const local = localFunction(context, callee);
  if (local) {
    const parameter = local.params[index];
    const name =
      parameter?.type === AST_NODE_TYPES.Identifier
        ? parameter.name
        : parameter?.type === AST_NODE_TYPES.AssignmentPattern && parameter.left.type === AST_NODE_TYPES.Identifier
          ? parameter.left.name
          : undefined;
    const body = local.body as FunctionNode['body'] | null | undefined;
    let called = false;
    if (name !== undefined && body)
      visitAll(body, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return;
        const target = unwrapExpression(node.callee);
        const holder = entries && target.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(target.object) : target;
        if (holder.type === AST_NODE_TYPES.Identifier && holder.name === name && (target !== holder) === entries) called = true;
      });
    return called;
  }
  const node = unwrapExpression(callee);
  if (node.type !== AST_NODE_TYPES.Identifier || resolveVariable(context, node)?.defs[0]?.type !== 'ImportBinding') return false;
  const member = resolveModuleMember(context, node);
  return !!member && (RETRY_PACKAGES.has(member.module) || isProjectModule(context.options.project.models as ProjectModels | undefined, member.module));
}

/**
 * `if (options?.signedUrls)`, `if (!id && teamId)` with `teamId?: string`, `if (audit)` with `audit: boolean`: the positions of the
 * inputs a test reads that the caller may leave out (optional, defaulted, or read from such an object) or a flag it sets, whose
 * branch runs when a caller asks for it.
 */
function optionalInputsTested(context: RuleContext, fn: FunctionNode, test: TSESTree.Node): number[] {
  const found = new Set<number>();
  visitWithinFunction(test, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier) return;
    const definition = resolveVariable(context, node)?.defs[0];
    if (definition?.type !== 'Parameter' || definition.node !== fn) return;
    let optional = definition.name.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSBooleanKeyword;
    let parameter: TSESTree.Node = definition.name;
    // From the binding up to the parameter: a default or a `?` on the way makes it optional; `audit: boolean` is a flag the caller sets.
    for (let current: TSESTree.Node | undefined = definition.name; current && current !== fn; current = current.parent) {
      if (current.type === AST_NODE_TYPES.AssignmentPattern || (current.type === AST_NODE_TYPES.Identifier && current.optional)) optional = true;
      parameter = current;
    }
    if (optional) found.add(fn.params.indexOf(parameter as TSESTree.Parameter));
  });
  return [...found];
}

/**
 * What a call of a function runs, as its summary says: a query it runs only when asked (see `QuerySite.askedBy`) counts
 * when the call hands anything but `false`, `null`, `undefined` or nothing for those parameters.
 */
export function askedSite(summary: FunctionSummary, call: TSESTree.CallExpression, handsArguments = true): FunctionSummary {
  if (!summary.askedBy) return summary;
  const { askedBy, ...rest } = summary;
  return handsArguments && askedBy.some((index) => asksWith(call.arguments[index])) ? rest : {};
}

/** The query another file's function runs, as `askedSite` tells it for this call. */
export function askedQuery(site: QuerySite | undefined, call: TSESTree.CallExpression): QuerySite | undefined {
  if (!site?.askedBy) return site;
  const { askedBy, ...rest } = site;
  return askedBy.some((index) => asksWith(call.arguments[index])) ? rest : undefined;
}

function asksWith(argument: TSESTree.Node | undefined): boolean {
  const value = argument && unwrapExpression(argument);
  if (!value || (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')) return false;
  return value.type !== AST_NODE_TYPES.Literal || !(value.value === false || value.value === null);
}

/** `if (!cached)`, `cache.has(key) ? … : …`, `map.get(key) ?? …`: a test of what a cache holds, whose branches run on a hit or a miss only. */
function testsCache(context: RuleContext, test: TSESTree.Node): boolean {
  // `cached && Date.now() - cached.at < TTL_MS`: a hit, named on its own, that is still fresh.
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '&&')
    return [test.left, test.right].some((side) => side.type === AST_NODE_TYPES.Identifier && testsCache(context, side));
  let inner: TSESTree.Node = test;
  // `serviceCache[name]`: an entry of a record keyed per call, read before the query.
  let keyed = false;
  while (
    inner.type === AST_NODE_TYPES.UnaryExpression ||
    inner.type === AST_NODE_TYPES.BinaryExpression ||
    inner.type === AST_NODE_TYPES.MemberExpression ||
    inner.type === AST_NODE_TYPES.ChainExpression
  ) {
    if (inner.type === AST_NODE_TYPES.MemberExpression && inner.computed && inner.property.type !== AST_NODE_TYPES.Literal) keyed = true;
    else if (keyed && inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.ThisExpression)
      return isInstanceRecord(context, inner);
    inner =
      inner.type === AST_NODE_TYPES.UnaryExpression
        ? inner.argument
        : inner.type === AST_NODE_TYPES.BinaryExpression
          ? inner.left
          : inner.type === AST_NODE_TYPES.ChainExpression
            ? inner.expression
            : inner.object;
  }
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = inner.argument;
  if (inner.type === AST_NODE_TYPES.CallExpression) return isCacheLookup(context, inner);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, inner)?.defs[0];
  if (definition?.type !== 'Variable') return false;
  if (keyed && isModuleRecord(definition.node as TSESTree.VariableDeclarator)) return true;
  let init = (definition.node as TSESTree.VariableDeclarator).init;
  if (init?.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
  return init?.type === AST_NODE_TYPES.CallExpression && isCacheLookup(context, init);
}

/** `this.byLibrary` of a class that sets it to `{}` and to nothing else: a record the instance keeps across calls, so a keyed read of it is a look-up of earlier results. */
function isInstanceRecord(context: RuleContext, field: TSESTree.MemberExpression): boolean {
  let declaration: TSESTree.Node | undefined = field.parent;
  while (declaration && declaration.type !== AST_NODE_TYPES.ClassDeclaration && declaration.type !== AST_NODE_TYPES.ClassExpression)
    declaration = declaration.parent;
  const name = propertyName(field);
  if (!declaration || name === undefined) return false;
  const declared = instanceFieldOf(field, name)?.value;
  const values = [...(declared ? [declared] : []), ...thisAssignments(context, declaration, name)];
  return values.length > 0 && values.every((value) => value.type === AST_NODE_TYPES.ObjectExpression && value.properties.length === 0);
}

/** `!cached`, `cached == null`, `cached === undefined`: a test that holds when the cache has nothing for the key. */
function testsMiss(test: TSESTree.Node): boolean {
  if (test.type === AST_NODE_TYPES.UnaryExpression) return test.operator === '!';
  return (
    test.type === AST_NODE_TYPES.BinaryExpression &&
    (test.operator === '==' || test.operator === '===') &&
    [test.left, test.right].some(
      (side) => (side.type === AST_NODE_TYPES.Literal && side.value === null) || (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined'),
    )
  );
}

/** `const serviceCache: Record<string, Service> = {}` at the top of a module: a record that outlives every call, so a keyed read of it is a look-up of earlier results. */
function isModuleRecord(declarator: TSESTree.VariableDeclarator): boolean {
  const declaration = declarator.parent;
  const scope = declaration.parent;
  const topLevel = scope?.type === AST_NODE_TYPES.Program || scope?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  const init = declarator.init && unwrapExpression(declarator.init);
  return topLevel && init?.type === AST_NODE_TYPES.ObjectExpression && init.properties.length === 0;
}

/**
 * `const cached = await cache.get(key); if (cached) return cached;`: the query after it runs
 * only on a miss, so the function is not counted as a query per call (see the rule's docs).
 */
export function returnsAfterCacheCheck(context: RuleContext, statement: TSESTree.IfStatement): boolean {
  const exits = (node: TSESTree.Statement): boolean =>
    node.type === AST_NODE_TYPES.ReturnStatement ||
    (node.type === AST_NODE_TYPES.BlockStatement && node.body.some((inner) => inner.type === AST_NODE_TYPES.ReturnStatement));
  return exits(statement.consequent) && testsCache(context, statement.test);
}

/** `cache.get(key)`, `map.has(key)`, `this.cacheService.fetch(key)`: a look-up of something kept from earlier calls. */
function isCacheLookup(context: RuleContext, call: TSESTree.CallExpression): boolean {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = context.text.slice(call.callee.object.range[0], call.callee.object.range[1]);
  const method = propertyName(call.callee);
  return method === 'get' || method === 'has' || /cache/i.test(receiver);
}

/** Where a node is in its file, as a site of a call. */
export function siteOf(context: RuleContext, node: TSESTree.Node, range: [number, number] = node.range): Omit<CallRef, 'module' | 'path'> {
  const { line, column } = context.shared.memo('lineIndex', () => new LineIndex(context.text)).position(range[0]);
  return {
    file: context.fileName,
    start: range[0],
    end: range[1],
    line,
    column,
    text: context.text.slice(range[0], range[1]).replace(/\s+/g, ''),
  };
}

/** Whether the object at the root of a member chain is bound by a default import (`import prisma from '...'`). */
function isDefaultImport(context: RuleContext, expression: TSESTree.Node, whole = false): boolean {
  let root = expression;
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, root)?.defs[0];
  // `const { rawQuery } = prisma` with `prisma` bound by a default import: a member of that export.
  const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
  if (declarator?.init && declarator.id !== definition!.name) return isDefaultImport(context, unwrapExpression(declarator.init), true);
  if (root === expression && !whole) return false;
  return definition?.type === 'ImportBinding' && definition.node.type === AST_NODE_TYPES.ImportDefaultSpecifier;
}

/** Whether the object at the root of a member chain is a module got by `require` (`require('./db').user`, `const db = require('./db')`). */
function isRequired(context: RuleContext, expression: TSESTree.Node): boolean {
  let root = unwrapExpression(expression);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, root)?.defs[0];
    const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    if (declarator?.id !== definition?.name || !declarator?.init) return false;
    root = unwrapExpression(declarator.init);
  }
  return root.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.Identifier && root.callee.name === 'require';
}

/**
 * The function or method of another file a call hands its work to: its `callRef`, or for a chain below a value a function made
 * (`stripe.subscriptions.cancel` after `const stripe = getStripe()`), that function.
 */
export function awaitedRef(
  context: RuleContext,
  call: TSESTree.CallExpression,
  receiverMaker: CallReader['receiverMaker'],
): Pick<CallRef, 'module' | 'path'> | undefined {
  const ref = callRef(context, call);
  // `const ses = getSesClient(); await ses.send(...)`: a method of a kept result goes where its maker says.
  const kept = ref?.made && call.callee.type === AST_NODE_TYPES.MemberExpression && call.callee.object.type === AST_NODE_TYPES.Identifier;
  return ref && ref.path.length <= 2 && !kept ? ref : (receiverMaker(context, call.callee) ?? ref);
}

/**
 * Whether a call is of a member of what a function of another file returns (`getContext()`, see `returnedClass`); a method right on
 * the handle a helper hands back (`db.selectFrom` of `const db = dbOrTx(this.db, trx)`, see `aliasedHandleClass`) is that handle's.
 */
function isOnResult(ref: CallRef): boolean {
  return ref.path[0]!.endsWith(CALLED) && !!ref.instance && ref.path.length > 2;
}

/** A call of a function, value or class method that another file exports, or undefined. */
export function callRef(context: RuleContext, call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): CallRef | undefined {
  const ref = callRefOf(context, call);
  if (!ref || call.type !== AST_NODE_TYPES.CallExpression) return ref;
  const statement = call.arguments[0] ? handedSqlWrite(context, call.arguments[0]) : undefined;
  const writeStep = objectionWrites(context, call);
  const key = ref.keyColumn ?? namedFilterColumn(call);
  const documentKey = key === undefined ? documentFilterColumn(call) : undefined;
  const sqlKeys = key === undefined ? handedSqlColumns(call) : undefined;
  // Of what another file's call hands on, only SQL text says it orders its rows: a member's name may be a model's (`db.order.findFirst`).
  const topRows = call.arguments.some(isSqlText) && takesTopRows(context, call, ref.path.at(-1)!);
  const issuedOnCall = ref.path.length > 1 && issuedBeforeFirstAwait(context, call);
  return statement || writeStep || key !== undefined || documentKey !== undefined || sqlKeys || topRows || issuedOnCall
    ? {
        ...ref,
        ...(issuedOnCall && { issuedOnCall }),
        ...(statement && { statement }),
        ...(writeStep && { writeStep }),
        ...(key !== undefined && { keyColumn: key }),
        ...(documentKey !== undefined && { documentKey }),
        ...(sqlKeys && { sqlKeys }),
        ...(topRows && { topRows }),
      }
    : ref;
}

/** A string or template argument: SQL text, where a call sends any. */
function isSqlText(argument: TSESTree.Node): boolean {
  return (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') || argument.type === AST_NODE_TYPES.TemplateLiteral;
}

/** What a function of a module that an expression names is, as a call of it would refer to it (`prisma.user.create`, `UserGroup.findTree`). */
export function moduleFunctionRef(context: RuleContext, callee: TSESTree.Node): CallRef | undefined {
  const imported = resolveModuleMember(context, callee);
  if (!imported || imported.module.startsWith('node:')) return undefined;
  // `prisma.user.create()` with `import prisma from '@acme/db'` runs `user.create` of the default export.
  const path = imported.path.length === 0 || isDefaultImport(context, callee) ? ['default', ...imported.path] : imported.path;
  return { module: imported.module, path, ...siteOf(context, callee), ...(isRequired(context, callee) && { required: true as const }) };
}

function callRefOf(context: RuleContext, call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): CallRef | undefined {
  const callee = call.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(call.callee) : undefined;
  return namedCallRef(context, call) ?? (callee?.type === AST_NODE_TYPES.MemberExpression ? madeRef(context, callee, true) : undefined);
}

/**
 * The function a member of an injected dependencies object stands for: `dependencies.getOwnerId` with
 * `dependencies = defaultDependencies` and `const defaultDependencies = { getOwnerId }`, or `dependencies` declared
 * `{ getOwnerId: typeof getOwnerId }`. Tests hand in stand-ins; every other caller runs the function named.
 */
export function injectedFunction(context: RuleContext, callee: TSESTree.MemberExpression): TSESTree.Node | undefined {
  const object = unwrapExpression(callee.object);
  const name = propertyName(callee);
  if (object.type !== AST_NODE_TYPES.Identifier || name === undefined) return undefined;
  const declared = resolveVariable(context, object)?.defs[0]?.name;
  const defaultValue = declared?.parent?.type === AST_NODE_TYPES.AssignmentPattern && declared.parent.left === declared ? declared.parent.right : object;
  const literal = constValueOf(context, defaultValue);
  if (literal?.type === AST_NODE_TYPES.ObjectExpression) {
    const property = literal.properties.find((entry) => entry.type === AST_NODE_TYPES.Property && keyName(entry) === name);
    return property?.type === AST_NODE_TYPES.Property ? property.value : undefined;
  }
  const type = declaredType(context, object);
  const member = type && objectTypeMembers(context, type).find((entry) => entry.type === AST_NODE_TYPES.TSPropertySignature && signatureName(entry) === name);
  const memberType = member?.type === AST_NODE_TYPES.TSPropertySignature ? member.typeAnnotation?.typeAnnotation : undefined;
  return memberType?.type === AST_NODE_TYPES.TSTypeQuery && memberType.exprName.type === AST_NODE_TYPES.Identifier ? memberType.exprName : undefined;
}

function namedCallRef(context: RuleContext, call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression): CallRef | undefined {
  const dispatched = call.type === AST_NODE_TYPES.CallExpression ? dispatchedRef(context, call) : undefined;
  if (dispatched) return dispatched;
  const callee = unwrapExpression(call.type === AST_NODE_TYPES.CallExpression ? call.callee : call.tag);
  const imported = moduleFunctionRef(context, callee);
  if (imported) return imported;
  const injected = callee.type === AST_NODE_TYPES.MemberExpression ? injectedFunction(context, callee) : undefined;
  const injectedRef = injected && moduleFunctionRef(context, injected);
  if (injectedRef) return { ...injectedRef, ...siteOf(context, callee) };
  // `getStreamFactory({ db })(id)`, written in place, runs what a kept `const getStream = getStreamFactory({ db })` does.
  const builtBy =
    callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.CallExpression || isThisMember(callee)
      ? madeFunctionRef(context, callee)
      : undefined;
  if (builtBy) return builtBy;
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const gotten = gottenClass(context, unwrapExpression(callee.object));
    const method = propertyName(callee);
    if (gotten && method !== undefined) return { module: gotten.module, path: [gotten.path[0]!, method], ...siteOf(context, callee), instance: true };
    const made = isHandingHandle(context, unwrapExpression(callee.object)) ? undefined : madeRef(context, callee);
    if (made) return made;
    const inherited = inheritedRef(context, callee);
    if (inherited) return { ...inherited, ...siteOf(context, callee), ...executesRef(context, call, inherited.path) };
  } else if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  // `this.users.find()`, `this.prisma.user.findMany()`: the members below an instance of an imported class, also through
  // destructuring (`const { users: { findUserById } } = queries`, `const { queries } = tenant`).
  const names: string[] = [];
  let object: TSESTree.Node = callee;
  for (let step = 0; names.length < MAX_MEMBERS && step < MAX_MEMBERS; step++) {
    if (object.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(object);
      if (!name) return undefined;
      names.unshift(name);
      object = transactionReceiver(context, unwrapExpression(object.object));
    } else if (object.type === AST_NODE_TYPES.CallExpression && object.arguments.length === 0 && object.callee.type === AST_NODE_TYPES.MemberExpression) {
      // `this.database.txClient().member.update(...)`: what a method that takes nothing hands out, kept as `txClient()` (see `CALLED`).
      const name = propertyName(object.callee);
      if (!name) return undefined;
      names.unshift(`${name}${CALLED}`);
      const receiver = object.callee;
      object = unwrapExpression(receiver.object);
      // `this.models().user().load(id)`: what a method the class inherits from a base of another file hands out.
      if (object.type === AST_NODE_TYPES.ThisExpression) {
        const provided = providedClass(context, receiver);
        if (provided) return { module: provided.module, path: [...provided.path, ...names.slice(1)], ...siteOf(context, callee) };
        const inherited = inheritedRef(context, receiver);
        return inherited?.instance ? { module: inherited.module, path: [inherited.path[0]!, ...names], ...siteOf(context, callee), instance: true } : undefined;
      }
    } else if (object.type === AST_NODE_TYPES.CallExpression && object.arguments.length > 0 && object.callee.type === AST_NODE_TYPES.MemberExpression) {
      return handedOutRef(context, object, names, callee);
    } else if (object.type === AST_NODE_TYPES.CallExpression && names.length > 1) {
      // `userCaller(ctx).notes.upsert(input)`
      return madeMemberRef(context, object, names, callee);
    } else if (object.type === AST_NODE_TYPES.ThisExpression) {
      const declared = declaredThisType(context, object);
      if (declared) return { module: declared.module, path: [...declared.path, ...names], ...siteOf(context, callee), instance: true };
      // `this.model.findByPk(id)` with `this.model = Task` in the constructor: the imported model itself.
      const held = names.length > 1 ? heldImport(context, callee, names[0]!) : undefined;
      if (held) return { module: held.module, path: [...(held.path.length > 0 ? held.path : ['default']), ...names.slice(1)], ...siteOf(context, callee) };
      // `this.model.findOne(...)` with `constructor(model) { this.model = model }`: what the subclasses hand `super(Task)`, named once the class is.
      const parameter = names.length > 1 ? heldParameter(callee, names[0]!) : undefined;
      return parameter === undefined
        ? undefined
        : { module: '', path: [HELD_ARGUMENT, ...names.slice(1)], ...siteOf(context, callee), heldArgument: parameter };
    } else if (object.type !== AST_NODE_TYPES.CallExpression) {
      // A call written in place (`dbOrTx(this.db, trx).insertInto(...)`) is read below, as the `const` it could be kept in.
      if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
      const source = destructuredSource(context, object);
      // `const trx = this.txContext.getCurrentTransaction()`: the handle a method that takes nothing hands out, read as that call.
      const handedOut: TSESTree.Node | undefined = source ? undefined : constantInit(context, object);
      if (handedOut && isHandingOut(handedOut)) {
        object = handedOut;
        continue;
      }
      const element = source ? undefined : typedParameterMember(context, object);
      if (element) return { module: element.module, path: [...element.path, ...names], ...siteOf(context, callee), instance: true };
      const handed = source ? undefined : handedParameterOf(context, object);
      if (handed)
        return {
          module: handed.module,
          path: [handed.name, ...names],
          ...siteOf(context, callee),
          handedTo: handed.handedTo,
          ...executesRef(context, call, names),
        };
      const fallback: TSESTree.Identifier | undefined = source ? undefined : defaultedImport(context, object);
      // `const table = await Table.findOne(name)`: what a static method of an imported class hands out, as `Table.findOne(name).getRows()` written in place.
      const kept = source || fallback ? undefined : constantCall(context, object);
      const finder = kept?.callee.type === AST_NODE_TYPES.MemberExpression ? resolveModuleMember(context, kept.callee) : undefined;
      if (finder?.path.length === 2 && isLocalModule(finder.module))
        return { module: finder.module, path: [finder.path[0]!, `${finder.path[1]}${CALLED}`, ...names], ...siteOf(context, callee) };
      if (!source && !fallback) return undefined;
      if (source) {
        names.unshift(...source.path);
        if (names.length > MAX_MEMBERS) return undefined;
      }
      object = fallback ?? unwrapExpression(source!.init);
      // `load(id)` of `const { load } = makeOps(db)` or `= await makeOps(db)`; a member of a destructured value is left to what makes clients.
      const made = object.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(object.argument) : object;
      const fromFactory =
        callee.type === AST_NODE_TYPES.Identifier && made.type === AST_NODE_TYPES.CallExpression ? madeMemberRef(context, made, names, callee) : undefined;
      if (fromFactory) return fromFactory;
    }
    const imported = object.type === AST_NODE_TYPES.Identifier ? (resolveModuleMember(context, object) ?? fallbackImport(context, object)) : undefined;
    if (imported && !imported.module.startsWith('node:'))
      return { module: imported.module, path: [...(imported.path.length > 0 ? imported.path : ['default']), ...names], ...siteOf(context, callee) };
    // A method right on a function's result is left to what makes clients (`const ses = getSesClient(); ses.send(...)`).
    const owner = instanceClass(context, object) ?? (names.length > 1 ? returnedClass(context, object) : undefined);
    // `const users = usersCollection(db); users.findOne({ email })`: the key matters if the project tells the factory makes a collection.
    const aliased = owner ? undefined : aliasedHandleClass(context, object);
    if (owner ?? aliased) {
      const key = aliased && handedKey(callee);
      return {
        module: (owner ?? aliased)!.module,
        path: [(owner ?? aliased)!.path[0] ?? 'default', ...names],
        ...siteOf(context, callee),
        instance: true,
        ...executesRef(context, call, names),
        ...(key !== undefined && { keyColumn: key }),
      };
    }
    const literal = object.type === AST_NODE_TYPES.Identifier ? declaredType(context, object) : undefined;
    const typed = literal && objectTypeMembers(context, literal).length > 0 ? importedTypeMember(context, literal, names) : undefined;
    // `deps.getStream(id)` with `deps: { getStream: GetStream }`: a call of the function type, as a destructured `getStream(id)` is.
    if (typed && (typed.path.length > 1 || names.length === 1))
      return { module: typed.module, path: typed.path, ...siteOf(context, callee), instance: true, ...executesRef(context, call, names) };
  }
  return undefined;
}

const MAX_MEMBERS = 4;

/** `mongoModule.client.collection('objects').findOne(…)`: a method of what a member of a project module hands out (see `memberOf`). */
function handedOutRef(context: RuleContext, call: TSESTree.CallExpression, names: readonly string[], callee: TSESTree.Node): CallRef | undefined {
  const method = propertyName(call.callee as TSESTree.MemberExpression);
  const owner = method === undefined ? undefined : resolveModuleMember(context, (call.callee as TSESTree.MemberExpression).object);
  if (!owner || owner.path.length === 0 || !isLocalModule(owner.module)) return undefined;
  return {
    module: owner.module,
    path: [...owner.path, `${method}${CALLED}`, ...names],
    ...siteOf(context, callee),
    ...(isRequired(context, call.callee) && { required: true as const }),
  };
}

/**
 * A member of what a call of a function of another file returns: one method, as the factory's (`load` of `makeOps(db)`, see `made`),
 * or deeper, as a member of the call's result (`makeOps()` of `makeOps(db).users.load`, see `CALLED`).
 */
function madeMemberRef(context: RuleContext, call: TSESTree.CallExpression, names: readonly string[], callee: TSESTree.Node): CallRef | undefined {
  const factory = call.callee.type === AST_NODE_TYPES.Identifier ? resolveModuleMember(context, call.callee) : undefined;
  if (factory?.path.length !== 1 || !isLocalModule(factory.module)) return undefined;
  const name = factory.path[0]!;
  return names.length === 1
    ? { module: factory.module, path: [name, names[0]!], ...siteOf(context, callee), made: true }
    : { module: factory.module, path: [`${name}${CALLED}`, ...names], ...siteOf(context, callee), instance: true };
}

/** The name a field of the class around a node is set to where the class is made (`model` of `this.model = model`), with that class. */
function heldName(node: TSESTree.Node, field: string): { body: TSESTree.ClassBody; name: TSESTree.Identifier } | undefined {
  const body = classBodyAround(node);
  const setting = body && fieldSetting(body, field, false);
  const held = setting && unwrapExpression(setting);
  return held?.type === AST_NODE_TYPES.Identifier ? { body: body!, name: held } : undefined;
}

/** What a field of the class around a node is set to where the class is made, when that is an import (`this.model = Task`). */
function heldImport(context: RuleContext, node: TSESTree.Node, field: string): ModuleMember | undefined {
  const held = heldName(node, field);
  const imported = held && resolveModuleMember(context, held.name);
  return imported && !imported.module.startsWith('node:') ? imported : undefined;
}

/** The position of the constructor parameter a field of the class around a node is set to (`constructor(model) { this.model = model }`). */
function heldParameter(node: TSESTree.Node, field: string): number | undefined {
  const held = heldName(node, field);
  const constructor = held?.body.body.find((element) => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor');
  const parameters = constructor?.type === AST_NODE_TYPES.MethodDefinition ? constructor.value.params : [];
  const index = parameters.findIndex((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === held!.name.name);
  return index < 0 ? undefined : index;
}

/** The first step of a `heldArgument` ref's path until the summary of its class's method names it by the class's export (see `withHeldArguments`). */
export const HELD_ARGUMENT = 'this';

/** A method's summary with its refs to what the constructor was handed named by the class's export (see `CallRef.heldArgument`). */
export function withHeldArguments(summary: FunctionSummary, exported: string): FunctionSummary {
  const named = <T extends { heldArgument?: number; path: string[] }>(call: T): T =>
    call.heldArgument === undefined ? call : { ...call, path: [exported, ...call.path.slice(1)] };
  if (![...(summary.calls ?? []), ...(summary.inputCalls ?? [])].some((call) => call.heldArgument !== undefined)) return summary;
  return {
    ...summary,
    ...(summary.calls && { calls: summary.calls.map(named) }),
    ...(summary.inputCalls && { inputCalls: summary.inputCalls.map(named) }),
  };
}

/** `this.billModel()` of a field typed `TenantModelProxy<typeof Bill>` or `() => typeof Bill`: the imported class it hands out. */
function providedClass(context: RuleContext, field: TSESTree.MemberExpression): ModuleMember | undefined {
  const provided = providedType(classFieldType(field));
  const name = provided?.type === AST_NODE_TYPES.TSTypeQuery && provided.exprName.type === AST_NODE_TYPES.Identifier ? provided.exprName : undefined;
  const imported = name && resolveModuleMember(context, name);
  return imported && imported.path.length === 1 && !imported.module.startsWith('node:') ? imported : undefined;
}

/** `this.db.db.selectFrom(...)`: a Kysely builder is a query only when its chain runs it. */
function executesRef(
  context: RuleContext,
  call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression,
  names: readonly string[],
): { executes?: true; claims?: true; builderWrite?: string } {
  if (call.type !== AST_NODE_TYPES.CallExpression) return {};
  // `this.createQueryBuilder('p').where(...).getOne()` in a subclass of a project's repository: a statement only when its chain runs it.
  if (names.at(-1) === 'createQueryBuilder') return typeormBuilderRun(context, call);
  const executes = kindOf(KYSELY_CLIENT, names.at(-1)!) && executesBuilder(context, call, KYSELY_EXECUTORS);
  if (!executes) return {};
  // A read that claims its row in a transaction of its own (see `QuerySite.claims`).
  return claimsRowInOwnTransaction(context, call, transactionCallback) ? { executes: true, claims: true } : { executes: true };
}

/**
 * `const db = ctx.db ?? defaultDb` or a parameter `db = defaultDb`, with `defaultDb` imported: the caller's handle when it gives one, else that import, which says
 * what the handle is (a caller's is a client or transaction of the same database).
 */
function defaultedImport(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Identifier | undefined {
  const definition = resolveVariable(context, identifier)?.defs[0];
  let fallback: TSESTree.Node | undefined;
  // `function save(row, { prisma = defaultPrisma } = {})`, `(row, db = defaultDb) => ...`: a parameter's default.
  if (definition?.type === 'Parameter') {
    const pattern = definition.name.parent;
    fallback = pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === definition.name ? unwrapExpression(pattern.right) : undefined;
  } else if (definition?.type === 'Variable' && definition.parent?.kind === 'const' && definition.node.id === definition.name) {
    const init = definition.node.init && unwrapExpression(definition.node.init);
    if (init?.type === AST_NODE_TYPES.LogicalExpression && (init.operator === '??' || init.operator === '||')) fallback = unwrapExpression(init.right);
  }
  return fallback?.type === AST_NODE_TYPES.Identifier && resolveVariable(context, fallback)?.defs[0]?.type === 'ImportBinding' ? fallback : undefined;
}

/**
 * `withTransaction(ctx, async (tx) => ...)` with `withTransaction` imported from the project: the function a callback is handed to, and
 * which of its arguments and of the callback's parameters the name is. An untyped parameter only; a typed one says what it is.
 */
function handedParameterOf(
  context: RuleContext,
  identifier: TSESTree.Identifier,
): { module: string; name: string; handedTo: NonNullable<CallRef['handedTo']> } | undefined {
  const definition = resolveVariable(context, identifier)?.defs[0];
  if (definition?.type !== 'Parameter' || definition.name.typeAnnotation) return undefined;
  const fn = definition.node as TSESTree.Node;
  const callbackParameter = isFunction(fn) ? fn.params.indexOf(definition.name as TSESTree.Parameter) : -1;
  const call = fn.parent;
  if (callbackParameter < 0 || call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const parameter = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  const member = parameter >= 0 ? resolveModuleMember(context, call.callee) : undefined;
  if (!member || member.path.length > 1 || !isProjectModule(context.options.project.models as ProjectModels | undefined, member.module)) return undefined;
  return { module: member.module, name: member.path[0] ?? 'default', handedTo: { parameter, callbackParameter } };
}

/** The buses of `@nestjs/cqrs` whose `execute` awaits the one handler of the class it is given; an `EventBus` only publishes. */
const CQRS_BUSES: ReadonlySet<string> = new Set(['CommandBus', 'QueryBus']);

/** The command or query class a bus call dispatches (`UpdateEmployeeCommand` of `commandBus.execute(new UpdateEmployeeCommand(input))`). */
export function dispatchedClass(context: RuleContext, call: TSESTree.CallExpression): string | undefined {
  return dispatchedRef(context, call)?.dispatches;
}

/**
 * `this.commandBus.execute(new UpdateEmployeeCommand(input))`, `this.queryBus.execute(new GetTimesheetQuery(id))` with a bus of
 * `@nestjs/cqrs`: the handler of that class runs (see `ProjectModels.handlers`), named by the class.
 */
function dispatchedRef(context: RuleContext, call: TSESTree.CallExpression): CallRef | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'execute' || call.arguments.length !== 1) return undefined;
  const message = unwrapExpression(call.arguments[0]!);
  if (message.type !== AST_NODE_TYPES.NewExpression || message.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const bus = instanceClass(context, callee.object);
  if (bus?.module !== '@nestjs/cqrs' || !CQRS_BUSES.has(bus.path[0] ?? '')) return undefined;
  const imported = resolveModuleMember(context, message.callee);
  const name = imported ? (imported.path.length === 1 ? imported.path[0] : undefined) : message.callee.name;
  return name === undefined ? undefined : { module: bus.module, path: [bus.path[0]!, 'execute'], ...siteOf(context, callee), dispatches: name };
}

/** How a function that a call of another function returns is named among its file's functions: `build()` of `build`, `build()()` of what `build()` returns. */
export const CALLED = '()';

/**
 * `findScopeById` of `const findScopeById = buildFindEntityById(pool)(Scopes)`, or `this.#findById` of a class whose constructor
 * sets it so, with the builder imported from a file of the project: the function those calls return (`buildFindEntityById()()`, see `CALLED`).
 */
export function madeFunctionRef(context: RuleContext, node: TSESTree.Node): CallRef | undefined {
  let made = unwrapExpression(node);
  if (isThisMember(made)) {
    const setting = thisFieldSetting(made);
    if (!setting) return undefined;
    made = unwrapExpression(setting);
  } else if (made.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(context, made);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const declarator = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    if (declarator?.id !== definition?.name || !declarator?.init) return undefined;
    made = unwrapExpression(declarator.init);
  }
  let calls = 0;
  while (made.type === AST_NODE_TYPES.CallExpression && calls < MAX_CURRIED) {
    calls++;
    made = unwrapExpression(made.callee);
  }
  const builder = calls > 0 ? resolveModuleMember(context, made) : undefined;
  if (!builder || builder.path.length > 1 || !isLocalModule(builder.module)) return undefined;
  return { module: builder.module, path: [`${builder.path[0] ?? 'default'}${CALLED.repeat(calls)}`], ...siteOf(context, node) };
}

function isThisMember(node: TSESTree.Node): node is TSESTree.MemberExpression {
  return node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && !node.computed;
}

/** How many calls deep a builder's returned functions are followed (`build(pool)(schema)`). */
export const MAX_CURRIED = 2;

/**
 * `tenant` of `...[router, tenant]: RouterInitArgs<T>`, `queries` of `...[router, { queries }]: RouterInitArgs<T>` or of
 * `({ queries }: TenantContext)`: a name bound in a destructured parameter typed with an imported type, read as members of
 * that type (a rest tuple's positions as `'1'`, see `parameterTupleFields`).
 */
function typedParameterMember(context: RuleContext, identifier: TSESTree.Identifier): ModuleMember | undefined {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Parameter' && (definition?.type !== 'Variable' || isReassigned(variable!))) return undefined;
  const keys: string[] = [];
  let node: TSESTree.Node = definition.name;
  for (let step = 0; step <= MAX_MEMBERS; step++) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectPattern && !parent.computed) {
      const key = keyName(parent);
      if (key === undefined) return undefined;
      keys.unshift(key);
      node = parent.parent;
    } else if (parent?.type === AST_NODE_TYPES.ArrayPattern) {
      keys.unshift(String(parent.elements.indexOf(node as TSESTree.DestructuringPattern)));
      node = parent;
    } else break;
  }
  // `const [router, { queries }] = args` with `...args: RouterArgs<T>`: the pattern read against the parameter it destructures.
  if (definition.type === 'Variable') {
    const declarator = node.parent;
    const source =
      declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id === node && declarator.init ? unwrapExpression(declarator.init) : undefined;
    const parameter = source?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, source)?.defs[0] : undefined;
    if (parameter?.type !== 'Parameter' || keys.length === 0) return undefined;
    node = parameter.name;
  }
  const typed = node.parent?.type === AST_NODE_TYPES.RestElement ? node.parent : node;
  const type = 'typeAnnotation' in typed ? (typed.typeAnnotation as TSESTree.TSTypeAnnotation | undefined)?.typeAnnotation : undefined;
  return keys.length > 0 && type ? importedTypeMember(context, type, keys) : undefined;
}

/** `this` of `function validate(this: Modules, order: Order)`: the imported type the function declares it is called on. */
function declaredThisType(context: RuleContext, node: TSESTree.ThisExpression): ModuleMember | undefined {
  let fn = enclosingFunction(node);
  // An arrow's `this` is the one of the function around it.
  while (fn?.type === AST_NODE_TYPES.ArrowFunctionExpression) fn = enclosingFunction(fn);
  const first = fn?.params[0];
  const type = first?.type === AST_NODE_TYPES.Identifier && first.name === 'this' ? first.typeAnnotation?.typeAnnotation : undefined;
  return type && importedTypeMember(context, type, []);
}

/**
 * `args: { tx: DB; userId: number }` read as `args.tx` or `const { tx } = args`: the imported type a member of an object type written
 * in place is declared with, and the members below it; `args: Options` with `Options` imported: that type's members.
 */
function importedTypeMember(context: RuleContext, type: TSESTree.TypeNode, keys: readonly string[]): ModuleMember | undefined {
  let node = type;
  let rest = keys;
  // An object type written in place, or an interface of this file (`ctx: FormatContext` with `encoder: MessageEncoder`).
  for (let members = objectTypeMembers(context, node); members.length > 0 && rest.length > 0; members = objectTypeMembers(context, node)) {
    const key = rest[0];
    const member = members.find(
      (candidate): candidate is TSESTree.TSPropertySignature => candidate.type === AST_NODE_TYPES.TSPropertySignature && signatureName(candidate) === key,
    );
    const inner = member?.typeAnnotation?.typeAnnotation;
    if (!inner) return undefined;
    node = inner;
    rest = rest.slice(1);
  }
  if (node.type !== AST_NODE_TYPES.TSTypeReference || node.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const member = resolveModuleMember(context, node.typeName);
  return member && member.path.length <= 1 ? { module: member.module, path: [member.path[0] ?? 'default', ...rest] } : undefined;
}

/**
 * `getCollection('teams').findOne(...)`: a method of what a function another file exports returns, also kept in a constant
 * (`const Orders = await OrdersCollection(db)`, `const users = createUsersRepository({ db })`) or destructured from the object it
 * returns (`const { Orders } = await …`).
 */
function madeRef(context: RuleContext, callee: TSESTree.MemberExpression, kept = false): CallRef | undefined {
  const object = unwrapExpression(callee.object);
  const method = propertyName(callee);
  const made = !kept ? { call: object, held: false } : object.type === AST_NODE_TYPES.Identifier ? factoryCallOf(context, object) : undefined;
  if (made?.call.type !== AST_NODE_TYPES.CallExpression || method === undefined) return undefined;
  const factory = resolveModuleMember(context, made.call.callee);
  if (!factory || factory.path.length !== 1 || factory.module.startsWith('node:')) return undefined;
  const key = handedKey(callee);
  return {
    module: factory.module,
    path: [factory.path[0]!, method],
    ...siteOf(context, callee),
    made: true,
    ...(made.held && { held: true as const }),
    ...(key !== undefined && { keyColumn: key }),
  };
}

/** The one key of the filter a method is handed (`userId` of `Users.findOne({ userId })`), the column its query looks rows up by. */
function handedKey(callee: TSESTree.Node): string | undefined {
  return callee.parent?.type === AST_NODE_TYPES.CallExpression ? onlyKey(callee.parent.arguments[0]) : undefined;
}

/** The call a constant is set to, awaited or not, and whether it is destructured from its result (`const { Orders } = await OrdersCollection(db)`). */
function factoryCallOf(context: RuleContext, identifier: TSESTree.Identifier): { call: TSESTree.Node; held: boolean } | undefined {
  const source = destructuredSource(context, identifier);
  const init = source?.path.length === 1 ? source.init : source ? undefined : constValueOf(context, identifier);
  const value = init && unwrapExpression(init);
  return value && { call: unwrapExpression(value.type === AST_NODE_TYPES.AwaitExpression ? value.argument : value), held: !!source };
}

/** `this.findMany()` that a class inherits from, or `super.delete()` of, a base class another file exports: that class's method. */
export function inheritedRef(context: RuleContext, callee: TSESTree.MemberExpression): Pick<CallRef, 'module' | 'path' | 'instance'> | undefined {
  const name = propertyName(callee);
  const lookup = name === undefined ? undefined : inheritedLookup(context, callee);
  if (!lookup?.imported || lookup.bodies.some((body) => declaresMember(body, name!, lookup.isStatic))) return undefined;
  return { module: lookup.imported.module, path: [lookup.imported.path[0] ?? 'default', name!], ...(!lookup.isStatic && { instance: true as const }) };
}

/** `tx` of `prisma.$transaction(async (tx) => ...)`, `trx` of `db.transaction(async (trx) => ...)`, stands for the client: what it runs, the client runs. */
export function transactionReceiver(context: RuleContext, node: TSESTree.Node): TSESTree.Node {
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const definition = resolveVariable(context, node)?.defs[0];
  const fn = definition?.type === 'Parameter' ? (definition.node as TSESTree.Node) : undefined;
  const call = fn && isFunction(fn) && fn.params[0] === definition!.name ? fn.parent : undefined;
  return call?.type === AST_NODE_TYPES.CallExpression && transactionCallback(call) === fn ? unwrapExpression(transactionClient(call)!) : node;
}

/**
 * The imported class an expression is an instance of, by its declared type (`this.users` of `constructor(private users: UsersService)`),
 * or by the one type argument of the call that gave it (`const users = container.resolve<UsersService>('users')`).
 */
export function instanceClass(context: RuleContext, expression: TSESTree.Node): ModuleMember | undefined {
  const node = unwrapExpression(expression);
  const type = declaredType(context, node) ?? typeArgumentOfGetter(context, node);
  if (!type) return constructedClass(context, node) ?? gottenClass(context, node);
  if (type.type === AST_NODE_TYPES.TSUnionType) return unionClass(context, type);
  if (type.type === AST_NODE_TYPES.TSImportType) return importTypeClass(type);
  // `req: ApiLocals & { body: Body }`: the first named part, as `importedTypeLocation` reads an intersection.
  const parts = type?.type === AST_NODE_TYPES.TSIntersectionType ? type.types : type ? [type] : [];
  for (const part of parts) {
    if (part.type !== AST_NODE_TYPES.TSTypeReference || part.typeName.type !== AST_NODE_TYPES.Identifier) continue;
    const member = resolveModuleMember(context, part.typeName);
    return member && member.path.length <= 1 ? member : undefined;
  }
  return undefined;
}

/** `let orders: import('../service').OrderService`: the class the type names in the module it imports. */
function importTypeClass(type: TSESTree.TSImportType): ModuleMember | undefined {
  const source = type.source as TSESTree.StringLiteral | undefined;
  const qualifier = type.qualifier;
  if (typeof source?.value !== 'string' || qualifier?.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { module: normalizeModule(source.value), path: [qualifier.name] };
}

/** `promptService` of `const promptService = new PromptService(ctx.prisma, redis)`: the class of the project it was made of. */
function constructedClass(context: RuleContext, node: TSESTree.Node): ModuleMember | undefined {
  const made = constantInit(context, node) ?? heldConstruction(context, node);
  if (made?.type !== AST_NODE_TYPES.NewExpression || made.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const member = resolveModuleMember(context, made.callee);
  // A package's client made here (`new Resend(key)`) is left to what makes clients; its calls leave the project.
  const ofProject = member && isProjectModule(projectModelsOf(context), member.module);
  return ofProject && member.path.length <= 1 ? member : undefined;
}

/**
 * `this.users` (or `self.users` with `const self = this`) of `private users = new UsersController(db)`, of the constructor's
 * `this.users = new UsersController(db)`, or of every method that sets it so (`init()`): the one construction the field holds.
 */
function heldConstruction(context: RuleContext, node: TSESTree.Node): TSESTree.Node | undefined {
  const self = node.type === AST_NODE_TYPES.MemberExpression && !node.computed ? thisOf(context, node.object) : undefined;
  const name = self && propertyName(node as TSESTree.MemberExpression);
  const body = self && classBodyAround(self);
  if (!body || name === undefined) return undefined;
  const set = fieldSetting(body, name, false);
  if (set) return unwrapExpression(set);
  const [first, ...others] = thisAssignments(context, body.parent, name).map(unwrapExpression);
  const madeBy = (value: TSESTree.Node): string | undefined =>
    value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier ? value.callee.name : undefined;
  return first && madeBy(first) !== undefined && others.every((other) => madeBy(other) === madeBy(first)) ? first : undefined;
}

/**
 * `db` of `const db = trx ?? this.db` (`||`, `trx ? trx : this.db`) or of `const db = dbOrTx(this.db, trx)`: the class of the typed
 * handle the alias stands for, an operand's, or what a helper handed such a handle declares it returns.
 */
function aliasedHandleClass(context: RuleContext, node: TSESTree.Node): ModuleMember | undefined {
  const init = node.type === AST_NODE_TYPES.CallExpression ? node : constantInit(context, node);
  const choices = init ? valuesChosenBy(init) : [];
  if (choices.length > 0) return instanceClass(context, choices[0]!) ?? instanceClass(context, choices[1]!);
  return init && isHandingHandle(context, init) ? returnedClass(context, node) : undefined;
}

/** A call handed a typed handle (`dbOrTx(this.db, trx)`): a helper that may hand it back, as its declared return type tells. */
function isHandingHandle(context: RuleContext, node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === AST_NODE_TYPES.CallExpression && node.arguments.some((argument) => instanceClass(context, argument) !== undefined);
}

/** `a ?? b`, `a || b`, `cond ? a : b`: the two values it chooses between, the preferred first; none for anything else. */
function valuesChosenBy(node: TSESTree.Node): TSESTree.Node[] {
  if (node.type === AST_NODE_TYPES.LogicalExpression && (node.operator === '??' || node.operator === '||')) return [node.left, node.right];
  return node.type === AST_NODE_TYPES.ConditionalExpression ? [node.consequent, node.alternate] : [];
}

/** `db` of `const db = prisma ?? defaultPrisma` (`||`, `prisma ? prisma : defaultPrisma`): the imported client it falls back to. */
function fallbackImport(context: RuleContext, node: TSESTree.Node): ModuleMember | undefined {
  const init = constantInit(context, node);
  for (const choice of (init ? valuesChosenBy(init) : []).reverse()) {
    const value = unwrapExpression(choice);
    const member = value.type === AST_NODE_TYPES.Identifier ? resolveModuleMember(context, value) : undefined;
    if (member) return member;
  }
  return undefined;
}

/** A call of a method that takes nothing, on a member of `this` or of a variable: `this.txContext.getCurrentTransaction()`. */
function isHandingOut(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 0 && node.callee.type === AST_NODE_TYPES.MemberExpression;
}

/** What a `const` without a declared type is initialized with, unwrapped. */
function constantInit(context: RuleContext, node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, node)?.defs[0];
  const declarator = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
  if (!declarator || declarator.id !== definition!.name || !declarator.init || declarator.id.typeAnnotation) return undefined;
  return unwrapExpression(declarator.init);
}

/** The call (awaited or not) a `const` without a declared type is initialized with: `getContext(req)` of `const context = getContext(req)`. */
function constantCall(context: RuleContext, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, node)?.defs[0];
  const declarator = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
  // `const [order] = useState<Order>()` names a part of what the call returns, not its type.
  if (!declarator || declarator.id !== definition!.name || !declarator.init) return undefined;
  let value = unwrapExpression(declarator.init);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrapExpression(value.argument);
  return value.type === AST_NODE_TYPES.CallExpression ? value : undefined;
}

/**
 * `context` of `const context = await getContext(req)`: the class of the project the function declares it returns, read off
 * its declaration in this file, or named by its call for another file's (`getContext()`, see `CALLED`).
 */
function returnedClass(context: RuleContext, node: TSESTree.Node): ModuleMember | undefined {
  const call = node.type === AST_NODE_TYPES.CallExpression ? node : constantCall(context, node);
  const local = call && localFunction(context, call.callee);
  const type = local && firstNamedType(declaredReturnType(local));
  const member = local
    ? type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier
      ? resolveModuleMember(context, type.typeName)
      : undefined
    : call && resolveModuleMember(context, call.callee);
  if (!member || member.path.length !== 1 || member.module.startsWith('node:')) return undefined;
  return local ? member : { module: member.module, path: [`${member.path[0]}${CALLED}`] };
}

/**
 * `DbConnection | DbTransaction | undefined`, `context: ReqContext | ApiReqContext`: every member has what is read off it,
 * so the first that is not empty names the class to look in.
 */
function unionClass(context: RuleContext, union: TSESTree.TSUnionType): ModuleMember | undefined {
  const first = firstNamedType(union);
  if (first?.type !== AST_NODE_TYPES.TSTypeReference || first.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const member = resolveModuleMember(context, first.typeName);
  return member && member.path.length <= 1 ? member : undefined;
}

/**
 * `const orders = container.resolve<IOrderService>('orderService')`, a field `= this.moduleRef.get<OrderRepository>(OrderRepository)`:
 * the one type argument of the call (awaited or not) that a constant or a field without a type is given.
 */
function typeArgumentOfGetter(context: RuleContext, node: TSESTree.Node): TSESTree.TypeNode | undefined {
  const params = getterCall(context, node)?.typeArguments?.params;
  return params?.length === 1 ? params[0] : undefined;
}

/** The call (awaited or not) a constant or a field without a type is given: `container.resolve(...)` of `const orders = container.resolve(...)`. */
function getterCall(context: RuleContext, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression)
    return constantCall(context, node) ?? assignedGetterCall(context, node);
  let value = classField(node, propertyName(node))?.value;
  if (value?.type === AST_NODE_TYPES.AwaitExpression) value = value.argument;
  const call = value ? unwrapExpression(value) : undefined;
  return call?.type === AST_NODE_TYPES.CallExpression ? call : undefined;
}

/**
 * `let orders; … init(injector) { orders = injector.get(OrderService) }`: a variable without a declared type that every assignment
 * sets to the same class's instance from a container.
 */
function assignedGetterCall(context: RuleContext, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  const variable = node.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, node) : undefined;
  const declarator = variable?.defs[0]?.type === 'Variable' ? (variable.defs[0].node as TSESTree.VariableDeclarator) : undefined;
  if (!declarator || declarator.id.typeAnnotation || declarator.init) return undefined;
  const calls = variable!.references
    .filter((reference) => reference.isWrite())
    .map((reference) => reference.writeExpr && unwrapExpression(reference.writeExpr as TSESTree.Node));
  const [first] = calls;
  const handed = (call: TSESTree.Node | null | undefined): string | undefined =>
    call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0]?.type === AST_NODE_TYPES.Identifier ? call.arguments[0].name : undefined;
  return first?.type === AST_NODE_TYPES.CallExpression && handed(first) !== undefined && calls.every((call) => handed(call) === handed(first))
    ? first
    : undefined;
}

/**
 * Calls that hand out an instance of the class they are given: TypeORM 0.2's `getCustomRepository(UserRepository)`, a container's
 * `Container.get(UserService)` or `moduleRef.resolve(UserService)`, a project's own `getService(UserService)`.
 */
const INSTANCE_GETTER = /^(?:getCustomRepository|get|resolve|inject|get\w*(?:Service|Instance|Provider))$/;

/** `getCustomRepository(ProductRepository)`, also through a constant or a field it initializes: the project class it hands out an instance of. */
function gottenClass(context: RuleContext, node: TSESTree.Node): ModuleMember | undefined {
  const call = node.type === AST_NODE_TYPES.CallExpression ? node : getterCall(context, node);
  // `Hub.getInstance()`: a singleton's static getter hands out the one instance of its own class.
  const singleton = call?.arguments.length === 0 && call.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(call.callee) === 'getInstance';
  const argument = singleton ? (call.callee as TSESTree.MemberExpression).object : call?.arguments.length === 1 ? call.arguments[0]! : undefined;
  const getter =
    call &&
    (call.callee.type === AST_NODE_TYPES.MemberExpression
      ? propertyName(call.callee)
      : call.callee.type === AST_NODE_TYPES.Identifier
        ? call.callee.name
        : undefined);
  if (argument?.type !== AST_NODE_TYPES.Identifier || getter === undefined || !INSTANCE_GETTER.test(getter)) return undefined;
  const member = resolveModuleMember(context, argument);
  return member && member.path.length === 1 && isProjectModule(projectModelsOf(context), member.module) ? member : undefined;
}

/** The field of the class around a `this.name` that declares it, if it is declared as a field. */
function classField(node: TSESTree.MemberExpression, name: string | undefined): TSESTree.PropertyDefinition | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.ClassBody) continue;
    return current.body.find(
      (element): element is TSESTree.PropertyDefinition =>
        element.type === AST_NODE_TYPES.PropertyDefinition && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name,
    );
  }
  return undefined;
}

/** The type annotation of a parameter, variable, or property of `this` (a field or a constructor parameter property). */
export function declaredType(context: RuleContext, node: TSESTree.Node, depth = 0): TSESTree.TypeNode | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const name = resolveVariable(context, node)?.defs[0]?.name;
    if (name?.type !== AST_NODE_TYPES.Identifier) return undefined;
    return name.typeAnnotation?.typeAnnotation ?? destructuredType(name) ?? (depth < MAX_DESTRUCTURING ? typedSourceMember(context, name, depth) : undefined);
  }
  const self = node.type === AST_NODE_TYPES.MemberExpression ? thisOf(context, node.object) : undefined;
  if (!self) return undefined;
  const name = propertyName(node as TSESTree.MemberExpression);
  for (let current: TSESTree.Node | undefined = self.parent; current; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.ClassBody) continue;
    for (const element of current.body) {
      if (element.type === AST_NODE_TYPES.PropertyDefinition && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === name)
        return element.typeAnnotation?.typeAnnotation;
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
        for (const parameter of element.value.params) {
          const inner = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
          if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) return inner.typeAnnotation?.typeAnnotation;
        }
      }
    }
    return undefined;
  }
  return undefined;
}

/** `ctx` of `({ ctx }: { ctx: Context })`: the type its pattern's type written in place gives it. */
export function destructuredType(name: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  const property = name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== name || property.computed) return undefined;
  const pattern = property.parent;
  return pattern?.type === AST_NODE_TYPES.ObjectPattern ? memberType(pattern.typeAnnotation?.typeAnnotation, keyName(property)) : undefined;
}

/** How many `const { a } = b` steps are followed back to a declared type. */
const MAX_DESTRUCTURING = 3;

/** `store` of `const { store } = args` with `args: { store: InsightStore }`: the member's type in the type written for the value destructured. */
function typedSourceMember(context: RuleContext, name: TSESTree.Identifier, depth: number): TSESTree.TypeNode | undefined {
  const property = name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== name || property.computed) return undefined;
  const declarator = property.parent.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== property.parent || declarator.init?.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  return memberType(declaredType(context, declarator.init, depth + 1), keyName(property));
}

/** The type of a member of an object type written in place (`{ store: InsightStore }`). */
function memberType(type: TSESTree.TypeNode | undefined, key: string | undefined): TSESTree.TypeNode | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeLiteral || key === undefined) return undefined;
  for (const member of type.members) {
    if (member.type === AST_NODE_TYPES.TSPropertySignature && signatureName(member) === key) return member.typeAnnotation?.typeAnnotation;
  }
  return undefined;
}

/** A member of an ORM value (`prisma.user`), as the analysis of expressions sees it. */
export function memberOf(value: OrmValue, name: string): OrmValue | undefined {
  // `Collection.runs()` of an exported object of functions that each make a collection: what they make.
  if (name.endsWith(CALLED) && value.kind === 'factory' && !value.holds) return { kind: value.makes ?? 'client', orm: value.orm };
  // `db.collection('objects')` of a MongoDB database another module holds: one of its collections.
  if (value.orm === 'mongodb' && value.kind === 'datasource' && name === `collection${CALLED}`) return { kind: 'delegate', orm: 'mongodb' };
  // `prisma.txClient()`: what a method of the project's own class hands out is known from the index's fields, not the client's members.
  if (name.endsWith(CALLED)) return undefined;
  if (value.orm === 'prisma' && value.kind === 'client')
    return name === '$kysely' ? { kind: 'client', orm: 'kysely' } : name.startsWith('$') ? undefined : { kind: 'delegate', orm: 'prisma', model: name };
  if (value.orm === 'drizzle' && value.kind === 'client' && name === 'query') return { kind: 'relational', orm: 'drizzle' };
  if (value.orm === 'drizzle' && value.kind === 'relational') return { kind: 'delegate', orm: 'drizzle', model: name };
  if (value.orm === 'payload' && value.kind === 'client' && name === 'db') return { kind: 'datasource', orm: 'payload' };
  return undefined;
}

/**
 * The query a call of another file's export runs: a query of an exported client
 * (`prisma.user.findMany` with `prisma` from `@acme/db`), or the summary of an exported
 * function or class method. Undefined when it runs none or is not part of the project.
 */
export function resolveCallRef(
  models: ProjectModels,
  fromFile: string,
  ref: CallRef,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): QuerySite | undefined {
  const site = resolvedRef(models, fromFile, ref, summaryAt);
  // A wrapper that sends the SQL text it is handed (`qx.result('DELETE …')` of `result(text) { return this.db.result(text) }`) does what that text says.
  return site && ref.statement && !site.statement && sendsSqlText(site.library, site.operation) ? { ...site, kind: 'write', statement: ref.statement } : site;
}

function resolvedRef(
  models: ProjectModels,
  fromFile: string,
  ref: CallRef,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): QuerySite | undefined {
  if (ref.heldArgument !== undefined) return heldArgumentQuery(models, fromFile, ref);
  if (ref.dispatches !== undefined) {
    const handler = Object.hasOwn(models.handlers ?? {}, ref.dispatches) ? models.handlers![ref.dispatches] : undefined;
    return handler && summaryAt(handler.key, [handler.name, 'execute']);
  }
  // A default import may also be the module's object of named exports (`module.exports = { User }`, read as `models.User.findAll()`),
  // and a required module is its `module.exports` (`require('./db').user.findMany()` with `module.exports = new PrismaClient()`).
  return (
    resolveRef(models, fromFile, ref, summaryAt) ??
    (ref.path[0] === 'default' && ref.path.length > 2
      ? resolveRef(models, fromFile, { ...ref, path: ref.path.slice(1) }, summaryAt)
      : ref.required && ref.path[0] !== 'default'
        ? resolveRef(models, fromFile, { ...ref, path: ['default', ...ref.path] }, summaryAt)
        : undefined)
  );
}

function resolveRef(
  models: ProjectModels,
  fromFile: string,
  ref: CallRef,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): QuerySite | undefined {
  const key = moduleKey(models, fromFile, ref.module);
  if (key === undefined) return undefined;
  const {
    module: _module,
    path: _path,
    instance,
    repository,
    saves: _saves,
    executes: _executes,
    invoked,
    made,
    held: _held,
    required: _required,
    statement: _statement,
    writeStep: _writeStep,
    builderWrite: _builderWrite,
    documentKey: _documentKey,
    sqlKeys: _sqlKeys,
    topRows: _topRows,
    issuedOnCall: _issuedOnCall,
    handedTo,
    ...site
  } = ref;
  if (handedTo) return handedQuery(models, key, ref, handedTo, site);
  if (repository) return repositoryQuery(models, fromFile, ref, site);
  // `this.find(id)` in a subclass may call a method the base class declares, not a Knex handle it holds: then it runs that method.
  const invokedSite = invoked && invokedQuery(models, fromFile, ref, invoked, site);
  if (invoked && (invokedSite || ref.path.length === 1)) return invokedSite;
  if (made) return summaryAt(key, ref.path) ?? madeQuery(models, fromFile, ref, site) ?? defaultClassMadeQuery(models, fromFile, ref, summaryAt);
  const [name, ...members] = ref.path;
  // `Getter.promises.get(...)`: a method of an object an exported object holds (see `exportAndMethod`).
  if (members.length <= 2) {
    const summarized = summaryAt(key, ref.path);
    if (summarized) return summarized;
  }
  // `db.db.selectFrom(...)` on an instance, `queries.users.findUserById(...)` on an instance or an exported object.
  if (members.length > 1) {
    const held = fieldQuery(models, fromFile, ref, site, summaryAt);
    if (held) return held;
    const method = heldInstanceMethod(models, fromFile, ref);
    const summarized = method && summaryAt(method.key, method.path);
    if (summarized) return summarized;
  }
  let value = lookupExport(models, fromFile, ref.module, name!) ?? returnedHandle(models, key, name!);
  // `const tags = tagsCollection(db); tags.find(...)`: a method of what a factory of the project made, as `tagsCollection(db).find(...)`.
  if (!value && instance && name!.endsWith(CALLED) && members.length === 1)
    return madeQuery(models, fromFile, { ...ref, path: [name!.slice(0, -CALLED.length), members[0]!] }, site);
  if (!value || members.length === 0) return undefined;
  // `doc.save()` with `doc: Document`: what a loaded row runs, not the model's static methods.
  if (instance && value.kind === 'model') {
    const rowOperations =
      value.orm === 'sequelize'
        ? SEQUELIZE_ROW
        : value.orm === 'typeorm' && lookupModel(models, value.model ?? name!)?.activeRecord
          ? TYPEORM_ACTIVE_ROW
          : undefined;
    const rowKind = rowOperations && members.length === 1 ? kindOf(rowOperations, members[0]!) : undefined;
    return (
      rowKind && { ...site, library: value.orm, kind: rowKind, operation: members[0]!, ...(value.model !== undefined && { model: value.model }), row: true }
    );
  }
  for (const member of members.slice(0, -1)) {
    value = value && memberOf(value, member);
  }
  const method = members.at(-1)!;
  const attached = value?.kind === 'model' && members.length === 1 ? modelFunctionQuery(models, value, name!, method, summaryAt) : undefined;
  if (attached) return attached;
  const kind = value && (method === 'createQueryBuilder' && value.orm === 'typeorm' ? builderKind(ref) : runsQueryOfKind(value, method));
  // `db.selectFrom(...)` on an instance typed as a Kysely handle is a query only when its chain runs it (see `callRefOf`).
  if (!value || !kind || (instance && value.orm === 'kysely' && !ref.executes)) return undefined;
  return handleQuerySite(site, value, kind, method, ref);
}

/**
 * `table.getRows()` of `const table = Table.findOne(name)` with `Table` a default import, read as the factory `findOne`: the method of the
 * instance the default export's static method hands out (see `ownInstanceFinders`).
 */
function defaultClassMadeQuery(
  models: ProjectModels,
  fromFile: string,
  ref: CallRef,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): QuerySite | undefined {
  const [finder, method] = ref.path;
  if (ref.path.length !== 2) return undefined;
  const owner = heldInstanceMethod(models, fromFile, { module: ref.module, path: ['default', `${finder}${CALLED}`, method!] });
  return owner && summaryAt(owner.key, owner.path);
}

/** `this.model.findOne(...)` of a base class: the query on the model every subclass hands its constructor (see `ProjectModels.heldArguments`). */
function heldArgumentQuery(models: ProjectModels, fromFile: string, ref: CallRef): QuerySite | undefined {
  const [exported, ...members] = ref.path;
  let value = models.heldArguments?.[fileKey(fromFile)]?.[exported!]?.[ref.heldArgument!] ?? undefined;
  for (const member of members.slice(0, -1)) value = value && memberOf(value, member);
  const method = members.at(-1);
  const kind = value && method !== undefined ? runsQueryOfKind(value, method) : undefined;
  const { module: _module, path: _path, heldArgument: _heldArgument, ...site } = ref;
  return kind && handleQuerySite(site, value!, kind, method!, ref);
}

/** `Notification.createFor(...)`: what a function the project gives a Sequelize model outside its definition runs (see `ProjectModels.modelFunctions`). */
function modelFunctionQuery(
  models: ProjectModels,
  value: OrmValue,
  name: string,
  method: string,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): QuerySite | undefined {
  const model = value.model ?? name;
  if (value.orm !== 'sequelize' || runsQueryOfKind(value, method) || !Object.hasOwn(models.modelFunctions ?? {}, model)) return undefined;
  return summaryAt(models.modelFunctions![model]!, [model, method]);
}

/** `tx.delete(pages)` in `withTransaction(ctx, async (tx) => ...)`: the query on the handle the function the callback is handed gives it. */
function handedQuery(models: ProjectModels, key: string, ref: CallRef, handedTo: NonNullable<CallRef['handedTo']>, site: CallSite): QuerySite | undefined {
  const [name, ...members] = ref.path;
  const typed = functionFactAt(models, models.callbackHandles, key, [name!])?.find(
    (entry) => entry.parameter === handedTo.parameter && entry.property === undefined && entry.callbackParameter === handedTo.callbackParameter,
  )?.handle;
  const opened = handedTo.callbackParameter === 0 ? functionFactAt(models, models.transactions, key, [name!]) : undefined;
  let value = typed ?? (opened?.parameter === handedTo.parameter ? opened.handle : undefined);
  for (const member of members.slice(0, -1)) value = value && memberOf(value, member);
  const method = members.at(-1);
  const kind = value && method !== undefined ? runsQueryOfKind(value, method) : undefined;
  if (!value || !kind || (value.orm === 'kysely' && !ref.executes)) return undefined;
  return handleQuerySite(site, value, kind, method!, ref);
}

/** A first read that claims the row (see `QuerySite.claims`) makes the whole function the item's unit of work, its writes included. */
function claimedByRead(write: QuerySite, read: QuerySite | undefined): QuerySite {
  return read?.claims && !write.claims ? { ...write, claims: true } : write;
}

/** What a TypeORM query builder a call starts runs: nothing unless its chain executes it (see `executesRef`). */
function builderKind(ref: CallRef): QuerySite['kind'] | undefined {
  if (!ref.executes) return undefined;
  return ref.builderWrite === undefined ? 'read' : 'write';
}

/** The site of a query a call runs on a handle: its library and model, and whether it claims its row (see `QuerySite.claims`). */
function handleQuerySite(site: CallSite, value: OrmValue, kind: QuerySite['kind'], method: string, ref: CallRef): QuerySite {
  return {
    ...site,
    library: value.orm,
    kind: value.orm === 'objection' && ref.writeStep ? 'write' : kind,
    operation: ref.builderWrite ?? method,
    ...(value.model !== undefined && { model: value.model }),
    ...(ref.claims && { claims: true as const }),
    ...(value.transaction && { transaction: true as const }),
    ...(value.pipelines && ref.issuedOnCall && { pipelined: true as const }),
    ...documentKeyOf(ref, value.orm),
    ...sqlKeyOf(ref, value.orm, method),
    ...(ref.topRows && kind === 'read' && { topRows: true as const }),
  };
}

/** The key column of a MongoDB call's filter document (see `CallRef.documentKey`), read only once the handle's library is known. */
function documentKeyOf(ref: CallRef, library: Orm): { keyColumn?: string } {
  return ref.keyColumn === undefined && ref.documentKey !== undefined && (library === 'mongodb' || library === 'mongoose')
    ? { keyColumn: ref.documentKey }
    : {};
}

/** The key column of the SQL text a call is handed (see `CallRef.sqlKeys`), read once the library says which argument it sends. */
function sqlKeyOf(ref: CallRef, library: Orm, operation: string): { keyColumn?: string } {
  const key = ref.keyColumn === undefined && ref.sqlKeys ? sqlKeyColumn(ref.sqlKeys, library, operation) : undefined;
  return key === undefined ? {} : { keyColumn: key };
}

/** `dbOrTx()` of `export function dbOrTx(db: KyselyDB, trx?: KyselyTransaction): KyselyDB | KyselyTransaction`: the handle its declared return type names. */
function returnedHandle(models: ProjectModels, key: string, name: string): OrmValue | undefined {
  if (!name.endsWith(CALLED)) return undefined;
  const found = declarationOf(models, key, name, (file, exported) => !!models.aliases?.[file]?.[exported]);
  const returned = found && models.aliases![found.key]![found.name]!;
  const handle = returned && declarationOf(models, returned.key, returned.name, (file, exported) => !!models.exports[file]?.[exported]);
  const value = handle && models.exports[handle.key]![handle.name]!;
  return value && isHandle(value) ? value : undefined;
}

/**
 * `this.db.db.selectFrom(...)...execute()` with `db: Database`: the query of a handle a field of a class of the project holds
 * (`class Database { db: Kysely<Schema> }`); `queries.users.findUserById(...)`: the query of a function of the object a
 * field holds (`users = createUserQueries(this.pool)`), or of a method of the instance of another class it holds.
 */
function fieldQuery(
  models: ProjectModels,
  fromFile: string,
  ref: CallRef,
  site: CallSite,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): QuerySite | undefined {
  const [name, ...members] = ref.path;
  let owner = lookupType(models, fromFile, ref.module, name!);
  let value: OrmValue | undefined;
  let returnedBy: TypeLocation | undefined;
  let held = false;
  for (const member of members.slice(0, -1)) {
    if (returnedBy) return undefined;
    if (value) value = memberOf(value, member);
    else {
      const entry = owner && fieldAt(models, owner, member);
      if (!entry) return undefined;
      if ('value' in entry) value = entry.value;
      else if ('returnedBy' in entry) returnedBy = entry.returnedBy;
      else {
        owner = entry.instance;
        held = true;
      }
    }
  }
  const method = members.at(-1)!;
  if (returnedBy) return summaryAt(returnedBy.key, [returnedBy.name, method]);
  if (!value && held && owner) return summaryAt(owner.key, [owner.name, method]);
  const kind = value && runsQueryOfKind(value, method);
  if (!value || !kind || (value.orm === 'kysely' && !ref.executes)) return undefined;
  return handleQuerySite(site, value, kind, method, ref);
}

/**
 * `context.models.boards.getById(id)` with `context: RequestContext`: the method of the project's class whose instance a
 * field of a class holds (`boards: BoardModel`, `models = { boards: new BoardModel(this) }`, kept as `models.boards`).
 */
export function heldInstanceMethod(
  models: ProjectModels,
  fromFile: string,
  ref: Pick<CallRef, 'module' | 'path'>,
): { key: string; path: [string, string] } | undefined {
  const [name, ...members] = ref.path;
  let owner = lookupType(models, fromFile, ref.module, name!);
  let pending = '';
  for (const member of members.slice(0, -1)) {
    pending = pending ? `${pending}.${member}` : member;
    const entry = owner && fieldAt(models, owner, pending);
    if (!entry) continue;
    if (!('instance' in entry)) return undefined;
    owner = entry.instance;
    pending = '';
  }
  return owner && !pending ? { key: owner.key, path: [owner.name, members.at(-1)!] } : undefined;
}

/** `db('users').where(...).update(...)` with `db: Db`: a query once the project says `Db` is a Knex instance (`type Db = Knex | Knex.Transaction`). */
function invokedQuery(models: ProjectModels, fromFile: string, ref: CallRef, invoked: InvokedHandle, site: CallSite): QuerySite | undefined {
  const [name, member] = ref.path as [string, string | undefined];
  const owner = member === undefined ? undefined : lookupType(models, fromFile, ref.module, name);
  const field = owner && fieldAt(models, owner, member!);
  const value = member === undefined ? lookupExport(models, fromFile, ref.module, name) : field && 'value' in field ? field.value : undefined;
  return value?.orm === 'knex' && value.kind === 'client' ? { ...site, library: 'knex', ...invoked } : undefined;
}

/** What `getCollection('teams').findOne(...)` runs, once the project says `getCollection` makes a collection or a database. */
function madeQuery(models: ProjectModels, fromFile: string, ref: CallRef, site: CallSite): QuerySite | undefined {
  const [name, method] = ref.path as [string, string];
  const factory = lookupExport(models, fromFile, ref.module, name);
  const value: OrmValue | undefined =
    factory?.kind === 'factory' && (factory.makes || factory.holds) && !factory.holds === !ref.held
      ? { kind: factory.makes ?? 'client', orm: factory.orm }
      : undefined;
  const kind = value && runsQueryOfKind(value, method);
  return kind && { ...site, library: value.orm, kind, operation: method, ...documentKeyOf(ref, value.orm) };
}

/** What `getRepository(ctx, Order).findOne(...)` runs, once the project says whether `Order` is a TypeORM or MikroORM entity. */
function repositoryQuery(models: ProjectModels, fromFile: string, ref: CallRef, site: CallSite): QuerySite | undefined {
  const [name, method] = ref.path as [string, string];
  const exported = lookupExport(models, fromFile, ref.module, name);
  const fact = lookupModel(models, exported?.model ?? name);
  if (fact?.orm !== 'typeorm' && fact?.orm !== 'mikro-orm') return undefined;
  const kind =
    method === 'createQueryBuilder' && fact.orm === 'typeorm'
      ? builderKind(ref)
      : runsQueryOfKind({ kind: 'repository', orm: fact.orm, model: fact.name }, method);
  return kind && { ...site, library: fact.orm, kind, operation: ref.builderWrite ?? method, model: fact.name, ...(ref.saves && { saves: ref.saves }) };
}

/** The resolved query of a summary, following its calls in order: the first write, else the first read. */
export function resolveSummary(
  models: ProjectModels | undefined,
  fromFile: string,
  summary: FunctionSummary,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
  outsideAt: OutsideAt = models ? indexedOutside(models) : () => false,
): QuerySite | undefined {
  const reached = firstQuery(models, fromFile, summary, summaryAt);
  const found = reached && batchedPerTick(reached, isUniqueRead(reached) && readsOnlyUniqueRows(models, fromFile, summary, summaryAt));
  const asked = found && summary.askedBy ? { ...found, askedBy: summary.askedBy } : found;
  const first = asked?.kind === 'read' && asked.start === summary.ownerRows ? { ...asked, ownerRows: true as const } : asked;
  const site =
    first &&
    withAlsoWrites(withWrites(withInputs(first, resolvedInputs(models, fromFile, summary, summaryAt)), summary.writes), models, fromFile, summary, summaryAt);
  // The other work of a function on the way is also done per item, whichever function runs the query.
  return site && !site.otherWork && leavesProject(models, fromFile, summary, outsideAt, false) ? { ...site, otherWork: true } : site;
}

/** A site marked as batched per tick, or not (what a callee's reads are says nothing of the other calls of its caller). */
function batchedPerTick({ batchedPerTick: _callee, ...site }: QuerySite, batched: boolean): QuerySite {
  return batched ? { ...site, batchedPerTick: true } : site;
}

/** Whether every query a summary's function runs, itself and through the calls it waits on, is a Prisma `findUnique`. */
function readsOnlyUniqueRows(
  models: ProjectModels | undefined,
  fromFile: string,
  summary: FunctionSummary,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): boolean {
  const calls = summary.uniqueReadsBut;
  if (!calls || (calls.length > 0 && !models)) return false;
  return calls.every((call) => {
    const site = resolveCallRef(models!, fromFile, call, summaryAt);
    // A query of another file's client (`this.prisma.user.findUnique`), or a function whose own reads are all such.
    return !site || site.batchedPerTick === true || (isUniqueRead(site) && call.path.at(-1) === site.operation);
  });
}

/** A site with the inputs of the function it is the query of (a callee's inputs name the callee's parameters, not this one's). */
function withInputs(site: QuerySite, inputs: string[] | undefined): QuerySite {
  const { inputs: _callee, ...rest } = site;
  return inputs ? { ...rest, inputs } : rest;
}

/** The site of a function whose body writes several times says so, as does the site of a function that calls it. */
function withWrites(site: QuerySite, writes: number | undefined): QuerySite {
  return writes && writes > (site.writes ?? 1) ? { ...site, writes } : site;
}

/** A read that its function follows with a write somewhere, its own or a callee's in any file, names that write: advice for a read alone does not fit it. */
function withAlsoWrites(
  site: QuerySite,
  models: ProjectModels | undefined,
  fromFile: string,
  summary: FunctionSummary,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): QuerySite {
  if (site.kind !== 'read' || site.alsoWrites) return site;
  let found = summary.alsoWrites;
  for (const call of models && !found ? [...(summary.calls ?? []), ...(summary.inputCalls ?? []).map((call) => ({ ...NO_SITE, ...call }))] : []) {
    const reached = resolveCallRef(models!, fromFile, call, summaryAt);
    found = reached && writeOf(reached, undefined);
    if (found) break;
  }
  // A read of the model it then writes, with no check that throws between them, is a find-or-create.
  const findsFirst = !summary.checks && found?.model !== undefined && found.model === site.model;
  return found ? { ...site, alsoWrites: found, ...(findsFirst && { findsFirst: true as const }) } : site;
}

const NO_SITE: CallSite = { file: '', start: 0, end: 0, line: 0, column: 0, text: '' };

/** A summary's inputs with those it hands to calls of other files that run a query (all of them, when the project is not known). */
function resolvedInputs(
  models: ProjectModels | undefined,
  fromFile: string,
  summary: FunctionSummary,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): string[] | undefined {
  if (!summary.inputs) return undefined;
  const inputs = new Set(summary.inputs);
  for (const call of summary.inputCalls ?? []) {
    const site = models ? resolveCallRef(models, fromFile, { ...NO_SITE, ...call }, summaryAt) : undefined;
    // A callee that reads none of its inputs runs the same query whatever it is handed.
    if (!models || (site && site.inputs?.length !== 0)) for (const input of call.reads) inputs.add(input);
  }
  return [...inputs];
}

/** Whether a summary's function awaits work outside the project and its database, itself or through functions of other files; with `everyCall`, on every call. */
export function awaitsOutsideWork(
  models: ProjectModels | undefined,
  fromFile: string,
  summary: FunctionSummary,
  outsideAt: OutsideAt,
  everyCall = false,
): boolean {
  return leavesProject(models, fromFile, summary, outsideAt, !everyCall);
}

function firstQuery(
  models: ProjectModels | undefined,
  fromFile: string,
  summary: FunctionSummary,
  summaryAt: (key: string, path: readonly string[]) => QuerySite | undefined,
): QuerySite | undefined {
  if (summary.site?.kind === 'write') return summary.site;
  let read = summary.site;
  // Without the project, calls of other files lead nowhere known.
  if (!models) return read;
  // SQL text computed on each call may be one statement per table; a query of the ORM the function also runs repeats whatever it is.
  let computedWrite: QuerySite | undefined;
  let write: QuerySite | undefined;
  let writes = 0;
  for (const call of summary.calls ?? []) {
    const found = resolveCallRef(models, fromFile, call, summaryAt);
    // What a request-memoized function is called with here is not known to differ per item: it may run once for them all.
    // What another file's function runs only when asked depends on the arguments of a call not kept here.
    if (found?.memoized || found?.askedBy) continue;
    if (found?.kind === 'write' && found.dynamicSql) computedWrite ??= found;
    else if (found?.kind === 'write') {
      write ??= found;
      writes += found.writes ?? 1;
    } else if (!write) read = fixedReadFirst(read, found);
  }
  if (write) write = claimedByRead(write, read);
  // Its writes are counted among the calls too; a create of the model it has just read is a find-or-create.
  if (write) return withWrites(writeAfterRead(write, read, !!summary.checks), writes);
  return withComputedWrite(read, computedWrite);
}

/**
 * A write its function precedes with a read: of the same model, a find-or-create; of what the write then uses (a row's index, its
 * parent), one more statement per call. A read that only guards with a throw is a check, and the write still names the work.
 */
function writeAfterRead(write: QuerySite, read: QuerySite | undefined, checks: boolean): QuerySite {
  if (!read || checks) return write;
  if (sameModel(read, write)) return { ...write, findsFirst: true };
  return write.findsFirst ? write : { ...write, readsToo: true };
}

/** The first read, unless it sends SQL text computed on each call and a later read is a fixed statement: that one repeats whatever the text is. */
function fixedReadFirst(read: QuerySite | undefined, later: QuerySite | undefined): QuerySite | undefined {
  return read && !(read.dynamicSql && later && !later.dynamicSql) ? read : (later ?? read);
}

/** The read names the function's work; a write of computed SQL still counts among its writes, so it runs several statements. */
function withComputedWrite(read: QuerySite | undefined, computedWrite: QuerySite | undefined): QuerySite | undefined {
  if (read && computedWrite) return { ...read, writes: Math.max(read.writes ?? 0, computedWrite.writes ?? 1) };
  return read ?? computedWrite;
}

/** The query site of an exported function or method in a merged index (for rules: no further resolution needed). */
export function indexedSummary(models: ProjectModels): (key: string, path: readonly string[]) => QuerySite | undefined {
  return (key, path) => functionAt(models, key, path);
}

/** Whether an exported function or method of a merged index awaits work outside the project, along re-exports and base classes. */
export function indexedOutside(models: ProjectModels): OutsideAt {
  return (key, path, everyCall) => outsideAt(models, key, path, everyCall);
}

function outsideAt(models: ProjectModels, key: string, path: readonly string[], everyCall: boolean, depth = 0): boolean {
  const parts = exportAndMethod(path);
  if (!parts || depth > MAX_REEXPORT_STEPS || !models.outsideWork) return false;
  const { first, method } = parts;
  const name = (exported: string): string => (method ? `${exported}.${method}` : exported);
  const found = declarationOf(
    models,
    key,
    first,
    (file, exported) => models.outsideWork?.[file]?.[name(exported)] !== undefined || !!models.bases?.[file]?.[exported],
  );
  if (!found) return !!throughHeld(models, key, path, (heldKey, heldPath) => outsideAt(models, heldKey, heldPath, everyCall, depth + 1));
  const work = models.outsideWork[found.key]?.[name(found.name)];
  if (work !== undefined) return work || !everyCall;
  const base = models.bases?.[found.key]?.[found.name];
  return !!base && outsideAt(models, base.key, method ? [base.name, method] : [base.name], everyCall, depth + 1);
}

const MAX_REEXPORT_STEPS = 6;
