import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import type { OrmValue } from './orm';
import { isGlobalReference, isNothing, keyName, propertyName, resolveModuleMember, unwrapExpression } from './resolve';

// Handles a framework registers rather than the file imports: Meteor's `Mongo.Collection`s and Sails' Waterline model globals.

/** A Meteor collection on the server's MongoDB: `new Mongo.Collection('cards')`, `Meteor.users`. */
const METEOR: OrmValue = { kind: 'delegate', orm: 'meteor' };

/**
 * Meteor's collection methods that make a round trip on the server. The synchronous `findOne`, `insert` and `update` are left
 * out: on the client they answer from Minimongo, in memory. `find` runs when a cursor method ends its chain (see `METEOR_CURSOR`).
 */
export const METEOR_COLLECTION: Readonly<Record<'read' | 'write', readonly string[]>> = {
  read: ['findOneAsync', 'countAsync', 'find'],
  write: ['insertAsync', 'updateAsync', 'removeAsync', 'upsertAsync'],
};

/** The cursor methods that run a `find`. */
export const METEOR_CURSOR: ReadonlySet<string> = new Set(['fetchAsync', 'countAsync', 'forEachAsync', 'mapAsync']);

/** Waterline's model methods (Sails' models), each one statement. */
export const WATERLINE_MODEL: Readonly<Record<'read' | 'write', readonly string[]>> = {
  read: ['find', 'findOne', 'count', 'sum', 'avg', 'stream'],
  write: [
    'create',
    'createEach',
    'update',
    'updateOne',
    'destroy',
    'destroyOne',
    'archive',
    'archiveOne',
    'findOrCreate',
    'addToCollection',
    'removeFromCollection',
    'replaceCollection',
  ],
};

/** What a Waterline model holds besides its methods: its definition, read in memory. */
const WATERLINE_PROPERTIES: ReadonlySet<string> = new Set([
  'attributes',
  'identity',
  'globalId',
  'primaryKey',
  'tableName',
  'datastore',
  'schema',
  'associations',
  'archiveModelIdentity',
  'customToJSON',
  'validate',
  'getDatastore',
  'prototype',
  'constructor',
]);

/** A constant a model file exports beside its attributes (`Card.Types`, `Label.COLORS`): a value held in memory. */
const MODEL_CONSTANT = /^(?:[A-Z][A-Z0-9_]*|[A-Z][a-z]\w*)$/;

/** The Sails model files: `api/models/Card.js` defines the global `Card` (and `sails.models.card`). */
const SAILS_MODEL_FILE = /(?:^|\/)api\/models\/([A-Z][A-Za-z0-9_]*)\.(?:js|ts)$/;

/** The global a Sails model file defines, by its path, when its text defines attributes; else none. */
export function sailsModelGlobals(text: string, fileName: string): string[] {
  const name = SAILS_MODEL_FILE.exec(fileName.replace(/\\/g, '/'))?.[1];
  return name && text.includes('attributes') ? [name] : [];
}

/** Whether a name is Meteor's `module` object, imported from `meteor/<module>` or the global older apps use. */
function isMeteorObject(context: RuleContext, node: TSESTree.Node, name: 'Mongo' | 'Meteor'): boolean {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier || expression.name !== name) return false;
  const member = resolveModuleMember(context, expression);
  return member ? member.module === `meteor/${name.toLowerCase()}` && member.path.join('.') === name : isGlobalReference(context, expression);
}

/**
 * `new Mongo.Collection('cards')`: a collection in the server's MongoDB. A collection without a name (`new Mongo.Collection(null)`)
 * or without a connection (`{ connection: null }`) lives in Minimongo, in memory, with no round trip.
 */
