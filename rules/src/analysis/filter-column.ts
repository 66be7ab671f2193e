import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { nextChainCall } from './names';
import { keyName, propertyName } from './resolve';
import type { Orm } from './orm';
import { sendsSqlText, sqlArgumentOf } from './query-kinds';

/** What `filterColumn` reads of a query: its library, its method and the call that runs it. */
interface FilteredQuery {
  library: Orm;
  operation: string;
  call: TSESTree.Node;
}

/** The only key of an object literal (`{ id: x }`), when it has exactly one plain property. */
export function onlyKey(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression || node.properties.length !== 1) return undefined;
  const property = node.properties[0]!;
  if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) return undefined;
  // `{ projects: { some: ... } }` filters by a relation, not by one value per item; `{ AND: [...] }` joins filters.
  return property.value.type === AST_NODE_TYPES.ObjectExpression || /^(?:AND|OR|NOT|\$\w+)$/.test(property.key.name) ? undefined : property.key.name;
}

/** The `where` object of a finder's options (`{ where: { ... } }`). */
export function whereOption(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of node.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'where')
      return property.value;
  }
  return undefined;
}

/** A plain column name (`list`, `user_id`), also one named by its table or alias (`mact.monitor_alerts_id`), not an expression. */
const COLUMN = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?$/;

/** A value the same on every call: a literal, a template without values, or an array of them (`'ACTIVE'`, `true`, `['a', 'b']`). */
function isConstant(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return true;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0;
  if (node.type === AST_NODE_TYPES.UnaryExpression) return isConstant(node.argument);
  // `{ $exists: true }`, `{ $in: ['open', 'held'] }`: an operator on constants.
  if (node.type === AST_NODE_TYPES.ObjectExpression)
    return node.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && isConstant(property.value));
  return node.type === AST_NODE_TYPES.ArrayExpression && node.elements.every((element) => element !== null && isConstant(element));
}

/** A column and the value a Knex step compares it with (the column unknown where the step says no plain `=`). */
type KnexFilter = [column: string | undefined, value: TSESTree.Node];

/** The column a literal names, when it is a plain or table-qualified column. */
function columnName(node: TSESTree.Node | undefined): string | undefined {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && COLUMN.test(node.value) ? node.value : undefined;
}

/**
 * What one filter step of a builder's chain compares: `where({ list: id, status: 'open' })`, `where('list', id)`,
 * `where('list', '=', id)`; any other step's values with no column. Undefined where the step is not read (a callback, a spread).
 */
function stepFilters(step: TSESTree.CallExpression, equals: boolean): KnexFilter[] | undefined {
  const args = step.arguments;
  if (
    args.some(
      (argument) =>
        argument.type === AST_NODE_TYPES.SpreadElement ||
        argument.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        argument.type === AST_NODE_TYPES.FunctionExpression,
    )
  )
    return undefined;
  if (!equals) return args.map((argument) => [undefined, argument]);
  const [first, second, third] = args;
  if (second === undefined) {
    if (first?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const filters: KnexFilter[] = [];
    for (const property of first.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) return undefined;
      const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : columnName(property.key);
      filters.push([key, property.value]);
    }
    return filters;
  }
  if (third === undefined) return [[columnName(first), second]];
  const operator = second.type === AST_NODE_TYPES.Literal ? second.value : undefined;
  return [[operator === '=' ? columnName(first) : undefined, third]];
}

/** Knex's filter steps, and those that compare a column with one value; a join compares columns of two tables, not a value of each item. */
const KNEX_FILTERS: ChainFilters = { filter: /^(?:(?:and|or)?where\w*|having\w*)$/i, equals: /^(?:and)?where$/i };
/** PostgREST's filters (`eq('id', id)`, `match({ id })`, `in`, `is`, `or`, …) on a Supabase builder. */
const SUPABASE_FILTERS: ChainFilters = {
  filter:
    /^(?:eq|neq|gt|gte|lt|lte|like|likeAllOf|likeAnyOf|ilike|ilikeAllOf|ilikeAnyOf|is|in|contains|containedBy|overlaps|textSearch|match|not|or|filter|range(?:Gt|Gte|Lt|Lte|Adjacent))$/,
  equals: /^(?:eq|match)$/,
};

/** The steps of a builder's chain that filter its rows, and those of them that compare a column with one value. */
interface ChainFilters {
  filter: RegExp;
  equals: RegExp;
}

