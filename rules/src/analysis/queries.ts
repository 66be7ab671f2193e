import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import {
  isDynamoModule,
  modelFact,
  ormValueOf,
  projectModels,
  REPOSITORY_GETTERS,
  returnedExpression,
  startsKnexBuilder,
  type Orm,
  type OrmValue,
} from './orm';
import { onPipeliningClient, queuesWrite } from './redis-pipelines';
import { issuedBeforeFirstAwait } from './visit';
import {
  declarationOf,
  functionFactAt,
  isHandle,
  isProjectModule,
  localModelFacts,
  RELATION_DECORATORS,
  moduleKey,
  throughHeld,
  type ModelFact,
  type ProjectModels,
  type QuerySite,
} from './orm-index';
import { siblingStatic } from './mongoose-schemas';
import { parameterQueriesOf, parameterQuerySite } from './parameter-queries';
import {
  askedQuery,
  askedSite,
  callRef,
  indexedOutside,
  inheritedRef,
  instanceClass,
  indexedSummary,
  isOutsideProject,
  MAX_CHAIN_DEPTH,
  resolveCallRef,
  heldInstanceMethod,
  resolveSummary,
  siteOf,
  summarizeFunction,
  handedCallbacks,
  transactionCallback,
  transactionReceiver,
  transactionClient,
  type CallReader,
  type CallRef,
  type QueryOfCall,
  injectedFunction,
} from '../project-model/summaries';
import { foreignModuleOf, receiverMaker } from './outside-calls';
import { callChainTop, calleeName, stepsAfter } from './names';
import { filterColumn, filtersSeveralColumns, namedFilterColumn } from './filter-column';
import { locksRows } from './row-locks';
import { compiledReadOnFixedTable } from './row-statements';
import { claimsRowInOwnTransaction } from './row-claims';
import { takesTopRows } from './top-rows';
import { createsThroughRelations } from './prisma-relation-writes';
import {
  type ModuleMember,
  constValueOf,
  isRequestMemoized,
  keyName,
  localFunction,
  madeLocalFunction,
  propertyName,
  resolveModuleMember,
  resolveVariable,
  unwrapExpression,
  setsOption,
} from './resolve';
import { walk } from '../walk';
import { pickedTableEntries } from './function-tables';
import { METEOR_CURSOR, namespacedQueryKind } from './framework-models';
import {
  KNEX_CLIENT,
  KYSELY_CLIENT,
  KYSELY_EXECUTORS,
  D1_EXECUTORS,
  DYNAMODB_TOOLBOX,
  MIKRO_COLLECTION,
  MIKRO_REF,
  OBJECTION_FIRST_STEPS,
  objectionWrites,
  PRISMA_ONLY_FINDERS,
  SEQUELIZE_ROW,
  TYPEORM_ACTIVE_ROW,
  TYPEORM_BUILDER_EXECUTORS,
  builderWrite,
  chainExecutes,
  executesBuilder,
  handedSqlWrite,
  kindOf,
  operationsOf,
  runsQueryOfKind,
  sendsSqlText,
  sqlArgumentOf,
  sqlWriteOf,
  typeormBuilderRun,
  type SqlWrite,
} from './query-kinds';
import {
  arrayCallbackCall,
  awaitedOrReturned,
  contains,
  enclosingFunction,
  enclosingLoop,
  isFunction,
  isLoopStatement,
  type FunctionNode,
  type LoopStatement,
} from './scopes';
import { itemReader, originsThroughCall } from './value-origins';

/** What a database query is: where it is, which library runs it, and what it does. */
export interface QueryMatch {
  /** The call that runs the query, or the lazy relation access (`post.author`). */
  call: TSESTree.CallExpression | TSESTree.MemberExpression | TSESTree.TaggedTemplateExpression;
  library: Orm;
  /** `read` and `write` run one statement; `relation` loads a relation of one loaded row. */
  kind: 'read' | 'write' | 'relation';
  /** The method (`findUnique`) or the relation property (`author`). */
  operation: string;
  /** The model or table when it is known (`user` of `prisma.user`, `Post` of `Repository<Post>`). */
  model?: string;
  /** What to squiggle: the query's callee (`prisma.user.findUnique`) or the relation access. */
  range: [number, number];
  /** The source text of what the query runs on (`prisma.user`, `this.users`), when it is known. */
  receiver?: string;
  /** Set when the call is a function of the project that runs the query (`getUser(id)`), not the query itself. */
  wrapper?: boolean;
  /** Set when that function writes its raw SQL itself, as fixed text or computed there: the call's arguments are values bound to it, not its text. */
  sqlInWrapper?: 'fixed' | 'computed';
  /** Set when that function sends a Redis command on a client that pipelines a tick's commands, before it first awaits (see `QuerySite.pipelined`). */
  pipelined?: true;
  /** Where the query runs when the call reaches it through a function of the project (in this file or another). */
  site?: QuerySite;
  /** Set when one loaded row runs the statement itself (`doc.save()`, `doc.destroy()`), not the model. */
  row?: true;
  /** For a TypeORM `save`: whether the entity is a new row (inserted) or a loaded one (updated), when the code shows which. */
  saves?: SavedEntity;
  /** What raw SQL written in the code does (`INSERT …`, `UPDATE …`, `DELETE …`), when it writes. */
  statement?: SqlWrite;
  /** For a call of a function of the project: which of its inputs reach its queries (see `FunctionSummary.inputs`), when known. */
  inputs?: string[];
  /** Set when the read takes the first rows of an order (see `QuerySite.topRows`). */
  topRows?: true;
  /** For a call of a function of this file that runs one query: the column that query filters on (see `QuerySite.keyColumn`). */
  keyColumn?: string;
  /** For a call of a function of this file that runs one query: set when that query filters on several columns (see `QuerySite.severalColumns`). */
  severalColumns?: true;
  /** How the message names a query whose squiggled step alone would not say it (`insert('cart_item')….execute()`). */
  named?: string;
  /** Set when the call runs the entry of an object of functions a key picks, each of which queries (see `pickedTableEntries`). */
  pickedEntry?: true;
}

export type { SqlWrite };

export type SavedEntity = 'new' | 'existing';

/**
 * The ORM or database query that an expression performs (`prisma.user.findUnique(...)`,
 * `repo.findOne(...)`, `knex('users').where(...).first()`, a lazy relation `await post.author`),
 * or undefined. `await` and type assertions are looked through, and so are the calls chained
 * on a query (`.lean()`, `.posts()`, `.then(...)`). Shared so that await-in-loop can leave such
 * awaits to n-plus-one.
 */
export function databaseQueryOf(context: RuleContext, expression: TSESTree.Node): QueryMatch | undefined {
  // Without a database in reach there is no query, and looking would cost the file's model facts and function summaries.
  if (!context.databaseInReach) return undefined;
  try {
    return findQuery(context, expression);
  } catch {
    // Other rules ask this of every await in a loop: an odd construct must not cost them their findings.
    return undefined;
  }
}

function findQuery(context: RuleContext, expression: TSESTree.Node): QueryMatch | undefined {
  let node: TSESTree.Node | undefined = unwrapExpression(expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const relation = lazyRelationOf(context, node);
    if (relation) return relation;
  }
  let heldHops = 0;
  while (node) {
    node = unwrapExpression(node);
    if (node.type === AST_NODE_TYPES.TaggedTemplateExpression) return taggedQueryOf(context, node);
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const match = queryCallOf(context, node);
      if (match) return match;
      node = node.callee;
    } else if (node.type === AST_NODE_TYPES.MemberExpression) {
      node = node.object;
    } else if (node.type === AST_NODE_TYPES.Identifier && heldHops++ < MAX_HELD_HOPS) {
      node = builderMadeInIteration(context, node);
    } else {
      node = undefined;
    }
  }
  return undefined;
}

/** The libraries whose builders run anew each time they are run, which a builder made once and run per item does. */
const RERUNNABLE_BUILDERS: ReadonlySet<Orm> = new Set(['typeorm', 'kysely', 'knex', 'drizzle', 'objection']);

/**
 * `const base = db.selectFrom('t').selectAll(); for (...) await base.where('id', '=', id).execute()`: a builder made before the
 * iteration and run in it is a query where each use runs it (one made in the iteration is the query where it is made).
 */
