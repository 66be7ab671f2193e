import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Fix, RuleContext, TextEdit } from '../types';
import { bindingFor, freshName } from './imports';
import { databaseQueryOf, type QueryMatch } from '../analysis/queries';
import { propertyName, resolveModuleMember, resolveVariable } from '../analysis/resolve';
import { lookupFunction, type ProjectModels } from '../analysis/orm-index';
import { fileStyle } from './style';
import { contains, enclosingFunction, isFunction, type Iteration } from '../analysis/scopes';
import { visitWithinFunction } from '../analysis/visit';

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
  /** Other parts of the query (`envelopeId: envelope.id` beside the key): they must mean the same for every item. */
  filters: TSESTree.Node[];
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

/**
 * `{ id: V, teamId: T }`: the key property (a primary key, or the only property when `pattern`
 * allows other unique keys) and the others, which stay in the batched query as they are.
 */
function keyedWhere(
  node: TSESTree.Node | undefined,
  pattern: RegExp,
): { name: string; property: TSESTree.Property; value: TSESTree.Expression; others: TSESTree.Node[] } | undefined {
  const properties = propertiesOf(node);
  if (!properties || properties.size === 0) return undefined;
  const keyName = properties.size === 1 ? [...properties.keys()][0]! : [...properties.keys()].find((name) => PRIMARY_KEY.test(name));
  const property = keyName === undefined ? undefined : properties.get(keyName);
  if (keyName === undefined || !property || !pattern.test(keyName)) return undefined;
  const value = property.value as TSESTree.Expression;
  if (value.type === AST_NODE_TYPES.ObjectExpression || value.type === AST_NODE_TYPES.ArrayExpression) return undefined;
  const others = [...properties.values()].filter((other) => other !== property).map((other) => other.value);
  return { name: keyName, property, value, others };
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
  const key = keyedWhere(where.value, match.operation === 'findUnique' ? UNIQUE_ID : PRIMARY_KEY);
  if (!key) return undefined;
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
    filters: [...key.others, ...[...options.values()].filter((option) => option !== where).map((option) => option.value)],
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
  let key: ReturnType<typeof keyedWhere>;
  let options: Map<string, TSESTree.Property> | undefined;
  if (byCriteria) {
    key = keyedWhere(argument, PRIMARY_KEY);
    batched = (keys) => `${receiver}.findBy(${entity}${replaceKeyValue(context, argument, key!.property, `${binding.text}(${keys})`)})`;
  } else {
    options = propertiesOf(argument);
    const where = options?.get('where');
    if (
      !options ||
      !where ||
      [...options.keys()].some((name) => !['where', 'relations', 'withDeleted', 'loadEagerRelations', 'relationLoadStrategy'].includes(name))
    )
      return undefined;
    key = keyedWhere(where.value, PRIMARY_KEY);
    batched = (keys) =>
      `${receiver}.find(${entity}${replaceKeyValue(context, argument, where, replaceKeyValue(context, where.value, key!.property, `${binding.text}(${keys})`))})`;
  }
  if (!key) return undefined;
  const where = options?.get('where');
  return {
    key: key.value,
    batched,
    entry: `[String(row.${key.name}), row]`,
    stringKeys: true,
    missing: 'null',
    filters: [...key.others, ...[...(options?.values() ?? [])].filter((option) => option !== where).map((option) => option.value)],
    stem: match.model ?? 'row',
    keyName: key.name,
    edits: binding.edits,
  };
}

/** Options of a Sequelize finder that keep their meaning for `findAll`: the same includes, scope of deleted rows and transaction. */
const SEQUELIZE_OPTIONS = new Set(['include', 'paranoid', 'transaction']);

/**
 * Sequelize `Model.findByPk(V)` or `Model.findOne({ where: { id: V } })`, with the options that
 * keep their meaning for `findAll`: rows are matched on the primary key attribute, or on `id`.
 */
function sequelizeLookup(context: RuleContext, call: TSESTree.CallExpression, match: QueryMatch): Lookup | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || overridesFinder(context, call.callee.object, match.operation)) return undefined;
  const model = text(context, call.callee.object);
  if (match.operation === 'findOne' && call.arguments.length === 1) {
    const options = propertiesOf(call.arguments[0]);
    const where = options?.get('where');
    const key = where && keyedWhere(where.value, PRIMARY_KEY);
    if (!options || !where || !key || [...options.keys()].some((name) => name !== 'where' && !SEQUELIZE_OPTIONS.has(name))) return undefined;
    const argument = call.arguments[0]!;
    return {
      key: key.value,
      batched: (keys) => `${model}.findAll(${replaceKeyValue(context, argument, where, replaceKeyValue(context, where.value, key.property, keys))})`,
      entry: `[String(row.get(${fileStyle(context).quote}${key.name}${fileStyle(context).quote})), row]`,
      stringKeys: true,
      missing: 'null',
      filters: [...key.others, ...[...options.values()].filter((option) => option !== where).map((option) => option.value)],
      stem: match.model ?? 'row',
      keyName: key.name,
      edits: [],
    };
  }
  if (match.operation !== 'findByPk' || call.arguments.length < 1 || call.arguments.length > 2) return undefined;
  const options = call.arguments[1];
  const extra = options ? propertiesOf(options) : new Map<string, TSESTree.Property>();
  if (!extra || [...extra.keys()].some((name) => !SEQUELIZE_OPTIONS.has(name))) return undefined;
  const rest = [...extra.values()].map((property) => `, ${text(context, property)}`).join('');
  return {
    key: call.arguments[0] as TSESTree.Expression,
    batched: (keys) => `${model}.findAll({ where: { [${model}.primaryKeyAttribute]: ${keys} }${rest} })`,
    entry: `[String(row.get(${model}.primaryKeyAttribute)), row]`,
    stringKeys: true,
    missing: 'null',
    filters: [...extra.values()].map((property) => property.value),
    stem: match.model ?? 'row',
    keyName: 'pk',
    edits: [],
  };
}

