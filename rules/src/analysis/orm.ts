import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import {
  classFieldType,
  declaredReturnType,
  isGlobalName,
  isNothing,
  providedType,
  keyName,
  setsOption,
  localFunction,
  propertyName,
  resolveModuleMember,
  signatureName,
  thisAssignments,
  thisOf,
  resolveVariable,
  unwrapExpression,
  type ModuleMember,
} from './resolve';
import { arrayCallbackCall, contains, enclosingFunction, isFunction, type FunctionNode } from './scopes';
import {
  declarationOf,
  fieldAt,
  isHandle,
  isProjectModule,
  localModelFacts,
  lookupExport,
  lookupModel,
  lookupType,
  packageMemberOf,
  functionFactAt,
  moduleKey,
  transactionHandleOf,
  TRPC_CONTEXT,
  type ModelFact,
  type ProjectModels,
  type TransactionParameter,
  type TypeLocation,
} from './orm-index';
import { CALLED, callRef, declaredType, destructuredType, TRANSACTION_METHODS, transactionCallback, transactionClient } from '../project-model/summaries';
import { callbackSite, callbackTypes, declaredParameterType, objectTypeMembers, parameterType } from './callback-types';
import { schemaFunctionOf, thisFunction } from './mongoose-schemas';
import { walk } from '../walk';
import { KNEX_BUILDER_STEPS, KNEX_HANDLE_NAME, runsQuery } from './query-kinds';
import {
  FASTIFY,
  fastifyHandleMember,
  fastifyRequestServer,
  frameworkMember,
  frameworkMemberOf,
  frameworkMethodResult,
  isFastifyDatabasePlugin,
  isFastifyPlugin,
  isFastifyPluginType,
  meteorCollection,
  sailsModelGlobal,
} from './framework-models';

export type Orm =
  | 'prisma'
  | 'typeorm'
  | 'sequelize'
  | 'mongoose'
  | 'mikro-orm'
  | 'objection'
  | 'drizzle'
  | 'knex'
  | 'pg'
  | 'slonik'
  | 'postgres'
  | 'pg-promise'
  | 'mysql2'
  | 'kysely'
  | 'mongodb'
  | 'redis'
  | 'payload'
  | 'neon'
  | 'libsql'
  | 'd1'
  | 'clickhouse'
  | 'redbean'
  | 'waterline'
  | 'meteor'
  | 'supabase'
  | 'bullmq'
  | 'bee-queue'
  | 'pg-boss'
  | 'dynamodb'
  | 'dynamodb-toolbox'
  | 'elasticsearch'
  | 'opensearch'
  | 'meilisearch'
  | 'algolia'
  | 'fastify';

/**
 * What a database-related value is. `client`: a Prisma client, Drizzle db, Knex instance, pg
 * pool or client, mysql2 pool or connection, Sequelize instance. `delegate`: `prisma.user`,
 * `db.query.users`. `relational`: Drizzle's `db.query`. `repository`, `manager` (TypeORM
 * EntityManager, MikroORM em), `datasource` (TypeORM DataSource, MikroORM instance, Mongoose
 * connection), `queryRunner`. `model`: a Sequelize, Mongoose or Objection model class.
 * `entity` / `entities`: loaded rows or documents. `ref` / `collection`: MikroORM wrappers.
 * `queryFunction`: a function of the project that only runs and returns one query.
 * `factory`: a function of the project that returns a client (`getKnex()`, `createDb()`).
 * Kysely `client`, MongoDB driver `client` / `datasource` (a `Db`) / `delegate` (a collection),
 * Redis `client` (ioredis, node-redis). Payload CMS `client` (its Local API) and `datasource` (its database adapter, `payload.db`).
 * Serverless drivers: PlanetScale's connection is a MySQL `client`, Neon's `Pool` a pg `client`; `neon` is the SQL tag of Neon and
 * `@vercel/postgres`, `libsql` a libSQL (Turso) client, `d1` a Cloudflare D1 database, `clickhouse` a ClickHouse client.
 * RedBeanNode's facade `R` (and a transaction `R.begin()` opens) is a `client`.
 * Handles a framework registers (see `framework-models.ts`): a Sails model global is a Waterline `model`, and the object of query
 * methods the project keeps on it a `repository`; a Meteor `Mongo.Collection` is a `delegate`; a Fastify instance is a `datasource`
 * whose decorators hold the handles the project registers, and `@fastify/mongodb`'s decorator a `relational` holder of its `client` and `db`.
 * A `factory` may also be an object whose every member is such a function (`Collection.runs()`).
 */
export interface OrmValue {
  kind:
    | 'client'
    | 'delegate'
    | 'relational'
    | 'repository'
    | 'manager'
    | 'datasource'
    | 'queryRunner'
    | 'model'
    | 'entity'
    | 'entities'
    | 'ref'
    | 'collection'
    | 'queryFunction'
    | 'factory';
  orm: Orm;
  model?: string;
  /** Methods of a project class (a custom repository) that each run one query, known from the project index. */
  methods?: string[];
  /** What a `factory` returns when it is not a client: a collection (`delegate`), a database (`datasource`) or a model (`getOrCreateModel(name, schema)`). */
  makes?: 'delegate' | 'datasource' | 'model' | 'repository';
  /** Set when a `factory` returns an object each member of which is what it makes (`return { Orders, OrderLines }` of collections). */
  holds?: true;
  /** Set when the handle is a transaction's by its type (`Transaction<DB>`, `Knex.Transaction`): its statements run on one connection, in order. */
  transaction?: true;
  /** For a Redis client that sends the commands of one tick together by itself: node-redis, ioredis with `enableAutoPipelining`. */
  pipelines?: true;
}

const MAX_DEPTH = 12;

/** Whether a module specifier is (a generated client of) Prisma. */
function isPrismaModule(module: string): boolean {
  return module === '@prisma/client' || /(^|[/@.-])prisma([/.-]|$)/.test(module);
}

function isMikroModule(module: string): boolean {
  return module.startsWith('@mikro-orm/');
}

function isDrizzleModule(module: string): boolean {
  return module === 'drizzle-orm' || module.startsWith('drizzle-orm/');
}

function isSequelizeModule(module: string): boolean {
  return module === 'sequelize' || module === 'sequelize-typescript' || module === '@sequelize/core';
}

/** Slonik and its published forks keep its module name after the scope (`@silverhand/slonik`). */
function isSlonikModule(module: string): boolean {
  return /^(?:@[\w.-]+\/)?slonik$/.test(module);
}

/** mysql2 and mysql; PlanetScale's serverless driver sends MySQL over HTTP with the same `execute(sql, values)`. */
function isMysqlModule(module: string): boolean {
  return module === 'mysql2' || module === 'mysql2/promise' || module === 'mysql' || module === '@planetscale/database';
}

function isNeonModule(module: string): boolean {
  return module === '@neondatabase/serverless';
}

function isVercelPostgresModule(module: string): boolean {
  return module === '@vercel/postgres';
}

/** `@libsql/client` and its entry points (`/web`, `/http`, `/node`). */
function isLibsqlModule(module: string): boolean {
  return /^@libsql\/client(?:\/[\w-]+)?$/.test(module);
}

/** `@clickhouse/client` and its browser and edge build `@clickhouse/client-web`. */
/** The MongoDB driver, or `mongodb-legacy`, its official wrapper that also takes callbacks and hands on the same classes. */
function isMongoDriverModule(module: string): boolean {
  return module === 'mongodb' || module === 'mongodb-legacy';
}

function isClickhouseModule(module: string): boolean {
  return module === '@clickhouse/client' || module === '@clickhouse/client-web';
}

/** node-redis (`redis`, `@redis/client`), whose clients send the commands issued in one tick as one pipeline. */
function isNodeRedisModule(module: string): boolean {
  return module === 'redis' || module === '@redis/client';
}

/** Upstash's client (`@upstash/redis`, `@upstash/redis/cloudflare`): HTTP requests, which since 1.34 carry the commands of one tick together unless told not to. */
function isUpstashRedisModule(module: string): boolean {
  return /^@upstash\/redis(?:\/[\w-]+)?$/.test(module);
}

/** ioredis, node-redis and their NestJS module; Upstash's client. */
function isRedisModule(module: string): boolean {
  return module === 'ioredis' || module === 'redis' || module === '@redis/client' || module === '@nestjs-modules/ioredis' || isUpstashRedisModule(module);
}

/** Supabase's client (`@supabase/supabase-js`, and `@supabase/ssr`'s server and browser clients): each awaited PostgREST builder is one HTTP request. */
function isSupabaseModule(module: string): boolean {
  return module === '@supabase/supabase-js' || module === '@supabase/ssr';
}

/** Job queues whose every added job is one round trip to the queue's store: BullMQ and Bull (Redis), Bee-Queue (Redis), pg-boss (PostgreSQL). */
function jobQueueOf(module: string): 'bullmq' | 'bee-queue' | 'pg-boss' | undefined {
  if (module === 'bullmq' || module === 'bull') return 'bullmq';
  if (module === 'bee-queue') return 'bee-queue';
  return module === 'pg-boss' ? 'pg-boss' : undefined;
}

/** AWS SDK v3's DynamoDB client and its document client, and v2's DynamoDB client path: packages of DynamoDB alone, each request one HTTP round trip. */
export function isDynamoModule(module: string): boolean {
  return module === '@aws-sdk/client-dynamodb' || module === '@aws-sdk/lib-dynamodb' || module === 'aws-sdk/clients/dynamodb';
}

/** AWS SDK v2 as a whole: its DynamoDB clients are database clients, the rest of it (S3, SES) other services. */
export const AWS_SDK_V2 = 'aws-sdk';

/**
 * A DynamoDB client class by its path in its package, without a leading `default`: v3's `DynamoDBClient`, `DynamoDB`,
 * `DynamoDBDocumentClient`, `DynamoDBDocument`; v2's `DynamoDB`, `DynamoDB.DocumentClient` (`DocumentClient` of its clients path).
 */
export function isDynamoClientClass(member: ModuleMember): boolean {
  const name = (member.path[0] === 'default' ? member.path.slice(1) : member.path).join('.');
  if (member.module === AWS_SDK_V2) return name === 'DynamoDB' || name === 'DynamoDB.DocumentClient';
  if (member.module === 'aws-sdk/clients/dynamodb') return name === '' || name === 'DocumentClient' || name === 'DynamoDB.DocumentClient';
  return isDynamoModule(member.module) && /^DynamoDB(?:Client|Document|DocumentClient)?$/.test(name);
}

const DYNAMODB: OrmValue = { kind: 'client', orm: 'dynamodb' };

/** dynamodb-toolbox and its subpaths (`dynamodb-toolbox/dist/cjs/classes/Table`, where its declared types live). */
function isDynamoToolboxModule(module: string): boolean {
  return module === 'dynamodb-toolbox' || module.startsWith('dynamodb-toolbox/');
}

/** dynamodb-toolbox's `Entity` and `Table` (and `TableDef`, the type a table is handed around as): each request method runs one DynamoDB request. */
function isDynamoToolboxClass(member: ModuleMember): boolean {
  return isDynamoToolboxModule(member.module) && /^(?:Entity|Table|TableDef)$/.test(member.path.at(-1) ?? '');
}

const DYNAMODB_TOOLBOX: OrmValue = { kind: 'client', orm: 'dynamodb-toolbox' };

/** The search engine whose client a package is: Elastic's client (and its legacy `elasticsearch` package) or OpenSearch's. */
function searchEngineOf(module: string): 'elasticsearch' | 'opensearch' | undefined {
  if (module === '@elastic/elasticsearch' || module === 'elasticsearch') return 'elasticsearch';
  return module === '@opensearch-project/opensearch' ? 'opensearch' : undefined;
}

/** Algolia's client: `algoliasearch` (its lite build a subpath) and its search client's own package. */
function isAlgoliaModule(module: string): boolean {
  return module === 'algoliasearch' || module.startsWith('algoliasearch/') || module === '@algolia/client-search';
}

/**
 * A search service's handle by the class or type its package names, each document request one HTTP round trip: Elasticsearch's and
 * OpenSearch's `Client` (`new elasticsearch.Client()` of the legacy package); Meilisearch's client (`MeiliSearch`) and `Index`;
 * Algolia's `SearchClient` (v5's `Algoliasearch`) and v4's `SearchIndex`.
 */
function searchServiceOf(member: ModuleMember): OrmValue | undefined {
  const name = member.path.join('.');
  const engine = searchEngineOf(member.module);
  if (engine) return /^(?:default\.)?Client$/.test(name) ? { kind: 'client', orm: engine } : undefined;
  if (member.module === 'meilisearch') {
    if (/^(?:MeiliSearch|Meilisearch)$/.test(name)) return { kind: 'client', orm: 'meilisearch' };
    return name === 'Index' ? { kind: 'delegate', orm: 'meilisearch' } : undefined;
  }
  if (!isAlgoliaModule(member.module)) return undefined;
  if (/^(?:SearchClient|Algoliasearch)$/.test(name)) return { kind: 'client', orm: 'algolia' };
  return name === 'SearchIndex' ? { kind: 'delegate', orm: 'algolia' } : undefined;
}

/** Payload CMS and its subpaths (`payload/shared`); Next.js's `getPayloadHMR` of Payload 3's betas. */
function isPayloadModule(module: string): boolean {
  return module === 'payload' || module.startsWith('payload/') || module === '@payloadcms/next/utilities';
}

/** RedBeanNode, whose facade `R` runs every statement; `redbean-sql` is its maintained fork under another name. */
function isRedbeanModule(module: string): boolean {
  return module === 'redbean-node' || module === 'redbean-sql';
}

/** Packages that only hand out what the NestJS integrations inject. */
const NEST_DATABASE_MODULES: ReadonlySet<string> = new Set(['@nestjs/typeorm', '@nestjs/mongoose', '@nestjs/sequelize']);

/** Whether a module specifier can give a file any database value this analysis knows (a package, or a Prisma client of the project). */
export function isDatabaseModule(module: string): boolean {
  return (
    isPrismaModule(module) ||
    isMikroModule(module) ||
    isDrizzleModule(module) ||
    isSequelizeModule(module) ||
    isMysqlModule(module) ||
    isSlonikModule(module) ||
    NEST_DATABASE_MODULES.has(module) ||
    isFastifyDatabasePlugin(module) ||
    isRedisModule(module) ||
    isPayloadModule(module) ||
    isNeonModule(module) ||
    isVercelPostgresModule(module) ||
    isLibsqlModule(module) ||
    isClickhouseModule(module) ||
    isRedbeanModule(module) ||
    isMongoDriverModule(module) ||
    isSupabaseModule(module) ||
    jobQueueOf(module) !== undefined ||
    isDynamoModule(module) ||
    isDynamoToolboxModule(module) ||
    searchEngineOf(module) !== undefined ||
    module === 'meilisearch' ||
    isAlgoliaModule(module) ||
    ['typeorm', 'mongoose', 'knex', 'pg', 'postgres', 'pg-promise', 'objection', 'kysely', 'prisma-extension-kysely'].includes(module)
  );
}

