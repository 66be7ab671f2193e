/** Lists whose length the code states, wherever they are written: shared by the rules that ask whether a loop or a `Promise.all` is bounded. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { projectModels } from './orm';
import { memberMutation } from './loop-facts';
import { importedExportListed } from './project-exports';
import { isGlobalReference, localFunction, lodashFunctionName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { visitAll, visitWithinFunction } from './visit';

/**
 * `import { PLATFORMS } from './platforms'` with `export const PLATFORMS = [...] as const` there: an
 * imported constant that holds a literal array or object, as the project model knows it of every
 * file (through re-exports of files it indexes). It holds as many items as its file lists.
 */
export function isImportedFixedList(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  return importedExportListed(context, identifier, projectModels(context)?.fixedLists);
}

/**
 * `getDefaultActions(entity)` where that function, of this file (a method too: `this.availableFeatures()`) or exported
 * by another file of the project, returns only object or array literals without a spread (`return { [Kind.Create]: …,
 * [Kind.Delete]: … }`, `cond ? [A, B] : [C]`): as many keys or items as it writes, whatever it is given.
 */
export function returnsFixedLiteral(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const fn = localFunction(context, call.callee) ?? inheritedMethod(context, call.callee);
  if (!fn) return importedExportListed(context, call.callee, projectModels(context)?.fixedReturns);
  if (fn.body?.type !== AST_NODE_TYPES.BlockStatement) return !!fn.body && (isFixedLiteral(fn.body) || isFixedField(context, fn.body));
  let returns = 0;
  let fixed = true;
  visitWithinFunction(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.ReturnStatement) return;
    returns++;
    // `getDefaults() { return this.defaults }`: a field the class writes out holds as many items wherever it is handed.
    if (!node.argument || !(isFixedLiteral(node.argument) || isFixedField(context, node.argument))) fixed = false;
  });
  return returns > 0 && fixed;
}

/** The methods that list what an object (`Object.keys`), a `Map`, a `Set` or an array holds. */
export const COLLECTION_VIEWS = /^(?:keys|values|entries)$/;

/**
 * `this.defaults` of `private readonly defaults = new Map([['theme', 'dark'], ['digest', 'weekly']])`, or of a constructor's
 * `this.channels = ['email', 'push']`, also as `this.defaults.keys()`: a field of the class written out as a non-empty literal
 * (an array, an object, a `Map` or `Set` of one) that no code of the class assigns again or fills. It holds as many items as written.
 */
export function isFixedField(context: RuleContext, node: TSESTree.Node): boolean {
  let field = unwrapExpression(node);
  // `this.defaults.keys()`: no more items than the collection holds.
  if (
    field.type === AST_NODE_TYPES.CallExpression &&
    field.arguments.length === 0 &&
    field.callee.type === AST_NODE_TYPES.MemberExpression &&
    COLLECTION_VIEWS.test(propertyName(field.callee) ?? '')
  )
    field = unwrapExpression(field.callee.object);
  if (field.type !== AST_NODE_TYPES.MemberExpression || field.computed || unwrapExpression(field.object).type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = propertyName(field);
  const body = ownerOf(context, field);
  if (name === undefined || body?.type !== AST_NODE_TYPES.ClassBody) return false;
  const values: TSESTree.Node[] = [];
  let changed = false;
  visitAll(body, (member) => {
    if (
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      !member.static &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      !member.computed &&
      member.key.name === name &&
      member.value
    )
      values.push(member.value);
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.computed || propertyName(member) !== name) return;
    if (unwrapExpression(member.object).type !== AST_NODE_TYPES.ThisExpression) return;
    const parent = member.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) {
      if (inConstructor(parent)) values.push(parent.right);
      else changed = true;
    }
    // `this.defaults.set(key, value)`, `this.channels.push(channel)`: filled as the program runs.
    const call = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === member ? parent.parent : undefined;
    if (call && memberMutation(call)?.target === member) changed = true;
  });
  return !changed && values.length === 1 && isWrittenCollection(context, values[0]!);
}

