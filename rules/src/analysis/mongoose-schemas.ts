import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { isFunction, type FunctionNode } from './scopes';

/**
 * Mongoose schema statics, declared by the documented APIs (`schema.statics.name = fn`, `schema.static('name', fn)`,
 * `schema.static({ name: fn })`, `schema.statics = { name: fn }`, the `statics` option of `new Schema(definition, options)`),
 * which the model gets as its own (`this` is the model).
 */

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

/** Which schema a static is declared on, and under what name. */
export interface SchemaFunction {
  schema: TSESTree.NewExpression;
  name: string;
}

/** The schema function `fn` is, when it is a static of a Mongoose schema. */
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
    const schema = owner.type === AST_NODE_TYPES.MemberExpression && propertyName(owner) === 'statics' ? schemaMade(context, owner.object) : undefined;
    return schema && name ? { schema, name } : undefined;
  }
  // `schema.static('name', function () { ... })`
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[1] === fn) {
    const schema = staticsCallSchema(context, parent);
    const key = parent.arguments[0];
    return schema && key?.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? { schema, name: key.value } : undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== fn || parent.computed || parent.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const schema = staticsObjectSchema(context, parent.parent);
  return schema && { schema, name: parent.key.name };
}

/** `schema.static(...)`: the schema a call declares statics on. */
function staticsCallSchema(context: RuleContext, call: TSESTree.CallExpression): TSESTree.NewExpression | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'static') return undefined;
  return schemaMade(context, call.callee.object);
}

/** The schema an object of functions declares statics on: `schema.statics = {...}`, `schema.static({...})`, `new Schema(d, { statics: {...} })`. */
function staticsObjectSchema(context: RuleContext, object: TSESTree.Node): TSESTree.NewExpression | undefined {
  const parent = object.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === object && parent.left.type === AST_NODE_TYPES.MemberExpression)
    return propertyName(parent.left) === 'statics' ? schemaMade(context, parent.left.object) : undefined;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === object && parent.arguments.length === 1)
    return staticsCallSchema(context, parent);
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== object || parent.computed || parent.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  const options = parent.parent;
  const made = options.parent;
  return parent.key.name === 'statics' && made?.type === AST_NODE_TYPES.NewExpression && made.arguments[1] === options && isMongooseSchema(context, made)
    ? made
    : undefined;
}

/** The statics of a schema this file declares, by name (a name declared twice is left out: which one runs cannot be known). */
export function schemaFunctions(context: RuleContext, schema: TSESTree.NewExpression): Map<string, FunctionNode> {
  const functions = new Map<string, FunctionNode>();
  for (const [name, value] of schemaMembers(context, schema)) if (isFunction(value)) functions.set(name, value);
  return functions;
}

/**
 * What a schema's statics are set to, by name: functions, or other values (`schema.statics.findTree = UserGroup.findTree`,
 * another model's static). A name set twice is left out: which one runs cannot be known.
 */
export function schemaMembers(context: RuleContext, schema: TSESTree.NewExpression): Map<string, TSESTree.Node> {
  const cache = context.shared.memo('schemaMembers', () => new Map<TSESTree.NewExpression, Map<string, TSESTree.Node>>());
  const known = cache.get(schema) ?? collect(context, schema);
  cache.set(schema, known);
  return known;
}

function collect(context: RuleContext, schema: TSESTree.NewExpression): Map<string, TSESTree.Node> {
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
      if (property.type === AST_NODE_TYPES.Property && !property.computed && propertyKey(property) === 'statics') addAll(unwrapExpression(property.value));
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
    if (member === 'statics' && above?.type === AST_NODE_TYPES.AssignmentExpression && above.left === use) addAll(unwrapExpression(above.right));
    else if (member === 'statics' && above?.type === AST_NODE_TYPES.MemberExpression && above.object === use) {
      const name = propertyName(above);
      const assignment = above.parent;
      if (name && assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === above) add(name, assignment.right);
    } else if (member === 'static' && above?.type === AST_NODE_TYPES.CallExpression && above.callee === use) {
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
  return owner ? schemaFunctions(context, owner.schema).get(name!) : undefined;
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