export { isLocalModule } from './module-names';

/** TypeORM's repository classes: the tree and MongoDB ones run the same queries as `Repository` (`save`, `findOne`) and more. */
const TYPEORM_REPOSITORY_CLASSES: ReadonlySet<string> = new Set(['Repository', 'TreeRepository', 'MongoRepository']);

/** `Transaction<DB>`, `Knex.Transaction`, `PgTransaction`, `TransactionSql`: a package's type of a transaction's handle. */
function transactionType(name: string): { transaction?: true } {
  return /Transaction(?:Sql|Connection)?$/.test(name) ? { transaction: true } : {};
}

/** The ORM value a type exported by a package denotes (`Repository` of typeorm, `Pool` of pg, ...). */
export function packageTypeValue(member: ModuleMember, typeArgument: string | undefined): OrmValue | undefined {
  const { module, path } = member;
  const name = path.join('.');
  // A type without a model argument (`Collection`, `Collection<T>` in a generic class) names no model; the key is left out of the index.
  const model = typeArgument === undefined ? {} : { model: typeArgument };
  if (isPrismaModule(module) && name === 'PrismaClient') return { kind: 'client', orm: 'prisma' };
  if (isPrismaModule(module) && name === 'Prisma.TransactionClient') return { kind: 'client', orm: 'prisma', transaction: true };
  // nestjs-prisma's injectable service extends PrismaClient.
  if (module === 'nestjs-prisma' && name === 'PrismaService') return { kind: 'client', orm: 'prisma' };
  if (module === 'typeorm') {
    if (TYPEORM_REPOSITORY_CLASSES.has(name)) return { kind: 'repository', orm: 'typeorm', ...model };
    if (name === 'EntityManager' || name === 'MongoEntityManager') return { kind: 'manager', orm: 'typeorm' };
    if (name === 'DataSource' || name === 'Connection') return { kind: 'datasource', orm: 'typeorm' };
    if (name === 'QueryRunner') return { kind: 'queryRunner', orm: 'typeorm' };
  }
  if (isMikroModule(module)) {
    if (name === 'EntityManager' || name === 'SqlEntityManager') return { kind: 'manager', orm: 'mikro-orm' };
    if (name === 'EntityRepository' || name === 'SqlEntityRepository') return { kind: 'repository', orm: 'mikro-orm', ...model };
    if (name === 'Ref' || name === 'Reference' || name === 'IdentifiedReference') return { kind: 'ref', orm: 'mikro-orm', ...model };
    if (name === 'Collection') return { kind: 'collection', orm: 'mikro-orm', ...model };
  }
  if (module === 'mongoose' && name === 'Model') return { kind: 'model', orm: 'mongoose', ...model };
  if (module === 'mongoose' && name === 'Connection') return { kind: 'datasource', orm: 'mongoose' };
  if (isSequelizeModule(module)) {
    if (name === 'Sequelize') return { kind: 'client', orm: 'sequelize' };
    if (name === 'ModelStatic' || name === 'ModelCtor') return { kind: 'model', orm: 'sequelize', ...model };
  }
  // `NodePgDatabase`, `LibSQLDatabase`; a transaction (`PgTransaction`, `SQLiteTransaction`, `MySqlTransaction`) runs the same queries.
  if (isDrizzleModule(module) && /(?:Database|Transaction)$/.test(name)) return { kind: 'client', orm: 'drizzle', ...transactionType(name) };
  if (module === 'knex' && (name === 'Knex' || name === 'Knex.Transaction')) return { kind: 'client', orm: 'knex', ...transactionType(name) };
  if (module === 'pg' && (name === 'Pool' || name === 'PoolClient' || name === 'Client')) return { kind: 'client', orm: 'pg' };
  // PlanetScale's `Client` and `Connection` run `execute` as mysql2's do.
  if (isMysqlModule(module) && (name === 'Pool' || name === 'Connection' || name === 'PoolConnection' || name === 'Client'))
    return { kind: 'client', orm: 'mysql2' };
  // Neon's `Pool` and `Client` are node-postgres's, over a WebSocket.
  if (isNeonModule(module) && (name === 'Pool' || name === 'Client' || name === 'PoolClient')) return { kind: 'client', orm: 'pg' };
  if ((isNeonModule(module) && name === 'NeonQueryFunction') || (isVercelPostgresModule(module) && /^Vercel(?:Pool|Client|PoolClient)$/.test(name)))
    return NEON;
  if (isLibsqlModule(module) && (name === 'Client' || name === 'Transaction')) return { kind: 'client', orm: 'libsql', ...transactionType(name) };
  if (isClickhouseModule(module) && name === 'ClickHouseClient') return { kind: 'client', orm: 'clickhouse' };
  // `DatabasePool`, `DatabasePoolConnection`, `DatabaseTransactionConnection`, `CommonQueryMethods`: each runs the same query methods.
  if (isSlonikModule(module) && /^(?:Database\w*(?:Pool|Connection)|CommonQueryMethods)$/.test(name))
    return { kind: 'client', orm: 'slonik', ...transactionType(name) };
  if (module === 'postgres' && (name === 'Sql' || name === 'TransactionSql' || name === 'ReservedSql'))
    return { kind: 'client', orm: 'postgres', ...transactionType(name) };
  // pg-promise: a database, a task or transaction (`ITask`), and the protocol both share run the same query methods; `IMain` makes databases.
  if (module === 'pg-promise' && (name === 'IDatabase' || name === 'ITask' || name === 'IBaseProtocol')) return { kind: 'client', orm: 'pg-promise' };
  if (module === 'pg-promise' && name === 'IMain') return PG_PROMISE_MAIN;
  if (module === 'kysely' && (name === 'Kysely' || name === 'Transaction')) return { kind: 'client', orm: 'kysely', ...transactionType(name) };
  if (isMongoDriverModule(module)) {
    if (name === 'MongoClient') return { kind: 'client', orm: 'mongodb' };
    if (name === 'Db') return { kind: 'datasource', orm: 'mongodb' };
    if (name === 'Collection') return { kind: 'delegate', orm: 'mongodb', ...model };
  }
  if (isNodeRedisModule(module) && /^(?:RedisClientType|RedisClusterType)$/.test(name)) return NODE_REDIS;
  if (isUpstashRedisModule(module) && /^(?:Redis|default|)$/.test(name)) return UPSTASH_REDIS;
  if (isRedisModule(module) && /^(?:Redis|Cluster|RedisClientType|RedisClusterType|default|)$/.test(name)) return { kind: 'client', orm: 'redis' };
  if (isPayloadModule(module) && (name === 'Payload' || name === 'BasePayload')) return PAYLOAD;
  if (module === 'fastify' && name === 'FastifyInstance') return FASTIFY;
  if (isSupabaseModule(member.module) && name === 'SupabaseClient') return SUPABASE;
  if (isDynamoClientClass(member)) return DYNAMODB;
  if (isDynamoToolboxClass(member)) return DYNAMODB_TOOLBOX;
  const queue = jobQueueOf(module);
  // `Queue` of BullMQ and Bee-Queue, Bull's `Queue` (its default export is the class, `Bull.Queue` its type), pg-boss's default export.
  if (queue && (queue === 'pg-boss' ? /^(?:default|PgBoss|)$/.test(name) : /^(?:Queue|default\.Queue|Bull\.Queue|default|)$/.test(name)))
    return { kind: 'client', orm: queue };
  return searchServiceOf(member);
}

/** The ORM value that `new X(...)` of a package class creates. */
export function packageConstructed(member: ModuleMember): OrmValue | undefined {
  const { module, path } = member;
  const name = path.at(-1);
  if (isPrismaModule(module) && name === 'PrismaClient') return { kind: 'client', orm: 'prisma' };
  if (module === 'typeorm' && (name === 'DataSource' || name === 'Connection')) return { kind: 'datasource', orm: 'typeorm' };
  if ((module === 'pg' || isNeonModule(module)) && (name === 'Pool' || name === 'Client')) return { kind: 'client', orm: 'pg' };
  // PlanetScale's `new Client(config)` runs `execute` itself, each call on a new connection.
  if (module === '@planetscale/database' && name === 'Client') return { kind: 'client', orm: 'mysql2' };
  if (isClickhouseModule(module) && name === 'ClickHouseClient') return { kind: 'client', orm: 'clickhouse' };
  // `const Sequelize = require('sequelize'); new Sequelize(url)`: the package's CommonJS export is the class itself.
  if (isSequelizeModule(module) && (name === 'Sequelize' || name === undefined || name === 'default')) return { kind: 'client', orm: 'sequelize' };
  if (module === 'kysely' && name === 'Kysely') return { kind: 'client', orm: 'kysely' };
  if (isMongoDriverModule(module) && name === 'MongoClient') return { kind: 'client', orm: 'mongodb' };
  if (isUpstashRedisModule(module) && (name === undefined || name === 'Redis' || name === 'default')) return UPSTASH_REDIS;
  // `new Redis()` of ioredis, its default export or its `Cluster`.
  if (isRedisModule(module) && (name === undefined || name === 'Redis' || name === 'default' || name === 'Cluster')) return { kind: 'client', orm: 'redis' };
  // `new Queue('mail', { connection })` of BullMQ or Bee-Queue, `new Bull('mail')` or `new Queue(…)` of Bull, `new PgBoss(url)`.
  const queue = jobQueueOf(module);
  if (queue && (name === undefined || name === 'default' || (queue !== 'pg-boss' && name === 'Queue') || (queue === 'pg-boss' && name === 'PgBoss')))
    return { kind: 'client', orm: queue };
  if (isDynamoClientClass(member)) return DYNAMODB;
  if (isDynamoToolboxClass(member)) return DYNAMODB_TOOLBOX;
  return searchServiceOf(member);
}

/**
 * The ORM value a package exports as a value: Mongoose's default connection (`mongoose.connection`, `import { connection } from 'mongoose'`);
 * `@vercel/postgres`'s `sql` tag and `db` pool, made from the environment on first use; RedBeanNode's facade (`const { R } = require('redbean-node')`).
 */
function packageMemberValue(member: ModuleMember): OrmValue | undefined {
  const name = member.path.join('.');
  if (isVercelPostgresModule(member.module) && (name === 'sql' || name === 'db')) return NEON;
  if (member.module === 'mongoose' && name === 'connection') return { kind: 'datasource', orm: 'mongoose' };
  return isRedbeanModule(member.module) && name === 'R' ? REDBEAN : undefined;
}

/** A Redis pipeline or transaction (`redis.pipeline()`, `redis.multi()`): its commands wait in memory until `exec()`. */
const REDIS_PIPELINE: OrmValue = { kind: 'delegate', orm: 'redis' };

/** A node-redis client: the commands a tick issues leave as one pipeline. */
const NODE_REDIS: OrmValue = { kind: 'client', orm: 'redis', pipelines: true };

/** An Upstash client: it pipelines the commands of one tick by default (`enableAutoPipelining: false` turns that off). */
const UPSTASH_REDIS: OrmValue = { kind: 'client', orm: 'redis', pipelines: true };

/** An Upstash client made with `enableAutoPipelining: false`: one HTTP request per command. */
const UPSTASH_UNPIPELINED: OrmValue = { kind: 'client', orm: 'redis' };

/** RedBeanNode's facade `R`: `R.store`, `R.find`, `R.exec` each run one statement. */
const REDBEAN: OrmValue = { kind: 'client', orm: 'redbean' };

/** The ORM value a call of a package function returns (`drizzle(...)`, `knex(...)`, `mysql.createPool(...)`, ...); without the call, what any call returns. */
function packageCallResult(member: ModuleMember, call?: TSESTree.CallExpression): OrmValue | undefined {
  const { module, path } = member;
  const name = path.at(-1);
  if (isDrizzleModule(module) && name === 'drizzle') return { kind: 'client', orm: 'drizzle' };
  if (module === 'knex' && (path.length === 0 || name === 'knex' || name === 'default')) return { kind: 'client', orm: 'knex' };
  // PlanetScale's `connect(config)` makes a connection.
  if (isMysqlModule(module) && (name === 'createPool' || name === 'createConnection' || name === 'createPoolCluster' || name === 'connect'))
    return { kind: 'client', orm: 'mysql2' };
  // `const sql = neon(url)`: a tag whose every awaited template is a query over HTTP; `@vercel/postgres`'s pools and clients hold one.
  if ((isNeonModule(module) && name === 'neon') || (isVercelPostgresModule(module) && (name === 'createPool' || name === 'createClient'))) return NEON;
  if (isLibsqlModule(module) && name === 'createClient') return { kind: 'client', orm: 'libsql' };
  if (isClickhouseModule(module) && name === 'createClient') return { kind: 'client', orm: 'clickhouse' };
  if (isSlonikModule(module) && name === 'createPool') return { kind: 'client', orm: 'slonik' };
  // postgres.js: `const sql = postgres(url)`, a tag whose every awaited template is a query.
  if (module === 'postgres' && (path.length === 0 || name === 'default')) return { kind: 'client', orm: 'postgres' };
  // pg-promise: `const pgp = pgPromise(options)` makes the library's root, whose call `pgp(connection)` is a database.
  if (module === 'pg-promise' && (path.length === 0 || name === 'default')) return PG_PROMISE_MAIN;
  if (module === 'mongoose') {
    if (name === 'model') return { kind: 'model', orm: 'mongoose', model: call && stringArgument(call, 0) };
    if (name === 'createConnection') return { kind: 'datasource', orm: 'mongoose' };
  }
  if (module === 'typeorm') {
    if (name === 'getRepository' || name === 'getCustomRepository') return { kind: 'repository', orm: 'typeorm', model: call && identifierArgument(call, 0) };
    if (name === 'getManager') return { kind: 'manager', orm: 'typeorm' };
    if (name === 'getConnection' || name === 'createConnection') return { kind: 'datasource', orm: 'typeorm' };
  }
  if (isMikroModule(module) && path.join('.') === 'MikroORM.init') return { kind: 'datasource', orm: 'mikro-orm' };
  if (isNodeRedisModule(module) && (name === 'createClient' || name === 'createCluster')) return NODE_REDIS;
  if (isUpstashRedisModule(module) && name === 'fromEnv')
    return call && setsOption(call.arguments, 'enableAutoPipelining', false) ? UPSTASH_UNPIPELINED : UPSTASH_REDIS;
  if (isRedisModule(module) && (name === 'createClient' || name === 'createCluster' || name === 'fromEnv')) return { kind: 'client', orm: 'redis' };
  if (isPayloadModule(module) && (name === 'getPayload' || name === 'getPayloadHMR')) return PAYLOAD;
  // `const app = Fastify({ logger: true })`: the server, whose decorators hold the handles its plugins register.
  if (module === 'fastify' && (path.length === 0 || name === 'default' || name === 'fastify')) return FASTIFY;
  if (isSupabaseModule(module) && (name === 'createClient' || name === 'createServerClient' || name === 'createBrowserClient')) return SUPABASE;
  // Bull's default export makes a queue called without `new` too: `const queue = Bull('mail')`.
  if (module === 'bull' && (path.length === 0 || name === 'default')) return { kind: 'client', orm: 'bullmq' };
  // `await MongoClient.connect(url)`: the driver's client, connected.
  if (isMongoDriverModule(module) && path.join('.') === 'MongoClient.connect') return { kind: 'client', orm: 'mongodb' };
  // `DynamoDBDocumentClient.from(client)`: the document client over a v3 client.
  if (name === 'from' && isDynamoClientClass({ module, path: path.slice(0, -1) })) return DYNAMODB;
  // `algoliasearch(appId, apiKey)`: its default export (v4) or named one (v5), and the lite client's `liteClient`.
  if (isAlgoliaModule(module) && (path.length === 0 || name === 'default' || name === 'algoliasearch' || name === 'liteClient'))
    return { kind: 'client', orm: 'algolia' };
  return undefined;
}

