import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { callChainTop } from './names';
import { isNothing, keyName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { locksRows } from './row-locks';
import { isFunction } from './scopes';
import { visitAll } from './visit';

/**
 * A unit of work that claims one row: a read that opens its function's own transaction, re-reads the row under a lock
 * (`.forUpdate().skipLocked()`, `SELECT … FOR UPDATE`) or only while it is still in a state (`status = 'pending'`,
 * `confirmedAt is null`), and leaves when the row is gone (`if (!row) return`). An outbox or job worker handles its
 * items so, one transaction each, so that a failed item rolls back alone and two workers never take the same row:
 * a read over all the ids would hold every lock until the slowest item is done.
 */
export function claimsRowInOwnTransaction(
  context: RuleContext,
  call: TSESTree.CallExpression,
  transactionCallback: (runner: TSESTree.CallExpression) => TSESTree.Node | undefined,
  library?: string,
): boolean {
  if (!inOwnTransaction(call, transactionCallback)) return false;
  if (!leavesWhenAbsent(context, call)) return false;
  return locksRows(context, call) || filtersOnState(call, library);
}

/** Whether the nearest function around the call is the callback a transaction runs: `knex.transaction(async (trx) => …)`, `prisma.$transaction(async (tx) => …)`. */
function inOwnTransaction(call: TSESTree.Node, transactionCallback: (runner: TSESTree.CallExpression) => TSESTree.Node | undefined): boolean {
  let fn: TSESTree.Node | undefined = call.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  const runner = fn?.parent;
  return !!fn && runner?.type === AST_NODE_TYPES.CallExpression && transactionCallback(runner) === fn;
}

/** `const row = await …; if (!row) return;`: the iteration stops where the row is no longer there to claim. */
function leavesWhenAbsent(context: RuleContext, call: TSESTree.CallExpression): boolean {
  let value: TSESTree.Node = callChainTop(call);
  while (value.parent?.type === AST_NODE_TYPES.AwaitExpression || value.parent?.type === AST_NODE_TYPES.TSAsExpression) value = value.parent;
  const holder = value.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== value || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
  return !!resolveVariable(context, holder.id)?.references.some((reference) => {
    const test = absenceTest(reference.identifier as TSESTree.Identifier);
    return !!test && test.parent?.type === AST_NODE_TYPES.IfStatement && test.parent.test === test && returns(test.parent.consequent);
  });
}

/** `!row`, `row == null`, `row === undefined`: the test, when the identifier is what it tests. */
function absenceTest(identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') return parent;
  if (parent?.type !== AST_NODE_TYPES.BinaryExpression || (parent.operator !== '==' && parent.operator !== '===')) return undefined;
  return isNothing(parent.left === identifier ? parent.right : parent.left) ? parent : undefined;
}

/** A branch that returns on every path (a thrown error is a failure of the whole run, not an item another worker took). */
function returns(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.at(-1)?.type === AST_NODE_TYPES.ReturnStatement;
}

/**
 * Whether the read keeps only rows in a state written in the code: a builder's `where('status', '=', 'pending')`,
 * `where('confirmedAt', 'is', null)`, or a filter object's `{ status: 'pending' }`, `{ state: JobState.Queued }`.
 */
function filtersOnState(call: TSESTree.CallExpression, library: string | undefined): boolean {
  let found = false;
  visitAll(callChainTop(call), (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const name = propertyName(node.callee);
    const [first, second, third] = node.arguments;
    if ((name === 'where' || name === 'andWhere') && first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') {
      const value = third ?? second;
      found = !!value && (!third || (second?.type === AST_NODE_TYPES.Literal && /^(?:=|is)$/i.test(String(second.value)))) && isStateValue(value);
    }
  });
  if (found) return true;
  const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const whereProperty =
    library === 'mongoose' || library === 'mongodb'
      ? undefined
      : options.properties.find((property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && keyName(property) === 'where');
  const filter = library === 'mongoose' || library === 'mongodb' ? options : whereProperty && unwrapExpression(whereProperty.value);
  return (
    filter?.type === AST_NODE_TYPES.ObjectExpression &&
    filter.properties.some((property) => property.type === AST_NODE_TYPES.Property && isStateValue(property.value))
  );
}

/** A state written in the code: a string, `null` or a boolean literal, or an enum's member (`JobState.Queued`). */
function isStateValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' || typeof value.value === 'boolean' || value.value === null;
  return (
    value.type === AST_NODE_TYPES.MemberExpression && value.object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(value.object.name) && !value.computed
  );
}
