import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Definition, Reference, ScopeManager, Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { contains, isFunction, type FunctionNode } from './scopes';
import { visitSameThis, visitWithinFunction } from './visit';

/** A value that comes from a module: `fs.promises.readFile` is `{ module: 'fs', path: ['promises', 'readFile'] }`. */
export interface ModuleMember {
  module: string;
  path: string[];
}

/** `node:fs` and `fs` are the same module. */
export function normalizeModule(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/** Every identifier that reads or writes a variable, mapped to its reference (built once per file). */
function referencesByIdentifier(context: RuleContext): Map<TSESTree.Node, Reference> {
  return context.shared.memo('referencesByIdentifier', () => {
    const references = new Map<TSESTree.Node, Reference>();
    for (const scope of context.scopeManager.scopes) {
      for (const reference of scope.references) references.set(reference.identifier, reference);
    }
    return references;
  });
}

/**
 * Makes `parameter`, written by the analysis for a function it reads in place of one the code hands by reference
 * (`rows.map(handleRow)` as `(item) => handleRow(item)`), resolve as that function's parameter and its one use.
 */
export function declareStandInParameter(context: RuleContext, parameter: TSESTree.Identifier, fn: FunctionNode): void {
  const variable = { name: parameter.name, identifiers: [parameter], defs: [{ type: 'Parameter', name: parameter, node: fn }], references: [] as Reference[] };
  const reference = {
    identifier: parameter,
    resolved: variable,
    isRead: () => true,
    isWrite: () => false,
    isReadOnly: () => true,
    isWriteOnly: () => false,
    isReadWrite: () => false,
  } as unknown as Reference;
  variable.references.push(reference);
  referencesByIdentifier(context).set(parameter, reference);
}

/** The variable an identifier refers to, or undefined for globals and unresolved names. */
export function resolveVariable(context: RuleContext, identifier: TSESTree.Identifier): Variable | undefined {
  const reference = referencesByIdentifier(context).get(identifier);
  if (reference) return reference.resolved ?? shadowedLibGlobal(context, identifier);
  return declaredVariable(context.scopeManager, identifier);
}

/**
 * `const Promise = require('bluebird')` at the top of a CommonJS script: the declaration joins the built-in's own variable of the
 * global scope, whose uses the scope manager leaves unresolved. The file's one declaration is what the name refers to.
 */
function shadowedLibGlobal(context: RuleContext, identifier: TSESTree.Identifier): Variable | undefined {
  const global = context.scopeManager.globalScope?.set.get(identifier.name);
  return global?.defs.length === 1 ? global : undefined;
}

/** The variable an identifier declares (a binding, not a use). */
function declaredVariable(scopeManager: ScopeManager, identifier: TSESTree.Identifier): Variable | undefined {
  for (let node: TSESTree.Node | undefined = identifier.parent; node; node = node.parent) {
    const variables = scopeManager.getDeclaredVariables(node);
    const found = variables.find((variable) => variable.identifiers.includes(identifier));
    if (found) return found;
    if (node.type === AST_NODE_TYPES.VariableDeclaration || node.type.startsWith('Import')) break;
  }
  return undefined;
}

/** True when `name` is not declared anywhere in the file's scopes, so it is the global of that name. */
export function isGlobalReference(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const reference = referencesByIdentifier(context).get(identifier);
  // Built-ins such as `Array` resolve to the library's implicit variables, which have no declaration in the file.
  return !reference || !reference.resolved || reference.resolved.defs.length === 0;
}

/** Whether a node is the global of that name (`Promise`, `Proxy`), not a declaration of the file. */
export function isGlobalName(context: RuleContext, node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name && isGlobalReference(context, node);
}

/** `data` of `Buffer.from(data)` with the global `Buffer`; undefined for any other value. */
export function bufferedData(context: RuleContext, node: TSESTree.Node): TSESTree.Node | undefined {
  const value = unwrapExpression(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(value.callee);
  const data = value.arguments[0];
  const fromBuffer = callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'from' && isGlobalName(context, callee.object, 'Buffer');
  return fromBuffer && data && data.type !== AST_NODE_TYPES.SpreadElement ? data : undefined;
}

/** The module specifier of a `require('x')` call whose `require` is the global one. */
export function requiredModule(context: RuleContext, node: TSESTree.Node): string | undefined {
  if (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0]!.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0]!.value === 'string' &&
    isGlobalReference(context, node.callee)
  ) {
    return normalizeModule(node.arguments[0]!.value);
  }
  return undefined;
}

/** The name of a property's key written as a name or a string (`in`, `'$in'`). */
export function keyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier && !property.computed) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/** `files` of `this.files`, `#files` of `this.#files`. */
export function fieldName(member: TSESTree.MemberExpression): string | undefined {
  return member.computed ? undefined : fieldKeyName(member.property);
}

