/** What a repeated query does to each row, read from its own arguments: it decides which batched form keeps its meaning. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { rootObject } from './await-patterns';
import { callChainTop, calleeChainNames } from './names';
import type { QueryMatch } from './queries';
import { keyName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { contains } from './scopes';
import { member, objectOf, relationWrites, type RelationWrites } from './prisma-relation-writes';
import { transactionScopeOf } from './transaction-handles';
import { visitAll, visitWithinFunction } from './visit';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';

export interface QueryShape {
  /** The values written read the item or what its iteration computes: each row gets its own, which one update over the ids cannot give. */
  perRow?: boolean;
  /** Prisma relation writes in the data: `connect` / `disconnect` / `set` of related rows (`link`), or rows written through the relation (`nested`). */
  relations?: RelationWrites;
  /** An upsert whose `update` is `{}`: it only creates the rows that are missing. */
  createsOnly?: boolean;
  /** The fields the item gives the row's key (`userId` and `teamId` of `userId_teamId: { userId, teamId }`); with two or more no one list of ids names the rows. */
  keyFields: string[];
  /** The fields of each branch of a filter the item picks (`...(tagged ? { version } : { labels: { has } })`): one OR over them all. */
  keyBranches?: string[][];
  /** A Prisma create whose created row the code goes on to use (`const tag = await prisma.tag.create(...)`, then `tag.id`). */
  usesCreated?: true;
  /** A Prisma create in a `try` whose `catch` tolerates a unique-key failure (`P2002`): the rows may already exist. */
  toleratesDuplicates?: true;
  /** The one field of each filter of a Prisma `OR` the item sets (`OR: [{ fromId: id }, { toId: id }]`): each takes every item's values. */
  eitherFields?: string[];
  /** The filters of a Prisma `where` that read nothing of the item, as written (`tagId: { in: tagIds }`): the batched statement keeps them. */
  fixedFilters?: string[];
  /** Each row's values are one of a few the item picks (`status: failed ? 'failed' : 'done'`): one update per value does them all. */
  fewValues?: true;
  /** A Prisma update whose `where`, or a MongoDB `updateOne` whose filter, reads nothing of the item: every iteration writes the same row. */
  sameRow?: boolean;
  /** A MongoDB update of every document its filter matches (`updateMany`, `{ multi: true }`), the filter the same for every item and the modifier not: one update does them all. */
  sameDocuments?: true;
  /** The query runs in an open transaction (`prisma.$transaction(async (tx) => ...)`), where a batch `$transaction([...])` cannot be sent. */
  inTransaction: boolean;
  /** It inserts the row where none matches (`{ upsert: true }`, `onConflictDoUpdate`): an update over a list of ids would insert nothing. */
  upserts?: boolean;
}

/** Prisma's filter operators: an object of them under a field filters that field, it is not a compound key. */
const FILTER_OPERATORS =
  /^(?:equals|in|notIn|not|lt|lte|gt|gte|contains|startsWith|endsWith|mode|has|hasSome|hasEvery|isEmpty|some|every|none|is|isNot|path|search|AND|OR|NOT)$/;

/** MongoDB's writes that take a filter and then the changes. */
const MONGO_UPDATES = /^(?:update|updateOne|updateMany|findOneAndUpdate|findByIdAndUpdate|replaceOne|findOneAndReplace|findByIdAndReplace|updateAsync)$/;