/**
 * Whether the model's own class declares the finder (`static async findByPk(id)` that also
 * accepts slugs): the batched query would not do what it does. Seen in this file, or in the
 * project index when another file declares a finder that always queries.
 */
function overridesFinder(context: RuleContext, model: TSESTree.Node, method: string): boolean {
  const declares = (declaration: TSESTree.Node | undefined): boolean =>
    (declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.ClassExpression) &&
    declaration.body.body.some(
      (member) =>
        (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) &&
        !member.computed &&
        member.key.type === AST_NODE_TYPES.Identifier &&
        member.key.name === method,
    );
  if (model.type === AST_NODE_TYPES.ThisExpression) {
    for (let current: TSESTree.Node | undefined = model.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return declares(current);
    }
    return true;
  }
  if (model.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, model)?.defs[0];
  if (definition?.type === 'ClassName') return declares(definition.node);
  const imported = resolveModuleMember(context, model);
  return (
    imported !== undefined &&
    lookupFunction(context.options.project.models as ProjectModels | undefined, context.fileName, imported.module, [...imported.path, method]) !== undefined
  );
}

/** Mongoose `Model.findById(V)`: ObjectIds are compared by their string form. */
function mongooseLookup(context: RuleContext, call: TSESTree.CallExpression, match: QueryMatch): Lookup | undefined {
  if (match.operation !== 'findById' || call.callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length !== 1) return undefined;
  if (overridesFinder(context, call.callee.object, 'findById')) return undefined;
  const model = text(context, call.callee.object);
  return {
    key: call.arguments[0] as TSESTree.Expression,
    batched: (keys) => `${model}.find({ _id: { $in: ${keys} } })`,
    entry: '[String(row._id), row]',
    stringKeys: true,
    missing: 'null',
    filters: [],
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
    filters: [],
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
    filters: [...options.values()].filter((option) => option !== where).map((option) => option.value),
    stem:
      match.model ?? propertyName(call.callee.object.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee)?.replace(/s$/, '') ?? 'row',
    keyName,
    edits: inArray.edits,
  };
}

/** Array-producing initializers: the loop can read the collection twice (once for the keys, once to iterate). */
const ARRAY_METHODS = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'split', 'sort', 'toSorted', 'keys', 'values']);

/** A parameter or variable without a type annotation that is never reassigned (JavaScript, mostly): its items can be copied once. */
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

/** `a`, `a.b.c`, `this.a`: a value read without calls. */
function isNameChain(node: TSESTree.Node): boolean {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && !current.optional) current = current.object;
  return current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression;
}

/** The root variable of a name chain. */
function chainRoot(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) current = current.object;
  return current;
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
 * Where the query sits and what stands for its row: the `await` around it, or the element of an
 * awaited `Promise.all([...])`; the expression the Map read replaces; the name its row gets.
 */
interface Site {
  replaced: TSESTree.Expression;
  /** The expression evaluated when the query runs: the await, or the awaited `Promise.all`. */
  runs: TSESTree.Node;
  /** The variable or pattern that holds the row, when the row is stored. */
  holder?: TSESTree.Node;
}

