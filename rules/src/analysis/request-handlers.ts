import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { localFunction, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import type { FunctionNode } from './scopes';
import { visitAll, visitWithinFunction } from './visit';

/** The web frameworks whose apps, routers and types are recognized, by module. */
const FRAMEWORK_MODULES: ReadonlySet<string> = new Set(['express', 'koa', '@koa/router', 'koa-router', 'fastify', '@hapi/hapi', 'hapi']);

/** Calls that create an app or router: `express()`, `express.Router()`, `new Koa()`, `Fastify()`, `Hapi.server()`. */
const FACTORY_PATHS: Record<string, ReadonlyArray<string>> = {
  express: ['', 'Router', 'default', 'default.Router'],
  koa: ['', 'default'],
  '@koa/router': ['', 'default', 'Router'],
  'koa-router': ['', 'default'],
  fastify: ['', 'default', 'fastify'],
  '@hapi/hapi': ['server', 'Server', 'default.server', 'default.Server'],
  hapi: ['server', 'Server'],
};

/** Calls that create a whole app, not a router: `express()`, `new Koa()`, `Fastify()`, `Hapi.server()`. */
const APP_FACTORY_PATHS: Record<string, ReadonlyArray<string>> = {
  express: ['', 'default'],
  koa: ['', 'default'],
  fastify: ['', 'default', 'fastify'],
  '@hapi/hapi': ['server', 'Server', 'default.server', 'default.Server'],
  hapi: ['server', 'Server'],
};

/**
 * A function that creates the web app itself (`const app = express()`, then its middleware and routes): it builds what
 * serves, once, before the first request. What it reads or awaits (the page shell it rewrites, the routers it loads), it does at boot.
 */
export function createsWebApp(context: RuleContext, fn: FunctionNode): boolean {
  if (!importsFramework(context)) return false;
  let creates = false;
  visitWithinFunction(fn.body ?? fn, (node) => {
    if (creates || (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)) return;
    const callee = resolveModuleMember(context, node.callee);
    creates = callee !== undefined && APP_FACTORY_PATHS[callee.module]?.includes(callee.path.join('.')) === true;
  });
  return creates;
}

/** Methods that register a handler on an app or router. */
const ROUTE_METHODS: ReadonlySet<string> = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'del',
  'all',
  'options',
  'head',
  'use',
  'param',
  'route',
  'addHook',
  'ext',
]);

/** Properties of a route object (`fastify.route`, `server.route`) whose value handles the request. */
const HANDLER_PROPERTIES: ReadonlySet<string> = new Set(['handler', 'preHandler', 'onRequest', 'preValidation', 'preSerialization', 'onSend']);

/** NestJS decorators that make a method answer requests or messages, by module. */
const NEST_HANDLER_DECORATORS: Record<string, ReadonlySet<string>> = {
  '@nestjs/common': new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Sse']),
  '@nestjs/microservices': new Set(['MessagePattern', 'EventPattern']),
  '@nestjs/graphql': new Set(['Query', 'Mutation', 'ResolveField', 'Subscription']),
  '@nestjs/websockets': new Set(['SubscribeMessage']),
};

/** Type names that denote an app or router when a parameter is annotated with them (`app: Express`). */
const FRAMEWORK_TYPES: ReadonlySet<string> = new Set(['Express', 'Application', 'Router', 'IRouter', 'FastifyInstance', 'Server', 'Koa']);

