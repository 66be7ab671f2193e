import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { isFunction, type FunctionNode } from './scopes';

/**
 * Mongoose schema functions, declared by the documented APIs: statics (`schema.statics.name = fn`, `schema.static('name', fn)`,
 * `schema.static({ name: fn })`, `schema.statics = { name: fn }`, the `statics` option of `new Schema(definition, options)`),
 * which the model gets as its own (`this` is the model), and instance methods (`methods`, `method`), which its documents get.
 */
export type SchemaSide = 'statics' | 'methods';

const SINGULAR: Record<SchemaSide, string> = { statics: 'static', methods: 'method' };

/** `new Schema(...)`, `new mongoose.Schema(...)`: a schema Mongoose makes. */
function isMongooseSchema(context: RuleContext, node: TSESTree.Node): node is TSESTree.NewExpression {
  if (node.type !== AST_NODE_TYPES.NewExpression) return false;
  const made = resolveModuleMember(context, node.callee);
  return made?.module === 'mongoose' && made.path.at(-1) === 'Schema';
}

/** The `new Schema(...)` a schema's name is declared with (`const schema = new Schema(...)`), or the expression itself when it is one. */
export function schemaMade(context: RuleContext, node: TSESTree.Node): TSESTree.NewExpression | undefined {
  const expression = unwrapExpression(node);
  if (isMongooseSchema(context, expression)) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, expression)?.defs[0];
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  const made = init && unwrapExpression(init);
  return made && isMongooseSchema(context, made) ? made : undefined;
}

/** Which side of which schema a function is declared on, and under what name. */
export interface SchemaFunction {
  schema: TSESTree.NewExpression;
  side: SchemaSide;
  name: string;
}

/** The schema function `fn` is, when it is a static or an instance method of a Mongoose schema. */
export function schemaFunctionOf(context: RuleContext, fn: FunctionNode): SchemaFunction | undefined {
  const cache = context.shared.memo('schemaFunctionOf', () => new Map<FunctionNode, SchemaFunction | undefined>());
  if (cache.has(fn)) return cache.get(fn);
  const found = declaredOn(context, fn);
  cache.set(fn, found);
  return found;
}

function declaredOn(context: RuleContext, fn: FunctionNode): SchemaFunction | undefined {
  const parent = fn.parent;
  // `schema.statics.name = async function () { ... }`
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(parent.left);
    const owner = unwrapExpression(parent.left.object);
    const side = owner.type === AST_NODE_TYPES.MemberExpression ? sideNamed(propertyName(owner)) : undefined;
    const schema = side && owner.type === AST_NODE_TYPES.MemberExpression ? schemaMade(context, owner.object) : undefined;
    return schema && side && name ? { schema, side, name } : undefined;
  }
  // `schema.static('name', function () { ... })`
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === fn) {
    const named = sideCall(context, parent);
    const key = parent.arguments[0];
    return named && key?.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? { ...named, name: key.value } : undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== fn || parent.computed || parent.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const holder = objectSide(context, parent.parent);
  return holder && { ...holder, name: parent.key.name };
}

function sideNamed(name: string | undefined): SchemaSide | undefined {
  return name === 'statics' || name === 'methods' ? name : undefined;
}

/** `schema.static(...)`, `schema.method(...)`: the schema and side a call declares functions on. */
function sideCall(context: RuleContext, call: TSESTree.CallExpression): Omit<SchemaFunction, 'name'> | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(call.callee);
  const side = method === 'static' ? 'statics' : method === 'method' ? 'methods' : undefined;
  const schema = side && schemaMade(context, call.callee.object);
  return schema && side ? { schema, side } : undefined;
}

/** The schema and side an object of functions declares them on: `schema.statics = {...}`, `schema.static({...})`, `new Schema(d, { statics: {...} })`. */
function objectSide(context: RuleContext, object: TSESTree.Node): Omit<SchemaFunction, 'name'> | undefined {
  const parent = object.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === object && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const side = sideNamed(propertyName(parent.left));
    const schema = side && schemaMade(context, parent.left.object);
    return schema && side ? { schema, side } : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === object && parent.arguments.length === 1) return sideCall(context, parent);
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== object || parent.computed || parent.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const side = sideNamed(parent.key.name);
  const options = parent.parent;
  const made = options.parent;
  return side && made?.type === AST_NODE_TYPES.NewExpression && made.arguments[1] === options && isMongooseSchema(context, made)
    ? { schema: made, side }
    : undefined;
}

