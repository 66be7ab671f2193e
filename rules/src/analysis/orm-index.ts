import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import type { ArgumentLists } from '../project-model/argument-lists';
import type { Orm, OrmValue } from './orm';
import { kindOf, SEQUELIZE_ROW, type SqlWrite } from './query-kinds';
import type { GraphqlTypes } from './graphql-schema';
import { isFunction, type FunctionNode } from './scopes';
import { visitWithinFunction } from './visit';
import { isLocalModule } from './module-names';
import { fileKey } from '../project-model/paths';
import { mayNameProjectFile, resolveModuleKey, type ResolutionData } from '../project-model/resolution';
import { walk } from '../walk';
import { keyName, MIXIN_TARGET, propertyName, resolveModuleMember, resolveVariable } from './resolve';

/**
 * What the rules need to know of a model declared anywhere in the project: its lazy
 * relations (TypeORM `Promise<T>` or `{ lazy: true }`), MikroORM `Ref` and `Collection`
 * properties, Sequelize association getters. Plain data: it is cached and sent between threads.
 */
export interface ModelFact {
  name: string;
  orm: Orm;
  lazy?: string[];
  refs?: string[];
  collections?: string[];
  getters?: string[];
  /** A TypeORM entity that extends `BaseEntity`: its class runs queries (`User.findOneBy(...)`). */
  activeRecord?: boolean;
  /** Methods of the project that a Sequelize row runs a read or a write with (`Notification.prototype.markSent = … this.save()`). */
  rowReads?: string[];
  rowWrites?: string[];
}

/** A call in a file: its offsets, where it starts, and its text as written. */
export interface CallSite {
  file: string;
  start: number;
  end: number;
  /** 1-based line and column of `start`. */
  line: number;
  column: number;
  text: string;
}

/** Where a query runs (its text is what runs it, `invoiceRepository.findOne`): for the message of a call that reaches it, and for related information. */
export interface QuerySite extends CallSite {
  library: Orm;
  kind: 'read' | 'write';
  operation: string;
  model?: string;
  /** Set when one loaded row runs it (`doc.save()`), not the model or client. */
  row?: true;
  /** For a TypeORM `save`: a new row or a loaded one, when the code shows which. */
  saves?: 'new' | 'existing';
  /** What raw SQL written in the code does, when it writes (`INSERT …`: create, `INSERT … ON CONFLICT DO UPDATE`: upsert). */
  statement?: SqlWrite;
  /** Raw SQL whose text is computed on each call (a statement per table, a list of statements), not a fixed statement with parameters. */
  dynamicSql?: true;
  /**
   * Set when a function on the way to it also awaits work outside the project and its database
   * (`fetch`, a payment or storage client): a loop over that function waits on the work as much as
   * on the query, so the loop is a concurrency finding, not an N+1.
   */
  otherWork?: true;
  /** The function that runs it is wrapped in React's `cache` (see `FunctionSummary.memoized`). */
  memoized?: true;
  /** For the site of a function: which of its inputs reach its queries (see `FunctionSummary.inputs`); undefined when any may. */
  inputs?: string[];
  /** For the site of a function whose body writes more than once (see `FunctionSummary.writes`). */
  writes?: number;
  /** For the read of a function that also writes somewhere (behind a condition, in a loop or a transaction, in a callee): that write. */
  alsoWrites?: WriteFact;
  /** For a write of a function that first reads the same model (a find-or-create by hand). */
  findsFirst?: true;
  /** For a write of a function that first reads what it then uses (the last row's position, the parent row): each call runs a read and a write. */
  readsToo?: true;
  /** Set when the modules a file picks from at run time declare the function with queries of different libraries (see `backendsDisagree`). */
  backendsDisagree?: true;
  /** Set when the query locks the rows it reads (`.for('update')`, `SELECT … FOR UPDATE`). */
  locks?: true;
  /** Set when it runs on a handle typed as a transaction's (`getCurrentTransaction(): Transaction<DB>`): on one connection, in order. */
  transaction?: true;
  /** Set when it is a Redis command on a client that pipelines a tick's commands, issued before its function first awaits. */
  pipelined?: true;
  /**
   * Set when the read claims one row in a transaction of its own: it re-reads the row under a lock or only while it is in
   * a state, and leaves when the row is gone (`if (!job) return`). Each call is a unit of work, as an outbox or job worker runs it.
   */
  claims?: true;
  /** Set when the read is a lazy relation of a row the function is handed (`await role.permissions`): `operation` names the relation. */
  relation?: true;
  /** Set when the read takes the first rows of an order (`orderBy` with `take`, `ORDER BY … LIMIT`): the newest rows of one key. */
  topRows?: true;
  /** Set when a Prisma create writes rows through the created row's relations (`tags: { connectOrCreate: … }`), which createMany cannot. */
  nested?: true;
  /** The one column the query filters its rows on, when the code names it (`list` of `where({ list: listId })`): what the batch takes the keys of. */
  keyColumn?: string;
  /** Set when the query filters on two or more columns that each call hands values of (`findOne({ accountId, teamId })`): no one key. */
  severalColumns?: true;
  /** Set when a function runs the read on some of its branches only (`if (field.isLookup) return lookupOptions(field)`), none on every call. */
  branch?: true;
  /**
   * Set when the function runs it only when a caller asks (`if (audit)` with `audit: boolean`, `options?.withOwner`): the
   * parameters that ask, so a call that hands `false` or nothing for them runs no query.
   */
  askedBy?: number[];
  /** Set when every query of its function, on any path, is a Prisma `findUnique`: Prisma joins the calls of one tick into one query. */
  batchedPerTick?: true;
  /** Set when the read filters on one owner and its function returns the rows one for one (see `ownerRowsReturned`). */
  ownerRows?: true;
}