/** A Supabase client: `supabase.from(table)` starts a PostgREST request, sent when the builder is awaited. */
const SUPABASE: OrmValue = { kind: 'client', orm: 'supabase' };

/** Neon's SQL tag (`neon(url)`), and `@vercel/postgres`'s `sql`, pools and clients: a template on them, or their `query(text, values)`, is a query. */
const NEON: OrmValue = { kind: 'client', orm: 'neon' };

/** pg-promise's root (`IMain`): called with a connection, it makes a database. */
const PG_PROMISE_MAIN: OrmValue = { kind: 'factory', orm: 'pg-promise' };

/** A Payload instance: its Local API (`payload.find`, `payload.update`) and, under `db`, its database adapter. */
const PAYLOAD: OrmValue = { kind: 'client', orm: 'payload' };

/** Whether Payload CMS is in reach of a file: its package depends on it, or the file imports from it. */
function usesPayload(context: RuleContext): boolean {
  return context.shared.memo(
    'usesPayload',
    () =>
      context.options.project.dependencies.has('payload') ||
      context.ast.body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && isPayloadModule(statement.source.value)),
  );
}

/**
 * `req.payload`, `args.req.payload`, `request.payload` with `request: PayloadRequest`: the Payload
 * instance on the request that Payload hands its hooks, access functions, endpoints and jobs.
 */
function isPayloadRequest(context: RuleContext, node: TSESTree.Node): boolean {
  const object = unwrapExpression(node);
  if (!usesPayload(context)) return false;
  if (
    (object.type === AST_NODE_TYPES.Identifier && object.name === 'req') ||
    (object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'req')
  )
    return true;
  const type = declaredType(context, object);
  return type?.type === AST_NODE_TYPES.TSTypeReference && isPayloadType(context, type.typeName, 'PayloadRequest');
}

/** Whether a type name is the type of that name imported from Payload. */
function isPayloadType(context: RuleContext, name: TSESTree.EntityName, type: string): boolean {
  const member = name.type === AST_NODE_TYPES.Identifier ? resolveModuleMember(context, name) : undefined;
  return !!member && isPayloadModule(member.module) && member.path.join('.') === type;
}

/**
 * `payload` destructured from the request of a hook's arguments (`async ({ req: { payload } }) => ...`),
 * or from a parameter typed as a Payload request (`({ payload }: PayloadRequest) => ...`).
 */
function destructuredPayload(context: RuleContext, name: TSESTree.Identifier): OrmValue | undefined {
  const property = name.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== name || property.computed || keyName(property) !== 'payload') return undefined;
  const pattern = property.parent;
  if (pattern?.type !== AST_NODE_TYPES.ObjectPattern || !usesPayload(context)) return undefined;
  const owner = pattern.parent;
  if (owner?.type === AST_NODE_TYPES.Property && owner.value === pattern && !owner.computed && keyName(owner) === 'req') return PAYLOAD;
  const type = pattern.typeAnnotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && isPayloadType(context, type.typeName, 'PayloadRequest') ? PAYLOAD : undefined;
}

function stringArgument(call: TSESTree.CallExpression, index: number): string | undefined {
  const argument = call.arguments[index];
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

/** The name of a class passed as an argument (`getRepository(User)`, `em.find(Book, ...)`, `Model.name`). */
export function identifierArgument(call: TSESTree.CallExpression, index: number): string | undefined {
  const argument = call.arguments[index];
  if (argument?.type === AST_NODE_TYPES.Identifier) return argument.name;
  if (argument?.type === AST_NODE_TYPES.MemberExpression && propertyName(argument) === 'name' && argument.object.type === AST_NODE_TYPES.Identifier) {
    return argument.object.name;
  }
  return stringArgument(call, index);
}

/** The models index: this file's declarations and, when given, the project's. */
export function projectModels(context: RuleContext): ProjectModels | undefined {
  return context.options.project.models as ProjectModels | undefined;
}

/** What the methods of an ORM value return when awaited: a query's rows, or another ORM value. */
/** What a client's method hands out whatever it is given: the MongoDB driver's `client.db()`, another client of the same database. */
export function clientMethodResult(base: OrmValue, method: string): OrmValue | undefined {
  const { kind, orm } = base;
  // `new PrismaClient().$extends(...)` and Redis `duplicate()` are clients of the same database.
  if (kind === 'client' && ((orm === 'prisma' && method === '$extends') || (orm === 'redis' && method === 'duplicate'))) return base;
  return orm === 'mongodb' && kind === 'client' && method === 'db' ? { kind: 'datasource', orm } : undefined;
}

function methodResult(base: OrmValue, method: string, call: TSESTree.CallExpression, awaited: boolean): OrmValue | undefined {
  const { orm, kind } = base;
  if ((kind === 'datasource' || kind === 'manager') && orm === 'typeorm') {
    if (method === 'getRepository' || method === 'getTreeRepository' || method === 'getMongoRepository') {
      return { kind: 'repository', orm, model: identifierArgument(call, 0) };
    }
    if (method === 'createQueryRunner') return { kind: 'queryRunner', orm };
  }
  if (kind === 'repository' && orm === 'typeorm' && method === 'extend') return base;
  if (orm === 'mikro-orm') {
    if ((kind === 'manager' || kind === 'datasource') && method === 'getRepository') return { kind: 'repository', orm, model: identifierArgument(call, 0) };
    if (kind === 'manager' && method === 'fork') return base;
  }
  if (orm === 'sequelize' && kind === 'client' && (method === 'define' || method === 'model')) return { kind: 'model', orm, model: stringArgument(call, 0) };
  if (orm === 'mongoose' && kind === 'datasource' && method === 'model') return { kind: 'model', orm, model: stringArgument(call, 0) };
  if (orm === 'mysql2' && (method === 'promise' || method === 'getConnection')) return base;
  if ((orm === 'pg' || orm === 'neon') && method === 'connect' && awaited) return base;
  // libSQL's `await client.transaction()` runs the same `execute`; PlanetScale's `client.connection()` is a connection.
  if ((orm === 'libsql' && method === 'transaction' && awaited) || (orm === 'mysql2' && method === 'connection')) return base;
  const handedOut = clientMethodResult(base, method);
  if (handedOut) return handedOut;
  if (orm === 'mongodb' && kind === 'datasource' && method === 'collection') return { kind: 'delegate', orm, model: stringArgument(call, 0) };
  // `client.index('movies')` of Meilisearch (`await client.getIndex(uid)` fetches it first), `client.initIndex('products')` of Algolia v4.
  if (
    kind === 'client' &&
    ((orm === 'meilisearch' && (method === 'index' || (method === 'getIndex' && awaited))) || (orm === 'algolia' && method === 'initIndex'))
  )
    return { kind: 'delegate', orm, model: stringArgument(call, 0) };
  if (orm === 'redis' && kind === 'client' && method === 'connect' && awaited) return base;
  // `redis.pipeline()`, `redis.multi()`: a queue of commands that `exec()` sends in one round trip; a queued command hands the queue back.
  if (orm === 'redis' && ((kind === 'client' && (method === 'pipeline' || method === 'multi')) || (kind === 'delegate' && !runsQuery(base, method))))
    return REDIS_PIPELINE;
  // `const trx = await R.begin()`: a transaction runs the facade's statements.
  if (orm === 'redbean' && kind === 'client' && method === 'begin' && awaited) return base;
  // `User.scope('withTeam')` and `User.unscoped()` are the same model with other default options.
  if (orm === 'sequelize' && kind === 'model' && (method === 'scope' || method === 'unscoped')) return base;
  // `Doc.build(values)` makes a row without a query; its `save()` inserts it.
  if (orm === 'sequelize' && kind === 'model' && method === 'build') return { kind: 'entity', orm, model: base.model };
  // `Post.create(values)` of a TypeORM active record makes an entity without a query; its `save()` inserts it.
  if (orm === 'typeorm' && kind === 'model' && method === 'create') return { kind: 'entity', orm, model: base.model };
  if (!awaited) return undefined;
  const rows = queryRows(base, method, call);
  return rows;
}

const MANY_ROWS: Partial<Record<Orm, readonly string[]>> = {
  prisma: ['findMany'],
  typeorm: ['find', 'findBy', 'findByIds'],
  sequelize: ['findAll'],
  mongoose: ['find'],
  'mikro-orm': ['find', 'findAll'],
};
const ONE_ROW: Partial<Record<Orm, readonly string[]>> = {
  prisma: ['findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow'],
  typeorm: ['findOne', 'findOneBy', 'findOneOrFail', 'findOneByOrFail'],
  sequelize: ['findByPk', 'findOne'],
  mongoose: ['findOne', 'findById'],
  'mikro-orm': ['findOne', 'findOneOrFail'],
};

/** The rows an awaited finder returns, with the model they belong to when it is known. */
function queryRows(base: OrmValue, method: string, call: TSESTree.CallExpression): OrmValue | undefined {
  const many = MANY_ROWS[base.orm]?.includes(method);
  const one = ONE_ROW[base.orm]?.includes(method);
  if (!many && !one) return undefined;
  const kind = many ? 'entities' : 'entity';
  if (base.kind === 'manager') return { kind, orm: base.orm, model: identifierArgument(call, 0) };
  if (base.kind === 'delegate' || base.kind === 'repository' || base.kind === 'model') return { kind, orm: base.orm, model: base.model };
  return undefined;
}

/** Methods of a Mongoose or Objection query that return the same rows. */
const PASS_THROUGH = new Set(['lean', 'exec', 'sort', 'limit', 'skip', 'select', 'populate', 'where', 'orderBy', 'withGraphFetched', 'withGraphJoined']);

/**
 * What ORM value an expression evaluates to, from declarations, imports, type annotations,
 * decorators and the project index; undefined when it cannot be known.
 */
export function ormValueOf(context: RuleContext, expression: TSESTree.Node, depth = 0): OrmValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const cache = context.shared.memo('ormValueOf', () => new Map<TSESTree.Node, OrmValue | undefined>());
  if (cache.has(expression)) return cache.get(expression);
  cache.set(expression, undefined);
  const value = computeValue(context, expression, depth);
  cache.set(expression, value);
  return value;
}

function computeValue(context: RuleContext, node: TSESTree.Node, depth: number): OrmValue | undefined {
  switch (node.type) {
    // `db as Database`, `{ ...primary, select } as Replicated<Q>`: what the expression is, else the handle it is cast to.
    case AST_NODE_TYPES.TSAsExpression:
      return ormValueOf(context, node.expression, depth + 1) ?? castHandle(context, node.typeAnnotation);
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.ChainExpression:
      return ormValueOf(context, node.expression, depth + 1);
    case AST_NODE_TYPES.AwaitExpression:
      return awaitedValue(context, node.argument, depth);
    // `super.$transaction(...)` in a client class is the instance, through its base class's methods.
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.Super:
      return thisValue(context, node);
    case AST_NODE_TYPES.Identifier:
      return identifierValue(context, node, depth);
    case AST_NODE_TYPES.MemberExpression:
      return memberValue(context, node, depth);
    case AST_NODE_TYPES.NewExpression: {
      const collection = meteorCollection(context, node);
      if (collection) return collection;
      const member = resolveModuleMember(context, node.callee);
      if (member) {
        const origin = reexportedPackageMember(context, member);
        const made = packageConstructed(member) ?? importedClassInstance(context, member) ?? (origin && packageConstructed(origin));
        // `new Redis(url, { enableAutoPipelining: true })` of ioredis: the commands of one tick leave as one pipeline.
        if (made?.orm === 'redis' && setsOption(node.arguments, 'enableAutoPipelining', true)) return { ...made, pipelines: true };
        if (made === UPSTASH_REDIS && setsOption(node.arguments, 'enableAutoPipelining', false)) return UPSTASH_UNPIPELINED;
        if (made) return made;
      }
      const declared = member ? undefined : classOf(context, node.callee);
      return declared ? classInstanceValue(context, declared) : (proxiedValue(context, node, depth) ?? newMongooseDocument(context, node, depth));
    }
    case AST_NODE_TYPES.CallExpression:
      return callValue(context, node, false, depth) ?? typeArgumentHandle(context, node);
    // `mongoose.models.User || mongoose.model('User', schema)`, the usual guard against recompiling a model.
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.ConditionalExpression: {
      const [first, second] = node.type === AST_NODE_TYPES.LogicalExpression ? [node.left, node.right] : [node.consequent, node.alternate];
      return ormValueOf(context, first, depth + 1) ?? ormValueOf(context, second, depth + 1);
    }
    default:
      return undefined;
  }
}

/** `new Proxy({} as Database, handler)`, `new Proxy<Database>(target, handler)`: a stand-in that holds what its target holds, as a client opened on first use. */
function proxiedValue(context: RuleContext, node: TSESTree.NewExpression, depth: number): OrmValue | undefined {
  if (!isGlobalName(context, node.callee, 'Proxy')) return undefined;
  const [target] = node.arguments;
  return (target && ormValueOf(context, target, depth + 1)) ?? typeArgumentHandle(context, node);
}

/** `new Faq(doc)` of a Mongoose model: a document not yet saved, which its `save()` inserts. */
function newMongooseDocument(context: RuleContext, node: TSESTree.NewExpression, depth: number): OrmValue | undefined {
  const model = ormValueOf(context, node.callee, depth + 1);
  return model?.orm === 'mongoose' && model.kind === 'model' ? { kind: 'entity', orm: 'mongoose', model: model.model } : undefined;
}

function awaitedValue(context: RuleContext, argument: TSESTree.Node, depth: number): OrmValue | undefined {
  let node = argument;
  // `await User.find().lean()`: the rows of the finder at the root of the chain.
  while (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    PASS_THROUGH.has(propertyName(node.callee) ?? '') &&
    node.callee.object.type === AST_NODE_TYPES.CallExpression
  ) {
    node = node.callee.object;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) return callValue(context, node, true, depth) ?? typeArgumentHandle(context, node);
  const value = ormValueOf(context, node, depth + 1);
  return value && value.kind !== 'entity' && value.kind !== 'entities' ? value : undefined;
}

