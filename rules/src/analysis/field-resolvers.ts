/** GraphQL field resolvers of object types: the executor calls one once for every parent object of a list, a loop the code does not show. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { constValueOf, fieldKeyName, keyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { contains, type FunctionNode } from './scopes';
import { projectModels } from './orm';
import { pagedFieldName } from './graphql-schema';
import { typeReferenceName } from './names';
import { visitAll } from './visit';
import { rootObject } from './await-patterns';
import { exits } from './request-handlers';

/** A field resolver of an object type: which type and field it resolves, and the parameter that receives the parent object. */
export interface FieldResolver {
  type: string;
  field: string;
  parent: TSESTree.Parameter;
  /** The parameters that receive the field's arguments (`args` of `(post, args)`, `@Args()`, `@Arg('first')`). */
  args: TSESTree.Parameter[];
}

/** Root operation types, and the namespaces hung from them (`ProjectMutations`, `AdminQuery`): their fields run once per request. */
const ROOT_TYPE = /(?:Query|Mutations?|Subscription)$/;

/** Keys of a resolver map that name a root operation type: an object with one of them is a resolver map. */
const ROOT_KEYS: ReadonlySet<string> = new Set(['Query', 'Mutation', 'Subscription']);

/** Packages that serve GraphQL, by name: a resolver map means nothing to a project without one. */
const GRAPHQL_PACKAGE = /graphql|apollo|mercurius/;
const GRAPHQL_IMPORT = /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)['"][^'"]*(?:graphql|apollo|mercurius)[^'"]*['"]/i;

/** The types that generated resolver maps carry (`Resolvers`, `IResolvers`, graphql-codegen's `StreamResolvers`). */
const RESOLVERS_TYPE = /Resolvers$/;

/** Decorators of a field resolver method and of its parent parameter, by module: NestJS and type-graphql. */
const FIELD_DECORATORS: Readonly<Record<string, { method: string; parent: string }>> = {
  '@nestjs/graphql': { method: 'ResolveField', parent: 'Parent' },
  'type-graphql': { method: 'FieldResolver', parent: 'Root' },
};

/** Decorators of the parameters that receive a field's arguments (NestJS's `@Args`, type-graphql's `@Arg` and `@Args`). */
const ARGUMENT_DECORATORS: ReadonlySet<string> = new Set(['Args', 'Arg']);

/**
 * `Stream: { author: (stream) => … }` of a resolver map (`{ Query: {…}, Stream: {…} }`, one typed `Resolvers`, or handed as
 * `resolvers`), `@ResolveField() author(@Parent() stream)` of a NestJS resolver class, `@FieldResolver()` of type-graphql: a
 * function the executor calls for every parent object of its type. Not the fields of Query, Mutation, Subscription.
 */
export function fieldResolverOf(context: RuleContext, fn: FunctionNode): FieldResolver | undefined {
  if (fn.params.length === 0) return undefined;
  if (fn.parent?.type === AST_NODE_TYPES.MethodDefinition) return decoratedResolver(context, fn.parent);
  return servesGraphql(context) ? mappedResolver(context, fn) : undefined;
}

/** Whether the file imports a GraphQL module (a server, the schema tools, generated types) or its package depends on one. */
function servesGraphql(context: RuleContext): boolean {
  return context.shared.memo(
    'servesGraphql',
    () => GRAPHQL_IMPORT.test(context.text) || [...context.options.project.dependencies].some((name) => GRAPHQL_PACKAGE.test(name)),
  );
}

/** `author: (stream) => …` or `author: { resolve(stream) { … } }` under a type's key of a resolver map, or of an object typed as one type's resolvers. */
function mappedResolver(context: RuleContext, fn: FunctionNode): FieldResolver | undefined {
  let property = fn.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== fn) return undefined;
  if (keyName(property) === 'resolve' && property.parent.parent?.type === AST_NODE_TYPES.Property) property = property.parent.parent;
  const field = keyName(property);
  // `__resolveType`, `__isTypeOf` pick a type; `subscribe` runs once per subscription.
  if (!field || field.startsWith('__') || field === 'subscribe') return undefined;
  const fields = property.parent as TSESTree.ObjectExpression;
  const type = typeKeyOf(context, fields) ?? typeOfFields(context, fields);
  return type && !ROOT_TYPE.test(type) ? { type, field, parent: fn.params[0]!, args: fn.params.slice(1, 2) } : undefined;
}