/** What a write does, as far as advice needs: its model and how it writes. */
export type WriteFact = Pick<QuerySite, 'model' | 'operation' | 'saves' | 'statement' | 'dynamicSql'>;

/**
 * A query a function runs on a handle it is given (`emitAudit(tx, entry)` that runs
 * `tx.insert(auditLog)`): which ORM, and so whether it is a query at all, is known only where
 * the function is called with a handle.
 */
export interface ParameterQuery extends CallSite {
  /** The parameter's position. */
  parameter: number;
  /** The members from the parameter to the method: `['insert']` of `tx.insert(...)`, `['auditLog', 'create']` of `tx.auditLog.create(...)`. */
  path: string[];
  /** Set when the chain runs what it starts (`.execute()`): a Kysely builder is a query only then. */
  executes?: true;
  /** Set when the query locks the rows it reads (see `QuerySite.locks`). */
  locks?: true;
  /** Set when the read claims one row in a transaction of its own (see `QuerySite.claims`). */
  claims?: true;
}

/**
 * A function that opens a transaction and hands its handle to a callback it is given
 * (`withTransaction(ctx, fn)` running `db.transaction(fn)`): that callback's first parameter is a handle.
 */
export interface TransactionParameter {
  /** The position of the callback parameter. */
  parameter: number;
  /** The handle the callback is given, when the file alone tells it. */
  handle?: OrmValue;
  /** Else the import the client comes from (`db` of `@acme/db`), resolved once the project is known. */
  client?: { module: string; name: string };
}

/**
 * A handle a function's declared parameter types give a callback it is passed (`input: { handleAsync: (db: Database) => Promise<void> }`):
 * the function's parameter, the member of it when it is an object of callbacks, and the callback's parameter.
 */
export interface CallbackHandle {
  parameter: number;
  property?: string;
  callbackParameter: number;
  field?: string;
  handle: OrmValue;
}

/**
 * `export * from './a'` (no `names`) or `export { a as b } from './a'` (`names`: exported name → imported name), with the target's key;
 * with `holds`, the export of that name is an object holding the target's exports (`export default { ...postgres }`, see `heldPaths`).
 */
export interface ReexportEdge {
  target: string;
  names?: Record<string, string>;
  holds?: string;
}

/** Where a class or type alias is declared: the file key and its name there. */
export interface TypeLocation {
  key: string;
  name: string;
}

/**
 * What a public field of a class of the project holds: an ORM handle (`db: Kysely<DB>`), an instance of another class of the
 * project (`db: Database`), or the object of functions a function of the project returns (`users = createUserQueries(this.pool)`).
 */
export type FieldEntry = { value: OrmValue } | { instance: TypeLocation } | { returnedBy: TypeLocation };

/**
 * The project index the rules read: models by class name; by file key, the ORM values each file
 * exports, its re-exports, the functions and methods (`Class.method`) that run a query on every
 * call with where that query is, and the base class of each class that extends one of another
 * file; and how specifiers resolve. Plain data: it is cached and sent to worker threads.
 */