function callValue(context: RuleContext, call: TSESTree.CallExpression, awaited: boolean, depth: number): OrmValue | undefined {
  const member = resolveModuleMember(context, call.callee);
  if (member && !fromProject(context, member.module)) {
    const result = packageCallResult(member, call) ?? wrappedClient(context, call, depth);
    // `mongoose.connection.db.collection(name)`: a method of a value the package exports, read below.
    if (result || !packageMemberValue({ module: member.module, path: member.path.slice(0, 1) })) return result;
  }
  if (member) {
    const imported = importedValue(context, member);
    // `getRepository(User)` of the project's data source module: the repository of the entity it is given.
    if (imported?.kind === 'factory' && imported.makes === 'repository') return entityRepository(context, call) ?? { kind: 'repository', orm: imported.orm };
    if (imported?.kind === 'factory') return imported.holds ? undefined : { kind: imported.makes ?? 'client', orm: imported.orm };
    const model = handedOnMongooseModel(context, member, call);
    if (model) return model;
  }
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression)
    return factoryResult(context, call, depth) ?? madeByValue(context, call, depth) ?? wrappedClient(context, call, depth);
  const method = propertyName(call.callee);
  if (method === undefined) return undefined;
  const provided = providedValue(context, call);
  if (provided) return provided;
  if (method === 'query' && awaited) {
    const model = ormValueOf(context, call.callee.object, depth + 1);
    if (model?.kind === 'model' && model.orm === 'objection') return { kind: 'entities', orm: 'objection', model: model.model };
  }
  const base = ormValueOf(context, call.callee.object, depth + 1);
  if (!base && method === 'define') return definedModel(context, call);
  const result = base
    ? (frameworkMethodResult(base, method) ?? methodResult(base, method, call, awaited))
    : REPOSITORY_GETTERS.has(method)
      ? entityRepository(context, call)
      : undefined;
  // `this.prismaService.txClient()` on a class that extends PrismaClient: a method of the project's own class, not of the client.
  if (result || (base && base.kind !== 'client')) return result;
  // `Collection.run()` of `const Collection = { run: getCollection('runs') }`: a function of this file's object that hands out a handle.
  return (
    ownMethodHandle(context, call.callee, depth) ??
    projectMethodHandle(context, call.callee, method) ??
    (base ? undefined : factoryResult(context, call, depth))
  );
}

/**
 * `this.billModel()` of a field typed `() => typeof Bill` or `TenantModelProxy<typeof Bill>`, `this.knex()` of one typed `() => Knex`:
 * a provider a tenancy layer injects hands out the model or handle of the request's database.
 */
function providedValue(context: RuleContext, call: TSESTree.CallExpression): OrmValue | undefined {
  const callee = call.callee as TSESTree.MemberExpression;
  if (call.arguments.length > 0 || callee.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const provided = providedType(classFieldType(callee));
  const value = provided && typeValue(context, provided);
  return value && (value.kind === 'model' || isHandle(value)) ? value : undefined;
}

/**
 * `module.exports = (sequelize, DataTypes) => { const Note = sequelize.define('Note', {…}) }`: a model file of sequelize-cli, whose
 * Sequelize instance is a parameter; the project index registers the model by this call (see `registeredModelFact`).
 */
function definedModel(context: RuleContext, call: TSESTree.CallExpression): OrmValue | undefined {
  const name = stringArgument(call, 0);
  const receiver = (call.callee as TSESTree.MemberExpression).object;
  const registers =
    receiver.type === AST_NODE_TYPES.Identifier && /sequelize/i.test(receiver.name) && call.arguments[1]?.type === AST_NODE_TYPES.ObjectExpression;
  return registers && name !== undefined && modelFact(context, name)?.orm === 'sequelize' ? { kind: 'model', orm: 'sequelize', model: name } : undefined;
}

/** `this.prismaService.txClient()` with the class in another file: the handle the index says that method hands out (see `methodHandle`). */
function projectMethodHandle(context: RuleContext, callee: TSESTree.MemberExpression, method: string): OrmValue | undefined {
  return callee.object.type === AST_NODE_TYPES.ThisExpression ? undefined : projectFieldValue(context, callee.object, `${method}${CALLED}`);
}

/**
 * The handle a method or getter hands out: by its declared return type (`txClient(): Prisma.TransactionClient`), or by what
 * it returns (`return this.cls.get('tx') ?? this` in a class that extends PrismaClient): the client of the transaction under way, or the plain one.
 */
export function methodHandle(context: RuleContext, fn: FunctionNode, depth = 0): OrmValue | undefined {
  const declared = declaredReturnType(fn);
  const typed = declared && typeValue(context, declared);
  return typed && isHandle(typed) ? typed : returnedHandle(context, fn, depth);
}

/** `this.rawCollection().findOne(...)`: a method of the enclosing class that returns a handle (a collection it keeps in a field). */
function ownMethodHandle(context: RuleContext, callee: TSESTree.MemberExpression, depth: number): OrmValue | undefined {
  if (callee.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = propertyName(callee);
  const method = enclosingClassOfThis(callee.object)?.body.body.find(
    (element): element is TSESTree.MethodDefinition =>
      element.type === AST_NODE_TYPES.MethodDefinition &&
      element.kind === 'method' &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.key.name === name,
  );
  return method?.value.type === AST_NODE_TYPES.FunctionExpression ? methodHandle(context, method.value, depth + 1) : undefined;
}

/**
 * `super.getActiveManager<SqlEntityManager>(ctx)`, `container.resolve<Knex>('db')`: a getter told by its one
 * type argument which database handle it returns.
 */
function typeArgumentHandle(context: RuleContext, call: TSESTree.CallExpression | TSESTree.NewExpression): OrmValue | undefined {
  const params = call.typeArguments?.params;
  const value = params?.length === 1 ? typeValue(context, params[0]!) : undefined;
  return value && isHandle(value) ? value : undefined;
}

export const REPOSITORY_GETTERS: ReadonlySet<string> = new Set(['getRepository', 'getTreeRepository']);

/**
 * `this.connection.getRepository(ctx, Order)` on the project's own connection wrapper: asked for a
 * TypeORM or MikroORM entity class, any `getRepository` hands out that entity's repository.
 */
function entityRepository(context: RuleContext, call: TSESTree.CallExpression): OrmValue | undefined {
  for (const node of call.arguments) {
    const argument = unwrapExpression(node);
    if (argument.type !== AST_NODE_TYPES.Identifier) continue;
    const definition = resolveVariable(context, argument)?.defs[0];
    if (definition?.type === 'Parameter') {
      const orm = isClassParameter(definition.name) ? entityOrm(context) : undefined;
      if (orm) return { kind: 'repository', orm };
      continue;
    }
    if (definition?.type !== 'ImportBinding' && definition?.type !== 'ClassName') continue;
    const fact = modelFact(context, argument.name);
    if (fact?.orm === 'typeorm' || fact?.orm === 'mikro-orm') return { kind: 'repository', orm: fact.orm, model: fact.name };
  }
  return undefined;
}

/**
 * `getRepository(ctx, entityType)` with `entityType: Type<T>` (or `new () => T`) a parameter of a generic
 * helper: the repository of whichever entity class the caller passes, where the package or the file uses TypeORM or MikroORM.
 */
function entityOrm(context: RuleContext): Orm | undefined {
  return context.shared.memo('entityOrm', () => {
    const modules = [...context.options.project.dependencies];
    for (const statement of context.ast.body) if (statement.type === AST_NODE_TYPES.ImportDeclaration) modules.push(statement.source.value);
    if (modules.includes('typeorm')) return 'typeorm';
    return modules.some(isMikroModule) ? 'mikro-orm' : undefined;
  });
}

/** A parameter declared as a class: a constructor type, or a generic type (`Type<T>`, `ObjectType<T>`) of a type parameter of its function or class. */
function isClassParameter(name: TSESTree.Node): boolean {
  const annotation = name.type === AST_NODE_TYPES.Identifier ? name.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type === AST_NODE_TYPES.TSConstructorType) return true;
  const argument =
    annotation?.type === AST_NODE_TYPES.TSTypeReference && annotation.typeArguments?.params.length === 1 ? annotation.typeArguments.params[0] : undefined;
  if (argument?.type !== AST_NODE_TYPES.TSTypeReference || argument.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const typeParameter = argument.typeName.name;
  for (let current = name.parent; current; current = current.parent) {
    const declared = 'typeParameters' in current ? (current.typeParameters as TSESTree.TSTypeParameterDeclaration | undefined) : undefined;
    if (declared?.params.some((param) => param.name.name === typeParameter)) return true;
  }
  return false;
}

/** Whether a module is a file of the project (relative, or an alias or workspace package it declares). */
function fromProject(context: RuleContext, module: string): boolean {
  return isProjectModule(projectModels(context), module);
}

/**
 * `mongoose.model('Project', ProjectSchema)` with `mongoose` from a project module that connects and hands the package on:
 * a Mongoose model when the schema is made by that same module's `Schema` (the pair only Mongoose exposes).
 */
function handedOnMongooseModel(context: RuleContext, member: ModuleMember, call: TSESTree.CallExpression): OrmValue | undefined {
  if (member.path.at(-1) !== 'model' || !fromProject(context, member.module)) return undefined;
  const schema = call.arguments[1] && unwrapExpression(call.arguments[1]);
  const definition = schema?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, schema)?.defs[0] : undefined;
  const made = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : schema;
  if (made?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const schemaClass = resolveModuleMember(context, made.callee);
  const sameModule = schemaClass?.module === member.module && schemaClass.path.join('.') === [...member.path.slice(0, -1), 'Schema'].join('.');
  return sameModule ? { kind: 'model', orm: 'mongoose', model: stringArgument(call, 0) } : undefined;
}

/** `pgp(connection)` with `pgp` a maker of clients held in a variable (pg-promise's root): the client it makes. */
function madeByValue(context: RuleContext, call: TSESTree.CallExpression, depth: number): OrmValue | undefined {
  const maker = ormValueOf(context, call.callee, depth + 1);
  return maker?.kind === 'factory' && !maker.holds ? { kind: maker.makes ?? 'client', orm: maker.orm } : undefined;
}

/** `createDb()` of a function of this file that returns a client: that client. */
function factoryResult(context: RuleContext, call: TSESTree.CallExpression, depth: number): OrmValue | undefined {
  const fn = localFunction(context, call.callee);
  return fn && returnedHandle(context, fn, depth);
}

/**
 * The handle a function returns: its one returned expression, or what every `return` of its body returns when they agree (`return base` or
 * `return base.$extends(...)`). A `return null` (or `undefined`, or nothing) where making the client failed is no other handle: the
 * caller gets that client or none, as a `Redis | null` type says.
 */
export function returnedHandle(context: RuleContext, fn: FunctionNode, depth = 0): OrmValue | undefined {
  const returned = returnedExpression(fn);
  if (returned) {
    const value = ormValueOf(context, returned, depth + 1) ?? lazilySetValue(context, fn, returned, depth);
    return value && isHandle(value) ? value : undefined;
  }
  const body = fn.body as FunctionNode['body'] | null | undefined;
  if (body?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const values: Array<OrmValue | undefined> = [];
  walk(
    body,
    (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement && enclosingFunctionNode(node) === fn && !returnsNothing(node))
        values.push(ormValueOf(context, node.argument!, depth + 1));
    },
    () => {},
  );
  const first = oneKindOfHandle(values);
  return first && isHandle(first) ? first : undefined;
}

/** `return { Orders, OrderLines }`: the one kind of handle every member of the object a function returns is. */
export function returnedHandles(context: RuleContext, fn: FunctionNode, depth = 0): OrmValue | undefined {
  const returned = returnedExpression(fn);
  const object = returned && unwrapExpression(returned);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || object.properties.length === 0) return undefined;
  const first = oneKindOfHandle(
    object.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? ormValueOf(context, property.value, depth + 1) : undefined)),
  );
  return first && isHandle(first) ? first : undefined;
}

/**
 * `const { Orders } = await OrdersCollection(db)`: a member of the object of handles a function of this file or of the project returns,
 * made on each call (a collection, a database of the driver).
 */
function heldHandle(context: RuleContext, init: TSESTree.Expression, key: string, depth: number): OrmValue | undefined {
  const awaited = unwrapExpression(init);
  const call = unwrapExpression(awaited.type === AST_NODE_TYPES.AwaitExpression ? awaited.argument : awaited);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const fn = localFunction(context, call.callee);
  const returned = fn && returnedExpression(fn);
  const object = returned && unwrapExpression(returned);
  if (object?.type === AST_NODE_TYPES.ObjectExpression) {
    const property = object.properties.find((candidate) => candidate.type === AST_NODE_TYPES.Property && keyName(candidate) === key);
    const value = property?.type === AST_NODE_TYPES.Property ? ormValueOf(context, property.value, depth + 1) : undefined;
    return value && isHandle(value) ? value : undefined;
  }
  const member = fn ? undefined : resolveModuleMember(context, call.callee);
  const factory = member && importedValue(context, member);
  return factory?.kind === 'factory' && factory.holds ? { kind: factory.makes ?? 'client', orm: factory.orm } : undefined;
}

/** The value all of these are, when each is the same kind of handle of one ORM. */
function oneKindOfHandle(values: ReadonlyArray<OrmValue | undefined>): OrmValue | undefined {
  const [first] = values;
  return first && values.every((value) => value?.orm === first.orm && value.kind === first.kind) ? first : undefined;
}

/**
 * `if (!DB) { DB = drizzle({ client: pool() }); } return DB;` with `DB` a global (`declare global { var DB: Db | null }`) or a
 * `globalThis` property: a lazy singleton, which holds what the function itself sets it to (every such assignment, one kind of handle).
 */
function lazilySetValue(context: RuleContext, fn: FunctionNode, returned: TSESTree.Node, depth: number): OrmValue | undefined {
  const target = unwrapExpression(returned);
  const name = singletonName(target);
  if (!name || fn.body?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  // A variable of the function itself (`const result = ...; return result`) is no singleton: its value is what ormValueOf found.
  const declared = target.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, target)?.defs[0]?.name : undefined;
  if (declared && contains(fn, declared)) return undefined;
  const values: Array<OrmValue | undefined> = [];
  walk(
    fn.body,
    (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression && singletonName(node.left) === name && !isNothing(node.right))
        values.push(ormValueOf(context, node.right, depth + 1));
    },
    () => {},
  );
  return oneKindOfHandle(values);
}

/** `DB`, `globalThis.DB`, `global.DB`: the name of a value a module keeps for the whole process. */
function singletonName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    (node.object.name === 'globalThis' || node.object.name === 'global')
    ? propertyName(node)
    : undefined;
}

/** `return;`, `return null;`, `return undefined;`: no value. */
function returnsNothing(statement: TSESTree.ReturnStatement): boolean {
  return !statement.argument || isNothing(statement.argument);
}