export function fieldKeyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${key.name}` : undefined;
}

/** The type a class declares for `this.<field>`, as a property (`bookmark: Bookmark;`) or a constructor parameter property (`private bookmark: Bookmark`). */
export function classFieldType(field: TSESTree.MemberExpression): TSESTree.TypeNode | undefined {
  const name = fieldName(field);
  let classBody: TSESTree.Node | undefined = field.parent;
  while (classBody && classBody.type !== AST_NODE_TYPES.ClassBody) classBody = classBody.parent;
  if (name === undefined || classBody?.type !== AST_NODE_TYPES.ClassBody) return undefined;
  for (const member of classBody.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && fieldKeyName(member.key) === name)
      return member.typeAnnotation?.typeAnnotation;
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
    for (const parameter of member.value.params) {
      const declared = parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : undefined;
      if (declared?.type === AST_NODE_TYPES.Identifier && declared.name === name) return declared.typeAnnotation?.typeAnnotation;
    }
  }
  return undefined;
}

/** `null` or `undefined`: no value. */
export function isNothing(expression: TSESTree.Node): boolean {
  const value = unwrapExpression(expression);
  return (
    (value.type === AST_NODE_TYPES.Literal && value.value === null && !('regex' in value)) ||
    (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined')
  );
}

/** An expression, or what the `const` it names holds (`const latest = db.selectFrom('t').as('latest')`); undefined for another variable. */
export function constValueOf(context: RuleContext, node: TSESTree.Node): TSESTree.Node | undefined {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return expression;
  const definition = resolveVariable(context, expression)?.defs[0];
  const declarator = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
  return declarator?.init && declarator.id === definition!.name ? unwrapExpression(declarator.init) : undefined;
}

/** What a provider type hands out when called: the return type of `() => Knex`, the class of `ModelProxy<typeof Bill>`. */
export function providedType(type: TSESTree.TypeNode | undefined): TSESTree.TypeNode | undefined {
  if (type?.type === AST_NODE_TYPES.TSFunctionType) return type.params.length === 0 ? type.returnType?.typeAnnotation : undefined;
  const only = type?.type === AST_NODE_TYPES.TSTypeReference && type.typeArguments?.params.length === 1 ? type.typeArguments.params[0] : undefined;
  return only?.type === AST_NODE_TYPES.TSTypeQuery ? only : undefined;
}

/** The name of a property or method of an object type (`db: DB`, `'db': DB`, `run(db: DB): void`). */
export function signatureName(member: TSESTree.TSPropertySignature | TSESTree.TSMethodSignature): string | undefined {
  if (member.computed) return undefined;
  if (member.key.type === AST_NODE_TYPES.Identifier) return member.key.name;
  return member.key.type === AST_NODE_TYPES.Literal ? String(member.key.value) : undefined;
}

/** The name of a non-computed property, or of a computed one given as a string literal. */
export function propertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string') return member.property.value;
  return undefined;
}

/** The expression a node is the operand of only to state its type (`x as T`, `x satisfies T`, `x!`, `<T>x`), or the node itself. */
export function typeWrapped(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    current.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.parent?.type === AST_NODE_TYPES.TSTypeAssertion
  )
    current = current.parent;
  return current;
}

/** Strips `await`, parentheses-free TS wrappers (`x as T`, `x!`, `<T>x`) and `satisfies`. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

const MAX_ALIAS_DEPTH = 8;

/**
 * What module member an expression denotes, following imports, `require`, destructuring
 * and `const` aliases: `readFileSync` after `const { readFileSync } = require('node:fs')`
 * is `{ module: 'fs', path: ['readFileSync'] }`. Undefined for anything not from a module.
 */
export function resolveModuleMember(context: RuleContext, expression: TSESTree.Node, depth = 0): ModuleMember | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  const node = unwrapExpression(expression);
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(node);
    if (name === undefined) return undefined;
    const base = resolveModuleMember(context, node.object, depth + 1);
    return base && { module: base.module, path: [...base.path, name] };
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const module = requiredModule(context, node);
    return module === undefined ? undefined : { module, path: [] };
  }
  // `await import('./service')`: the module once loaded, as `require('./service')` is.
  if (node.type === AST_NODE_TYPES.AwaitExpression) {
    const loaded = unwrapExpression(node.argument);
    return loaded.type === AST_NODE_TYPES.ImportExpression && loaded.source.type === AST_NODE_TYPES.Literal && typeof loaded.source.value === 'string'
      ? { module: normalizeModule(loaded.source.value), path: [] }
      : undefined;
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(context, node);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  const identifier = variable.identifiers[0] as TSESTree.Identifier | undefined;
  if (definition.type === 'ImportBinding') return importedMember(definition.node as TSESTree.Node);
  if (definition.type === 'Parameter' && isMixinParameter(definition.node as TSESTree.Node, node)) return { module: MIXIN_TARGET, path: [] };
  if (definition.type !== 'Variable' || !identifier) return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (!declarator.init || ((declarator.parent as TSESTree.VariableDeclaration).kind !== 'const' && isReassigned(variable))) {
    return undefined;
  }
  const base = resolveModuleMember(context, declarator.init, depth + 1);
  if (!base) return undefined;
  const patternPath = pathInPattern(declarator.id, identifier);
  return patternPath && { module: base.module, path: [...base.path, ...patternPath] };
}

/**
 * The module a mixin is applied to: `module` in `module.exports = function (module) { module.getObject = … }`, which another file
 * calls with its own exports (`require('./hash')(db)`); the project index tells which file that is.
 */
export const MIXIN_TARGET = './<mixin target>';

/** The module object of a file: `module.exports`, `exports`, a `const` that names it, or the object a mixin is given (see `isMixin`). */
export function isModuleObject(context: RuleContext, node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (isExportsObject(context, value)) return true;
  const init = value.type === AST_NODE_TYPES.Identifier ? constValueOf(context, value) : undefined;
  if (init && isExportsObject(context, init)) return true;
  const member = resolveModuleMember(context, value);
  return member?.path.length === 0 && member.module === MIXIN_TARGET;
}

/** The one parameter of the function a CommonJS file exports (`module.exports = function (User) {…}`), as the function names it. */
function isMixinParameter(fn: TSESTree.Node, parameter: TSESTree.Identifier): boolean {
  return (
    isMixin(fn) &&
    (fn as FunctionNode).params[0]?.type === AST_NODE_TYPES.Identifier &&
    ((fn as FunctionNode).params[0] as TSESTree.Identifier).name === parameter.name
  );
}

/**
 * `module.exports = function (module) {…}` at the top of a file: a function of one parameter, the object it adds members to.
 * A factory handed a client (`module.exports = (sequelize) => { const Digest = sequelize.define(…) }`) adds none, and is no mixin.
 */
export function isMixin(fn: TSESTree.Node): fn is FunctionNode {
  const assignment = fn.parent;
  return (
    isFunction(fn) &&
    fn.params.length === 1 &&
    fn.params[0]!.type === AST_NODE_TYPES.Identifier &&
    assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
    assignment.right === fn &&
    isModuleExports(assignment.left) &&
    assignment.parent?.type === AST_NODE_TYPES.ExpressionStatement &&
    assignment.parent.parent?.type === AST_NODE_TYPES.Program &&
    addsMembersTo(fn, fn.params[0]!.name)
  );
}

const membersAdded = new WeakMap<FunctionNode, boolean>();

/** Whether the function assigns a member of its parameter (`module.getObject = …`, `User.auth.login = …`). */
function addsMembersTo(fn: FunctionNode, parameter: string): boolean {
  let adds = membersAdded.get(fn);
  if (adds !== undefined) return adds;
  adds = false;
  visitWithinFunction(fn.body, (node) => {
    if (adds || node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
    let object: TSESTree.Node = node.left.object;
    while (object.type === AST_NODE_TYPES.MemberExpression) object = object.object;
    adds = object.type === AST_NODE_TYPES.Identifier && object.name === parameter;
  });
  membersAdded.set(fn, adds);
  return adds;
}

/** Lodash and the libraries that copy its functions (underscore, es-toolkit), whole or one function per module (`lodash/map`, `lodash.map`). */
const LODASH_MODULES = /^(?:lodash|lodash-es|lodash[/.]\w+|es-toolkit(?:\/\w+)?|underscore)$/;

/**
 * The name of the lodash function a call calls: `map` for `_.map(xs, fn)`, `map(xs, fn)` imported from `lodash-es`, `_map(xs, fn)`
 * of `import _map from 'lodash/map'` (named by its module) or of `require('lodash.map')`. None for lodash/fp, whose functions take
 * their arguments in another order.
 */
export function lodashFunctionName(context: RuleContext, call: TSESTree.CallExpression): string | undefined {
  const member = resolveModuleMember(context, call.callee);
  if (!member || !LODASH_MODULES.test(member.module) || member.module === 'lodash/fp') return undefined;
  const path = member.path[0] === 'default' ? member.path.slice(1) : member.path;
  if (path.length > 1) return undefined;
  return path[0] ?? (/[/.]/.test(member.module) ? member.module.split(/[/.]/).pop() : undefined);
}

export function isReassigned(variable: Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

function importedMember(node: TSESTree.Node): ModuleMember | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    if (reference.type === AST_NODE_TYPES.TSExternalModuleReference && typeof reference.expression.value === 'string') {
      return { module: normalizeModule(reference.expression.value), path: [] };
    }
    return undefined;
  }
  const declaration = node.parent;
  if (!declaration || declaration.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  const module = normalizeModule(declaration.source.value);
  if (node.type === AST_NODE_TYPES.ImportSpecifier) {
    const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
    return { module, path: imported === 'default' ? [] : [imported] };
  }
  // A default or namespace import of a CommonJS or built-in module is the module object itself.
  return { module, path: [] };
}

/**
 * `findUserById` of `const { users: { findUserById } } = queries`: the value a constant is destructured from and the keys down
 * to it, so that a call of it reads as `queries.users.findUserById(...)`.
 */
export function destructuredSource(context: RuleContext, identifier: TSESTree.Identifier): { init: TSESTree.Expression; path: string[] } | undefined {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || isReassigned(variable!)) return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) return undefined;
  const path = pathInPattern(declarator.id, definition.name as TSESTree.Identifier);
  return path && path.length > 0 ? { init: declarator.init, path } : undefined;
}

/** The property path that leads from a destructuring pattern's root to `target`, `[]` for a plain name. */
function pathInPattern(pattern: TSESTree.Node, target: TSESTree.Identifier): string[] | undefined {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return pathInPattern(pattern.left, target);
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = property.computed
      ? property.key.type === AST_NODE_TYPES.Literal
        ? String(property.key.value)
        : undefined
      : property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : String((property.key as TSESTree.Literal).value);
    if (key === undefined) continue;
    const rest = pathInPattern(property.value, target);
    if (rest) return [key, ...rest];
  }
  return undefined;
}

/**
 * `export const getUser = cache(async (id) => prisma.user.findUnique(...))` with React's `cache`:
 * it only shares a result between calls with the same arguments within one request, so each
 * other argument still runs the function.
 */
function requestMemoized(context: RuleContext, node: TSESTree.Node | null | undefined): FunctionNode | undefined {
  const call = node && unwrapExpression(node);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return undefined;
  const member = resolveModuleMember(context, call.callee);
  return member?.module === 'react' && member.path.join('.') === 'cache' ? asFunction(call.arguments[0]) : undefined;
}

/** Whether a function is the one React's `cache` wraps (`cache(async (id) => ...)`). */
export function isRequestMemoized(context: RuleContext, fn: TSESTree.Node): boolean {
  const call = fn.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === fn && requestMemoized(context, call) === fn;
}

function asFunction(node: TSESTree.Node | null | undefined): FunctionNode | undefined {
  const value = node && unwrapExpression(node);
  return value && isFunction(value) ? value : undefined;
}

/**
 * What `this` is at `node`: the class whose method or field initializer the nearest non-arrow function is, or the object
 * literal whose method it is (`module.exports = { load() {…}, loadAll() { this.load() } }`).
 */
function ownerOfThis(node: TSESTree.Node): { body: TSESTree.ClassBody; isStatic: boolean } | { object: TSESTree.ObjectExpression } | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) {
      const method = current.parent;
      if (method?.type === AST_NODE_TYPES.Property && method.value === current && method.parent.type === AST_NODE_TYPES.ObjectExpression)
        return { object: method.parent };
      if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== current) return undefined;
      return { body: method.parent, isStatic: method.static };
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition && current.value && contains(current.value, node)) {
      return { body: current.parent, isStatic: current.static };
    }
  }
  return undefined;
}

const MAX_LOCAL_BASES = 6;

/**
 * Where `this.name` or `super.name` in a class method is looked up: the class bodies of this file along its bases (its own
 * first, not for `super`), then the imported class the chain ends in, if any (`extends BlockTypeService<Relation>`).
 */
export function inheritedLookup(
  context: RuleContext,
  member: TSESTree.MemberExpression,
): { bodies: TSESTree.ClassBody[]; isStatic: boolean; imported?: ModuleMember } | undefined {
  const owner = member.object.type === AST_NODE_TYPES.ThisExpression || member.object.type === AST_NODE_TYPES.Super ? ownerOfThis(member) : undefined;
  if (!owner || 'object' in owner) return undefined;
  const bodies: TSESTree.ClassBody[] = [];
  let declaration: TSESTree.Node | undefined = owner.body.parent;
  for (
    let step = 0;
    step < MAX_LOCAL_BASES && (declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.ClassExpression);
    step++
  ) {
    if (step > 0 || member.object.type === AST_NODE_TYPES.ThisExpression) bodies.push(declaration.body);
    const base: TSESTree.Node | null = declaration.superClass;
    if (!base) break;
    const imported = resolveModuleMember(context, base) ?? classFactoryOf(context, base);
    if (imported) return { bodies, isStatic: owner.isStatic, ...(imported.path.length <= 1 && { imported }) };
    declaration = base.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, base)?.defs[0]?.node : undefined;
  }
  return { bodies, isStatic: owner.isStatic };
}

/**
 * `extends BaseClass` with `const BaseClass = makeModelClass({...})`, or `extends withAudit(Base)`: the imported function
 * whose call gives the base, a class factory whose returned class the project index knows (see `returnedClassBase`).
 */
export function classFactoryOf(context: RuleContext, base: TSESTree.Node): ModuleMember | undefined {
  let made = unwrapExpression(base);
  if (made.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, made)?.defs[0];
    const declarator = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    if (!declarator?.init || declarator.id !== definition!.name) return undefined;
    made = unwrapExpression(declarator.init);
  }
  if (made.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const factory = resolveModuleMember(context, made.callee);
  return factory && factory.path.length === 1 && !factory.module.startsWith('node:') ? factory : undefined;
}

/** Whether a class body declares a member `name` of that side (static or instance), whatever it holds. */
export function declaresMember(body: TSESTree.ClassBody, name: string, isStatic: boolean): boolean {
  return body.body.some(
    (member) =>
      member.type !== AST_NODE_TYPES.StaticBlock &&
      member.type !== AST_NODE_TYPES.TSIndexSignature &&
      member.static === isStatic &&
      !member.computed &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === name,
  );
}

/** The method (or function-valued field) `name` of a class body, static or not. */
export function classMember(body: TSESTree.ClassBody, name: string, isStatic: boolean): FunctionNode | undefined {
  for (const member of body.body) {
    if (member.type === AST_NODE_TYPES.StaticBlock || member.type === AST_NODE_TYPES.TSIndexSignature) continue;
    if (member.static !== isStatic || member.computed || member.key.type !== AST_NODE_TYPES.Identifier || member.key.name !== name) continue;
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method') return member.value as TSESTree.FunctionExpression;
    if (member.type === AST_NODE_TYPES.PropertyDefinition) return asFunction(member.value);
  }
  return undefined;
}

/** `this.#load(id)`: the private method (or function-valued private field) of the class the call is written in, the only class that can call it. */
function privateMethod(member: TSESTree.MemberExpression): FunctionNode | undefined {
  const { property } = member;
  if (property.type !== AST_NODE_TYPES.PrivateIdentifier) return undefined;
  for (const element of classBodyAround(member)?.body ?? []) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) continue;
    if (element.key.type !== AST_NODE_TYPES.PrivateIdentifier || element.key.name !== property.name) continue;
    return element.type === AST_NODE_TYPES.MethodDefinition ? (element.kind === 'method' ? asFunction(element.value) : undefined) : asFunction(element.value);
  }
  return undefined;
}

