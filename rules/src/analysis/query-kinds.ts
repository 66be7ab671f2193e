import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Orm, OrmValue } from './orm';
import { constValueOf, keyName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import type { RuleContext } from '../types';
import { callChainTop, nextChainCall, stepsAfter } from './names';
import { contains, enclosingLoop } from './scopes';
import { METEOR_COLLECTION, WATERLINE_MODEL } from './framework-models';

export type Operations = { read: readonly string[]; write: readonly string[] };

export const PRISMA_DELEGATE: Operations = {
  read: ['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'count', 'aggregate', 'groupBy'],
  write: ['create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'updateManyAndReturn', 'upsert', 'delete', 'deleteMany'],
};
export const PRISMA_CLIENT: Operations = { read: ['$queryRaw', '$queryRawUnsafe'], write: ['$executeRaw', '$executeRawUnsafe'] };
export const TYPEORM_FINDERS: Operations = {
  read: [
    'find',
    'findBy',
    'findOne',
    'findOneBy',
    'findOneOrFail',
    'findOneByOrFail',
    'findAndCount',
    'findAndCountBy',
    'findByIds',
    'count',
    'countBy',
    'exists',
    'existsBy',
    'exist',
    'sum',
    'average',
    'minimum',
    'maximum',
    'query',
    'preload',
  ],
  write: ['save', 'insert', 'update', 'upsert', 'delete', 'remove', 'softDelete', 'softRemove', 'restore', 'recover', 'increment', 'decrement'],
};
export const SQL_CLIENT: Operations = { read: ['query'], write: [] };
/** Slonik's query methods: each runs the tagged `sql` statement it is given; what it does is in the statement. */
export const SLONIK_CLIENT: Operations = {
  read: ['query', 'any', 'anyFirst', 'many', 'manyFirst', 'one', 'oneFirst', 'maybeOne', 'maybeOneFirst', 'exists'],
  write: [],
};
/** postgres.js: a tagged template on the client is a query (see `taggedQueryOf`); these methods run text or a file of SQL. */
export const POSTGRES_CLIENT: Operations = { read: ['unsafe', 'file'], write: [] };
/** pg-promise's query methods on a database, task or transaction: each sends the SQL (or calls the function) it is given; what it does is in the statement. */
export const PG_PROMISE_CLIENT: Operations = {
  read: ['none', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'result', 'query', 'multi', 'multiResult', 'func', 'proc', 'map', 'each', 'stream'],
  write: [],
};
export const SEQUELIZE_MODEL: Operations = {
  read: ['findByPk', 'findOne', 'findAll', 'findAndCountAll', 'count', 'max', 'min', 'sum', 'aggregate'],
  write: ['create', 'findOrCreate', 'findCreateFind', 'upsert', 'update', 'destroy', 'increment', 'decrement', 'restore'],
};
/** What one loaded Sequelize row runs itself (`doc.save()`, `doc.destroy()`): one statement per row. */
export const SEQUELIZE_ROW: Operations = { read: ['reload'], write: ['save', 'update', 'destroy', 'increment', 'decrement', 'restore'] };
/** What one loaded row of a TypeORM active record (`extends BaseEntity`) runs itself (`post.save()`, `post.remove()`). */
export const TYPEORM_ACTIVE_ROW: Operations = { read: ['reload'], write: ['save', 'remove', 'softRemove', 'recover'] };
export const MONGOOSE_MODEL: Operations = {
  // `count`: the counter Mongoose had before `countDocuments` (deprecated in 5, removed in 8), still common in older code.
  read: ['find', 'findOne', 'findById', 'countDocuments', 'estimatedDocumentCount', 'count', 'exists', 'distinct', 'aggregate', 'populate'],
  write: [
    'findByIdAndUpdate',
    'findByIdAndDelete',
    'findOneAndUpdate',
    'findOneAndDelete',
    'findOneAndReplace',
    'create',
    'updateOne',
    'updateMany',
    'deleteOne',
    'deleteMany',
    'replaceOne',
  ],
};
export const MIKRO_FINDERS: Operations = {
  read: ['find', 'findOne', 'findOneOrFail', 'findAll', 'findAndCount', 'count', 'populate', 'refresh'],
  write: ['nativeInsert', 'nativeUpdate', 'nativeDelete', 'upsert', 'insert'],
};
export const MIKRO_REF: Operations = { read: ['load', 'loadOrFail'], write: [] };
export const MIKRO_COLLECTION: Operations = { read: ['init', 'load', 'loadItems', 'loadCount', 'matching'], write: [] };
export const OBJECTION_MODEL: Operations = { read: ['query', 'relatedQuery'], write: [] };
/** Objection's steps that write, chained after `query()` or `$relatedQuery(…)`. */
const OBJECTION_WRITES =
  'relate|unrelate|insert|insertAndFetch|insertGraph\\w*|patch|patchAndFetch\\w*|update|updateAndFetch\\w*|upsertGraph\\w*|delete|del|deleteById|increment|decrement';
export const OBJECTION_WRITE_STEPS = new RegExp(`^(?:${OBJECTION_WRITES})$`);
/** Whether a step of an Objection builder's chain writes: `patch(...)`, or a step picked by a condition (`[amount > 0 ? 'increment' : 'decrement'](...)`). */
export function objectionWrites(context: RuleContext, call: TSESTree.Node): boolean {
  return objectionSteps(context, call).some((step) => OBJECTION_WRITE_STEPS.test(step));
}

/** The steps of a builder's chain after `call`, a computed step (`[method](...)`) named by the names its constant can hold. */
function objectionSteps(context: RuleContext, call: TSESTree.Node): string[] {
  const steps: string[] = [];
  for (let next = nextChainCall(call); next; next = nextChainCall(next)) {
    const member = next.callee as TSESTree.MemberExpression;
    steps.push(...(member.computed ? computedStepNames(context, member.property) : [propertyName(member) ?? '']));
  }
  return steps;
}

/** `[changeMethod]` of `const changeMethod = amount > 0 ? 'increment' : 'decrement'`: the method names a computed step can hold. */
function computedStepNames(context: RuleContext, property: TSESTree.Node): string[] {
  const value = constValueOf(context, property);
  const branches = value?.type === AST_NODE_TYPES.ConditionalExpression ? [value.consequent, value.alternate] : value ? [value] : [];
  return branches.map((branch) => (branch.type === AST_NODE_TYPES.Literal && typeof branch.value === 'string' ? branch.value : ''));
}

/** Steps only an Objection query builder takes right after `query()`: with them, `registry.pages.query()` is a model's query whatever holds the model. */
export const OBJECTION_FIRST_STEPS = new RegExp(
  `^(?:findById|findByIds|findOne|where|whereIn|whereNot|whereNotIn|whereNull|whereNotNull|whereRaw|select|first|orderBy|count|limit|withGraphFetched|withGraphJoined|joinRelated|leftJoinRelated|modify|increment|decrement|${OBJECTION_WRITES})$`,
);
export const DRIZZLE_CLIENT: Operations = {
  read: ['select', 'selectDistinct', 'selectDistinctOn', '$count', 'execute'],
  write: ['insert', 'update', 'delete'],
};
export const DRIZZLE_DELEGATE: Operations = { read: ['findFirst', 'findMany'], write: [] };
export const KNEX_CLIENT: Operations = {
  read: ['select', 'from', 'table', 'raw', 'first', 'pluck', 'count', 'where', 'whereIn'],
  write: ['insert', 'update', 'del', 'delete', 'into', 'increment', 'decrement'],
};
/** Names JavaScript gives the Knex instance or transaction it hands from function to function (`tx('users')`, `trx(table)`). */
export const KNEX_HANDLE_NAME = /^(?:tx|trx|txn|transaction|knex|db|conn|connection)$/;
/** The steps that only a Knex builder takes right after its table. */
export const KNEX_BUILDER_STEPS: ReadonlySet<string> = new Set([
  'where',
  'whereIn',
  'whereNot',
  'whereNotIn',
  'whereNull',
  'whereNotNull',
  'whereRaw',
  'andWhere',
  'orWhere',
  'insert',
  'update',
  'del',
  'delete',
  'select',
  'increment',
  'decrement',
  'count',
  'pluck',
  'join',
  'innerJoin',
  'leftJoin',
  'truncate',
  'max',
  'min',
  'sum',
]);
export const MYSQL_CLIENT: Operations = { read: ['query', 'execute'], write: [] };
/** Neon's SQL tag and `@vercel/postgres`'s: a template on them is a query (see `taggedQueryOf`), and so is `query(text, values)`. */
export const NEON_CLIENT: Operations = { read: ['query'], write: [] };
/** libSQL (Turso): `execute(sql)` or `execute({ sql, args })`; what it does is in the statement. */
export const LIBSQL_CLIENT: Operations = { read: ['execute'], write: [] };
/** Cloudflare D1: `prepare(sql)` runs when a `run`, `first`, `all` or `raw` ends its chain (see `D1_EXECUTORS`). */
export const D1_DATABASE: Operations = { read: ['prepare'], write: [] };
export const D1_EXECUTORS = new Set(['run', 'first', 'all', 'raw']);
/** ClickHouse: `query({ query })` reads, `insert({ table, values })` writes rows, `command` and `exec` run a statement. */
export const CLICKHOUSE_CLIENT: Operations = { read: ['query'], write: ['insert', 'command', 'exec'] };
/** Kysely builders run at `execute*()`; the squiggle goes on the method that starts them. */
export const KYSELY_CLIENT: Operations = { read: ['selectFrom'], write: ['insertInto', 'updateTable', 'deleteFrom', 'replaceInto', 'mergeInto'] };
export const KYSELY_EXECUTORS = new Set(['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'stream']);
export const MONGODB_COLLECTION: Operations = {
  read: ['find', 'findOne', 'countDocuments', 'estimatedDocumentCount', 'aggregate', 'distinct'],
  write: [
    'insertOne',
    'insertMany',
    'updateOne',
    'updateMany',
    'replaceOne',
    'deleteOne',
    'deleteMany',
    'findOneAndUpdate',
    'findOneAndDelete',
    'findOneAndReplace',
    'bulkWrite',
  ],
};
/** Adding one job: BullMQ's and Bull's `add`, pg-boss's `send` (and its delayed, throttled and debounced forms); their batched forms are `addBulk` and `insert`. */
/**
 * dynamodb-toolbox's request methods of an entity or a table, each one DynamoDB request; an entity's `getBatch`, `putBatch` and
 * `deleteBatch` only make the items a table's batch request sends.
 */
export const DYNAMODB_TOOLBOX: Operations = { read: ['get', 'query', 'scan', 'batchGet'], write: ['put', 'update', 'delete', 'batchWrite'] };

export const JOB_QUEUE: Operations = { read: [], write: ['add', 'send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'sendSingleton'] };
/** Bee-Queue's job is sent by its `save()`: `queue.createJob(data).save()`; `saveAll(jobs)` sends many. */
export const BEE_QUEUE: Operations = { read: [], write: ['createJob'] };

/** Elasticsearch's and OpenSearch's document requests on one document or one query; their batched forms (`mget`, `msearch`, `bulk`) are not here. */
const SEARCH_CLIENT: Operations = {
  read: ['get', 'getSource', 'exists', 'existsSource', 'search', 'count'],
  write: ['index', 'create', 'update', 'delete'],
};

/** Reads of `client.indices` that each name one index where they take a list of them (`index: [a, b]`); `exists` answers for all at once. */
const SEARCH_INDICES: Operations = { read: ['getAlias', 'getMapping', 'getSettings', 'stats'], write: [] };

/** A Meilisearch index's requests on one document or one query; `addDocuments` is one task per call, so one per item is the N+1. */
const MEILISEARCH_INDEX: Operations = {
  read: ['getDocument', 'search'],
  write: ['addDocuments', 'updateDocuments', 'deleteDocument'],
};
/** Algolia's requests on one record: v4's index methods and v5's client methods (handed `indexName`); their plural forms take many. */
const ALGOLIA_RECORDS: Operations = {
  read: ['getObject', 'search', 'searchSingleIndex'],
  write: ['saveObject', 'partialUpdateObject', 'addOrUpdateObject', 'deleteObject'],
};
/** v5's client: its `search` takes many requests at once, the batched form. */
const ALGOLIA_CLIENT: Operations = { read: ['getObject', 'searchSingleIndex'], write: ALGOLIA_RECORDS.write };

/** Redis commands that make one round trip per call; their batched forms (`mget`, `pipeline`) are not here. */
export const REDIS_CLIENT: Operations = {
  read: [
    'get',
    'hget',
    'hGet',
    'hgetall',
    'hGetAll',
    'exists',
    'smembers',
    'sMembers',
    'sismember',
    'sIsMember',
    'zscore',
    'zScore',
    'zrange',
    'zRange',
    'zrangebyscore',
    'zRangeByScore',
    'zrevrange',
    'zrevrangebyscore',
    'zcard',
    'zCard',
    'zcount',
    'zCount',
    'lrange',
    'lRange',
    'ttl',
    'type',
    'scard',
    'sCard',
    'llen',
    'lLen',
    'getex',
    'getEx',
  ],
  write: [
    'set',
    'setex',
    'setEx',
    'hset',
    'hSet',
    'del',
    'unlink',
    'expire',
    'incr',
    'incrby',
    'incrBy',
    'decr',
    'sadd',
    'sAdd',
    'srem',
    'sRem',
    'zadd',
    'zAdd',
    'zrem',
    'zRem',
    'lpush',
    'lPush',
    'rpush',
    'rPush',
    'hdel',
    'hDel',
    'hincrby',
    'hIncrBy',
    'publish',
    // Streams, counters of sorted sets, and the conditional and timed forms of the writes above.
    'xadd',
    'xAdd',
    'zincrby',
    'zIncrBy',
    'setnx',
    'setNX',
    'hmset',
    'expireat',
    'expireAt',
    'pexpire',
    'pExpire',
    'ltrim',
    'lTrim',
  ],
};
/** A Redis pipeline or transaction sends its queued commands in one round trip; whether that writes is in the commands (see `queuesWrite`). */
export const REDIS_QUEUE: Operations = { read: ['exec', 'execAsPipeline'], write: [] };
/** Payload's Local API (`payload.find`, `req.payload.update`): each call runs its operation, with hooks and access, against the database. */
export const PAYLOAD_LOCAL: Operations = {
  read: [
    'find',
    'findByID',
    'findDistinct',
    'count',
    'countVersions',
    'countGlobalVersions',
    'findGlobal',
    'findVersions',
    'findVersionByID',
    'findGlobalVersions',
    'findGlobalVersionByID',
  ],
  write: ['create', 'update', 'delete', 'duplicate', 'updateGlobal', 'restoreVersion', 'restoreGlobalVersion'],
};
/** Payload's database adapter (`payload.db.updateOne`): the statements under the Local API, without its hooks. */
export const PAYLOAD_ADAPTER: Operations = {
  read: ['find', 'findOne', 'findDistinct', 'count', 'countVersions', 'countGlobalVersions', 'findGlobal', 'findVersions', 'findGlobalVersions', 'queryDrafts'],
  write: [
    'create',
    'createGlobal',
    'createVersion',
    'createGlobalVersion',
    'updateOne',
    'updateMany',
    'updateGlobal',
    'updateVersion',
    'updateGlobalVersion',
    'updateJobs',
    'upsert',
    'deleteOne',
    'deleteMany',
    'deleteVersions',
  ],
};
/** RedBeanNode's facade and its transactions: finders take a bean type and a WHERE clause, `get*` and `exec` send SQL text; `dispense` makes a bean without a query. */
export const REDBEAN_CLIENT: Operations = {
  read: ['find', 'findOne', 'findAll', 'load', 'count', 'getAll', 'getRow', 'getCol', 'getCell', 'getAssoc'],
  write: ['store', 'trash', 'exec'],
};
/** RedBeanNode's operations that send SQL text of their own. */
const REDBEAN_SQL = /^(?:getAll|getRow|getCol|getCell|getAssoc|exec)$/;
export const TYPEORM_BUILDER_EXECUTORS = new Set([
  'getOne',
  'getOneOrFail',
  'getMany',
  'getRawOne',
  'getRawMany',
  'getCount',
  'getManyAndCount',
  'getExists',
  'execute',
  'stream',
]);
/** Prisma's own finder names, which identify a client reached through a local import without the project index. */
export const PRISMA_ONLY_FINDERS = new Set(['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany']);

/** Whether calling `method` on an ORM value runs a query. */
export function runsQuery(value: OrmValue, method: string): boolean {
  const operations = operationsOf(value);
  return !!operations && kindOf(operations, method) !== undefined;
}

/** `upsert`: an insert that updates the row where its key already has one. */
export type SqlWrite = 'create' | 'update' | 'delete' | 'upsert';

/** Spaces and comments before a statement's first word. One way to match each, so a long run of them is not tried in every split. */
const LEADING_SPACE = String.raw`^(?:\s|--[^\n]*\n|\/\*(?:[^*]|\*(?!\/))*\*\/)*`;
/** The statement's first word, after comments: `INSERT`, `UPDATE`, `DELETE` and their kin. */
const SQL_WRITE_VERB = new RegExp(`${LEADING_SPACE}(insert|replace|upsert|merge|update|delete)\\b`, 'i');

/** An insert's clause that updates the row its key already names: PostgreSQL's and SQLite's, and MySQL's. */
const UPDATES_ON_CONFLICT = /\bON\s+CONFLICT\b[\s\S]*?\bDO\s+UPDATE\b|\bON\s+DUPLICATE\s+KEY\s+UPDATE\b/i;

/** Whether SQL text written in the code (a literal or a template, tagged or not) inserts, updates, upserts or deletes rows. */
export function sqlWriteOf(sql: TSESTree.Node): SqlWrite | undefined {
  const written = sqlTextOf(unwrapExpression(sql));
  const text = written && (COMMON_TABLE_EXPRESSIONS.test(written) ? writeAfterExpressions(written) : written);
  const verb = text && SQL_WRITE_VERB.exec(text)?.[1]?.toLowerCase();
  if (!verb) return undefined;
  if (verb === 'update' || verb === 'delete') return verb;
  // `REPLACE INTO`, `MERGE INTO`, `UPSERT INTO` write the row whether or not its key has one, as `ON CONFLICT … DO UPDATE` does.
  return verb !== 'insert' || UPDATES_ON_CONFLICT.test(text) ? 'upsert' : 'create';
}

/** `WITH ordered AS (…) UPDATE …`: a statement that names common table expressions before its own verb. */
const COMMON_TABLE_EXPRESSIONS = new RegExp(`${LEADING_SPACE}with\\b`, 'i');
const ANY_VERB = /^(?:select|insert|replace|upsert|merge|update|delete|values|table)$/i;

/**
 * The text from the verb that writes: the statement's own, after its common table expressions, or that of an expression which
 * writes (`WITH gone AS (DELETE … RETURNING id) SELECT …`). Undefined when every part reads.
 */
function writeAfterExpressions(text: string): string | undefined {
  let depth = 0;
  for (const token of text.matchAll(/[()]|[A-Za-z_]\w*/g)) {
    if (token[0] === '(') depth++;
    else if (token[0] === ')') depth--;
    else if (ANY_VERB.test(token[0])) {
      const rest = text.slice(token.index);
      const writes = SQL_WRITE_VERB.test(rest);
      if (depth === 0) return writes ? rest : undefined;
      if (writes && text.slice(0, token.index).trimEnd().endsWith('(')) return rest;
    }
  }
  return undefined;
}

/** What SQL text handed to a call writes: written in the call, or in a constant it names (`const query = \`insert …\``). */
export function handedSqlWrite(context: RuleContext, sql: TSESTree.Node): SqlWrite | undefined {
  const node = unwrapExpression(sql);
  const definition = node.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, node)?.defs[0] : undefined;
  const init = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  return sqlWriteOf(init ?? node);
}

/** The SQL a literal or a (tagged) template writes out, an interpolation read as a `?` placeholder. */
export function sqlTextOf(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  const template = node.type === AST_NODE_TYPES.TaggedTemplateExpression ? node.quasi : node.type === AST_NODE_TYPES.TemplateLiteral ? node : undefined;
  return template?.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('?');
}

/** pg-promise's methods that are given a function's name or a stream, not SQL text. */
const PG_PROMISE_NOT_SQL: ReadonlySet<string> = new Set(['func', 'proc', 'stream']);

/** Whether a library's operation sends SQL text of its own (`$queryRawUnsafe(sql)`, `pool.query(sql)`, pg-promise's `db.one(sql)`), not SQL the ORM builds. */
export function sendsSqlText(library: Orm, operation: string): boolean {
  if (library === 'pg-promise') return !PG_PROMISE_NOT_SQL.has(operation);
  // libSQL's `execute`, D1's `prepare`; ClickHouse's `insert` is handed rows, its other methods a statement.
  if (library === 'libsql' || library === 'd1') return true;
  if (library === 'redbean') return REDBEAN_SQL.test(operation);
  if (library === 'clickhouse') return operation !== 'insert';
  // DynamoDB's `query` is handed a key condition, not a statement.
  const statementQuery = library !== 'objection' && library !== 'dynamodb' && library !== 'dynamodb-toolbox';
  return /^\$(?:query|execute)Raw/.test(operation) || (operation === 'query' && statementQuery) || (operation === 'execute' && library === 'mysql2');
}

/** The SQL text a raw query is handed: its first argument, or the `sql`, `query` or `text` of the options object it is handed (libSQL, ClickHouse, node-postgres). */
export function sqlArgumentOf(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const first = call.arguments[0];
  if (first?.type !== AST_NODE_TYPES.ObjectExpression) return first;
  const text = first.properties.find(
    (property): property is TSESTree.Property =>
      property.type === AST_NODE_TYPES.Property && !property.computed && /^(?:sql|query|text)$/.test(keyName(property) ?? ''),
  );
  return text?.value;
}

/** `SET search_path TO …`, `RESET role`: a statement that sets up the connection's session for the queries after it. */
const SESSION_STATEMENT = /^\s*(?:SET|RESET)\s/i;

/** `$executeRawUnsafe(\`SET search_path TO "${schema}"\`)`: SQL text written in the call that sets the session up, not a query of rows. */
export function setsSession(call: TSESTree.Node): boolean {
  const sql = call.type === AST_NODE_TYPES.CallExpression ? sqlArgumentOf(call) : undefined;
  const text = sql?.type === AST_NODE_TYPES.TemplateLiteral ? sql.quasis[0]?.value.cooked : sql?.type === AST_NODE_TYPES.Literal ? sql.value : undefined;
  return typeof text === 'string' && SESSION_STATEMENT.test(text);
}

/** Which operations an ORM value offers. */
export function operationsOf(value: OrmValue): Operations | undefined {
  switch (`${value.orm} ${value.kind}`) {
    case 'prisma delegate':
      return PRISMA_DELEGATE;
    case 'prisma client':
      return PRISMA_CLIENT;
    case 'typeorm repository':
    case 'typeorm manager':
    case 'typeorm model':
      return TYPEORM_FINDERS;
    case 'typeorm datasource':
    case 'typeorm queryRunner':
    case 'sequelize client':
    case 'pg client':
      return SQL_CLIENT;
    case 'sequelize model':
      return SEQUELIZE_MODEL;
    case 'mongoose model':
      return MONGOOSE_MODEL;
    case 'mikro-orm manager':
    case 'mikro-orm repository':
      return MIKRO_FINDERS;
    case 'mikro-orm ref':
      return MIKRO_REF;
    case 'mikro-orm collection':
      return MIKRO_COLLECTION;
    case 'objection model':
      return OBJECTION_MODEL;
    case 'drizzle client':
      return DRIZZLE_CLIENT;
    case 'drizzle delegate':
      return DRIZZLE_DELEGATE;
    case 'knex client':
      return KNEX_CLIENT;
    case 'mysql2 client':
      return MYSQL_CLIENT;
    case 'slonik client':
      return SLONIK_CLIENT;
    case 'postgres client':
      return POSTGRES_CLIENT;
    case 'pg-promise client':
      return PG_PROMISE_CLIENT;
    case 'kysely client':
      return KYSELY_CLIENT;
    case 'mongodb delegate':
      return MONGODB_COLLECTION;
    case 'redis client':
      return REDIS_CLIENT;
    case 'redis delegate':
      return REDIS_QUEUE;
    case 'elasticsearch client':
    case 'opensearch client':
      return SEARCH_CLIENT;
    case 'elasticsearch delegate':
    case 'opensearch delegate':
      return SEARCH_INDICES;
    case 'meilisearch delegate':
      return MEILISEARCH_INDEX;
    case 'algolia delegate':
      return ALGOLIA_RECORDS;
    case 'algolia client':
      return ALGOLIA_CLIENT;
    case 'bullmq client':
    case 'pg-boss client':
      return JOB_QUEUE;
    case 'bee-queue client':
      return BEE_QUEUE;
    case 'payload client':
      return PAYLOAD_LOCAL;
    case 'payload datasource':
      return PAYLOAD_ADAPTER;
    case 'neon client':
      return NEON_CLIENT;
    case 'libsql client':
      return LIBSQL_CLIENT;
    case 'd1 client':
      return D1_DATABASE;
    case 'clickhouse client':
      return CLICKHOUSE_CLIENT;
    case 'redbean client':
      return REDBEAN_CLIENT;
    case 'waterline model':
      return WATERLINE_MODEL;
    case 'meteor delegate':
      return METEOR_COLLECTION;
    case 'dynamodb-toolbox client':
      return DYNAMODB_TOOLBOX;
    default:
      return undefined;
  }
}

export function kindOf(operations: Operations, method: string): 'read' | 'write' | undefined {
  if (operations.read.includes(method)) return 'read';
  if (operations.write.includes(method)) return 'write';
  return undefined;
}

/** Whether calling `method` on an ORM value runs a read or a write, or undefined. */
export function runsQueryOfKind(value: OrmValue, method: string): 'read' | 'write' | undefined {
  const operations = operationsOf(value);
  return operations && kindOf(operations, method);
}

/** The steps of a TypeORM query builder's chain that make it a write statement. */
export const BUILDER_WRITES: ReadonlySet<string> = new Set(['insert', 'update', 'delete', 'softDelete', 'restore']);

/** `createQueryBuilder('item').update().set(...).where(...).execute()`: the step that makes the chain a write, if one does. */
export function builderWrite(call: TSESTree.CallExpression): string | undefined {
  return stepsAfter(call).find((name) => BUILDER_WRITES.has(name));
}

/**
 * `repo.createQueryBuilder('u')...getMany()`: the builder runs only when the chain ends in an executor, or, kept in a
 * variable (`const qb = repo.createQueryBuilder('u'); qb.andWhere(...); await qb.getOne()`), when a use of it does in the same iteration.
 */
export function executesBuilder(context: RuleContext, call: TSESTree.CallExpression, executors: ReadonlySet<string>): boolean {
  if (chainExecutes(call, executors)) return true;
  const held = heldBuilderVariable(callChainTop(call));
  const loop = held && enclosingLoop(held);
  return (
    !!held &&
    !!resolveVariable(context, held)?.references.some(
      (reference) => reference.isRead() && (!loop || contains(loop, reference.identifier)) && chainExecutes(reference.identifier, executors),
    )
  );
}

/** `createQueryBuilder('p').where(...).getOne()`: a statement only when its chain runs it, and a write when a step makes it one. */
export function typeormBuilderRun(context: RuleContext, call: TSESTree.CallExpression): { executes?: true; builderWrite?: string } {
  if (!executesBuilder(context, call, TYPEORM_BUILDER_EXECUTORS)) return {};
  const write = builderWrite(call);
  return write === undefined ? { executes: true } : { executes: true, builderWrite: write };
}

/** Whether the chain of calls on `start` ends in one of the executors. */
export function chainExecutes(start: TSESTree.Node, executors: ReadonlySet<string>): boolean {
  return stepsAfter(start).some((step) => executors.has(step));
}

/** `qb.andWhere('o.status = :status', { status })`: the later steps on the variable a builder is kept in, whose arguments its query also reads. */
export function heldBuilderSteps(context: RuleContext, call: TSESTree.CallExpression): TSESTree.Node[] {
  const held = heldBuilderVariable(callChainTop(call));
  const steps: TSESTree.Node[] = [];
  for (const reference of (held && resolveVariable(context, held)?.references) ?? []) {
    const use = reference.identifier;
    const member = use.parent;
    const step = member?.type === AST_NODE_TYPES.MemberExpression && member.object === use ? member.parent : undefined;
    if (reference.isRead() && step?.type === AST_NODE_TYPES.CallExpression && step.callee === member) steps.push(callChainTop(step));
  }
  return steps;
}

/** The variable a builder is kept in: `const qb = <builder>`, `q = <builder>`, or undefined. */
export function heldBuilderVariable(builder: TSESTree.Node): TSESTree.Identifier | undefined {
  let top = builder;
  while (top.parent?.type === AST_NODE_TYPES.TSAsExpression || top.parent?.type === AST_NODE_TYPES.TSNonNullExpression) top = top.parent;
  const parent = top.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === top && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === top && parent.left.type === AST_NODE_TYPES.Identifier)
    return parent.left;
  return undefined;
}