/** `['a', 'b']`, `{ a: 1 }`, `new Map([['a', 1]])`, `new Set(['a'])`: a non-empty collection whose items the code writes out. */
function isWrittenCollection(context: RuleContext, node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.NewExpression) {
    const entries = value.arguments.length === 1 ? unwrapExpression(value.arguments[0]!) : undefined;
    return (
      value.callee.type === AST_NODE_TYPES.Identifier &&
      (value.callee.name === 'Map' || value.callee.name === 'Set') &&
      isGlobalReference(context, value.callee) &&
      !!entries &&
      isWrittenCollection(context, entries) &&
      entries.type === AST_NODE_TYPES.ArrayExpression
    );
  }
  const count =
    value.type === AST_NODE_TYPES.ArrayExpression ? value.elements.length : value.type === AST_NODE_TYPES.ObjectExpression ? value.properties.length : 0;
  return count > 0 && isFixedLiteral(value);
}

/** `this.availableFeatures()` in a class whose base class, declared in the file, has that method. */
function inheritedMethod(context: RuleContext, callee: TSESTree.Node): TSESTree.FunctionExpression | undefined {
  const member = unwrapExpression(callee);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = propertyName(member);
  let owner: TSESTree.Node | undefined = member.parent;
  while (owner && owner.type !== AST_NODE_TYPES.ClassDeclaration && owner.type !== AST_NODE_TYPES.ClassExpression) owner = owner.parent;
  const base = owner?.superClass?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, owner.superClass)?.defs[0] : undefined;
  if (base?.type !== 'ClassName' || name === undefined) return undefined;
  for (const element of (base.node as TSESTree.ClassDeclaration).body.body) {
    if (
      element.type === AST_NODE_TYPES.MethodDefinition &&
      !element.static &&
      !element.computed &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.key.name === name &&
      element.value.type === AST_NODE_TYPES.FunctionExpression
    )
      return element.value;
  }
  return undefined;
}

/** An object or array literal without a spread, or a choice between such literals. */
function isFixedLiteral(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.ConditionalExpression) return isFixedLiteral(inner.consequent) && isFixedLiteral(inner.alternate);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return inner.elements.every((element) => element?.type !== AST_NODE_TYPES.SpreadElement);
  return inner.type === AST_NODE_TYPES.ObjectExpression && inner.properties.every((property) => property.type === AST_NODE_TYPES.Property);
}

/** Lodash's helpers that answer with some of the items of the list handed first, no others. */
export const SUBSET_HELPERS =
  /^(?:difference|differenceBy|differenceWith|intersection|intersectionBy|without|uniq|uniqBy|sortBy|orderBy|compact|take|takeRight)$/;

/** `difference(configurable, features)` of lodash: the list handed first, of which it keeps some items. */
export function subsetSourceOf(context: RuleContext, call: TSESTree.CallExpression, helpers = SUBSET_HELPERS): TSESTree.Node | undefined {
  const first = call.arguments[0];
  if (first?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return helpers.test(lodashFunctionName(context, call) ?? '') ? first : undefined;
}

/** `DEFAULTS` in `Object.keys(DEFAULTS)`, `Object.values(...)`, `Object.entries(...)`: the object whose keys the call lists. */
export function objectReadByKeys(context: RuleContext, call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !COLLECTION_VIEWS.test(propertyName(callee) ?? '')) return undefined;
  const object = callee.object;
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Object' || !isGlobalReference(context, object)) return undefined;
  return call.arguments[0] && unwrapExpression(call.arguments[0]);
}

/** `Object.values(Status)`, `Object.keys(DEFAULTS)`: the members of an enum or of an object written in the code, here or in an imported constant. */
export function keysOfFixedObject(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const argument = objectReadByKeys(context, call);
  return !!argument && isFixedObject(context, argument, 0);
}

/** `OfferStatus` in `for (const status in OfferStatus)`: an enum or an object whose keys the code writes, here or in an imported constant. */
export function hasFixedKeys(context: RuleContext, node: TSESTree.Node): boolean {
  return isFixedObject(context, node, 0);
}