function runOfBuilderMadeBefore(context: RuleContext, call: TSESTree.CallExpression, receiver: TSESTree.Node): QueryMatch | undefined {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(context, receiver);
  const definition = variable?.defs[0];
  const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
  const init = declarator?.init && unwrapExpression(declarator.init);
  if (init?.type !== AST_NODE_TYPES.CallExpression || variable!.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  if (!iteratesBetween(receiver, declarator!)) return undefined;
  const made = findQuery(context, init);
  if (!made || !RERUNNABLE_BUILDERS.has(made.library) || made.call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const executors = made.library === 'typeorm' ? TYPEORM_BUILDER_EXECUTORS : made.library === 'kysely' ? KYSELY_EXECUTORS : undefined;
  const runs = executors
    ? chainExecutes(receiver, executors) || executesBuilder(context, call, executors)
    : callChainTop(call).parent?.type === AST_NODE_TYPES.AwaitExpression;
  return runs ? { ...made, call, range: call.callee.range, receiver: text(context, receiver) } : undefined;
}

/** Whether a loop's body or an array callback lies between a use and the declaration it reads: the use repeats, the declaration does not. */
function iteratesBetween(use: TSESTree.Node, declaration: TSESTree.Node): boolean {
  for (let current = use.parent; current && !contains(current, declaration); current = current.parent) {
    if (isLoopStatement(current) && contains(current.body, use)) return true;
    if (isFunction(current) && arrayCallbackCall(current)) return true;
  }
  return false;
}

/** How many variables a query is followed through (`const base = knex('t'); const q = base.where(...); await q`). */
const MAX_HELD_HOPS = 3;

/**
 * `const q = knex('users').where(...); await q`, `qb.getOne()`: the builder a variable holds, made in the same iteration as the
 * use (a builder made before the loop and run in it is made once), or undefined; a value awaited first holds rows, not a builder.
 */
function builderMadeInIteration(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const definition = resolveVariable(context, identifier)?.defs[0];
  const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
  const init = declarator?.init && unwrapExpression(declarator.init);
  if (init?.type !== AST_NODE_TYPES.CallExpression || enclosingFunctionOf(declarator!) !== enclosingFunctionOf(identifier)) return undefined;
  const loop = enclosingLoop(identifier);
  return !loop || contains(loop, declarator!) ? init : undefined;
}

/** The query a call itself starts (not one it chains on), memoized per call. */
export function queryCallOf(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  const cache = context.shared.memo('queryCallOf', () => new Map<TSESTree.CallExpression, QueryMatch | undefined>());
  if (!cache.has(call)) {
    // A builder followed through variables may lead back to this call.
    cache.set(call, undefined);
    cache.set(call, classifyCall(context, call));
  }
  return cache.get(call);
}

/**
 * `prisma.$queryRaw\`SELECT ... WHERE id = ${id}\``, `db.$executeRaw\`...\``: Prisma's raw queries written as tagged
 * templates run one statement each, with the embedded values sent as parameters.
 */
export function taggedQueryOf(context: RuleContext, node: TSESTree.TaggedTemplateExpression): QueryMatch | undefined {
  const tag = unwrapExpression(node.tag);
  if (tag.type === AST_NODE_TYPES.Identifier) return clientTemplateQuery(context, node, tag);
  const method = tag.type === AST_NODE_TYPES.MemberExpression ? propertyName(tag) : undefined;
  // `pool.sql\`…\`` of `@vercel/postgres`.
  if (tag.type === AST_NODE_TYPES.MemberExpression && method === 'sql') return clientTemplateQuery(context, node, tag);
  if (tag.type !== AST_NODE_TYPES.MemberExpression || (method !== '$queryRaw' && method !== '$executeRaw')) return undefined;
  const value = ormValueOf(context, tag.object);
  const known = value?.orm === 'prisma' && value.kind === 'client';
  if (!known && (value || !isImportedPrismaClient(context, tag.object))) return undefined;
  const statement = sqlWriteOf(node);
  return {
    ...match(node, 'prisma', method === '$queryRaw' && !statement ? 'read' : 'write', method, tag.range),
    receiver: text(context, tag.object),
    ...(statement && { statement }),
  };
}

/**
 * postgres.js's ``sql`select …` ``, Neon's and `@vercel/postgres`'s: a query on the client it is written on, unless it is a
 * fragment embedded in another template.
 */
function clientTemplateQuery(
  context: RuleContext,
  node: TSESTree.TaggedTemplateExpression,
  tag: TSESTree.Identifier | TSESTree.MemberExpression,
): QueryMatch | undefined {
  const value = ormValueOf(context, tag);
  if ((value?.orm !== 'postgres' && value?.orm !== 'neon') || value.kind !== 'client') return undefined;
  for (let current: TSESTree.Node | undefined = node.parent; current && !isFunction(current); current = current.parent)
    if (current.type === AST_NODE_TYPES.TemplateLiteral) return undefined;
  const statement = sqlWriteOf(node);
  const name = text(context, tag);
  return { ...match(node, value.orm, statement ? 'write' : 'read', name, tag.range), receiver: name, ...(statement && { statement }) };
}

function classifyCall(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  const callee = call.callee;
  const knexTable = knexTableQuery(context, call);
  if (knexTable) return knexTable;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    const value = ormValueOf(context, callee);
    // The index's summary names the query and where it is; the export's own value only says that it runs one.
    if (value?.kind === 'queryFunction')
      return projectCallQuery(context, call) ?? { ...match(call, value.orm, 'read', text(context, callee), callee.range), wrapper: true };
    // `$transaction(prisma, 'name', async (tx) => ...)`: the project's helper runs the callback on the client it is handed.
    return (
      transactionQuery(context, call) ??
      functionQuery(context, call) ??
      runnerCallbackQuery(context, call) ??
      handedHandleQuery(context, call) ??
      tableEntryQuery(context, call)
    );
  }
  if (callee.computed) {
    const picked = tableEntryQuery(context, call);
    if (picked) return picked;
  }
  // `this.#load(id)`: a private method, which only this class declares.
  if (callee.property.type === AST_NODE_TYPES.PrivateIdentifier) return functionQuery(context, call);
  const method = propertyName(callee);
  if (method === undefined) return undefined;
  const heldRun = runOfBuilderMadeBefore(context, call, callee.object) ?? kyselyRawQuery(context, call, callee);
  if (heldRun) return heldRun;
  const queued = method === 'push' || method === 'unshift' ? queuedTaskQuery(context, call, callee.object) : undefined;
  if (queued) return queued;
  // `row.$relatedQuery('tags').relate(tag)` writes join rows; without a write step it loads the row's relation.
  if (method === '$relatedQuery' || method === '$fetchGraph')
    return match(call, 'objection', objectionWrites(context, call) ? 'write' : 'relation', method, callee.range);
  const transaction = transactionQuery(context, call);
  if (transaction) return { receiver: text(context, callee.object), ...transaction };
  const value = ormValueOf(context, callee.object);
  // A method the library itself defines is judged by the library's rules alone (`knex.raw(...)` as a column is a fragment).
  const found = value
    ? (valueQuery(context, call, callee, method, value) ?? (runsQueryOfKind(value, method) ? undefined : functionQuery(context, call)))
    : (unresolvedQuery(context, call, callee, method) ?? functionQuery(context, call) ?? handedHandleQuery(context, call));
  // `dependencies.getOwnerId(id)` runs an injected function: its object holds functions, no model to batch on.
  return found && (injectedFunction(context, callee) ? found : { receiver: text(context, callee.object), ...found });
}

/** Kysely's raw statement run on a handle: ``sql`delete from sessions where user_id = ${id}`.execute(db)``, `sql.raw(text).execute(trx)`. */
function kyselyRawQuery(context: RuleContext, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): QueryMatch | undefined {
  if (propertyName(callee) !== 'execute' || call.arguments.length !== 1) return undefined;
  const raw = unwrapExpression(callee.object);
  const sql = raw.type === AST_NODE_TYPES.TaggedTemplateExpression ? raw : raw.type === AST_NODE_TYPES.CallExpression ? raw.arguments[0] : undefined;
  const tag = raw.type === AST_NODE_TYPES.TaggedTemplateExpression ? raw.tag : raw.type === AST_NODE_TYPES.CallExpression ? raw.callee : undefined;
  const member = tag && resolveModuleMember(context, unwrapExpression(tag));
  if (!sql || member?.module !== 'kysely' || member.path[0] !== 'sql' || member.path.length > (sql === raw ? 1 : 2)) return undefined;
  const statement = sqlWriteOf(sql);
  return {
    ...match(raw as TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, 'kysely', statement ? 'write' : 'read', 'sql', callee.property.range),
    receiver: text(context, call.arguments[0]!),
    ...(statement && { statement }),
  };
}

/** The handles a statement can be sent on: a SQL driver's pool, client or transaction, a SQL builder's instance or transaction. */
const SENDING_HANDLES: ReadonlySet<Orm> = new Set(['pg', 'mysql2', 'knex', 'kysely', 'slonik', 'postgres', 'pg-promise', 'neon', 'libsql', 'drizzle']);

/** The statement a builder's first step, or the method handed the handle, names: `insert(t)`, `del(t)`, `insertOnUpdate(t, keys)`, `createMatch(…, trx)`; none for a read. */
const BUILDER_STATEMENTS: ReadonlyArray<readonly [RegExp, SqlWrite]> = [
  [/^(?:upsert|insertOnUpdate|insertOrUpdate|replace(?:Into)?)(?![a-z])/, 'upsert'],
  [/^(?:insert(?:Into)?|create|save)(?![a-z])/, 'create'],
  [/^update(?:Table)?(?![a-z])/, 'update'],
  [/^(?:del|delete(?:From)?|remove|destroy)(?![a-z])/, 'delete'],
];

/**
 * `await insert('order_item').given(row).execute(connection)`, `await select().from('t').where(...).load(pool)`: a call that is
 * handed a database handle, awaited or returned, sends a statement on it, whatever the builder's names: one round trip each
 * time. A function of the project is known by its summary instead, and a call that hands back a handle (`drizzle(pool)`) makes one.
 */
function handedHandleQuery(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  if (!awaitedOrReturned(call) || localFunction(context, call.callee)) return undefined;
  // The step that ends a builder's chain (`….execute(connection)`), or a package's function; a method of the item (`job.run(client)`) runs its own work.
  const callee = unwrapExpression(call.callee);
  const endsChain = callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.CallExpression;
  const member = endsChain ? undefined : resolveModuleMember(context, callee);
  if (!endsChain && (!member || isProjectModule(projectModels(context), member.module))) return undefined;
  const value = handedHandle(context, call);
  if (!value) return undefined;
  const ref = callRef(context, call);
  if (ref && isProjectModule(projectModels(context), ref.module)) return undefined;
  const called = ormValueOf(context, call);
  if (called && isHandle(called)) return undefined;
  const head = chainHead(call);
  const name = calleeName(head);
  const statement = name === undefined ? undefined : BUILDER_STATEMENTS.find(([verb]) => verb.test(name))?.[1];
  const table = head.arguments[0]?.type === AST_NODE_TYPES.Literal && typeof head.arguments[0].value === 'string' ? head.arguments[0].value : undefined;
  return {
    // The squiggle is on the step that sends (`execute`, `load`), not on the whole chain.
    ...match(
      call,
      value.orm,
      statement ? 'write' : 'read',
      name ?? 'query',
      call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property.range : call.callee.range,
      table,
    ),
    ...(statement && { statement }),
    named: `${name ?? ''}(${table === undefined ? '' : `'${table}'`})${head === call ? '' : `….${propertyName(call.callee as TSESTree.MemberExpression) ?? ''}()`}`,
  };
}

/** The known handle among a call's arguments: a pool, a client, a transaction. */
function handedHandle(context: RuleContext, call: TSESTree.CallExpression): OrmValue | undefined {
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.SpreadElement || isFunction(argument)) continue;
    const value = ormValueOf(context, argument);
    if (value?.kind === 'client' && SENDING_HANDLES.has(value.orm)) return value;
  }
  return undefined;
}

/** `x(...)` of `x(...).y(...).z(handle)`: the call a chain of calls starts with. */
function chainHead(call: TSESTree.CallExpression): TSESTree.CallExpression {
  let head = call;
  for (let object = head.callee; object.type === AST_NODE_TYPES.MemberExpression;) {
    const inner = unwrapExpression(object.object);
    if (inner.type !== AST_NODE_TYPES.CallExpression) break;
    head = inner;
    object = inner.callee;
  }
  return head;
}

/** async's queues: `queue(worker, concurrency)` runs the worker once for every task pushed. */
const QUEUE_MODULES: ReadonlySet<string> = new Set(['async', 'neo-async']);
const QUEUE_FUNCTIONS: ReadonlySet<string> = new Set(['queue', 'priorityQueue']);

/**
 * `const saveQueue = async.queue(this.saveEntryTask, 10); entries.forEach((entry) => saveQueue.push({ entry })); await
 * saveQueue.drain()`: each push runs the queue's worker once for the task it hands over, so the worker's query is the push's.
 */
function queuedTaskQuery(context: RuleContext, call: TSESTree.CallExpression, queue: TSESTree.Node): QueryMatch | undefined {
  const node = unwrapExpression(queue);
  if (node.type !== AST_NODE_TYPES.Identifier || call.arguments.length === 0) return undefined;
  const definition = resolveVariable(context, node)?.defs[0];
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  const made = init && unwrapExpression(init);
  if (made?.type !== AST_NODE_TYPES.CallExpression || !made.arguments[0]) return undefined;
  const member = resolveModuleMember(context, made.callee);
  const name = member && (member.path[0] === 'default' ? member.path.slice(1) : member.path).join('.');
  if (!member || !QUEUE_MODULES.has(member.module) || !QUEUE_FUNCTIONS.has(name!)) return undefined;
  const worker = localFunction(context, unboundFunction(made.arguments[0]));
  return worker && callbackQuery(context, call, worker);
}

/** `this.saveEntryTask.bind(this)`: the function a bound copy calls. */
function unboundFunction(node: TSESTree.Node): TSESTree.Node {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(value.callee) === 'bind'
    ? value.callee.object
    : value;
}

/** Kysely's steps that name common table expressions before the statement (`with`, `withRecursive`). */
const KYSELY_CTE: ReadonlySet<string> = new Set(['with', 'withRecursive']);

/** A Knex instance is callable: `knex('users')`, `this.knex('users')` start a query on that table. */
function knexTableQuery(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  if (call.arguments.length === 0) return undefined;
  const value = ormValueOf(context, call.callee);
  if (value?.orm !== 'knex' || value.kind !== 'client' || isSubquery(call) || buildsOnly(context, call)) return undefined;
  const write = knexWrite(call);
  return match(call, 'knex', write ? 'write' : 'read', write ?? 'knex', call.callee.range, tableArgument(call));
}

function text(context: RuleContext, node: TSESTree.Node): string {
  return quotedCode(context.text.slice(node.range[0], node.range[1]));
}

/**
 * Code as a message quotes it, on one line: a line break goes with its indentation (`db\n  .user`
 * reads `db.user`) unless it separates two words; other spaces stay (`(prisma as any)`).
 */