/**
 * The columns a builder's chain (Knex's, Supabase's) filters on by values that change from call to call: `subscriber_method_id` of
 * `.where('subscriber_method_id', method.id).andWhere('status', 'ACTIVE')`, `mact.alert_id` of a join's
 * `.where('mact.alert_id', config.id)`. Filters on constants are the same for every item; undefined where a filter names no column.
 */
function chainColumns(start: TSESTree.Node, steps: ChainFilters, varies: Varies): string[] | undefined {
  const columns: string[] = [];
  for (let step = nextChainCall(start); step; step = nextChainCall(step)) {
    const name = propertyName(step.callee as TSESTree.MemberExpression) ?? '';
    if (!steps.filter.test(name)) continue;
    const filters = stepFilters(step, steps.equals.test(name));
    if (filters === undefined) return undefined;
    for (const [key, value] of filters) {
      if (!varies(value)) continue;
      if (key === undefined) return undefined;
      columns.push(key);
    }
  }
  return columns;
}

/** `workspace: { id: workspace.id }`, also only when given (`account ? { id: account.id } : undefined`): a filter through a relation, not a key of the row. */
function isRelationFilter(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return isRelationFilter(node.consequent) || isRelationFilter(node.alternate);
  return node.type === AST_NODE_TYPES.ObjectExpression;
}

/** A filter's key: a plain name, or a quoted path into nested documents (`'services.auth.id'`). */
function filterKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return typeof property.key.value === 'string' && DOCUMENT_PATH.test(property.key.value) ? property.key.value : undefined;
}

/** A field or a dotted path into nested documents. */
const DOCUMENT_PATH = /^[A-Za-z_]\w*(?:\.\w+)*$/;

/** Which values of a filter it batches by: by default those that change from call to call. */
type Varies = (value: TSESTree.Node) => boolean;

/** The plain keys of a filter object whose values vary (`{ accountId, teamId, status: 'open' }`: two); undefined through a relation. */
function objectColumns(node: TSESTree.Node | undefined, varies: Varies): string[] | undefined {
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const columns: string[] = [];
  for (const property of node.properties) {
    const key = property.type === AST_NODE_TYPES.Property ? filterKey(property) : undefined;
    if (property.type !== AST_NODE_TYPES.Property || key === undefined) return undefined;
    // `{ projects: { some: ... } }` filters by a relation, not by one value per item; `{ AND: [...] }` joins filters.
    if ((isRelationFilter(property.value) && !isConstant(property.value)) || /^(?:AND|OR|NOT|\$\w+)$/.test(key)) return undefined;
    if (varies(property.value)) columns.push(key);
  }
  return columns;
}

/** SQL text as written in a string or a template, each spliced value a mark that no placeholder pattern matches. */
function writtenSql(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  return node?.type === AST_NODE_TYPES.TemplateLiteral ? node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('\u0000') : undefined;
}