/** The shape of a query written directly in the loop (`scope` is what repeats per item), or undefined when its arguments are not written out. */
export function queryShapeOf(context: RuleContext, match: QueryMatch, scope: TSESTree.Node): QueryShape | undefined {
  // A function of the project that runs the query takes arguments of its own, not the query's.
  if (match.call.type !== AST_NODE_TYPES.CallExpression || match.wrapper || match.row || match.statement) return undefined;
  const perItem = (node: TSESTree.Node | undefined): boolean | undefined => (node ? readsIteration(context, node, scope) : undefined);
  const rowValues = (node: TSESTree.Node | undefined): Pick<QueryShape, 'perRow' | 'fewValues'> => {
    const perRow = perItem(node);
    return perRow && node && takesFewValues(context, node, scope) ? { perRow, fewValues: true } : { perRow };
  };
  const inTransaction = transactionScopeOf(context, match.call) !== undefined || transactionClientParameter(context, match.call);
  const args = match.call.arguments;
  switch (match.library) {
    case 'prisma': {
      const options = objectOf(args[0]);
      if (!options) return undefined;
      const data = member(options, 'data');
      const update = member(options, 'update');
      const written = match.operation === 'upsert' ? update : data;
      const created = match.operation === 'upsert' ? member(options, 'create') : data;
      const emptyUpdate = update?.type === AST_NODE_TYPES.ObjectExpression && update.properties.length === 0;
      const where = member(options, 'where');
      return {
        sameRow:
          (match.operation === 'update' || match.operation === 'upsert') &&
          where?.type === AST_NODE_TYPES.ObjectExpression &&
          !perItem(where) &&
          !assignsIn(context, where, scope),
        ...rowValues(written),
        relations: relationWrites(context, match.operation === 'upsert' || /^create/.test(match.operation) ? created : written),
        createsOnly: match.operation === 'upsert' && emptyUpdate,
        keyFields: keyFieldsOf(context, where, scope) ?? [],
        keyBranches: keyBranchesOf(context, where, scope),
        ...(match.operation === 'create' && createdRowUsed(context, match.call) && { usesCreated: true as const }),
        ...(/^create/.test(match.operation) && catchesUniqueFailure(context, match.call, scope) && { toleratesDuplicates: true as const }),
        eitherFields: eitherFieldsOf(context, where, scope),
        fixedFilters: fixedFiltersOf(context, where, scope),
        inTransaction,
      };
    }
    case 'mongoose':
    case 'mongodb':
    case 'meteor': {
      if (!MONGO_UPDATES.test(match.operation)) return undefined;
      const options = objectOf(args[2]);
      const upsert = options && member(options, 'upsert');
      const multi = options && member(options, 'multi');
      const everyMatch = match.operation === 'updateMany' || (multi?.type === AST_NODE_TYPES.Literal && multi.value === true);
      // One document named by its `_id` (a filter on other fields may match another document each time, as a queue's claim does).
      const byId = /ById/.test(match.operation) ? args[0] : objectOf(args[0]) && member(objectOf(args[0])!, '_id') && args[0];
      return {
        perRow: perItem(args[1]),
        keyFields: [],
        inTransaction,
        upserts: upsert?.type === AST_NODE_TYPES.Literal && upsert.value === true,
        sameRow: !!byId && !perItem(byId) && !assignsIn(context, byId, scope),
        ...(everyMatch && args[0] && !perItem(args[0]) && !assignsIn(context, args[0], scope) && perItem(args[1]) && { sameDocuments: true as const }),
      };
    }
    case 'sequelize':
      return match.operation === 'update' ? { ...rowValues(args[0]), keyFields: [], inTransaction } : undefined;
    case 'typeorm': {
      if (match.operation !== 'update') return undefined;
      // `createQueryBuilder().update(Doc).set(changes).where(...).execute()`: the changes are what `set` is handed.
      const builder = match.call.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(match.call.callee) === 'createQueryBuilder';
      // `manager.update(User, criteria, changes)` names the entity first.
      const changes = builder ? chainStepArgument(match.call, 'set') : args.length >= 3 ? args[2] : args[1];
      return { ...rowValues(changes), keyFields: [], inTransaction };
    }
    case 'mikro-orm':
      return match.operation === 'nativeUpdate' ? { ...rowValues(args[2]), keyFields: [], inTransaction } : undefined;
    case 'payload': {
      // `payload.update({ collection, id, data })`, `payload.db.updateOne({ collection, id, data })`.
      const data = /^update(?:One|ByID)?$/.test(match.operation) ? objectOf(args[0]) : undefined;
      const written = data && member(data, 'data');
      return written ? { perRow: perItem(written), keyFields: [], inTransaction } : undefined;
    }
    case 'drizzle':
    case 'kysely':
    case 'knex': {
      if (updatesOnConflict(match.call)) return { keyFields: [], inTransaction, upserts: true };
      const values = chainStepArgument(match.call, match.library === 'knex' ? 'update' : 'set');
      return values ? { ...rowValues(values), keyFields: [], inTransaction } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Whether a node reads a name declared in what repeats per item (the item, an index, a value computed from them), not
 * counting names it declares itself, in callbacks too (`increment: events.filter((e) => e.groupId === group.id).length`);
 * a `const` of the body is followed to what it holds (`const data = { archived: true }`) and to what is set on it after.
 */
export function readsIteration(context: RuleContext, node: TSESTree.Node, scope: TSESTree.Node, depth = 0): boolean {
  let found = false;
  visitAll(node, (child) => {
    if (found || child.type !== AST_NODE_TYPES.Identifier) return;
    const variable = resolveVariable(context, child);
    const definition = variable?.defs[0];
    const declaration = definition?.name;
    if (!variable || !declaration || !contains(scope, declaration) || contains(node, declaration)) return;
    const declarator = definition.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    const held = declarator?.parent?.kind === 'const' && declarator.id === declaration && !isLoopHead(declarator.parent) ? declarator.init : undefined;
    if (!held || depth >= MAX_FOLLOWED_CONSTANTS) found = true;
    else found = [held, ...valuesSetOn(variable)].some((value) => readsIteration(context, value, scope, depth + 1));
  });
  return found;
}

/**
 * `{ resultReason: failed ? 'Crawl failed' : 'Tagging failed', completedAt: new Date() }`: values written whose every part the
 * item reaches only picks between fixed values (a literal, or a value the loop does not change), through the `const`s that hold them.
 */
function takesFewValues(context: RuleContext, values: TSESTree.Node, scope: TSESTree.Node): boolean {
  const object = objectOf(values);
  return (
    !!object &&
    object.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && fixedChoice(context, property.value, scope, 0))
  );
}

/** A value the same for every item, or one of a few such values a condition picks. */
function fixedChoice(context: RuleContext, value: TSESTree.Node, scope: TSESTree.Node, depth: number): boolean {
  const node = unwrapExpression(value);
  if (!readsIteration(context, node, scope)) return true;
  if (depth > MAX_FOLLOWED_CONSTANTS) return false;
  if (node.type === AST_NODE_TYPES.ConditionalExpression)
    return fixedChoice(context, node.consequent, scope, depth + 1) && fixedChoice(context, node.alternate, scope, depth + 1);
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, node);
  const definition = variable?.defs[0];
  const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
  return (
    declarator?.parent?.kind === 'const' &&
    declarator.id === definition!.name &&
    !!declarator.init &&
    valuesSetOn(variable!).length === 0 &&
    fixedChoice(context, declarator.init, scope, depth + 1)
  );
}

/** `changes.name = item.name`: the values a `const` object is given after it is made. */
function valuesSetOn(variable: Variable): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  for (const { identifier } of variable.references) {
    const member = identifier.parent;
    const assignment = member?.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) continue;
    if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member) values.push(assignment.right);
  }
  return values;
}