/**
 * `this`, or the `this` an alias holds (`const self = this`, `var that = this` declared once and never set again), which
 * older code keeps to reach the instance from callbacks that have their own `this`.
 */
export function thisOf(context: RuleContext, node: TSESTree.Node): TSESTree.ThisExpression | undefined {
  if (node.type === AST_NODE_TYPES.ThisExpression) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(context, node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.id !== definition.name) return undefined;
  const init = definition.node.init && unwrapExpression(definition.node.init);
  const reassigned = variable!.references.some((reference) => reference.isWrite() && !reference.init);
  return init?.type === AST_NODE_TYPES.ThisExpression && !reassigned ? init : undefined;
}

/**
 * What every `this.name = value` in the methods of a class sets the field to (`async init() { this.repo = source.getRepository(User) }`),
 * in the order written; an assignment of nothing (`this.client = null` on close) is left out.
 */
export function thisAssignments(
  context: RuleContext,
  declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
): readonly TSESTree.Node[] {
  const byClass = context.shared.memo('thisAssignments', () => new WeakMap<TSESTree.Node, Map<string, TSESTree.Node[]>>());
  let assigned = byClass.get(declaration);
  if (!assigned) {
    const found = new Map<string, TSESTree.Node[]>();
    for (const element of declaration.body.body) {
      if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static || !element.value.body) continue;
      visitSameThis(element.value.body, (node) => {
        if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || isNothing(node.right)) return;
        const target = node.left;
        const field =
          target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression ? propertyName(target) : undefined;
        if (field !== undefined) found.set(field, [...(found.get(field) ?? []), node.right]);
      });
    }
    assigned = found;
    byClass.set(declaration, assigned);
  }
  return assigned.get(name) ?? [];
}

