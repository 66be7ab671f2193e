/** The conditions under which a look-up runs in an iteration, as a filter of the items. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { propertyName } from '../../analysis/resolve';
import { isFunction } from '../../analysis/scopes';
import { visitWithinFunction } from '../../analysis/visit';
import { CONVERSIONS, PREDICATE_NAME, PURE_METHODS, type Translator } from './item-expressions';
import type { Shape, Site } from './loop-shape';

/**
 * The conditions under which the query runs in an iteration, as tests of the item: the `if`s,
 * `?:`, `&&` around it, and the `if (…) continue` guards before it. A test that also reads what
 * the loop changes (a list of ids already seen) only skips repeats: it is left out, and the fix
 * loads the rows of those items too. Undefined when a condition may have an effect, or the
 * query sits where the fix cannot tell when it runs.
 */
export function conditionsOf(shape: Shape, site: Site, translator: Translator): string[] | undefined {
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