export function meteorCollection(context: RuleContext, node: TSESTree.NewExpression): OrmValue | undefined {
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'Collection' || !isMeteorObject(context, callee.object, 'Mongo'))
    return undefined;
  const [name, options] = node.arguments;
  if (!name || isNothing(name)) return undefined;
  const local =
    options?.type === AST_NODE_TYPES.ObjectExpression &&
    options.properties.some((property) => property.type === AST_NODE_TYPES.Property && keyName(property) === 'connection' && isNothing(property.value));
  return local ? undefined : METEOR;
}

/** Whether a function is, or runs within, a callback given to `Meteor.startup`: it runs once, as the server starts. */
export function inMeteorStartup(context: RuleContext, fn: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = fn; current; current = current.parent) {
    const call: TSESTree.Node | undefined = current.parent;
    if (
      (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression) &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.arguments[0] === current &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      propertyName(call.callee) === 'startup' &&
      isMeteorObject(context, call.callee.object, 'Meteor')
    )
      return true;
  }
  return false;
}

/** `Meteor.users`, the accounts collection; `sails.models.card`, a Sails model by its identity. */
export function frameworkMember(context: RuleContext, object: TSESTree.Node, name: string): OrmValue | undefined {
  if (name === 'users' && isMeteorObject(context, object, 'Meteor')) return METEOR;
  const models = unwrapExpression(object);
  if (models.type !== AST_NODE_TYPES.MemberExpression || propertyName(models) !== 'models') return undefined;
  const sails = unwrapExpression(models.object);
  return sails.type === AST_NODE_TYPES.Identifier && sails.name === 'sails' && isGlobalReference(context, sails)
    ? { kind: 'model', orm: 'waterline', model: name }
    : undefined;
}

/**
 * What a member of a framework's handle is: a Meteor collection's `direct` (collection-hooks' collection without its hooks) is
 * the collection; an object the project keeps on a Waterline model (`Card.qm`, its query methods) holds the model's queries.
 */
export function frameworkMemberOf(base: OrmValue, name: string): OrmValue | undefined {
  if (base.orm === 'meteor' && base.kind === 'delegate' && name === 'direct') return base;
  if (
    base.orm === 'waterline' &&
    base.kind === 'model' &&
    !WATERLINE_PROPERTIES.has(name) &&
    !MODEL_CONSTANT.test(name) &&
    !WATERLINE_MODEL.read.includes(name) &&
    !WATERLINE_MODEL.write.includes(name)
  )
    return { kind: 'repository', orm: 'waterline', ...(base.model !== undefined && { model: base.model }) };
  return undefined;
}

/** `Cards.rawCollection()`: the driver's collection under a Meteor collection; `app.register(plugin)`, `app.decorate(name, value)`: the Fastify instance again, for a chain. */
export function frameworkMethodResult(base: OrmValue, method: string): OrmValue | undefined {
  if (base.orm === 'fastify' && (method === 'register' || method === 'decorate')) return base;
  return base.orm === 'meteor' && base.kind === 'delegate' && method === 'rawCollection' ? { kind: 'delegate', orm: 'mongodb' } : undefined;
}

/** A Sails model global (`Card`, defined by `api/models/Card.js`), used where the file declares no such name. */
export function sailsModelGlobal(context: RuleContext, identifier: TSESTree.Identifier, globals: readonly string[] | undefined): OrmValue | undefined {
  return globals?.includes(identifier.name) && isGlobalReference(context, identifier) ? { kind: 'model', orm: 'waterline', model: identifier.name } : undefined;
}

/** The names of query methods, by the verb they start with (`getByIds`, `createOne`, `updateOne`, `deleteOne`). */
const READ_NAME = /^(?:get|find|fetch|load|count|exists?|search|list|query|select)(?:[A-Z]|$)/;
const WRITE_NAME = /^(?:create|insert|update|upsert|delete|destroy|remove|archive|add|replace|save)(?:[A-Z]|$)/;

/**
 * The kind of query a method of the project's query methods on a Waterline model (`Card.qm.getByIds`) runs, by its name; none
 * for a name no query verb starts (`transformRowToModel`).
 */