/** The instance field `name` declared in the class whose method or field holds `node` (`private recordDir = …`). */
export function instanceFieldOf(node: TSESTree.Node, name: string | undefined): TSESTree.PropertyDefinition | undefined {
  let body: TSESTree.Node | undefined = node.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
  if (!body || name === undefined) return undefined;
  return body.body.find(
    (member): member is TSESTree.PropertyDefinition =>
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.static &&
      !member.computed &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === name,
  );
}

/** The function declaration with a body among a name's declarations: the implementation of an overloaded function, after its signatures. */
function implementationOf(definitions: readonly Definition[]): TSESTree.FunctionDeclaration | undefined {
  const bodies = definitions.filter((definition) => definition.node.type === AST_NODE_TYPES.FunctionDeclaration);
  return bodies.length === 1 ? (bodies[0]!.node as TSESTree.FunctionDeclaration) : undefined;
}

/** `getStreamsFactory(deps)` called as `getStreamsFactory(deps)(ids)`: the function a factory of this file makes, written as its expression body. */
export function madeLocalFunction(context: RuleContext, callee: TSESTree.Node): FunctionNode | undefined {
  const node = unwrapExpression(callee);
  const body = node.type === AST_NODE_TYPES.CallExpression ? localFunction(context, node.callee)?.body : undefined;
  return body?.type === AST_NODE_TYPES.BlockStatement ? undefined : asFunction(body);
}