/** `Stream` of `Stream: { … }` in a resolver map. */
function typeKeyOf(context: RuleContext, fields: TSESTree.ObjectExpression): string | undefined {
  const entry = fields.parent;
  if (entry?.type !== AST_NODE_TYPES.Property || entry.value !== fields) return undefined;
  const type = keyName(entry);
  return type && /^[A-Z]/.test(type) && isResolverMap(context, entry.parent as TSESTree.ObjectExpression) ? type : undefined;
}

/** `{ Query: {…}, Stream: {…} }`, an object typed `Resolvers`, or the `resolvers` handed to a server or a schema (also in a list). */
function isResolverMap(context: RuleContext, map: TSESTree.ObjectExpression): boolean {
  if (map.properties.some((property) => property.type === AST_NODE_TYPES.Property && ROOT_KEYS.has(keyName(property) ?? ''))) return true;
  if (RESOLVERS_TYPE.test(typeReferenceName(declaredType(map)) ?? '')) return true;
  if (handedAsResolvers(map)) return true;
  // `const postResolvers = { Post: {…} }` handed later: `resolvers: [postResolvers, userResolvers]`.
  const declarator = map.parent?.type === AST_NODE_TYPES.VariableDeclarator && map.parent.id.type === AST_NODE_TYPES.Identifier ? map.parent.id : undefined;
  return !!declarator && !!resolveVariable(context, declarator)?.references.some((reference) => handedAsResolvers(reference.identifier));
}

/** `resolvers: value`, or `resolvers: [a, value]`: the resolvers a server or a schema is handed. */
function handedAsResolvers(value: TSESTree.Node): boolean {
  const handed = value.parent?.type === AST_NODE_TYPES.ArrayExpression ? value.parent : value;
  const holder = handed.parent;
  return holder?.type === AST_NODE_TYPES.Property && holder.value === handed && keyName(holder) === 'resolvers';
}

/** `const streamFields: Resolvers['Stream'] = { … }`, `{ … } satisfies StreamResolvers`: the type whose fields an object resolves. */
function typeOfFields(context: RuleContext, fields: TSESTree.ObjectExpression): string | undefined {
  const type = declaredType(fields);
  if (type?.type === AST_NODE_TYPES.TSIndexedAccessType) {
    const index = type.indexType.type === AST_NODE_TYPES.TSLiteralType ? type.indexType.literal : undefined;
    const named = typeReferenceName(type.objectType);
    return named && RESOLVERS_TYPE.test(named) && index?.type === AST_NODE_TYPES.Literal && typeof index.value === 'string' ? index.value : undefined;
  }
  const named = typeReferenceName(type);
  const generated = named && RESOLVERS_TYPE.test(named) ? named.replace(RESOLVERS_TYPE, '') : undefined;
  // graphql-codegen names one type's resolvers `<Type>Resolvers`, with the configured prefix (`GQL`, `I`) before it.
  return generated && /^[A-Z]/.test(generated) && resolvesImportedTypes(context, type!) ? generated.replace(/^(?:GQL|I)(?=[A-Z])/, '') : undefined;
}

/** Whether a type is written by a code generator or a library, not declared in this file: a generated resolvers type is imported. */
function resolvesImportedTypes(context: RuleContext, type: TSESTree.TypeNode): boolean {
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const root = type.typeName.type === AST_NODE_TYPES.TSQualifiedName ? type.typeName.left : type.typeName;
  return root.type === AST_NODE_TYPES.Identifier && resolveVariable(context, root)?.defs[0]?.type === 'ImportBinding';
}