export interface ProjectModels {
  models: Record<string, ModelFact>;
  exports: Record<string, Record<string, OrmValue>>;
  reexports?: Record<string, ReexportEdge[]>;
  /** By file key of a mixin (see `MIXIN_TARGET`), the one file that applies it to its exports; empty when several do. */
  mixedInto?: Record<string, string>;
  /** By file key, re-exports of modules outside the indexed files (`export * from '@prisma/client'`), as written. */
  packageReexports?: Record<string, Array<{ module: string; names?: Record<string, string> }>>;
  functions?: Record<string, Record<string, QuerySite>>;
  /** By file key and function name, the queries functions run on a handle they are given (see `ParameterQuery`). */
  parameterQueries?: Record<string, Record<string, ParameterQuery[]>>;
  /** By file key and function name, the functions that open a transaction for a callback, with the handle it gets. */
  transactions?: Record<string, Record<string, { parameter: number; handle: OrmValue }>>;
  /** By file key and function name, the handles its declared parameter types give the callbacks it is passed. */
  callbackHandles?: Record<string, Record<string, CallbackHandle[]>>;
  /** By file key, the functions and methods (`Class.method`) that await work outside the project and its database, themselves or through others: true when on every call. */
  outsideWork?: Record<string, Record<string, boolean>>;
  /**
   * By file key, class export and constructor parameter, the model every subclass of the project hands that parameter
   * (`super(Task)`), which the class keeps in a field (`this.model = model`); null when subclasses hand different kinds of value.
   */
  heldArguments?: Record<string, Record<string, Record<number, OrmValue | null>>>;
  /** By Sequelize model name, the file that declares the model's own functions outside its definition (see `ProjectFacts.modelFunctions`). */
  modelFunctions?: Record<string, string>;
  /** By file key and class name, the base class of another file; by interface name, the one class of the project that implements it. */
  bases?: Record<string, Record<string, { key: string; name: string }>>;
  /** By file key and class, interface or object type name, the public fields other files read (`ctx.db.db`, `ctx.db`). */
  fields?: Record<string, Record<string, Record<string, FieldEntry>>>;
  /** By file key, exported type aliases that name a class of the project (`export type AccountDb = Database<Schema>`). */
  aliases?: Record<string, Record<string, TypeLocation>>;
  /**
   * By the name of a command or query class, the one exported class of the project that handles it (`@CommandHandler(CreateOrderCommand)
   * export class CreateOrderHandler`): what a bus's `execute(new CreateOrderCommand(...))` runs (see `ProjectFacts.handlers`).
   */
  handlers?: Record<string, TypeLocation>;
  /**
   * By file key and `Class.method`, the methods other classes call through an instance they are
   * given (`this.roleService.initRoles()`): true when every such call runs only at boot.
   */
  injectedCalls?: Record<string, Record<string, boolean>>;
  /** By file key and function name (`Class.method` for a method), the functions that answer from a cache before their query (see `FunctionSummary.cacheFirst`). */
  cacheFirst?: Record<string, Record<string, true | 'preloaded'>>;
  /**
   * By file key and export name, the functions the project uses only by calls at boot (see `FunctionCall`); a static method
   * (`default.connect`) is kept either way, false when a use may run later, so that its file's own calls are not all it is judged by.
   */
  functionCalls?: Record<string, Record<string, boolean>>;
  /** By file key and export name, the bounded lists every call the project knows hands a function, by argument position (see `FunctionCall.lists`). */
  functionLists?: Record<string, Record<string, ArgumentLists>>;
  /** By method name, the bounded lists every use by that name in the project hands over, by argument position (see `ProjectFacts.methodLists`). */
  methodLists?: Record<string, ArgumentLists>;
  /** The method names the project's files use only by calls at boot, whatever object they are called on (`WIKI.models.editors.refreshEditorsFromDisk()`). */
  methodsCalledAtBoot?: Record<string, true>;
  /** By file key, the constants it exports that hold a literal array or object, of any file of the project (see `SyntaxSignals.fixedLists`). */
  fixedLists?: Record<string, string[]>;
  /** By file key, the functions (and `Type.method`s) it exports whose value is at hand when they return, of any file of the project (see `SyntaxSignals.settledAsync`). */
  settledAsync?: Record<string, string[]>;
  /** By file key, the functions it exports whose every return is an object or array literal, of any file of the project (see `SyntaxSignals.fixedReturns`). */
  fixedReturns?: Record<string, string[]>;
  /** By file key, the async functions it exports that only add jobs to a queue, of any file of the project (see `SyntaxSignals.enqueuesOnly`). */
  enqueuesOnly?: Record<string, string[]>;
  /** By file key, the functions it declares that run a parameter once per element of another, of any file of the project (see `SyntaxSignals.itemCallbacks`). */
  itemCallbacks?: Record<string, string[]>;
  /** By file key, the validation schemas it exports that check in memory, of any file of the project (see `SyntaxSignals.inMemorySchemas`). */
  inMemorySchemas?: Record<string, string[]>;
  /** By file key, the files it re-exports whole (`export * from './src'`), of any file of the project (see `SyntaxSignals.reexportsAll`). */
  barrels?: Record<string, string[]>;
  /** The properties any file of the project sets to a MongoDB collection (`self.db = self.apos.db.collection('aposDocs')`; see `SyntaxSignals.collectionFields`). */
  collectionFields?: string[];
  /** By name, the handle a Fastify decorator of the project holds (`fastify.decorate('prisma', prisma)`, or a type `declare module 'fastify'` gives it); see `ProjectFacts.decorations`. */
  decorations?: Record<string, OrmValue>;
  /** The model globals the project's framework defines by file (Sails' `api/models/Card.js` defines `Card`; see `SyntaxSignals.globalModels`). */
  globalModels?: string[];
  /** The object types the project's GraphQL schema declares, and those it holds in lists (see `SyntaxSignals.graphqlTypes`). */
  graphqlTypes?: GraphqlTypes;
  resolution?: ResolutionData;
}

export { fileKey };

/** The name the context a file's tRPC setup gives its procedures (`ctx`) is indexed under, among its types: no type can be named so. */
export const TRPC_CONTEXT = 'initTRPC.context';

const SOURCE_EXTENSION = /\.(?:d\.)?[cm]?[jt]sx?$/i;
const MAX_REEXPORT_DEPTH = 6;

/** Whether the index has anything for a file key: only files that reach a database, or import one that does, can have. */
export function indexed(models: ProjectModels, key: string): boolean {
  return (
    Object.hasOwn(models.exports, key) ||
    !!models.functions?.[key] ||
    !!models.outsideWork?.[key] ||
    !!models.reexports?.[key] ||
    !!models.bases?.[key] ||
    !!models.fields?.[key] ||
    !!models.aliases?.[key]
  );
}