function siteOf(query: TSESTree.Expression): Site | undefined {
  if (query.type === AST_NODE_TYPES.AwaitExpression) return { replaced: query, runs: query, holder: holderOf(query) };
  const list = query.parent;
  const all = list?.parent;
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return { replaced: query, runs: query, holder: query };
  if (all?.type !== AST_NODE_TYPES.CallExpression || all.arguments[0] !== list) return undefined;
  if (all.callee.type !== AST_NODE_TYPES.MemberExpression || all.callee.object.type !== AST_NODE_TYPES.Identifier || all.callee.object.name !== 'Promise')
    return undefined;
  if (propertyName(all.callee) !== 'all' || all.parent?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  // `const [a, b] = await Promise.all([...])`: the row is the pattern's element at the query's place.
  const outer = all.parent.parent;
  const index = list.elements.indexOf(query);
  const holder =
    outer?.type === AST_NODE_TYPES.VariableDeclarator && outer.id.type === AST_NODE_TYPES.ArrayPattern
      ? (outer.id.elements[index] ?? undefined)
      : outer?.type === AST_NODE_TYPES.ExpressionStatement
        ? undefined
        : all.parent;
  return { replaced: query, runs: all.parent, holder: holder ?? undefined };
}

/** The variable or pattern a query's row is stored in, or the query itself when it goes elsewhere. */
function holderOf(query: TSESTree.Expression): TSESTree.Node {
  // `const author = book.author ? await Author.findById(book.author) : null`: the row is still the variable's.
  let value: TSESTree.Node = query;
  while (
    (value.parent?.type === AST_NODE_TYPES.ConditionalExpression && value.parent.test !== value) ||
    (value.parent?.type === AST_NODE_TYPES.LogicalExpression && value.parent.right === value)
  )
    value = value.parent;
  const parent = value.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value ? parent.id : value;
}

/**
 * The loop's shape when the fix can keep what it returns: `for (const item of items)`, `for (let
 * i = 0; i < items.length; i++)` or `Promise.all(items.map((item) => ...))`, over items the loop
 * leaves alone, in an async function where a statement can go before it. `items` is a name
 * chain, or any other expression the fix first keeps in a constant.
 */
interface Shape {
  items: TSESTree.Expression;
  /** The item's parameter as the key's mapper writes it, and the node of the loop that binds it. */
  param: string;
  binding?: TSESTree.Node;
  /** For an index loop: the counter, and `items[i]` reads the item. */
  counter?: string;
  anchor: TSESTree.Statement;
  scope: TSESTree.Node;
  loop: TSESTree.Node;
  /** The items are an array the fix can read twice; else it copies them once. */
  proven: boolean;
  /** The items are computed: the fix keeps them in a constant before the loop, and the loop reads that. */
  hoisted: boolean;
}

function loopShape(context: RuleContext, iteration: Iteration, site: Site): Shape | undefined {
  let shape: Omit<Shape, 'proven' | 'hoisted'> | undefined;
  if (iteration.kind === 'loop') {
    const loop = iteration.loop;
    const anchor = loop.parent?.type === AST_NODE_TYPES.BlockStatement || loop.parent?.type === AST_NODE_TYPES.Program ? loop : undefined;
    if (!anchor || site.runs.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
    if (loop.type === AST_NODE_TYPES.ForOfStatement) {
      if (loop.await || loop.left.type !== AST_NODE_TYPES.VariableDeclaration || loop.left.declarations.length !== 1) return undefined;
      const binding = loop.left.declarations[0]!.id;
      shape = { items: loop.right, param: text(context, binding), binding, anchor, scope: loop.body, loop };
    } else if (loop.type === AST_NODE_TYPES.ForStatement) {
      const counted = countedItems(context, loop);
      if (!counted) return undefined;
      shape = { items: counted.items, param: parameterName(context, loop, counted.items), counter: counted.counter, anchor, scope: loop.body, loop };
    } else {
      return undefined;
    }
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
    if (!isPromiseAll || call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'map' || call.callee.optional) return undefined;
    if (callback.params.length < 1 || callback.params.length > 2 || callback.params.some((param) => param.type === AST_NODE_TYPES.RestElement))
      return undefined;
    // The callback's promise settles with the row either way; an unawaited query must be what the callback returns.
    if (site.runs.type !== AST_NODE_TYPES.AwaitExpression && callback.body !== site.replaced) return undefined;
    const anchor = statementInList(promiseAll);
    if (!anchor) return undefined;
    shape = { items: call.callee.object, param: text(context, callback.params[0]!), binding: callback.params[0], anchor, scope: callback.body, loop: callback };
    // A computed collection moves before the statement: nothing in the statement may run before it.
    if (!isNameChain(shape.items) && !startsStatement(anchor, promiseAll)) return undefined;
  }
  if (!enclosingFunction(shape.anchor)?.async) return undefined;
  const items = shape.items;
  if (!isNameChain(items)) {
    // A for-of over a computed iterable reads it once: kept in a constant, spread as the loop iterated it.
    if (contains(shape.scope, items)) return undefined;
    return { ...shape, proven: iteration.kind === 'callback' || makesArray(context, items), hoisted: true };
  }
  const root = chainRoot(items);
  if (root.type === AST_NODE_TYPES.Identifier) {
    const collection = resolveVariable(context, root);
    const itemsText = text(context, items);
    // In an index loop the body reads its item as `items[i]`, and only so.
    const readsItem = (identifier: TSESTree.Node): boolean => {
      let chain = identifier;
      while (chain.parent?.type === AST_NODE_TYPES.MemberExpression && chain.parent.object === chain && text(context, chain) !== itemsText)
        chain = chain.parent;
      const member = chain.parent;
      return (
        !!shape!.counter &&
        text(context, chain) === itemsText &&
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === chain &&
        member.computed &&
        member.property.type === AST_NODE_TYPES.Identifier &&
        member.property.name === shape!.counter &&
        !changes(member, false)
      );
    };
    if (!collection || collection.references.some((reference) => contains(shape!.scope, reference.identifier) && !readsItem(reference.identifier)))
      return undefined;
    if (collection.references.some((reference) => reference.isWrite() && !reference.init && contains(shape!.loop, reference.identifier))) return undefined;
  } else if (writesThis(shape.scope)) {
    return undefined;
  }
  // `items.map(...)` is an array's; a loop's items are one when declared so, or copied once when nothing says what they are.
  const proven = iteration.kind !== 'loop' || (items.type === AST_NODE_TYPES.Identifier && holdsReiterableCollection(context, items));
  if (!proven && items.type === AST_NODE_TYPES.Identifier && !untypedAndUnchanged(context, items) && !shape.counter) return undefined;
  return { ...shape, proven, hoisted: false };
}

/** A name for the item of an index loop that the loop does not use (`users` → `user`), so the key's mapper can take it as its parameter. */
function parameterName(context: RuleContext, loop: TSESTree.ForStatement, items: TSESTree.Node): string {
  // `const order = orders[i];` opening the body names the item already.
  const first = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body[0] : undefined;
  const declarator = first?.type === AST_NODE_TYPES.VariableDeclaration && first.declarations.length === 1 ? first.declarations[0]! : undefined;
  let init = declarator?.init;
  if (init?.type === AST_NODE_TYPES.TSNonNullExpression) init = init.expression;
  if (
    declarator?.id.type === AST_NODE_TYPES.Identifier &&
    init?.type === AST_NODE_TYPES.MemberExpression &&
    init.computed &&
    text(context, init.object) === text(context, items) &&
    init.property.type === AST_NODE_TYPES.Identifier &&
    loop.init?.type === AST_NODE_TYPES.VariableDeclaration &&
    loop.init.declarations[0]?.id.type === AST_NODE_TYPES.Identifier &&
    init.property.name === loop.init.declarations[0].id.name
  )
    return declarator.id.name;
  const words = new Set(text(context, loop).match(/[A-Za-z_$][\w$]*/g) ?? []);
  const stem = items.type === AST_NODE_TYPES.Identifier ? items.name : items.type === AST_NODE_TYPES.MemberExpression ? (propertyName(items) ?? '') : '';
  const singular = stem.replace(/([^s])s$/, '$1');
  const base = singular && singular !== stem ? singular : 'item';
  for (let suffix = 1; ; suffix++) {
    const candidate = suffix === 1 ? base : `${base}${suffix}`;
    if (!words.has(candidate)) return candidate;
  }
}

/** `xs.filter(...)`, `Object.values(x)`, `Array.from(x)`: a new array, which the fix can keep as it is. */
function makesArray(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(node.callee) ?? '';
  const object = node.callee.object;
  if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'Object' || object.name === 'Array'))
    return /^(?:keys|values|entries|from|of)$/.test(method) && !resolveVariable(context, object)?.defs.length;
  return /^(?:map|filter|slice|concat|flat|flatMap|toSorted)$/.test(method);
}