export function quotedCode(code: string): string {
  return code.replace(/\s+/g, (space, offset: number) => {
    if (!/[\r\n\u2028\u2029]/.test(space)) return ' ';
    return /[\w$]/.test(code[offset - 1] ?? '') && /[\w$]/.test(code[offset + space.length] ?? '') ? ' ' : '';
  });
}

function match(call: QueryMatch['call'], library: Orm, kind: QueryMatch['kind'], operation: string, range: [number, number], model?: string): QueryMatch {
  return { call, library, kind, operation, range, ...(model !== undefined && { model }) };
}

/** What a call of a function of the project runs: its write when it has one (a check then a create is a create), else its first query. */
function functionQuery(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  const summarized = projectCallQuery(context, call);
  // `select([getSelField(field)])` with `getSelField` returning `knex.raw(...)`: a column of the select, as the raw itself would be.
  if (returnsKnexFragment(summarized, call)) return undefined;
  // A function that starts with its query but also awaits other work, or writes again after it, is known by its summary, which says so.
  // So is one that claims its item's row in a transaction of its own (see `QuerySite.claims`).
  if (summarized?.site?.otherWork || summarized?.site?.writes || summarized?.site?.claims) return summarized;
  const found = wrapperQuery(context, call);
  if (returnsKnexFragment(found, call)) return undefined;
  // A function that does nothing but run one query is named by that query, and still known by what reaches it.
  const wrapped = found && summarized?.inputs ? { ...found, inputs: summarized.inputs } : found;
  if (wrapped?.kind === 'write') return wrapped;
  return summarized?.kind === 'write' ? summarized : (wrapped ?? summarized);
}

function returnsKnexFragment(match: QueryMatch | undefined, call: TSESTree.CallExpression): boolean {
  return match?.library === 'knex' && match.operation === 'raw' && isFragment(call);
}

/** A call of a function of this file that does nothing but run one query (`const getUser = (id) => prisma.user.findUnique(...)`). */
function wrapperQuery(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  const fn = localFunction(context, call.callee);
  const inner = fn && queryOfWrapper(context, fn);
  // `dropPartition(db, name)` that only runs `DROP TABLE ...`: a statement on a table, no query over rows.
  // A function whose SQL is computed further down on each call (see `QuerySite.dynamicSql`) is known by its summary, which says so.
  if (!inner || sendsSchemaStatement(inner) || inner.site?.dynamicSql) return undefined;
  // `(async () => { const rows = await prisma.x.findMany(...); ... })()`: the query is written right here.
  const keyColumn = withColumn(inner.keyColumn ?? (inner.site ? inner.site.keyColumn : filterColumn(inner)), inner);
  if (fn === unwrapExpression(call.callee)) return { ...inner, call, ...keyColumn };
  const ownSql = isRawStatement(inner) && (sqlWrittenBelow(inner) || !handsSqlThrough(context, inner, fn));
  return {
    call,
    library: inner.library,
    kind: inner.kind,
    operation: inner.operation,
    range: call.callee.range,
    ...(inner.model !== undefined && { model: inner.model }),
    ...(inner.receiver !== undefined && { receiver: inner.receiver }),
    ...(inner.saves && { saves: inner.saves }),
    ...((inner.statement ?? inner.site?.statement) && { statement: inner.statement ?? inner.site?.statement }),
    ...(ownSql && { sqlInWrapper: writtenSql(context, inner) }),
    ...(inner.library === 'redis' && onPipeliningClient(context, inner.call) && issuedBeforeFirstAwait(context, inner.call) && { pipelined: true as const }),
    ...keyColumn,
    wrapper: true,
  };
}

/** A call of a function that writes the SQL it runs, itself or further down (`getParent(id)` in `isParentActive(id)`): its arguments are values, not text. */
function sqlWrittenBelow(inner: QueryMatch): boolean {
  return !!inner.wrapper && (!!inner.sqlInWrapper || !!inner.site);
}

/** Whether the SQL a wrapper runs is fixed text or computed, where it is written. */
function writtenSql(context: RuleContext, inner: QueryMatch): 'fixed' | 'computed' {
  if (inner.sqlInWrapper) return inner.sqlInWrapper;
  if (inner.wrapper && inner.site) return inner.site.dynamicSql ? 'computed' : 'fixed';
  return hasFixedSqlText(context, inner.call) ? 'fixed' : 'computed';
}

/** `query: (text, params) => pool.query(text, params)`: the SQL a wrapper sends is a parameter its callers write. */
function handsSqlThrough(context: RuleContext, inner: QueryMatch, fn: FunctionNode): boolean {
  const sql = inner.call.type === AST_NODE_TYPES.CallExpression ? inner.call.arguments[0] : undefined;
  const node = sql && unwrapExpression(sql);
  if (node?.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, node)?.defs[0];
  return definition?.type === 'Parameter' && definition.node === fn;
}

/** A call of a function or method of the project (this file or another) that runs a query on every call. */
function projectCallQuery(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  const site = projectCallSite(context, call, 0);
  // `this.addScopes(group)` over groups loaded with `relations: { grants: true }`: the relation it reads is already there.
  if (!site || (site.relation && call.arguments.some((argument) => loadedWithRows(context, argument, site.operation)))) return undefined;
  const found = match(call, site.library, site.kind, site.operation, call.callee.range, site.model);
  // `tx.user.update(...)` with `tx` a transaction of an imported client: the call is the query itself, not a chain to it.
  if (site.file === context.fileName && site.start === call.callee.range[0]) return { ...found, ...(site.saves && { saves: site.saves }) };
  return { ...found, wrapper: true, site, ...(site.inputs && { inputs: site.inputs }) };
}

/**
 * `prisma.$transaction(async (tx) => { await tx.order.update(...); ... })`, `sequelize.transaction(async (t) => ...)`:
 * the callback runs on every call, so a transaction per item runs its statements once per item.
 */
function transactionQuery(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  const callback = transactionCallback(call);
  const found = callback && callbackQuery(context, call, callback);
  if (!found?.site) return undefined;
  // The callback's inputs are the handle the transaction gives it, not what this call is handed.
  const { inputs: _callback, ...site } = found.site;
  return { ...found, site };
}

/**
 * `await withPrismaRetry(() => prisma.action.update(...))`, `await pRetry(() => db.insert(...))`: an awaited helper of the
 * project, or of a retry package, handed an inline callback runs that callback's queries on every call.
 */
function runnerCallbackQuery(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  for (const callback of handedCallbacks(context, call)) {
    const found = callbackQuery(context, call, callback);
    if (found) return found;
  }
  return undefined;
}

/**
 * `await handlers[job.kind](job)`, `await handler(job)` with `const handler = this.syncers[job.source]`: a call of the entry of an
 * object of functions a key picks runs a query when every entry runs one, named by the first entry's.
 */
function tableEntryQuery(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  const entries = pickedTableEntries(context, call.callee);
  let first: QueryMatch | undefined;
  for (const entry of entries ?? []) {
    const found = callbackQuery(context, call, entry);
    if (!found) return undefined;
    first ??= found;
  }
  return first && { ...first, pickedEntry: true };
}

/** The query a callback the call runs on every call makes, named at the call. */
function callbackQuery(context: RuleContext, call: TSESTree.CallExpression, callback: FunctionNode): QueryMatch | undefined {
  // What a callback runs only when asked depends on what its runner hands it, which is not known here.
  const summary = askedSite(summarizeFunction(context, callback, callReader, 1), call, false);
  const models = projectModels(context);
  const resolved = resolveSummary(models, context.fileName, summary, models ? indexedSummary(models) : () => undefined);
  return resolved && { ...match(call, resolved.library, resolved.kind, resolved.operation, call.callee.range, resolved.model), wrapper: true, site: resolved };
}

/**
 * Where the query is that calling a function of the project runs, following calls to a bounded depth;
 * else the query it runs on a handle this call hands it (`emitAudit(tx, entry)`).
 */
function projectCallSite(context: RuleContext, call: TSESTree.CallExpression, depth: number): QuerySite | undefined {
  const models = projectModels(context);
  const local = localFunction(context, call.callee) ?? siblingStatic(context, call.callee) ?? madeLocalFunction(context, call.callee);
  if (local) {
    const summary = askedSite(summarizeFunction(context, local, callReader, depth + 1), call);
    const site = resolveSummary(models, context.fileName, summary, models ? indexedSummary(models) : () => undefined);
    if (site) return site;
    const handed = parameterQuerySite(context, call, parameterQueriesOf(context, local));
    return handed && summary.otherWork?.some((module) => isOutsideProject(models, context.fileName, module)) ? { ...handed, otherWork: true } : handed;
  }
  const ref = models && callRef(context, call);
  if (!ref) return undefined;
  const site = askedQuery(resolveCallRef(models, context.fileName, ref, indexedSummary(models)), call);
  if (site || ref.path.length > 2) return site;
  const key = moduleKey(models, context.fileName, ref.module);
  const queries = key === undefined ? undefined : functionFactAt(models, models.parameterQueries, key, ref.path);
  const handed = queries && parameterQuerySite(context, call, queries);
  return handed && indexedOutside(models)(key!, ref.path, false) ? { ...handed, otherWork: true } : handed;
}

function enclosingFunctionOf(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** The site of the query a call runs (itself, or through a function of the project), for function summaries. */
const siteOfQuery: QueryOfCall = (context, call, depth) => {
  if (depth > MAX_CHAIN_DEPTH) return undefined;
  // A request-memoized function may run once for every call of the function being summarized (see `FunctionSummary.memoized`).
  const local = call.type === AST_NODE_TYPES.CallExpression ? localFunction(context, call.callee) : undefined;
  if (local && isRequestMemoized(context, local)) return undefined;
  const found = call.type === AST_NODE_TYPES.TaggedTemplateExpression ? taggedQueryOf(context, call) : queryCallOf(context, call);
  if (!found)
    return call.type === AST_NODE_TYPES.CallExpression
      ? (entityRepositoryRef(context, call) ?? computedRawStatementRef(context, call) ?? invokedHandleRef(context, call))
      : undefined;
  if (found.kind === 'relation') return undefined;
  return (
    found.site ?? {
      ...siteOf(context, found.call, found.range),
      library: found.library,
      kind: found.kind,
      operation: found.operation,
      ...(found.model !== undefined && { model: found.model }),
      ...(found.row && { row: true as const }),
      ...(found.saves && { saves: found.saves }),
      ...(found.statement && { statement: found.statement }),
      ...(computesSql(context, found) && { dynamicSql: true as const }),
      ...(found.call.type === AST_NODE_TYPES.CallExpression && locksRows(context, found.call) && { locks: true as const }),
      ...(found.library === 'redis' && onPipeliningClient(context, found.call) && issuedBeforeFirstAwait(context, found.call) && { pipelined: true as const }),
      ...(found.kind === 'read' &&
        found.call.type === AST_NODE_TYPES.CallExpression &&
        claimsRowInOwnTransaction(context, found.call, transactionCallback, found.library) && { claims: true as const }),
      ...(found.kind === 'read' &&
        found.call.type !== AST_NODE_TYPES.MemberExpression &&
        takesTopRows(context, found.call, found.operation) && { topRows: true as const }),
      ...withColumn(found.keyColumn ?? filterColumn(found), found),
      ...(found.library === 'prisma' &&
        found.call.type === AST_NODE_TYPES.CallExpression &&
        createsThroughRelations(context, found.call, found.operation) && { nested: true as const }),
    }
  );
};

/** Raw SQL whose text each call computes, where the query or the wrapper that runs it writes it; a statement on a table of the call's choosing. */
function computesSql(context: RuleContext, found: QueryMatch): boolean {
  if (!isRawStatement(found)) return sendsSchemaStatement(found);
  return found.sqlInWrapper ? found.sqlInWrapper === 'computed' : !hasFixedSqlText(context, found.call);
}

/** The column fact of a site: the one column the query names, or that it filters on several. */
function withColumn(column: string | undefined, query?: QueryMatch): { keyColumn?: string; severalColumns?: true } {
  if (column !== undefined) return { keyColumn: column };
  const several = query && (query.severalColumns ?? (query.site ? query.site.severalColumns : filtersSeveralColumns(query)));
  return several ? { severalColumns: true } : {};
}

/** `await role.permissions` where `role` is a parameter of the function: each call loads the relation of the row it is handed. */
const siteOfRelation: CallReader['relationOf'] = (context, member, fn) => {
  const row = unwrapExpression(member.object);
  const definition = row.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, row)?.defs[0] : undefined;
  const found = definition?.type === 'Parameter' && definition.node === fn ? lazyRelationOf(context, member) : undefined;
  return (
    found && {
      ...siteOf(context, member, member.range),
      library: found.library,
      kind: 'read',
      operation: found.operation,
      ...(found.model !== undefined && { model: found.model }),
      relation: true,
    }
  );
};

