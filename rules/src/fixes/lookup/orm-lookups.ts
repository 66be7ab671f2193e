/** Each ORM's one-row look-up by key, and the batched query that loads the rows of many keys. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext, TextEdit } from '../../types';
import { bindingFor } from '../imports';
import type { QueryMatch } from '../../analysis/queries';
import { propertyName, resolveModuleMember, resolveVariable } from '../../analysis/resolve';
import { lookupFunction, type ProjectModels } from '../../analysis/orm-index';
import { fileStyle, isTypeScript } from '../style';
import { text } from './names';

/**
 * The one-row-by-key look-up a loop repeats, in a form that batches: which key column, the
 * key expression per item, and how to write the batched query and read one row of its result.
 */
export interface Lookup {
  /** The key expression of one item (`order.customerId`). */
  key: TSESTree.Expression;
  /** The batched query for an expression of all keys, and the Map entry of one row. */
  batched(keys: string): string;
  entry: string;
  /** Whether keys are compared as strings (ids that the ORM coerces: numbers from `req.params`, ObjectIds). */
  stringKeys: boolean;
  /** What the single-row query gives for a missing row. */
  missing: 'null' | 'undefined';
  /**
   * The error the single-row query rejects with for a missing row (Sequelize `rejectOnEmpty`),
   * and whether a `null` or `undefined` key still gives `null` without a query (`findByPk`).
   */
  rejects?: { error: string; nullKeyGivesNull: boolean };
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
const SEQUELIZE_OPTIONS = new Set(['include', 'paranoid', 'transaction', 'rejectOnEmpty']);

/**
 * What Sequelize throws for a missing row under `rejectOnEmpty`: `true` throws a new
 * `EmptyResultError`, an object is thrown as it is (`new NotFoundError('…')` with constant or
 * named arguments, built where the miss is read instead of before the query). `false` or no
 * option: nothing. Undefined when the value cannot be told apart (a name holding a class, which
 * Sequelize would construct, or an object, which it would throw).
 */
function sequelizeRejection(context: RuleContext, option: TSESTree.Property | undefined): { error?: string; edits: TextEdit[] } | undefined {
  const value = option?.value;
  if (!value || (value.type === AST_NODE_TYPES.Literal && value.value === false)) return { edits: [] };
  if (value.type === AST_NODE_TYPES.Literal && value.value === true) {
    const binding = bindingFor(context, [{ module: 'sequelize', path: [] }], 'EmptyResultError');
    // Sequelize passes no message; its type asks for one, and `''` would give the error an own `message`.
    return { error: `new ${binding.text}(${isTypeScript(context) ? 'undefined!' : ''})`, edits: binding.edits };
  }
  const constant = (argument: TSESTree.Node): boolean =>
    argument.type === AST_NODE_TYPES.Literal ||
    (argument.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0) ||
    argument.type === AST_NODE_TYPES.Identifier;
  if (value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.arguments.every(constant))
    return { error: text(context, value), edits: [] };
  return undefined;
}

/** An options object's text with some properties' values replaced and others (given `undefined`) left out, keeping the source's key spelling. */
function editProperties(context: RuleContext, options: TSESTree.ObjectExpression, changes: ReadonlyMap<TSESTree.Property, string | undefined>): string {
  const edits = [...changes].map(([property, value]) => {
    if (value !== undefined) return { start: property.range[0], end: property.range[1], text: `${text(context, property.key)}: ${value}` };
    const index = options.properties.indexOf(property);
    const next = options.properties[index + 1];
    const previous = options.properties[index - 1];
    // The property goes with the comma after it, or before it when it is the last.
    const [start, end] = next ? [property.range[0], next.range[0]] : previous ? [previous.range[1], property.range[1]] : property.range;
    return { start, end, text: '' };
  });
  let output = context.text.slice(options.range[0], options.range[1]);
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    output = output.slice(0, edit.start - options.range[0]) + edit.text + output.slice(edit.end - options.range[0]);
  }
  return output;
}

/**
 * Sequelize `Model.findByPk(V)` or `Model.findOne({ where: { id: V } })`, with the options that
 * keep their meaning for `findAll`: rows are matched on the primary key attribute, or on `id`.
 */