/** Whether the statement evaluates `node` before anything else (`const x = await Promise.all(...)`, `return Promise.all(...)`). */
function startsStatement(statement: TSESTree.Statement, node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current.parent && current !== statement) {
    const parent: TSESTree.Node = current.parent;
    const first =
      parent.type === AST_NODE_TYPES.AwaitExpression ||
      parent.type === AST_NODE_TYPES.ReturnStatement ||
      parent.type === AST_NODE_TYPES.ExpressionStatement ||
      (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current && parent.id.type === AST_NODE_TYPES.Identifier) ||
      (parent.type === AST_NODE_TYPES.VariableDeclaration && parent.declarations.length === 1) ||
      (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && parent.left.type === AST_NODE_TYPES.Identifier);
    if (!first) return false;
    current = parent;
  }
  return current === statement;
}

/** Whether code assigns to a property of `this`, which the loop's items may be read from. */
function writesThis(node: TSESTree.Node): boolean {
  let found = false;
  visitWithinFunction(node, (child) => {
    if (child.type === AST_NODE_TYPES.AssignmentExpression && chainRoot(child.left).type === AST_NODE_TYPES.ThisExpression) found = true;
  });
  return found;
}

/** `for (let i = 0; i < items.length; i++)` over a name chain, with the counter changed only by the loop. */
function countedItems(context: RuleContext, loop: TSESTree.ForStatement): { items: TSESTree.Expression; counter: string } | undefined {
  const { init, test, update } = loop;
  if (init?.type !== AST_NODE_TYPES.VariableDeclaration || init.kind !== 'let' || init.declarations.length !== 1) return undefined;
  const declarator = init.declarations[0]!;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init?.type !== AST_NODE_TYPES.Literal || declarator.init.value !== 0) return undefined;
  const counter = declarator.id.name;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression || test.operator !== '<' || test.left.type !== AST_NODE_TYPES.Identifier || test.left.name !== counter)
    return undefined;
  if (test.right.type !== AST_NODE_TYPES.MemberExpression || test.right.computed || propertyName(test.right) !== 'length' || !isNameChain(test.right.object))
    return undefined;
  const increments =
    (update?.type === AST_NODE_TYPES.UpdateExpression &&
      update.operator === '++' &&
      update.argument.type === AST_NODE_TYPES.Identifier &&
      update.argument.name === counter) ||
    (update?.type === AST_NODE_TYPES.AssignmentExpression &&
      update.operator === '+=' &&
      update.left.type === AST_NODE_TYPES.Identifier &&
      update.left.name === counter &&
      update.right.type === AST_NODE_TYPES.Literal &&
      update.right.value === 1);
  if (!increments) return undefined;
  const variable = context.scopeManager.getDeclaredVariables(declarator)[0];
  if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init && !contains(update!, reference.identifier)))
    return undefined;
  return { items: test.right.object, counter };
}

/** Global functions that convert a key without effects: `Number(id)`, `String(id)`. */
const CONVERSIONS = new Set(['Number', 'String', 'parseInt', 'parseFloat']);

/** Methods a condition may call without effects. */
const PURE_METHODS = new Set(['has', 'includes', 'startsWith', 'endsWith', 'test', 'isArray', 'indexOf', 'trim', 'toLowerCase', 'toUpperCase']);

/** `isUUID(x)`, `isDefined(x)`: a synchronous predicate, by the name every codebase gives one. */
const PREDICATE_NAME = /^(?:is|has)[A-Z]\w*$/;

/**
 * Writes an expression of the loop body as an expression of the item alone, for the mapper
 * before the loop: the item's names stay, names fixed before the loop stay, constants the body
 * derives from the item (`const { recipientId } = field`) are replaced by what they read, and
 * `items[i]` becomes the item. Undefined when the expression reads anything else, or may have
 * an effect. `conditions` also allows comparisons and pure predicates.
 */
class Translator {
  /** Whether the last translated expression read the item. */
  readsItem = false;