/** The statics or instance methods of a schema this file declares, by name (a name declared twice is left out: which one runs cannot be known). */
export function schemaFunctions(context: RuleContext, schema: TSESTree.NewExpression, side: SchemaSide): Map<string, FunctionNode> {
  const functions = new Map<string, FunctionNode>();
  for (const [name, value] of schemaMembers(context, schema, side)) if (isFunction(value)) functions.set(name, value);
  return functions;
}

/**
 * What a schema's statics or methods are set to, by name: functions, or other values (`schema.statics.findTree = UserGroup.findTree`,
 * another model's static). A name set twice is left out: which one runs cannot be known.
 */
export function schemaMembers(context: RuleContext, schema: TSESTree.NewExpression, side: SchemaSide): Map<string, TSESTree.Node> {
  const cache = context.shared.memo('schemaMembers', () => new Map<TSESTree.NewExpression, Partial<Record<SchemaSide, Map<string, TSESTree.Node>>>>());
  const known = cache.get(schema) ?? {};
  cache.set(schema, known);
  return (known[side] ??= collect(context, schema, side));
}

function collect(context: RuleContext, schema: TSESTree.NewExpression, side: SchemaSide): Map<string, TSESTree.Node> {
  const found = new Map<string, TSESTree.Node | undefined>();
  const add = (name: string, value: TSESTree.Node): void => {
    found.set(name, found.has(name) ? undefined : unwrapExpression(value));
  };
  const addAll = (object: TSESTree.Node): void => {
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const property of object.properties)
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier)
        add(property.key.name, property.value);
  };
  const options = schema.arguments[1];
  if (options?.type === AST_NODE_TYPES.ObjectExpression)
    for (const property of options.properties)
      if (property.type === AST_NODE_TYPES.Property && !property.computed && propertyKey(property) === side) addAll(unwrapExpression(property.value));
  const declarator = schema.parent;
  const variable =
    declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier
      ? resolveVariable(context, declarator.id)
      : undefined;
  for (const reference of variable?.references ?? []) {
    const use = reference.identifier.parent;
    if (use?.type !== AST_NODE_TYPES.MemberExpression || use.object !== reference.identifier) continue;
    const member = propertyName(use);
    const above = use.parent;
    if (member === side && above?.type === AST_NODE_TYPES.AssignmentExpression && above.left === use) addAll(unwrapExpression(above.right));
    else if (member === side && above?.type === AST_NODE_TYPES.MemberExpression && above.object === use) {
      const name = propertyName(above);
      const assignment = above.parent;
      if (name && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === above) add(name, assignment.right);
    } else if (member === SINGULAR[side] && above?.type === AST_NODE_TYPES.CallExpression && above.callee === use) {
      const [first, second] = above.arguments;
      if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && second) add(first.value, second);
      else if (first && !second) addAll(unwrapExpression(first));
    }
  }
  const members = new Map<string, TSESTree.Node>();
  for (const [name, value] of found) if (value) members.set(name, value);
  return members;
}

function propertyKey(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}

/** The function `this` belongs to: the nearest enclosing function that is not an arrow function. */
export function thisFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) return current;
  }
  return undefined;
}

/** The static of the same schema a `this.name` call in a static runs (`this.findGroupsWithDescendantsRecursively(...)`, recursion too). */
export function siblingStatic(context: RuleContext, callee: TSESTree.Node): FunctionNode | undefined {
  const node = unwrapExpression(callee);
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = propertyName(node);
  const fn = name ? thisFunction(node) : undefined;
  const owner = fn && schemaFunctionOf(context, fn);
  return owner?.side === 'statics' ? schemaFunctions(context, owner.schema, 'statics').get(name!) : undefined;
}

/** The schema a model is compiled from: `mongoose.model('User', schema)`, `connection.model(...)`, a project helper handed the schema. */
export function modelSchema(context: RuleContext, node: TSESTree.Node): TSESTree.NewExpression | undefined {
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, expression)?.defs[0];
    const declarator = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    if (!declarator?.init) return undefined;
    expression = unwrapExpression(declarator.init);
  }
  // `mongoose.models.User || mongoose.model('User', schema)`
  if (expression.type === AST_NODE_TYPES.LogicalExpression) expression = unwrapExpression(expression.right);
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length < 2) return undefined;
  const name = expression.arguments[0];
  if (name?.type !== AST_NODE_TYPES.Literal || typeof name.value !== 'string') return undefined;
  const schema = expression.arguments[1];
  return schema && schema.type !== AST_NODE_TYPES.SpreadElement ? schemaMade(context, schema) : undefined;
}