/**
 * The function of this file that calling `callee` runs: a function expression itself, a
 * function declaration or `const` function by name, `this.method` inside its class (or a base class of this file) or
 * object literal, `super.method`, or a `ClassName.staticMethod`. Undefined when it cannot be known.
 */
export function localFunction(context: RuleContext, callee: TSESTree.Node): FunctionNode | undefined {
  const node = unwrapExpression(callee);
  const direct = asFunction(node);
  if (direct) return direct;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(context, node);
    if (!variable) return undefined;
    // `function toDto(row: Row, full: true): Full;` and the other signatures of an overloaded function, then its body.
    if (variable.defs.length > 1 && variable.defs.every((definition) => definition.type === 'FunctionName')) return implementationOf(variable.defs);
    if (variable.defs.length !== 1) return undefined;
    const definition = variable.defs[0]!;
    if (definition.type === 'FunctionName') return definition.node as TSESTree.FunctionDeclaration;
    if (definition.type !== 'Variable' || isReassigned(variable)) return undefined;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    return declarator.id.type === AST_NODE_TYPES.Identifier ? (asFunction(declarator.init) ?? requestMemoized(context, declarator.init)) : undefined;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed) return undefined;
  if (node.property.type === AST_NODE_TYPES.PrivateIdentifier) return privateMethod(node);
  if (node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = node.property.name;
  if (isExportsObject(context, node.object)) return exportedFunction(context, name);
  if (node.object.type === AST_NODE_TYPES.ThisExpression || node.object.type === AST_NODE_TYPES.Super) {
    const owner = ownerOfThis(node);
    if (owner && 'object' in owner) return node.object.type === AST_NODE_TYPES.ThisExpression ? objectMember(owner.object, name) : undefined;
    // An inherited method of a base class of this file, or the base's own under `super.name`.
    const lookup = owner && inheritedLookup(context, node);
    for (const body of lookup?.bodies ?? []) if (declaresMember(body, name, lookup!.isStatic)) return classMember(body, name, lookup!.isStatic);
    return undefined;
  }
  if (node.object.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(context, node.object);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type === 'ClassName') {
      const declaration = definition.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
      return classMember(declaration.body, name, true);
    }
    // `const utils = { readConfig() { … } }`: a method of an object literal that is never reassigned.
    if (definition?.type !== 'Variable' || isReassigned(variable!)) return undefined;
    const init = (definition.node as TSESTree.VariableDeclarator).init;
    const object = init && unwrapExpression(init);
    if (object && isModuleExports(object)) return assignedMember(context, node.object, name, context.ast.body);
    if (object?.type === AST_NODE_TYPES.ObjectExpression)
      return objectMember(object, name) ?? madeFunction(context, objectProperty(object, name)) ?? assignedBeside(context, node.object, name, definition.node);
    // `var Revision = sequelize.define(...); Revision.saveNoteRevision = function (note, callback) {…}`: a function set on the value.
    const made = object && ownClassMade(context, object);
    if (made) return classMember(made.body, name, false);
    return object ? assignedBeside(context, node.object, name, definition.node) : undefined;
  }
  return undefined;
}

