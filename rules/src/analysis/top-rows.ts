/** A read that takes the first rows of an order: per item of a loop, the newest (or top N) rows of each item's key. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { callChainTop, calleeChainNames } from './names';
import { keyName } from './resolve';

/** Steps and options that put rows in order. */
const ORDER_NAMES: ReadonlySet<string> = new Set(['orderBy', 'order', 'sort', 'orderByRaw', 'addOrderBy']);
/** Steps and options that keep the first rows: a count, or one row. */
const LIMIT_NAMES: ReadonlySet<string> = new Set(['take', 'limit', 'first', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'getOne', 'getOneOrFail']);
/** Finders that answer one row: with an order, the first row of it. */
const ONE_ROW = /^(?:find(?:First|One)\w*|first|getRow|getCell|one|oneOrNone|maybeOne|oneFirst|maybeOneFirst|executeTakeFirst\w*)$/;
/** SQL that orders its rows, and SQL that keeps the first of them. */
const ORDER_SQL = /\bORDER\s+BY\b/i;
const LIMIT_SQL = /\bLIMIT\b|\bFETCH\s+(?:FIRST|NEXT)\b|\bTOP\s*\(?\s*\d/i;
/** SQL that picks the row of a key's greatest or least value (`id = (SELECT MAX(id) FROM beats WHERE monitor_id = ?)`): the newest row of one key. */
const LATEST_SQL = /\(\s*SELECT\s+(?:MAX|MIN)\s*\(/i;

/**
 * `findFirst({ where: { monitorId }, orderBy: { time: 'desc' } })`, `findMany({ …, orderBy, take: 10 })`,
 * `knex('beats').where(…).orderBy('time', 'desc').first()`, `R.findOne('beat', 'monitor_id = ? ORDER BY time DESC', [id])`,
 * `SELECT … ORDER BY time DESC LIMIT 100`, `id = (SELECT MAX(id) …)`: the first rows of an order for one key.
 */
export function takesTopRows(context: RuleContext, call: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression, operation: string): boolean {
  if (call.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    const sql = context.text.slice(call.quasi.range[0], call.quasi.range[1]);
    return ORDER_SQL.test(sql) && LIMIT_SQL.test(sql);
  }
  const steps = calleeChainNames(callChainTop(call));
  const oneRow = ONE_ROW.test(operation);
  if (steps.some((step) => ORDER_NAMES.has(step)) && (oneRow || steps.some((step) => LIMIT_NAMES.has(step)))) return true;
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.ObjectExpression) {
      const keys = argument.properties.map((property) => (property.type === AST_NODE_TYPES.Property ? keyName(property) : undefined));
      if (keys.some((key) => key !== undefined && ORDER_NAMES.has(key)) && (oneRow || keys.some((key) => key !== undefined && LIMIT_NAMES.has(key))))
        return true;
    } else if (argument.type === AST_NODE_TYPES.Literal || argument.type === AST_NODE_TYPES.TemplateLiteral) {
      const sql = context.text.slice(argument.range[0], argument.range[1]);
      if ((ORDER_SQL.test(sql) && (oneRow || LIMIT_SQL.test(sql))) || LATEST_SQL.test(sql)) return true;
    }
  }
  return false;
}