/**
 * Whether a name the node reads is assigned in what repeats (`cursor = item.id` in the loop), or has a field set there
 * (`query.participants = user.id` on a filter built before the loop), so it changes per item.
 */
export function assignsIn(context: RuleContext, node: TSESTree.Node, scope: TSESTree.Node): boolean {
  let assigned = false;
  visitWithinFunction(node, (child) => {
    if (assigned || child.type !== AST_NODE_TYPES.Identifier) return;
    assigned = !!resolveVariable(context, child)?.references.some(
      (reference) => contains(scope, reference.identifier) && (reference.isWrite() || setsFieldOf(reference.identifier)),
    );
  });
  return assigned;
}

/** `query.status = 'open'`, `query[key] = value`, `delete query.owner`, `query.page++`: a field of the object the name holds changes. */
function setsFieldOf(identifier: TSESTree.Node): boolean {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
  const parent = member.parent;
  return (
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) ||
    parent?.type === AST_NODE_TYPES.UpdateExpression ||
    (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
  );
}

/** How many `const`s of the loop body are followed from a value to what they hold. */
const MAX_FOLLOWED_CONSTANTS = 3;

/** `for (const item of items)`: the loop's own variable, a new value each time. */
function isLoopHead(declaration: TSESTree.VariableDeclaration): boolean {
  const parent = declaration.parent;
  return (parent?.type === AST_NODE_TYPES.ForOfStatement || parent?.type === AST_NODE_TYPES.ForInStatement) && parent.left === declaration;
}