/** How many objects made from one another (`omit(FEATURES, ...)` of an enum, a spread of a constant) are followed. */
const MAX_OBJECT_DEPTH = 3;

/** Lodash's helpers that answer with some of the keys of the object handed first, no others. */
const KEY_SUBSET_HELPERS = /^(?:omit|omitBy|pick|pickBy)$/;

/** An object whose keys the code writes: a literal, an enum, a constant holding one, a function returning one, or some keys of such an object. */
function isFixedObject(context: RuleContext, node: TSESTree.Node, depth: number): boolean {
  const argument = unwrapExpression(node);
  if (argument.type === AST_NODE_TYPES.ObjectExpression) return writesOwnKeys(context, argument, depth);
  // `Object.keys(getDefaultActions(entity))`: the keys the function writes.
  const made = unwrapAwaited(argument);
  if (made.type === AST_NODE_TYPES.CallExpression) {
    // `Object.entries(omit(FEATURE, FEATURE.ALL))`: some of the members of the object handed first.
    const subset = subsetSourceOf(context, made, KEY_SUBSET_HELPERS);
    if (subset) return depth < MAX_OBJECT_DEPTH && isFixedObject(context, subset, depth + 1);
    return returnsFixedLiteral(context, made);
  }
  if (argument.type === AST_NODE_TYPES.MemberExpression) return isImportedEnumMember(context, argument);
  if (argument.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, argument);
  const definition = variable?.defs[0];
  if (!variable || !definition) return false;
  if (definition.type === 'TSEnumName') return true;
  // An imported enum or constant: by convention its name is capitalized, or its file writes it out (`export const providers = { … }`).
  // A module namespace (`import * as rewards`) has the members its module exports.
  if (definition.type === 'ImportBinding')
    return /^[A-Z]/.test(argument.name) || definition.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier || isImportedFixedList(context, argument);
  if (definition.type !== 'Variable') return false;
  const init = (definition.node as TSESTree.VariableDeclarator).init;
  const whole = (definition.node as TSESTree.VariableDeclarator).id === definition.name;
  if (!init || !whole || (definition.parent as TSESTree.VariableDeclaration).kind !== 'const' || gainsKeysFromData(variable)) return false;
  // `const defaults = await getDefaultActions(entity); Object.keys(defaults)`.
  const value = unwrapAwaited(init);
  if (value.type === AST_NODE_TYPES.CallExpression) return returnsFixedLiteral(context, value);
  // `const seen = {}` handed to `collect(rows, seen)`: the keys are written where it is filled.
  if (value.type !== AST_NODE_TYPES.ObjectExpression || (value.properties.length === 0 && handedAway(context, variable))) return false;
  return writesOwnKeys(context, value, depth);
}

/**
 * `$Enums.Role`, `Prisma.ModelName`, `enums.OrderStatus`: a capitalized member of an imported module or namespace
 * (Prisma's generated client, a package of shared enums), by convention an enum or a constant its module writes out.
 */
function isImportedEnumMember(context: RuleContext, member: TSESTree.MemberExpression): boolean {
  const root = unwrapExpression(member.object);
  if (member.computed || root.type !== AST_NODE_TYPES.Identifier || !/^[A-Z]/.test(propertyName(member) ?? '')) return false;
  const definition = resolveVariable(context, root)?.defs[0];
  return definition?.type === 'ImportBinding' && (/^[A-Z$]/.test(root.name) || definition.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
}

/** `{ a: 1, ...BASE }`: keys written out, and spreads only of objects whose keys the code writes. */
function writesOwnKeys(context: RuleContext, object: TSESTree.ObjectExpression, depth: number): boolean {
  return object.properties.every(
    (property) => property.type === AST_NODE_TYPES.Property || (depth < MAX_OBJECT_DEPTH && isFixedObject(context, property.argument, depth + 1)),
  );
}

/** Handed to a call (`Object.assign(seen, row)`, `fill(seen)`), which may add keys to it; `Object.keys(seen)` only lists them. */
function handedAway(context: RuleContext, variable: Variable): boolean {
  return variable.references.some(({ identifier }) => {
    const parent = identifier.parent;
    return (
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.includes(identifier as TSESTree.Identifier) &&
      objectReadByKeys(context, parent) !== identifier
    );
  });
}

/** `totals[row.userId] = ...`, `(groups[key] ??= []).push(item)`: an object given keys computed from data has as many as the data has values. */
function gainsKeysFromData(variable: Variable): boolean {
  return variable.references.some(({ identifier }) => {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier || !member.computed) return false;
    if (member.property.type === AST_NODE_TYPES.Literal) return false;
    return member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member;
  });
}