/** `Table.findOne(name)`, awaited or not, with `Table` a class of this file whose static method hands out its own instance: that class. */
function ownClassMade(context: RuleContext, value: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const call = unwrapExpression(value.type === AST_NODE_TYPES.AwaitExpression ? value.argument : value);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const owner = call.callee.object.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, call.callee.object)?.defs[0] : undefined;
  const method = propertyName(call.callee);
  if (owner?.type !== 'ClassName' || method === undefined) return undefined;
  const declaration = owner.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
  const finder = classMember(declaration.body, method, true);
  return finder && handsOutOwnInstance(declaration, finder) ? declaration : undefined;
}

/** `module.exports`, the CommonJS exports object. */
export function isModuleExports(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'module' &&
    propertyName(node) === 'exports'
  );
}

/** `exports` or `module.exports` of a CommonJS file, where no variable of the file takes either name. */
function isExportsObject(context: RuleContext, node: TSESTree.Node): boolean {
  const root = isModuleExports(node) ? (node as TSESTree.MemberExpression).object : node;
  return root.type === AST_NODE_TYPES.Identifier && (root.name === 'exports' || root !== node) && !resolveVariable(context, root)?.defs.length;
}

/**
 * `exports.updateHistory(...)` in the file that exports it: the function of a top-level `exports.updateHistory = …`,
 * `module.exports.updateHistory = …` or `module.exports = { updateHistory }`, when the file sets that name once.
 */
