/** Calls that leave the project and its database: a package's client other than a database's, or the global `fetch`. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { isDatabaseModule, isDynamoClientClass, projectModels } from './orm';
import { isLocalModule } from './module-names';
import { LIBRARY_SCHEMA_CHECKS } from '../validation-schemas';
import { GLOBAL_FETCH, instanceClass, isOutsideProject } from '../project-model/summaries';
import { isGlobalReference, resolveModuleMember, resolveVariable, unwrapExpression, type ModuleMember } from './resolve';

/** Whether a callee is a function of a package other than a database client, the global `fetch`, or of a file of the project that reaches no database. */
export function leavesTheProject(context: RuleContext, callee: TSESTree.Node): boolean {
  const module = foreignModuleOf(context, callee);
  return module !== undefined && isOutsideProject(projectModels(context), context.fileName, module);
}

/**
 * The module a callee calls into when it is neither a database client nor a timer (`GLOBAL_FETCH`
 * for the global `fetch`): a package, or a file of the project, which only the project can tell
 * apart from one that reaches no database.
 */
export function foreignModuleOf(context: RuleContext, callee: TSESTree.Node): string | undefined {
  const node = unwrapExpression(callee);
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'fetch' && isGlobalReference(context, node)) return GLOBAL_FETCH;
  if (isSchemaValidation(node)) return undefined;
  const module = moduleOf(context, node);
  return module !== undefined && !module.startsWith('timers') && !isDatabaseModule(module) && !DATABASE_PLUGIN.test(module) && !IN_PROCESS.has(module)
    ? module
    : undefined;
}

/**
 * Packages whose calls hand work to the project's own code in the same process: `@nestjs/cqrs`'s buses run the project's handlers,
 * an EventEmitter2's `emitAsync` its listeners.
 */
const IN_PROCESS: ReadonlySet<string> = new Set(['@nestjs/cqrs', '@nestjs/event-emitter', 'eventemitter2']);

/**
 * `tagSchema.validateAsync(input)` of Joi, `schema.parseAsync(input)` of Zod: a schema checks a value in process and
 * waits on no other service, wherever the schema was made.
 */
function isSchemaValidation(callee: TSESTree.Node): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    LIBRARY_SCHEMA_CHECKS.has(callee.property.name)
  );
}

/** A plugin of a database library, named after it (`mongoose-delete`, `typeorm-transactional`, `knex-paginate`): its calls are the database's. */
const DATABASE_PLUGIN = /^(?:@[\w.-]+\/)?(?:mongoose|mongodb|sequelize|typeorm|mikro-orm|knex|kysely|drizzle|objection|prisma|pg|mysql2?|redis|ioredis)-/;

const MAX_RECEIVERS = 4;

/**
 * The module a callee comes from: imported itself, or a method of an object imported, created from
 * a module (`new S3Client()`, `getStripe()`), typed with a package's class, or returned by a call of
 * an imported function (`getStripe().customers.del`).
 */
function moduleOf(context: RuleContext, callee: TSESTree.Node): string | undefined {
  let node = callee;
  for (let step = 0; step < MAX_RECEIVERS; step++) {
    // `const Events = mongoose.model<EventDoc>('Event', schema)`: the database's model, whatever document type its argument names.
    const maker = makerOf(context, node);
    if (maker && isDatabaseModule(maker.module)) return maker.module;
    // `new AWS.DynamoDB.DocumentClient()`: a database client of a package that is mostly other services, so no call that leaves.
    if (maker && isDynamoClientClass(maker)) return undefined;
    const instance = instanceClass(context, node)?.module;
    // An instance of a class of the project (an injected service, an event bus) may hand the call to any implementation: only a package's class tells where it goes.
    if (instance !== undefined) return isLocalModule(instance) ? undefined : instance;
    const imported = resolveModuleMember(context, node)?.module ?? makerOf(context, node)?.module;
    if (imported !== undefined) return imported;
    if (node.type === AST_NODE_TYPES.CallExpression) node = unwrapExpression(node.callee);
    else if (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapExpression(node.object);
    else return undefined;
  }
  return undefined;
}

/** The imported function or class that made the object a callee is called on: `getSesClient` of `ses.send` after `const ses = getSesClient()`, or of `getSesClient().send`. */
export function receiverMaker(context: RuleContext, callee: TSESTree.Node): ModuleMember | undefined {
  let node = unwrapExpression(callee);
  for (let step = 0; step < MAX_RECEIVERS; step++) {
    if (node.type === AST_NODE_TYPES.MemberExpression) node = unwrapExpression(node.object);
    else return undefined;
    const maker = makerOf(context, node);
    if (maker) return maker;
  }
  return undefined;
}

/** `const s3 = new S3Client()`, `const transport = nodemailer.createTransport()`, `getStripe()`: the imported constructor or factory that made a value. */
function makerOf(context: RuleContext, node: TSESTree.Node): ModuleMember | undefined {
  if (node.type === AST_NODE_TYPES.CallExpression) return resolveModuleMember(context, node.callee);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, node)?.defs[0];
  const init = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  const made = init && unwrapExpression(init);
  return made?.type === AST_NODE_TYPES.NewExpression || made?.type === AST_NODE_TYPES.CallExpression ? resolveModuleMember(context, made.callee) : undefined;
}