/** `await x` as `x`. */
export function unwrapAwaited(node: TSESTree.Node): TSESTree.Node {
  const inner = unwrapExpression(node);
  return inner.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(inner.argument) : inner;
}

/** A field that sorts items into a few kinds: `channelType`, `kind`, `status`, `dataSource`, `provider`. */
export const CATEGORY_FIELD = /^(?:type|kind|status|category|channel|provider|source)$|[a-z](?:Type|Kind|Status|Category|Channel|Provider|Source)$/;

/**
 * `byType` of `const byType = new Map(); for (const row of rows) byType.set(row.entityType, ...)`, also as
 * `byType.entries()` or `Object.entries(byKind)` of `byKind[item.kind] = ...`: a map or object filled only
 * under keys that sort items into kinds holds a few groups, one per kind.
 */
export function isCategoryGrouping(context: RuleContext, node: TSESTree.Node): boolean {
  let inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const read = objectReadByKeys(context, inner);
    const callee = unwrapExpression(inner.callee);
    inner =
      read ??
      (callee.type === AST_NODE_TYPES.MemberExpression && COLLECTION_VIEWS.test(propertyName(callee) ?? '') && inner.arguments.length === 0
        ? unwrapExpression(callee.object)
        : inner);
  }
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, inner);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
  const empty = init && unwrapExpression(init);
  const isEmptyMap =
    empty?.type === AST_NODE_TYPES.NewExpression &&
    empty.callee.type === AST_NODE_TYPES.Identifier &&
    empty.callee.name === 'Map' &&
    empty.arguments.length === 0;
  const isEmptyObject = empty?.type === AST_NODE_TYPES.ObjectExpression && empty.properties.length === 0;
  if (!variable || (!isEmptyMap && !isEmptyObject)) return false;
  const isCategory = (key: TSESTree.Node): boolean => {
    const name = key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.MemberExpression ? lastNameOf(key) : undefined;
    return name !== undefined && CATEGORY_FIELD.test(name);
  };
  let writes = 0;
  for (const { identifier } of variable.references) {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) continue;
    const call = member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member ? member.parent : undefined;
    const written = member.computed && member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member;
    if (isEmptyMap && call && propertyName(member) === 'set') {
      if (!call.arguments[0] || !isCategory(unwrapExpression(call.arguments[0]))) return false;
      writes++;
    } else if (isEmptyObject && written) {
      if (!member.computed || !isCategory(unwrapExpression(member.property))) return false;
      writes++;
    }
  }
  return writes > 0;
}

/** `type` of `row.entityType` or of `type`. */
function lastNameOf(node: TSESTree.Identifier | TSESTree.MemberExpression): string | undefined {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : propertyName(node);
}

/** Where an instance keeps the options it was made with: `this.options`, `this.config`, `this.pluginOptions`, an injected `this.configService`. */
const CONFIGURATION_HOLDER = /^(?:options|opts|config|configuration|settings|config(?:uration)?Service)$|[a-z](?:Options|Config)$/;

/**
 * `this.options.replication.replicas`, `options.groups` of a constructor's `options`, `this.shardCount` set only by the
 * constructor from `options.shardCount`: a list or count the instance was configured with, as many as whoever deploys it
 * wrote, not as many as a request or a table holds.
 */