/** The type an object is declared with: `as T`, `satisfies T`, or the annotation of the `const` it initializes. */
function declaredType(object: TSESTree.ObjectExpression): TSESTree.TypeNode | undefined {
  const parent = object.parent;
  if (parent?.type === AST_NODE_TYPES.TSAsExpression || parent?.type === AST_NODE_TYPES.TSSatisfiesExpression) return parent.typeAnnotation;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === object) return parent.id.typeAnnotation?.typeAnnotation;
  return undefined;
}

/** `@ResolveField('author') author(@Parent() stream: Stream)` in `@Resolver(() => Stream)`; type-graphql's `@FieldResolver()` with `@Root()`. */
function decoratedResolver(context: RuleContext, method: TSESTree.MethodDefinition): FieldResolver | undefined {
  for (const decorator of method.decorators) {
    const expression = unwrapExpression(decorator.expression);
    const call = expression.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
    const member = resolveModuleMember(context, call ? call.callee : expression);
    const names = member && FIELD_DECORATORS[member.module];
    if (!names || member.path.join('.') !== names.method) continue;
    const parent = method.value.params.find((param) => param.decorators.some((mark) => decoratorName(context, mark) === names.parent));
    if (!parent) return undefined;
    const named = call?.arguments[0];
    const field =
      stringValue(context, named) ??
      (method.computed ? stringValue(context, method.key) : fieldKeyName(method.key)) ??
      context.text.slice(method.key.range[0], method.key.range[1]);
    const args = method.value.params.filter((param) => param.decorators.some((mark) => ARGUMENT_DECORATORS.has(decoratorName(context, mark) ?? '')));
    return { type: resolvedType(context, method) ?? typeReferenceName(parameterType(parent)) ?? 'parent', field, parent, args };
  }
  return undefined;
}

/** `'views'` written, or held in a constant (`[viewsKey]` with `const viewsKey = 'views'`). */
function stringValue(context: RuleContext, node: TSESTree.Node | undefined): string | undefined {
  const value = node && constValueOf(context, node);
  return value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' ? value.value : undefined;
}

function decoratorName(context: RuleContext, decorator: TSESTree.Decorator): string | undefined {
  const expression = unwrapExpression(decorator.expression);
  return resolveModuleMember(context, expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression)?.path.join('.');
}

function parameterType(param: TSESTree.Parameter): TSESTree.TypeNode | undefined {
  return param.type === AST_NODE_TYPES.Identifier ? param.typeAnnotation?.typeAnnotation : undefined;
}

/** `Stream` of the class's `@Resolver(() => Stream)` or `@Resolver(Stream)`. */
function resolvedType(context: RuleContext, method: TSESTree.MethodDefinition): string | undefined {
  const body = method.parent;
  const owner = body.parent;
  if (owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression) return undefined;
  for (const decorator of owner.decorators) {
    const call = unwrapExpression(decorator.expression);
    if (call.type !== AST_NODE_TYPES.CallExpression || resolveModuleMember(context, call.callee)?.path.join('.') !== 'Resolver') continue;
    const argument = call.arguments[0];
    const type = argument && (argument.type === AST_NODE_TYPES.ArrowFunctionExpression ? argument.body : argument);
    if (type?.type === AST_NODE_TYPES.Identifier) return type.name;
  }
  return undefined;
}

/**
 * `db.user.findUnique({ where: { id: stream.authorId } })` in a resolver of `Stream.author`: what of the parent a query reads, the
 * key a DataLoader would batch (`stream.authorId`, the parent itself, a name destructured from it; `comment.streamId and comment.id`
 * when it reads two). Undefined when it reads no parent.
 */