/**
 * The fields the item sets in a Prisma `where`: each field read from the item, each of a compound unique key
 * (`userId_teamId: { userId, teamId }`), a relation's field as `collection.id` (`collection: { id }`), a filter as
 * `labels:has` (`labels: { has: label }`); undefined when the item reaches the filter some other way.
 */
function keyFieldsOf(context: RuleContext, where: TSESTree.Node | undefined, scope: TSESTree.Node): string[] | undefined {
  const object = objectOf(where);
  if (!object) return undefined;
  const fields: string[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) {
      // `...(dep.type === 'version' ? { version } : { labels: { has } })` is read by `keyBranchesOf`.
      if (readsIteration(context, property, scope) && !conditionalFilters(property.argument)) return undefined;
      continue;
    }
    const key = keyName(property);
    if (!key || /^(?:AND|OR|NOT)$/.test(key)) {
      if (readsIteration(context, property.value, scope)) return undefined;
      continue;
    }
    const inner = objectOf(property.value);
    const compound = compoundKeyFields(property);
    if (compound) {
      for (const field of compound) if (readsIteration(context, field.value, scope)) fields.push(keyName(field)!);
      continue;
    }
    if (!readsIteration(context, property.value, scope)) continue;
    if (!inner) {
      fields.push(key);
      continue;
    }
    // `{ equals: x }` is the field's value; `collection: { id: x }` a field of the related row; `labels: { has: x }` a filter of the field.
    const only = inner.properties.length === 1 && inner.properties[0]!.type === AST_NODE_TYPES.Property ? inner.properties[0]! : undefined;
    const innerKey = only && keyName(only);
    if (!only || !innerKey) return undefined;
    if (innerKey === 'equals') fields.push(key);
    else if (FILTER_OPERATORS.test(innerKey)) fields.push(`${key}:${innerKey}`);
    else if (!objectOf(only.value)) fields.push(`${key}.${innerKey}`);
    else return undefined;
  }
  return fields;
}

/** The outermost of a call's `await`, `as` and `!` wrappers: where the value it resolves to goes next. */
export function awaitedValueOf(call: TSESTree.Node): TSESTree.Node {
  let node: TSESTree.Node = call;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.AwaitExpression ||
      node.parent.type === AST_NODE_TYPES.TSAsExpression ||
      node.parent.type === AST_NODE_TYPES.TSNonNullExpression)
  )
    node = node.parent;
  return node;
}

/** Whether the value a call resolves to is kept and read (`const row = await create(...)`, `row = await create(...)`), handed on or returned. */
function createdRowUsed(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const node = awaitedValueOf(call);
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== node)) return true;
  const target =
    parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node
      ? parent.id
      : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node
        ? parent.left
        : undefined;
  if (target?.type !== AST_NODE_TYPES.Identifier) return false;
  return !!resolveVariable(context, target)?.references.some((reference) => reference.isRead());
}

