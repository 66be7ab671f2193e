import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { callChainTop } from './names';
import { keyName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import type { LoopStatement } from './scopes';
import { visitAll, visitWithinFunction } from './visit';
import { transactionCallback } from '../project-model/summaries';

/** Steps and options that cap how many rows a read returns: Knex's and Kysely's `limit(n)`, Prisma's `take`, Sequelize's `limit`. */
const SIZE_CAPS = /^(?:limit|take)$/;
/** Array methods whose result holds what the page holds (`rows.map((row) => row.id)`), never more. */
const PAGE_METHODS = /^(?:map|filter|flatMap|slice)$/;

/**
 * `while (more) { const rows = await db.selectFrom('t').limit(100).execute(); await purge(rows.map((row) => row.id)); }`:
 * a loop with no items that reads a page of rows each pass and hands the whole page to a query runs it once per page.
 */
export function readsPassPage(context: RuleContext, loop: LoopStatement, call: TSESTree.Node): boolean {
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return false;
  const pages = passPages(context, loop);
  if (pages.size === 0) return false;
  let reads = false;
  const readsPage = (node: TSESTree.Node): void => {
    if (node.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(context, node);
      if (variable && pages.has(variable)) reads = true;
    }
  };
  visitWithinFunction(callChainTop(call), readsPage);
  // `await db.transaction().execute(async (trx) => { ... where('id', 'in', ids) ... })`: the page goes to the statements of the transaction it opens.
  const transaction = call.type === AST_NODE_TYPES.CallExpression ? transactionCallback(call) : undefined;
  if (transaction) visitWithinFunction(transaction.body, readsPage);
  return reads;
}

/** The variables a pass of the loop declares for its page: the rows of a capped read, and lists mapped from them. */
function passPages(context: RuleContext, loop: LoopStatement): Set<Variable> {
  const cache = context.shared.memo('passPages', () => new Map<LoopStatement, Set<Variable>>());
  const known = cache.get(loop);
  if (known) return known;
  const pages = new Set<Variable>();
  const statements = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (!init || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
      const variable = resolveVariable(context, declarator.id);
      if (variable && (isCappedRead(init) || mapsPage(context, init, pages))) pages.add(variable);
    }
  }
  cache.set(loop, pages);
  return pages;
}

/** `await db.selectFrom('t').limit(100).execute()`, `await prisma.job.findMany({ take: 50 })`. */
function isCappedRead(init: TSESTree.Node): boolean {
  if (init.type !== AST_NODE_TYPES.AwaitExpression) return false;
  let capped = false;
  visitAll(init.argument, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && SIZE_CAPS.test(propertyName(node.callee) ?? ''))
      capped = true;
    if (node.type === AST_NODE_TYPES.Property && SIZE_CAPS.test(keyName(node) ?? '')) capped = true;
  });
  return capped;
}

/** `page.map((row) => row.id)`, also chained (`page.filter(...).map(...)`), of a page the pass read. */
function mapsPage(context: RuleContext, init: TSESTree.Node, pages: ReadonlySet<Variable>): boolean {
  let node = init;
  while (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    PAGE_METHODS.test(propertyName(node.callee) ?? '')
  )
    node = unwrapExpression(node.callee.object);
  if (node === init || node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, node);
  return !!variable && pages.has(variable);
}