const FRAMEWORK_IMPORT = /(?:\bfrom\s*|\brequire\(\s*)['"](?:express|koa|@koa\/router|koa-router|fastify|@hapi\/hapi)['"]/;

/** Whether the file imports or requires a web framework at all (so route-shaped calls on unknown receivers count). */
function importsFramework(context: RuleContext): boolean {
  return context.shared.memo('importsWebFramework', () => FRAMEWORK_IMPORT.test(context.text));
}

/** Whether an expression is an app or router that a framework created, or a parameter typed as one. */
function isFrameworkReceiver(context: RuleContext, expression: TSESTree.Node, depth = 0): boolean {
  if (depth > 4) return false;
  const node = unwrapExpression(expression);
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    const callee = resolveModuleMember(context, node.callee);
    if (callee && FACTORY_PATHS[callee.module]?.includes(callee.path.join('.'))) return true;
    // `app.route('/x').get(...)`: a chain stays on the same router.
    const inner = unwrapExpression(node.callee);
    return inner.type === AST_NODE_TYPES.MemberExpression && isFrameworkReceiver(context, inner.object, depth + 1);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return false;
  if (definition.type === 'Variable') {
    const declarator = definition.node as TSESTree.VariableDeclarator;
    return declarator.id.type === AST_NODE_TYPES.Identifier && !!declarator.init && isFrameworkReceiver(context, declarator.init, depth + 1);
  }
  if (definition.type === 'Parameter') {
    const annotation = (definition.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
    if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return false;
    const typeName = annotation.typeName;
    const identifier = typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.right : typeName;
    if (identifier.type !== AST_NODE_TYPES.Identifier || !FRAMEWORK_TYPES.has(identifier.name)) return false;
    const root = typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.left : typeName;
    return root.type === AST_NODE_TYPES.Identifier && FRAMEWORK_MODULES.has(resolveModuleMember(context, root)?.module ?? '');
  }
  return false;
}

/** Whether an object (or every object of an array) declares a route: a `method`, a `path` or `url`, and a `handler`. */
function isRouteObject(argument: TSESTree.Node): boolean {
  const node = unwrapExpression(argument);
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.length > 0 && node.elements.every((element) => !!element && isRouteObject(element));
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const keys = new Set(node.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property && !property.computed ? [keyOf(property)] : [])));
  return keys.has('method') && (keys.has('path') || keys.has('url')) && (keys.has('handler') || keys.has('options'));
}

function keyOf(property: TSESTree.Property): string {
  return property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String((property.key as TSESTree.Literal).value);
}

/** Handler functions given in route objects: `{ method: 'GET', url: '/', handler(req, reply) {} }`. */
function routeObjectHandlers(context: RuleContext, argument: TSESTree.Node, found: Set<FunctionNode>): void {
  const node = unwrapExpression(argument);
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of node.elements) if (element) routeObjectHandlers(context, element, found);
    return;
  }
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = keyOf(property);
    if (key === 'options' || key === 'config') routeObjectHandlers(context, property.value, found);
    else if (HANDLER_PROPERTIES.has(key)) {
      const handler = localFunction(context, property.value);
      if (handler) found.add(handler);
    }
  }
}

/** Whether a call's first argument is a route path (`'/users/:id'`), as route registrations start. */
function startsWithPath(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  if (!first) return false;
  if (first.type === AST_NODE_TYPES.Literal) return typeof first.value === 'string' && first.value.startsWith('/');
  return first.type === AST_NODE_TYPES.TemplateLiteral && first.quasis[0]!.value.cooked?.startsWith('/') === true;
}

const REQUEST_NAMES: ReadonlySet<string> = new Set(['req', 'request']);
const RESPONSE_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'reply', 'h']);

/** A function whose parameters read `(req, res)`, `(request, reply)` and the like. */
function hasHandlerShape(context: RuleContext, argument: TSESTree.Node): boolean {
  const [request, response] = localFunction(context, argument)?.params ?? [];
  return (
    request?.type === AST_NODE_TYPES.Identifier &&
    REQUEST_NAMES.has(request.name) &&
    response?.type === AST_NODE_TYPES.Identifier &&
    RESPONSE_NAMES.has(response.name)
  );
}

/** The handlers a route registration call installs, added to `found`. */
function registeredHandlers(context: RuleContext, call: TSESTree.CallExpression, found: Set<FunctionNode>): void {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return;
  if (!ROUTE_METHODS.has(callee.property.name)) return;
  // A receiver passed in from elsewhere counts for path-first registrations in a file that uses a
  // framework, or whose callback has a handler's shape: `app.get('/x', (req, res) => …)`.
  // A `route(...)` call counts when its objects read like routes: `{ method, path, handler }`.
  const known =
    isFrameworkReceiver(context, callee.object) ||
    (startsWithPath(call) && (importsFramework(context) || call.arguments.some((argument) => hasHandlerShape(context, argument)))) ||
    (callee.property.name === 'route' && call.arguments.length === 1 && isRouteObject(call.arguments[0]!));
  if (!known) return;
  for (const argument of call.arguments) {
    const handler = localFunction(context, argument) ?? wrappedHandler(context, argument);
    if (handler) found.add(handler);
    else routeObjectHandlers(context, argument, found);
  }
}

/** The handler inside a wrapper call: `asyncHandler((req, res) => …)`, `catchErrors(listUsers)`. */
function wrappedHandler(context: RuleContext, argument: TSESTree.Node): FunctionNode | undefined {
  const node = unwrapExpression(argument);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length !== 1) return undefined;
  return localFunction(context, node.arguments[0]!);
}

const HTTP_METHOD_EXPORTS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * Handlers that a file-system router calls: the default export of a Next.js `pages/api/` file,
 * and the `GET`, `POST`, … exports of an App Router `route.ts`.
 */