export function namespacedQueryKind(value: OrmValue, method: string): 'read' | 'write' | undefined {
  if (value.orm !== 'waterline' || value.kind !== 'repository') return undefined;
  return READ_NAME.test(method) ? 'read' : WRITE_NAME.test(method) ? 'write' : undefined;
}

/** Waterline's batched forms: `createEach`, and a criteria whose `id` is an array (Waterline's `in`). */
export function waterlineBatch(operation: string, write: 'create' | 'update' | 'delete' | undefined): string {
  if (write === 'create' || /^create/.test(operation)) return 'Insert them in one statement: createEach(records) with the array of records.';
  if (write === 'delete' || /^(?:destroy|delete|remove)/.test(operation)) return 'Delete them in one statement: destroy({ id: ids }) with the array of ids.';
  if (write === 'update')
    return 'Update them in one statement: update({ id: ids }).set(values) when they get the same values, or one sendNativeQuery UPDATE … FROM (VALUES …) when each gets its own.';
  return 'Load them in one query: find({ id: ids }) with the array of ids, or populate on the query that loaded the items.';
}

/** Meteor's batched forms, by the field the query filters on: one `$in` read or count, one multi-document update or remove, or a bulk write on the raw collection. */
export function meteorBatch(operation: string, field: string, counts: boolean): string {
  const key = documentKey(field);
  if (operation === 'insertAsync') return 'Insert them in one call: rawCollection().insertMany(docs), or rawCollection().bulkWrite(ops).';
  if (operation === 'updateAsync' || operation === 'upsertAsync')
    return `Update them in one call: updateAsync({ ${key}: { $in: ids } }, modifier, { multi: true }), or rawCollection().bulkWrite(ops) when each gets its own.`;
  if (operation === 'removeAsync') return `Remove them in one call: removeAsync({ ${key}: { $in: ids } }).`;
  if (counts || operation === 'countAsync')
    return `Count them in one query: rawCollection().aggregate([{ $match: { ${key}: { $in: ids } } }, { $group: { _id: '$${field}', count: { $sum: 1 } } }]).`;
  return `Load them in one query: find({ ${key}: { $in: ids } }).fetchAsync(), then look each up in a Map.`;
}

/** A field as a key of a MongoDB document: a dotted path into nested documents quoted (`'services.auth.id'`). */
export function documentKey(field: string): string {
  return field.includes('.') ? `'${field}'` : field;
}

/** A Fastify instance: what plugins and routes are given, whose decorators (`fastify.redis`, `fastify.prisma`) hold the handles the app registers. */
export const FASTIFY: OrmValue = { kind: 'datasource', orm: 'fastify' };

/** `fastify.mongo` of `@fastify/mongodb`: an object that holds the driver's `client` and `db`, and a namespaced connection per other member. */
const FASTIFY_MONGO: OrmValue = { kind: 'relational', orm: 'mongodb' };

/** Fastify's database plugins (scoped, and the older unscoped names): the decorator each adds to the instance, and the handle it holds. */
const FASTIFY_PLUGIN_HANDLES: ReadonlyArray<{ packages: readonly string[]; decorator: string; value: OrmValue }> = [
  { packages: ['@fastify/redis', 'fastify-redis'], decorator: 'redis', value: { kind: 'client', orm: 'redis' } },
  { packages: ['@fastify/mongodb', 'fastify-mongodb'], decorator: 'mongo', value: FASTIFY_MONGO },
  { packages: ['@fastify/postgres', 'fastify-postgres'], decorator: 'pg', value: { kind: 'client', orm: 'pg' } },
  { packages: ['@fastify/mysql', 'fastify-mysql'], decorator: 'mysql', value: { kind: 'client', orm: 'mysql2' } },
];

/** The same, by package. */
const FASTIFY_DATABASE_PLUGINS: ReadonlyMap<string, { decorator: string; value: OrmValue }> = new Map(
  FASTIFY_PLUGIN_HANDLES.flatMap(({ packages, decorator, value }) => packages.map((name) => [name, { decorator, value }] as const)),
);

