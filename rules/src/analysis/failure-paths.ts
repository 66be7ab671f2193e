/** Code that runs only when something failed: a `catch` clause, a branch taken on an error or a rejected outcome. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { lastName } from './names';
import { readsIteration } from './query-shape';
import { unwrapExpression } from './resolve';
import { contains, isFunction, type Iteration } from './scopes';

/**
 * `catch (error) { await report(error); }`, `if (result.status === 'rejected') await log(...)`: runs
 * only when an iteration failed; the loop's work is elsewhere.
 */
export function handlesFailure(node: TSESTree.Node, scope: TSESTree.Node): boolean {
  if (!contains(scope, node)) return false;
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== scope; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
    if (current.type === AST_NODE_TYPES.IfStatement && child !== current.test && testsFailure(current.test) === (child === current.consequent)) return true;
    if (current.type === AST_NODE_TYPES.BlockStatement && skipsSuccessBefore(current, child)) return true;
  }
  return false;
}

/**
 * `try { await deleteBill(id, trx); deletable.push(id) } catch { kept.push(id) }`: each item's work is tried alone and its
 * failure recorded, which one call over every item would not tell apart.
 */
export function recordsFailurePerItem(node: TSESTree.Node, scope: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== scope; child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.TryStatement || child !== current.block || !current.handler) continue;
    const body = current.handler.body.body;
    return !body.some(throwsOn) && body.some(recordsItem);
  }
  return false;
}

/** The statements an `if` or a block runs, as far as the catch clause goes. */
function nestedStatements(statement: TSESTree.Statement): TSESTree.Statement[] {
  if (statement.type === AST_NODE_TYPES.BlockStatement) return statement.body;
  if (statement.type === AST_NODE_TYPES.IfStatement) return [statement.consequent, ...(statement.alternate ? [statement.alternate] : [])];
  return [];
}

/** A `throw` on some path of the statement: the failure goes on to the caller. */
function throwsOn(statement: TSESTree.Statement): boolean {
  return statement.type === AST_NODE_TYPES.ThrowStatement || nestedStatements(statement).some(throwsOn);
}

/**
 * `failed.push(id)`, `errors.set(id, error)`, `skipped.add(id)`, also under an `if` on the error: a statement that keeps the item in a
 * collection. `counts.push(0)` keeps a default in the item's place, as one grouped query would for a missing row.
 */
function recordsItem(statement: TSESTree.Statement): boolean {
  const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
  return (
    (expression?.type === AST_NODE_TYPES.CallExpression &&
      expression.callee.type === AST_NODE_TYPES.MemberExpression &&
      expression.callee.property.type === AST_NODE_TYPES.Identifier &&
      /^(?:push|add|set)$/.test(expression.callee.property.name) &&
      !expression.arguments.every(isDefaultValue)) ||
    nestedStatements(statement).some(recordsItem)
  );
}

/** `0`, `null`, `false`, `''`, `[]`, `{}`, `undefined`: a value written in the code, the same for every item. */
function isDefaultValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) return true;
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  if (value.type === AST_NODE_TYPES.UnaryExpression) return isDefaultValue(value.argument);
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.length === 0;
  return value.type === AST_NODE_TYPES.ObjectExpression && value.properties.length === 0;
}

/** `if (result.status !== 'rejected') continue;` before the statement: what follows runs only for failures. */
function skipsSuccessBefore(block: TSESTree.BlockStatement, statement: TSESTree.Node): boolean {
  const before = block.body.slice(0, block.body.indexOf(statement as TSESTree.Statement));
  return before.some(
    (earlier) =>
      earlier.type === AST_NODE_TYPES.IfStatement &&
      !earlier.alternate &&
      testsFailure(earlier.test) === false &&
      (earlier.consequent.type === AST_NODE_TYPES.ContinueStatement ||
        (earlier.consequent.type === AST_NODE_TYPES.BlockStatement && earlier.consequent.body.at(-1)?.type === AST_NODE_TYPES.ContinueStatement)),
  );
}

/** Names and strings of a test that mean an outcome: `error`, `failed`, `'rejected'`; `ok`, `'fulfilled'`, `success`. */
const FAILURE_WORD = /^(?:err|errors?|\w*(?:Error|Errors|Failed|Failure)|fail(?:ed|ure)?|rejected|invalid|isInvalid)$/;
const SUCCESS_WORD = /^(?:ok|isOk|success|succeeded|isSuccess|fulfilled|valid|isValid)$/;

/** Whether a test holds when something failed (`!ok`, `status !== 'fulfilled'`, `result.error`), holds on success, or says neither. */
function testsFailure(test: TSESTree.Expression): boolean | undefined {
  const inner = unwrapExpression(test);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!') {
    const negated = testsFailure(inner.argument);
    return negated === undefined ? undefined : !negated;
  }
  if (inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.MemberExpression) return outcomeOf(lastName(inner));
  if (inner.type !== AST_NODE_TYPES.BinaryExpression || !['===', '!==', '==', '!='].includes(inner.operator)) return undefined;
  // `result.status === 'rejected'`: an outcome compared by its name.
  const named = [inner.left, inner.right].find((side) => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string');
  const outcome = named && outcomeOf(String((named as TSESTree.StringLiteral).value));
  return outcome === undefined ? undefined : outcome !== inner.operator.startsWith('!');
}

/** `true` for a word that names a failure, `false` for one that names success. */
function outcomeOf(word: string | undefined): boolean | undefined {
  if (word === undefined) return undefined;
  if (FAILURE_WORD.test(word)) return true;
  return SUCCESS_WORD.test(word) ? false : undefined;
}

/**
 * `catch (error) { const failed = error.writeErrors.map((e) => rows[e.index]); await Promise.all(failed.map((row) => save(row))) }`:
 * a loop in a catch clause over a list the clause makes from the error (see `readsIteration`) retries the few items a batch failed
 * on, one by one to tell them apart.
 */
export function retriesFailedItems(context: RuleContext, iteration: Iteration): boolean {
  const start = iteration.kind === 'loop' ? iteration.loop : iteration.call;
  const list =
    iteration.kind === 'loop'
      ? iteration.loop.type === AST_NODE_TYPES.ForOfStatement
        ? iteration.loop.right
        : undefined
      : (iteration.list ?? (iteration.call.callee.type === AST_NODE_TYPES.MemberExpression ? iteration.call.callee.object : undefined));
  if (!list) return false;
  for (let current: TSESTree.Node | undefined = start.parent; current && !isFunction(current); current = current.parent)
    if (current.type === AST_NODE_TYPES.CatchClause) return current.param?.type === AST_NODE_TYPES.Identifier && readsIteration(context, list, current);
  return false;
}
