import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { nextChainCall } from './names';
import { propertyName } from './resolve';
import type { Orm } from './orm';

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

/** A plain column name (`list`, `user_id`), not `t.id` or an expression. */
const COLUMN = /^[A-Za-z_]\w*$/;

/** The column one step of a Knex chain filters on: `where({ list: id })`, `where('list', id)`, `where('list', '=', id)`. */
function knexStepColumn(step: TSESTree.CallExpression): string | undefined {
  const [first, second, third] = step.arguments;
  if (second === undefined) return onlyKey(first);
  const operator = third === undefined ? '=' : second.type === AST_NODE_TYPES.Literal ? second.value : undefined;
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && COLUMN.test(first.value) && operator === '=' ? first.value : undefined;
}

/** The one column a Knex chain filters on, when it has one `where` step and no other filter. */
function knexColumn(start: TSESTree.Node): string | undefined {
  let column: string | undefined;
  for (let step = nextChainCall(start); step; step = nextChainCall(step)) {
    const name = propertyName(step.callee as TSESTree.MemberExpression) ?? '';
    if (!/^(?:(?:and|or)?where|whereIn|whereNot\w*|whereNull|whereNotNull|whereRaw|whereExists|whereBetween|join|innerJoin|leftJoin)$/i.test(name)) continue;
    if (name !== 'where' || column !== undefined) return undefined;
    column = knexStepColumn(step);
    if (column === undefined) return undefined;
  }
  return column;
}

/**
 * The column a query looks its rows up by, when it names one (`list` of `knex('fields').where({ list: listId })`, `userId`
 * of `{ where: { userId } }` or `findBy({ userId })`); undefined when it filters on several, or the code does not say.
 */
export function filterColumn(query: FilteredQuery): string | undefined {
  if (query.call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const args = query.call.arguments;
  switch (query.library) {
    case 'knex':
      return knexColumn(query.call);
    case 'mongoose':
    case 'mongodb':
      return query.operation === 'findById' ? '_id' : onlyKey(args[0]);
    case 'typeorm': {
      // `manager.findOneBy(User, { ... })` names the entity first.
      const options = args[0]?.type === AST_NODE_TYPES.Identifier ? args[1] : args[0];
      return /By(?:OrFail)?$/.test(query.operation) ? onlyKey(options) : onlyKey(whereOption(options));
    }
    default:
      return onlyKey(whereOption(args[0]));
  }
}