/** How function summaries read calls, for the project index and for the functions of this file. */
export const callReader: CallReader = { queryOf: siteOfQuery, relationOf: siteOfRelation, foreignModuleOf, receiverMaker };

/**
 * `getFeature(prisma, id)` where that function, of this file or another, answers from a cache before its query
 * (`const hit = cache.get(id); if (hit) return hit;`): it queries once per distinct key, not once per call.
 * With `preloaded`, only a cache the function never fills itself (see `FunctionSummary.cacheFirst`).
 */
export function callsCacheFirst(context: RuleContext, call: TSESTree.CallExpression, preloaded = false): boolean {
  const accepts = (kind: true | 'preloaded' | undefined): boolean => (preloaded ? kind === 'preloaded' : !!kind);
  const local = localFunction(context, call.callee);
  if (local) return accepts(summarizeFunction(context, local, callReader).cacheFirst);
  const models = projectModels(context);
  const ref = models?.cacheFirst ? callRef(context, call) : undefined;
  // `context.models.tags.getCached(id)`: the method of the instance a field of the context holds.
  const held = models && ref && ref.path.length > 2 ? heldInstanceMethod(models, context.fileName, ref) : undefined;
  if (!models || !ref || (ref.path.length > 2 && !held)) return false;
  const key = held ? held.key : moduleKey(models, context.fileName, ref.module);
  // `Catalog.genreIdByName(…)` of `const Catalog = require('./catalog')`: a method of what the module exports, `module.exports = new Catalog()`.
  const path = held?.path ?? ref.path;
  const paths = ref.required && !held && path[0] !== 'default' ? [path, ['default', ...path]] : [path];
  return key !== undefined && paths.some((candidate) => answersFromCache(models, key, candidate, accepts));
}

/** Whether the function or method a path names in the file `key` (or in a file an export of it holds, see `heldPaths`) answers from a cache first. */
function answersFromCache(models: ProjectModels, key: string, path: readonly string[], accepts: (kind: true | 'preloaded' | undefined) => boolean): boolean {
  const [first, method] = path as [string, string?];
  const name = (exported: string): string => (method ? `${exported}.${method}` : exported);
  return (
    !!declarationOf(models, key, first, (file, exported) => accepts(models.cacheFirst?.[file]?.[name(exported)])) ||
    !!throughHeld(models, key, path, (heldKey, heldPath) => answersFromCache(models, heldKey, heldPath, accepts) || undefined)
  );
}

/**
 * A read whose queries read none of what the item of `scope` (a loop, an array callback) hands the call: it returns the same rows
 * for every item, work to hoist, which no batch over the items replaces.
 */
export function readsSameRowsPerItem(context: RuleContext, match: QueryMatch, scope: LoopStatement | FunctionNode): boolean {
  return (
    match.kind === 'read' && !!match.inputs && match.call.type === AST_NODE_TYPES.CallExpression && !handsItemToQuery(context, match.call, match.inputs, scope)
  );
}

/** Whether a call of a function hands something that changes with the item to the inputs its queries read. */
function handsItemToQuery(context: RuleContext, call: TSESTree.CallExpression, inputs: readonly string[], scope: LoopStatement | FunctionNode): boolean {
  const reaches = originsThroughCall(context, call, inputs, itemReader(scope));
  return reaches === undefined || reaches.size > 0;
}

/**
 * `this.prismaService.$executeRawUnsafe(sql)` on a client of another file, with `sql` computed on
 * the call: which client it is is known once the project is, but that the text differs per call
 * is known here, and a statement per table or column is no N+1.
 */
function computedRawStatementRef(context: RuleContext, call: TSESTree.CallExpression): CallRef | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !/^\$(?:query|execute)RawUnsafe$/.test(propertyName(callee) ?? '') || hasFixedSqlText(context, call))
    return undefined;
  const ref = callRef(context, call);
  return ref && { ...ref, dynamicSql: true };
}

/** A query that sends SQL text of its own (`$queryRawUnsafe(sql)`, `pool.query(sql, params)`, pg-promise's `db.one(sql, values)`), not one the ORM builds. */
export function isRawStatement(match: QueryMatch): boolean {
  return sendsSqlText(match.library, match.operation);
}

/** `pgp` of `pgp.as.format` or `pgp.helpers.insert`: pg-promise's root, imported or made by `pgPromise(options)`. */
function isPgPromiseRoot(context: RuleContext, node: TSESTree.Node): boolean {
  return resolveModuleMember(context, node)?.module === 'pg-promise' || ormValueOf(context, node)?.orm === 'pg-promise';
}

/** `pgp.<group>.<method>(...)` of pg-promise's root, for one of the names given. */
function pgPromiseCall(context: RuleContext, node: TSESTree.Node, group: string, methods: ReadonlySet<string>): TSESTree.CallExpression | undefined {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const owner = unwrapExpression(call.callee.object);
  return methods.has(propertyName(call.callee) ?? '') &&
    owner.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(owner) === group &&
    isPgPromiseRoot(context, owner.object)
    ? call
    : undefined;
}

/** pg-promise's `pgp.helpers.insert(rows, columns)` and `pgp.helpers.update(rows, columns)`: one statement shape that writes the rows it is given. */
export function pgPromiseHelperWrite(context: RuleContext, node: TSESTree.Node): 'create' | 'update' | undefined {
  const call = pgPromiseCall(context, node, 'helpers', HELPER_WRITES);
  return call && (propertyName(call.callee as TSESTree.MemberExpression) === 'insert' ? 'create' : 'update');
}

const HELPER_WRITES: ReadonlySet<string> = new Set(['insert', 'update']);
const FORMAT: ReadonlySet<string> = new Set(['format']);

/**
 * The SQL text pg-promise's formatter is given: `pgp.as.format(text, values)`, or a function of this file that returns
 * that for the text it is handed (`formatQuery(query, params)`); the node itself otherwise.
 */
export function formattedSql(context: RuleContext, node: TSESTree.Node): TSESTree.Node {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return node;
  const direct = pgPromiseCall(context, call, 'as', FORMAT);
  if (direct) return direct.arguments[0] ?? node;
  const fn = localFunction(context, call.callee);
  const returned = fn && returnedExpression(fn);
  const text = returned && pgPromiseCall(context, returned, 'as', FORMAT)?.arguments[0];
  const index =
    text?.type === AST_NODE_TYPES.Identifier
      ? fn!.params.findIndex((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === text.name)
      : -1;
  return call.arguments[index] ?? node;
}

/** The SQL argument is text written in the code (a literal, a template, or a constant holding one): the same statement each call. */
function hasFixedSqlText(context: RuleContext, call: TSESTree.Node): boolean {
  const sql = call.type === AST_NODE_TYPES.CallExpression ? sqlArgumentOf(call) : call.type === AST_NODE_TYPES.TaggedTemplateExpression ? call : undefined;
  // `db.none(pgp.helpers.insert(row, columns))`: one statement shape, whatever the row.
  if (sql && pgPromiseHelperWrite(context, sql)) return true;
  const text = sql && unwrapExpression(formattedSql(context, sql));
  if (!text || changesSchema(call)) return false;
  if (isFixedText(text) || compiledReadOnFixedTable(text)) return true;
  if (text.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, text)?.defs[0];
  // `query: (text, params) => pool.query(text, params)`: the caller writes the text.
  if (definition?.type === 'Parameter') return true;
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  // `const query = Prisma.sql\`...\`; await prisma.$queryRaw(query)`: the text kept in a variable first.
  // `const text = sql.replaceAll(/\{\{(\w+)\}\}/g, toPlaceholder)`: the caller's text, its placeholders rewritten.
  const value = init && unwrapExpression(init);
  if (value) return isFixedText(value) || compiledReadOnFixedTable(value) || rewritesParameterText(context, value);
  // `let sql; if (tree) sql = \`WITH RECURSIVE …\`; else sql = \`SELECT …\``: text written out on every branch that sets it.
  const written =
    definition?.type === 'Variable'
      ? resolveVariable(context, text)!.references.flatMap((reference) => (reference.writeExpr ? [reference.writeExpr] : []))
      : [];
  return written.length > 0 && written.every((expression) => isFixedText(unwrapExpression(expression as TSESTree.Node)));
}

/** Methods that rewrite a text in place (its placeholders, its whitespace), keeping the statement it is. */
const TEXT_REWRITES: ReadonlySet<string> = new Set(['replace', 'replaceAll', 'trim', 'trimStart', 'trimEnd']);

/** `sql.replaceAll(pattern, toPlaceholder)`, `sql?.trim()` with `sql` a parameter: the text a caller hands, rewritten the same way on each call. */
function rewritesParameterText(context: RuleContext, text: TSESTree.Node): boolean {
  const callee = text.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(text.callee) : undefined;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || !TEXT_REWRITES.has(propertyName(callee) ?? '')) return false;
  const source = unwrapExpression(callee.object);
  return source.type === AST_NODE_TYPES.Identifier && resolveVariable(context, source)?.defs[0]?.type === 'Parameter';
}

/** SQL text written out: a string, a template, or a tagged template (`Prisma.sql\`...\``) into which no text computed on the call is spliced. */
function isFixedText(text: TSESTree.Node): boolean {
  if (text.type === AST_NODE_TYPES.Literal || text.type === AST_NODE_TYPES.TemplateLiteral) return true;
  return (
    text.type === AST_NODE_TYPES.TaggedTemplateExpression &&
    rawFragments(text).every((fragment) => fragment.arguments.every((argument) => argument.type === AST_NODE_TYPES.Literal))
  );
}

/**
 * Statements on tables, sessions and transactions rather than rows: one per partition, table, channel or transaction is the
 * work itself (`LISTEN ${channel}`, `PREPARE TRANSACTION '${gid}'`, `COMMIT PREPARED`), with no batched form over ids.
 */
const SCHEMA_STATEMENT =
  /^\s*(?:ALTER|CREATE|DROP|TRUNCATE|VACUUM|ANALYZE|REINDEX|CLUSTER|REFRESH|GRANT|REVOKE|COMMENT|LOCK|SET|RESET|LISTEN|UNLISTEN|PREPARE\s+TRANSACTION|(?:COMMIT|ROLLBACK)\s+PREPARED|SAVEPOINT|RELEASE|DISCARD|DEALLOCATE)\b/i;

/** `$executeRawUnsafe(\`DROP TABLE "${name}"\`)`, `pool.query('VACUUM ...')`: the SQL text written in the call starts a schema or session statement. */
export function changesSchema(call: TSESTree.Node): boolean {
  const sql =
    call.type === AST_NODE_TYPES.CallExpression ? sqlArgumentOf(call) : call.type === AST_NODE_TYPES.TaggedTemplateExpression ? call.quasi : undefined;
  const text = sql && unwrapExpression(sql);
  const start = text?.type === AST_NODE_TYPES.Literal ? text.value : text?.type === AST_NODE_TYPES.TemplateLiteral ? text.quasis[0]?.value.cooked : undefined;
  return typeof start === 'string' && SCHEMA_STATEMENT.test(start);
}

