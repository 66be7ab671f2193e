/** Loops that apply changes to one document or state in order: each iteration sees what the earlier ones did. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { propertyName, resolveVariable, unwrapExpression } from './resolve';
import { contains, type FunctionNode, type LoopStatement } from './scopes';
import { variesPerIteration, type LoopFacts } from './loop-facts';
import { calledFunction } from './local-work';
import { visitWithinFunction } from './visit';

/**
 * A method that applies a list of changes to the object it is called on, by the names the command, action and
 * operation patterns give it: `doc.applyUserActions(actions)`, `store.processAction(action)`, `editor.applyOperations(ops)`,
 * `model.replayPatches(patches)`, `cache.sendTableActions(actions)`.
 */
const APPLIES_CHANGES = /^(?:apply|process|replay|send)\w*(?:Actions?|Operations?|Ops|Patch(?:es)?|Deltas?|Edits?|Mutations?)$/;
/** A method that takes what an earlier step produced into the object's state: `docData.receiveAction(stored)`, `state.applyResult(r)`. */
const TAKES_RESULT = /^(?:receive|apply|replay)(?:[A-Z]\w*)?$/;
/** How far the project's own methods are followed to the call that applies the changes (`_doAdd` → `_apply` → `doc.applyUserActions`). */
const FOLLOW_DEPTH = 3;

/**
 * Why the loop's awaits must stay in order although they look independent:
 * - the loop walks its list backwards (`actions.reverse()`, `toReversed()`, an index counting down): an undo replay or a
 *   teardown, in the one order that undoes what was done;
 * - an awaited call applies a batch of changes to one receiver that every iteration shares, itself or through the
 *   project's own methods (an action queue of one document, an editor's operations), so each batch runs on the state the
 *   last one left;
 * - an awaited call threads a value through the object's own state (`this.linkId = result.actionNum`, then read by the next call);
 * - the awaited result is fed back into a shared state (`docData.receiveAction(stored)`) that the next call reads.
 */
export function appliesChangesInOrder(context: RuleContext, facts: LoopFacts, awaits: readonly TSESTree.AwaitExpression[]): boolean {
  if (iteratesInReverse(context, facts.loop)) return true;
  return awaits.some((node) => {
    const call = unwrapExpression(node.argument);
    return (
      (call.type === AST_NODE_TYPES.CallExpression && (changesOneReceiver(context, facts, call) || reachesOrderedChanges(context, call, FOLLOW_DEPTH))) ||
      feedsResultIntoState(context, facts, node)
    );
  });
}

/** `for (const action of actions.reverse())`, `for (const a of [...steps].reverse())`, `actions.reverse(); for (const a of actions)`, `for (let i = n - 1; i >= 0; i--)`. */
function iteratesInReverse(context: RuleContext, loop: LoopStatement): boolean {
  if (loop.type === AST_NODE_TYPES.ForStatement) return countsDown(loop);
  if (loop.type !== AST_NODE_TYPES.ForOfStatement) return false;
  const list = unwrapExpression(loop.right);
  if (list.type === AST_NODE_TYPES.CallExpression && isReverseCall(list)) return true;
  if (list.type !== AST_NODE_TYPES.Identifier) return false;
  // The list reversed in place before the loop, in the same function.
  return (
    resolveVariable(context, list)?.references.some((reference) => {
      const member = reference.identifier.parent;
      return (
        reference.identifier.range[1] <= loop.range[0] &&
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        propertyName(member) === 'reverse' &&
        member.parent?.type === AST_NODE_TYPES.CallExpression &&
        member.parent.callee === member
      );
    }) ?? false
  );
}

function isReverseCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && /^(?:reverse|toReversed)$/.test(propertyName(callee) ?? '');
}

/** `for (let i = list.length - 1; i >= 0; i--)`: an index that starts at the end and counts down. */
function countsDown(loop: TSESTree.ForStatement): boolean {
  const update = loop.update;
  const down =
    (update?.type === AST_NODE_TYPES.UpdateExpression && update.operator === '--') ||
    (update?.type === AST_NODE_TYPES.AssignmentExpression && update.operator === '-=');
  const init = loop.init?.type === AST_NODE_TYPES.VariableDeclaration ? loop.init.declarations[0]?.init : undefined;
  const start = init && unwrapExpression(init);
  return (
    down &&
    start?.type === AST_NODE_TYPES.BinaryExpression &&
    start.operator === '-' &&
    start.left.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(start.left) === 'length'
  );
}