export function isConfigured(context: RuleContext, node: TSESTree.Node, followFields = true): boolean {
  let root = unwrapExpression(node);
  let first: TSESTree.MemberExpression | undefined;
  // `this.configService.customFields[entityName]`: a setting picked by a key is still a setting.
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    first = root;
    root = unwrapExpression(root.object);
  }
  if (!first || first.computed) return false;
  if (root.type === AST_NODE_TYPES.ThisExpression)
    return (
      CONFIGURATION_HOLDER.test(propertyName(first) ?? '') || (followFields && first === unwrapExpression(node) && isFieldSetFromConfiguration(context, first))
    );
  if (root.type !== AST_NODE_TYPES.Identifier || !CONFIGURATION_HOLDER.test(root.name)) return false;
  return isConstructorParameter(context, root);
}

function isConstructorParameter(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const definition = resolveVariable(context, identifier)?.defs[0];
  const owner = definition?.type === 'Parameter' ? definition.node : undefined;
  return owner?.parent?.type === AST_NODE_TYPES.MethodDefinition && owner.parent.kind === 'constructor';
}

/** `this.shardCount = Math.max(1, options.shardCount ?? 2)` in the constructor, and nowhere else: the field holds a setting. */
function isFieldSetFromConfiguration(context: RuleContext, field: TSESTree.MemberExpression): boolean {
  const name = propertyName(field);
  let classBody: TSESTree.Node | undefined = field.parent;
  while (classBody && classBody.type !== AST_NODE_TYPES.ClassBody) classBody = classBody.parent;
  if (name === undefined || !classBody) return false;
  let assignments = 0;
  let fromConfiguration = true;
  visitAll(classBody, (node) => {
    if (
      node.type === AST_NODE_TYPES.PropertyDefinition &&
      !node.computed &&
      node.value &&
      node.key.type === AST_NODE_TYPES.Identifier &&
      node.key.name === name
    )
      fromConfiguration = false;
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
    if (node.left.object.type !== AST_NODE_TYPES.ThisExpression || propertyName(node.left) !== name) return;
    assignments++;
    if (!inConstructor(node) || !isSettingValue(context, node.right)) fromConfiguration = false;
  });
  return assignments > 0 && fromConfiguration;
}

function inConstructor(node: TSESTree.Node): boolean {
  let owner: TSESTree.Node | undefined = node.parent;
  while (
    owner &&
    owner.type !== AST_NODE_TYPES.FunctionExpression &&
    owner.type !== AST_NODE_TYPES.FunctionDeclaration &&
    owner.type !== AST_NODE_TYPES.ArrowFunctionExpression
  )
    owner = owner.parent;
  return owner?.parent?.type === AST_NODE_TYPES.MethodDefinition && owner.parent.kind === 'constructor';
}

/** `options.shardCount`, `options.shardCount ?? 2`, `Math.max(1, options.shardCount)`: a setting, with a default or floor written in the code. */
function isSettingValue(context: RuleContext, value: TSESTree.Node): boolean {
  const inner = unwrapExpression(value);
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'number';
  if (inner.type === AST_NODE_TYPES.LogicalExpression) return isSettingValue(context, inner.left) && isSettingValue(context, inner.right);
  if (
    inner.type === AST_NODE_TYPES.CallExpression &&
    inner.callee.type === AST_NODE_TYPES.MemberExpression &&
    inner.callee.object.type === AST_NODE_TYPES.Identifier &&
    inner.callee.object.name === 'Math' &&
    isGlobalReference(context, inner.callee.object)
  )
    return inner.arguments.length > 0 && inner.arguments.every((argument) => isSettingValue(context, argument));
  // Another field's setting is not followed, so two fields set from each other end.
  return inner.type === AST_NODE_TYPES.MemberExpression && isConfigured(context, inner, false);
}

/** The largest cap of a `slice` that still counts as a few items: a page of results or a batch of a thousand is many. */
const MAX_SLICE_CAP = 100;

/** How many steps of constants and arithmetic a cap is followed through. */
const MAX_CAP_DEPTH = 4;

/**
 * `memories.slice(0, MAX_MEMORIES)`, `creates.slice(0, Math.max(0, this.LIMIT - used))`, `recent.slice(-5)`: the items of a
 * list cut to a small count written in the code, whatever the list holds.
 */