  constructor(
    private readonly context: RuleContext,
    private readonly shape: Shape,
    private readonly before: number,
  ) {}

  translate(node: TSESTree.Node, condition = false, depth = 0): string | undefined {
    if (depth > 8) return undefined;
    const edits: TextEdit[] = [];
    if (!this.collect(node, edits, condition, depth)) return undefined;
    let output = text(this.context, node);
    for (const edit of edits.sort((a, b) => b.start - a.start)) {
      output = output.slice(0, edit.start - node.range[0]) + edit.text + output.slice(edit.end - node.range[0]);
    }
    return output;
  }

  private collect(node: TSESTree.Node, edits: TextEdit[], condition: boolean, depth: number): boolean {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
      case AST_NODE_TYPES.ThisExpression:
        return true;
      case AST_NODE_TYPES.Identifier:
        return this.name(node, edits, depth);
      case AST_NODE_TYPES.MemberExpression:
        if (this.shape.counter && node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === this.shape.counter) {
          if (text(this.context, node.object) !== text(this.context, this.shape.items)) return false;
          this.readsItem = true;
          // `items[i]!` is the item: the mapper's parameter needs no assertion.
          const whole = node.parent?.type === AST_NODE_TYPES.TSNonNullExpression ? node.parent : node;
          edits.push({ start: whole.range[0], end: whole.range[1], text: this.shape.param });
          return true;
        }
        return this.collect(node.object, edits, condition, depth) && (!node.computed || this.collect(node.property, edits, condition, depth));
      case AST_NODE_TYPES.TSNonNullExpression:
        if (edits.length > 0 && edits[edits.length - 1]!.end === node.range[1] && edits[edits.length - 1]!.start === node.range[0]) return true;
        return this.collect(node.expression, edits, condition, depth);
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
        return this.collect(node.expression, edits, condition, depth);
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.every((expression) => this.collect(expression, edits, condition, depth));
      case AST_NODE_TYPES.ObjectExpression:
        return node.properties.every(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            !property.method &&
            property.kind === 'init' &&
            !property.shorthand &&
            (!property.computed || this.collect(property.key, edits, condition, depth)) &&
            this.collect(property.value, edits, condition, depth),
        );
      case AST_NODE_TYPES.ArrayExpression:
        return node.elements.every(
          (element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && this.collect(element, edits, condition, depth),
        );
      case AST_NODE_TYPES.UnaryExpression:
        return node.operator !== 'delete' && this.collect(node.argument, edits, condition, depth);
      case AST_NODE_TYPES.BinaryExpression:
      case AST_NODE_TYPES.LogicalExpression:
        return (
          node.left.type !== AST_NODE_TYPES.PrivateIdentifier &&
          this.collect(node.left, edits, condition, depth) &&
          this.collect(node.right, edits, condition, depth)
        );
      case AST_NODE_TYPES.ConditionalExpression:
        return condition && [node.test, node.consequent, node.alternate].every((part) => this.collect(part, edits, condition, depth));
      case AST_NODE_TYPES.CallExpression: {
        if (node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
        const callee = node.callee;
        const global = callee.type === AST_NODE_TYPES.Identifier && !resolveVariable(this.context, callee)?.defs.length;
        const pure =
          (global && CONVERSIONS.has((callee as TSESTree.Identifier).name)) ||
          (condition &&
            ((callee.type === AST_NODE_TYPES.Identifier && PREDICATE_NAME.test(callee.name)) ||
              (callee.type === AST_NODE_TYPES.MemberExpression && PURE_METHODS.has(propertyName(callee) ?? ''))));
        if (!pure) return false;
        if (callee.type === AST_NODE_TYPES.MemberExpression && !this.collect(callee.object, edits, condition, depth)) return false;
        if (callee.type === AST_NODE_TYPES.Identifier && !global && !this.name(callee, edits, depth)) return false;
        return node.arguments.every((argument) => this.collect(argument, edits, condition, depth));
      }
      default:
        return false;
    }
  }

  /** A name: the item's, one fixed before the loop, or a constant of the body derived from the item. */
  private name(identifier: TSESTree.Identifier, edits: TextEdit[], depth: number): boolean {
    const variable = resolveVariable(this.context, identifier);
    if (!variable) return identifier.name === 'undefined';
    const declared = variable.defs[0]?.name;
    if (!declared || variable.defs.length !== 1) return false;
    if (this.shape.binding && contains(this.shape.binding, declared)) {
      this.readsItem = true;
      return true;
    }
    if (!contains(this.shape.loop, declared)) {
      // Fixed before the loop: declared outside it, and neither assigned nor changed (`seen.push(id)`) in it.
      return !variable.references.some((reference) => contains(this.shape.loop, reference.identifier) && changes(reference.identifier, reference.isWrite()));
    }
    // A constant of the body, declared before the query in a block that holds it, from the item alone.
    const definition = variable.defs[0]!;
    if (definition.type !== 'Variable' || variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
    const declarator = definition.node as TSESTree.VariableDeclarator;
    const declaration = declarator.parent as TSESTree.VariableDeclaration;
    if (!declarator.init || declarator.range[1] > this.before || !holdsAlways(declaration, this.shape.scope)) return false;
    const source = this.translate(declarator.init, false, depth + 1);
    if (source === undefined) return false;
    const primary = /^[\w$.]+$/.test(source) || /^[\w$.]+\([^()]*\)$/.test(source) ? source : `(${source})`;
    let replacement: string | undefined;
    if (declarator.id === declared) replacement = source === primary ? source : primary;
    else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) replacement = this.fromPattern(declarator.id, declared, primary);
    if (replacement === undefined) return false;
    edits.push({ start: identifier.range[0], end: identifier.range[1], text: replacement });
    return true;
  }

  /** `const { a, b: c } = x`: `x.a` for `a`, `x.b` for `c`; no defaults, rests or nesting. */
  private fromPattern(pattern: TSESTree.ObjectPattern, declared: TSESTree.Node, source: string): string | undefined {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
      if (property.value === declared) return `${source}.${property.key.name}`;
    }
    return undefined;
  }
}

