/** SQL text a query builder writes for one row (`knex(table).update(values).where('id', row.id).toQuery()`), sent once per item. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { contains, isFunction, type FunctionNode } from './scopes';
import { constValueOf, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { visitWithinFunction } from './visit';

/** What a row statement does to its row. */
export type RowStatement = 'create' | 'update' | 'delete';

/**
 * The row statement the SQL text a raw query sends in a loop (`scope`) is, when it is written by a query builder for the
 * item on a table that does not change with it: built in the loop, or taken from a list of such statements mapped from the
 * items (`for (const sql of sqls)`). A statement per table, or a list of fixed statements (a migration's), is none.
 */
export function rowStatementPerItem(context: RuleContext, sql: TSESTree.Node | undefined, scope: TSESTree.Node): RowStatement | undefined {
  if (!sql) return undefined;
  const text = unwrapExpression(sql);
  if (text.type !== AST_NODE_TYPES.Identifier) return builtForRow(context, text, scope);
  const definition = resolveVariable(context, text)?.defs[0];
  if (definition?.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  // `const sql = knex(table).update(...).where('id', id).toQuery()` in the loop.
  if (declarator.init && contains(scope, definition.name)) return builtForRow(context, unwrapExpression(declarator.init), scope);
  // `for (const sql of sqls)`: each statement of a list made from the items.
  const loop = declarator.parent?.parent;
  if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop === scope && loop.left === declarator.parent) return mappedRowStatements(context, loop.right);
  return undefined;
}

/** `items.map((item) => knex(table).update(...).where('id', item.id).toQuery()).filter(Boolean)`, directly or kept in a `const`. */
function mappedRowStatements(context: RuleContext, list: TSESTree.Node): RowStatement | undefined {
  let node = constValueOf(context, list);
  if (!node) return undefined;
  // `.filter(Boolean)` drops the items that needed no statement.
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(node.callee) === 'filter')
    node = unwrapExpression(node.callee.object);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(node.callee) !== 'map')
    return undefined;
  const callback = node.arguments[0];
  if (!callback || !isFunction(callback)) return undefined;
  for (const returned of returnedExpressions(callback)) {
    const statement = builtForRow(context, unwrapExpression(returned), callback);
    if (statement) return statement;
  }
  return undefined;
}

function returnedExpressions(fn: FunctionNode): TSESTree.Node[] {
  if (!fn.body) return [];
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: TSESTree.Node[] = [];
  visitWithinFunction(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
  });
  return returned;
}

/** Builder methods that write rows, by what they do. */
const ROW_WRITES: Readonly<Record<string, RowStatement>> = {
  insert: 'create',
  update: 'update',
  increment: 'update',
  decrement: 'update',
  delete: 'delete',
  del: 'delete',
};

/** Builder methods that name the table. */
const TABLE_METHODS: ReadonlySet<string> = new Set(['table', 'from', 'into', 'withSchema']);

/** Builder methods that turn the chain into SQL text. */
const TEXT_COMPILERS: ReadonlySet<string> = new Set(['toQuery', 'toString']);

/**
 * `knex(table).update(values).where('id', item.id).toQuery()`: a chain compiled to text that writes rows, whose row
 * values or conditions read the item (declared in `scope`) while its table does not.
 */
function builtForRow(context: RuleContext, text: TSESTree.Node, scope: TSESTree.Node): RowStatement | undefined {
  if (text.type !== AST_NODE_TYPES.CallExpression || text.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!TEXT_COMPILERS.has(propertyName(text.callee) ?? '')) return undefined;
  const perItem = (node: TSESTree.Node): boolean => {
    let found = false;
    visitWithinFunction(node, (inner) => {
      if (found || inner.type !== AST_NODE_TYPES.Identifier) return;
      const declaration = resolveVariable(context, inner)?.defs[0]?.name;
      found = !!declaration && contains(scope, declaration);
    });
    return found;
  };
  let statement: RowStatement | undefined;
  let forRow = false;
  for (let node: TSESTree.Node = unwrapExpression(text.callee.object); node.type === AST_NODE_TYPES.CallExpression;) {
    const callee = unwrapExpression(node.callee);
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    const next = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
    const writes = method !== undefined ? ROW_WRITES[method] : undefined;
    const selects = method !== undefined && /^(?:and|or)?where/i.test(method);
    // The root call (`knex(table)`, `this.knex(table)`) or a table method names the table: one that changes per item is a statement per table.
    if (TABLE_METHODS.has(method ?? '') || (next?.type !== AST_NODE_TYPES.CallExpression && !writes && !selects)) {
      if (node.arguments.some(perItem)) return undefined;
    } else if (writes || selects) {
      statement = writes ?? statement;
      forRow ||= node.arguments.some(perItem);
    }
    if (!next) break;
    node = next;
  }
  return forRow ? statement : undefined;
}

/**
 * `knex('dependency').whereIn('from_id', ids).toQuery()`: a read a builder compiles from a chain that names its table as a literal,
 * so the statement has one shape whatever values the call binds to it. Writes so built are left to `rowStatementPerItem`.
 */
export function compiledReadOnFixedTable(text: TSESTree.Node): boolean {
  if (text.type !== AST_NODE_TYPES.CallExpression || text.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (!TEXT_COMPILERS.has(propertyName(text.callee) ?? '')) return false;
  let named = false;
  for (let node: TSESTree.Node = unwrapExpression(text.callee.object); node.type === AST_NODE_TYPES.CallExpression;) {
    const callee = unwrapExpression(node.callee);
    const next = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    // `knex.schema.createTable('t', …)`: a schema statement, not a query of rows.
    if ((next?.type === AST_NODE_TYPES.MemberExpression && propertyName(next) === 'schema') || ROW_WRITES[method ?? ''] !== undefined) return false;
    // The root call (`knex(table)`, `this.knex(table)`) or a table method: a table the code computes may change per call.
    if (TABLE_METHODS.has(method ?? '') || next?.type !== AST_NODE_TYPES.CallExpression) {
      const [table] = node.arguments;
      if (table?.type !== AST_NODE_TYPES.Literal || typeof table.value !== 'string') return false;
      named = true;
    }
    if (!next) break;
    node = next;
  }
  return named;
}