/** Knex's `db.raw(\`PREPARE TRANSACTION '${gid}'\`)` and other raw statements on tables, sessions or transactions rather than rows. */
export function sendsSchemaStatement(match: QueryMatch): boolean {
  return (isRawStatement(match) || match.operation === 'raw') && changesSchema(match.call);
}

/** `Prisma.raw(table)`, `sql.raw(column)` embedded in a template: text spliced into the statement, not a parameter. */
export function rawFragments(template: TSESTree.TaggedTemplateExpression): TSESTree.CallExpression[] {
  return template.quasi.expressions.flatMap((expression) => {
    const inner = unwrapExpression(expression);
    return inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(inner.callee) === 'raw'
      ? [inner]
      : [];
  });
}

/**
 * `this.connection.getRepository(ctx, Order).findOne(...)` with `Order` imported: whether `Order` is an
 * entity, and so whether this runs a query, is known once the project is (see `resolveCallRef`).
 */
function entityRepositoryRef(context: RuleContext, call: TSESTree.CallExpression): CallRef | undefined {
  const callee = call.callee;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  const getter = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
  if (!method || getter?.type !== AST_NODE_TYPES.CallExpression || getter.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!REPOSITORY_GETTERS.has(propertyName(getter.callee) ?? '')) return undefined;
  for (const argument of getter.arguments) {
    const entity = argument.type === AST_NODE_TYPES.Identifier ? resolveModuleMember(context, argument) : undefined;
    if (!entity || entity.path.length > 1 || !isProjectModule(projectModels(context), entity.module)) continue;
    const saves = method === 'save' ? savedEntity(context, call) : undefined;
    return {
      module: entity.module,
      path: [entity.path[0] ?? 'default', method],
      repository: true,
      ...siteOf(context, call, callee.range),
      ...(method === 'createQueryBuilder' && typeormBuilderRun(context, call)),
      ...(saves && { saves }),
    };
  }
  return undefined;
}

/**
 * `this.db('environments').where(...).update(...)` with `db: Db` of a type another file declares: whether `Db` is a
 * Knex instance (`export type Db = Knex | Knex.Transaction`), and so whether the chain runs a query, is known once the project is.
 */
function invokedHandleRef(context: RuleContext, call: TSESTree.CallExpression): CallRef | undefined {
  if (call.arguments.length === 0 || !startsChainOrIsAwaited(call) || isSubquery(call) || buildsOnly(context, call)) return undefined;
  // `trx('t')` in `this.db.transaction(async (trx) => ...)` is called on what `this.db` is.
  const receiver = transactionReceiver(context, unwrapExpression(call.callee));
  // `this.createQueryBuilder('p')` in a subclass of a project's repository starts a TypeORM builder, not a Knex query on table `p`.
  if (receiver.type === AST_NODE_TYPES.MemberExpression && propertyName(receiver) === 'createQueryBuilder') return undefined;
  const owner = instanceClass(context, receiver) ?? (startsKnexBuilder(call) ? importedHandle(context, receiver) : undefined);
  const table = tableArgument(call);
  // `this.knex('users')` with `knex` a field or getter of a base class another file exports: what that member holds (a table named, not Objection's `this.query(trx)`).
  const inherited = owner || table === undefined || receiver.type !== AST_NODE_TYPES.MemberExpression ? undefined : inheritedRef(context, receiver);
  if (!inherited && (!owner || owner.module.startsWith('node:'))) return undefined;
  const write = knexWrite(call);
  return {
    module: inherited?.module ?? owner!.module,
    path: inherited?.path ?? [owner!.path[0] ?? 'default'],
    instance: true,
    ...siteOf(context, call, call.callee.range),
    invoked: { kind: write ? 'write' : 'read', operation: write ?? 'knex', ...(table !== undefined && { model: table }) },
    ...withColumn(namedFilterColumn(call)),
  };
}

/**
 * `knex` of `const knex = require('../lib/knex')` or `import db from './db'`, called to start a builder (`knex('t').where(...)`): a
 * module of the project (or one of its named exports) that may be the Knex instance it makes; the project's index tells. A call
 * of an imported function (`await notify(event)`) stays a call of that function.
 */
function importedHandle(context: RuleContext, receiver: TSESTree.Node): ModuleMember | undefined {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const member = resolveModuleMember(context, receiver);
  return member && member.path.length <= 1 && isProjectModule(projectModels(context), member.module) ? member : undefined;
}

/** `db('users').where(...)`, `await db('users')`: a call whose result is built on or awaited, as a query builder's is. */
function startsChainOrIsAwaited(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call) || parent?.type === AST_NODE_TYPES.AwaitExpression;
}

const MAX_WRAPPER_STATEMENTS = 3;

function containsLoop(root: TSESTree.Node): boolean {
  let found = false;
  walk(
    root,
    (node) => {
      if (isLoopStatement(node) || (isFunction(node) && arrayCallbackCall(node))) found = true;
    },
    () => {},
  );
  return found;
}

/**
 * The expression a function runs first, unconditionally: its expression body, or the first
 * statement of its block (`return q`, `const x = await q`, `await q;`).
 */
export function firstExpressionOf(fn: FunctionNode): TSESTree.Node | undefined {
  const body = fn.body as FunctionNode['body'] | null | undefined;
  // Overload signatures and abstract methods have no body.
  if (!body) return undefined;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return body;
  // Only thin helpers: a handler that queries and then loops over the rows is not a look-up.
  if (body.body.length > MAX_WRAPPER_STATEMENTS || containsLoop(body)) return undefined;
  const first = body.body[0];
  if (first?.type === AST_NODE_TYPES.ReturnStatement) return first.argument ?? undefined;
  if (first?.type === AST_NODE_TYPES.ExpressionStatement) return first.expression;
  if (first?.type === AST_NODE_TYPES.VariableDeclaration && first.declarations.length === 1) return first.declarations[0]!.init ?? undefined;
  return undefined;
}

/**
 * The query a function runs on every call: its first statement is the query (`=> repo.findOne(...)`,
 * `const { rows } = await db.query(...)`), so calling it once per item runs the query once per item.
 */
export function queryOfWrapper(context: RuleContext, fn: FunctionNode): QueryMatch | undefined {
  const cache = context.shared.memo('queryOfWrapper', () => new Map<FunctionNode, QueryMatch | undefined>());
  if (cache.has(fn)) return cache.get(fn);
  // A recursive wrapper is seen as no query while it is being looked at.
  cache.set(fn, undefined);
  const first = firstExpressionOf(fn);
  const found = first && databaseQueryOf(context, first);
  const result = found && found.kind !== 'relation' ? found : undefined;
  cache.set(fn, result);
  return result;
}

/** The write a Knex chain ends in (`knex('users').where(...).update(...)`: `update`), or undefined for a read. */
function knexWrite(call: TSESTree.CallExpression): string | undefined {
  return stepsAfter(call).find((method) => KNEX_CLIENT.write.includes(method));
}

function tableArgument(call: TSESTree.CallExpression): string | undefined {
  const argument = call.arguments[0];
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

/** What a TypeORM relation query builder runs: `.relation('tags').of(post).add(ids)` writes the join rows, `.loadMany()` reads them. */
const RELATION_OPERATIONS: ReadonlyMap<string, 'read' | 'write'> = new Map([
  ['add', 'write'],
  ['remove', 'write'],
  ['set', 'write'],
  ['addAndRemove', 'write'],
  ['loadOne', 'read'],
  ['loadMany', 'read'],
]);

/** `createQueryBuilder().relation(...).of(entity).add(id)`: the operation that ends the chain after `relation` and `of`. */
function relationOperation(call: TSESTree.CallExpression): { kind: 'read' | 'write'; method: string } | undefined {
  const methods: string[] = [];
  let current: TSESTree.Node = call;
  for (;;) {
    const member: TSESTree.Node | undefined = current.parent;
    const next: TSESTree.Node | undefined = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member)
      break;
    methods.push(propertyName(member) ?? '');
    current = next;
  }
  const [relation, of, method] = methods;
  const kind = method === undefined ? undefined : RELATION_OPERATIONS.get(method);
  return relation === 'relation' && of === 'of' && methods.length === 3 && kind ? { kind, method: method! } : undefined;
}

function valueQuery(
  context: RuleContext,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  method: string,
  value: OrmValue,
): QueryMatch | undefined {
  const range = callee.range;
  if (method === 'createQueryBuilder' && value.orm === 'typeorm') {
    if (executesBuilder(context, call, TYPEORM_BUILDER_EXECUTORS)) {
      const write = builderWrite(call);
      return write ? match(call, 'typeorm', 'write', write, range, value.model) : match(call, 'typeorm', 'read', method, range, value.model);
    }
    const relation = relationOperation(call);
    return relation && match(call, 'typeorm', relation.kind, relation.method, range, value.model);
  }
  if (value.kind === 'entity') return entityQuery(context, call, method, value, range);
  if (value.orm === 'kysely' && value.kind === 'client') {
    // `db.withRecursive('tree', ...).selectFrom('tree')`: common table expressions first, then the statement they are for.
    const statement = KYSELY_CTE.has(method) ? stepsAfter(call).find((step) => kindOf(KYSELY_CLIENT, step)) : method;
    const kind = statement && kindOf(KYSELY_CLIENT, statement);
    return kind && !isSubquery(call) && executesBuilder(context, call, KYSELY_EXECUTORS)
      ? match(call, 'kysely', kind, method, range, statement === method ? tableArgument(call) : undefined)
      : undefined;
  }
  if (value.orm === 'supabase' && value.kind === 'client') return supabaseQuery(context, call, method, range);
  if (value.orm === 'dynamodb') return dynamoQuery(context, call, method, range);
  if (value.orm === 'dynamodb-toolbox') return toolboxQuery(call, method, range);
  if (value.methods?.includes(method)) return { ...match(call, value.orm, 'read', method, range, value.model), wrapper: true };
  // `payload.create({ collection: 'media', file })` uploads the file to storage: a loop of them waits on uploads, with no batched form.
  if (value.orm === 'payload' && uploadsFile(call)) return undefined;
  const operations = operationsOf(value);
  const kind = operations ? kindOf(operations, method) : namespacedQueryKind(value, method);
  if (!kind) return undefined;
  // `Cards.find(selector)` makes a cursor: a cursor method that ends its chain runs it.
  if (value.orm === 'meteor' && method === 'find' && !executesBuilder(context, call, METEOR_CURSOR)) return undefined;
  if ((value.orm === 'knex' || value.orm === 'drizzle' || value.orm === 'objection') && (isSubquery(call) || buildsOnly(context, call))) return undefined;
  if (value.orm === 'drizzle' && runsInProcess(call)) return undefined;
  // `db.prepare(sql).bind(id).first()`: a D1 statement prepared for a batch, or kept, runs nothing yet.
  if (value.orm === 'd1' && !executesBuilder(context, call, D1_EXECUTORS)) return undefined;
  // `queue.createJob(data).save()`: Bee-Queue sends the job at `save()`; a job made for `saveAll(jobs)` is not sent yet.
  if (value.orm === 'bee-queue' && !executesBuilder(context, call, BEE_QUEUE_SAVE)) return undefined;
  // A job added and not waited for goes out on the queue's connection behind the others: the loop does not wait for each.
  if ((value.orm === 'bullmq' || value.orm === 'bee-queue' || value.orm === 'pg-boss') && !awaitedOrReturned(callChainTop(call) as TSESTree.CallExpression))
    return undefined;
  if (value.orm === 'knex' && method === 'raw' && isFragment(call)) return undefined;
  const model = value.kind === 'manager' ? modelArgument(call) : value.model;
  // `Person.query().patch(changes)`: Objection's builder reads unless a step of its chain writes.
  const builderKind =
    (value.orm === 'objection' && objectionWrites(context, call)) || (value.orm === 'redis' && value.kind === 'delegate' && queuesWrite(context, call))
      ? 'write'
      : kind;
  const relationKind = value.kind === 'ref' || value.kind === 'collection' ? 'relation' : builderKind;
  if (relationKind === 'relation' && isPreloadedRelation(context, callee.object)) return undefined;
  const saves =
    value.orm === 'typeorm' && method === 'save'
      ? savedEntity(context, call)
      : value.orm === 'redbean' && method === 'store' && call.arguments[0] && mayHoldLoadedRow(context, call.arguments[0])
        ? 'existing'
        : undefined;
  const found = { ...match(call, value.orm, relationKind, method, range, model), ...(saves && { saves }) };
  // `pool.query('INSERT …')`, `knex.raw('DELETE …')`, Slonik's `pool.one(sql\`…\`)`: raw SQL says by its text whether it writes.
  const sql = sqlArgumentOf(call);
  const statement =
    value.orm === 'pg-promise' && sql
      ? (pgPromiseHelperWrite(context, sql) ?? handedSqlWrite(context, formattedSql(context, sql)))
      : (isRawStatement(found) ||
            (value.orm === 'knex' && method === 'raw') ||
            (value.orm === 'drizzle' && method === 'execute') ||
            value.orm === 'slonik' ||
            value.orm === 'postgres') &&
          sql
        ? handedSqlWrite(context, sql)
        : undefined;
  return statement ? { ...found, kind: 'write', statement } : found;
}

