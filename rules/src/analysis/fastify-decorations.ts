import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { ormValueOf, typeValue, type OrmValue } from './orm';
import { isHandle } from './orm-index';
import { propertyName, signatureName } from './resolve';
import { registeredPluginDecorator } from './framework-models';

/**
 * The handles a file decorates Fastify instances with, by decorator name: `fastify.decorate('prisma', prisma)` on an instance, the
 * client one of Fastify's database plugins adds (`fastify.register(fastifyRedis, { url })` decorates `redis`), and the members `declare module 'fastify' { interface FastifyInstance { … } }` types with a handle. Routes of any file read them off the instance.
 */
export function decorationsOf(context: RuleContext, calls: readonly TSESTree.CallExpression[]): Record<string, OrmValue> {
  const found: Record<string, OrmValue> = {};
  // The instance is often a plugin's parameter whose type another file declares, unknown until the index is built: a handle given to
  // `decorate`, or one of Fastify's database plugins given to `register`, says by itself that the receiver is a Fastify instance.
  for (const call of calls) {
    const [first, value] = call.arguments;
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression || !first) continue;
    if (propertyName(call.callee) === 'register') {
      const plugin = registeredPluginDecorator(context, first);
      if (plugin) found[plugin.decorator] = plugin.value;
      continue;
    }
    const handle = first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && value ? ormValueOf(context, value) : undefined;
    if (handle && isHandle(handle)) found[(first as TSESTree.StringLiteral).value] = handle;
  }
  for (const statement of context.ast.body) {
    for (const member of augmentedInstanceMembers(statement)) {
      const name = signatureName(member);
      const handle = name !== undefined && member.typeAnnotation ? typeValue(context, member.typeAnnotation.typeAnnotation) : undefined;
      if (handle && isHandle(handle)) found[name!] = handle;
    }
  }
  return found;
}

/** `x.decorate('name', value)`, `x.register(plugin)`: a call that may decorate a Fastify instance (see `decorationsOf`). */
export function isDecoratingCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(node.callee);
  return (method === 'decorate' && node.arguments.length === 2) || (method === 'register' && node.arguments.length > 0);
}

/** The members a top-level `declare module 'fastify' { interface FastifyInstance { … } }` adds to the instance. */
function augmentedInstanceMembers(statement: TSESTree.ProgramStatement): TSESTree.TSPropertySignature[] {
  const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
  if (declaration?.type !== AST_NODE_TYPES.TSModuleDeclaration || declaration.id.type !== AST_NODE_TYPES.Literal || declaration.id.value !== 'fastify')
    return [];
  if (declaration.body?.type !== AST_NODE_TYPES.TSModuleBlock) return [];
  return declaration.body.body.flatMap((inner) =>
    inner.type === AST_NODE_TYPES.TSInterfaceDeclaration && inner.id.name === 'FastifyInstance'
      ? inner.body.body.filter((member): member is TSESTree.TSPropertySignature => member.type === AST_NODE_TYPES.TSPropertySignature)
      : [],
  );
}