/** Methods that change the array, Set or Map they are called on. */
const CHANGING_METHODS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'add', 'set', 'delete', 'clear', 'sort', 'reverse', 'fill', 'copyWithin']);

/** Whether a use of a name assigns it, or changes what it holds: a property assigned or deleted, `push`, `add`, `set`. */
function changes(identifier: TSESTree.Node, written: boolean): boolean {
  if (written) return true;
  let node = identifier;
  while (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.object === node) {
    const member = node.parent;
    const use = member.parent;
    if (use?.type === AST_NODE_TYPES.CallExpression && use.callee === member) return CHANGING_METHODS.has(propertyName(member) ?? '');
    if ((use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === member) || use?.type === AST_NODE_TYPES.UpdateExpression) return true;
    if (use?.type === AST_NODE_TYPES.UnaryExpression && use.operator === 'delete') return true;
    node = member;
  }
  return false;
}

/** Whether a statement runs whenever its block in `scope` runs to the query: directly in a block on the way, not in a branch. */
function holdsAlways(statement: TSESTree.Node, scope: TSESTree.Node): boolean {
  const block = statement.parent;
  return block?.type === AST_NODE_TYPES.BlockStatement && contains(scope, block);
}

/**
 * The conditions under which the query runs in an iteration, as tests of the item: the `if`s,
 * `?:`, `&&` around it, and the `if (…) continue` guards before it. A test that also reads what
 * the loop changes (a list of ids already seen) only skips repeats: it is left out, and the fix
 * loads the rows of those items too. Undefined when a condition may have an effect, or the
 * query sits where the fix cannot tell when it runs.
 */
function conditionsOf(shape: Shape, site: Site, translator: Translator): string[] | undefined {
  const tests: string[] = [];
  const add = (test: TSESTree.Node, negate: boolean, nullish = false): boolean => {
    if (!isPureTest(test)) return false;
    // `if (a || b) continue` is `if (a) continue; if (b) continue;`: each part that reads only the item still filters.
    if (!nullish && test.type === AST_NODE_TYPES.LogicalExpression && test.operator === (negate ? '||' : '&&'))
      return add(test.left, negate) && add(test.right, negate);
    const written = translator.translate(test, true);
    if (written === undefined) return true;
    const simple = /^!?[\w$.]+(?:\([\w$., ]*\))?$/.test(written);
    const negation = written.startsWith('!') && simple ? written.slice(1) : simple ? `!${written}` : `!(${written})`;
    tests.push(nullish ? `${simple ? written : `(${written})`} == null` : negate ? negation : written);
    return true;
  };
  let child: TSESTree.Node = site.runs;
  for (let current = child.parent; current && child !== shape.scope; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (current.test !== child && !add(current.test, current.alternate === child)) return undefined;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (current.right === child && !add(current.left, current.operator === '||', current.operator === '??')) return undefined;
        break;
      case AST_NODE_TYPES.BlockStatement: {
        for (const statement of current.body) {
          if (statement === child) break;
          const guard = exitGuard(shape, statement);
          if (guard === false) return undefined;
          if (guard && !add(guard, true)) return undefined;
        }
        break;
      }
      case AST_NODE_TYPES.TryStatement:
        if (current.block !== child) return undefined;
        break;
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.CatchClause:
      case AST_NODE_TYPES.LabeledStatement:
        return undefined;
      default:
        if (isFunction(current) || current.type === AST_NODE_TYPES.ForStatement || current.type === AST_NODE_TYPES.WhileStatement) return undefined;
    }
  }
  return child === shape.scope || site.runs === shape.scope ? tests : undefined;
}

/**
 * For a statement before the query: the test of `if (test) continue;` (or `return`, `break`,
 * `throw`, last in a block), undefined for a statement that cannot end the iteration, false for
 * one that can in a way the fix does not follow.
 */
function exitGuard(shape: Shape, statement: TSESTree.Statement): TSESTree.Expression | undefined | false {
  const exits = (node: TSESTree.Node): boolean => {
    let found = false;
    visitWithinFunction(node, (child) => {
      if (child.type === AST_NODE_TYPES.ReturnStatement || child.type === AST_NODE_TYPES.ThrowStatement) found = true;
      if ((child.type === AST_NODE_TYPES.ContinueStatement || child.type === AST_NODE_TYPES.BreakStatement) && leavesIteration(child, shape.loop)) found = true;
    });
    return found;
  };
  if (!exits(statement)) return undefined;
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  const body = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent];
  const last = body[body.length - 1];
  const endsIteration =
    last?.type === AST_NODE_TYPES.ContinueStatement ||
    last?.type === AST_NODE_TYPES.ReturnStatement ||
    last?.type === AST_NODE_TYPES.ThrowStatement ||
    last?.type === AST_NODE_TYPES.BreakStatement;
  if (
    !endsIteration ||
    body.slice(0, -1).some(exits) ||
    (last.type !== AST_NODE_TYPES.ReturnStatement && last.type !== AST_NODE_TYPES.ThrowStatement && last.label)
  )
    return false;
  return statement.test;
}