export function parentKeyRead(context: RuleContext, query: TSESTree.Node, resolver: FieldResolver, fn: FunctionNode): string | undefined {
  const param = resolver.parent.type === AST_NODE_TYPES.AssignmentPattern ? resolver.parent.left : resolver.parent;
  const parentName = param.type === AST_NODE_TYPES.Identifier ? param.name : 'parent';
  const keysIn = (root: TSESTree.Node, depth: number): string[] => {
    const keys: string[] = [];
    visitAll(root, (node) => {
      if (node.type !== AST_NODE_TYPES.Identifier || picksWhere(node, root)) return;
      const definition = resolveVariable(context, node)?.defs[0];
      if (!definition || !contains(fn, definition.name) || contains(root, definition.name)) return;
      const member = node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node && !node.parent.computed ? node.parent : undefined;
      if (definition.name === param) keys.push(member ? `${parentName}.${fieldKeyName(member.property)}` : parentName);
      // `({ authorId }) => …`: a field destructured from the parent.
      else if (contains(param, definition.name)) keys.push(`${parentName}.${destructuredField(definition.name)}`);
      // `const { authorId } = stream`, `const ids = stream.memberIds`: a constant of the resolver taken from the parent.
      else if (definition.type === 'Variable' && definition.parent?.kind === 'const' && depth < MAX_CONSTANT_STEPS) {
        const declarator = definition.node as TSESTree.VariableDeclarator;
        const from = declarator.init ? keysIn(declarator.init, depth + 1) : [];
        keys.push(
          ...(from.length === 1 && from[0] === parentName && declarator.id.type === AST_NODE_TYPES.ObjectPattern
            ? [`${parentName}.${destructuredField(definition.name)}`]
            : from),
        );
      }
    });
    return keys;
  };
  const keys = new Set(keysIn(query, 0));
  // `convert(post.data, post)`: the fields read name the key better than the whole parent handed beside them.
  if (keys.size > 1) keys.delete(parentName);
  // A query that reads many fields of its parent is keyed by the parent as a whole.
  if (keys.size > MAX_KEY_FIELDS) return parentName;
  return keys.size > 0 ? [...keys].join(' and ') : undefined;
}

/**
 * `getComments` of `getComments({ postId: post.id })` with `const getComments = commentsFor(regionDb(post))`, and `{ db: projectDb }`
 * of `listRunsFactory({ db: projectDb })({ automationId: run.id })`: the function called, or the call that makes it, picks where
 * the query runs; its arguments say what it reads.
 */
function picksWhere(node: TSESTree.Identifier, root: TSESTree.Node): boolean {
  if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) return true;
  for (let inner: TSESTree.Node = node; inner !== root && inner.parent; inner = inner.parent)
    if (inner.parent.type === AST_NODE_TYPES.CallExpression && inner.parent.callee === inner && inner.type === AST_NODE_TYPES.CallExpression) return true;
  return false;
}

/** How many fields of the parent a loader's key names (`comment.streamId and comment.id`). */
const MAX_KEY_FIELDS = 2;

/** How many constants of the resolver (`const { id } = stream; const filter = { authorId: id }`) are followed back to the parent. */
const MAX_CONSTANT_STEPS = 2;

/** `id` of `{ id: workspaceId }`: the field a destructured name was taken from. */
function destructuredField(name: TSESTree.Node): string {
  const binding = name.parent?.type === AST_NODE_TYPES.AssignmentPattern ? name.parent : name;
  const property = binding.parent;
  const field = property?.type === AST_NODE_TYPES.Property && property.value === binding ? keyName(property) : undefined;
  return field ?? (name as TSESTree.Identifier).name;
}

/**
 * `commit(stream, args) { return getCommit(stream.id, args.id) }`, a page by `args.cursor`: a query that takes the field's arguments
 * looks up or pages what one parent is asked for, as a query asks it of one parent, and a loader keyed by the parent alone cannot batch it.
 */
export function readsFieldArguments(context: RuleContext, query: TSESTree.Node, resolver: FieldResolver): boolean {
  let reads = false;
  visitAll(query, (node) => {
    if (reads || node.type !== AST_NODE_TYPES.Identifier) return;
    const declaration = resolveVariable(context, node)?.defs[0]?.name;
    reads = !!declaration && resolver.args.some((param) => contains(param, declaration));
  });
  return reads;
}

/** The arguments a field pages by: a page of a list per parent. */
const PAGE_ARGUMENT = /^(?:limit|first|last|cursor|after|before|offset|skip|take|page|perPage|pageSize)$/;