const BEE_QUEUE_SAVE: ReadonlySet<string> = new Set(['save']);

/**
 * DynamoDB's requests on one item or one key: v3's commands (`GetItemCommand`, lib-dynamodb's `GetCommand`) and the methods of
 * v3's aggregated clients and v2's (`getItem`, the document client's `get`); their batched forms (`BatchGet…`, `BatchWrite…`) are not here.
 */
const DYNAMODB_REQUESTS: ReadonlyMap<string, 'read' | 'write'> = new Map([
  ...['GetItem', 'Get', 'Query'].flatMap((name): Array<[string, 'read']> => [[`${name}Command`, 'read']]),
  ...['PutItem', 'Put', 'UpdateItem', 'Update', 'DeleteItem', 'Delete'].flatMap((name): Array<[string, 'write']> => [[`${name}Command`, 'write']]),
  ...['getItem', 'get', 'query'].map((name): [string, 'read'] => [name, 'read']),
  ...['putItem', 'put', 'updateItem', 'update', 'deleteItem', 'delete'].map((name): [string, 'write'] => [name, 'write']),
]);

/**
 * `client.send(new GetItemCommand(input))`, `docClient.get(params).promise()`: one DynamoDB request, named by its command or
 * method, when the loop waits for it; a request only made or kept runs nothing here.
 */
function dynamoQuery(context: RuleContext, call: TSESTree.CallExpression, method: string, range: TSESTree.Range): QueryMatch | undefined {
  const command = method === 'send' ? dynamoCommand(context, call.arguments[0]) : method;
  const kind = command === undefined ? undefined : DYNAMODB_REQUESTS.get(command);
  if (!kind || !awaitedOrReturned(callChainTop(call) as TSESTree.CallExpression)) return undefined;
  return match(call, 'dynamodb', kind, command!, range);
}

/**
 * `await entity.get({ pk, sk })`, `await table.batchWrite(items)`: one DynamoDB request of dynamodb-toolbox when the loop waits
 * for it; with `{ execute: false }` the call only builds the request's parameters.
 */
function toolboxQuery(call: TSESTree.CallExpression, method: string, range: TSESTree.Range): QueryMatch | undefined {
  const kind = kindOf(DYNAMODB_TOOLBOX, method);
  if (!kind || !awaitedOrReturned(callChainTop(call) as TSESTree.CallExpression) || setsOption(call.arguments, 'execute', false)) return undefined;
  return match(call, 'dynamodb-toolbox', kind, method, range);
}

/** The DynamoDB command class a `send` is handed, made in place or kept in a constant: `new GetCommand({ TableName, Key })`. */
function dynamoCommand(context: RuleContext, argument: TSESTree.Node | undefined): string | undefined {
  const made = argument && constValueOf(context, argument);
  if (made?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const member = resolveModuleMember(context, made.callee);
  return member && isDynamoModule(member.module) ? member.path.at(-1) : undefined;
}

/** PostgREST's steps that say what a request does: the first of them in a `from(table)` chain. */
const SUPABASE_STATEMENTS: ReadonlyMap<string, 'read' | 'write'> = new Map([
  ['select', 'read'],
  ['insert', 'write'],
  ['upsert', 'write'],
  ['update', 'write'],
  ['delete', 'write'],
]);

/**
 * `supabase.from('accounts').update(changes).eq('id', id)`: one PostgREST request, sent when the builder is awaited, named by
 * the step that says what it does (`select`, `insert`, `upsert`, `update`, `delete`); a builder only composed or kept runs nothing here.
 */
function supabaseQuery(context: RuleContext, call: TSESTree.CallExpression, method: string, range: TSESTree.Range): QueryMatch | undefined {
  if (method !== 'from') return undefined;
  const statement = stepsAfter(call).find((step) => SUPABASE_STATEMENTS.has(step));
  if (statement === undefined || buildsOnly(context, call)) return undefined;
  return match(call, 'supabase', SUPABASE_STATEMENTS.get(statement)!, statement, range, tableArgument(call));
}

/**
 * `tx.update(items).set(...).where(...).run();` as a statement of a synchronous function: Drizzle on an embedded SQLite
 * (better-sqlite3, Bun's) runs it in this process and returns at once, with no round trip to repeat.
 */
function runsInProcess(call: TSESTree.CallExpression): boolean {
  const steps = stepsAfter(call);
  const top = callChainTop(call);
  const fn = enclosingFunction(top);
  return SQLITE_SYNC_RUNS.has(steps[steps.length - 1] ?? '') && top.parent?.type === AST_NODE_TYPES.ExpressionStatement && !!fn && !fn.async;
}

const SQLITE_SYNC_RUNS: ReadonlySet<string> = new Set(['run', 'all', 'get']);

/** A Payload call given a file to store (`file`, `filePath`): an upload to the collection's storage as well as a write. */
function uploadsFile(call: TSESTree.CallExpression): boolean {
  const options = call.arguments[0];
  return (
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some((property) => property.type === AST_NODE_TYPES.Property && /^(?:file|filePath)$/.test(keyName(property) ?? ''))
  );
}

/**
 * Whether a TypeORM `save(entity)` inserts or updates: `new User()`, `repo.create(...)` and a
 * literal without an id are new rows; a row a finder returned, or a literal with its id, exists.
 * Undefined when the code does not show it (a parameter, a member of another object).
 */
function savedEntity(context: RuleContext, call: TSESTree.CallExpression): SavedEntity | undefined {
  const [first, second] = call.arguments;
  // `manager.save(User, values)` names the entity class first.
  const entity = second && first?.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(first.name) ? second : first;
  return entity && entityState(context, entity, 0);
}

const MAX_ENTITY_STEPS = 4;

function entityState(context: RuleContext, expression: TSESTree.Node, depth: number): SavedEntity | undefined {
  if (depth > MAX_ENTITY_STEPS) return undefined;
  const node = unwrapExpression(expression);
  switch (node.type) {
    case AST_NODE_TYPES.NewExpression:
      return 'new';
    case AST_NODE_TYPES.ObjectExpression: {
      if (node.properties.some((property) => property.type === AST_NODE_TYPES.Property && /^_?id$/.test(keyName(property) ?? ''))) return 'existing';
      // `{ ...row, title }` is whatever `row` is.
      const spread = node.properties.find((property) => property.type === AST_NODE_TYPES.SpreadElement);
      return spread ? entityState(context, spread.argument, depth + 1) : 'new';
    }
    case AST_NODE_TYPES.AwaitExpression: {
      const argument = unwrapExpression(node.argument);
      return argument.type === AST_NODE_TYPES.CallExpression && loadsRows(context, argument) ? 'existing' : undefined;
    }
    case AST_NODE_TYPES.CallExpression: {
      const method = node.callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(node.callee) : undefined;
      // `repo.create(values)` makes an entity without a query; `Object.assign(row, changes)` and `repo.merge(row, changes)` are that row.
      if (method === 'create') return node.arguments[0] ? (entityState(context, node.arguments[0], depth + 1) ?? 'new') : 'new';
      if ((method === 'assign' || method === 'merge') && node.arguments[0]) return entityState(context, node.arguments[0], depth + 1);
      return undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveVariable(context, node);
      // `let user = await repo.findOneBy(...); if (!user) user = repo.create(...)` may be either.
      if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
      // A loop's row, or a variable that holds an awaited result: what loaded it.
      const origin = rowsOrigin(context, node);
      if (origin) return origin.type === AST_NODE_TYPES.CallExpression && loadsRows(context, origin) ? 'existing' : undefined;
      const definition = variable.defs[0];
      const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
      return init ? entityState(context, init, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** `let bean = await R.findOne(…); if (!bean) bean = R.dispense(…)`: a variable that holds a loaded row on some path, whatever else it may hold. */
function mayHoldLoadedRow(context: RuleContext, node: TSESTree.Node): boolean {
  const variable = node.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, node) : undefined;
  return !!variable?.references.some((reference) => {
    const written = reference.writeExpr && unwrapExpression(reference.writeExpr);
    const call = written?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(written.argument) : undefined;
    return call?.type === AST_NODE_TYPES.CallExpression && loadsRows(context, call);
  });
}

/** A read that returns stored rows: a finder, or a project function named as one (`findOne`, `getEntityOrThrow`). */
function loadsRows(context: RuleContext, call: TSESTree.CallExpression): boolean {
  if (queryCallOf(context, call)?.kind === 'read') return true;
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  return /^(?:find|get|load|fetch|preload)[A-Z]?/.test(name ?? '') || name === 'save';
}

function modelArgument(call: TSESTree.CallExpression): string | undefined {
  const argument = call.arguments[0];
  return argument?.type === AST_NODE_TYPES.Identifier ? argument.name : undefined;
}

/** Association getters of a Sequelize row, `populate` of a Mongoose document, `reload`, `$query` of an Objection row. */
function entityQuery(context: RuleContext, call: TSESTree.CallExpression, method: string, value: OrmValue, range: [number, number]): QueryMatch | undefined {
  if (value.orm === 'sequelize') {
    const fact = value.model ? modelFact(context, value.model) : undefined;
    if (fact?.getters?.includes(method)) return match(call, 'sequelize', 'relation', method, range, value.model);
    const own = fact ? ownRowMethodKind(fact, method) : value.model === undefined ? rowMethodKind(context, method) : undefined;
    if (own) return { ...match(call, 'sequelize', own, method, range, value.model), row: true };
    const kind = kindOf(SEQUELIZE_ROW, method);
    // A row made in this function (`new Doc(...)`, `Doc.build(...)`) is created by its `save()`.
    if (kind)
      return { ...match(call, 'sequelize', kind, method, range, value.model), ...(!(method === 'save' && isNewRow(context, call)) && { row: true as const }) };
  }
  if (value.orm === 'typeorm' && value.model && modelFact(context, value.model)?.activeRecord) {
    const kind = kindOf(TYPEORM_ACTIVE_ROW, method);
    const saves = method === 'save' && call.callee.type === AST_NODE_TYPES.MemberExpression ? entityState(context, call.callee.object, 0) : undefined;
    if (kind) return { ...match(call, 'typeorm', kind, method, range, value.model), row: true, ...(saves && { saves }) };
  }
  // sequelize-typescript: `user.$get('posts')`, `user.$count('posts')`.
  if (value.orm === 'sequelize' && (method === '$get' || method === '$count')) return match(call, 'sequelize', 'relation', method, range, value.model);
  if (value.orm === 'mongoose' && method === 'populate') return match(call, 'mongoose', 'relation', method, range, value.model);
  // `new Faq(doc).save()`, `const faq = new Faq(doc); await faq.save()`: an insert of the new document.
  if (value.orm === 'mongoose' && method === 'save' && isNewRow(context, call)) return match(call, 'mongoose', 'write', method, range, value.model);
  if (value.orm === 'objection' && method === '$query') return match(call, 'objection', 'read', method, range, value.model);
  return undefined;
}

/** Whether a row's `save()` inserts it: the row is made by `new Model(...)` there or held in a variable made so, or by `Model.build(...)`. */
function isNewRow(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(call.callee.object) : undefined;
  if (receiver?.type === AST_NODE_TYPES.NewExpression) return true;
  const definition = receiver?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, receiver)?.defs[0] : undefined;
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  if (init?.type === AST_NODE_TYPES.NewExpression) return true;
  return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(init.callee) === 'build';
}

/** `knex.select({ total: knex.raw('sum(?)', [column]) })`: raw SQL handed to a builder as a part of its query. */
function isFragment(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  return (
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(call)) ||
    (parent?.type === AST_NODE_TYPES.Property && parent.value === call) ||
    parent?.type === AST_NODE_TYPES.ArrayExpression
  );
}

/**
 * A lazy builder (Knex, Drizzle, Objection) that never runs: compiled to SQL text, kept in a variable
 * that is only compiled, or returned from an array callback whose array nothing awaits (the
 * builders are joined into one statement with `unionAll(...)`, say).
 */
function buildsOnly(context: RuleContext, call: TSESTree.CallExpression): boolean {
  if (compilesOnly(call)) return true;
  let top = callChainTop(call);
  // `const query = distinct ? knex.countDistinct(column) : knex.count(column)`: either builder is the variable's value.
  while (top.parent?.type === AST_NODE_TYPES.ConditionalExpression && top.parent.test !== top) top = top.parent;
  const parent = top.parent;
  // `const query = knex.count('*').from(table); return query.toQuery();`
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top && parent.id.type === AST_NODE_TYPES.Identifier) {
    const uses = resolveVariable(context, parent.id)?.references.filter((reference) => !reference.init) ?? [];
    if (uses.length > 0 && uses.every((reference) => compilesOnly(reference.identifier) || pushedToUnrunList(context, reference.identifier))) return true;
  }
  const fn =
    parent && isFunction(parent) && parent.body === top ? parent : parent?.type === AST_NODE_TYPES.ReturnStatement ? enclosingFunctionOf(parent) : undefined;
  const mapped = fn && isFunction(fn) && !fn.async ? arrayCallbackCall(fn) : undefined;
  return (!!mapped && !isAwaitedArray(context, mapped)) || composedOnly(context, call, new Set());
}

/**
 * A builder that only becomes a part of another statement, and so never runs by itself: interpolated into
 * SQL text (`sql\`${db.select().from(t)}\``), aliased as a subquery (`.as('alias')`), handed to a builder
 * (`unionAll(query)`), or kept in variables whose every use is one of those (`query = query.where(...)`).
 * A builder runs where it is awaited, `.then`'d, executed, returned or handed to other code.
 */
function composedOnly(context: RuleContext, start: TSESTree.Node, seen: Set<Variable>): boolean {
  if (compilesOnly(start)) return true;
  let end = callChainTop(start);
  // `branch as PgSelect`, `union === null ? branch : union.unionAll(branch)`: the same builder, as the value around it.
  while (end.parent && (TYPE_WRAPPERS.has(end.parent.type) || (end.parent.type === AST_NODE_TYPES.ConditionalExpression && end.parent.test !== end)))
    end = end.parent;
  const parent = end.parent;
  if (parent?.type === AST_NODE_TYPES.TemplateLiteral) return true;
  // `if (!union)`, `union === null`: a test of whether there is a builder yet.
  if (parent?.type === AST_NODE_TYPES.BinaryExpression) return COMPARISONS.has(parent.operator);
  if (parent?.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === '!';
  if (parent?.type === AST_NODE_TYPES.ConditionalExpression || parent?.type === AST_NODE_TYPES.IfStatement) return parent.test === end;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(end as TSESTree.CallExpressionArgument))
    return composesBuilders(parent.callee) || pushedToUnrunList(context, end);
  const held =
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === end
      ? parent.id
      : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === end && parent.operator === '='
        ? parent.left
        : undefined;
  const variable = held?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, held) : undefined;
  if (!variable || seen.size >= MAX_COMPOSED_VARIABLES) return false;
  if (seen.has(variable)) return true;
  seen.add(variable);
  const uses = variable.references.filter((reference) => reference.isRead());
  return uses.length > 0 && uses.every((reference) => composedOnly(context, reference.identifier, seen));
}