/** A placeholder of SQL text: `?` by position, `$2` by number, `:name` (TypeORM's; not a `::cast`). */
const SQL_PLACEHOLDER = /\?|\$(\d+)|(?<!:):(?:\.\.\.)?(\w+)/g;
/** A column compared with what follows it: `monitor_id =`, `u.email =`, `` `key` = ``, `"userId" =`. */
const SQL_COMPARED = /(?:([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)|`(\w+)`|"(\w+)")\s*=\s*$/;

/**
 * The columns SQL text compares with values that change from call to call (`key` of `` `key` = ? `` handed `[key]`, `user.uuid` of
 * `'user.uuid = :uuid'` handed `{ uuid }`); `values` is what it is handed, an array by position or an object by name. Undefined where
 * such a value goes elsewhere than `column = placeholder`.
 */
function sqlColumns(text: string, values: TSESTree.Node | undefined, varies: Varies): string[] | undefined {
  const columns = new Set<string>();
  let position = 0;
  for (const placeholder of text.matchAll(SQL_PLACEHOLDER)) {
    const [, number, name] = placeholder;
    const value = name !== undefined ? namedValue(values, name) : positionalValue(values, number === undefined ? position++ : Number(number) - 1);
    // A value not written out (no array handed, a spread) may change on every call.
    if (value !== undefined && !varies(value)) continue;
    const before = text.slice(0, placeholder.index);
    // `LIMIT ?` sizes the result; it filters nothing.
    if (/\b(?:LIMIT|OFFSET)\s*$/i.test(before)) continue;
    const compared = SQL_COMPARED.exec(before);
    const column = compared && (compared[1] ?? compared[2] ?? compared[3]);
    if (!column) return undefined;
    columns.add(column);
  }
  return [...columns];
}

function positionalValue(values: TSESTree.Node | undefined, index: number): TSESTree.Node | undefined {
  const element = values?.type === AST_NODE_TYPES.ArrayExpression ? values.elements[index] : undefined;
  return element && element.type !== AST_NODE_TYPES.SpreadElement ? element : undefined;
}

function namedValue(values: TSESTree.Node | undefined, name: string): TSESTree.Node | undefined {
  if (values?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const property = values.properties.find((entry): entry is TSESTree.Property => entry.type === AST_NODE_TYPES.Property && keyName(entry) === name);
  return property?.value;
}

/** TypeORM's query builder steps that filter its rows (`where('user.uuid = :uuid', { uuid })`, `andWhere`, `orWhere`). */
const BUILDER_FILTERS = /^(?:and|or)?[wW]here$/;

/**
 * The columns a TypeORM query builder's chain filters on by values of each call: `user.uuid` of `createQueryBuilder('user')
 * .where('user.uuid = :uuid', { uuid: id }).andWhere('user.active = :active', { active: true })`; undefined where a step is not read.
 */
function builderColumns(start: TSESTree.Node, varies: Varies): string[] | undefined {
  const columns = new Set<string>();
  for (let step = nextChainCall(start); step; step = nextChainCall(step)) {
    if (!BUILDER_FILTERS.test(propertyName(step.callee as TSESTree.MemberExpression) ?? '')) continue;
    const [condition, values] = step.arguments;
    const text = writtenSql(condition);
    const found = text !== undefined ? sqlColumns(text, values, varies) : objectColumns(condition, varies);
    if (found === undefined) return undefined;
    for (const column of found) columns.add(column);
  }
  return [...columns];
}

/** RedBeanNode's finders, handed a bean type, then a WHERE clause and its values; its other SQL methods take the SQL first. */
const REDBEAN_FINDERS = /^(?:find|findOne|findAll|count)$/;

/** The SQL text a query sends and the values it binds, where the library takes SQL written by hand (`R.findOne(type, sql, values)`, `pool.query(sql, values)`). */
function handWrittenSql(query: FilteredQuery & { call: TSESTree.CallExpression }): { text: string; values: TSESTree.Node | undefined } | undefined {
  const args = query.call.arguments;
  if (query.library === 'redbean' && REDBEAN_FINDERS.test(query.operation)) {
    const text = writtenSql(args[1]);
    const spliced = args[1]?.type === AST_NODE_TYPES.TemplateLiteral && args[1].expressions.length > 0;
    return text === undefined ? undefined : { text, values: spliced ? undefined : args[2] };
  }
  if (!sendsSqlText(query.library, query.operation)) return undefined;
  const sql = sqlArgumentOf(query.call);
  const text = writtenSql(sql);
  // `pool.query({ text, values })` names its values beside its text.
  const values = sql === args[0] ? args[1] : args[0]?.type === AST_NODE_TYPES.ObjectExpression ? namedValue(args[0], 'values') : undefined;
  // Text spliced into a template may hold placeholders of its own, which shifts every later value's position.
  const spliced = sql?.type === AST_NODE_TYPES.TemplateLiteral && sql.expressions.length > 0;
  return text === undefined ? undefined : { text, values: spliced ? undefined : values };
}

/**
 * The column SQL text handed to a call compares with values of each call, the text its first argument (`query(sql, values)`) or its
 * second (`R.findOne(type, sql, values)`): which of them a call sends is known only once its library is (see `sqlKeyColumn`).
 */
export function handedSqlColumns(call: TSESTree.CallExpression): HandedSqlColumns | undefined {
  const at = (index: number): string | undefined => {
    const text = writtenSql(call.arguments[index]);
    const spliced =
      call.arguments[index]?.type === AST_NODE_TYPES.TemplateLiteral && (call.arguments[index] as TSESTree.TemplateLiteral).expressions.length > 0;
    const columns = text === undefined ? undefined : sqlColumns(text, spliced ? undefined : call.arguments[index + 1], (value) => !isConstant(value));
    return columns?.length === 1 ? columns[0] : undefined;
  };
  const [first, second] = [at(0), at(1)];
  if (first === undefined && second === undefined) return undefined;
  return { ...(first !== undefined && { first }), ...(second !== undefined && { second }) };
}

/** The columns of `handedSqlColumns`: of SQL text handed first, and of SQL text handed second. */
export interface HandedSqlColumns {
  first?: string;
  second?: string;
}

/** Of the columns `handedSqlColumns` read, the one the library's operation sends. */
export function sqlKeyColumn(columns: HandedSqlColumns, library: Orm, operation: string): string | undefined {
  if (library === 'redbean' && REDBEAN_FINDERS.test(operation)) return columns.second;
  return sendsSqlText(library, operation) ? columns.first : undefined;
}

/** The columns a query's filter compares with values of each call, by library; undefined where the code does not say. */
function filterColumns(query: FilteredQuery, varies: Varies = (value) => !isConstant(value), held: Held = (node) => node): string[] | undefined {
  if (query.call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const args = query.call.arguments;
  const sql = handWrittenSql({ ...query, call: query.call });
  if (sql) return sqlColumns(sql.text, sql.values, varies);
  switch (query.library) {
    case 'knex':
      return chainColumns(query.call, KNEX_FILTERS, varies);
    case 'supabase':
      return chainColumns(query.call, SUPABASE_FILTERS, varies);
    case 'mongoose':
    case 'mongodb':
    case 'meteor':
      return objectColumns(held(args[0]), varies);
    case 'typeorm': {
      // A builder's write is named by its step (`update`), the call still the one that makes the builder.
      const callee = query.call.callee;
      if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'createQueryBuilder') return builderColumns(query.call, varies);
      // `manager.findOneBy(User, { ... })` names the entity first.
      const options = args[0]?.type === AST_NODE_TYPES.Identifier ? args[1] : args[0];
      return objectColumns(/By(?:OrFail)?$/.test(query.operation) ? options : whereOption(options), varies);
    }
    default:
      return objectColumns(whereOption(held(args[0])), varies);
  }
}

/** The object a filter argument names (a constant holding it, `const query = { … }`), as the caller resolves it. */
type Held = (node: TSESTree.Node | undefined) => TSESTree.Node | undefined;

/**
 * The one column whose value comes from the item, of a filter on several (`uid` of `{ uid: row.uid, user_id: userId }`, `'services.auth.id'`
 * of a filter document held in a constant): the batched read keeps the others as they are.
 */
export function itemFilterColumn(query: FilteredQuery, readsItem: Varies, held: Held): string | undefined {
  const columns = filterColumns(query, (value) => !isConstant(value) && readsItem(value), held);
  return columns?.length === 1 ? columns[0] : undefined;
}

/** A query whose filter compares two or more columns with values of each call (`{ accountId, teamId }`): no one list of ids names its rows. */
export function filtersSeveralColumns(query: FilteredQuery): boolean {
  return (filterColumns(query)?.length ?? 0) >= 2;
}

/**
 * The column a query looks its rows up by, when it names one (`list` of `knex('fields').where({ list: listId })`, `userId`
 * of `{ where: { userId } }` or `findBy({ userId })`); undefined when it filters on several, or the code does not say.
 */
export function filterColumn(query: FilteredQuery): string | undefined {
  if ((query.library === 'mongoose' || query.library === 'mongodb') && query.operation === 'findById') return '_id';
  const columns = filterColumns(query);
  return columns?.length === 1 ? columns[0] : undefined;
}

/**
 * The one column a call's filter names, before its library is known: a builder chain's `where({ boardId })` or
 * `where('boardId', id)`, or a finder's `{ where: { userId } }`; a loop over the call's function batches by it.
 */
export function namedFilterColumn(call: TSESTree.CallExpression): string | undefined {
  return filterColumn({ library: 'knex', operation: '', call }) ?? filterColumn({ library: 'prisma', operation: '', call });
}

/** The one column a call's first argument filters on, read as a MongoDB filter document (`runId` of `deleteMany({ runId, done: true })`). */
export function documentFilterColumn(call: TSESTree.CallExpression): string | undefined {
  return filterColumn({ library: 'mongodb', operation: '', call });
}