function enclosingFunctionNode(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/**
 * `singleton('prisma', () => new PrismaClient())`, `remember(...)`: a helper that creates a client once and hands it out;
 * `pickDriver({ pg: () => drizzle(pool), sqlite: () => drizzle(file) })`: one of the clients, of one ORM, a map of makers makes.
 */
function wrappedClient(context: RuleContext, call: TSESTree.CallExpression, depth: number): OrmValue | undefined {
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.ObjectExpression) {
      const values = makerEntries(argument)?.map((returned) => returned && ormValueOf(context, returned, depth + 1));
      const first = values?.[0];
      if (first?.kind === 'client' && values!.every((value) => value?.kind === 'client' && value.orm === first.orm)) return first;
    }
    if (!isFunction(argument)) continue;
    const returned = returnedExpression(argument);
    const value = returned && ormValueOf(context, returned, depth + 1);
    if (value?.kind === 'client') return value;
  }
  return undefined;
}

/** What each function of an object of two or more functions and nothing else returns (`{ mysql: () => makeMysql(), pg: () => makePg() }`): a map of makers. */
export function makerEntries(object: TSESTree.ObjectExpression): Array<TSESTree.Node | undefined> | undefined {
  const functions = object.properties.flatMap((property) =>
    property.type === AST_NODE_TYPES.Property && isFunction(property.value) ? [property.value as FunctionNode] : [],
  );
  return functions.length >= 2 && functions.length === object.properties.length ? functions.map(returnedExpression) : undefined;
}

/** What a function returns when that is one expression: its expression body or its only `return`. */
export function returnedExpression(fn: FunctionNode): TSESTree.Node | undefined {
  const body = fn.body as FunctionNode['body'] | null | undefined;
  if (!body) return undefined;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return body;
  const returns = body.body.filter((statement): statement is TSESTree.ReturnStatement => statement.type === AST_NODE_TYPES.ReturnStatement);
  return returns.length === 1 ? (returns[0]!.argument ?? undefined) : undefined;
}

function memberValue(context: RuleContext, node: TSESTree.MemberExpression, depth: number): OrmValue | undefined {
  const name = propertyName(node);
  if (name === undefined) {
    const base = ormValueOf(context, node.object, depth + 1);
    if (base?.kind === 'entities') return { kind: 'entity', orm: base.orm, model: base.model };
    return base && node.computed ? keyedDelegate(base) : undefined;
  }
  const self = thisOf(context, node.object);
  if (self) {
    const own = thisMemberValue(context, self, name);
    if (own) return own;
  }
  const base = ormValueOf(context, node.object, depth + 1);
  if (!base && name === 'payload' && isPayloadRequest(context, node.object)) return PAYLOAD;
  if (!base && name === 'connection') {
    const member = resolveModuleMember(context, node);
    const connection = member && packageMemberValue(member);
    if (connection) return connection;
  }
  if (!base)
    return (
      registeredModel(context, node.object, name) ??
      projectFieldValue(context, node.object, name) ??
      typedMemberValue(context, node.object, name) ??
      (name === 'tx' ? transactionHostClient(context, node.object) : undefined) ??
      heldCollection(context, name) ??
      frameworkMember(context, node.object, name) ??
      fastifyRequestServer(context, declaredType(context, unwrapExpression(node.object)), name)
    );
  if (base.orm === 'payload') return payloadMember(base, name);
  // `client.indices` of Elasticsearch and OpenSearch: the requests about indices themselves (`indices.getAlias`).
  if (base.kind === 'client' && (base.orm === 'elasticsearch' || base.orm === 'opensearch') && name === 'indices') return { kind: 'delegate', orm: base.orm };
  if (base.orm === 'fastify') return fastifyDecorator(context, name);
  const framework = frameworkMemberOf(base, name) ?? fastifyHandleMember(base, name);
  if (framework) return framework;
  // `db.sql\`…\`` of a `@vercel/postgres` pool or client is its tag.
  if (base.orm === 'neon' && base.kind === 'client' && name === 'sql') return base;
  // `R.knex` is the Knex instance RedBeanNode runs on.
  if (base.orm === 'redbean' && base.kind === 'client' && name === 'knex') return { kind: 'client', orm: 'knex' };
  // prisma-extension-kysely: `prisma.$kysely` is a Kysely instance on the same connection.
  if (base.orm === 'prisma' && base.kind === 'client' && name === '$kysely') return { kind: 'client', orm: 'kysely' };
  if (base.orm === 'prisma' && base.kind === 'client' && !name.startsWith('$')) return { kind: 'delegate', orm: 'prisma', model: name };
  if (base.orm === 'drizzle' && base.kind === 'client' && name === 'query') return { kind: 'relational', orm: 'drizzle' };
  if (base.kind === 'relational' && base.orm === 'drizzle') return { kind: 'delegate', orm: 'drizzle', model: name };
  if ((base.kind === 'datasource' || base.kind === 'queryRunner') && name === 'manager') return { kind: 'manager', orm: base.orm };
  if (base.kind === 'datasource' && base.orm === 'mikro-orm' && name === 'em') return { kind: 'manager', orm: 'mikro-orm' };
  // `connection.db` of Mongoose is the driver's `Db` under it: its collections run MongoDB queries.
  if (base.kind === 'datasource' && base.orm === 'mongoose' && name === 'db') return { kind: 'datasource', orm: 'mongodb' };
  if (base.kind === 'client' && base.orm === 'sequelize' && name === 'models') return { kind: 'relational', orm: 'sequelize' };
  if (base.kind === 'relational' && base.orm === 'sequelize') return { kind: 'model', orm: 'sequelize', model: name };
  if (base.kind === 'entity' && base.model) {
    const fact = modelFact(context, base.model);
    if (fact?.refs?.includes(name)) return { kind: 'ref', orm: 'mikro-orm' };
    if (fact?.collections?.includes(name)) return { kind: 'collection', orm: 'mikro-orm' };
  }
  return undefined;
}

/**
 * A model picked by a key known only when the code runs, where the library keys its models so: `prisma[modelName]` of a Prisma
 * client, `db.query[table]` of Drizzle's relational API, `sequelize.models[name]`.
 */
function keyedDelegate(base: OrmValue): OrmValue | undefined {
  if (base.orm === 'prisma' && base.kind === 'client') return { kind: 'delegate', orm: 'prisma' };
  if (base.orm === 'drizzle' && base.kind === 'relational') return { kind: 'delegate', orm: 'drizzle' };
  if (base.orm === 'sequelize' && base.kind === 'relational') return { kind: 'model', orm: 'sequelize' };
  return undefined;
}

/** What each adapter of `@nestjs-cls/transactional` hands out as the transaction, by the class the adapter package exports. */
const CLS_ADAPTER_HANDLES: Readonly<Record<string, OrmValue>> = {
  TransactionalAdapterPrisma: { kind: 'client', orm: 'prisma' },
  TransactionalAdapterKnex: { kind: 'client', orm: 'knex' },
  TransactionalAdapterKysely: { kind: 'client', orm: 'kysely' },
  TransactionalAdapterTypeOrm: { kind: 'manager', orm: 'typeorm' },
  TransactionalAdapterDrizzleOrm: { kind: 'client', orm: 'drizzle' },
  TransactionalAdapterPgPromise: { kind: 'client', orm: 'pg-promise' },
};

/**
 * `this.txHost.tx` with `txHost: TransactionHost<TransactionalAdapterPrisma>` of `@nestjs-cls/transactional`: the client of the
 * transaction the CLS store holds, or the plain client outside one; the adapter named by the type argument says which.
 */
function transactionHostClient(context: RuleContext, host: TSESTree.Node): OrmValue | undefined {
  const type = declaredType(context, unwrapExpression(host));
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const member = resolveModuleMember(context, type.typeName);
  const adapter = type.typeArguments?.params[0];
  if (member?.module !== '@nestjs-cls/transactional' || member.path.join('.') !== 'TransactionHost') return undefined;
  if (adapter?.type !== AST_NODE_TYPES.TSTypeReference || adapter.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const adapterClass = resolveModuleMember(context, adapter.typeName);
  const handle = adapterClass?.module.startsWith('@nestjs-cls/transactional-adapter-') ? adapterClass.path.at(-1) : undefined;
  return handle && Object.hasOwn(CLS_ADAPTER_HANDLES, handle) ? CLS_ADAPTER_HANDLES[handle] : undefined;
}

/** `fastify.redis` of a registered `@fastify/redis`, `fastify.prisma` of `fastify.decorate('prisma', prisma)`: the handle a decorator of the project holds. */
function fastifyDecorator(context: RuleContext, name: string): OrmValue | undefined {
  const decorations = projectModels(context)?.decorations;
  return decorations && Object.hasOwn(decorations, name) ? decorations[name] : undefined;
}

/** `payload.db`, Payload's database adapter; `payload.db.drizzle`, the Drizzle instance of its SQL adapters. */
function payloadMember(base: OrmValue, name: string): OrmValue | undefined {
  if (base.kind === 'client' && name === 'db') return { kind: 'datasource', orm: 'payload' };
  if (base.kind === 'datasource' && name === 'drizzle') return { kind: 'client', orm: 'drizzle' };
  return undefined;
}

/**
 * `global.prisma` with `declare const global: { prisma: PrismaClient }`, `globalForDb.db` with
 * `const globalForDb = globalThis as unknown as { db?: Kysely<DB> }`: the declared type of a
 * member of an object typed in place, as clients kept on the global object are.
 */
function typedMemberValue(context: RuleContext, object: TSESTree.Node, name: string): OrmValue | undefined {
  const type = objectType(context, object);
  for (const member of type ? objectTypeMembers(context, type) : []) {
    if (member.type !== AST_NODE_TYPES.TSPropertySignature || !member.typeAnnotation || signatureName(member) !== name) continue;
    const value = typeValue(context, member.typeAnnotation.typeAnnotation);
    return value && isHandle(value) ? value : undefined;
  }
  return undefined;
}

/** The type an expression is declared or cast with: `x as T`, a variable's annotation, or the cast it is initialized with. */
function objectType(context: RuleContext, node: TSESTree.Node): TSESTree.TypeNode | undefined {
  if (node.type === AST_NODE_TYPES.ObjectPattern) return node.typeAnnotation?.typeAnnotation;
  if (node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSTypeAssertion || node.type === AST_NODE_TYPES.TSSatisfiesExpression)
    return node.typeAnnotation;
  const declared = declaredType(context, node);
  if (declared || node.type !== AST_NODE_TYPES.Identifier) return declared;
  const definition = resolveVariable(context, node)?.defs[0];
  const init = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  return init ? objectType(context, init) : undefined;
}

/** `self.apos.doc.db`, `this.db`: a property some file of the project sets to a MongoDB collection (see `SyntaxSignals.collectionFields`). */
function heldCollection(context: RuleContext, name: string): OrmValue | undefined {
  return projectModels(context)?.collectionFields?.includes(name) ? { kind: 'delegate', orm: 'mongodb' } : undefined;
}

/** `db.db` with `db: Database`, `ctx.db.db`: a field of a class of another file that holds a handle (`class Database { db: Kysely<Schema> }`). */
function projectFieldValue(context: RuleContext, object: TSESTree.Node, name: string): OrmValue | undefined {
  const models = projectModels(context);
  const owner = models && projectInstanceOf(context, models, object, 0);
  const entry = owner && fieldAt(models, owner, name);
  return entry && 'value' in entry ? entry.value : undefined;
}

/** `const { client } = prisma` with `prisma` imported: the handle that the object another file exports holds under that name. */
function importedFieldValue(context: RuleContext, member: ModuleMember): OrmValue | undefined {
  const models = projectModels(context);
  // A member of a default import reads `['client']`; of a named one, `['db', 'client']`.
  const [exported, field] = member.path.length === 1 ? ['default', member.path[0]!] : member.path;
  if (!models || member.path.length > 2 || !exported || !field) return undefined;
  const owner = lookupType(models, context.fileName, member.module, exported);
  const entry = owner && fieldAt(models, owner, field);
  return entry && 'value' in entry ? entry.value : undefined;
}

/** The class of the project an expression is an instance of: by its declared type (a parameter, a field of `this`), or a field of such an instance. */
function projectInstanceOf(context: RuleContext, models: ProjectModels, expression: TSESTree.Node, depth: number): TypeLocation | undefined {
  const node = unwrapExpression(expression);
  if (depth > MAX_DEPTH) return undefined;
  const type = declaredType(context, node);
  // `import prisma from '@/lib/prisma'` where that file exports `{ client, ... }`.
  if (!type && node.type === AST_NODE_TYPES.Identifier && resolveVariable(context, node)?.defs[0]?.type === 'ImportBinding') {
    const member = resolveModuleMember(context, node);
    return member && member.path.length <= 1 && fromProject(context, member.module)
      ? lookupType(models, context.fileName, member.module, member.path[0] ?? 'default')
      : undefined;
  }
  if (type) return importedTypeLocation(context, models, type);
  const procedure = procedureContext(context, models, node);
  if (procedure) return procedure;
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type === AST_NODE_TYPES.ThisExpression) return undefined;
  const field = propertyName(node);
  const owner = field === undefined ? undefined : projectInstanceOf(context, models, node.object, depth + 1);
  const entry = owner && fieldAt(models, owner, field!);
  return entry && 'instance' in entry ? entry.instance : undefined;
}

/** What tRPC procedures are built with: `.query(...)`, `.mutation(...)`, `.subscription(...)`. */
export const PROCEDURE_METHODS: ReadonlySet<string> = new Set(['query', 'mutation', 'subscription']);

/**
 * `ctx` of `protectedProcedure.input(schema).mutation(async ({ ctx, input }) => ...)`, or `opts.ctx`, with the procedure imported
 * from a file that sets up tRPC: the context that file gives its procedures (see `TRPC_CONTEXT`).
 */
function procedureContext(context: RuleContext, models: ProjectModels, node: TSESTree.Node): TypeLocation | undefined {
  const parameter =
    node.type === AST_NODE_TYPES.MemberExpression && propertyName(node) === 'ctx' && node.object.type === AST_NODE_TYPES.Identifier
      ? resolveVariable(context, node.object)?.defs[0]
      : node.type === AST_NODE_TYPES.Identifier && node.name === 'ctx'
        ? resolveVariable(context, node)?.defs[0]
        : undefined;
  if (parameter?.type !== 'Parameter') return undefined;
  const fn = parameter.node as TSESTree.Node;
  const first = isFunction(fn) ? fn.params[0] : undefined;
  const named = parameter.name as TSESTree.Node;
  // The whole first parameter (`opts.ctx`), or its `ctx` property (`({ ctx })`).
  const destructured = named.parent?.type === AST_NODE_TYPES.Property && named.parent.parent === first && keyName(named.parent) === 'ctx';
  if (!first || (named !== first && !destructured) || (named === first) !== (node.type === AST_NODE_TYPES.MemberExpression)) return undefined;
  const call = fn.parent;
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    !PROCEDURE_METHODS.has(propertyName(call.callee) ?? '')
  )
    return undefined;
  let root: TSESTree.Node = call.callee.object;
  while (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.MemberExpression)
    root = root.type === AST_NODE_TYPES.CallExpression ? root.callee : root.object;
  const member = resolveModuleMember(context, root);
  const key = member && fromProject(context, member.module) ? moduleKey(models, context.fileName, member.module) : undefined;
  const found =
    key === undefined
      ? undefined
      : declarationOf(models, key, member!.path[0] ?? 'default', (file) => !!models.fields?.[file]?.[TRPC_CONTEXT] || !!models.bases?.[file]?.[TRPC_CONTEXT]);
  return found && { key: found.key, name: TRPC_CONTEXT };
}

