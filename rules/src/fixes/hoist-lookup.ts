import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Fix, RuleContext, TextEdit } from '../types';
import { bindingFor, freshName } from './imports';
import type { QueryMatch } from '../analysis/queries';
import { propertyName, resolveModuleMember, resolveVariable } from '../analysis/resolve';
import { fileStyle } from './style';
import { contains, enclosingFunction, isFunction, type Iteration } from '../analysis/scopes';

/**
 * The one-row-by-key look-up a loop repeats, in a form that batches: which key column, the
 * key expression per item, and how to write the batched query and read one row of its result.
 */
interface Lookup {
  /** The key expression of one item (`order.customerId`). */
  key: TSESTree.Expression;
  /** The batched query for an expression of all keys, and the Map entry of one row. */
  batched(keys: string): string;
  entry: string;
  /** Whether keys are compared as strings (ids that the ORM coerces: numbers from `req.params`, ObjectIds). */
  stringKeys: boolean;
  /** What the single-row query gives for a missing row. */
  missing: 'null' | 'undefined';
  /** The call whose result is the row, when the query is a chain that ends after the matched call (`knex(t).where(…).first()`). */
  outer?: TSESTree.CallExpression;
  /** Name stem and key for the Map's name (`customer`, `id` → `customerById`). */
  stem: string;
  keyName: string;
  edits: TextEdit[];
}

/** Keys that name a single row: a primary key, or (for Prisma's `findUnique`, whose where is unique by contract) a foreign or natural id. */
const PRIMARY_KEY = /^(?:id|_id)$/;
const UNIQUE_ID = /^(?:id|_id|uuid|[a-z]\w*Id|[a-z]\w*_id)$/;

function text(context: RuleContext, node: TSESTree.Node): string {
  return context.text.slice(node.range[0], node.range[1]);
}

function plainProperty(property: TSESTree.ObjectLiteralElement): property is TSESTree.Property & { key: TSESTree.Identifier } {
  return (
    property.type === AST_NODE_TYPES.Property &&
    !property.computed &&
    property.kind === 'init' &&
    !property.method &&
    property.key.type === AST_NODE_TYPES.Identifier
  );
}

/** The properties of an object literal by name, or undefined when it has spreads, computed keys or methods. */
function propertiesOf(node: TSESTree.Node | undefined): Map<string, TSESTree.Property> | undefined {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const byName = new Map<string, TSESTree.Property>();
  for (const property of node.properties) {
    if (!plainProperty(property)) return undefined;
    byName.set(property.key.name, property);
  }
  return byName;
}

/** `{ K: V }` with one property whose value is not an object (`{ id: { in: ... } }` is already a filter). */
function singleKey(node: TSESTree.Node | undefined): { name: string; property: TSESTree.Property; value: TSESTree.Expression } | undefined {
  const properties = propertiesOf(node);
  if (!properties || properties.size !== 1) return undefined;
  const [name, property] = [...properties][0]!;
  const value = property.value as TSESTree.Expression;
  return value.type === AST_NODE_TYPES.ObjectExpression || value.type === AST_NODE_TYPES.ArrayExpression ? undefined : { name, property, value };
}

/** A `K: V` property rewritten to `K: <filter>`, keeping the source's key spelling. */
function replaceKeyValue(context: RuleContext, options: TSESTree.Node, property: TSESTree.Property, replacement: string): string {
  const [start, end] = options.range;
  const before = context.text.slice(start, property.range[0]);
  const after = context.text.slice(property.range[1], end);
  return `${before}${text(context, property.key)}: ${replacement}${after}`;
}