/** Whether a `try` around the call, within what repeats per item, has a `catch` that names Prisma's unique-key failure (`error.code !== 'P2002'`). */
function catchesUniqueFailure(context: RuleContext, call: TSESTree.Node, scope: TSESTree.Node): boolean {
  for (let node = call.parent; node && node !== scope; node = node.parent) {
    const handler = node.type === AST_NODE_TYPES.TryStatement && contains(node.block, call) ? node.handler : null;
    if (handler && /['"`]P2002['"`]/.test(context.text.slice(handler.range[0], handler.range[1]))) return true;
  }
  return false;
}

/** The field of each filter of the one `OR` of a Prisma `where` the item sets, when each filter is one field set from the item. */
function eitherFieldsOf(context: RuleContext, where: TSESTree.Node | undefined, scope: TSESTree.Node): string[] | undefined {
  const either = objectOf(where)?.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && keyName(property) === 'OR',
  );
  const filters = either && unwrapExpression(either.value);
  if (filters?.type !== AST_NODE_TYPES.ArrayExpression || filters.elements.length < 2) return undefined;
  const fields = filters.elements.map((filter) => {
    const found = filter && objectOf(filter)?.properties.length === 1 ? keyFieldsOf(context, filter, scope) : undefined;
    return found?.length === 1 ? found[0] : undefined;
  });
  return fields.every((field): field is string => field !== undefined) ? fields : undefined;
}

/** The fields of a compound unique key (`userId_teamId: { userId, teamId }`); one field under a key is a filter on a relation (`user: { email }`). */
function compoundKeyFields(property: TSESTree.Property): TSESTree.Property[] | undefined {
  const fields = objectOf(property.value)?.properties ?? [];
  const plain = fields.filter(
    (field): field is TSESTree.Property => field.type === AST_NODE_TYPES.Property && !FILTER_OPERATORS.test(keyName(field) ?? 'in') && !objectOf(field.value),
  );
  return fields.length >= 2 && plain.length === fields.length ? plain : undefined;
}

/**
 * The written text of each field filter of a Prisma `where` that reads nothing of the item, when the item sets some other field;
 * of a compound unique key, its fields the item does not set (`userId` of `teamId_userId: { teamId, userId }`).
 */
function fixedFiltersOf(context: RuleContext, where: TSESTree.Node | undefined, scope: TSESTree.Node): string[] | undefined {
  const properties = objectOf(where)?.properties ?? [];
  const fixed = properties.filter(
    (property): property is TSESTree.Property =>
      property.type === AST_NODE_TYPES.Property && !property.computed && !readsIteration(context, property.value, scope),
  );
  const inKeys = properties.flatMap((property) =>
    property.type === AST_NODE_TYPES.Property && !fixed.includes(property)
      ? (compoundKeyFields(property) ?? []).filter((field) => !readsIteration(context, field.value, scope))
      : [],
  );
  if (fixed.length + inKeys.length === 0 || fixed.length === properties.length) return undefined;
  return [...fixed, ...inKeys].map((property) => context.text.slice(property.range[0], property.range[1]));
}

/** `cond ? { version } : { labels: { has } }` spread into a `where`: two objects, each a filter. */
function conditionalFilters(node: TSESTree.Node): [TSESTree.ObjectExpression, TSESTree.ObjectExpression] | undefined {
  const inner = unwrapExpression(node);
  if (inner.type !== AST_NODE_TYPES.ConditionalExpression) return undefined;
  const consequent = objectOf(inner.consequent);
  const alternate = objectOf(inner.alternate);
  return consequent && alternate ? [consequent, alternate] : undefined;
}

/** The key fields of each branch of the one conditional filter an item spreads into a Prisma `where`, when it has one. */
function keyBranchesOf(context: RuleContext, where: TSESTree.Node | undefined, scope: TSESTree.Node): string[][] | undefined {
  const spreads = (objectOf(where)?.properties ?? []).filter(
    (property): property is TSESTree.SpreadElement => property.type === AST_NODE_TYPES.SpreadElement && readsIteration(context, property, scope),
  );
  const branches = spreads.length === 1 ? conditionalFilters(spreads[0]!.argument) : undefined;
  if (!branches) return undefined;
  const fields = branches.map((branch) => keyFieldsOf(context, branch, scope));
  return fields.every((field): field is string[] => field !== undefined) ? fields : undefined;
}

/** `tx` typed `Prisma.TransactionClient`: a function handed the client of an open transaction, which has no `$transaction`. */
function transactionClientParameter(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const root = rootObject(call.callee);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, root)?.defs[0];
  const annotation = definition?.type === 'Parameter' && definition.name.type === AST_NODE_TYPES.Identifier ? definition.name.typeAnnotation : undefined;
  return !!annotation && /TransactionClient\b/.test(context.text.slice(annotation.range[0], annotation.range[1]));
}