function sequelizeLookup(context: RuleContext, call: TSESTree.CallExpression, match: QueryMatch): Lookup | undefined {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || overridesFinder(context, call.callee.object, match.operation)) return undefined;
  const model = text(context, call.callee.object);
  const findOne = match.operation === 'findOne' && call.arguments.length === 1;
  if (!findOne && (match.operation !== 'findByPk' || call.arguments.length < 1 || call.arguments.length > 2)) return undefined;
  const argument = findOne ? call.arguments[0] : call.arguments[1];
  const options = argument ? propertiesOf(argument) : new Map<string, TSESTree.Property>();
  if (!options || [...options.keys()].some((name) => name !== 'where' && !SEQUELIZE_OPTIONS.has(name))) return undefined;
  const rejectOption = options.get('rejectOnEmpty');
  const rejection = sequelizeRejection(context, rejectOption);
  if (!rejection) return undefined;
  // The batch leaves `rejectOnEmpty` out (`findAll` takes no such option in its type); the read throws where the look-up did.
  const left = new Map(rejectOption ? [[rejectOption, undefined]] : []);
  const shared = {
    stringKeys: true,
    missing: 'null' as const,
    ...(rejection.error !== undefined && { rejects: { error: rejection.error, nullKeyGivesNull: !findOne } }),
    filters: [...options.values()].filter((option) => option !== rejectOption && option !== options.get('where')).map((option) => option.value),
    stem: match.model ?? 'row',
    edits: rejection.edits,
  };
  if (findOne) {
    const where = options.get('where');
    const key = where && keyedWhere(where.value, PRIMARY_KEY);
    if (!where || !key) return undefined;
    return {
      ...shared,
      key: key.value,
      batched: (keys) =>
        `${model}.findAll(${editProperties(context, argument as TSESTree.ObjectExpression, new Map([...left, [where, replaceKeyValue(context, where.value, key.property, keys)]]))})`,
      entry: `[String(row.get(${fileStyle(context).quote}${key.name}${fileStyle(context).quote})), row]`,
      filters: [...key.others, ...shared.filters],
      keyName: key.name,
    };
  }
  if (options.has('where')) return undefined;
  const rest = [...options.values()]
    .filter((property) => !left.has(property))
    .map((property) => `, ${text(context, property)}`)
    .join('');
  return {
    ...shared,
    key: call.arguments[0] as TSESTree.Expression,
    batched: (keys) => `${model}.findAll({ where: { [${model}.primaryKeyAttribute]: ${keys} }${rest} })`,
    entry: `[String(row.get(${model}.primaryKeyAttribute)), row]`,
    keyName: 'pk',
  };
}

/** Methods that only hand out the model or repository to query, the same for the same arguments. */
const MODEL_ACCESSORS = new Set(['unscoped', 'scope', 'getRepository']);

/** `Model.unscoped()`, `Model.scope('active')`, `dataSource.getRepository(User)`, `this.connection.getRepository(ctx, User)`: such a call, or undefined. */
export function modelAccessor(node: TSESTree.Node): (TSESTree.CallExpression & { callee: TSESTree.MemberExpression }) | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || node.callee.computed) return undefined;
  if (node.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  return MODEL_ACCESSORS.has(propertyName(node.callee) ?? '') ? (node as TSESTree.CallExpression & { callee: TSESTree.MemberExpression }) : undefined;
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
  const accessor = modelAccessor(model);
  if (accessor) return overridesFinder(context, accessor.callee.object, method);
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

/** The one-row look-up of a query, in the form its ORM batches; undefined for any other query. */
export function lookupOf(context: RuleContext, call: TSESTree.CallExpression, match: QueryMatch): Lookup | undefined {
  switch (match.library) {
    case 'prisma':
      return prismaLookup(context, call, match);
    case 'typeorm':
      return typeormLookup(context, call, match);
    case 'sequelize':
      return sequelizeLookup(context, call, match);
    case 'mongoose':
      return mongooseLookup(context, call, match);
    case 'knex':
      return knexLookup(context, call);
    case 'drizzle':
      return drizzleLookup(context, call, match);
    default:
      return undefined;
  }
}