function exportedFunction(context: RuleContext, name: string): FunctionNode | undefined {
  const values: TSESTree.Node[] = [];
  for (const statement of context.ast.body) {
    const assignment = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') continue;
    const target = assignment.left;
    if (target.type === AST_NODE_TYPES.MemberExpression && isExportsObject(context, target.object) && propertyName(target) === name)
      values.push(assignment.right);
    const object = isModuleExports(target) ? unwrapExpression(assignment.right) : undefined;
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of object.properties)
      if (property.type === AST_NODE_TYPES.Property && !property.computed && keyName(property) === name) values.push(property.value);
  }
  const value = values.length === 1 ? unwrapExpression(values[0]!) : undefined;
  if (!value) return undefined;
  return asFunction(value) ?? (value.type === AST_NODE_TYPES.Identifier ? localFunction(context, value) : undefined);
}

/** The function a statement beside a variable's declaration (in the same block) assigns to `owner.name`. */
function assignedBeside(context: RuleContext, owner: TSESTree.Identifier, name: string, declarator: TSESTree.Node): FunctionNode | undefined {
  const block = declarator.parent?.parent;
  if (block?.type !== AST_NODE_TYPES.Program && block?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  return assignedMember(context, owner, name, block.body);
}

/** `const topics = module.exports; topics.canView = async function (…) {…}`: the function one of `statements` assigns to `owner.name`. */
function assignedMember(
  context: RuleContext,
  owner: TSESTree.Identifier,
  name: string,
  statements: readonly TSESTree.ProgramStatement[],
): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const target = statement.expression.left;
    if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.Identifier || target.object.name !== owner.name) continue;
    if (propertyName(target) !== name) continue;
    // Assigned twice, it cannot be known which one a call runs.
    if (found) return undefined;
    found = asFunction(statement.expression.right);
    if (!found) return undefined;
  }
  return found;
}

/** The function an object literal's property `name` holds. */
function objectMember(object: TSESTree.ObjectExpression, name: string): FunctionNode | undefined {
  return asFunction(objectProperty(object, name));
}

/** The value of the property `name` written in an object literal. */
function objectProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name) {
      return property.value;
    }
  }
  return undefined;
}

/** `getCollection('runs')` of `function getCollection(name) { return () => db.collection(name); }`: the function a call of a function of this file makes. */
export function madeFunction(context: RuleContext, node: TSESTree.Node | undefined): FunctionNode | undefined {
  const call = node && unwrapExpression(node);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const body = localFunction(context, call.callee)?.body;
  if (!body || body.type !== AST_NODE_TYPES.BlockStatement) return asFunction(body);
  const returns = body.body.filter((statement): statement is TSESTree.ReturnStatement => statement.type === AST_NODE_TYPES.ReturnStatement);
  return returns.length === 1 ? asFunction(returns[0]!.argument) : undefined;
}

/**
 * `self.updateCrops(…)` in `methods(self) { return { async updateCrops(…) {…}, async updateAll() { await self.updateCrops(…) } }; }`:
 * a method of the object literal a module factory returns, called through the instance the factory is handed as its `self` parameter.
 */
export function factoryMethod(context: RuleContext, callee: TSESTree.Node): FunctionNode | undefined {
  const node = unwrapExpression(callee);
  // `self` is the name such factories give the instance; a parameter of any other name (`deps`, `db`) is another object.
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.object.type !== AST_NODE_TYPES.Identifier || node.object.name !== 'self')
    return undefined;
  const name = propertyName(node);
  const definition = resolveVariable(context, node.object)?.defs;
  const factory = definition?.length === 1 && definition[0]!.type === 'Parameter' ? asFunction(definition[0]!.node) : undefined;
  if (!factory || name === undefined) return undefined;
  if (factory.body.type !== AST_NODE_TYPES.BlockStatement) {
    const returned = unwrapExpression(factory.body);
    return returned.type === AST_NODE_TYPES.ObjectExpression ? objectMember(returned, name) : undefined;
  }
  for (const statement of factory.body.body) {
    const returned = statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument ? unwrapExpression(statement.argument) : undefined;
    if (returned?.type === AST_NODE_TYPES.ObjectExpression) return objectMember(returned, name);
  }
  return undefined;
}