/** The class, interface or alias of another file a type names, or the first such part of an intersection (`AuthedContext & { list: List }`). */
function importedTypeLocation(context: RuleContext, models: ProjectModels, type: TSESTree.TypeNode): TypeLocation | undefined {
  if (type.type === AST_NODE_TYPES.TSIntersectionType) {
    for (const part of type.types) {
      const found = importedTypeLocation(context, models, part);
      if (found) return found;
    }
    return undefined;
  }
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const member = resolveModuleMember(context, type.typeName);
  if (!member || member.path.length > 1 || !fromProject(context, member.module)) return undefined;
  return lookupType(models, context.fileName, member.module, member.path[0] ?? 'default');
}

/** `models.User` / `db.User` where `models` comes from a project file and `User` is a model the project declares. */
function registeredModel(context: RuleContext, object: TSESTree.Node, name: string): OrmValue | undefined {
  if (object.type !== AST_NODE_TYPES.Identifier || !/^[A-Z]/.test(name)) return undefined;
  const member = resolveModuleMember(context, object);
  if (!member || !fromProject(context, member.module)) return undefined;
  const fact = lookupModel(projectModels(context), name);
  return fact && hasStaticQueries(fact) ? { kind: 'model', orm: fact.orm, model: fact.name } : undefined;
}

/** The facts about a model, from this file's declarations or the project index. */
export function modelFact(context: RuleContext, name: string): ModelFact | undefined {
  return localModelFacts(context).get(name) ?? lookupModel(projectModels(context), name);
}

function identifierValue(context: RuleContext, identifier: TSESTree.Identifier, depth: number): OrmValue | undefined {
  const variable = resolveVariable(context, identifier);
  if (!variable || variable.defs.length === 0) return sailsModelGlobal(context, identifier, projectModels(context)?.globalModels);
  return variableValue(context, variable, depth);
}

/** What ORM value a variable holds: from its type annotation, its initializer, its import or its loop. */
export function variableValue(context: RuleContext, variable: Variable, depth: number): OrmValue | undefined {
  const definition = variable.defs[0]!;
  const name = definition.name as TSESTree.Identifier;
  switch (definition.type) {
    case 'ClassName':
      return classValue(context, definition.node as TSESTree.ClassDeclaration);
    case 'ImportBinding': {
      const member = resolveModuleMember(context, name);
      // Payload 2's `import payload from 'payload'` is the instance itself.
      if (member?.module === 'payload' && definition.node.type === AST_NODE_TYPES.ImportDefaultSpecifier) return PAYLOAD;
      return member && (importedValue(context, member) ?? packageMemberValue(member));
    }
    case 'Parameter':
      return destructuredPayload(context, name) ?? parameterValue(context, name, depth) ?? knexByUse(variable);
    case 'Variable': {
      const required = resolveModuleMember(context, name);
      if (required && fromProject(context, required.module)) return importedValue(context, required) ?? importedFieldValue(context, required);
      const packaged = required && packageMemberValue(required);
      if (packaged) return packaged;
      const declarator = definition.node as TSESTree.VariableDeclarator;
      // `const { client: db }: { client: AppClient } = …`: the member's type in the pattern's.
      const annotation = name.typeAnnotation?.typeAnnotation ?? destructuredType(name);
      const annotated = annotation && typeValue(context, annotation);
      if (annotated) return annotated;
      const declaration = declarator.parent as TSESTree.VariableDeclaration;
      const loop = declaration.parent;
      if (loop && loop.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration) {
        return itemOf(ormValueOf(context, loop.right, depth + 1));
      }
      const reassigned = variable.references.some((reference) => reference.isWrite() && !reference.init);
      // `let connection = null; try { connection = await this.connect(); … } finally { … }`: what it is given later.
      if ((!declarator.init || isNothing(declarator.init)) && declarator.id === name) return assignedValue(context, variable, depth);
      if (!declarator.init || reassigned) return undefined;
      if (declarator.id !== name) return defaultHandle(context, name, depth) ?? destructuredValue(context, declarator, name, depth);
      return ormValueOf(context, declarator.init, depth + 1);
    }
    default:
      return undefined;
  }
}

/**
 * A parameter named as Knex handles are, called with a table and chained as Knex's builder (`trx('users').where({ id }).update(changes)`):
 * JavaScript that hands a transaction from function to function names no type, so its name and use say what it holds.
 */
function knexByUse(variable: Variable): OrmValue | undefined {
  // A typed parameter says what it holds, and a callback's is what its caller hands it.
  if (!KNEX_HANDLE_NAME.test(variable.name)) return undefined;
  const name = variable.defs[0]?.name;
  const fn = name?.parent;
  if (!name || name.type !== AST_NODE_TYPES.Identifier || name.typeAnnotation || !fn || !isFunction(fn) || fn.parent?.type === AST_NODE_TYPES.CallExpression)
    return undefined;
  const calls = variable.references.flatMap((reference) => {
    const call = reference.identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier ? [call] : [];
  });
  return calls.length > 0 && calls.every(startsKnexBuilder) ? { kind: 'client', orm: 'knex' } : undefined;
}

/** `knex('users').where(...)`: a call of one argument followed by a step only a Knex builder takes. */
export function startsKnexBuilder(call: TSESTree.CallExpression): boolean {
  const member = call.parent;
  return (
    call.arguments.length === 1 &&
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === call &&
    member.parent?.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member &&
    KNEX_BUILDER_STEPS.has(propertyName(member) ?? '')
  );
}

/**
 * `let client; if (env.REDIS_ENABLED) client = new Redis(...)`: a variable declared without a value that every assignment
 * sets to the same kind of handle holds that handle where it is set at all.
 */
function assignedValue(context: RuleContext, variable: Variable, depth: number): OrmValue | undefined {
  const writes = variable.references.filter((reference) => reference.isWrite() && !(reference.init && reference.writeExpr && isNothing(reference.writeExpr)));
  const written = writes.flatMap((write) => (write.writeExpr ? [write.writeExpr] : []));
  return written.length === writes.length ? agreedValue(context, written, depth) : undefined;
}

/** The handle every one of a few assigned values is, when they agree on its library and kind. */
function agreedValue(context: RuleContext, values: readonly TSESTree.Node[], depth: number): OrmValue | undefined {
  if (values.length === 0 || values.length > MAX_ASSIGNMENTS) return undefined;
  let value: OrmValue | undefined;
  for (const written of values) {
    const assigned = ormValueOf(context, written, depth + 1);
    if (!assigned || (value && (value.orm !== assigned.orm || value.kind !== assigned.kind))) return undefined;
    value ??= assigned;
  }
  return value;
}

const MAX_ASSIGNMENTS = 3;

/** `const { em } = orm` and the like are rarely ORM handles; only MikroORM's `em` and TypeORM's `manager` are followed. */
function destructuredValue(context: RuleContext, declarator: TSESTree.VariableDeclarator, name: TSESTree.Identifier, depth: number): OrmValue | undefined {
  // `const [group, created] = await Group.findOrCreate(...)`: the row comes first.
  if (declarator.id.type === AST_NODE_TYPES.ArrayPattern && declarator.id.elements[0] === name) return foundOrCreatedRow(context, declarator.init, depth);
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) return undefined;
  const base = ormValueOf(context, declarator.init, depth + 1);
  for (const property of declarator.id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.value !== name || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    if (base?.kind === 'datasource' && (property.key.name === 'em' || property.key.name === 'manager')) return { kind: 'manager', orm: base.orm };
    if (base?.orm === 'payload') return payloadMember(base, property.key.name);
    // `const { payload } = req` in a hook or an endpoint.
    if (!base && property.key.name === 'payload' && isPayloadRequest(context, declarator.init)) return PAYLOAD;
    // `const { client } = prisma` with `prisma` an object of another file that holds the client.
    if (!base)
      return (
        heldHandle(context, declarator.init, property.key.name, depth) ??
        projectFieldValue(context, declarator.init, property.key.name) ??
        typedMemberValue(context, declarator.init, property.key.name)
      );
  }
  return undefined;
}

/** The row of an awaited Sequelize `findOrCreate` / `findCreateFind`. */
function foundOrCreatedRow(context: RuleContext, init: TSESTree.Expression | null, depth: number): OrmValue | undefined {
  const call = init?.type === AST_NODE_TYPES.AwaitExpression ? init.argument : undefined;
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    !/^(?:findOrCreate|findCreateFind)$/.test(propertyName(call.callee) ?? '')
  )
    return undefined;
  const model = ormValueOf(context, call.callee.object, depth + 1);
  return model?.orm === 'sequelize' && model.kind === 'model' ? { kind: 'entity', orm: 'sequelize', model: model.model } : undefined;
}

function itemOf(value: OrmValue | undefined): OrmValue | undefined {
  return value?.kind === 'entities' ? { kind: 'entity', orm: value.orm, model: value.model } : undefined;
}

/** A parameter's value: its type annotation, the items of the array it iterates, or the transaction handle it receives. */
function parameterValue(context: RuleContext, name: TSESTree.Identifier, depth: number): OrmValue | undefined {
  const annotation = name.typeAnnotation?.typeAnnotation ?? destructuredType(name);
  if (annotation) {
    const typed = typeValue(context, annotation);
    if (typed) return typed;
  }
  const defaulted = defaultHandle(context, name, depth);
  if (defaulted) return defaulted;
  // `withAuth(async ({ org, prisma }) => ...)`: a member of the callback's parameter that the wrapper's declared type makes a handle.
  const property = name.parent;
  const pattern = property?.parent;
  if (property?.type === AST_NODE_TYPES.Property && property.value === name && pattern?.type === AST_NODE_TYPES.ObjectPattern) {
    const callback = pattern.parent;
    const position = callback && isFunction(callback) ? callback.params.indexOf(pattern) : -1;
    const field = keyName(property);
    // `({ entity }: GetParams)` with `interface GetParams { entity: Entity }` of this file.
    const typed = pattern.typeAnnotation && field !== undefined ? typedMemberValue(context, pattern, field) : undefined;
    if (typed) return typed;
    return position >= 0 && field !== undefined ? contextualHandle(context, callback as FunctionNode, position, field) : undefined;
  }
  const owner = name.parent?.type === AST_NODE_TYPES.TSParameterProperty ? name.parent : name;
  const fn = owner.parent;
  const index = fn && isFunction(fn) ? fn.params.indexOf(owner as TSESTree.Parameter) : -1;
  if (index < 0) return undefined;
  if (index === 0 && (isFastifyPlugin(context, fn!) || registeredOn(context, fn!, depth))) return FASTIFY;
  const callback = index === 0 ? arrayCallbackCall(fn as FunctionNode) : undefined;
  if (callback && callback.callee.type === AST_NODE_TYPES.MemberExpression) {
    return itemOf(ormValueOf(context, callback.callee.object, depth + 1));
  }
  return (index === 0 ? transactionHandle(context, fn!, depth) : undefined) ?? contextualHandle(context, fn as FunctionNode, index);
}

/** `app.register(async (instance) => …)`: a plugin registered on a Fastify instance in place, given the instance (in its own encapsulated context). */
function registeredOn(context: RuleContext, fn: TSESTree.Node, depth: number): boolean {
  const call = fn.parent;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === fn &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(call.callee) === 'register' &&
    ormValueOf(context, call.callee.object, depth + 1)?.orm === 'fastify'
  );
}

/**
 * The handle a name holds when it is not given one: `executor: DbOrTx = db`, `{ executor = db } = {}` of a parameter, or
 * `const { executor = db } = options`. A caller that passes its own hands a transaction or client of the same database.
 */
function defaultHandle(context: RuleContext, name: TSESTree.Identifier, depth: number): OrmValue | undefined {
  const pattern = name.parent;
  if (pattern?.type !== AST_NODE_TYPES.AssignmentPattern || pattern.left !== name) return undefined;
  const value = ormValueOf(context, pattern.right, depth + 1);
  return value && isHandle(value) ? value : undefined;
}

/**
 * The handle a callback's parameter is given by the type its place declares for it: `handleAsync: (db: Database) => Promise<void>`
 * of the options `runOnDriver(db, { handleAsync: async (db) => ... })` takes, in this file or, through the index, another.
 */
function contextualHandle(context: RuleContext, fn: FunctionNode, index: number, field?: string): OrmValue | undefined {
  const site = callbackSite(fn);
  if (!site) return undefined;
  const local = localFunction(context, site.call.callee);
  if (local) {
    if (field !== undefined) return undefined;
    const declared = declaredParameterType(local, site.argument);
    // `createPlugin(async (fastify) => …)` of `createPlugin(plugin: FastifyPluginAsync)`: the plugin is given the instance.
    if (index === 0 && site.property === undefined && isFastifyPluginType(context, declared)) return FASTIFY;
    const callback = declared && callbackTypes(context, declared).find((candidate) => candidate.property === site.property);
    const type = callback && parameterType(callback.params[index]);
    const value = type && typeValue(context, type);
    return value && isHandle(value) ? value : undefined;
  }
  const models = projectModels(context);
  const member = models?.callbackHandles && resolveModuleMember(context, site.call.callee);
  const key = member && fromProject(context, member.module) ? moduleKey(models, context.fileName, member.module) : undefined;
  const handles = key === undefined ? undefined : functionFactAt(models!, models!.callbackHandles, key, member!.path.length > 0 ? member!.path : ['default']);
  return handles?.find(
    (entry) => entry.parameter === site.argument && entry.property === site.property && entry.callbackParameter === index && entry.field === field,
  )?.handle;
}

/**
 * `prisma.$transaction(async (tx) => ...)`, `dataSource.transaction(async (manager) => ...)`, `knex.transaction(trx => ...)`, `$transaction(prisma, fn)`,
 * and the project's own helper that opens one for the callback it is given (`withTransaction(ctx, async (tx) => ...)`).
 */
function transactionHandle(context: RuleContext, fn: TSESTree.Node, depth: number): OrmValue | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (transactionCallback(call) === fn) return transactionHandleOf(ormValueOf(context, transactionClient(call)!, depth + 1));
  const opened = helperTransaction(context, call);
  return opened && call.arguments[opened.parameter] === fn ? opened.handle : undefined;
}

/** The transaction a call of a function of the project opens for one of its arguments: of this file, or of another as the index knows it. */
function helperTransaction(context: RuleContext, call: TSESTree.CallExpression): { parameter: number; handle: OrmValue } | undefined {
  const local = localFunction(context, call.callee);
  if (local) {
    const opened = transactionParameterOf(context, local);
    const handle = opened && (opened.handle ?? (opened.client && importedValue(context, { module: opened.client.module, path: [opened.client.name] })));
    return opened && handle && { parameter: opened.parameter, handle };
  }
  const models = projectModels(context);
  const member = models?.transactions && (resolveModuleMember(context, call.callee) ?? instanceMethod(context, call));
  const key = member && fromProject(context, member.module) ? moduleKey(models, context.fileName, member.module) : undefined;
  return key === undefined ? undefined : functionFactAt(models!, models!.transactions, key, member!.path.length > 0 ? member!.path : ['default']);
}