/** Prisma `findUnique({ where: { K: V }, include? , select? })` or `findFirst` by primary key. */
function prismaLookup(context: RuleContext, call: TSESTree.CallExpression, match: QueryMatch): Lookup | undefined {
  if (
    (match.operation !== 'findUnique' && match.operation !== 'findFirst') ||
    call.arguments.length !== 1 ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression
  )
    return undefined;
  const options = propertiesOf(call.arguments[0]);
  const where = options?.get('where');
  if (!options || !where || [...options.keys()].some((key) => !['where', 'select', 'include'].includes(key))) return undefined;
  const key = singleKey(where.value);
  const pattern = match.operation === 'findUnique' ? UNIQUE_ID : PRIMARY_KEY;
  if (!key || !pattern.test(key.name)) return undefined;
  // A `select` must keep the key column, or the rows could not be matched to the items.
  const select = options.get('select');
  if (select && !propertiesOf(select.value)?.get(key.name)) return undefined;
  const receiver = text(context, call.callee.object);
  const argument = call.arguments[0]!;
  return {
    key: key.value,
    batched: (keys) =>
      `${receiver}.findMany(${replaceKeyValue(context, argument, where, replaceKeyValue(context, where.value, key.property, `{ in: ${keys} }`))})`,
    entry: `[row.${key.name}, row]`,
    stringKeys: false,
    missing: 'null',
    stem: match.model ?? 'row',
    keyName: key.name,
    edits: [],
  };
}

/** TypeORM `findOneBy({ id: V })` / `findOne({ where: { id: V }, relations? })`, on a repository or with the entity first on a manager. */
function typeormLookup(context: RuleContext, call: TSESTree.CallExpression, match: QueryMatch): Lookup | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const byCriteria = match.operation === 'findOneBy';
  if (!byCriteria && match.operation !== 'findOne') return undefined;
  const entityFirst = call.arguments.length === 2 && call.arguments[0]!.type === AST_NODE_TYPES.Identifier;
  if (call.arguments.length !== (entityFirst ? 2 : 1)) return undefined;
  const argument = call.arguments[entityFirst ? 1 : 0]!;
  const entity = entityFirst ? `${text(context, call.arguments[0]!)}, ` : '';
  const binding = bindingFor(context, [{ module: 'typeorm', path: [] }], 'In');
  const receiver = text(context, call.callee.object);
  let batched: (keys: string) => string;
  let key: ReturnType<typeof singleKey>;
  if (byCriteria) {
    key = singleKey(argument);
    batched = (keys) => `${receiver}.findBy(${entity}${replaceKeyValue(context, argument, key!.property, `${binding.text}(${keys})`)})`;
  } else {
    const options = propertiesOf(argument);
    const where = options?.get('where');
    if (
      !options ||
      !where ||
      [...options.keys()].some((name) => !['where', 'relations', 'withDeleted', 'loadEagerRelations', 'relationLoadStrategy'].includes(name))
    )
      return undefined;
    key = singleKey(where.value);
    batched = (keys) =>
      `${receiver}.find(${entity}${replaceKeyValue(context, argument, where, replaceKeyValue(context, where.value, key!.property, `${binding.text}(${keys})`))})`;
  }
  if (!key || !PRIMARY_KEY.test(key.name)) return undefined;
  return {
    key: key.value,
    batched,
    entry: `[String(row.${key.name}), row]`,
    stringKeys: true,
    missing: 'null',
    stem: match.model ?? 'row',
    keyName: key.name,
    edits: binding.edits,
  };
}

/** Sequelize `Model.findByPk(V)`, optionally with `include`: rows are matched on the model's own primary key attribute. */
function sequelizeLookup(context: RuleContext, call: TSESTree.CallExpression, match: QueryMatch): Lookup | undefined {
  if (match.operation !== 'findByPk' || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length < 1 || call.arguments.length > 2)
    return undefined;
  const model = text(context, call.callee.object);
  const options = call.arguments[1];
  const extra = options ? propertiesOf(options) : new Map<string, TSESTree.Property>();
  if (!extra || [...extra.keys()].some((name) => name !== 'include' && name !== 'paranoid')) return undefined;
  const rest = [...extra.values()].map((property) => `, ${text(context, property)}`).join('');
  return {
    key: call.arguments[0] as TSESTree.Expression,
    batched: (keys) => `${model}.findAll({ where: { [${model}.primaryKeyAttribute]: ${keys} }${rest} })`,
    entry: `[String(row.get(${model}.primaryKeyAttribute)), row]`,
    stringKeys: true,
    missing: 'null',
    stem: match.model ?? 'row',
    keyName: 'pk',
    edits: [],
  };
}