/** The argument of a step of a query builder's chain (`.set(values)` of `db.update(table).set(values).where(...)`). */
function chainStepArgument(call: TSESTree.CallExpression, step: string): TSESTree.Node | undefined {
  let top: TSESTree.Node = call;
  for (;;) {
    const parent: TSESTree.Node | undefined = top.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === top && parent.parent?.type === AST_NODE_TYPES.CallExpression) top = parent.parent;
    else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === top) top = parent;
    else break;
  }
  for (
    let node: TSESTree.Node = top;
    node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression;
    node = node.callee.object
  )
    if (propertyName(node.callee) === step) return node.arguments[0];
  return undefined;
}

/**
 * `db.insert(t).values(row).onConflictDoUpdate(...)` (Drizzle), `.onConflict(key).merge()` (Knex), `.onConflict((oc) =>
 * oc.column('id').doUpdateSet(...))` (Kysely): an insert whose chain updates the row its key already names.
 */
function updatesOnConflict(call: TSESTree.CallExpression): boolean {
  const top = callChainTop(call);
  const steps = calleeChainNames(top);
  if (steps.includes('onConflictDoUpdate') || steps.includes('onDuplicateKeyUpdate') || (steps.includes('onConflict') && steps.includes('merge'))) return true;
  if (!steps.includes('onConflict')) return false;
  let updates = false;
  visitAll(top, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && propertyName(node) === 'doUpdateSet') updates = true;
  });
  return updates;
}

/** How an item's value selects rows when it is not one key: a pattern matched, a range bounded, or a key of two or more columns. */
export type ItemComparison = 'pattern' | 'range' | 'pairs';

/** Comparisons that match a pattern (`like(users.name, pattern)`, `{ contains: term }`, `[Op.iLike]`, `$regex`): no list of keys names their rows. */
const PATTERN_OPERATORS = new Set([
  'like',
  'ilike',
  'notLike',
  'notIlike',
  'Like',
  'ILike',
  'whereLike',
  'whereILike',
  'contains',
  'startsWith',
  'endsWith',
  'search',
  'iLike',
  'substring',
  'regexp',
  '$regex',
  '$text',
]);
/** Comparisons that bound a range (`gte(events.at, day.start)`, `{ lt: end }`, `MoreThan(date)`, `whereBetween`): a range per item, not a key. */
const RANGE_OPERATORS = new Set([
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'notBetween',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  'MoreThan',
  'MoreThanOrEqual',
  'LessThan',
  'LessThanOrEqual',
  'Between',
  'whereBetween',
]);
/** Operators given as text to a builder's `where(column, operator, value)`. */
const TEXT_OPERATORS: Record<string, ItemComparison> = {
  like: 'pattern',
  ilike: 'pattern',
  'not like': 'pattern',
  '>': 'range',
  '>=': 'range',
  '<': 'range',
  '<=': 'range',
  between: 'range',
};

/**
 * How the item's value selects the rows, where it is a pattern or a range rather than a key (`where(ilike(users.email, `%${term}%`))`,
 * `count({ where: { createdAt: { gte: day.start, lt: day.end } } })`): the batched form ORs the patterns or spans the ranges, not `IN (ids)`.
 */