/**
 * `streams(user, args) { … limit: args.limit … }`, `(user, { cursor, limit })`, `@Args('first') first`, or a field the schema gives
 * paging arguments (`streams(limit: Int, cursor: String)`): a field that returns a page of
 * its own per parent, by the API's design. A loader keyed by the parent cannot batch pages; its queries, the count beside the page
 * too, are one per parent asked for.
 */
export function pagesByArguments(context: RuleContext, resolver: FieldResolver): boolean {
  // `automations(cursor: String, limit: Int): AutomationCollection` in the schema, whatever the code does with the arguments.
  if (projectModels(context)?.graphqlTypes?.paged.includes(pagedFieldName(resolver.type, resolver.field))) return true;
  const pagedBy = (pattern: TSESTree.ObjectPattern): boolean =>
    pattern.properties.some((property) => property.type === AST_NODE_TYPES.Property && PAGE_ARGUMENT.test(keyName(property) ?? ''));
  return resolver.args.some((param) => {
    const own = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (own.type === AST_NODE_TYPES.ObjectPattern) return pagedBy(own);
    if (own.type !== AST_NODE_TYPES.Identifier) return false;
    if (PAGE_ARGUMENT.test(own.name)) return true;
    return !!resolveVariable(context, own)?.references.some(({ identifier }) => {
      const use = identifier.parent;
      if (use?.type === AST_NODE_TYPES.MemberExpression && use.object === identifier) return PAGE_ARGUMENT.test(fieldKeyName(use.property) ?? '');
      return use?.type === AST_NODE_TYPES.VariableDeclarator && use.init === identifier && use.id.type === AST_NODE_TYPES.ObjectPattern && pagedBy(use.id);
    });
  });
}

/** Whether the parents of a type can come in a list: the project's schema holds the type in one, or names no such type (none visible). */
export function parentComesInList(context: RuleContext, type: string): boolean {
  const types = projectModels(context)?.graphqlTypes;
  return !types || !types.declared.includes(type) || types.listed.includes(type);
}

/**
 * `if (requestingUser?.uid !== user.uid) return [];` before the query: a resolver that leaves unless its parent is the one the
 * request is made by (the same key of the parent and of a request parameter, `@GqlUser()`, `ctx.user`) runs its query for one parent a request.
 */
export function onlyForRequester(context: RuleContext, resolver: FieldResolver, fn: FunctionNode, query: TSESTree.Node): boolean {
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) return false;
  const own = (param: TSESTree.Parameter): TSESTree.Node => (param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param);
  const request = fn.params.filter((param) => param !== resolver.parent && !resolver.args.includes(param)).map(own);
  const rootedIn = (node: TSESTree.Node, params: TSESTree.Node[]): boolean => {
    const definition = node.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, node)?.defs[0]?.name : undefined;
    return !!definition && params.some((param) => contains(param, definition));
  };
  // `parent.uid` and `requestingUser.uid` (or `ctx.user.uid`): the key and the root of each side.
  const sameKeyOfRequester = (test: TSESTree.Node): boolean => {
    const comparison = unwrapExpression(test);
    if (comparison.type !== AST_NODE_TYPES.BinaryExpression || (comparison.operator !== '!==' && comparison.operator !== '!=')) return false;
    const sides = [comparison.left, comparison.right].map((side) => unwrapExpression(side as TSESTree.Expression));
    const keys = sides.map((side) => (side.type === AST_NODE_TYPES.MemberExpression && !side.computed ? fieldKeyName(side.property) : undefined));
    if (!keys[0] || keys[0] !== keys[1]) return false;
    const roots = sides.map(rootObject);
    const parentRoot = roots.findIndex((root) => rootedIn(root, [own(resolver.parent)]));
    return parentRoot !== -1 && rootedIn(roots[1 - parentRoot]!, request);
  };
  return fn.body.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.IfStatement &&
      statement.range[1] <= query.range[0] &&
      exits(statement.consequent) &&
      sameKeyOfRequester(statement.test),
  );
}