/** Mongoose `Model.findById(V)`: ObjectIds are compared by their string form. */
function mongooseLookup(context: RuleContext, call: TSESTree.CallExpression, match: QueryMatch): Lookup | undefined {
  if (match.operation !== 'findById' || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length !== 1) return undefined;
  const model = text(context, call.callee.object);
  return {
    key: call.arguments[0] as TSESTree.Expression,
    batched: (keys) => `${model}.find({ _id: { $in: ${keys} } })`,
    entry: '[String(row._id), row]',
    stringKeys: true,
    missing: 'null',
    stem: match.model ?? 'row',
    keyName: 'id',
    edits: [],
  };
}

/** The call of `method` chained on `object` (`object.method(...)`), if that is what `object` is part of. */
function chainedCall(object: TSESTree.Node, method: string): TSESTree.CallExpression | undefined {
  const member = object.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== object || member.computed || propertyName(member) !== method) return undefined;
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call : undefined;
}

/** Knex `knex('t').where('id', V).first()` or `.where({ id: V }).first()`: `whereIn` on the same table; a missing row is `undefined`. */
function knexLookup(context: RuleContext, call: TSESTree.CallExpression): Lookup | undefined {
  if (call.callee.type === AST_NODE_TYPES.MemberExpression || call.arguments.length !== 1) return undefined;
  const where = chainedCall(call, 'where');
  const first = where && chainedCall(where, 'first');
  if (!where || !first || first.arguments.length > 0) return undefined;
  let keyName: string;
  let keyText: string;
  let value: TSESTree.Expression;
  const [column, operand] = where.arguments;
  if (
    where.arguments.length === 2 &&
    column?.type === AST_NODE_TYPES.Literal &&
    typeof column.value === 'string' &&
    operand &&
    operand.type !== AST_NODE_TYPES.SpreadElement
  ) {
    keyName = column.value;
    keyText = text(context, column);
    value = operand;
  } else {
    const key = where.arguments.length === 1 ? singleKey(where.arguments[0]) : undefined;
    if (!key) return undefined;
    keyName = key.name;
    keyText = `${fileStyle(context).quote}${key.name}${fileStyle(context).quote}`;
    value = key.value;
  }
  if (!PRIMARY_KEY.test(keyName)) return undefined;
  return {
    key: value,
    batched: (keys) => `${text(context, call)}.whereIn(${keyText}, ${keys})`,
    entry: `[String(row.${keyName}), row]`,
    stringKeys: true,
    missing: 'undefined',
    outer: first,
    stem: tableStem(call.arguments[0]!),
    keyName,
    edits: [],
  };
}

/** `'users'` → `user`, for the Map's name. */
function tableStem(table: TSESTree.Node): string {
  return table.type === AST_NODE_TYPES.Literal && typeof table.value === 'string' && /^[A-Za-z_]\w*$/.test(table.value) ? table.value.replace(/s$/, '') : 'row';
}

/** Drizzle `db.query.users.findFirst({ where: eq(users.id, V) })`: `findMany` with `inArray`; a missing row is `undefined`. */
function drizzleLookup(context: RuleContext, call: TSESTree.CallExpression, match: QueryMatch): Lookup | undefined {
  if (match.operation !== 'findFirst' || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length !== 1) return undefined;
  const options = propertiesOf(call.arguments[0]);
  const where = options?.get('where');
  if (!options || !where || [...options.keys()].some((key) => !['where', 'with'].includes(key))) return undefined;
  const condition = where.value;
  if (condition.type !== AST_NODE_TYPES.CallExpression || condition.arguments.length !== 2) return undefined;
  const eq = resolveModuleMember(context, condition.callee);
  const [column, value] = condition.arguments;
  if (
    eq?.module !== 'drizzle-orm' ||
    eq.path.join('.') !== 'eq' ||
    column?.type !== AST_NODE_TYPES.MemberExpression ||
    column.computed ||
    !value ||
    value.type === AST_NODE_TYPES.SpreadElement
  )
    return undefined;
  const keyName = propertyName(column);
  if (!keyName || !PRIMARY_KEY.test(keyName)) return undefined;
  const inArray = bindingFor(context, [{ module: 'drizzle-orm', path: [] }], 'inArray');
  const receiver = text(context, call.callee.object);
  const argument = call.arguments[0]!;
  return {
    key: value,
    batched: (keys) => `${receiver}.findMany(${replaceKeyValue(context, argument, where, `${inArray.text}(${text(context, column)}, ${keys})`)})`,
    entry: `[String(row.${keyName}), row]`,
    stringKeys: true,
    missing: 'undefined',
    stem:
      match.model ?? propertyName(call.callee.object.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee)?.replace(/s$/, '') ?? 'row',
    keyName,
    edits: inArray.edits,
  };
}

