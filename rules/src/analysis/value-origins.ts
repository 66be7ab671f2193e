/**
 * What the values handed to a query are computed from, to tell a call whose queries the item never
 * reaches (`getChart({ event, breakdowns })` that queries by `breakdowns` only) from one that queries
 * per item. A function's inputs are named by position, with the field read of an object: `0`,
 * `0.breakdowns`, and `this` for the object a method runs on.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { memberMutation, referencesWithin } from './loop-facts';
import { keyName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { contains, isFunction, type FunctionNode } from './scopes';
import { visitAll } from './visit';

/**
 * How a walk treats a variable it meets (with the field read of it): the inputs it stands for, `follow`
 * to look through to the values it is given, a node to read instead, or `any` when it may hold anything.
 */
export type OriginVerdict = readonly string[] | 'follow' | 'any' | { read: readonly TSESTree.Node[] };

export interface OriginReader {
  variable: (variable: Variable, field: string | undefined) => OriginVerdict;
  /** The inputs `this` stands for. */
  self: () => readonly string[] | 'any';
}

/** How many nodes one question looks at before it gives up (and answers "anything"). */
const MAX_STEPS = 400;

interface Walk {
  context: RuleContext;
  reader: OriginReader;
  inputs: Set<string>;
  seen: Set<string>;
  variables: Map<Variable, number>;
  steps: number;
  any: boolean;
}

/** The inputs that a value (or one field of it) is computed from, or undefined when it may be anything. */
export function originsOf(context: RuleContext, node: TSESTree.Node, field: string | undefined, reader: OriginReader): ReadonlySet<string> | undefined {
  const walk: Walk = { context, reader, inputs: new Set(), seen: new Set(), variables: new Map(), steps: 0, any: false };
  visitValue(walk, node, field);
  return walk.any ? undefined : walk.inputs;
}

/**
 * The inputs that a call hands to the inputs of its callee (`0.breakdowns` of `getChart({ ...input, breakdowns })`),
 * or undefined when they may be anything; every argument and the receiver when the callee's are not known.
 */
export function originsThroughCall(
  context: RuleContext,
  call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression,
  calleeInputs: readonly string[] | undefined,
  reader: OriginReader,
): ReadonlySet<string> | undefined {
  const walk: Walk = { context, reader, inputs: new Set(), seen: new Set(), variables: new Map(), steps: 0, any: false };
  if (call.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    visitValue(walk, call.quasi);
    return walk.any ? undefined : walk.inputs;
  }
  const callee = unwrapExpression(call.callee);
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined;
  const args = call.arguments;
  const spreadAt = args.findIndex((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
  if (calleeInputs === undefined) {
    if (receiver) visitValue(walk, receiver);
    for (const argument of args) visitValue(walk, argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument);
    return walk.any ? undefined : walk.inputs;
  }
  for (const input of calleeInputs) {
    if (input === 'this') {
      if (receiver) visitValue(walk, receiver);
      continue;
    }
    const dot = input.indexOf('.');
    const position = Number(dot < 0 ? input : input.slice(0, dot));
    if (spreadAt >= 0 && spreadAt <= position) return undefined;
    // A missing argument is the parameter's default, the same for every call.
    const argument = args[position];
    if (argument) visitValue(walk, argument, dot < 0 ? undefined : input.slice(dot + 1));
  }
  return walk.any ? undefined : walk.inputs;
}

function visitValue(walk: Walk, node: TSESTree.Node, field?: string): void {
  if (walk.any) return;
  if (++walk.steps > MAX_STEPS) {
    walk.any = true;
    return;
  }
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return;
    case AST_NODE_TYPES.AwaitExpression:
      visitValue(walk, value.argument, field);
      return;
    case AST_NODE_TYPES.ThisExpression:
      addInputs(walk, walk.reader.self());
      return;
    case AST_NODE_TYPES.Identifier:
      visitVariable(walk, value, field);
      return;
    case AST_NODE_TYPES.MemberExpression:
      if (value.computed) {
        visitValue(walk, value.object);
        visitValue(walk, value.property);
      } else {
        // `input.breakdowns` reads one field; a method's receiver (`ids.filter(...)`) is read whole by its call.
        visitValue(walk, value.object, isCallee(value) ? undefined : propertyName(value));
      }
      return;
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of value.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) visitValue(walk, property.argument, field);
        else if (property.computed) {
          visitValue(walk, property.key);
          visitValue(walk, property.value);
        } else if (field === undefined || keyName(property) === field) visitValue(walk, property.value);
      }
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      visitValue(walk, value.test);
      visitValue(walk, value.consequent, field);
      visitValue(walk, value.alternate, field);
      return;
    case AST_NODE_TYPES.LogicalExpression:
      visitValue(walk, value.left, field);
      visitValue(walk, value.right, field);
      return;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const callee = unwrapExpression(value.callee);
      visitValue(walk, callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? callee.object : callee);
      for (const argument of value.arguments) visitValue(walk, argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument);
      return;
    }
    default:
      visitFreeNames(walk, value);
  }
}

