import ts from 'typescript';
import { AWS_SDK_V2, isDatabaseModule, isLocalModule } from './analysis/orm';
import { KNEX_BUILDER_STEPS, KNEX_HANDLE_NAME, OBJECTION_FIRST_STEPS } from './analysis/query-kinds';
import { BLOCKING_NAME } from './analysis/blocking-calls';
import { detached, unanalyzableReason } from './content';
import { MAX_NESTING, TOO_DEEP } from './nesting';
import { parseTypeScript } from './parse';
import { roleSignsOf, type RoleSign } from './roles';
import { exportedFunctionFactsOf } from './exported-functions';
import { inMemorySchemasOf } from './validation-schemas';
import { sailsModelGlobals } from './analysis/framework-models';
import { graphqlTypesOf } from './analysis/graphql-schema';
import { NO_INDEX_SIGNALS } from './index-signals';
import { containerTokensOf, type ContainerTokens } from './container-tokens';

/**
 * What a file's syntax can hold, read from TypeScript's own tree, which is several times cheaper
 * to build than the ESTree the rules walk. Each field is a necessary condition of some rule's
 * finding or of the file's project facts: when it is false, that work is skipped without the
 * ESTree parse. Plain data, so it travels to worker threads with the file.
 */
export interface SyntaxSignals {
  /** An `await` that runs once per iteration of a loop statement of its own function. */
  awaitInLoop: boolean;
  /** `Promise.all(x)` (or `allSettled`, `any`, `race`) over something other than a literal array without spreads. */
  combinatorOverArray: boolean;
  /** A name that a blocking call can have (`readFileSync`, `glob.sync`). */
  blockingName: boolean;
  /**
   * A database package imported or required, or a client known by its name: an imported
   * `prisma`/`db`, `ctx.prisma`, Payload's `req.payload`, `sequelize.define(...)`, Objection's `$relatedQuery`, a Sequelize
   * association (`User.hasMany(Post)`), which declares getters without naming the package; Fastify's `FastifyInstance`, whose
   * decorators hold the handles the app registers.
   */
  reachesDatabase: boolean;
  /** A file of the project imported or required (`./db`, `@/lib/prisma`). */
  importsProjectFile: boolean;
  /** The specifiers imported, required or re-exported, other than Node's built-ins (`./db`, `@acme/db`, `@server/models`): the project model tells which name its files. */
  imports: string[];
  /** The files it starts in a child process or worker thread, as paths relative to it (`fork(join(__dirname, 'send.js'))` gives `./send.js`). */
  childEntries: string[];
  /** What its text shows of its role (`roleSignsOf`): with its path, the file's role, known to the files it imports. */
  roleSigns: RoleSign[];
  /** The constants it exports that hold a literal array or object (`export const PLATFORMS = [...] as const`): as many items as written. */
  fixedLists: string[];
  /** The interfaces its classes implement, by name, once per class (`class PrismaUsers implements UserRepository` gives `UserRepository`). */
  implemented: string[];
  /** The functions it exports whose value is at hand when they return, and such methods of its exported types (see `ExportedFunctionFacts.settledAsync`). */
  settledAsync: string[];
  /** The functions it exports whose every return is an object or array literal (see `ExportedFunctionFacts.fixedReturns`). */
  fixedReturns: string[];
  /** The async functions it exports that only add jobs to a queue (see `ExportedFunctionFacts.enqueuesOnly`). */
  enqueuesOnly: string[];
  /** The top-level functions that run a parameter once per element of another, as `name.list:callback` (see `ExportedFunctionFacts.itemCallbacks`). */
  itemCallbacks: string[];
  /** The constants it exports that are schemas of a validation library checked in memory (see `inMemorySchemasOf`). */
  inMemorySchemas: string[];
  /** The modules it re-exports whole (`export * from './src'`), as written: what a name imported through it may be. */
  reexportsAll: string[];
  /**
   * The interfaces it exports, by name, found by its text: those it declares (`export interface OrderService`), and the names of
   * its export lists (`import type { OrderService } from './ports'; export { type OrderService }`), which may be interfaces.
   */
  interfaces: string[];
  /** The types of the fields and parameter properties its classes call methods through, by name (`private items: ItemRepository` with `this.items.find(id)`): see `heldTypesOf`. */
  heldTypes: string[];
  /** The methods it names through an object, of two words or more (`models.editors.refreshEditorsFromDisk()` gives `refreshEditorsFromDisk`): see `ProjectFacts.methodCalls`. */
  methodNames: string[];
  /** The properties it sets to a MongoDB collection of a database handle (`self.db = self.apos.db.collection('aposDocs')`): see `collectionFieldsOf`. */
  collectionFields: string[];
  /** The model globals its path defines in a framework that registers models by file (`api/models/Card.js` of Sails): see `sailsModelGlobals`. */
  globalModels: string[];
  /** What its GraphQL schema text says of object types, declared and held in lists (`type:Post`, `list:Post`): see `graphqlTypesOf`. */
  graphqlTypes: string[];
  /** Its statements only re-export other modules (`export * from './order.service.interface'`, `export type { A } from './a'`): a barrel. */
  reexportsOnly: boolean;
  /** The classes it exports, and the container tokens it binds and resolves (see `containerTokensOf`). */
  containerTokens?: ContainerTokens;
  /** It exports one function of one parameter, a mixin that adds members to the object it is given (`module.exports = function (User) {…}`). */
  mixin?: true;
  /**
   * It calls a finder only a model has on a field of `this` (`this.model.findByPk(id)`): a base class may keep there the model its
   * subclasses hand its constructor. Which value the field holds is known from the files that import it (see `ProjectModel.reachingDatabase`).
   */
  heldFinders?: true;
  /**
   * TypeScript's parser read the text without a syntax error (these signals come from a walk of its tree): the analysis of the
   * same text takes its tree from the fast parser, where there is one, without parsing the text with TypeScript again.
   */
  syntaxChecked?: true;
}