/** Whether an expression only reads names: no calls, assignments or `await` whose repetition or reordering could matter. */
function isPureRead(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isPureRead(node.object) && (!node.computed || isPureRead(node.property));
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return isPureRead(node.expression);
    default:
      return false;
  }
}

/** Identifiers read by an expression. */
function identifiers(node: TSESTree.Node): TSESTree.Identifier[] {
  if (node.type === AST_NODE_TYPES.Identifier) return [node];
  if (node.type === AST_NODE_TYPES.MemberExpression) return [...identifiers(node.object), ...(node.computed ? identifiers(node.property) : [])];
  if (node.type === AST_NODE_TYPES.ChainExpression || node.type === AST_NODE_TYPES.TSNonNullExpression || node.type === AST_NODE_TYPES.TSAsExpression)
    return identifiers(node.expression);
  return [];
}

/** Array-producing initializers: the loop can read the collection twice (once for the keys, once to iterate). */
const ARRAY_METHODS = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'split', 'sort', 'toSorted', 'keys', 'values']);

/** A parameter or variable without a type annotation that is never reassigned (JavaScript, mostly): its items can be read with `Array.from`. */
function untypedAndUnchanged(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !definition || (definition.type !== 'Parameter' && definition.type !== 'Variable')) return false;
  if ((definition.name as TSESTree.Identifier).typeAnnotation) return false;
  return !variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/** Whether a variable surely holds an array (or another collection that can be iterated twice): typed so, or built so. */
function holdsReiterableCollection(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || !definition) return false;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
  const name = definition.name as TSESTree.Identifier;
  const annotation = name.typeAnnotation?.typeAnnotation;
  if (annotation) {
    if (annotation.type === AST_NODE_TYPES.TSArrayType || annotation.type === AST_NODE_TYPES.TSTupleType) return true;
    if (annotation.type === AST_NODE_TYPES.TSTypeOperator && annotation.typeAnnotation?.type === AST_NODE_TYPES.TSArrayType) return true;
    return (
      annotation.type === AST_NODE_TYPES.TSTypeReference &&
      annotation.typeName.type === AST_NODE_TYPES.Identifier &&
      /^(?:Array|ReadonlyArray)$/.test(annotation.typeName.name)
    );
  }
  if (definition.type !== 'Variable') return false;
  let init = (definition.node as TSESTree.VariableDeclarator).init;
  if (!init) return false;
  if (init.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
  if (init.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(init.callee);
  // `await prisma.user.findMany()`, `await repo.find()`, `await Model.findAll()`, `await Model.find()`: arrays of rows.
  return (
    method !== undefined &&
    (ARRAY_METHODS.has(method) ||
      (/^(?:findMany|find|findBy|findAll)$/.test(method) && (definition.node as TSESTree.VariableDeclarator).init!.type === AST_NODE_TYPES.AwaitExpression))
  );
}

/** The expression the query stands for where it sits: the `await` around it, if any. */
function queryExpression(call: TSESTree.CallExpression): TSESTree.Expression {
  return call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
}

/** Where a plain `a ?? b` can replace an expression without parentheses. */
function needsParentheses(expression: TSESTree.Node): boolean {
  const parent = expression.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.ArrayExpression:
      return false;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === expression;
    case AST_NODE_TYPES.Property:
      return parent.value !== expression;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return !parent.arguments.includes(expression as TSESTree.CallExpressionArgument);
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body !== expression;
    default:
      return true;
  }
}

/** The statement that holds `node` directly in a block or the program, where a statement can go before it. */
function statementInList(node: TSESTree.Node): TSESTree.Statement | undefined {
  let current: TSESTree.Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) return current as TSESTree.Statement;
    if (isFunction(parent)) return undefined;
  }
  return undefined;
}

function indentationAt(context: RuleContext, offset: number): string {
  const lineStart = context.text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(context.text.slice(lineStart, offset))![0];
}