/** The names a node reads that it does not declare itself (a callback's own parameters come from what the call hands it). */
function visitFreeNames(walk: Walk, node: TSESTree.Node): void {
  for (const reference of referencesWithin(walk.context, node)) {
    if (walk.any) return;
    const variable = reference.resolved;
    const declaration = variable?.defs[0]?.name;
    if (!reference.isRead() || !variable || !declaration || contains(node, declaration)) continue;
    visitVariable(walk, reference.identifier as TSESTree.Identifier, readField(reference.identifier as TSESTree.Identifier));
  }
  let self = false;
  visitAll(node, (child) => {
    if (child.type === AST_NODE_TYPES.ThisExpression) self = true;
  });
  if (self) addInputs(walk, walk.reader.self());
}

/** `input.breakdowns` as a value read: the field, not when the member is a method called on it. */
function readField(identifier: TSESTree.Identifier): string | undefined {
  const member = identifier.parent;
  return member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && !member.computed && !isCallee(member)
    ? propertyName(member)
    : undefined;
}

function isCallee(member: TSESTree.MemberExpression): boolean {
  return member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

function visitVariable(walk: Walk, identifier: TSESTree.Identifier, field: string | undefined): void {
  const variable = resolveVariable(walk.context, identifier);
  // A global (`Date`, `JSON`) is the same for every call.
  if (!variable || variable.defs.length === 0) return;
  const verdict = walk.reader.variable(variable, field);
  if (verdict === 'follow') followVariable(walk, variable, field);
  else if (verdict === 'any' || Array.isArray(verdict)) addInputs(walk, verdict as readonly string[] | 'any');
  else for (const node of (verdict as { read: readonly TSESTree.Node[] }).read) visitValue(walk, node);
}

function addInputs(walk: Walk, inputs: readonly string[] | 'any'): void {
  if (inputs === 'any') walk.any = true;
  else for (const input of inputs) walk.inputs.add(input);
}

/** Every value a variable of the function is given: its initializer, its assignments, and what is pushed or set into it. */
function followVariable(walk: Walk, variable: Variable, field: string | undefined): void {
  let id = walk.variables.get(variable);
  if (id === undefined) walk.variables.set(variable, (id = walk.variables.size));
  const key = `${id}\0${field ?? ''}`;
  if (walk.seen.has(key)) return;
  walk.seen.add(key);
  for (const definition of variable.defs) {
    if (definition.type !== 'Variable') {
      walk.any = true;
      return;
    }
    const declarator = definition.node as TSESTree.VariableDeclarator;
    const head = declarator.parent?.parent;
    const source =
      declarator.init ??
      ((head?.type === AST_NODE_TYPES.ForOfStatement || head?.type === AST_NODE_TYPES.ForInStatement) && head.left === declarator.parent
        ? head.right
        : undefined);
    if (!source) continue;
    // `const { breakdowns } = input` reads one field of it; `for (const x of xs)` reads the list whole.
    const read = definition.name === declarator.id ? field : topLevelKey(declarator.id, definition.name as TSESTree.Identifier);
    visitValue(walk, source, declarator.init ? read : undefined);
  }
  for (const reference of variable.references) {
    if (walk.any) return;
    if (reference.init) continue;
    const identifier = reference.identifier as TSESTree.Identifier;
    if (reference.isWrite()) {
      const written = assignedValue(identifier);
      if (written) visitValue(walk, written.value, written.whole ? field : undefined);
      continue;
    }
    const mutation = mutationOf(identifier);
    if (mutation?.value) visitValue(walk, mutation.value);
  }
}

/** The value an assignment writes to a name, and whether it is the whole value (`x = v`) or a part (`[x] = v`, `for (x of v)`). */
function assignedValue(identifier: TSESTree.Identifier): { value: TSESTree.Node; whole: boolean } | undefined {
  let target: TSESTree.Node = identifier;
  while (
    target.parent &&
    (target.parent.type === AST_NODE_TYPES.Property ||
      target.parent.type === AST_NODE_TYPES.ObjectPattern ||
      target.parent.type === AST_NODE_TYPES.ArrayPattern ||
      target.parent.type === AST_NODE_TYPES.RestElement ||
      (target.parent.type === AST_NODE_TYPES.AssignmentPattern && target.parent.left === target))
  )
    target = target.parent;
  const parent = target.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === target) return { value: parent.right, whole: target === identifier };
  if ((parent?.type === AST_NODE_TYPES.ForOfStatement || parent?.type === AST_NODE_TYPES.ForInStatement) && parent.left === target)
    return { value: parent.right, whole: false };
  return undefined;
}