/** Every signal raised: what a file the syntax pass could not read gets, so that nothing is skipped. */
export const ALL_SIGNALS: Readonly<SyntaxSignals> = {
  awaitInLoop: true,
  combinatorOverArray: true,
  blockingName: true,
  reachesDatabase: true,
  importsProjectFile: true,
  imports: [],
  childEntries: [],
  roleSigns: [],
  ...NO_INDEX_SIGNALS,
  interfaces: [],
  heldTypes: [],
  // Read from the text whatever the parse gives, as the names above are.
  reexportsOnly: false,
};

const NO_SIGNALS: Readonly<SyntaxSignals> = {
  awaitInLoop: false,
  combinatorOverArray: false,
  blockingName: false,
  reachesDatabase: false,
  importsProjectFile: false,
  imports: [],
  childEntries: [],
  roleSigns: [],
  ...NO_INDEX_SIGNALS,
  interfaces: [],
  heldTypes: [],
  reexportsOnly: false,
};

const AWAIT = /\bawait\b/;
const LOOP_KEYWORD = /\b(?:for|while)\b/;
const PROMISE = /\bPromise\b/;
/** Every way the walk below can find a child process or worker thread started by path. */
const CHILD_START = /\bfork\s*\(|\bWorker\s*\(|\bworkerpool\b|\bPiscina\b/;
/** Every way the walk below can find a database: a package name, an imported client name, a model call. */
const DATABASE_WORD =
  /prisma|typeorm|sequelize|mongoose|knex|['"`]pg['"`]|['"`]postgres['"`]|pg-promise|slonik|mysql|mikro-orm|objection|drizzle|kysely|mongodb|redis|['"`]payload['"`/]|@payloadcms\/next|\breq\.payload\b|\bdb\b|belongsTo|hasOne|hasMany|\$relatedQuery|\$fetchGraph|planetscale|neondatabase|@vercel\/postgres|libsql|clickhouse|\bD1Database\b|\bFastifyInstance\b|redbean|Mongo\.Collection|Meteor\.users|sails\.models|supabase|bullmq|['"`]bull['"`]|bee-queue|pg-boss|dynamodb|aws-sdk|elasticsearch|opensearch|meilisearch|algolia|\.query\([\w\s]*\)\s*\.|\bthis\s*\.\s*#?\w+\s*\??\.\s*(?:findByPk|findOne|findAll|findAndCountAll|findOrCreate|bulkCreate)\b/i;
/** An import or require of a project file, as text: true wherever the walk would find one. */
const PROJECT_FILE_IMPORT = /(?:\bfrom|\brequire\s*\(|\bimport\s*\(?)\s*['"`](?:\.|\/|@\/|~\/|#)/;
/** Every specifier of an import or require, as text, for files that skip the tree. */
const IMPORT_SPECIFIER = /(?:\bfrom|\brequire\s*\(|\bimport\s*\(?)\s*['"`]([^'"`\n]+)['"`]/g;
/** Specifiers kept per file: a file that imports more is still read, by its first ones. */
const MAX_IMPORTS = 64;
const COMBINATORS = new Set(['all', 'allSettled', 'any', 'race']);
const CLIENT_IMPORT_NAME = /^(?:prisma|db)$/i;
const D1_TYPE = 'D1Database';
const FASTIFY_TYPE = 'FastifyInstance';
const REQUEST_CONTEXT = /^(?:ctx|context)$/;
const SEQUELIZE_NAME = /sequelize/i;
/** Methods that name a database by themselves: Objection's relation queries, Sequelize's associations. */
const DATABASE_METHODS = new Set(['$relatedQuery', '$fetchGraph', 'belongsTo', 'hasOne', 'hasMany', 'belongsToMany']);

/** Finders only a model or repository has, called on a field of `this` (`this.model.findByPk(id)`). */
const HELD_MODEL_FINDERS = new Set(['findByPk', 'findOne', 'findAll', 'findAndCountAll', 'findOrCreate', 'bulkCreate']);

/** `this.model.findOne`: a member of a field of `this`. */
function isThisFieldMember(callee: ts.Expression): boolean {
  const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  return !!receiver && ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword;
}

/** The framework objects whose property names a database (`Mongo.Collection`, `Meteor.users`, `sails.models`), by property. */
const FRAMEWORK_HANDLES: ReadonlyMap<string, string> = new Map([
  ['Collection', 'Mongo'],
  ['users', 'Meteor'],
  ['models', 'sails'],
]);

/** `Mongo.Collection`, `Meteor.users`: Meteor's collections, of its globals or its imports; `sails.models`: Sails' models. */
function isFrameworkHandleAccess(access: ts.PropertyAccessExpression): boolean {
  const owner = FRAMEWORK_HANDLES.get(access.name.text);
  return owner !== undefined && ts.isIdentifier(access.expression) && access.expression.text === owner;
}

/**
 * The signals of one file. A file TypeScript reads with syntax errors gets every signal: the
 * analysis recovers from errors in its own way, and must not lose a finding to this pass.
 */
export function syntaxSignals(text: string, fileName: string): SyntaxSignals {
  return readSyntax(text, fileName).signals;
}

/** The signals the project index keeps of every file (see `ProjectFactsModel.setSignals`), read from its text alone. */
export function indexSignalsOf(text: string, fileName: string): IndexSignals {
  return {
    fixedLists: fixedListsOf(text),
    implemented: implementedOf(text),
    ...exportedFunctionFactsOf(text),
    inMemorySchemas: inMemorySchemasOf(text),
    reexportsAll: reexportsAllOf(text),
    methodNames: methodNamesOf(text),
    collectionFields: collectionFieldsOf(text),
    globalModels: sailsModelGlobals(text, fileName),
    graphqlTypes: graphqlTypesOf(text),
  };
}

export type IndexSignals = Pick<
  SyntaxSignals,
  | 'fixedLists'
  | 'implemented'
  | 'settledAsync'
  | 'fixedReturns'
  | 'enqueuesOnly'
  | 'itemCallbacks'
  | 'inMemorySchemas'
  | 'reexportsAll'
  | 'methodNames'
  | 'collectionFields'
  | 'globalModels'
  | 'graphqlTypes'
>;

/**
 * A file's signals, with TypeScript's tree they were read from when the words asked for one (parsed
 * as `parseSource` would parse it, for reuse); `parse` is `parseTypeScript` or an `EditedFile`'s.
 */
export function readSyntax(
  text: string,
  fileName: string,
  parse: (text: string, fileName: string) => ts.SourceFile = parseTypeScript,
  signalsOf: (sourceFile: ts.SourceFile) => SyntaxSignals = walkedSignals,
): { signals: SyntaxSignals; sourceFile?: ts.SourceFile } {
  // A text the analysis refuses (minified, binary) is read from its text alone, as one without those words: no rule reads its tree.
  const needsTree =
    ((AWAIT.test(text) && LOOP_KEYWORD.test(text)) || PROMISE.test(text) || BLOCKING_NAME.test(text) || DATABASE_WORD.test(text) || CHILD_START.test(text)) &&
    unanalyzableReason(text) === undefined;
  // Read from the text, whether or not the words ask for a tree.
  const fromText = {
    ...indexSignalsOf(text, fileName),
    roleSigns: roleSignsOf(text),
    interfaces: exportedInterfacesOf(text),
    heldTypes: heldTypesOf(text),
    reexportsOnly: isReexportsOnly(text),
    ...(MIXIN_EXPORT.test(text) && { mixin: true as const }),
    ...withContainerTokens(text),
  };
  if (!needsTree)
    return {
      signals: readFromText({ ...NO_SIGNALS, importsProjectFile: PROJECT_FILE_IMPORT.test(text), imports: importsOf(text), ...fromText }),
    };
  const { signals, sourceFile } = parsedSyntax(text, fileName, parse, signalsOf);
  return {
    signals: readFromText({ ...signals, ...fromText, ...(sourceFile && { syntaxChecked: true as const }) }),
    ...(sourceFile && { sourceFile }),
  };
}

function withContainerTokens(text: string): { containerTokens?: ContainerTokens } {
  const tokens = containerTokensOf(text);
  return tokens ? { containerTokens: tokens } : {};
}

/**
 * `self.db = await self.apos.db.collection('aposDocs')`, `this.users = this.mongoDb.collection(this.options.collectionName)`: a
 * property set to the collection a database handle (named `db`, as the driver's `Db` is) gives for a name written as a string
 * or read from a member. Frameworks hand such properties to other modules (`self.apos.doc.db.findOne(...)`).
 */
const COLLECTION_FIELD =
  /\.\s*([A-Za-z_$][\w$]*)\s*=\s*(?:await\s+)?(?:[\w$]+\s*\.\s*)*[\w$]*[dD]b\s*\.\s*collection\s*\(\s*(?:['"`]|[\w$]+\s*\.\s*[\w$.]+\s*\))/g;

/** The property names a text sets to a MongoDB collection (see `COLLECTION_FIELD`); known of every file, as the project's modules read them off each other. */
export function collectionFieldsOf(text: string): string[] {
  // Most files name no collection: one search for the word spares them the pattern.
  if (!text.includes('.collection(')) return [];
  const names = new Set<string>();
  for (const match of text.matchAll(COLLECTION_FIELD)) names.add(match[1]!);
  return [...names].map(detached);
}

/** `.refreshEditorsFromDisk`, `?.loadLocale`: a member of two words or more (see `DISTINCT_METHOD_NAME` of the project facts). */
const DISTINCT_MEMBER = /\.\s*([a-z][\w$]*[a-z0-9][A-Z][\w$]*)/g;

/**
 * The methods a text names through an object, found by its text in every file: whether a method is used other than at boot is
 * known even of files the index does not hold. Comments and strings may add names: a name too many only keeps a method reported.
 */
export function methodNamesOf(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(DISTINCT_MEMBER)) names.add(match[1]!);
  return [...names].map(detached);
}

/** `class A<T> extends B implements Port, Other<T> {`: the class's name and the clause after `implements`, up to the class body. */
const IMPLEMENTS_CLAUSE = /\bclass\b\s*([A-Za-z_$][\w$]*)?[^{};()]*?\bimplements\s+([^{};()]+)\{/g;
/** `FakeUserStore`, `MockMailer`, `UserStoreMock`: a test double, which implements a port beside the one class the application runs. */
const TEST_DOUBLE_CLASS = /^(?:Fake|Mock|Stub|Dummy|Spy)(?:[A-Z0-9_]|$)|[a-z0-9](?:Fake|Mock|Stub|Double)$/;
const TYPE_ARGUMENTS = /<[^<>]*>/g;
const MAX_IMPLEMENTED = 32;
/** The start of a function written as a value: `async (`, `function`, `id =>`. */
const FUNCTION_START = String.raw`(?:async\s+)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)`;

/**
 * `const insightStore: InsightStore = {`, `export let store: Types.Store<Row> = {`: an object literal declared with a type it implements;
 * `const getStream: GetStream = async (`: a function declared with the function type it implements.
 */
const TYPED_OBJECT = new RegExp(
  String.raw`\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*:\s*(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*)\s*(?:<[^=;{}()]*>)?\s*=\s*(?:\{|${FUNCTION_START})`,
  'g',
);

/**
 * `): OrderStore => {`, `): OrderStore {`: a function declared to return a named type, as a factory of an object that implements it is;
 * `): GetStream => async (`: a factory of a function that implements the function type.
 */
const DECLARED_RETURN = new RegExp(
  String.raw`\)\s*:\s*(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*)\s*(?:<[^=;{}()]*>)?\s*(?:=>\s*(?:\(\s*)?\{|\{|=>\s*${FUNCTION_START})`,
  'g',
);

/**
 * The interfaces a text's classes and typed object literals implement, by name (the last part of `Types.Port`), found by its
 * text in every file: which others implement a port is known even of files the index does not hold.
 * Test doubles are left out: a port with one real adapter and a fake of it still has one implementation.
 */
export function implementedOf(text: string): string[] {
  const names: string[] = [];
  // Most files implement nothing: one search for the word spares them the clause's pattern.
  if (text.includes('implements')) {
    for (const match of text.matchAll(IMPLEMENTS_CLAUSE)) {
      if (match[1] && TEST_DOUBLE_CLASS.test(match[1])) continue;
      let clause = match[2]!;
      while (TYPE_ARGUMENTS.test(clause)) clause = clause.replace(TYPE_ARGUMENTS, '');
      for (const part of clause.split(',')) {
        const name = /([A-Za-z_$][\w$]*)\s*$/.exec(part)?.[1];
        if (name) names.push(detached(name));
      }
      if (names.length >= MAX_IMPLEMENTED) return names;
    }
  }
  // An object literal typed with an interface implements it as a class does (`const fakeStore: Store = {…}` is a double).
  for (const match of text.matchAll(TYPED_OBJECT)) {
    const holder = match[1]!;
    if (TEST_DOUBLE_CLASS.test(holder.charAt(0).toUpperCase() + holder.slice(1))) continue;
    names.push(detached(match[2]!));
    if (names.length >= MAX_IMPLEMENTED) return names;
  }
  // A factory that returns an object of functions implements the type it declares (`createOrderStore = (db): OrderStore => ({ … })`);
  // every function declared to return a type counts, so a port is known to have one implementation only when no other function returns it.
  for (const match of text.matchAll(DECLARED_RETURN)) {
    names.push(detached(match[1]!));
    if (names.length >= MAX_IMPLEMENTED) break;
  }
  return names;
}

/** `export interface Name`, `export declare interface Name`, at the start of a line. */
const EXPORTED_INTERFACE = /^export\s+(?:declare\s+)?interface\s+([A-Za-z_$][\w$]*)/gm;
const MAX_INTERFACES = 64;

/** `export { type A, B as C }` with no `from`: names of the file's own scope (declared or imported) that it exports. */
const EXPORT_LIST = /^export\s+(?:type\s+)?\{([^{}]*)\}(?!\s*from\b)/gm;

/** The interfaces a text exports, by name: the files a class's `implements` may name, found without a parse. */
export function exportedInterfacesOf(text: string): string[] {
  const names: string[] = [];
  if (text.includes('interface')) {
    for (const match of text.matchAll(EXPORTED_INTERFACE)) {
      names.push(detached(match[1]!));
      if (names.length >= MAX_INTERFACES) return names;
    }
  }
  if (!text.includes('export {') && !text.includes('export type {')) return names;
  for (const match of text.matchAll(EXPORT_LIST)) {
    for (const part of match[1]!.split(',')) {
      const name = /^\s*(?:type\s+)?([A-Za-z_$][\w$]*)/.exec(part)?.[1];
      if (name) names.push(detached(name));
      if (names.length >= MAX_INTERFACES) return names;
    }
  }
  return names;
}

/** `private readonly items: ItemRepository`, `protected cache?: Types.Cache<Row>`: a class field or parameter property, its name and the last part of its type's name. */
const HELD_TYPE = /\b(?:private|protected|public|readonly)\s+(?:readonly\s+)?([A-Za-z_$][\w$]*)\s*[?!]?\s*:\s*(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*)/g;
const MEMBER_MODIFIERS = ['private', 'protected', 'public', 'readonly'];
const MAX_HELD_TYPES = 32;

/**
 * The types of a text's class fields and parameter properties that its methods call through (`this.items.findByUuid(id)`), by name,
 * found without a parse: the ports its classes use. A field only read (a message's `payload: ActivityData`) runs nothing.
 */
export function heldTypesOf(text: string): string[] {
  const names = new Set<string>();
  // Most files declare no class: one search per word spares them the pattern.
  if (!MEMBER_MODIFIERS.some((word) => text.includes(word))) return [];
  for (const [, field, type] of text.matchAll(HELD_TYPE)) {
    if (names.has(type!) || !callsThrough(text, field!)) continue;
    names.add(type!);
    if (names.size >= MAX_HELD_TYPES) break;
  }
  return [...names].map(detached);
}

/** Whether a text calls a method of one of its class's fields: `this.items.findByUuid(`, `this.cache?.get(`. */
function callsThrough(text: string, field: string): boolean {
  return new RegExp(String.raw`\bthis\.${field.replaceAll('$', '\\$')}\s*[?!]?\.\s*[A-Za-z_$][\w$]*\s*\(`).test(text);
}

/** Space, comments and `;` between statements. */
const BETWEEN_STATEMENTS = /(?:\s+|;|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/y;
/** `export * from '...'`, `export * as name from '...'`, `export { a, b as c } from '...'`, `export type { A } from '...'`. */
const REEXPORT_STATEMENT = /export\s+(?:type\s+)?(?:\*(?:\s+as\s+[A-Za-z_$][\w$]*)?|\{[^{}]*\})\s*from\s*(['"])[^'"\n]+\1/y;

/** `export * from './src'` at the start of a line (not `export * as name`, which names one object). */
const REEXPORT_ALL = /^export\s*\*\s*from\s*(['"])([^'"\n]+)\1/gm;

/** The modules a text re-exports whole, as written. */
export function reexportsAllOf(text: string): string[] {
  if (!text.includes('export')) return [];
  return [...text.matchAll(REEXPORT_ALL)].slice(0, MAX_IMPORTS).map((match) => detached(match[2]!));
}

/** Whether a text holds re-exports and nothing else; most files fail at their first statement. */
/** `module.exports = function (module) {` or `= (User) => {` at the start of a line (see `isMixin`). */
const MIXIN_EXPORT = /^module\.exports\s*=\s*(?:async\s+)?(?:function\s*\w*\s*\(\s*\w+\s*\)|\(?\s*\w+\s*\)?\s*=>)\s*\{/m;

export function isReexportsOnly(text: string): boolean {
  let offset = 0;
  let statements = 0;
  for (;;) {
    BETWEEN_STATEMENTS.lastIndex = offset;
    BETWEEN_STATEMENTS.test(text);
    offset = BETWEEN_STATEMENTS.lastIndex;
    if (offset >= text.length) return statements > 0;
    REEXPORT_STATEMENT.lastIndex = offset;
    if (!REEXPORT_STATEMENT.test(text)) return false;
    offset = REEXPORT_STATEMENT.lastIndex;
    statements++;
  }
}

/** `export const NAME = [` or `= {`, with a type that holds no `=`, at the start of a line. */
const EXPORTED_LITERAL = /^export\s+const\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n;]*)?=\s*([[{])/gm;
/** What may follow a literal that is the whole value: `as const`, `satisfies T`, the end of the statement. */
const LITERAL_END = /^\s*(?:as\s+const\b|satisfies\b|;|\n|$)/;
const MAX_FIXED_LISTS = 32;

/**
 * The constants a text exports that hold a non-empty literal array or object without a spread, found by
 * their text (a constants module has no other signal to make it parsed). A literal holds as many
 * items as it lists, wherever it is imported.
 */
export function fixedListsOf(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(EXPORTED_LITERAL)) {
    const start = match.index + match[0].length - 1;
    const end = literalEnd(text, start);
    // An empty literal (`export const registry: Plugin[] = []`) lists nothing: it is filled elsewhere, as many as the data.
    const empty = end !== undefined && text.slice(start + 1, end - 1).trim() === '';
    if (end !== undefined && !empty && LITERAL_END.test(text.slice(end, end + 16))) names.push(detached(match[1]!));
    if (names.length >= MAX_FIXED_LISTS) break;
  }
  return names;
}

/** The offset after the bracket that closes the one at `start`, skipping strings and comments; undefined when the literal spreads another value into it. */
function literalEnd(text: string, start: number): number | undefined {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    const character = text[index]!;
    if (character === '"' || character === "'" || character === '`') {
      let close = index + 1;
      while (close < text.length && text[close] !== character) close += text[close] === '\\' ? 2 : 1;
      // A template's placeholders may hold anything: its text is not read further.
      if (close >= text.length || (character === '`' && text.slice(index, close).includes('${'))) return undefined;
      index = close;
    } else if (character === '/' && text[index + 1] === '/') {
      const close = text.indexOf('\n', index);
      if (close < 0) return undefined;
      index = close;
    } else if (character === '/' && text[index + 1] === '*') {
      const close = text.indexOf('*/', index);
      if (close < 0) return undefined;
      index = close + 1;
    } else if (character === '[' || character === '{' || character === '(') depth++;
    else if (character === ']' || character === '}' || character === ')') {
      if (--depth === 0) return index + 1;
    } else if (character === '.' && text.startsWith('...', index)) return undefined;
  }
  return undefined;
}

/** Signals `readSyntax` returned, as it returned them: their role signs are those of the text they were read from. */
const READ_FROM_TEXT = new WeakSet<SyntaxSignals>();

function readFromText(signals: SyntaxSignals): SyntaxSignals {
  READ_FROM_TEXT.add(signals);
  return signals;
}

/**
 * The role signs of signals `readSyntax` read, undefined for signals built or changed elsewhere
 * (a copy, a test's, one received from another thread), whose signs may not be their text's.
 */
export function roleSignsRead(signals: SyntaxSignals): readonly RoleSign[] | undefined {
  return READ_FROM_TEXT.has(signals) ? signals.roleSigns : undefined;
}

/** The signals as the walk of TypeScript's tree finds them, without the words that let most files skip it. */
export function parsedSyntaxSignals(text: string, fileName: string): SyntaxSignals {
  return parsedSyntax(text, fileName).signals;
}

function parsedSyntax(
  text: string,
  fileName: string,
  parse: (text: string, fileName: string) => ts.SourceFile = parseTypeScript,
  signalsOf: (sourceFile: ts.SourceFile) => SyntaxSignals = walkedSignals,
): { signals: SyntaxSignals; sourceFile?: ts.SourceFile } {
  try {
    const sourceFile = parse(text, fileName);
    // `parseDiagnostics` is internal but stable; it holds the syntax errors of this parse.
    const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics;
    if (diagnostics === undefined || diagnostics.length > 0) return { signals: ALL_SIGNALS };
    return { signals: signalsOf(sourceFile), sourceFile };
  } catch {
    // Nesting too deep for a recursive walk: the analysis decides what to do with the file.
    return { signals: ALL_SIGNALS };
  }
}

/** The signals of one walk of the whole tree. */
function walkedSignals(sourceFile: ts.SourceFile): SyntaxSignals {
  return new SignalWalk().read(sourceFile);
}

/** The specifiers of a text's imports that are not Node built-ins, found without a parse. */
function importsOf(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(IMPORT_SPECIFIER)) {
    const specifier = match[1]!;
    if (!specifier.startsWith('node:')) found.add(detached(specifier));
    if (found.size >= MAX_IMPORTS) break;
  }
  return [...found];
}

/** The signals of a file's parts in their order (top-level statements, class heads and members), as one walk of the file finds them. */
export function unionOfSignals(parts: readonly SyntaxSignals[]): SyntaxSignals {
  const union: SyntaxSignals = { ...NO_SIGNALS, imports: [], childEntries: [] };
  for (const part of parts) {
    union.awaitInLoop ||= part.awaitInLoop;
    union.combinatorOverArray ||= part.combinatorOverArray;
    union.blockingName ||= part.blockingName;
    union.reachesDatabase ||= part.reachesDatabase;
    union.importsProjectFile ||= part.importsProjectFile;
    if (part.heldFinders) union.heldFinders = true;
    for (const specifier of part.imports) if (union.imports.length < MAX_IMPORTS && !union.imports.includes(specifier)) union.imports.push(specifier);
    for (const entry of part.childEntries) if (!union.childEntries.includes(entry)) union.childEntries.push(entry);
  }
  return union;
}

/** The signals of a file's parts, each read as the walk of the whole file reads it. */
export const signalsOfPart = {
  statement: (statement: ts.Statement): SyntaxSignals => new SignalWalk().readStatement(statement),
  classHead: (declaration: ts.ClassDeclaration): SyntaxSignals => new SignalWalk().readClassHead(declaration),
  member: (member: ts.ClassElement): SyntaxSignals => new SignalWalk().readMember(member),
};

/** One walk over the tree; two bound visitors (outside and inside a loop) instead of a closure per node. */
class SignalWalk {
  private readonly signals: SyntaxSignals = { ...NO_SIGNALS, imports: [], childEntries: [] };
  /** Levels of the walk's recursion; past the limit the file gets every signal, as the analysis refuses it alike on every thread. */
  private depth = 0;
  private readonly outsideLoop = (node: ts.Node): void => this.visit(node, false);
  private readonly insideLoop = (node: ts.Node): void => this.visit(node, true);

  read(sourceFile: ts.SourceFile): SyntaxSignals {
    ts.forEachChild(sourceFile, this.outsideLoop);
    return this.signals;
  }

  /** The signals of a top-level statement, as the walk of the whole file finds them there. */
  readStatement(statement: ts.Statement): SyntaxSignals {
    this.visit(statement, false);
    return this.signals;
  }

  /** The signals of a top-level class but its members: its decorators, name and heritage. */
  readClassHead(declaration: ts.ClassDeclaration): SyntaxSignals {
    this.depth = 1;
    ts.forEachChild(declaration, this.outsideLoop, (nodes) => {
      if (nodes !== declaration.members) for (const node of nodes) this.visit(node, false);
    });
    return this.signals;
  }

  /** The signals of a member of a top-level class. */
  readMember(member: ts.ClassElement): SyntaxSignals {
    this.depth = 1;
    this.visit(member, false);
    return this.signals;
  }

  private visit(node: ts.Node, inLoop: boolean): void {
    // TypeScript's tree has at most about twice the ESTree's levels: half the limit is sure to come first.
    if (++this.depth > MAX_NESTING / 2) throw new RangeError(TOO_DEEP);
    this.visitNode(node, inLoop);
    this.depth--;
  }

  private visitNode(node: ts.Node, inLoop: boolean): void {
    const signals = this.signals;
    switch (node.kind) {
      case ts.SyntaxKind.Identifier:
        if (!signals.blockingName && BLOCKING_NAME.test((node as ts.Identifier).text)) signals.blockingName = true;
        // Cloudflare's global `D1Database` type, of a Worker's database binding.
        if ((node as ts.Identifier).text === D1_TYPE) signals.reachesDatabase = true;
        // Fastify's instance type: its decorators hold the handles the app's plugins register (`fastify.redis`, `fastify.prisma`).
        if ((node as ts.Identifier).text === FASTIFY_TYPE) signals.reachesDatabase = true;
        return;
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        // `fs['readFileSync']()` names the call in a string.
        if (!signals.blockingName && BLOCKING_NAME.test((node as ts.StringLiteralLike).text)) signals.blockingName = true;
        return;
      case ts.SyntaxKind.AwaitExpression:
        if (inLoop) signals.awaitInLoop = true;
        break;
      case ts.SyntaxKind.PropertyAccessExpression: {
        const access = node as ts.PropertyAccessExpression;
        if (ts.isIdentifier(access.expression) && REQUEST_CONTEXT.test(access.expression.text) && CLIENT_IMPORT_NAME.test(access.name.text))
          signals.reachesDatabase = true;
        // Payload hands its instance to hooks, endpoints and jobs on the request: `req.payload.find(...)`.
        if (ts.isIdentifier(access.expression) && access.expression.text === 'req' && access.name.text === 'payload') signals.reachesDatabase = true;
        // Meteor's collections (`new Mongo.Collection('tasks')`, `Meteor.users`) and Sails' models (`sails.models.card`).
        if (isFrameworkHandleAccess(access)) signals.reachesDatabase = true;
        break;
      }
      case ts.SyntaxKind.CallExpression:
        this.call(node as ts.CallExpression);
        break;
      case ts.SyntaxKind.NewExpression:
        this.childStart(node as ts.NewExpression);
        break;
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ExportDeclaration:
        this.moduleSpecifier((node as ts.ImportDeclaration | ts.ExportDeclaration).moduleSpecifier);
        break;
      case ts.SyntaxKind.ImportClause:
        this.importedName((node as ts.ImportClause).name);
        break;
      case ts.SyntaxKind.NamespaceImport:
      case ts.SyntaxKind.ImportSpecifier:
        this.importedName((node as ts.NamespaceImport | ts.ImportSpecifier).name);
        break;
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const declaration = node as ts.ImportEqualsDeclaration;
        this.importedName(declaration.name);
        if (ts.isExternalModuleReference(declaration.moduleReference)) this.moduleSpecifier(declaration.moduleReference.expression);
        break;
      }
    }
    this.children(node, inLoop);
  }

  /** Visits the children of a node, each knowing whether it runs once per iteration of a loop of its own function. */
  private children(node: ts.Node, inLoop: boolean): void {
    if (ts.isFunctionLike(node)) {
      if (!inLoop) {
        ts.forEachChild(node, this.outsideLoop);
        return;
      }
      // A method's decorators and computed name run where the class is defined; its parameters and body when it is called.
      ts.forEachChild(node, (child) => this.visit(child, child === node.name || ts.isDecorator(child) || ts.isModifier(child)));
      return;
    }
    switch (node.kind) {
      case ts.SyntaxKind.ForStatement: {
        // The initializer runs once; the test, the update and the body once per iteration.
        const initializer = (node as ts.ForStatement).initializer;
        ts.forEachChild(node, (child) => this.visit(child, inLoop || child !== initializer));
        return;
      }
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement: {
        const body = (node as ts.ForOfStatement | ts.ForInStatement).statement;
        ts.forEachChild(node, (child) => this.visit(child, inLoop || child === body));
        return;
      }
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
        ts.forEachChild(node, this.insideLoop);
        return;
      default:
        ts.forEachChild(node, inLoop ? this.insideLoop : this.outsideLoop);
    }
  }

  private call(call: ts.CallExpression): void {
    const signals = this.signals;
    if (!signals.combinatorOverArray && isCombinatorOverArray(call)) signals.combinatorOverArray = true;
    const callee = call.expression;
    if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
      this.moduleSpecifier(call.arguments[0]);
      return;
    }
    this.childStart(call);
    const method = calledMethod(callee);
    if (method === undefined) return;
    if (DATABASE_METHODS.has(method)) signals.reachesDatabase = true;
    // `this.model.findOne(...)` of a base class handed its model by subclasses (`super(Task)`), which may import no database.
    if (HELD_MODEL_FINDERS.has(method) && isThisFieldMember(callee)) signals.heldFinders = true;
    // `registry.pages.query().patch(...)`: an Objection model's query, whatever object holds the model.
    if (OBJECTION_FIRST_STEPS.test(method) && isQueryCall(callee)) signals.reachesDatabase = true;
    // `trx('users').where({ id })`: a parameter called with a table and chained as Knex's builder (see `knexByUse`).
    if (KNEX_BUILDER_STEPS.has(method) && startsTableBuilder(callee)) signals.reachesDatabase = true;
    // `sequelize.define('User', {...})` registers a model on an instance known only by its name.
    const receiver = skipWrappers((callee as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
    if (method === 'define' && ts.isIdentifier(receiver) && SEQUELIZE_NAME.test(receiver.text)) signals.reachesDatabase = true;
  }

  /** `fork(path)`, `new Worker(path)`, `workerpool.pool(path)`, `new Piscina({ filename: path })`: the started file, when its path is written relative to this one. */
  private childStart(call: ts.CallExpression | ts.NewExpression): void {
    const callee = skipWrappers(call.expression);
    const name = ts.isIdentifier(callee) ? callee.text : calledMethod(callee);
    const first = call.arguments?.[0] && skipWrappers(call.arguments[0]);
    let started: ts.Expression | undefined;
    if (
      name === 'fork' ||
      name === 'Worker' ||
      (name === 'pool' && ts.isPropertyAccessExpression(callee) && isIdentifierNamed(callee.expression, 'workerpool'))
    )
      started = first;
    else if (name === 'Piscina' && first && ts.isObjectLiteralExpression(first)) started = propertyValue(first, 'filename');
    const entry = started && relativePath(skipWrappers(started));
    const entries = this.signals.childEntries;
    if (entry !== undefined && !entries.includes(entry)) entries.push(detached(entry));
  }

  private moduleSpecifier(specifier: ts.Node | undefined): void {
    if (!specifier || !ts.isStringLiteralLike(specifier)) return;
    // AWS SDK v2 holds DynamoDB's clients among its other services'.
    if (isDatabaseModule(specifier.text) || SEQUELIZE_NAME.test(specifier.text) || specifier.text === AWS_SDK_V2) this.signals.reachesDatabase = true;
    if (isLocalModule(specifier.text)) this.signals.importsProjectFile = true;
    const imports = this.signals.imports;
    if (!specifier.text.startsWith('node:') && imports.length < MAX_IMPORTS && !imports.includes(specifier.text)) imports.push(detached(specifier.text));
  }

  private importedName(name: ts.Identifier | undefined): void {
    if (name && CLIENT_IMPORT_NAME.test(name.text)) this.signals.reachesDatabase = true;
  }
}

/** The value of `name: value` in an object literal. */
function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === name)
      return property.initializer;
  }
  return undefined;
}

/**
 * A path written relative to the file itself, as `./x.js`: `require.resolve('./x')`,
 * `join(__dirname, 'workers', 'x.js')` (or `path.resolve`), `` `${__dirname}/x.js` ``,
 * `new URL('./x.js', import.meta.url)`. A path string alone (`'./x.js'`) is relative to the working folder: unknown.
 */
function relativePath(node: ts.Expression): string | undefined {
  if (ts.isTemplateExpression(node)) {
    const [span, ...rest] = node.templateSpans;
    const tail = span?.literal.text ?? '';
    return node.head.text === '' && rest.length === 0 && span && isDirname(span.expression) && tail.startsWith('/') ? `.${tail}` : undefined;
  }
  if (ts.isNewExpression(node)) {
    const [target, base] = node.arguments ?? [];
    const fromHere = base && ts.isPropertyAccessExpression(base) && ts.isMetaProperty(base.expression) && base.name.text === 'url';
    return fromHere && target && ts.isStringLiteralLike(target) && /^\.\.?\//.test(target.text) ? target.text : undefined;
  }
  if (!ts.isCallExpression(node)) return undefined;
  const method = calledMethod(node.expression) ?? (ts.isIdentifier(node.expression) ? node.expression.text : undefined);
  const [first, ...rest] = node.arguments;
  if (
    method === 'resolve' &&
    rest.length === 0 &&
    first &&
    ts.isPropertyAccessExpression(node.expression) &&
    isIdentifierNamed(node.expression.expression, 'require')
  )
    return ts.isStringLiteralLike(first) && /^\.\.?\//.test(first.text) ? first.text : undefined;
  if ((method !== 'join' && method !== 'resolve') || !first || !isDirname(first) || rest.length === 0) return undefined;
  const parts = rest.map((part) => (ts.isStringLiteralLike(part) ? part.text : undefined));
  return parts.every((part) => part !== undefined && !part.startsWith('/')) ? `./${parts.join('/')}` : undefined;
}

function isDirname(node: ts.Expression): boolean {
  return isIdentifierNamed(node, '__dirname');
}

function isIdentifierNamed(node: ts.Expression, name: string): boolean {
  return ts.isIdentifier(node) && node.text === name;
}

/** The method name of `x.name(...)` or `x['name'](...)`. */
function calledMethod(callee: ts.Expression): string | undefined {
  const inner = skipWrappers(callee);
  if (ts.isPropertyAccessExpression(inner)) return inner.name.text;
  if (ts.isElementAccessExpression(inner) && ts.isStringLiteralLike(inner.argumentExpression)) return inner.argumentExpression.text;
  return undefined;
}

/** `Promise.all(xs.map(f))`, `Promise.all(promises)`, `Promise.all([...a, b])`; not `Promise.all([a, b])`. */
function isCombinatorOverArray(call: ts.CallExpression): boolean {
  const method = calledMethod(call.expression);
  if (method === undefined || !COMBINATORS.has(method)) return false;
  const object = skipWrappers((skipWrappers(call.expression) as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  if (!ts.isIdentifier(object) || object.text !== 'Promise') return false;
  const argument = call.arguments[0] && skipWrappers(call.arguments[0]);
  if (!argument) return false;
  return !ts.isArrayLiteralExpression(argument) || argument.elements.some(ts.isSpreadElement);
}

/** What `(x)`, `x!`, `x as T`, `<T>x` and `x satisfies T` wrap. */
function skipWrappers(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** `trx('users').where`: a method on what a name Knex handles go by returns when it is called with one argument. */
function startsTableBuilder(callee: ts.Expression): boolean {
  const receiver = ts.isPropertyAccessExpression(callee) ? skipWrappers(callee.expression) : undefined;
  return (
    !!receiver &&
    ts.isCallExpression(receiver) &&
    ts.isIdentifier(receiver.expression) &&
    KNEX_HANDLE_NAME.test(receiver.expression.text) &&
    receiver.arguments.length === 1
  );
}

/** Whether a callee is a method of what `query()` (or `query(trx)`) returns. */
function isQueryCall(callee: ts.Expression): boolean {
  const receiver = ts.isPropertyAccessExpression(callee) ? skipWrappers(callee.expression) : undefined;
  return !!receiver && ts.isCallExpression(receiver) && receiver.arguments.length <= 1 && calledMethod(receiver.expression) === 'query';
}