/**
 * The loop's shape when the fix can keep what it returns: `for (const item of items)` or
 * `Promise.all(items.map((item) => ...))`, with `items` an array that the loop leaves alone,
 * in an async function where a statement can go before it.
 */
function loopShape(
  context: RuleContext,
  iteration: Iteration,
  query: TSESTree.Expression,
): { items: TSESTree.Identifier; item: TSESTree.Node; anchor: TSESTree.Statement; scope: TSESTree.Node; proven: boolean } | undefined {
  let items: TSESTree.Node;
  let item: TSESTree.Node;
  let scope: TSESTree.Node;
  let anchor: TSESTree.Statement | undefined;
  if (iteration.kind === 'loop') {
    const loop = iteration.loop;
    if (
      loop.type !== AST_NODE_TYPES.ForOfStatement ||
      loop.await ||
      loop.left.type !== AST_NODE_TYPES.VariableDeclaration ||
      loop.left.declarations.length !== 1
    )
      return undefined;
    if (query.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
    items = loop.right;
    item = loop.left.declarations[0]!.id;
    scope = loop.body;
    anchor = loop.parent?.type === AST_NODE_TYPES.BlockStatement || loop.parent?.type === AST_NODE_TYPES.Program ? loop : undefined;
  } else {
    const { call, callback } = iteration;
    const promiseAll = call.parent;
    const isPromiseAll =
      promiseAll?.type === AST_NODE_TYPES.CallExpression &&
      promiseAll.arguments[0] === call &&
      promiseAll.callee.type === AST_NODE_TYPES.MemberExpression &&
      promiseAll.callee.object.type === AST_NODE_TYPES.Identifier &&
      promiseAll.callee.object.name === 'Promise' &&
      propertyName(promiseAll.callee) === 'all';
    if (!isPromiseAll || call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'map' || callback.params.length !== 1)
      return undefined;
    // The callback's promise settles with the row either way; an unawaited query must be what the callback returns.
    if (query.type !== AST_NODE_TYPES.AwaitExpression && callback.body !== query) return undefined;
    items = call.callee.object;
    item = callback.params[0]!;
    scope = callback.body;
    anchor = statementInList(promiseAll);
  }
  if (!anchor || items.type !== AST_NODE_TYPES.Identifier) return undefined;
  // `items.map(...)` is an array's; a loop's items are one when declared so, or copied once when nothing says what they are.
  const proven = iteration.kind !== 'loop' || holdsReiterableCollection(context, items);
  if (!proven && !untypedAndUnchanged(context, items)) return undefined;
  const collection = resolveVariable(context, items);
  if (collection?.references.some((reference) => contains(scope, reference.identifier))) return undefined;
  if (!enclosingFunction(anchor)?.async) return undefined;
  return { items, item, anchor, scope, proven };
}

/** Whether the key reads only the item and values fixed before the loop. */
function keyDependsOnlyOnItem(context: RuleContext, key: TSESTree.Expression, item: TSESTree.Node, scope: TSESTree.Node, loop: TSESTree.Node): boolean {
  if (!isPureRead(key)) return false;
  return identifiers(key).every((identifier) => {
    const variable = resolveVariable(context, identifier);
    if (!variable) return false;
    const declared = variable.defs[0]?.name;
    if (declared && contains(item, declared)) return true;
    if (declared && contains(scope, declared)) return false;
    return !variable.references.some((reference) => reference.isWrite() && !reference.init && contains(loop, reference.identifier));
  });
}

/** Whether a name is declared outside the loop and not reassigned in it, so it means the same before the loop. */
function isFixedBeforeLoop(context: RuleContext, identifier: TSESTree.Identifier, loop: TSESTree.Node): boolean {
  const variable = resolveVariable(context, identifier);
  if (!variable) return false;
  const declared = variable.defs[0]?.name;
  return (
    !!declared &&
    !contains(loop, declared) &&
    !variable.references.some((reference) => reference.isWrite() && !reference.init && contains(loop, reference.identifier))
  );
}

/** Row methods that read without changing the row. */
const READ_ONLY_METHODS = new Set(['get', 'getDataValue', 'toJSON', 'toObject', 'toString']);

/** Whether the loop changes a row it got (`user.seen = true`): with duplicate keys the rows are now shared. */
function mutatesResult(context: RuleContext, query: TSESTree.Expression): boolean {
  const declarator = query.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return !(declarator?.type === AST_NODE_TYPES.ReturnStatement || declarator?.type === AST_NODE_TYPES.ArrowFunctionExpression);
  }
  const variable = resolveVariable(context, declarator.id);
  return (
    !variable ||
    variable.references.some((reference) => {
      const parent = reference.identifier.parent;
      if (reference.isWrite() && !reference.init) return true;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
      const use = parent.parent;
      if (use?.type === AST_NODE_TYPES.CallExpression && use.callee === parent) return !READ_ONLY_METHODS.has(propertyName(parent) ?? '');
      return (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === parent) || use?.type === AST_NODE_TYPES.UpdateExpression;
    })
  );
}