/** `(req): ReqContext`, `async (): Promise<ReqContext>`: the type a function declares it returns (a promise's value for a promise). */
export function declaredReturnType(fn: FunctionNode): TSESTree.TypeNode | undefined {
  const type = fn.returnType?.typeAnnotation;
  const promised =
    type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Promise'
      ? type.typeArguments?.params[0]
      : undefined;
  return promised ?? type;
}

/** `KyselyDB | KyselyTransaction` of a helper that returns the handle or the transaction it is given: the first member that is not empty, as `unionClass` reads it. */
export function firstNamedType(type: TSESTree.TypeNode | undefined): TSESTree.TypeNode | undefined {
  if (type?.type !== AST_NODE_TYPES.TSUnionType) return type;
  return type.types.find((member) => member.type !== AST_NODE_TYPES.TSNullKeyword && member.type !== AST_NODE_TYPES.TSUndefinedKeyword);
}

/**
 * `static findOne(where): Table | null`, `static async load(id) { …; return new this(row); }`: whether a static method hands out an instance
 * of its own class, by the type it declares it returns or, without one, by a `return` of `new this(...)` or `new Table(...)`.
 */
export function handsOutOwnInstance(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, method: FunctionNode): boolean {
  const isOwnClass = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.ThisExpression || (node.type === AST_NODE_TYPES.Identifier && node.name === declaration.id?.name);
  const declared = firstNamedType(declaredReturnType(method));
  if (declared) return declared.type === AST_NODE_TYPES.TSThisType || (declared.type === AST_NODE_TYPES.TSTypeReference && isOwnClass(declared.typeName));
  let found = false;
  visitWithinFunction(method.body ?? method, (node) => {
    if (node.type !== AST_NODE_TYPES.ReturnStatement || !node.argument) return;
    const returned = unwrapExpression(node.argument);
    // `row ? new this(row) : null`: either branch.
    const values = returned.type === AST_NODE_TYPES.ConditionalExpression ? [returned.consequent, returned.alternate] : [returned];
    found ||= values.some((value) => {
      const made = unwrapExpression(value);
      return made.type === AST_NODE_TYPES.NewExpression && isOwnClass(made.callee);
    });
  });
  return found;
}

/** What the class around `this.name` (`this.#name`) sets that field to (see `fieldSetting`). */
export function thisFieldSetting(member: TSESTree.MemberExpression): TSESTree.Expression | undefined {
  const { property } = member;
  if (property.type !== AST_NODE_TYPES.Identifier && property.type !== AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const body = classBodyAround(member);
  return body && fieldSetting(body, property.name, property.type === AST_NODE_TYPES.PrivateIdentifier);
}

/** The body of the class a `this` belongs to, however deep in its methods. */
export function classBodyAround(node: TSESTree.Node): TSESTree.ClassBody | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === AST_NODE_TYPES.ClassBody) return current;
  return undefined;
}

/**
 * What `this.name` (`this.#name` when `isPrivate`) of a class is set to where the class is made: its field's initializer, or
 * what a statement of the constructor assigns it (`this.#findById = buildFindById(pool)(table)`).
 */
export function fieldSetting(body: TSESTree.ClassBody, name: string, isPrivate: boolean): TSESTree.Expression | undefined {
  const keyType = isPrivate ? AST_NODE_TYPES.PrivateIdentifier : AST_NODE_TYPES.Identifier;
  const named = (key: TSESTree.Node): boolean => key.type === keyType && key.name === name;
  for (const element of body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && !element.computed && named(element.key) && element.value) return element.value;
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'constructor') continue;
    for (const statement of element.value.body?.body ?? []) {
      const assignment = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
      if (
        assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
        assignment.operator === '=' &&
        assignment.left.type === AST_NODE_TYPES.MemberExpression &&
        assignment.left.object.type === AST_NODE_TYPES.ThisExpression &&
        !assignment.left.computed &&
        named(assignment.left.property)
      )
        return assignment.right;
    }
  }
  return undefined;
}

/** `{ execute: false }`, `{ enableAutoPipelining: true }`: an options object among the arguments that sets `name` to the literal `value`. */
export function setsOption(args: readonly TSESTree.Node[], name: string, value: boolean): boolean {
  return args.some(
    (argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression &&
      argument.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          keyName(property) === name &&
          property.value.type === AST_NODE_TYPES.Literal &&
          property.value.value === value,
      ),
  );
}