/** The key of the project file a specifier names from `fromFile`, or undefined for a package outside the project. */
export function moduleKey(models: ProjectModels | undefined, fromFile: string, specifier: string): string | undefined {
  if (specifier === MIXIN_TARGET) return models?.mixedInto?.[fileKey(fromFile)] || undefined;
  if (!models) return specifier.startsWith('.') ? resolveModuleKey(undefined, fromFile, specifier, () => false) : undefined;
  const key = resolveModuleKey(models.resolution, fromFile, specifier, (candidate) => indexed(models, candidate));
  if (key !== undefined) return key;
  // An alias no configuration declares (`@/lib/db`, `~/server/db`) is the one indexed file whose path ends the same way.
  if (!/^[@~#]\//.test(specifier)) return undefined;
  const tail = `/${specifier
    .replace(/^[@~#]\//, '')
    .replace(SOURCE_EXTENSION, '')
    .replace(/\/index$/, '')}`;
  const matches = Object.keys(models.exports).filter((candidate) => candidate.endsWith(tail));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Whether a specifier names a file of the project: relative, or an alias or workspace package the project declares. */
export function isProjectModule(models: ProjectModels | undefined, specifier: string): boolean {
  return isLocalModule(specifier) || mayNameProjectFile(models?.resolution, specifier);
}

/** Where an export is declared, following re-exports: the file key and its name there. */
export function declarationOf(
  models: ProjectModels,
  key: string,
  name: string,
  has: (key: string, name: string) => boolean,
  depth = 0,
): { key: string; name: string } | undefined {
  if (has(key, name)) return { key, name };
  if (depth > MAX_REEXPORT_DEPTH) return undefined;
  for (const edge of models.reexports?.[key] ?? []) {
    if (edge.holds !== undefined) continue;
    if (edge.names) {
      const imported = Object.hasOwn(edge.names, name) ? edge.names[name] : undefined;
      const found = imported !== undefined ? declarationOf(models, edge.target, imported, has, depth + 1) : undefined;
      if (found) return found;
    } else if (name !== 'default') {
      const found = declarationOf(models, edge.target, name, has, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The module outside the project that an export of a project file comes from, through its
 * re-exports: `PrismaClient` of a workspace package that does `export * from '@prisma/client'`.
 */
export function packageMemberOf(
  models: ProjectModels | undefined,
  fromFile: string,
  specifier: string,
  name: string,
): { module: string; path: string[] } | undefined {
  const key = models?.packageReexports && moduleKey(models, fromFile, specifier);
  if (!models || key === undefined) return undefined;
  let origin: { module: string; path: string[] } | undefined;
  declarationOf(models, key, name, (file, exported) => {
    for (const edge of models.packageReexports?.[file] ?? []) {
      const imported = edge.names ? (Object.hasOwn(edge.names, exported) ? edge.names[exported] : undefined) : exported === 'default' ? undefined : exported;
      if (imported !== undefined) {
        origin = { module: edge.module, path: imported === 'default' ? [] : [imported] };
        return true;
      }
    }
    return false;
  });
  return origin;
}

/** The ORM value that another file of the project exports under `name`. */
export function lookupExport(models: ProjectModels | undefined, fromFile: string, specifier: string, name: string): OrmValue | undefined {
  const key = models && moduleKey(models, fromFile, specifier);
  if (!models || key === undefined) return undefined;
  const found = declarationOf(models, key, name, (file, exported) => !!models.exports[file]?.[exported]);
  return found && models.exports[found.key]![found.name];
}

/** The query that calling what another file exports (`name`, or `Class.method` along base classes) runs on every call. */
export function lookupFunction(models: ProjectModels | undefined, fromFile: string, specifier: string, path: readonly string[]): QuerySite | undefined {
  const key = models && moduleKey(models, fromFile, specifier);
  if (!models || key === undefined || path.length === 0) return undefined;
  return functionAt(models, key, path);
}

/** What a transaction opened on a client hands its callback: the client's own kind of handle, or a TypeORM manager. */
export function transactionHandleOf(base: OrmValue | undefined): OrmValue | undefined {
  if (!base) return undefined;
  if (base.orm === 'prisma' || base.orm === 'drizzle' || base.orm === 'knex' || base.orm === 'pg-promise') return base;
  if (base.orm === 'typeorm' && (base.kind === 'datasource' || base.kind === 'manager')) return { kind: 'manager', orm: 'typeorm' };
  if (base.orm === 'mikro-orm' && base.kind === 'manager') return base;
  // `trx` of `db.transaction().execute(async (trx) => ...)`: a `Transaction<DB>`, which runs the database's statements.
  if (base.orm === 'kysely' && base.kind === 'client') return { ...base, transaction: true };
  return undefined;
}

/** What one of the index's maps by file and function (`name` or `Class.method`) holds for a function declared or re-exported by the file `key`. */
export function functionFactAt<T>(
  models: ProjectModels,
  byFile: Record<string, Record<string, T>> | undefined,
  key: string,
  path: readonly string[],
): T | undefined {
  const parts = exportAndMethod(path);
  if (!byFile || !parts) return undefined;
  const { first, method } = parts;
  const nameOf = (exported: string): string => (method ? `${exported}.${method}` : exported);
  const found = declarationOf(models, key, first, (file, exported) => Object.hasOwn(byFile[file] ?? {}, nameOf(exported)));
  return found
    ? byFile[found.key]![nameOf(found.name)]
    : throughHeld(models, key, path, (heldKey, heldPath) => functionFactAt(models, byFile, heldKey, heldPath));
}

/**
 * `db.select(...)` with `import db from './db'` where that file does `export default { ...postgres, isSQLite }`, or spreads the module
 * a function of it picks at run time (`const dbModule = pickDriver()`): the files whose exports the export `path[0]` holds, with the
 * path below it (`['select']` in `./postgres`), found along the re-exports that lead to the file that assembles the object.
 */
export function heldPaths(models: ProjectModels, key: string, path: readonly string[]): Array<{ key: string; path: string[] }> {
  if (path.length < 2) return [];
  const held: Array<{ key: string; path: string[] }> = [];
  declarationOf(models, key, path[0]!, (file, exported) => {
    for (const edge of models.reexports?.[file] ?? []) if (edge.holds === exported) held.push({ key: edge.target, path: path.slice(1) });
    return held.length > 0;
  });
  return held;
}

/** What `lookup` finds of the first file whose exports an export holds (see `heldPaths`); each step shortens the path, so it ends. */
export function throughHeld<T>(
  models: ProjectModels,
  key: string,
  path: readonly string[],
  lookup: (key: string, path: readonly string[]) => T | undefined,
): T | undefined {
  for (const held of heldPaths(models, key, path)) {
    const found = lookup(held.key, held.path);
    if (found !== undefined && found !== false) return found;
  }
  return undefined;
}

/**
 * The export and the method below it that a path of a call names: `['findUser']`, `['Users', 'find']`, and one level deeper for an
 * object an exported one holds (`Getter.promises.get`, kept as the method `promises.get`). Undefined for deeper paths.
 */
export function exportAndMethod(path: readonly string[]): { first: string; method: string | undefined } | undefined {
  if (path.length === 0 || path.length > 3) return undefined;
  return { first: path[0]!, method: path.length > 1 ? path.slice(1).join('.') : undefined };
}

/** The query of a function or method declared or re-exported by the file `key`. */
export function functionAt(models: ProjectModels, key: string, path: readonly string[], depth = 0): QuerySite | undefined {
  const parts = exportAndMethod(path);
  if (!parts || depth > MAX_REEXPORT_DEPTH) return undefined;
  const { first, method } = parts;
  // Own entries only: a function named `toString` or `constructor` is no query of the index.
  const siteOf = (file: string, name: string): QuerySite | undefined => {
    const byName = models.functions?.[file];
    return byName && Object.hasOwn(byName, name) ? byName[name] : undefined;
  };
  // `appRouter.notes.upsert` where the member `appRouter.notes` stands for another export (a router it nests).
  const [member, ...below] = method?.split('.') ?? [];
  const memberBase = (file: string, name: string) => (below.length > 0 ? models.bases?.[file]?.[`${name}.${member}`] : undefined);
  const has = (file: string, name: string): boolean =>
    !!siteOf(file, method ? `${name}.${method}` : name) || !!models.bases?.[file]?.[name] || !!memberBase(file, name);
  const found = declarationOf(models, key, first, has);
  if (!found) return throughHeld(models, key, path, (heldKey, heldPath) => functionAt(models, heldKey, heldPath, depth + 1));
  const own = siteOf(found.key, method ? `${found.name}.${method}` : found.name);
  if (own)
    return found.key !== key && backendsDisagree(models, key, own, (target) => functionAt(models, target, path, depth + 1)?.library)
      ? { ...own, backendsDisagree: true }
      : own;
  // A method of a class's base, or the function that implements a function type (`GetStream` of `getStreamFactory()`).
  const base = models.bases?.[found.key]?.[found.name];
  if (base) return functionAt(models, base.key, method ? [base.name, method] : [base.name], depth + 1);
  const nested = memberBase(found.key, found.name);
  return nested && functionAt(models, nested.key, [nested.name, below.join('.')], depth + 1);
}

/**
 * ``module.exports = require(`./${databaseName}`)`` over a folder of backends: whether another module the file re-exports declares the
 * function with a query of another library (its library by `libraryIn`; `unknown` when it declares the function with no query found), so
 * that which one runs is chosen at run time.
 */
export function backendsDisagree(models: ProjectModels, key: string, found: QuerySite, libraryIn: (target: string) => Orm | 'unknown' | undefined): boolean {
  const edges = (models.reexports?.[key] ?? []).filter((edge) => edge.holds === undefined && edge.names === undefined);
  return (
    edges.length > 1 &&
    edges.some((edge) => {
      const other = libraryIn(edge.target);
      return other !== undefined && other !== found.library;
    })
  );
}

const MAX_FIELD_STEPS = 6;

/** The class (or the class an alias names) that another file exports under `name`, when the index knows fields of it or of a base. */
export function lookupType(models: ProjectModels | undefined, fromFile: string, specifier: string, name: string): TypeLocation | undefined {
  const key = models && moduleKey(models, fromFile, specifier);
  return models && key !== undefined ? typeAt(models, { key, name }) : undefined;
}

/** A declared type, with re-exports and aliases followed to the class. */
export function typeAt(models: ProjectModels, location: TypeLocation): TypeLocation | undefined {
  let current: TypeLocation | undefined = location;
  for (let step = 0; current && step < MAX_FIELD_STEPS; step++) {
    const found = declarationOf(
      models,
      current.key,
      current.name,
      (file, name) => !!models.fields?.[file]?.[name] || !!models.aliases?.[file]?.[name] || !!models.bases?.[file]?.[name],
    );
    if (!found) return undefined;
    const alias = models.aliases?.[found.key]?.[found.name];
    if (!alias) return found;
    current = alias;
  }
  return undefined;
}

/** What a public field of a class of the project holds, its own or a base class's. */
export function fieldAt(models: ProjectModels, location: TypeLocation, field: string): FieldEntry | undefined {
  let current: TypeLocation | undefined = location;
  for (let step = 0; current && step < MAX_FIELD_STEPS; step++) {
    const own = models.fields?.[current.key]?.[current.name];
    if (own && Object.hasOwn(own, field)) return own[field];
    current = models.bases?.[current.key]?.[current.name];
  }
  return undefined;
}

/** Values that hand out queries, as opposed to rows. */
export function isHandle(value: OrmValue): boolean {
  return value.kind !== 'entity' && value.kind !== 'entities' && value.kind !== 'queryFunction' && value.kind !== 'factory';
}

export function lookupModel(models: ProjectModels | undefined, name: string): ModelFact | undefined {
  return models && Object.hasOwn(models.models, name) ? models.models[name] : undefined;
}

/** Whether the project index can give a file a database value: a model known by its relation names anywhere, an exported client through an import. */
export function indexReaches(models: ProjectModels | undefined, importsProjectFile: boolean): boolean {
  if (!models) return false;
  return (
    Object.keys(models.models).length > 0 ||
    (models.globalModels?.length ?? 0) > 0 ||
    // A Fastify decorator that holds a handle is read off the instance a plugin or route is given, with no import.
    !!models.decorations ||
    (importsProjectFile &&
      (Object.keys(models.exports).length > 0 ||
        runsAnyQuery(models) ||
        Object.keys(models.fields ?? {}).length > 0 ||
        // A workspace package that hands on a database package (`export * as mongodb from 'mongodb'`): its types name handles.
        Object.keys(models.packageReexports ?? {}).length > 0))
  );
}

/** Whether a function of the project runs a query: files whose functions run none stay listed, with nothing under them (see `indexed`). */
function runsAnyQuery(models: ProjectModels): boolean {
  return Object.values(models.functions ?? {}).some((byName) => Object.keys(byName).length > 0);
}

/** Merges facts about the same model from several files (a class in one, its associations in another). */
export function mergeModelFact(into: Map<string, ModelFact>, fact: ModelFact): void {
  const existing = into.get(fact.name);
  if (!existing) {
    into.set(fact.name, { ...fact });
    return;
  }
  if (fact.activeRecord) existing.activeRecord = true;
  for (const key of ['lazy', 'refs', 'collections', 'getters', 'rowReads', 'rowWrites'] as const) {
    const values = fact[key];
    if (values) existing[key] = [...new Set([...(existing[key] ?? []), ...values])];
  }
}

/** The models this file declares, computed once per file. */
export function localModelFacts(context: RuleContext): Map<string, ModelFact> {
  return context.shared.memo('localModelFacts', () => collectModelFacts(context));
}

/** TypeORM's relation decorators, with which a lazy relation is declared. */
export const RELATION_DECORATORS: ReadonlySet<string> = new Set(['ManyToOne', 'OneToMany', 'OneToOne', 'ManyToMany']);
const ASSOCIATIONS = new Set(['belongsTo', 'hasOne', 'hasMany', 'belongsToMany']);

function collectModelFacts(context: RuleContext): Map<string, ModelFact> {
  const facts = new Map<string, ModelFact>();
  const visit = (node: TSESTree.Node): void => {
    if ((node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) && node.id) {
      const fact = classFact(context, node, node.id.name);
      if (fact) mergeModelFact(facts, fact.orm === 'sequelize' ? { ...fact, ...classRowMethods(node) } : fact);
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const attached = attachedModelFunction(context, node);
      const kind = attached?.row ? rowQueryKind(attached.fn) : undefined;
      if (kind) mergeModelFact(facts, { name: attached!.model, orm: 'sequelize', [kind === 'read' ? 'rowReads' : 'rowWrites']: [attached!.name] });
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      const fact = associationFact(context, node) ?? registeredModelFact(context, node) ?? factoryModelFact(node) ?? initializedModelFact(context, node);
      if (fact) mergeModelFact(facts, fact);
    }
  };
  walk(context.ast, visit, () => {});
  return facts;
}

function decoratorMember(context: RuleContext, decorator: TSESTree.Decorator): { module: string; name: string; call?: TSESTree.CallExpression } | undefined {
  const call = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression : undefined;
  const member = resolveModuleMember(context, call ? call.callee : decorator.expression);
  const name = member?.path.at(-1);
  return member && name ? { module: member.module, name, call } : undefined;
}

/** An `@Entity` class (TypeORM or MikroORM) or a Sequelize / Objection model class. */
function classFact(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): ModelFact | undefined {
  const entity = (declaration.decorators ?? []).map((decorator) => decoratorMember(context, decorator)).find((member) => member?.name === 'Entity');
  if (entity && (entity.module === 'typeorm' || entity.module.startsWith('@mikro-orm/'))) {
    return entity.module === 'typeorm' ? typeormEntity(context, declaration, name) : mikroEntity(context, declaration, name);
  }
  const base = declaration.superClass && resolveModuleMember(context, declaration.superClass);
  if (base?.path.at(-1) === 'Model') {
    if (base.module === 'sequelize' || base.module === 'sequelize-typescript' || base.module === '@sequelize/core') return { name, orm: 'sequelize' };
    if (base.module === 'objection') return { name, orm: 'objection' };
  }
  return undefined;
}

/** A function the project gives a Sequelize model outside its definition: the model's own (`Model.name = fn`), or each row's (`Model.prototype.name = fn`). */
export interface AttachedModelFunction {
  model: string;
  name: string;
  fn: FunctionNode;
  row: boolean;
}

/** `Notification.createFor = async function (...) {...}`, `Notification.prototype.markSent = async function () {...}` on a Sequelize model of this file. */
export function attachedModelFunction(context: RuleContext, assignment: TSESTree.AssignmentExpression): AttachedModelFunction | undefined {
  const fn = assignment.operator === '=' ? assignment.right : undefined;
  if (!fn || !isFunction(fn) || assignment.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(assignment.left);
  let owner = assignment.left.object;
  const row = owner.type === AST_NODE_TYPES.MemberExpression && propertyName(owner) === 'prototype';
  if (owner.type === AST_NODE_TYPES.MemberExpression && row) owner = owner.object;
  return name !== undefined && owner.type === AST_NODE_TYPES.Identifier && isSequelizeModel(context, owner) ? { model: owner.name, name, fn, row } : undefined;
}

/** A model `sequelize.define(...)` makes (`const Notification = sequelize.define('Notification', {...})`), or a class that extends Sequelize's `Model`. */
function isSequelizeModel(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const definition = resolveVariable(context, identifier)?.defs[0];
  if (definition?.type === 'ClassName') {
    const declaration = definition.node as TSESTree.ClassDeclaration;
    return classFact(context, declaration, identifier.name)?.orm === 'sequelize';
  }
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  return init?.type === AST_NODE_TYPES.CallExpression && registeredModelFact(context, init)?.orm === 'sequelize';
}

/** The instance methods of a Sequelize model class that run a query on the row (`async close() { ...; await this.save(); }`). */
function classRowMethods(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Pick<ModelFact, 'rowReads' | 'rowWrites'> {
  const found: Pick<ModelFact, 'rowReads' | 'rowWrites'> = {};
  for (const element of declaration.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'method' || element.static || element.key.type !== AST_NODE_TYPES.Identifier)
      continue;
    const kind = rowQueryKind(element.value);
    if (kind) (found[kind === 'read' ? 'rowReads' : 'rowWrites'] ??= []).push(element.key.name);
  }
  return found;
}

/** Whether a function of a row runs a query on it (`this.save()`, `this.reload()`): a write when any of them writes. */
function rowQueryKind(fn: TSESTree.FunctionLike): 'read' | 'write' | undefined {
  let kind: 'read' | 'write' | undefined;
  if (fn.body)
    visitWithinFunction(fn.body, (node) => {
      const callee = node.type === AST_NODE_TYPES.CallExpression ? node.callee : undefined;
      if (callee?.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression) return;
      const found = kindOf(SEQUELIZE_ROW, propertyName(callee) ?? '');
      if (found && kind !== 'write') kind = found;
    });
  return kind;
}

function properties(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Array<{ name: string; property: TSESTree.PropertyDefinition }> {
  const found: Array<{ name: string; property: TSESTree.PropertyDefinition }> = [];
  for (const element of declaration.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && element.key.type === AST_NODE_TYPES.Identifier) {
      found.push({ name: element.key.name, property: element });
    }
  }
  return found;
}

function typeReferenceName(property: TSESTree.PropertyDefinition): string | undefined {
  const type = property.typeAnnotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier ? type.typeName.name : undefined;
}

/** Whether an object literal among a call's arguments sets `key: true`. */
function hasTrueOption(call: TSESTree.CallExpression | undefined, key: string): boolean {
  return (call?.arguments ?? []).some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === key &&
          property.value.type === AST_NODE_TYPES.Literal &&
          property.value.value === true,
      ),
  );
}

function typeormEntity(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): ModelFact {
  const lazy: string[] = [];
  for (const { name: propertyKey, property } of properties(declaration)) {
    const relation = (property.decorators ?? [])
      .map((decorator) => decoratorMember(context, decorator))
      .find((member) => member && member.module === 'typeorm' && RELATION_DECORATORS.has(member.name));
    if (!relation) continue;
    if (typeReferenceName(property) === 'Promise' || hasTrueOption(relation.call, 'lazy')) lazy.push(propertyKey);
  }
  const activeRecord = extendsBaseEntity(context, declaration);
  return { name, orm: 'typeorm', ...(lazy.length > 0 && { lazy }), ...(activeRecord && { activeRecord }) };
}

const MAX_LOCAL_BASES = 6;

/** Whether a class extends TypeORM's `BaseEntity`, directly or through base classes of this file (a base of another file is joined when the project is merged). */
function extendsBaseEntity(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  let current: TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined = declaration;
  for (let step = 0; current?.superClass && step < MAX_LOCAL_BASES; step++) {
    const base = resolveModuleMember(context, current.superClass);
    if (base) return base.module === 'typeorm' && base.path.at(-1) === 'BaseEntity';
    const local: TSESTree.Node | undefined =
      current.superClass.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, current.superClass)?.defs[0]?.node : undefined;
    current = local?.type === AST_NODE_TYPES.ClassDeclaration ? local : undefined;
  }
  return false;
}

function mikroEntity(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): ModelFact {
  const refs: string[] = [];
  const collections: string[] = [];
  for (const { name: propertyKey, property } of properties(declaration)) {
    const typeName = typeReferenceName(property);
    const relation = (property.decorators ?? [])
      .map((decorator) => decoratorMember(context, decorator))
      .find((member) => member && member.module.startsWith('@mikro-orm/') && RELATION_DECORATORS.has(member.name));
    const constructed =
      property.value?.type === AST_NODE_TYPES.NewExpression && property.value.callee.type === AST_NODE_TYPES.Identifier
        ? property.value.callee.name
        : undefined;
    if (typeName === 'Collection' || constructed === 'Collection') collections.push(propertyKey);
    else if (typeName === 'Ref' || typeName === 'Reference' || typeName === 'IdentifiedReference' || (relation && hasTrueOption(relation.call, 'ref')))
      refs.push(propertyKey);
  }
  return { name, orm: 'mikro-orm', ...(refs.length > 0 && { refs }), ...(collections.length > 0 && { collections }) };
}

/** `User.hasMany(Post)`, `this.belongsTo(models.User, { as: 'author' })`: the getters they give the source model. */
function associationFact(context: RuleContext, call: TSESTree.CallExpression): ModelFact | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const association = propertyName(call.callee);
  if (!association || !ASSOCIATIONS.has(association)) return undefined;
  const source = modelName(call.callee.object);
  const target = call.arguments[0] && modelName(call.arguments[0]);
  if (!source || !target) return undefined;
  if (!context.ast.body.some(importsSequelize) && !/^[A-Z]/.test(source)) return undefined;
  const alias = stringOption(call.arguments[1], 'as');
  const many = association === 'hasMany' || association === 'belongsToMany';
  const accessor = upperFirst(alias ?? (many ? pluralize(target) : target));
  const getters = [`get${accessor}`, ...(many ? [`count${accessor}`] : [])];
  return { name: source, orm: 'sequelize', getters };
}

/** `mongoose.model('User', schema)` and `sequelize.define('User', attributes)`: a model registered by name. */
function registeredModelFact(context: RuleContext, call: TSESTree.CallExpression): ModelFact | undefined {
  const [name, definition] = call.arguments;
  if (name?.type !== AST_NODE_TYPES.Literal || typeof name.value !== 'string' || !definition) return undefined;
  const member = resolveModuleMember(context, call.callee);
  if (member?.module === 'mongoose' && member.path.at(-1) === 'model') return { name: name.value, orm: 'mongoose' };
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'define' || definition.type !== AST_NODE_TYPES.ObjectExpression)
    return undefined;
  // The Sequelize instance is often a parameter (`module.exports = (sequelize, DataTypes) => ...`), known only by its name.
  const receiver = call.callee.object;
  return receiver.type === AST_NODE_TYPES.Identifier && /sequelize/i.test(receiver.name) ? { name: name.value, orm: 'sequelize' } : undefined;
}

/**
 * `Device: DeviceModel(sequelize, Sequelize)`, `db.Device = require('./device')(sequelize, DataTypes)`: a model file's factory
 * given the Sequelize instance, kept under a name of the registry that other files read (`db.Device`), whatever table it defines.
 */
function factoryModelFact(call: TSESTree.CallExpression): ModelFact | undefined {
  const [instance] = call.arguments;
  if (instance?.type !== AST_NODE_TYPES.Identifier || !/^sequelize$/i.test(instance.name) || !isModelFactoryCallee(call.callee)) return undefined;
  const name = registryName(call.parent);
  return name && /^[A-Z]/.test(name) ? { name, orm: 'sequelize' } : undefined;
}

/** A function named in the file (`DeviceModel`) or a module required in place (`require('./device')`). */
function isModelFactoryCallee(callee: TSESTree.Node): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return true;
  return callee.type === AST_NODE_TYPES.CallExpression && callee.callee.type === AST_NODE_TYPES.Identifier && callee.callee.name === 'require';
}

/** The name a value is kept under: the key of an object's property, the property it is assigned to, the variable it initializes. */
function registryName(holder: TSESTree.Node | undefined): string | undefined {
  if (holder?.type === AST_NODE_TYPES.Property) return keyName(holder);
  if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.MemberExpression) return propertyName(holder.left);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return holder.id.name;
  return undefined;
}

/**
 * `ExpenseItem.init({ ... }, { sequelize })`: Sequelize's `Model.init` on a class of this file, whatever base of the project the
 * class extends on the way to `Model` (`class ExpenseItem extends ModelWithPublicId<…>`).
 */
function initializedModelFact(context: RuleContext, call: TSESTree.CallExpression): ModelFact | undefined {
  const callee = call.callee;
  const options = call.arguments[1];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || propertyName(callee) !== 'init') return undefined;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression || call.arguments[0]?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const setsInstance = options.properties.some(
    (property) => property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'sequelize',
  );
  const definition = setsInstance ? resolveVariable(context, callee.object)?.defs[0] : undefined;
  return definition?.type === 'ClassName' ? { name: callee.object.name, orm: 'sequelize' } : undefined;
}

function importsSequelize(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ImportDeclaration && /sequelize/.test(statement.source.value);
}

/** A model named in an association: `User`, `models.User`, `this` in a model's static method. */
function modelName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return propertyName(node);
  if (node.type === AST_NODE_TYPES.ThisExpression) {
    for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
      if ((current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) && current.id) return current.id.name;
    }
  }
  return undefined;
}

function stringOption(node: TSESTree.Node | undefined, key: string): string | undefined {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of node.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === key &&
      property.value.type === AST_NODE_TYPES.Literal &&
      typeof property.value.value === 'string'
    ) {
      return property.value.value;
    }
  }
  return undefined;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** English plural as Sequelize forms association names (`Post` → `Posts`, `Category` → `Categories`). */
export function pluralize(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}