/**
 * For a loop that looks up one row by key per item, a fix that runs one batched query before
 * the loop and reads each row from a Map: same rows, same order, `null` where no row exists.
 * Offered on request only: a failing batch fails before the loop's first iteration, where the
 * original failed in the middle.
 */
export function hoistedLookupFix(context: RuleContext, match: QueryMatch, iteration: Iteration): Fix | undefined {
  const call = match.call;
  if (call.type !== AST_NODE_TYPES.CallExpression || match.wrapper) return undefined;
  const lookup =
    match.library === 'prisma'
      ? prismaLookup(context, call, match)
      : match.library === 'typeorm'
        ? typeormLookup(context, call, match)
        : match.library === 'sequelize'
          ? sequelizeLookup(context, call, match)
          : match.library === 'mongoose'
            ? mongooseLookup(context, call, match)
            : match.library === 'knex'
              ? knexLookup(context, call)
              : match.library === 'drizzle'
                ? drizzleLookup(context, call, match)
                : undefined;
  if (!lookup) return undefined;
  const query = queryExpression(lookup.outer ?? call);
  const shape = loopShape(context, iteration, query);
  if (!shape) return undefined;
  const loopNode = iteration.kind === 'loop' ? iteration.loop : iteration.callback;
  if (!keyDependsOnlyOnItem(context, lookup.key, shape.item, shape.scope, loopNode) || mutatesResult(context, query)) return undefined;
  if (!isPureRead(call.callee) || !identifiers(call.callee).every((identifier) => isFixedBeforeLoop(context, identifier, loopNode))) return undefined;

  const itemsText = text(context, shape.items);
  const keyText = text(context, lookup.key);
  const itemIsKey = shape.item.type === AST_NODE_TYPES.Identifier && lookup.key.type === AST_NODE_TYPES.Identifier && lookup.key.name === shape.item.name;
  const keys = shape.proven
    ? itemIsKey
      ? itemsText
      : `${itemsText}.map((${text(context, shape.item)}) => ${keyText})`
    : itemIsKey
      ? `Array.from(${itemsText})`
      : `Array.from(${itemsText}, (${text(context, shape.item)}) => ${keyText})`;
  const stem = lowerFirst(lookup.stem.replace(/([^s])s$/, '$1'));
  const map = freshName(context, `${stem}By${upperFirst(lookup.keyName.replace(/^_/, ''))}`);
  const rows = freshName(context, `${stem}Rows`, new Set([map]));
  const indent = indentationAt(context, shape.anchor.range[0]);
  const semicolon = fileStyle(context).semicolon;
  const hoisted = `const ${rows} = await ${lookup.batched(keys)}${semicolon}\n${indent}const ${map} = new Map(${rows}.map((row) => ${lookup.entry}))${semicolon}\n${indent}`;
  const read = `${map}.get(${lookup.stringKeys ? `String(${keyText})` : keyText})${lookup.missing === 'null' ? ' ?? null' : ''}`;
  return {
    title: 'Load all rows in one query before the loop and read them from a Map (unsafe fix: one query replaces many and runs before the loop)',
    safe: false,
    edits: [
      ...lookup.edits,
      { start: shape.anchor.range[0], end: shape.anchor.range[0], text: hoisted },
      { start: query.range[0], end: query.range[1], text: needsParentheses(query) ? `(${read})` : read },
    ],
  };
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