/** `this.database.$tx(...)` on an injected service: the method of the class of another file it calls. */
function instanceMethod(context: RuleContext, call: TSESTree.CallExpression): { module: string; path: string[] } | undefined {
  const ref = callRef(context, call);
  return ref?.instance && ref.path.length === 2 ? { module: ref.module, path: ref.path } : undefined;
}

/**
 * The parameter a function hands, as the callback, to a transaction it opens on a client
 * (`return db.transaction(fn)`, also inside a retry: `withRetry(() => db.transaction(fn))`), with the
 * handle that callback gets, or the import of the client when only the project tells what it is.
 */
export function transactionParameterOf(context: RuleContext, fn: FunctionNode): TransactionParameter | undefined {
  const cache = context.shared.memo('transactionParameterOf', () => new Map<FunctionNode, TransactionParameter | undefined>());
  if (!cache.has(fn)) {
    cache.set(fn, undefined);
    cache.set(fn, findTransactionParameter(context, fn));
  }
  return cache.get(fn);
}

function findTransactionParameter(context: RuleContext, fn: FunctionNode): TransactionParameter | undefined {
  // `$transaction`, `transaction` and `transactional` all say so in the text: most functions need no scopes to be ruled out.
  if (fn.params.length === 0 || !context.text.slice(fn.range[0], fn.range[1]).includes('transaction')) return undefined;
  for (const [index, parameter] of fn.params.entries()) {
    const name = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    const variable = name.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, name) : undefined;
    for (const reference of variable?.references ?? []) {
      const call = handedTo(reference.identifier);
      if (!call) continue;
      const client = transactionClient(call);
      if (!client || client === reference.identifier) continue;
      const handle = transactionHandleOf(ormValueOf(context, client));
      if (handle) return { parameter: index, handle };
      const imported = importedClient(context, client, 0);
      if (imported) return { parameter: index, client: imported };
    }
  }
  return undefined;
}

/**
 * The call a function parameter is handed to: `db.transaction(fn)`, or through a callback that passes its own handle on,
 * `db.transaction(async (tx) => fn(tx))`, `db.transaction((trx) => { return fn(trx); })`.
 */
function handedTo(parameter: TSESTree.Node): TSESTree.CallExpression | undefined {
  const call = parameter.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (call.arguments.includes(parameter as TSESTree.Identifier)) return call;
  if (call.callee !== parameter) return undefined;
  const callback = enclosingFunction(call);
  const handle = callback?.params[0];
  const outer = callback?.parent;
  const forwards =
    handle?.type === AST_NODE_TYPES.Identifier &&
    call.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === handle.name);
  return forwards && outer?.type === AST_NODE_TYPES.CallExpression && outer.arguments.some((argument) => argument === callback) && returnsCall(callback!, call)
    ? outer
    : undefined;
}

/** Whether `call` is what `fn` returns: its expression body, or the argument of a `return` of its own (in a `try` or an `if` too). */
function returnsCall(fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  let node: TSESTree.Node = call;
  while (node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = node.parent;
  return fn.body === node || (node.parent?.type === AST_NODE_TYPES.ReturnStatement && enclosingFunction(node.parent) === fn);
}

/** The import of the project a client expression comes from (`db` of `(ctx.db ?? db).transaction(fn)`, `@acme/db`), when the file alone cannot tell what it is. */
function importedClient(context: RuleContext, expression: TSESTree.Node, depth: number): { module: string; name: string } | undefined {
  const node = unwrapExpression(expression);
  if (depth > MAX_CLIENT_STEPS) return undefined;
  if (node.type === AST_NODE_TYPES.LogicalExpression) return importedClient(context, node.left, depth + 1) ?? importedClient(context, node.right, depth + 1);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, node)?.defs[0];
  if (definition?.type === 'ImportBinding') {
    const member = resolveModuleMember(context, node);
    // Whether the module is the project's is known only with the project (see `resolveHandedHandles`).
    return member && member.path.length <= 1 ? { module: member.module, name: member.path[0] ?? 'default' } : undefined;
  }
  const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
  return declarator?.id.type === AST_NODE_TYPES.Identifier && declarator.init ? importedClient(context, declarator.init, depth + 1) : undefined;
}

const MAX_CLIENT_STEPS = 4;

/** The ORM value a type annotation denotes. */
export function typeValue(context: RuleContext, type: TSESTree.TypeNode): OrmValue | undefined {
  if (type.type === AST_NODE_TYPES.TSArrayType) {
    const element = typeValue(context, type.elementType);
    return element?.kind === 'entity' ? { ...element, kind: 'entities' } : undefined;
  }
  // `Redis | undefined`, `PrismaClient | null`, `Redis | Cluster`: what every member that is not empty is.
  if (type.type === AST_NODE_TYPES.TSUnionType) {
    const members = type.types.filter((member) => member.type !== AST_NODE_TYPES.TSUndefinedKeyword && member.type !== AST_NODE_TYPES.TSNullKeyword);
    const values = members.map((member) => typeValue(context, member));
    const [first] = values;
    return first && values.every((value) => value?.orm === first.orm && value.kind === first.kind && value.model === first.model) ? first : undefined;
  }
  // `typeof User` of a model class; `typeof db` of a client (`database: typeof db`, `export type DB = typeof db`).
  if (type.type === AST_NODE_TYPES.TSTypeQuery && type.exprName.type === AST_NODE_TYPES.Identifier) {
    const value = ormValueOf(context, type.exprName);
    return value && (value.kind === 'model' || isHandle(value)) ? value : undefined;
  }
  // `Q & { primaryOnly(): Q }` of a wrapper that adds members to a client: the one handle among its parts.
  if (type.type === AST_NODE_TYPES.TSIntersectionType) {
    const handles = type.types.map((part) => typeValue(context, part)).filter((value) => value !== undefined && isHandle(value));
    return handles.length === 1 ? handles[0] : undefined;
  }
  if (type.type === AST_NODE_TYPES.TSIndexedAccessType) return transactionCallbackHandle(context, type);
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const narrowed = narrowedHandle(context, type) ?? returnedTypeHandle(context, type);
  if (narrowed) return narrowed;
  const typeName = type.typeName;
  const root = typeName.type === AST_NODE_TYPES.TSQualifiedName ? qualifiedRoot(typeName) : typeName;
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  return namedTypeValue(context, root, qualifiedPath(typeName).slice(1), firstTypeArgumentName(type.typeArguments), !!type.typeArguments);
}

/** `Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]`: the handle a client's transaction method hands its callback. */
function transactionCallbackHandle(context: RuleContext, type: TSESTree.TSIndexedAccessType): OrmValue | undefined {
  const callback = firstParameterOf(context, type);
  const method = callback && firstParameterOf(context, callback);
  if (method?.type !== AST_NODE_TYPES.TSIndexedAccessType || method.indexType.type !== AST_NODE_TYPES.TSLiteralType) return undefined;
  const key = method.indexType.literal;
  if (key.type !== AST_NODE_TYPES.Literal || typeof key.value !== 'string' || !TRANSACTION_METHODS.has(key.value)) return undefined;
  const client = typeValue(context, method.objectType);
  return client && isHandle(client) ? transactionHandleOf(client) : undefined;
}

/** `Parameters<F>[0]`, with `Parameters` TypeScript's own: `F`, the function type whose first parameter it names. */
function firstParameterOf(context: RuleContext, type: TSESTree.TypeNode): TSESTree.TypeNode | undefined {
  if (type.type !== AST_NODE_TYPES.TSIndexedAccessType || type.indexType.type !== AST_NODE_TYPES.TSLiteralType) return undefined;
  const index = type.indexType.literal;
  const utility = type.objectType;
  if (index.type !== AST_NODE_TYPES.Literal || index.value !== 0 || utility.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = utility.typeName;
  if (name.type !== AST_NODE_TYPES.Identifier || name.name !== 'Parameters' || resolveVariable(context, name)?.defs.length) return undefined;
  return utility.typeArguments?.params[0];
}

/** The ORM value a type name denotes (`Redis`, `Prisma.TransactionClient`): its root, the members after it, and its first type argument's name. */
function namedTypeValue(
  context: RuleContext,
  root: TSESTree.Identifier,
  members: readonly string[],
  typeArgument: string | undefined,
  hasTypeArguments: boolean,
): OrmValue | undefined {
  const variable = resolveVariable(context, root);
  const definition = variable?.defs[0];
  if (definition?.type === 'ImportBinding') {
    const member = resolveModuleMember(context, root);
    if (!member) return undefined;
    const full = { module: member.module, path: [...member.path, ...members] };
    const origin = reexportedPackageMember(context, full);
    return packageTypeValue(full, typeArgument) ?? importedClassInstance(context, full) ?? (origin && packageTypeValue(origin, typeArgument));
  }
  if (definition?.type === 'ClassName') return classInstanceValue(context, definition.node as TSESTree.ClassDeclaration);
  // `type Db = PrismaClient | TransactionClient` declared in this file: the handle it names; so does a generic one (`Replicated<Q>` = `Q & {...}`).
  if (definition?.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration && (!hasTypeArguments || definition.node.typeParameters))
    return aliasedHandle(context, definition.node);
  // `<Q extends PgDatabase<any, any, any>>(primary: Q): Q`: the handle its constraint names.
  if (definition?.node.type === AST_NODE_TYPES.TSTypeParameter && definition.node.constraint && members.length === 0) {
    const value = typeValue(context, definition.node.constraint);
    return value && isHandle(value) ? value : undefined;
  }
  // `interface CacheClient extends Redis { getJson(key: string): Promise<unknown> }` declared in this file: the handle it adds members to.
  if (definition?.node.type === AST_NODE_TYPES.TSInterfaceDeclaration) return extendedHandle(context, definition.node);
  // NestJS projects name the injectable that extends PrismaClient `PrismaService`.
  if (!variable && root.name === 'PrismaService') return { kind: 'client', orm: 'prisma' };
  // Cloudflare's Workers types declare `D1Database` globally, for the binding a Worker's `env` holds (`DB: D1Database`).
  if (!variable && root.name === 'D1Database') return { kind: 'client', orm: 'd1' };
  return undefined;
}

const interfacesBeingRead = new Set<TSESTree.TSInterfaceDeclaration>();

/** The handle an interface extends (`interface Db extends PrismaClient`), read once at a time (interfaces may extend each other). */
export function extendedHandle(context: RuleContext, declaration: TSESTree.TSInterfaceDeclaration): OrmValue | undefined {
  if (interfacesBeingRead.has(declaration)) return undefined;
  interfacesBeingRead.add(declaration);
  try {
    for (const heritage of declaration.extends) {
      const path = heritagePath(heritage.expression);
      const [root] = path;
      const members = path.slice(1).map((name) => name.name);
      const value = root && namedTypeValue(context, root, members, firstTypeArgumentName(heritage.typeArguments), !!heritage.typeArguments);
      if (value && isHandle(value)) return value;
    }
    return undefined;
  } finally {
    interfacesBeingRead.delete(declaration);
  }
}

/** The names of an interface's heritage (`Redis`, `Prisma.TransactionClient`), root first; empty for any other expression. */
function heritagePath(expression: TSESTree.Expression): TSESTree.Identifier[] {
  if (expression.type === AST_NODE_TYPES.Identifier) return [expression];
  if (expression.type !== AST_NODE_TYPES.MemberExpression || expression.computed || expression.property.type !== AST_NODE_TYPES.Identifier) return [];
  const owner = heritagePath(expression.object);
  return owner.length > 0 ? [...owner, expression.property] : [];
}

const aliasesBeingRead = new Set<TSESTree.TSTypeAliasDeclaration>();

/** The handle a type alias of this file names, read once at a time (an alias may name itself). */
function aliasedHandle(context: RuleContext, alias: TSESTree.TSTypeAliasDeclaration): OrmValue | undefined {
  if (aliasesBeingRead.has(alias)) return undefined;
  aliasesBeingRead.add(alias);
  try {
    const value = typeValue(context, alias.typeAnnotation);
    return value && isHandle(value) ? value : undefined;
  } finally {
    aliasesBeingRead.delete(alias);
  }
}

/** Utility types that keep some of a type's members (`Omit<PrismaClient, '$connect'>`, Prisma's own transaction client type). */
const NARROWING_TYPES: ReadonlySet<string> = new Set(['Omit', 'Pick', 'Readonly', 'NonNullable']);

/** `Omit<PrismaClient, ITXClientDenyList>`, `Pick<Redis, 'get' | 'set'>`: the handle whose members it keeps, when the utility is TypeScript's own. */
function narrowedHandle(context: RuleContext, type: TSESTree.TSTypeReference): OrmValue | undefined {
  const name = type.typeName;
  const inner = type.typeArguments?.params[0];
  if (name.type !== AST_NODE_TYPES.Identifier || !NARROWING_TYPES.has(name.name) || !inner || resolveVariable(context, name)?.defs.length) return undefined;
  const value = typeValue(context, inner);
  return value && isHandle(value) ? value : undefined;
}

/** The handle a cast names (`as Database`, `as Replicated<Q>`); casts to `any` or to data types name none. */
function castHandle(context: RuleContext, type: TSESTree.TypeNode): OrmValue | undefined {
  const value = type.type === AST_NODE_TYPES.TSTypeReference || type.type === AST_NODE_TYPES.TSIntersectionType ? typeValue(context, type) : undefined;
  return value && isHandle(value) ? value : undefined;
}

/**
 * `Awaited<ReturnType<typeof connect>>`: the handle the function of this file returns, when TypeScript's own utilities name it;
 * `ReturnType<typeof drizzle<typeof schema>>`: the handle a call of the package's function returns.
 */
function returnedTypeHandle(context: RuleContext, type: TSESTree.TSTypeReference): OrmValue | undefined {
  const expression = typeExpression(context, type);
  const value = expression ? ormValueOf(context, expression) : packageReturnedValue(context, type);
  return value && isHandle(value) ? value : undefined;
}

function packageReturnedValue(context: RuleContext, type: TSESTree.TypeNode): OrmValue | undefined {
  const query = typeQuery(context, type);
  const member = query?.called ? resolveModuleMember(context, query.name) : undefined;
  return member && !fromProject(context, member.module) ? packageCallResult(member) : undefined;
}

const RETURN_UTILITIES: ReadonlySet<string> = new Set(['Awaited', 'NonNullable']);

/**
 * The expression of this file a type names through `typeof`: `typeof db`, `ReturnType<typeof connect>` (what `connect` returns),
 * through `Awaited` and `NonNullable`, when those are TypeScript's own.
 */
export function typeExpression(context: RuleContext, type: TSESTree.TypeNode): TSESTree.Node | undefined {
  const query = typeQuery(context, type);
  if (!query?.called) return query?.name;
  const fn = localFunction(context, query.name);
  return fn && returnedExpression(fn);
}

/** The name a type reads through `typeof`, through `Awaited` and `NonNullable`; `called` when `ReturnType` takes what a call of it returns. */
function typeQuery(context: RuleContext, type: TSESTree.TypeNode, depth = 0): { name: TSESTree.Identifier; called: boolean } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (type.type === AST_NODE_TYPES.TSTypeQuery) return type.exprName.type === AST_NODE_TYPES.Identifier ? { name: type.exprName, called: false } : undefined;
  const name = type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName : undefined;
  const argument = type.type === AST_NODE_TYPES.TSTypeReference ? type.typeArguments?.params[0] : undefined;
  if (!name || !argument || resolveVariable(context, name)?.defs.length) return undefined;
  if (RETURN_UTILITIES.has(name.name)) return typeQuery(context, argument, depth + 1);
  if (name.name !== 'ReturnType' || argument.type !== AST_NODE_TYPES.TSTypeQuery || argument.exprName.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { name: argument.exprName, called: true };
}

function qualifiedRoot(name: TSESTree.TSQualifiedName): TSESTree.EntityName {
  let current: TSESTree.EntityName = name;
  while (current.type === AST_NODE_TYPES.TSQualifiedName) current = current.left;
  return current;
}

function qualifiedPath(name: TSESTree.EntityName): string[] {
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return [...qualifiedPath(name.left), name.right.name];
  return name.type === AST_NODE_TYPES.Identifier ? [name.name] : [];
}

/** `Collection<Team>`: the model the type names; not a type parameter (`Collection<T>` in a generic base class), which names none. */
function firstTypeArgumentName(typeArguments: TSESTree.TSTypeParameterInstantiation | undefined): string | undefined {
  const argument = typeArguments?.params[0];
  if (argument?.type !== AST_NODE_TYPES.TSTypeReference || argument.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const { name } = argument.typeName;
  return declaresTypeParameter(argument, name) ? undefined : name;
}

function declaresTypeParameter(node: TSESTree.Node, name: string): boolean {
  for (let current = node.parent; current; current = current.parent) {
    const declared = 'typeParameters' in current ? (current.typeParameters as TSESTree.TSTypeParameterDeclaration | undefined) : undefined;
    if (declared?.params.some((parameter) => parameter.name.name === name)) return true;
  }
  return false;
}

/**
 * The value an import from another file of the project denotes, from the project index: what
 * that file exports, else a model class of that name (`const { User } = require('./models')`
 * where `models/index` registers its models at run time).
 */
export function importedValue(context: RuleContext, member: ModuleMember): OrmValue | undefined {
  if (!fromProject(context, member.module)) return undefined;
  const models = projectModels(context);
  const name = member.path[0] ?? 'default';
  const exported = lookupExport(models, context.fileName, member.module, name);
  if (exported) return exported;
  const fact = lookupModel(models, name);
  return fact && hasStaticQueries(fact) ? { kind: 'model', orm: fact.orm, model: fact.name } : undefined;
}

/** Whether a model class runs queries itself (`User.findAll()`, TypeORM's `BaseEntity` active records). */
function hasStaticQueries(fact: ModelFact): boolean {
  return STATIC_MODEL_ORMS.has(fact.orm) || !!fact.activeRecord;
}

/** ORMs whose model classes run queries themselves (`User.findAll()`). */
const STATIC_MODEL_ORMS: ReadonlySet<Orm> = new Set(['sequelize', 'mongoose', 'objection']);

/** An instance of a class imported from another file: an entity, a custom repository, a PrismaService. */
function importedClassInstance(context: RuleContext, member: ModuleMember): OrmValue | undefined {
  if (!fromProject(context, member.module)) return undefined;
  const name = member.path[0];
  const exported = importedValue(context, member);
  if (exported?.kind === 'model') return { kind: 'entity', orm: exported.orm, model: exported.model };
  if (exported && exported.kind !== 'entity') return exported;
  const fact = name ? lookupModel(projectModels(context), name) : undefined;
  if (fact) return { kind: 'entity', orm: fact.orm, model: fact.name };
  if (name === 'PrismaService') return { kind: 'client', orm: 'prisma' };
  return undefined;
}

/**
 * `PrismaClient` imported from a workspace package that re-exports `@prisma/client`: that package's member, else undefined. Read alone,
 * before the project is known, a member of another module named as a database package (`mongodb.Collection` of `{ mongodb }`) is taken
 * for that package's: what a package exports under a driver's own name is its namespace.
 */
function reexportedPackageMember(context: RuleContext, member: ModuleMember): ModuleMember | undefined {
  const [first, ...rest] = member.path;
  if (first === undefined) return undefined;
  if (context.options.project.readAlone)
    return rest.length > 0 && first !== member.module && isDatabaseModule(first) ? { module: first, path: rest } : undefined;
  if (!fromProject(context, member.module)) return undefined;
  const origin = packageMemberOf(projectModels(context), context.fileName, member.module, member.path[0]!);
  return origin && { module: origin.module, path: [...origin.path, ...member.path.slice(1)] };
}

/** The class declared by an identifier in this file. */
function classOf(context: RuleContext, node: TSESTree.Node): TSESTree.ClassDeclaration | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, node)?.defs[0];
  return definition?.type === 'ClassName' ? (definition.node as TSESTree.ClassDeclaration) : undefined;
}