/** `this.doc.applyUserActions(actions)` on a receiver every iteration shares. */
function changesOneReceiver(context: RuleContext, facts: LoopFacts, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression && APPLIES_CHANGES.test(propertyName(callee) ?? '') && !variesPerIteration(context, facts, callee.object)
  );
}

/**
 * A call of the project's own function that applies changes to a receiver it does not take from its arguments (an
 * object of its own, `this._doc`), or that threads a value through its object's state, directly or a few calls down.
 */
function reachesOrderedChanges(context: RuleContext, call: TSESTree.CallExpression, depth: number): boolean {
  const fn = calledFunction(context, call.callee);
  // A declared function (`declare function send(…)`) has no body to follow.
  if (!fn?.body || depth === 0) return false;
  const memo = context.shared.memo('orderedChanges', () => new Map<FunctionNode, boolean>());
  const known = memo.get(fn);
  if (known !== undefined) return known;
  memo.set(fn, false);
  const found = threadsOwnState(fn) || awaitedCalls(fn).some((inner) => appliesToOwnReceiver(fn, inner) || reachesOrderedChanges(context, inner, depth - 1));
  memo.set(fn, found);
  return found;
}

function awaitedCalls(fn: FunctionNode): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  visitWithinFunction(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.AwaitExpression) return;
    const argument = unwrapExpression(node.argument);
    if (argument.type === AST_NODE_TYPES.CallExpression) calls.push(argument);
  });
  return calls;
}

/** `this._activeDoc.applyUserActions(...)` in a method: changes applied to an object the method's own object holds. */
function appliesToOwnReceiver(fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !APPLIES_CHANGES.test(propertyName(callee) ?? '')) return false;
  return thisMember(callee.object) !== undefined && contains(fn, call);
}

/** The property name of `this.name`, or `this` itself as ''. */
function thisMember(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.ThisExpression) return '';
  return inner.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(inner.object).type === AST_NODE_TYPES.ThisExpression
    ? propertyName(inner)
    : undefined;
}

/**
 * A method that reads `this.name` into an awaited call and sets it after an await (`this._linkId = result.actionNum`):
 * each call continues from the value the previous one left.
 */
function threadsOwnState(fn: FunctionNode): boolean {
  const read = new Set<string>();
  const set: { name: string; at: number }[] = [];
  let firstAwait = Number.POSITIVE_INFINITY;
  visitWithinFunction(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) {
      firstAwait = Math.min(firstAwait, node.range[0]);
      visitWithinFunction(node.argument, (inner) => {
        const name = inner.type === AST_NODE_TYPES.MemberExpression ? thisMember(inner) : undefined;
        if (name) read.add(name);
      });
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression) {
      const name = thisMember(node.left);
      if (name) set.push({ name, at: node.range[0] });
    }
  });
  return set.some(({ name, at }) => at > firstAwait && read.has(name));
}

/**
 * `const processed = await alt.processUserAction(action); for (const stored of processed.stored) docData.receiveAction(stored);`:
 * the awaited result goes into a state every iteration shares, which the next call reads.
 */
function feedsResultIntoState(context: RuleContext, facts: LoopFacts, node: TSESTree.AwaitExpression): boolean {
  const holder = node.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== node || holder.id.type !== AST_NODE_TYPES.Identifier) return false;
  const uses = resolveVariable(context, holder.id)?.references.filter((reference) => reference.identifier !== holder.id) ?? [];
  return uses.some((reference) => {
    let value: TSESTree.Node = reference.identifier;
    while (value.parent?.type === AST_NODE_TYPES.MemberExpression && value.parent.object === value) value = value.parent;
    // `for (const stored of processed.stored) receive(stored)`: the items of the result, one by one.
    const parent = value.parent;
    if (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === value && parent.left.type === AST_NODE_TYPES.VariableDeclaration) {
      const binding = parent.left.declarations[0]?.id;
      const items = binding?.type === AST_NODE_TYPES.Identifier ? (resolveVariable(context, binding)?.references ?? []) : [];
      return items.some((item) => item.identifier !== binding && takenIntoState(context, facts, item.identifier));
    }
    return takenIntoState(context, facts, value);
  });
}

/** Whether a value is handed to `state.receiveAction(value)` on an object every iteration shares. */
function takenIntoState(context: RuleContext, facts: LoopFacts, value: TSESTree.Node): boolean {
  const call = value.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(value as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && TAKES_RESULT.test(propertyName(callee) ?? '') && !variesPerIteration(context, facts, callee.object);
}