/** Variables a builder may pass through (`query`, then `currentQuery`) before the analysis stops following it. */
const MAX_COMPOSED_VARIABLES = 4;
const COMPARISONS: ReadonlySet<string> = new Set(['===', '!==', '==', '!=']);
const TYPE_WRAPPERS: ReadonlySet<string> = new Set([AST_NODE_TYPES.TSAsExpression, AST_NODE_TYPES.TSNonNullExpression, AST_NODE_TYPES.TSSatisfiesExpression]);

/** `parts.push(q)` onto a list that is never awaited (`knex.unionAll(parts)`, `db.batch(parts)`): the builders run once, together. */
function pushedToUnrunList(context: RuleContext, builder: TSESTree.Node): boolean {
  const call = builder.parent;
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    !call.arguments.includes(builder as TSESTree.CallExpressionArgument) ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression
  )
    return false;
  const list = call.callee.object;
  if (propertyName(call.callee) !== 'push' || list.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, list)?.defs[0];
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  return init?.type === AST_NODE_TYPES.ArrayExpression && !isAwaitedArray(context, init);
}

/** `Promise.all(items.map(...))`, `await Promise.all([...rows.map(...)])`, or the array kept in a variable that reaches one of those. */
function isAwaitedArray(context: RuleContext, array: TSESTree.Node): boolean {
  let node: TSESTree.Node = array;
  while (node.parent?.type === AST_NODE_TYPES.SpreadElement || node.parent?.type === AST_NODE_TYPES.ArrayExpression) node = node.parent;
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    const callee = parent.callee;
    return callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Promise';
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    const uses = resolveVariable(context, parent.id)?.references.filter((reference) => !reference.init) ?? [];
    return uses.some((reference) => reference.identifier !== array && isAwaitedArray(context, reference.identifier));
  }
  // Returned to a caller the analysis does not follow: assume it awaits them.
  return parent?.type === AST_NODE_TYPES.ReturnStatement || parent?.type === AST_NODE_TYPES.YieldExpression || (!!parent && isFunction(parent));
}

/** Methods that turn a builder into SQL text, or into a named subquery (`.as('alias')`), without running it. */
const COMPILERS: ReadonlySet<string> = new Set(['toQuery', 'toSQL', 'toString', 'toNative', 'toSql', 'getSQL', 'compile', 'as']);

/** `knex('t').where(...).toQuery()`: the chain only writes SQL (to run elsewhere, often in one statement), it runs no query. */
function compilesOnly(start: TSESTree.Node): boolean {
  for (let current: TSESTree.Node = start; ;) {
    const member: TSESTree.Node | undefined = current.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return false;
    if (COMPILERS.has(propertyName(member) ?? '')) return true;
    const next: TSESTree.Node | undefined = member.parent;
    if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) return false;
    current = next;
  }
}

/** A query builder passed to another builder (`whereIn('id', knex('t').select('id'))`) is a subquery, not a round trip. */
function isSubquery(call: TSESTree.CallExpression): boolean {
  let top: TSESTree.Node = call;
  for (;;) {
    const member: TSESTree.Node | undefined = top.parent;
    if (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === top &&
      member.parent?.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    ) {
      top = member.parent;
      continue;
    }
    break;
  }
  const parent = top.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(top as TSESTree.CallExpressionArgument) && composesBuilders(parent.callee);
}

/** A builder's step or helper that takes another builder as a part of its statement (`whereIn`, `unionAll`, `exists`). */
function composesBuilders(callee: TSESTree.Node): boolean {
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  return (
    name !== undefined &&
    /^(?:where|orWhere|and|or|not|exists|notExists|inArray|notInArray|in|from|join|leftJoin|innerJoin|union|unionAll|with|as)\w*$/i.test(name)
  );
}

/**
 * Receivers the file alone cannot resolve: a Prisma client imported from the project
 * (`import { prisma } from '../lib/db'`), and the rows of a loop whose model the project
 * index knows through a relation name (a lazy relation, a Sequelize getter, a MikroORM ref).
 */
function unresolvedQuery(context: RuleContext, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string): QueryMatch | undefined {
  const range = callee.range;
  const receiver = unwrapExpression(callee.object);
  if (receiver.type === AST_NODE_TYPES.MemberExpression && !receiver.computed) {
    const kind = PRISMA_ONLY_FINDERS.has(method) ? 'read' : prismaShapedCall(call, method);
    if (kind && isImportedPrismaClient(context, receiver.object)) return match(call, 'prisma', kind, method, range, propertyName(receiver));
  }
  if (receiver.type === AST_NODE_TYPES.Identifier && isLoopItem(context, receiver) && ormValueOf(context, receiver) === undefined) {
    if (/^(?:get|count)[A-Z]/.test(method) && anyModel(context, (fact) => fact.orm === 'sequelize' && !!fact.getters?.includes(method))) {
      return match(call, 'sequelize', 'relation', method, range);
    }
    if (method === 'populate' && usesMongoose(context)) return match(call, 'mongoose', 'relation', method, range);
    // A method the project gives Sequelize rows (`notification.markSent()`), by a name no other model's rows run otherwise.
    const own = kindOf(SEQUELIZE_ROW, method) ? undefined : rowMethodKind(context, method);
    if (own) return { ...match(call, 'sequelize', own, method, range), row: true };
  }
  const registered =
    method === 'query' ? registeredObjectionQuery(context, call, receiver) : method === '$query' ? objectionRowQuery(context, call) : undefined;
  if (registered) return registered;
  if (receiver.type === AST_NODE_TYPES.MemberExpression && ormValueOf(context, receiver.object) === undefined) {
    const relation = propertyName(receiver);
    if (relation && isLoopItemRoot(context, receiver.object) && !isPreloadedRelation(context, receiver)) {
      if (MIKRO_REF.read.includes(method) && anyModel(context, (fact) => !!fact.refs?.includes(relation)))
        return match(call, 'mikro-orm', 'relation', method, range);
      if (MIKRO_COLLECTION.read.includes(method) && anyModel(context, (fact) => !!fact.collections?.includes(relation)))
        return match(call, 'mikro-orm', 'relation', method, range);
    }
  }
  return undefined;
}

/**
 * `registry.models.pages.query().patch(...)`, with the project's models extending Objection's `Model` but kept in an
 * object built at run time (a global, a loader's result): `query()` on a member, followed by a step only Objection's builder takes.
 */
function registeredObjectionQuery(context: RuleContext, call: TSESTree.CallExpression, receiver: TSESTree.Node): QueryMatch | undefined {
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || receiver.computed || call.arguments.length > 1) return undefined;
  const steps = stepsAfter(call);
  if (!OBJECTION_FIRST_STEPS.test(steps[0] ?? '') || !anyModel(context, (fact) => fact.orm === 'objection')) return undefined;
  if (isSubquery(call) || buildsOnly(context, call)) return undefined;
  return match(call, 'objection', objectionWrites(context, call) ? 'write' : 'read', 'query', call.callee.range, propertyName(receiver));
}