/** Whether a `continue` or `break` leaves the loop's iteration (not an inner loop's or switch's). */
function leavesIteration(jump: TSESTree.ContinueStatement | TSESTree.BreakStatement, loop: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = jump.parent; current && current !== loop; current = current.parent) {
    if (jump.label && current.type === AST_NODE_TYPES.LabeledStatement) return false;
    if (
      !jump.label &&
      (current.type === AST_NODE_TYPES.ForStatement ||
        current.type === AST_NODE_TYPES.ForOfStatement ||
        current.type === AST_NODE_TYPES.ForInStatement ||
        current.type === AST_NODE_TYPES.WhileStatement ||
        current.type === AST_NODE_TYPES.DoWhileStatement ||
        (jump.type === AST_NODE_TYPES.BreakStatement && current.type === AST_NODE_TYPES.SwitchStatement))
    )
      return false;
  }
  return true;
}

/** A test without effects: reads, comparisons, pure methods and predicates; no await, assignment or call of anything else. */
function isPureTest(node: TSESTree.Node): boolean {
  let pure = true;
  visitWithinFunction(node, (child) => {
    if (
      child.type === AST_NODE_TYPES.AwaitExpression ||
      child.type === AST_NODE_TYPES.AssignmentExpression ||
      child.type === AST_NODE_TYPES.UpdateExpression ||
      child.type === AST_NODE_TYPES.NewExpression ||
      child.type === AST_NODE_TYPES.TaggedTemplateExpression ||
      child.type === AST_NODE_TYPES.YieldExpression ||
      (child.type === AST_NODE_TYPES.UnaryExpression && child.operator === 'delete') ||
      (child !== node && isFunction(child))
    )
      pure = false;
    if (child.type === AST_NODE_TYPES.CallExpression) {
      const callee = child.callee;
      const name =
        callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? (propertyName(callee) ?? '') : '';
      if (!PURE_METHODS.has(name) && !PREDICATE_NAME.test(name) && !CONVERSIONS.has(name)) pure = false;
    }
  });
  return pure;
}

/** Whether a value is the same for every item: no item, no name the loop changes, no effect. */
function isFixedForLoop(context: RuleContext, node: TSESTree.Node, shape: Shape): boolean {
  const translator = new Translator(context, shape, node.range[0]);
  return translator.translate(node) === text(context, node) && !translator.readsItem;
}

/**
 * Whether the loop writes to the table it looks rows up in (`User.update(...)`, `user.save()`):
 * a row loaded before the loop would miss what an earlier iteration wrote.
 */
function writesLookedUpModel(context: RuleContext, match: QueryMatch, scope: TSESTree.Node): boolean {
  let writes = false;
  visitWithinFunction(scope, (node) => {
    if (writes || node.type !== AST_NODE_TYPES.CallExpression) return;
    const query = databaseQueryOf(context, node);
    if (query?.kind !== 'write') return;
    const sameModel = query.model !== undefined && match.model !== undefined && query.model.toLowerCase() === match.model.toLowerCase();
    const sameReceiver = query.receiver !== undefined && query.receiver === match.receiver;
    if (sameModel || sameReceiver || query.row) writes = true;
  });
  return writes;
}

/** Row methods that change the row or its relations in memory (`user.set(...)`, `doc.populate(...)`), by the names the ORMs give them. */
const CHANGING_ROW_METHOD =
  /^(?:save|update|upsert|destroy|remove|delete|set|setDataValue|setAttributes|increment|decrement|reload|restore|changed|add|create|populate|depopulate|markModified|unmarkModified|overwrite|softRemove|recover|assign|merge|\$)/;

/** Whether the loop changes a row it got (`user.seen = true`): with duplicate keys the rows are now shared. */
function mutatesResult(context: RuleContext, holder: TSESTree.Node | undefined): boolean {
  if (!holder || holder.type === AST_NODE_TYPES.ObjectPattern) return false;
  if (holder.type !== AST_NODE_TYPES.Identifier) {
    // A row handed on as it is (returned, pushed, passed, put in an object) is not changed here.
    const parent = holder.parent;
    return !(
      parent?.type === AST_NODE_TYPES.ReturnStatement ||
      parent?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      parent?.type === AST_NODE_TYPES.CallExpression ||
      parent?.type === AST_NODE_TYPES.Property ||
      parent?.type === AST_NODE_TYPES.ArrayExpression
    );
  }
  const variable = resolveVariable(context, holder);
  return (
    !variable ||
    variable.references.some((reference) => {
      const parent = reference.identifier.parent;
      if (reference.isWrite() && !reference.init) return true;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
      const use = parent.parent;
      if (use?.type === AST_NODE_TYPES.CallExpression && use.callee === parent) return CHANGING_ROW_METHOD.test(propertyName(parent) ?? '$');
      return (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === parent) || use?.type === AST_NODE_TYPES.UpdateExpression;
    })
  );
}