/** What a class itself is: a Sequelize or Objection model (its static side). */
export function classValue(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, depth = 0): OrmValue | undefined {
  const base = superClassMember(context, declaration);
  const name = declaration.id?.name;
  if (!base) {
    // `class Invoice extends SoftDeleteModel` with the base declared in this file.
    const local = declaration.superClass && depth < MAX_DEPTH ? classOf(context, declaration.superClass) : undefined;
    const inherited = local && classValue(context, local, depth + 1);
    return inherited && { ...inherited, model: name };
  }
  if (fromProject(context, base.module)) {
    const inherited = importedValue(context, base);
    if (inherited?.kind === 'model') return { ...inherited, model: name };
    // `class ExpenseItem extends ModelWithPublicId<…>`, a base of the project that extends `Model` in its own file: the index knows the class as a model.
    const fact = name ? modelFact(context, name) : undefined;
    return fact && { kind: 'model', orm: fact.orm, model: fact.name };
  }
  if (isSequelizeModule(base.module) && base.path.at(-1) === 'Model') return { kind: 'model', orm: 'sequelize', model: name };
  if (base.module === 'objection' && base.path.at(-1) === 'Model') return { kind: 'model', orm: 'objection', model: name };
  if (base.module === 'typeorm' && base.path.at(-1) === 'BaseEntity') return { kind: 'model', orm: 'typeorm', model: name };
  return undefined;
}

/** What an instance of a class of this file is: a Prisma client, a repository, an entity or model row. */
export function classInstanceValue(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): OrmValue | undefined {
  const imported = superClassMember(context, declaration);
  const origin = imported && reexportedPackageMember(context, imported);
  const base = origin ?? imported;
  if (base && !origin && fromProject(context, base.module)) {
    // `class UserRepository extends BaseRepository<User>`, `class PrismaService extends ExtendedClient`.
    const inherited = importedValue(context, base);
    if (inherited && isHandle(inherited) && inherited.kind !== 'model') return { ...inherited, model: superTypeArgument(declaration) ?? inherited.model };
  } else if (base) {
    if (isPrismaModule(base.module) && base.path.at(-1) === 'PrismaClient') return { kind: 'client', orm: 'prisma' };
    if (base.module === 'typeorm' && TYPEORM_REPOSITORY_CLASSES.has(base.path.at(-1) ?? ''))
      return { kind: 'repository', orm: 'typeorm', model: superTypeArgument(declaration) };
    if (isMikroModule(base.module) && /EntityRepository$/.test(base.path.at(-1) ?? ''))
      return { kind: 'repository', orm: 'mikro-orm', model: superTypeArgument(declaration) };
  }
  const model = classValue(context, declaration);
  if (model) return { kind: 'entity', orm: model.orm, model: model.model };
  const name = declaration.id?.name;
  const fact = name ? modelFact(context, name) : undefined;
  return fact ? { kind: 'entity', orm: fact.orm, model: fact.name } : undefined;
}

function superTypeArgument(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | undefined {
  const argument = declaration.superTypeArguments?.params[0];
  return argument?.type === AST_NODE_TYPES.TSTypeReference && argument.typeName.type === AST_NODE_TYPES.Identifier ? argument.typeName.name : undefined;
}

function superClassMember(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): ModuleMember | undefined {
  return declaration.superClass ? resolveModuleMember(context, declaration.superClass) : undefined;
}

/** The class whose instance `this` is, for `this` in a method, accessor, constructor or property initializer. */
export function enclosingClassOfThis(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      const owner = current.parent;
      return owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression ? owner : undefined;
    }
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (current.type === AST_NODE_TYPES.FunctionExpression && current.parent?.type !== AST_NODE_TYPES.MethodDefinition) return undefined;
  }
  return undefined;
}

function isStaticContext(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.MethodDefinition || current.type === AST_NODE_TYPES.PropertyDefinition) return current.static;
  }
  return false;
}

function thisValue(context: RuleContext, node: TSESTree.ThisExpression | TSESTree.Super): OrmValue | undefined {
  const declaration = enclosingClassOfThis(node);
  if (!declaration) return node.type === AST_NODE_TYPES.ThisExpression ? (schemaStaticThis(context, node) ?? fastifyHandlerThis(context, node)) : undefined;
  return isStaticContext(node) ? classValue(context, declaration) : classInstanceValue(context, declaration);
}

/** `this` in a static of a Mongoose schema (`schema.statics.findByEmail = function () { return this.findOne(...) }`) is the model. */
function schemaStaticThis(context: RuleContext, node: TSESTree.ThisExpression): OrmValue | undefined {
  const fn = thisFunction(node);
  return fn && schemaFunctionOf(context, fn) ? { kind: 'model', orm: 'mongoose' } : undefined;
}

/** What Fastify binds `this` to in a route handler or hook written as a `function`: the instance it is registered on. */
const FASTIFY_HANDLER_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all', 'route', 'addHook']);

/** `this.prisma` in `fastify.get('/', async function (request) { … })`, `route({ handler: function … })`, `addHook('onRequest', function …)`. */
function fastifyHandlerThis(context: RuleContext, node: TSESTree.ThisExpression): OrmValue | undefined {
  const fn = thisFunction(node);
  const site = fn && callbackSite(fn);
  const callee = site?.call.callee;
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || !FASTIFY_HANDLER_METHODS.has(propertyName(callee) ?? '')) return undefined;
  if (site!.property !== undefined && site!.property !== 'handler') return undefined;
  return ormValueOf(context, callee.object)?.orm === 'fastify' ? FASTIFY : undefined;
}

/** `this.prisma`, `this.userRepository`: a property or constructor parameter of the enclosing class. */
function thisMemberValue(context: RuleContext, node: TSESTree.ThisExpression, name: string): OrmValue | undefined {
  const declaration = enclosingClassOfThis(node);
  return declaration && (classFieldValue(context, declaration, name) ?? inheritedFieldValue(context, declaration, name));
}

/** `this._prisma` in `class UpsertScheduleService extends BaseService`, where the base class of another file declares the field. */
function inheritedFieldValue(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): OrmValue | undefined {
  const base = superClassMember(context, declaration);
  const models = projectModels(context);
  if (!base || !models || base.path.length > 1 || !fromProject(context, base.module)) return undefined;
  const location = lookupType(models, context.fileName, base.module, base.path[0] ?? 'default');
  const field = location && fieldAt(models, location, name);
  return field && 'value' in field ? field.value : undefined;
}

/** What a field of a class holds: by its injection decorator, its type, its initializer, the constructor's parameter or assignment, or what every method sets it to. */
export function classFieldValue(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): OrmValue | undefined {
  for (const element of declaration.body.body) {
    if (
      element.type === AST_NODE_TYPES.PropertyDefinition &&
      !element.computed &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.key.name === name
    ) {
      const declared =
        injectedValue(context, element.decorators, element.typeAnnotation?.typeAnnotation) ?? (element.value && ormValueOf(context, element.value));
      if (declared) return declared;
      // `public model: Pick<PrismaService, T>` set by the constructor (`this.model = this.prismaService`): what it is given.
      continue;
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      const found = constructorMemberValue(context, element.value, name);
      if (found) return found;
    }
  }
  // `private repo;` set where the class starts its work (`async init() { this.repo = source.getRepository(User) }`).
  return agreedValue(context, thisAssignments(context, declaration, name), 0);
}

function constructorMemberValue(
  context: RuleContext,
  constructor: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression,
  name: string,
): OrmValue | undefined {
  for (const parameter of constructor.params) {
    const declared = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
    // `protected readonly db: Database = prisma`: typed, with a default.
    const inner = declared.type === AST_NODE_TYPES.AssignmentPattern ? declared.left : declared;
    if (inner.type !== AST_NODE_TYPES.Identifier || inner.name !== name) continue;
    const injected = injectedValue(context, parameter.decorators, inner.typeAnnotation?.typeAnnotation);
    return (
      injected ??
      (inner.typeAnnotation ? typeValue(context, inner.typeAnnotation.typeAnnotation) : undefined) ??
      (declared.type === AST_NODE_TYPES.AssignmentPattern ? ormValueOf(context, declared.right) : undefined)
    );
  }
  for (const statement of constructor.body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const target = statement.expression.left;
    if (target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression && propertyName(target) === name) {
      return ormValueOf(context, statement.expression.right);
    }
  }
  return undefined;
}

/** NestJS injection: `@InjectRepository(User)`, `@InjectModel(User.name)` (Mongoose) or `@InjectModel(User)` (Sequelize), `@InjectEntityManager()`. */
function injectedValue(context: RuleContext, decorators: readonly TSESTree.Decorator[] | undefined, type: TSESTree.TypeNode | undefined): OrmValue | undefined {
  for (const decorator of decorators ?? []) {
    const call = decorator.expression;
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const member = resolveModuleMember(context, call.callee);
    if (!member) continue;
    const name = member.path.at(-1);
    if (member.module === '@nestjs/typeorm') {
      if (name === 'InjectRepository') return { kind: 'repository', orm: 'typeorm', model: identifierArgument(call, 0) };
      if (name === 'InjectEntityManager') return { kind: 'manager', orm: 'typeorm' };
      if (name === 'InjectDataSource' || name === 'InjectConnection') return { kind: 'datasource', orm: 'typeorm' };
    }
    if (member.module === '@nestjs/mongoose' && name === 'InjectModel') return { kind: 'model', orm: 'mongoose', model: identifierArgument(call, 0) };
    if (member.module === '@nestjs/mongoose' && name === 'InjectConnection') return { kind: 'datasource', orm: 'mongoose' };
    if (member.module === '@nestjs/sequelize' && name === 'InjectModel') return { kind: 'model', orm: 'sequelize', model: identifierArgument(call, 0) };
    if (member.module === '@mikro-orm/nestjs' && name === 'InjectRepository')
      return { kind: 'repository', orm: 'mikro-orm', model: identifierArgument(call, 0) };
  }
  return type && typeValue(context, type);
}