function fileRouteHandlers(context: RuleContext, found: Set<FunctionNode>): void {
  const apiRoute = /(^|[\\/])pages[\\/]api[\\/]/.test(context.fileName);
  const appRoute = /(^|[\\/])route\.[cm]?[jt]sx?$/.test(context.fileName);
  if (!apiRoute && !appRoute) return;
  for (const statement of context.ast.body) {
    if (apiRoute && statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const handler = localFunction(context, statement.declaration) ?? wrappedHandler(context, statement.declaration);
      if (handler) found.add(handler);
    }
    if (!appRoute || statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || !statement.declaration) continue;
    const declaration = statement.declaration;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && HTTP_METHOD_EXPORTS.has(declaration.id.name)) found.add(declaration);
    if (declaration.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      const handler = declarator.init && localFunction(context, declarator.init);
      if (declarator.id.type === AST_NODE_TYPES.Identifier && HTTP_METHOD_EXPORTS.has(declarator.id.name) && handler) found.add(handler);
    }
  }
}

/** Whether a class method answers requests: a NestJS route, message or resolver decorator on it. */
function isNestHandler(context: RuleContext, method: TSESTree.MethodDefinition): boolean {
  return method.decorators.some((decorator) => {
    const expression = decorator.expression;
    const target = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    const member = resolveModuleMember(context, target);
    return !!member && member.path.length === 1 && NEST_HANDLER_DECORATORS[member.module]?.has(member.path[0]!) === true;
  });
}

/**
 * Every function of the file that a web framework calls for a request: handlers and
 * middleware given to Express, Koa, Fastify and Hapi registrations, NestJS route methods,
 * and Next.js API routes.
 */
export function requestHandlers(
  context: RuleContext,
  calls: readonly TSESTree.CallExpression[],
  methods: readonly TSESTree.MethodDefinition[],
): Set<FunctionNode> {
  const found = new Set<FunctionNode>();
  fileRouteHandlers(context, found);
  for (const call of calls) registeredHandlers(context, call, found);
  for (const method of methods) if (method.decorators.length > 0 && isNestHandler(context, method)) found.add(method.value as FunctionNode);
  return found;
}

/** The machine's own addresses, as a request's client address reads: `127.0.0.1`, `::1`, `::ffff:127.0.0.1`. */
const LOOPBACK = /^(?:127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/;

/**
 * The request handlers that serve only the machine's own requests: those a registration installs from a guard on that turns other
 * clients away (`if (!isLocalhost) return res.status(403)…`), the guard included: a development tool's status route, not served to users.
 */
export function loopbackOnlyHandlers(context: RuleContext, calls: readonly TSESTree.CallExpression[], handlers: ReadonlySet<FunctionNode>): Set<FunctionNode> {
  const found = new Set<FunctionNode>();
  // Most files compare no address with a loopback one: their registrations are not walked.
  if (!/127\.0\.0\.1|::1/.test(context.text)) return found;
  for (const call of calls) {
    const installed = call.arguments.map((argument) => localFunction(context, argument) ?? wrappedHandler(context, argument));
    const guard = installed.findIndex((fn) => fn !== undefined && handlers.has(fn) && turnsAwayOtherClients(context, fn));
    if (guard < 0) continue;
    for (const fn of installed.slice(guard)) if (fn && handlers.has(fn)) found.add(fn);
  }
  return found;
}

/** Whether a handler returns or throws, early, unless the client's address is a loopback one: `if (ip !== '127.0.0.1') return …`. */
function turnsAwayOtherClients(context: RuleContext, fn: FunctionNode): boolean {
  let guards = false;
  visitWithinFunction(fn.body ?? fn, (node) => {
    if (guards || node.type !== AST_NODE_TYPES.IfStatement || !exits(node.consequent)) return;
    guards = notLoopback(context, node.test);
  });
  return guards;
}

/** `return …;`, `throw …;`, or a block that ends in one. */
export function exits(statement: TSESTree.Statement): boolean {
  const last = statement.type === AST_NODE_TYPES.BlockStatement ? statement.body.at(-1) : statement;
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}

/** `ip !== '::1'`, `a !== '127.0.0.1' && a !== '::1'`, `!isLocalhost` where `isLocalhost` compares the address with loopback ones. */
function notLoopback(context: RuleContext, test: TSESTree.Expression): boolean {
  const node = unwrapExpression(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression) return node.operator === '&&' && notLoopback(context, node.left) && notLoopback(context, node.right);
  if (node.type === AST_NODE_TYPES.BinaryExpression) return (node.operator === '!==' || node.operator === '!=') && comparesWithLoopback(node);
  if (node.type !== AST_NODE_TYPES.UnaryExpression || node.operator !== '!') return false;
  const argument = unwrapExpression(node.argument);
  if (argument.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, argument)?.defs[0];
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
  if (!init) return false;
  let loopback = false;
  visitAll(init, (part) => {
    if (part.type === AST_NODE_TYPES.BinaryExpression && (part.operator === '===' || part.operator === '==') && comparesWithLoopback(part)) loopback = true;
  });
  return loopback;
}

function comparesWithLoopback(comparison: TSESTree.BinaryExpression): boolean {
  return [comparison.left, comparison.right].some(
    (side) => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string' && LOOPBACK.test(side.value),
  );
}