/**
 * For a loop that looks up one row by key per item, a fix that runs one batched query before
 * the loop and reads each row from a Map: same rows, same order, `null` where no row exists.
 * The rest of the loop stays as it was. The keys are those of the items whose iteration runs
 * the query (the conditions around it become a filter), or of every item when a condition
 * reads what the loop changes. Offered on request only: a failing batch fails before the
 * loop's first iteration, where the original failed in the middle.
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
  const site = siteOf(queryExpression(lookup.outer ?? call));
  const shape = site && loopShape(context, iteration, site);
  if (!site || !shape || mutatesResult(context, site.holder) || writesLookedUpModel(context, match, shape.scope)) return undefined;
  if (!isNameChain(call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee) && lookup.outer === undefined) {
    // `this.connection.getRepository(ctx, Stock).findOne(...)`: the receiver itself must be a value fixed before the loop.
    return undefined;
  }
  const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee;
  if (lookup.outer === undefined && !isFixedForLoop(context, receiver, shape)) return undefined;
  if (lookup.outer !== undefined && !call.arguments.every((argument) => isFixedForLoop(context, argument, shape))) return undefined;
  if (!lookup.filters.every((filter) => isFixedForLoop(context, filter, shape))) return undefined;
  const translator = new Translator(context, shape, site.runs.range[0]);
  const keyText = translator.translate(lookup.key);
  if (keyText === undefined || !translator.readsItem) return undefined;
  const conditions = conditionsOf(shape, site, translator);
  if (!conditions) return undefined;

  const style = fileStyle(context);
  const indent = indentationAt(context, shape.anchor.range[0]);
  const edits: TextEdit[] = [...lookup.edits];
  let itemsText = text(context, shape.items);
  let hoistedItems = '';
  if (shape.hoisted) {
    const name = freshName(context, `${lowerFirst(itemsStem(shape)).replace(/([^s])s$/, '$1')}List`);
    hoistedItems = `const ${name} = ${shape.proven ? itemsText : `[...${itemsText}]`}${style.semicolon}\n${indent}`;
    edits.push({ start: shape.items.range[0], end: shape.items.range[1], text: name });
    itemsText = name;
  }
  const itemIsKey = !shape.counter && keyText === shape.param && shape.binding?.type === AST_NODE_TYPES.Identifier;
  // Items nothing proves an array are copied as the loop read them: spread as a for-of iterates (an `any` stays `any`), by index for a counted loop.
  const source = shape.proven || shape.hoisted ? itemsText : shape.counter ? `Array.from(${itemsText})` : `[...${itemsText}]`;
  // The key is read where the conditions hold, so that TypeScript narrows it as the loop did (`item.userId !== null`).
  const keys =
    conditions.length > 0
      ? `${source}.flatMap((${shape.param}) => (${conditions.join(' && ')} ? [${keyText}] : []))`
      : itemIsKey
        ? source
        : `${source}.map((${shape.param}) => ${keyText})`;
  const stem = lowerFirst(lookup.stem.replace(/([^s])s$/, '$1'));
  // The same query twice in a function gets names of its own each time, even when both fixes are applied at once.
  const ordinal = sameQueriesBefore(context, call);
  const suffix = ordinal > 0 ? String(ordinal + 1) : '';
  const map = freshName(context, `${stem}By${upperFirst(lookup.keyName.replace(/^_/, ''))}${suffix}`);
  const rows = freshName(context, `${stem}Rows${suffix}`, new Set([map]));
  // Options written over several lines keep their shape, indented from the loop's line instead of the query's.
  const queryIndent = indentationAt(context, call.range[0]);
  const batched = lookup
    .batched(keys)
    .replace(/\n([ \t]*)/g, (_, space: string) => `\n${space.startsWith(queryIndent) ? indent + space.slice(queryIndent.length) : space}`);
  const hoisted = `${hoistedItems}const ${rows} = await ${batched}${style.semicolon}\n${indent}const ${map} = new Map(${rows}.map((row) => ${lookup.entry}))${style.semicolon}\n${indent}`;
  const lookupKey = text(context, lookup.key);
  const read = `${map}.get(${lookup.stringKeys ? `String(${lookupKey})` : lookupKey})${lookup.missing === 'null' ? ' ?? null' : ''}`;
  return {
    title: 'Load all rows in one query before the loop and read them from a Map (unsafe fix: one query replaces many and runs before the loop)',
    safe: false,
    edits: [
      ...edits,
      { start: shape.anchor.range[0], end: shape.anchor.range[0], text: hoisted },
      { start: site.replaced.range[0], end: site.replaced.range[1], text: needsParentheses(site.replaced) ? `(${read})` : read },
    ],
  };
}

/** How many calls of the same query (`prisma.user.findUnique`) come before this one in the file. */
function sameQueriesBefore(context: RuleContext, call: TSESTree.CallExpression): number {
  const callee = text(context, call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee : call);
  const source = context.text.slice(0, call.range[0]);
  let count = 0;
  for (let at = source.indexOf(callee); at !== -1; at = source.indexOf(callee, at + callee.length)) count++;
  return count;
}

/** A stem for names derived from the items: `users` → `users`, `data.envelopeItems` → `envelopeItems`, `Object.keys(x)` → `x`. */
function itemsStem(shape: Shape): string {
  let node: TSESTree.Node = shape.items;
  for (let depth = 0; depth < 4; depth++) {
    if (node.type === AST_NODE_TYPES.Identifier) return node.name;
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) return propertyName(node) ?? 'item';
    if (node.type === AST_NODE_TYPES.AwaitExpression) node = node.argument;
    else if (node.type === AST_NODE_TYPES.CallExpression)
      node = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.object : (node.arguments[0] ?? node.callee);
    else if (node.type === AST_NODE_TYPES.NewExpression) node = node.arguments[0] ?? node.callee;
    else break;
  }
  return 'item';
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