/** Whether a package is one of Fastify's database plugins, which decorate the instance with a client (`@fastify/redis`). */
export function isFastifyDatabasePlugin(module: string): boolean {
  return FASTIFY_DATABASE_PLUGINS.has(module);
}

/** `app.register(fastifyRedis, { url })`: the decorator one of Fastify's database plugins adds, and the handle it holds. */
export function registeredPluginDecorator(context: RuleContext, plugin: TSESTree.Node): { decorator: string; value: OrmValue } | undefined {
  const inner = unwrapExpression(plugin);
  // `register(import('@fastify/redis'))`, as the plugins' own docs write it.
  const module =
    inner.type === AST_NODE_TYPES.ImportExpression && inner.source.type === AST_NODE_TYPES.Literal && typeof inner.source.value === 'string'
      ? inner.source.value
      : resolveModuleMember(context, inner)?.module;
  return module === undefined ? undefined : FASTIFY_DATABASE_PLUGINS.get(module);
}

/** `fastify.mongo.db`, `fastify.mongo.client`, and `fastify.mongo.analytics.db` of a connection registered under a namespace. */
function fastifyMongoMember(name: string): OrmValue | undefined {
  if (name === 'db') return { kind: 'datasource', orm: 'mongodb' };
  if (name === 'client') return { kind: 'client', orm: 'mongodb' };
  return name === 'ObjectId' ? undefined : FASTIFY_MONGO;
}

/** The types of a plugin function: Fastify's own and those of its type providers (`FastifyPluginAsyncTypebox`, `FastifyPluginAsyncZod`). */
const PLUGIN_TYPE = /^FastifyPlugin(?:Async|Callback)\w*$/;

/** The name of Fastify's own type, or of one of its type providers', that a type names (`FastifyPluginAsync`, `FastifyRequest`). */
function fastifyTypeName(context: RuleContext, type: TSESTree.TypeNode | undefined): string | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const member = resolveModuleMember(context, type.typeName);
  return member && (member.module === 'fastify' || member.module.startsWith('@fastify/type-provider-')) ? member.path.join('.') : undefined;
}

/** Whether a type is a plugin function's (`FastifyPluginAsync`, `FastifyPluginAsyncZod`): its function's first parameter is the instance. */
export function isFastifyPluginType(context: RuleContext, type: TSESTree.TypeNode | undefined): boolean {
  return PLUGIN_TYPE.test(fastifyTypeName(context, type) ?? '');
}

/**
 * Whether a function is a Fastify plugin, whose first parameter is the instance: one wrapped by `fastify-plugin` (`fp(async (fastify) => …)`),
 * or one declared with a plugin type (`const routes: FastifyPluginAsync = async (app) => …`).
 */
export function isFastifyPlugin(context: RuleContext, fn: TSESTree.Node): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === fn) {
    const wrapper = resolveModuleMember(context, parent.callee);
    if (wrapper?.module === 'fastify-plugin') return true;
  }
  return (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === fn &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    isFastifyPluginType(context, parent.id.typeAnnotation?.typeAnnotation)
  );
}

/** `request.server` with `request: FastifyRequest` (the type it is declared with): the Fastify instance behind the request. */
export function fastifyRequestServer(context: RuleContext, requestType: TSESTree.TypeNode | undefined, name: string): OrmValue | undefined {
  return name === 'server' && fastifyTypeName(context, requestType) === 'FastifyRequest' ? FASTIFY : undefined;
}

/** A member of a handle a Fastify plugin holds: what `@fastify/mongodb`'s decorator holds. */
export function fastifyHandleMember(base: OrmValue, name: string): OrmValue | undefined {
  return base.kind === FASTIFY_MONGO.kind && base.orm === FASTIFY_MONGO.orm ? fastifyMongoMember(name) : undefined;
}