export function itemComparisonOf(context: RuleContext, match: QueryMatch, scope: TSESTree.Node): ItemComparison | undefined {
  if (match.call.type !== AST_NODE_TYPES.CallExpression || match.wrapper || match.row || match.statement) return undefined;
  let found: ItemComparison | undefined;
  const kindOf = (name: string | undefined) =>
    name === undefined ? undefined : PATTERN_OPERATORS.has(name) ? 'pattern' : RANGE_OPERATORS.has(name) ? 'range' : undefined;
  visitAll(callChainTop(match.call), (node) => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      const callee = node.callee;
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
      const operator = node.arguments[1];
      const textKind =
        operator?.type === AST_NODE_TYPES.Literal && typeof operator.value === 'string' ? TEXT_OPERATORS[operator.value.toLowerCase()] : undefined;
      const kind = node.type === AST_NODE_TYPES.NewExpression ? (name === 'RegExp' ? 'pattern' : undefined) : (textKind ?? kindOf(name));
      const operands = textKind ? node.arguments.slice(2) : node.arguments;
      if (kind && operands.some((argument) => readsIteration(context, argument, scope))) found = kind;
    } else if (node.type === AST_NODE_TYPES.Property) {
      const key = node.computed && node.key.type === AST_NODE_TYPES.MemberExpression ? propertyName(node.key) : keyName(node);
      const kind = kindOf(key);
      if (kind && readsIteration(context, node.value, scope)) found = kind;
    }
  });
  if (found) return found;
  return itemKeyColumns(context, match, scope).size >= 2 ? 'pairs' : undefined;
}

/** The columns the item's values equal in the filter (`and(eq(members.userId, m.userId), eq(members.teamId, m.teamId))`, `{ userId, teamId }`). */
function itemKeyColumns(context: RuleContext, match: QueryMatch, scope: TSESTree.Node): Set<string> {
  const columns = new Set<string>();
  const call = match.call as TSESTree.CallExpression;
  const filterObject = (node: TSESTree.Node | undefined): void => {
    for (const property of objectOf(node)?.properties ?? []) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const key = keyName(property);
      if (key && !FILTER_OPERATORS.test(key) && !key.startsWith('$') && !objectOf(property.value) && readsIteration(context, property.value, scope))
        columns.add(key);
    }
  };
  visitAll(callChainTop(call), (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = node.callee;
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    const [first, second, third] = node.arguments;
    // Drizzle's `eq(column, value)`.
    if (name === 'eq' && first && second && readsIteration(context, second, scope)) columns.add(context.text.slice(first.range[0], first.range[1]));
    // A builder's `where('column', value)`, `where('column', '=', value)`, `where({ column: value })`.
    if (name === 'where' || name === 'andWhere') {
      const equals = third && second?.type === AST_NODE_TYPES.Literal && second.value === '=' ? third : third ? undefined : second;
      if (first?.type === AST_NODE_TYPES.Literal && equals && readsIteration(context, equals, scope)) columns.add(String(first.value));
      else if (!second) filterObject(first);
    }
  });
  const [first, second] = call.arguments;
  switch (match.library) {
    case 'mongoose':
    case 'mongodb':
      filterObject(first);
      break;
    case 'typeorm':
      filterObject(/By(?:OrFail)?$/.test(match.operation) ? first : objectOf(first) && member(objectOf(first)!, 'where'));
      break;
    case 'sequelize':
      filterObject(objectOf(first) && member(objectOf(first)!, 'where'));
      break;
    case 'mikro-orm':
      filterObject(second);
      break;
  }
  return columns;
}

/** The filter of a write that takes one as an object, in each library's place for it. */
function writeFilterOf(match: QueryMatch, call: TSESTree.CallExpression): TSESTree.ObjectExpression | undefined {
  const args = call.arguments;
  switch (match.library) {
    case 'prisma': {
      const options = objectOf(args[0]);
      return options && objectOf(member(options, 'where'));
    }
    case 'mongoose':
    case 'mongodb':
      return objectOf(args[0]);
    case 'sequelize': {
      const options = objectOf(args[1]);
      return options && objectOf(member(options, 'where'));
    }
    case 'typeorm':
      // `manager.update(User, criteria, changes)` names the entity first.
      return objectOf(args.length >= 3 ? args[1] : args[0]);
    default:
      return undefined;
  }
}