/**
 * `step.$query().patch({ position })`, `tool.$query().delete()`: the query an Objection row runs on itself, with the row known
 * only as an item of a list (`steps.map(...)`, rows a relation returned); the step that follows is one only Objection's builder takes.
 */
function objectionRowQuery(context: RuleContext, call: TSESTree.CallExpression): QueryMatch | undefined {
  if (call.arguments.length > 1) return undefined;
  const steps = stepsAfter(call);
  if (!OBJECTION_FIRST_STEPS.test(steps[0] ?? '') || !anyModel(context, (fact) => fact.orm === 'objection')) return undefined;
  return { ...match(call, 'objection', objectionWrites(context, call) ? 'write' : 'read', '$query', call.callee.range), row: true };
}

/** The options a Prisma write or count cannot go without, by method: `create({ data })`, `delete({ where })`, `upsert({ where, create, update })`. */
const PRISMA_REQUIRED_OPTIONS: Record<string, readonly string[]> = {
  create: ['data'],
  createMany: ['data'],
  update: ['where', 'data'],
  updateMany: ['data'],
  upsert: ['where', 'create', 'update'],
  delete: ['where'],
  deleteMany: ['where'],
  count: ['where'],
};

/**
 * `db.invite.create({ data })`, `db.order.update({ where, data })`: a delegate method called with
 * the options only Prisma takes, on a client whose origin the index cannot follow.
 */
function prismaShapedCall(call: TSESTree.CallExpression, method: string): 'read' | 'write' | undefined {
  const required = Object.hasOwn(PRISMA_REQUIRED_OPTIONS, method) ? PRISMA_REQUIRED_OPTIONS[method] : undefined;
  const options = call.arguments[0];
  if (!required || call.arguments.length !== 1 || options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const keys = new Set(options.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? keyName(property) : undefined)));
  if (!required.every((key) => keys.has(key))) return undefined;
  return method === 'count' ? 'read' : 'write';
}

/**
 * `prisma` / `db` imported from a file of the project (the index, when present, has already said
 * what it is), or handed over in a request context (`ctx.prisma`, `context.db`); or the
 * transaction client of one (`prisma.$transaction(async (tx) => ...)`).
 */
function isImportedPrismaClient(context: RuleContext, node: TSESTree.Node): boolean {
  const root = unwrapExpression(node);
  if (root.type === AST_NODE_TYPES.Identifier) {
    const owner = transactionOwner(context, root);
    if (owner) return isImportedPrismaClient(context, owner);
  }
  if (root.type === AST_NODE_TYPES.MemberExpression) {
    return (
      /^(?:prisma|db)$/.test(propertyName(root) ?? '') &&
      root.object.type === AST_NODE_TYPES.Identifier &&
      /^(?:ctx|context)$/.test(root.object.name) &&
      ormValueOf(context, root) === undefined
    );
  }
  if (root.type !== AST_NODE_TYPES.Identifier || !/^(?:prisma|db)$/i.test(root.name)) return false;
  const definition = resolveVariable(context, root)?.defs[0];
  if (definition?.type !== 'ImportBinding') return false;
  const member = resolveModuleMember(context, root);
  return !!member && isProjectModule(projectModels(context), member.module) && ormValueOf(context, root) === undefined;
}

/** `prisma` of `prisma.$transaction(async (tx) => ...)` for `tx`, the callback's first parameter. */
function transactionOwner(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const definition = resolveVariable(context, identifier)?.defs[0];
  const fn = definition?.type === 'Parameter' ? (definition.node as TSESTree.Node) : undefined;
  if (!fn || !isFunction(fn) || fn.params[0] !== definition!.name || ormValueOf(context, identifier) !== undefined) return undefined;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || transactionCallback(call) !== fn) return undefined;
  const callee = unwrapExpression(call.callee);
  return callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) === '$transaction' ? transactionClient(call) : undefined;
}

/** Whether an identifier is the variable of a `for...of` loop or the item parameter of an array callback. */
export function isLoopItem(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const definition = resolveVariable(context, identifier)?.defs[0];
  if (!definition) return false;
  if (definition.type === 'Variable') {
    const declaration = (definition.node as TSESTree.VariableDeclarator).parent;
    return declaration?.parent?.type === AST_NODE_TYPES.ForOfStatement && declaration.parent.left === declaration;
  }
  if (definition.type === 'Parameter') {
    const fn = definition.node as TSESTree.Node;
    return isFunction(fn) && fn.params[0] === definition.name && arrayCallbackCall(fn) !== undefined;
  }
  return false;
}

function isLoopItemRoot(context: RuleContext, node: TSESTree.Node): boolean {
  const root = unwrapExpression(node);
  return root.type === AST_NODE_TYPES.Identifier && isLoopItem(context, root);
}

/** What a method the project gives a model's rows runs on the row (see `ModelFact.rowWrites`). */
function ownRowMethodKind(fact: ModelFact, method: string): 'read' | 'write' | undefined {
  return fact.rowWrites?.includes(method) ? 'write' : fact.rowReads?.includes(method) ? 'read' : undefined;
}

/** What a row method of that name runs, when the project's Sequelize models give one. */
function rowMethodKind(context: RuleContext, method: string): 'read' | 'write' | undefined {
  let kind: 'read' | 'write' | undefined;
  anyModel(context, (fact) => {
    kind = fact.orm === 'sequelize' ? ownRowMethodKind(fact, method) : undefined;
    return kind !== undefined;
  });
  return kind;
}

function anyModel(context: RuleContext, test: (fact: ModelFact) => boolean): boolean {
  for (const fact of localModelFacts(context).values()) if (test(fact)) return true;
  const models = projectModels(context)?.models;
  return !!models && Object.values(models).some(test);
}

function usesMongoose(context: RuleContext): boolean {
  return (
    context.options.project.dependencies.has('mongoose') ||
    context.ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === 'mongoose')
  );
}

/**
 * A TypeORM lazy relation read (`post.author` where `author` is declared `Promise<User>` or
 * `{ lazy: true }`): reading it runs a query. A row of unknown model counts when the access is
 * awaited and a project entity declares a lazy relation of that name.
 */
export function lazyRelationOf(context: RuleContext, member: TSESTree.MemberExpression): QueryMatch | undefined {
  const name = propertyName(member);
  // A name no model declares lazy is no such read: the rows' origin and the owner's value, which resolve names, are not looked for.
  if (name === undefined || !lazyRelationNames(context).has(name) || isAssignmentTarget(member) || isPreloadedRelation(context, member)) return undefined;
  const owner = ormValueOf(context, member.object);
  if (owner) {
    if (owner.kind !== 'entity' || owner.orm !== 'typeorm' || !owner.model) return undefined;
    return modelFact(context, owner.model)?.lazy?.includes(name) ? match(member, 'typeorm', 'relation', name, member.range, owner.model) : undefined;
  }
  if (unwrapParent(member)?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  return anyModel(context, (fact) => fact.orm === 'typeorm' && !!fact.lazy?.includes(name))
    ? match(member, 'typeorm', 'relation', name, member.range)
    : undefined;
}

/** The lazy relations the project's models and the file's own declare, by name; the file's are read (a walk of its tree) only when its text names a relation decorator. */
function lazyRelationNames(context: RuleContext): ReadonlySet<string> {
  return context.shared.memo('lazyRelationNames', () => {
    const facts = Object.values(projectModels(context)?.models ?? {});
    if ([...RELATION_DECORATORS].some((name) => context.text.includes(name))) facts.push(...localModelFacts(context).values());
    return new Set(facts.flatMap((fact) => fact.lazy ?? []));
  });
}

function unwrapParent(node: TSESTree.Node): TSESTree.Node | undefined {
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSNonNullExpression || parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.ChainExpression)
  )
    parent = parent.parent;
  return parent;
}

function isAssignmentTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) ||
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === member)
  );
}

/** Options and chained calls that load relations together with the rows. */
const PRELOAD_OPTIONS = new Set(['relations', 'populate', 'include', 'with']);
const PRELOAD_METHODS = new Set(['leftJoinAndSelect', 'innerJoinAndSelect', 'populate', 'withGraphFetched', 'withGraphJoined']);

/**
 * Whether `row.relation` was loaded with the rows: the loop's rows come from a query that names
 * the relation in `relations`, `populate`, `include`, `leftJoinAndSelect(...)` and the like.
 */
function isPreloadedRelation(context: RuleContext, access: TSESTree.Node): boolean {
  const member = unwrapExpression(access);
  if (member.type !== AST_NODE_TYPES.MemberExpression) return false;
  const relation = propertyName(member);
  return relation !== undefined && loadedWithRows(context, member.object, relation);
}

/** Whether the query that loaded a row variable loaded `relation` with it. */
function loadedWithRows(context: RuleContext, row: TSESTree.Node, relation: string): boolean {
  const origin = rowsOrigin(context, unwrapExpression(row));
  return !!origin && preloadedNames(origin).has(relation);
}

/** The query that produced a row variable: through its loop or array callback, to the collection's initializer. */
function rowsOrigin(context: RuleContext, row: TSESTree.Node): TSESTree.Node | undefined {
  if (row.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, row)?.defs[0];
  let collection: TSESTree.Node | undefined;
  if (definition?.type === 'Variable') {
    const declarator = definition.node as TSESTree.VariableDeclarator;
    const loop = declarator.parent?.parent;
    collection = loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declarator.parent ? loop.right : (declarator.init ?? undefined);
  } else if (definition?.type === 'Parameter' && isFunction(definition.node as TSESTree.Node)) {
    const call = arrayCallbackCall(definition.node as TSESTree.ArrowFunctionExpression);
    collection = call?.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : undefined;
  }
  collection = collection && unwrapExpression(collection);
  if (collection?.type === AST_NODE_TYPES.AwaitExpression) return collection.argument;
  if (collection?.type !== AST_NODE_TYPES.Identifier || collection === row) return undefined;
  const origin = resolveVariable(context, collection)?.defs[0];
  const init = origin?.type === 'Variable' ? (origin.node as TSESTree.VariableDeclarator).init : undefined;
  return init?.type === AST_NODE_TYPES.AwaitExpression ? init.argument : undefined;
}

/** The relation names a query chain loads with its rows (`'author'` of `relations: ['author']`, `populate('author.profile')`). */
function preloadedNames(query: TSESTree.Node): Set<string> {
  const names = new Set<string>();
  const addPath = (value: unknown): void => {
    if (typeof value === 'string') names.add(value.split('.').at(-1)!);
  };
  const addValue = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.Literal) addPath(node.value);
    else if (node.type === AST_NODE_TYPES.ArrayExpression) {
      for (const element of node.elements) if (element) addValue(element);
    } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of node.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        if (property.key.type === AST_NODE_TYPES.Identifier) names.add(property.key.name);
        else if (property.key.type === AST_NODE_TYPES.Literal) addPath(property.key.value);
        // Sequelize `include: [{ model: User, as: 'author' }]`.
        if (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'as') addValue(property.value);
      }
    }
  };
  for (let node: TSESTree.Node | undefined = unwrapExpression(query); node?.type === AST_NODE_TYPES.CallExpression;) {
    const method = node.callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(node.callee) : undefined;
    if (method && PRELOAD_METHODS.has(method)) node.arguments.forEach(addValue);
    for (const argument of node.arguments) {
      if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const property of argument.properties) {
        if (property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && PRELOAD_OPTIONS.has(property.key.name))
          addValue(property.value);
      }
    }
    node = node.callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(node.callee.object) : undefined;
  }
  return names;
}