/** The key of the top-level property of an object pattern that binds a name (`breakdowns` of `{ breakdowns: initial }`). */
export function topLevelKey(pattern: TSESTree.Node, binding: TSESTree.Identifier): string | undefined {
  if (pattern.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of pattern.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && contains(property.value, binding)) return keyName(property);
  }
  return undefined;
}

/** The inputs of a function that a variable it reads stands for, when a summary of that function asks. */
export function functionInputReader(fn: FunctionNode): OriginReader {
  return {
    self: () => ['this'],
    variable: (variable, field) => {
      const definition = variable.defs[0]!;
      switch (definition.type) {
        case 'ImportBinding':
        case 'FunctionName':
        case 'ClassName':
        case 'TSEnumName':
        case 'CatchClause':
          return [];
        case 'Parameter': {
          const owner = definition.node as TSESTree.Node;
          if (owner === fn) return parameterInput(fn, definition.name as TSESTree.Identifier, field);
          const read = isFunction(owner) && contains(fn, owner) ? callbackSources(owner) : undefined;
          return read ? { read } : 'any';
        }
        case 'Variable':
          if (contains(fn, definition.name)) return 'follow';
          // A module's constant is the same for every call; a module's `let` may be changed between calls.
          return (variable.scope.type === 'module' || variable.scope.type === 'global') && definition.parent?.kind === 'const' ? [] : 'any';
        default:
          return 'any';
      }
    },
  };
}

const ITEM = ['item'];

/**
 * Whether a variable, or `this`, holds something that changes with each item of an iteration (`scope`: the loop, or the
 * callback run per item): the item itself, a value computed in the iteration from it, or a variable the iteration writes.
 */