/**
 * A compare-and-set per item: a write whose filter names the item's row and also a state the row must still be in (`{ id:
 * job.id, status: 'queued' }`), and whose result the iteration tests (`if (claim.count === 0) continue`). Each item learns
 * whether it won its row; one write over the ids would tell only how many were won, not which.
 */
export function claimsRowPerItem(context: RuleContext, match: QueryMatch, scope: TSESTree.Node): boolean {
  if (match.kind !== 'write' || match.site || match.call.type !== AST_NODE_TYPES.CallExpression) return false;
  const filter = writeFilterOf(match, match.call);
  const fields = filter?.properties.filter((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property);
  if (!fields || fields.length !== filter!.properties.length || fields.length < 2) return false;
  const perItem = fields.map((field) => readsIteration(context, field.value, scope));
  const guards = fields.some((field, index) => !perItem[index] && namesState(field.value));
  return perItem.includes(true) && guards && resultIsTested(context, match.call, scope);
}

/** A state a row must be in: a literal (`'queued'`, `null`), an enum's member (`Status.Queued`), or a filter (`{ in: LIVE }`, `{ lt: cutoff }`); not a scope such as `sessionId`. */
function namesState(value: TSESTree.Node): boolean {
  const inner = unwrapExpression(value);
  if (inner.type === AST_NODE_TYPES.Literal || inner.type === AST_NODE_TYPES.ObjectExpression) return true;
  return inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(inner.object.name);
}

/** The names under which a write's result tells how many rows it changed. */
const COUNT_NAMES = /^(?:count|modifiedCount|matchedCount|deletedCount|affected|affectedRows|rowCount|numUpdatedRows|numDeletedRows)$/;

/** `const claim = await write(...); if (claim.count === 0) continue;`, `if ((await write(...)).count)`: how many rows the write changed decides what the iteration does. */
function resultIsTested(context: RuleContext, call: TSESTree.CallExpression, scope: TSESTree.Node): boolean {
  let value: TSESTree.Node = callChainTop(call);
  while (value.parent && (value.parent.type === AST_NODE_TYPES.AwaitExpression || value.parent.type === AST_NODE_TYPES.TSAsExpression)) value = value.parent;
  const holder = value.parent;
  if (holder?.type === AST_NODE_TYPES.MemberExpression && holder.object === value) return COUNT_NAMES.test(propertyName(holder) ?? '') && isTested(holder);
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== value) return false;
  const tested = (name: TSESTree.Identifier, read: (identifier: TSESTree.Identifier) => TSESTree.Node | undefined): boolean =>
    !!resolveVariable(context, name)?.references.some((reference) => {
      const node = !reference.init && contains(scope, reference.identifier) ? read(reference.identifier as TSESTree.Identifier) : undefined;
      return !!node && isTested(node);
    });
  // `const claim = …; claim.count`
  if (holder.id.type === AST_NODE_TYPES.Identifier)
    return tested(holder.id, (identifier) => {
      const member = identifier.parent;
      return member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && COUNT_NAMES.test(propertyName(member) ?? '')
        ? member
        : undefined;
    });
  // `const { count } = …`
  if (holder.id.type !== AST_NODE_TYPES.ObjectPattern) return false;
  return holder.id.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      COUNT_NAMES.test(keyName(property) ?? '') &&
      property.value.type === AST_NODE_TYPES.Identifier &&
      tested(property.value, (identifier) => identifier),
  );
}

/** Whether a value is read by the test of a branch (`if`, `?:`, `&&`, a loop's condition), as itself or through members and comparisons. */
function isTested(node: TSESTree.Node): boolean {
  let child = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.WhileStatement:
        return current.test === child;
      case AST_NODE_TYPES.LogicalExpression:
        if (current.left === child) return true;
        continue;
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        continue;
      default:
        return false;
    }
  }
  return false;
}
