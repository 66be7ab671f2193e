import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { lastName } from './names';
import { isGlobalReference, resolveVariable, unwrapExpression } from './resolve';
import type { FunctionNode } from './scopes';
import { visitWithinFunction } from './visit';

/** Names of wrappers that run their function once and keep the result. */
const ONCE_WRAPPERS = /^(?:once|memoize|memoizeOne|memo|lazy|cache|onetime|singleton)$/i;

/**
 * Whether `call` runs at most once in the process: under `if (!cache)` that then sets `cache`,
 * on the right of `cache ??= ...` / `cache ||= ...`, after `if (cache) return cache`, or in a
 * function given to `once(...)` / `memoize(...)`; `cache` being module state or a field of `this`.
 */
export function runsOnce(context: RuleContext, call: TSESTree.Node, owner: FunctionNode): boolean {
  let child: TSESTree.Node = call;
  for (let current = call.parent; current && current !== owner; child = current, current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.AssignmentExpression &&
      current.right === child &&
      (current.operator === '??=' || current.operator === '||=') &&
      isKeptState(context, current.left) &&
      !clearedIn(context, owner, current.left)
    )
      return true;
    const state =
      current.type === AST_NODE_TYPES.IfStatement && current.consequent === child
        ? assignedTestedState(context, current)
        : current.type === AST_NODE_TYPES.BlockStatement && current.parent === owner
          ? keptStateReturnedBefore(context, current, child)
          : undefined;
    // `finally { this.loading = undefined; }`: a promise shared while in flight, made again by the next call.
    if (state && !clearedIn(context, owner, state)) return true;
  }
  const wrapper = owner.parent;
  return wrapper?.type === AST_NODE_TYPES.CallExpression && wrapper.arguments[0] === owner && ONCE_WRAPPERS.test(lastName(wrapper.callee) ?? '');
}

/** A module-level variable or a field of `this`: state that outlives one call. */
function isKeptState(context: RuleContext, node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    let root: TSESTree.Node = inner;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
    return root.type === AST_NODE_TYPES.ThisExpression || isKeptState(context, root);
  }
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  // `global.__started__`, `globalThis.ready`: the process's own global object.
  if (GLOBAL_OBJECTS.test(inner.name) && isGlobalReference(context, inner)) return true;
  const scope = resolveVariable(context, inner)?.scope.type;
  return scope === 'module' || scope === 'global';
}

const GLOBAL_OBJECTS = /^(?:global|globalThis)$/;

/** The kept state a condition reads: `cache` in `!cache`, `cache === undefined`, `!this.template`. */
function testedState(node: TSESTree.Node): TSESTree.Node | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!') return unwrapExpression(inner.argument);
  if (inner.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/.test(inner.operator)) {
    const other = (side: TSESTree.Node): boolean =>
      side.type === AST_NODE_TYPES.Literal || (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined');
    if (other(inner.right)) return unwrapExpression(inner.left as TSESTree.Node);
    if (other(inner.left as TSESTree.Node)) return unwrapExpression(inner.right);
  }
  return undefined;
}

function sameText(context: RuleContext, a: TSESTree.Node, b: TSESTree.Node): boolean {
  return context.text.slice(a.range[0], a.range[1]) === context.text.slice(b.range[0], b.range[1]);
}

/** `if (!cache) { cache = ... }`: the state the branch sets and its condition tests. */
function assignedTestedState(context: RuleContext, statement: TSESTree.IfStatement): TSESTree.Node | undefined {
  const state = testedState(statement.test);
  if (!state || !isKeptState(context, state)) return undefined;
  let assigns = false;
  visitWithinFunction(statement.consequent, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && sameText(context, node.left, state)) assigns = true;
  });
  return assigns ? state : undefined;
}

/** Whether `owner` sets `state` back to `undefined` or `null`. */
function clearedIn(context: RuleContext, owner: FunctionNode, state: TSESTree.Node): boolean {
  let cleared = false;
  visitWithinFunction(owner.body, (node) => {
    if (cleared || node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=' || !sameText(context, node.left, state)) return;
    const value = unwrapExpression(node.right);
    cleared = (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') || (value.type === AST_NODE_TYPES.Literal && value.value === null);
  });
  return cleared;
}

/**
 * The state `cache` of `if (cache) return cache;` before `child` in the function's body, or the
 * flag of `if (started) return; started = true;`: a guard that lets one call through. The guard's
 * branch may check what the first call found before it returns.
 */
function keptStateReturnedBefore(context: RuleContext, body: TSESTree.BlockStatement, child: TSESTree.Node): TSESTree.Node | undefined {
  const statements = body.body;
  const end = statements.indexOf(child as TSESTree.Statement);
  for (const [index, statement] of statements.entries()) {
    if (statement === child) return undefined;
    if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
    // `if (ready) { if (!found) throw …; return; }`: a branch that always ends in its return.
    const consequent = statement.consequent;
    const returned = consequent.type === AST_NODE_TYPES.BlockStatement ? consequent.body[consequent.body.length - 1] : consequent;
    if (returned?.type !== AST_NODE_TYPES.ReturnStatement) continue;
    const test = unwrapExpression(statement.test);
    const state = test.type === AST_NODE_TYPES.BinaryExpression || test.type === AST_NODE_TYPES.UnaryExpression ? undefined : test;
    if (!state || !isKeptState(context, state)) continue;
    if (returned.argument ? sameText(context, state, returned.argument) : statements.slice(index + 1, end).some((next) => setsFlag(context, next, state)))
      return state;
  }
  return undefined;
}

/** `started = true;`: a statement that sets the flag a guard tests. */
function setsFlag(context: RuleContext, statement: TSESTree.Statement, state: TSESTree.Node): boolean {
  const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? unwrapExpression(statement.expression) : undefined;
  return (
    expression?.type === AST_NODE_TYPES.AssignmentExpression &&
    expression.operator === '=' &&
    sameText(context, expression.left, state) &&
    expression.right.type === AST_NODE_TYPES.Literal &&
    expression.right.value === true
  );
}