export function isCappedSlice(context: RuleContext, call: TSESTree.CallExpression): boolean {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'slice') return false;
  const [start, end] = call.arguments;
  const from = start && unwrapExpression(start);
  if (!end) return from?.type === AST_NODE_TYPES.UnaryExpression && from.operator === '-' && smallCount(context, from.argument, 0);
  return from?.type === AST_NODE_TYPES.Literal && from.value === 0 && smallCount(context, end, 0);
}

/** A number no larger than `MAX_SLICE_CAP` that the code states: a literal, a constant or a field holding one, or the smaller of it and anything. */
function smallCount(context: RuleContext, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_CAP_DEPTH) return false;
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'number' && value.value <= MAX_SLICE_CAP;
    case AST_NODE_TYPES.Identifier: {
      const definition = resolveVariable(context, value)?.defs[0];
      const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
      return declarator?.parent.kind === 'const' && !!declarator.init && smallCount(context, declarator.init, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression: {
      const held = fieldValue(context, value);
      return !!held && smallCount(context, held, depth + 1);
    }
    // `LIMIT - used`: the cap less what is taken already (counts are never negative).
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === '-' && smallCount(context, value.left, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      const callee = value.callee;
      const math = callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Math';
      const name = math ? propertyName(callee) : undefined;
      const small = (argument: TSESTree.CallExpressionArgument): boolean =>
        argument.type !== AST_NODE_TYPES.SpreadElement && smallCount(context, argument, depth + 1);
      if (name === 'min') return value.arguments.some(small);
      if (name === 'max') return value.arguments.length > 0 && value.arguments.every(small);
      return false;
    }
    default:
      return false;
  }
}

/**
 * The value written for a constant field named in capitals: `this.MAX_ITEMS` of an object literal's method or of a class
 * (`static MAX_ITEMS = 20`, `readonly MAX_ITEMS = 20`), `Limits.MAX_ITEMS` of a `const` object.
 */
function fieldValue(context: RuleContext, member: TSESTree.MemberExpression): TSESTree.Node | undefined {
  const name = member.computed ? undefined : propertyName(member);
  if (!name || !/^[A-Z][A-Z0-9_]*$/.test(name)) return undefined;
  const holder = ownerOf(context, member);
  if (holder?.type === AST_NODE_TYPES.ObjectExpression) {
    const property = holder.properties.find(
      (candidate): candidate is TSESTree.Property =>
        candidate.type === AST_NODE_TYPES.Property && !candidate.computed && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === name,
    );
    return property?.value;
  }
  if (holder?.type === AST_NODE_TYPES.ClassBody) {
    const field = holder.body.find(
      (candidate): candidate is TSESTree.PropertyDefinition =>
        candidate.type === AST_NODE_TYPES.PropertyDefinition &&
        !candidate.computed &&
        candidate.key.type === AST_NODE_TYPES.Identifier &&
        candidate.key.name === name,
    );
    return field?.value ?? undefined;
  }
  return undefined;
}

/** The object literal or class body `this` or a `const` names. */
function ownerOf(context: RuleContext, member: TSESTree.MemberExpression): TSESTree.ObjectExpression | TSESTree.ClassBody | undefined {
  const object = unwrapExpression(member.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, object)?.defs[0];
    const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    const init = declarator?.parent.kind === 'const' && declarator.init ? unwrapExpression(declarator.init) : undefined;
    if (init?.type === AST_NODE_TYPES.ObjectExpression) return init;
    if (definition?.type === 'ClassName') return (definition.node as TSESTree.ClassDeclaration).body;
    return undefined;
  }
  if (object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  // `this` of a method (not an arrow function, which keeps the `this` around it).
  for (let current: TSESTree.Node | undefined = member.parent; current; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.FunctionExpression && current.type !== AST_NODE_TYPES.FunctionDeclaration) continue;
    const owner = current.parent;
    if (owner?.type === AST_NODE_TYPES.Property) return owner.parent?.type === AST_NODE_TYPES.ObjectExpression ? owner.parent : undefined;
    if (owner?.type === AST_NODE_TYPES.MethodDefinition) return owner.parent;
    return undefined;
  }
  return undefined;
}