export function itemReader(scope: TSESTree.Node): OriginReader {
  return {
    self: () => (writesThis(scope) ? ITEM : []),
    variable: (variable) => {
      const definition = variable.defs[0]!;
      if (!contains(scope, definition.name))
        return variable.references.some(
          (reference) => contains(scope, reference.identifier) && writes(reference.identifier as TSESTree.Identifier, reference.isWrite()),
        )
          ? ITEM
          : [];
      switch (definition.type) {
        case 'Variable':
          return isIterationHead(scope, definition.node as TSESTree.Node) ? ITEM : 'follow';
        case 'Parameter': {
          const owner = definition.node as TSESTree.Node;
          const read = owner !== scope && isFunction(owner) ? callbackSources(owner) : undefined;
          return read ? { read } : ITEM;
        }
        case 'FunctionName':
          return { read: [definition.node as TSESTree.Node] };
        case 'ImportBinding':
        case 'ClassName':
        case 'TSEnumName':
          return [];
        default:
          return ITEM;
      }
    },
  };
}

/** The declarator of what a loop assigns each iteration (`for (const x of xs)`, `for (let i = 0; ...)`). */
function isIterationHead(scope: TSESTree.Node, declarator: TSESTree.Node): boolean {
  switch (scope.type) {
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return contains(scope.left, declarator);
    case AST_NODE_TYPES.ForStatement:
      return !!scope.init && contains(scope.init, declarator);
    default:
      return false;
  }
}

/** Whether a reference writes its variable or changes what it holds (`x = v`, `x.field = v`, `x.push(v)`). */
function writes(identifier: TSESTree.Identifier, isWrite: boolean): boolean {
  return isWrite || !!mutationOf(identifier);
}

/** `x.field = v`, `x.items.push(v)`: a change of what a name holds made through its members. */
function mutationOf(identifier: TSESTree.Identifier): ReturnType<typeof memberMutation> {
  let top: TSESTree.Node = identifier;
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) top = top.parent;
  const mutation = top === identifier ? undefined : top.parent && memberMutation(top.parent);
  return mutation && contains(mutation.target, identifier) ? mutation : undefined;
}

/** Whether code sets a field of `this` (`this.current = item`). */
function writesThis(scope: TSESTree.Node): boolean {
  let found = false;
  visitAll(scope, (node) => {
    if (found) return;
    const mutation = memberMutation(node);
    let target = mutation && unwrapExpression(mutation.target);
    while (target?.type === AST_NODE_TYPES.MemberExpression) target = unwrapExpression(target.object);
    if (target?.type === AST_NODE_TYPES.ThisExpression) found = true;
  });
  return found;
}

/**
 * What a callback's parameters are computed from: the receiver and the other arguments of the call it is handed to
 * (`rows.map((row) => ...)`, `prisma.$transaction(async (tx) => ...)`, `withLock(key, async () => ...)`).
 */
export function callbackSources(fn: FunctionNode): TSESTree.Node[] | undefined {
  const call = fn.parent;
  if (
    (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) ||
    !call.arguments.includes(fn as TSESTree.CallExpressionArgument)
  )
    return undefined;
  const callee = unwrapExpression(call.callee);
  const others = call.arguments.filter((argument) => argument !== fn);
  return callee.type === AST_NODE_TYPES.MemberExpression ? [callee.object, ...others] : others;
}

/** `0` for the first parameter, `0.breakdowns` for a field of it read or destructured, `any` for a rest parameter. */
function parameterInput(fn: FunctionNode, binding: TSESTree.Identifier, field: string | undefined): readonly string[] | 'any' {
  const position = fn.params.findIndex((parameter) => contains(parameter, binding));
  let parameter: TSESTree.Node | undefined = fn.params[position];
  if (parameter?.type === AST_NODE_TYPES.TSParameterProperty) parameter = parameter.parameter;
  if (parameter?.type === AST_NODE_TYPES.AssignmentPattern) parameter = parameter.left;
  if (!parameter || parameter.type === AST_NODE_TYPES.RestElement) return 'any';
  const key = parameter === binding ? field : topLevelKey(parameter, binding);
  return [key === undefined ? `${position}` : `${position}.${key}`];
}
