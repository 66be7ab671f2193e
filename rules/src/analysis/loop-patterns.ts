/** Why a loop as a whole must run its iterations one after another: the loop-level patterns. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import {
  bufferedData,
  constValueOf,
  isGlobalReference,
  keyName,
  localFunction,
  propertyName,
  resolveModuleMember,
  resolveVariable,
  unwrapExpression,
} from './resolve';
import {
  isCategoryGrouping,
  isConfigured,
  isFixedField,
  isImportedFixedList,
  keysOfFixedObject,
  objectReadByKeys,
  SUBSET_HELPERS,
  unwrapAwaited,
} from './fixed-lists';
import { sizeOf } from './length-caps';
import { databaseQueryOf } from './queries';
import { keptItemsOf } from './owner-lists';
import { contains, enclosingFunction, isFunction, isLoopStatement, type FunctionNode, type LoopStatement } from './scopes';
import { callChainTop, calleeChainNames, calleeName, CODE_CONSTANT_NAME, lastName, namesOrderedWork, patternNames, words } from './names';
import {
  leavesAlone,
  loopFacts,
  memberMutation,
  memberNames,
  readsAny,
  rootSlot,
  slotsRead,
  variesPerIteration,
  writesOf,
  type LoopFacts,
  type Slot,
} from './loop-facts';
import { functionName } from './startup';
import { containsAwait, visitWithinFunction } from './visit';
import { COLLECTING_METHODS } from './await-patterns';
import { declaredType } from '../project-model/summaries';
import { elementType, objectTypeMembers } from './callback-types';

/** The condition, update or iterable depends on what the body does: the number of iterations is not known up front. */
export function controlDependsOnBody(context: RuleContext, facts: LoopFacts): boolean {
  const loop = facts.loop;
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) {
    const iterable = rootSlot(context, loop.right);
    if (iterable === undefined) return false;
    // `doc.populated = ...` while walking `doc.authors`: another field of the same object leaves the list alone.
    const listed = memberNames(loop.right);
    return writesOf(facts, iterable).some((write) => !write.member || !leavesAlone(listed, mutatedMember(write.node)));
  }
  const test = loop.test;
  if (!test || isAlwaysTrue(test)) return true;
  if (containsAwait(test)) return true;
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.update && containsAwait(loop.update)) return true;
  let counters = 0;
  const owner = enclosingFunction(loop);
  for (const slot of slotsRead(context, test)) {
    const list = writesOf(facts, slot);
    if (list.length === 0) continue;
    if (!list.every((write) => write.counter)) return true;
    // A counter of an outer function is shared by concurrent callers: a worker pool taking the next item.
    if (typeof slot === 'string' || (owner && !contains(owner, slot.scope.block))) return true;
    counters++;
  }
  // A condition that no counter moves waits for something outside the loop: a flag, a signal, a queue.
  return counters === 0;
}

/** The field chain a member write changes: `doc.a` of `doc.a = v` and `doc.a++`, the list `doc.a` of `doc.a.push(v)`. */
function mutatedMember(node: TSESTree.Node): string[] | undefined {
  if (node.type === AST_NODE_TYPES.AssignmentExpression) return memberNames(node.left);
  if (node.type === AST_NODE_TYPES.UpdateExpression) return memberNames(node.argument);
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) return memberNames(node.callee.object);
  return undefined;
}

function isAlwaysTrue(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && Boolean(node.value);
}

/** A `break` or `return` that leaves the loop and depends on an awaited result. */
export function hasAwaitDependentExit(context: RuleContext, facts: LoopFacts): boolean {
  return hasExitOnAwaited(context, facts, (node) => exitsLoop(node, facts.loop), true);
}

/**
 * `if (await inUse(x)) throw …; else await remove(x)`: a `throw` on an awaited check, ahead of the loop's other work. Run together, the
 * items after a failing one would be done anyway. Batched in one statement after the checks, they would not: a concern of concurrency only.
 */
export function throwsOnAwaitedCheck(context: RuleContext, facts: LoopFacts): boolean {
  // A rethrow in a `catch` stops on the work's own failure, not on a check: only a condition counts; so does a test of what a write returned.
  return hasExitOnAwaited(context, facts, (node) => throwsAheadOfWork(node, facts.loop) && !failsOnWrittenRow(context, node, facts.loop), false);
}

/** `create`, `insertBoard`, `addMember`, `saveDraft`: a call named for a row or object it writes. */
const WRITE_CALL = /^(?:create|insert|add|save|upsert|put|update)(?:[A-Z_]|$)/;

/**
 * `const board = await boards.create(row); if (!board?.id) throw new Error('not created')`: the throw tests what the loop's own write
 * returned, which is that work failing (as a rethrow is), not a check ahead of it.
 */
function failsOnWrittenRow(context: RuleContext, thrown: TSESTree.Node, loop: LoopStatement): boolean {
  let test: TSESTree.Node | undefined;
  for (let child: TSESTree.Node = thrown, current = thrown.parent; !test && current && current !== loop; child = current, current = current.parent!)
    if (current.type === AST_NODE_TYPES.IfStatement && current.test !== child) test = current.test;
  if (!test || containsAwait(test)) return false;
  const sources = awaitedSources(context, test, loop, 0);
  return (
    sources !== undefined &&
    sources.length > 0 &&
    sources.every((call) => WRITE_CALL.test(calleeName(call) ?? '') || databaseQueryOf(context, call)?.kind === 'write')
  );
}

const SOURCE_DEPTH = 3;

/** The awaited calls whose results the names in `node` hold, through the loop's `const`s (`const id = created?.id`); undefined when some name has another origin. */
function awaitedSources(context: RuleContext, node: TSESTree.Node, loop: LoopStatement, depth: number): TSESTree.CallExpression[] | undefined {
  const calls: TSESTree.CallExpression[] = [];
  let known = true;
  visitWithinFunction(node, (inner) => {
    if (!known || inner.type !== AST_NODE_TYPES.Identifier || (inner.parent?.type === AST_NODE_TYPES.MemberExpression && inner.parent.property === inner))
      return;
    const definition = resolveVariable(context, inner)?.defs[0];
    if (!definition || !contains(loop, definition.node)) return;
    const declarator = definition.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    const init = declarator?.init ? unwrapExpression(declarator.init) : undefined;
    const awaited = init?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : undefined;
    const deeper =
      awaited?.type === AST_NODE_TYPES.CallExpression
        ? [awaited]
        : init && depth < SOURCE_DEPTH && !containsAwait(init)
          ? awaitedSources(context, init, loop, depth + 1)
          : undefined;
    if (deeper) calls.push(...deeper);
    else known = false;
  });
  return known ? calls : undefined;
}

function hasExitOnAwaited(context: RuleContext, facts: LoopFacts, exits: (node: TSESTree.Node) => boolean, afterTry: boolean): boolean {
  let found = false;
  visitWithinFunction(facts.loop.body, (node) => {
    if (found || !exits(node)) return;
    const argument = node.type === AST_NODE_TYPES.ReturnStatement ? node.argument : null;
    if (argument && (containsAwait(argument) || readsAny(context, argument, facts.tainted))) found = true;
    else if (guardedBy(context, node, facts.loop, facts.tainted, afterTry)) found = true;
  });
  return found;
}

/** Statements that leave `loop` for good: `return`, a `break` of it or of an outer statement, a `continue` of an outer loop. */
export function exitsLoop(node: TSESTree.Node, loop: LoopStatement): boolean {
  if (node.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (node.type !== AST_NODE_TYPES.BreakStatement && node.type !== AST_NODE_TYPES.ContinueStatement) return false;
  const target = jumpTarget(node);
  if (!target) return false;
  if (target === loop) return node.type === AST_NODE_TYPES.BreakStatement;
  return !contains(loop, target);
}

/** `Date.now()`, `performance.now()`, `process.hrtime(…)`, `process.hrtime.bigint()`: a reading of the clock. */
function readsClock(node: TSESTree.Node): boolean {
  let found = false;
  visitWithinFunction(node, (child) => {
    if (found || child.type !== AST_NODE_TYPES.CallExpression) return;
    const names = calleeChainNames(child.callee);
    const joined = names.join('.');
    if (/^(?:Date|performance)\.now$|^process\.hrtime(?:\.bigint)?$/.test(joined)) found = true;
  });
  return found;
}

/**
 * `if (Date.now() - started > maxRunTimeMs) break;`: a loop that stops when the time it took passes a budget, and leaves the rest of the
 * items for the next run. The budget counts the items done one after another; started together, every item would run whatever the clock says.
 */
export function stopsOnTimeBudget(loop: LoopStatement): boolean {
  let stops = false;
  visitWithinFunction(loop.body, (node) => {
    if (stops || node.type !== AST_NODE_TYPES.IfStatement || !readsClock(node.test)) return;
    visitWithinFunction(node.consequent, (exit) => {
      if (!stops && (exit.type === AST_NODE_TYPES.BreakStatement || exit.type === AST_NODE_TYPES.ReturnStatement) && exitsLoop(exit, loop)) stops = true;
    });
  });
  return stops;
}

/**
 * `row = await getRow(where); break;`: an await that a statement leaving the loop follows in its own block, with nothing between
 * that could jump past it; the loop awaits it at most once.
 */
export function awaitsAtMostOnce(node: TSESTree.Node, loop: LoopStatement): boolean {
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== loop; child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of current.body.slice(current.body.indexOf(child as TSESTree.Statement) + 1)) {
      if (exitsLoop(statement, loop)) return true;
      if (mayJump(statement)) break;
    }
  }
  return false;
}

/**
 * `for (const field of Object.keys(patch)) { if (field === 'email') await sendVerification(user); }`: an await on the branch of one
 * key of an object's keys (or a `case 'email':` of a `switch` on it) runs at most once, since an object holds each key once.
 */
function awaitsForOneKey(context: RuleContext, node: TSESTree.Node, loop: LoopStatement): boolean {
  const key = uniqueKeyBinding(context, loop);
  if (!key) return false;
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== loop; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && testsKeyIsLiteral(current.test, key)) return true;
    if (
      current.type === AST_NODE_TYPES.SwitchCase &&
      current.test?.type === AST_NODE_TYPES.Literal &&
      current.consequent.includes(child as TSESTree.Statement)
    ) {
      const discriminant = current.parent.discriminant;
      if (discriminant.type === AST_NODE_TYPES.Identifier && discriminant.name === key) return true;
    }
  }
  return false;
}

/** Fields that tell one row from the others of its owner: `id`, `uuid`, `name`, `slug`, `key`, `email`. */
const IDENTIFYING_FIELD = /^(?:id|uuid|guid|name|slug|key|email|username|handle)$/;

/**
 * `const predicates = await repo.findByJob(jobId); for (const predicate of predicates) { if (predicate.name === dto.name) await
 * repo.save(predicate) }`: of the rows a call read for what it was handed, the branch takes the one whose identifying field equals a
 * value the loop does not change, so it runs at most once. A field that sorts rows into kinds (`status`, `ownerId`) matches many.
 */
function runsForOneRow(context: RuleContext, node: TSESTree.Node, loop: LoopStatement): boolean {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement || !readForOneCall(context, loop)) return false;
  const binding = loop.left.type === AST_NODE_TYPES.VariableDeclaration ? loop.left.declarations[0]?.id : undefined;
  if (binding?.type !== AST_NODE_TYPES.Identifier) return false;
  const facts = loopFacts(context, loop);
  const isItemField = (side: TSESTree.Node): side is TSESTree.MemberExpression =>
    side.type === AST_NODE_TYPES.MemberExpression && !side.computed && side.object.type === AST_NODE_TYPES.Identifier && side.object.name === binding.name;
  const matchesItem = (test: TSESTree.Node): boolean => {
    const inner = unwrapExpression(test);
    if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '&&') return matchesItem(inner.left) || matchesItem(inner.right);
    // A timing-safe comparison checks a secret, which names one credential whatever its field is called.
    if (inner.type === AST_NODE_TYPES.CallExpression && comparesTimingSafe(context, inner)) {
      const sides = inner.arguments.map((argument) => bufferedValue(context, argument));
      return sides.some((side, index) => isItemField(side) && !variesPerIteration(context, facts, sides[1 - index]!));
    }
    if (inner.type !== AST_NODE_TYPES.BinaryExpression || (inner.operator !== '===' && inner.operator !== '==')) return false;
    const sides = [unwrapExpression(inner.left), unwrapExpression(inner.right)];
    return sides.some(
      (side, index) => isItemField(side) && IDENTIFYING_FIELD.test(propertyName(side) ?? '') && !variesPerIteration(context, facts, sides[1 - index]!),
    );
  };
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== loop; child = current, current = current.parent) {
    if (isFunction(current)) return false;
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && matchesItem(current.test)) return true;
  }
  return false;
}

/** `crypto.timingSafeEqual(a, b)` of Node's `crypto`, with two arguments. */
function comparesTimingSafe(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const member = resolveModuleMember(context, call.callee);
  return call.arguments.length === 2 && !!member && /^(?:node:)?crypto$/.test(member.module) && member.path.join('.') === 'timingSafeEqual';
}

/** `row.prefix` of `Buffer.from(row.prefix)`, or of `candidate` where `const candidate = Buffer.from(row.prefix)`: the value a buffer holds. */
function bufferedValue(context: RuleContext, node: TSESTree.Node): TSESTree.Node {
  const value = constValueOf(context, node) ?? unwrapExpression(node);
  const data = bufferedData(context, value);
  return data ? unwrapExpression(data) : value;
}

/** `predicates` of `const predicates = await repo.findByJob(jobId)` in the loop's function: rows one call read for what it was handed. */
function readForOneCall(context: RuleContext, loop: TSESTree.ForOfStatement): boolean {
  const list = unwrapExpression(loop.right);
  const held = list.type === AST_NODE_TYPES.Identifier ? unchangedConstValue(context, list) : undefined;
  const read = held?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(held.argument) : undefined;
  return read?.type === AST_NODE_TYPES.CallExpression && read.arguments.length > 0 && enclosingFunction(read) === enclosingFunction(loop);
}

/** An await on the branch of one key of an object's keys, or of the one row a unique field picks: at most once per loop. */
export function runsForOneItem(context: RuleContext, node: TSESTree.Node, loop: LoopStatement): boolean {
  return awaitsForOneKey(context, node, loop) || runsForOneRow(context, node, loop);
}

/** `field` of `for (const field of Object.keys(patch))` or `for (const [field] of Object.entries(patch))`: a name that holds each key once. */
function uniqueKeyBinding(context: RuleContext, loop: LoopStatement): string | undefined {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement) return undefined;
  const left = loop.left;
  if (left.type !== AST_NODE_TYPES.VariableDeclaration || left.kind !== 'const') return undefined;
  const binding = left.declarations[0]?.id;
  const keys = unwrapExpression(loop.right);
  if (keys.type !== AST_NODE_TYPES.CallExpression || !objectReadByKeys(context, keys)) return undefined;
  const listed = keys.callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(keys.callee) : undefined;
  if (listed === 'keys') return binding?.type === AST_NODE_TYPES.Identifier ? binding.name : undefined;
  const first = listed === 'entries' && binding?.type === AST_NODE_TYPES.ArrayPattern ? binding.elements[0] : undefined;
  return first?.type === AST_NODE_TYPES.Identifier ? first.name : undefined;
}

/** `field === 'email'`, `'email' == field`, or such a comparison as one side of `&&`: true only on the turn of that one key. */
function testsKeyIsLiteral(test: TSESTree.Expression, key: string): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression)
    return test.operator === '&&' && (testsKeyIsLiteral(test.left, key) || testsKeyIsLiteral(test.right, key));
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) return false;
  const [left, right] = [test.left, test.right];
  const isKey = (side: TSESTree.Node): boolean => side.type === AST_NODE_TYPES.Identifier && side.name === key;
  const isLiteral = (side: TSESTree.Node): boolean =>
    side.type === AST_NODE_TYPES.Literal || (side.type === AST_NODE_TYPES.TemplateLiteral && side.expressions.length === 0);
  return (isKey(left) && isLiteral(right)) || (isLiteral(left) && isKey(right));
}

/** A statement with a `break`, `continue`, `return` or `throw` in it (not in a function it makes). */
function mayJump(statement: TSESTree.Node): boolean {
  let jumps = false;
  visitWithinFunction(statement, (node) => {
    if (
      node.type === AST_NODE_TYPES.BreakStatement ||
      node.type === AST_NODE_TYPES.ContinueStatement ||
      node.type === AST_NODE_TYPES.ReturnStatement ||
      node.type === AST_NODE_TYPES.ThrowStatement
    )
      jumps = true;
  });
  return jumps;
}

/** A `throw` no `try` of the loop catches, with an `await` of the loop after it. */
function throwsAheadOfWork(node: TSESTree.Node, loop: LoopStatement): boolean {
  if (node.type !== AST_NODE_TYPES.ThrowStatement) return false;
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== loop; child = current, current = current.parent!)
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child && current.handler) return false;
  // Another check after it (`if (!(await can(user, b))) throw …`) is no work: checks alone may run together and fail as one.
  let after = false;
  visitWithinFunction(loop.body, (inner) => {
    if (inner.type === AST_NODE_TYPES.AwaitExpression && inner.range[0] > node.range[1] && !inConditionOf(inner, loop)) after = true;
  });
  return after;
}

/** Whether `node` is part of the test of an `if` or `?:` inside `loop`. */
function inConditionOf(node: TSESTree.Node, loop: LoopStatement): boolean {
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== loop; child = current, current = current.parent!)
    if ((current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) && current.test === child) return true;
  return false;
}

/** The statement a `break` or `continue` jumps out of (or continues). */
function jumpTarget(node: TSESTree.BreakStatement | TSESTree.ContinueStatement): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current && !isFunction(current); current = current.parent) {
    if (node.label) {
      if (current.type === AST_NODE_TYPES.LabeledStatement && current.label.name === node.label.name) return current.body;
    } else if (isLoopStatement(current) || (node.type === AST_NODE_TYPES.BreakStatement && current.type === AST_NODE_TYPES.SwitchStatement)) {
      return current;
    }
  }
  return undefined;
}

/**
 * Whether `node` only runs depending on an awaited value: a condition around it (inside
 * `loop`) reads one of `slots` or awaits, or it sits in a `try` (or its `catch`) whose
 * block awaits, so it runs only once that await succeeded (or failed).
 */
export function guardedBy(context: RuleContext, node: TSESTree.Node, loop: LoopStatement, slots: ReadonlySet<Slot>, includeTry = false): boolean {
  let child = node;
  for (let current = node.parent; current && current !== loop; child = current, current = current.parent) {
    let condition: TSESTree.Node | undefined;
    if (current.type === AST_NODE_TYPES.IfStatement && child !== current.test) condition = current.test;
    else if (current.type === AST_NODE_TYPES.ConditionalExpression && child !== current.test) condition = current.test;
    else if (current.type === AST_NODE_TYPES.LogicalExpression && child === current.right) condition = current.left;
    else if (current.type === AST_NODE_TYPES.SwitchCase) condition = (current.parent as TSESTree.SwitchStatement).discriminant;
    else if (includeTry && current.type === AST_NODE_TYPES.TryStatement && child !== current.finalizer && containsAwait(current.block)) return true;
    if (condition && (containsAwait(condition) || readsAny(context, condition, slots))) return true;
    if (includeTry && current.type === AST_NODE_TYPES.BlockStatement && skippedByEarlierJump(context, current, child, slots)) return true;
  }
  return false;
}

/** `if (await ok(x)) continue; return x;`: an earlier statement of the block jumps away depending on an awaited value. */
function skippedByEarlierJump(context: RuleContext, block: TSESTree.BlockStatement, child: TSESTree.Node, slots: ReadonlySet<Slot>): boolean {
  for (const statement of block.body) {
    if (statement === child) return false;
    if (statement.type !== AST_NODE_TYPES.IfStatement || !(containsAwait(statement.test) || readsAny(context, statement.test, slots))) continue;
    if (mayJump(statement)) return true;
  }
  return false;
}

export function yieldsInLoop(loop: LoopStatement): boolean {
  let found = false;
  visitWithinFunction(loop, (node) => {
    if (node.type === AST_NODE_TYPES.YieldExpression) found = true;
  });
  return found;
}

/** Lists written out in the code up to this length are hand-written steps, not data. */
export const FIXED_LIST_MAX = 5;

/** A counter bound written in the code up to this number counts steps of a calendar's size (the days of a week or a month), not data. */
const COUNTED_STEPS_MAX = 31;

/** `for (const x of ['a', 'b'])`, also through a `const` or `as const`. */
export function iteratesFixedList(context: RuleContext, loop: LoopStatement): boolean {
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    // `for (let i = 0; i < 3; i++)`, `i < days` of `const days = 7`: a few numbered steps, as many as the code writes.
    let bound = loop.test?.type === AST_NODE_TYPES.BinaryExpression ? unwrapExpression(loop.test.right) : undefined;
    if (bound?.type === AST_NODE_TYPES.Identifier) bound = constInit(context, bound);
    return bound?.type === AST_NODE_TYPES.Literal && typeof bound.value === 'number' && bound.value <= COUNTED_STEPS_MAX;
  }
  if (loop.type !== AST_NODE_TYPES.ForOfStatement && loop.type !== AST_NODE_TYPES.ForInStatement) return false;
  if (literalArrayOf(context, loop.right)) return isShortLiteralList(context, loop.right);
  if (overridesShortDefault(context, loop.right) || choosesShortLiteralList(context, loop.right) || defaultsToFixedList(context, loop.right)) return true;
  const object = unwrapExpression(loop.right);
  // `for (const key of UTM_PARAMS)`: a list another module writes out, named as a constant, as n-plus-one and unbounded-promise-all read it.
  // So does `export const systemPackages = ['a', 'b']` of another file, whatever the case of its name.
  if (isImportedConstant(context, object) || (object.type === AST_NODE_TYPES.Identifier && isImportedFixedList(context, object))) return true;
  // `for (const source of sources)` of `const sources = JSON.parse(process.env.DEFAULT_SOURCES ?? '[]')`: what the operator wrote in the settings.
  if (parsesDeploymentSetting(context, object)) return true;
  // `for (const key of Object.keys(SCHEMA))`: the keys of an object the code writes out, as unbounded-promise-all reads them.
  if (object.type === AST_NODE_TYPES.CallExpression && keysOfFixedObject(context, object)) return true;
  // `for (const [type, ids] of byType)` of `byType.set(row.entityType, ...)`: one group per kind of item.
  // `for (const name of this.defaults.keys())` of `private readonly defaults = new Map([...])`: a field the class writes out.
  // `for (const relay of this.options.relays)`: as many as whoever deploys the instance configured, as n-plus-one reads it.
  if (isCategoryGrouping(context, object) || isFixedField(context, object) || isConfigured(context, object)) return true;
  return loop.type === AST_NODE_TYPES.ForInStatement && object.type === AST_NODE_TYPES.ObjectExpression;
}

/**
 * `mod.windows ?? DEFAULT_WINDOWS` with `const DEFAULT_WINDOWS = ['yesterday', 'rolling_7d', 'rolling_30d']`, directly or through a
 * `const`: a field that overrides a few values the code names as a constant chooses among values of the same kind, a few as well.
 */
function overridesShortDefault(context: RuleContext, node: TSESTree.Node): boolean {
  let inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) inner = unchangedConstValue(context, inner) ?? inner;
  if (inner.type !== AST_NODE_TYPES.LogicalExpression || (inner.operator !== '??' && inner.operator !== '||')) return false;
  const fallback = unwrapExpression(inner.right);
  const defaults = fallback.type === AST_NODE_TYPES.Identifier && CODE_CONSTANT_NAME.test(fallback.name) ? literalArrayOf(context, fallback) : undefined;
  return (
    unwrapExpression(inner.left).type === AST_NODE_TYPES.MemberExpression &&
    !!defaults &&
    isShortLiteralList(context, fallback) &&
    defaults.elements.every((element) => element?.type === AST_NODE_TYPES.Literal && typeof element.value === 'string')
  );
}

/**
 * `JSON.parse(process.env.DEFAULT_CONNECTIONS ?? '[]')`, `tryParseJSON(DEFAULT_SOURCES)` of `import { DEFAULT_SOURCES } from './config'`,
 * `process.env.WEBHOOK_URLS.split(',')`, directly or through a `const`: a list parsed from a setting of the deployment, as many items as
 * its operator wrote there. A list parsed from a request or a file (`JSON.parse(body)`) is data, and is reported.
 */
function parsesDeploymentSetting(context: RuleContext, node: TSESTree.Node): boolean {
  let inner = unwrapExpression(node);
  // Checked as it is parsed (`Array.isArray(configured)`): what the code hands on to read does not change where the list came from.
  if (inner.type === AST_NODE_TYPES.Identifier) inner = constInit(context, inner) ?? inner;
  inner = withoutWrittenFallback(inner);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(inner.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'split') return isDeploymentSetting(context, callee.object);
  const setting = inner.arguments[0];
  return !!setting && words(calleeName(inner) ?? '').includes('parse') && isDeploymentSetting(context, setting);
}

/** `setting ?? '[]'`, `parse(setting) || []`: the value without a fallback written in the code. */
function withoutWrittenFallback(node: TSESTree.Node): TSESTree.Node {
  if (node.type !== AST_NODE_TYPES.LogicalExpression || (node.operator !== '??' && node.operator !== '||')) return node;
  const fallback = unwrapExpression(node.right);
  const written = fallback.type === AST_NODE_TYPES.Literal || (fallback.type === AST_NODE_TYPES.ArrayExpression && fallback.elements.length === 0);
  return written ? unwrapExpression(node.left) : node;
}

/** The value a `const` of one name is declared with (`const list = parse(text)`, not `const { list } = …`). */
function constInit(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const definition = resolveVariable(context, identifier)?.defs[0];
  if (definition?.type !== 'Variable' || definition.parent?.kind !== 'const' || definition.node.id !== definition.name) return undefined;
  return definition.node.init ? unwrapExpression(definition.node.init) : undefined;
}

/** `process.env.DEFAULT_SOURCES` (with a fallback written in the code), or a constant another module exports: `DEFAULT_SOURCES`. */
function isDeploymentSetting(context: RuleContext, node: TSESTree.Node): boolean {
  const inner = withoutWrittenFallback(unwrapExpression(node));
  if (isImportedConstant(context, inner)) return true;
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return false;
  const env = unwrapExpression(inner.object);
  const processName = env.type === AST_NODE_TYPES.MemberExpression && !env.computed ? unwrapExpression(env.object) : undefined;
  return (
    processName?.type === AST_NODE_TYPES.Identifier &&
    processName.name === 'process' &&
    propertyName(env as TSESTree.MemberExpression) === 'env' &&
    isGlobalReference(context, processName)
  );
}

/** `UTM_PARAMS` of `import { UTM_PARAMS } from './constants'`: a list another module writes out, named as a constant. */
function isImportedConstant(context: RuleContext, node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && CODE_CONSTANT_NAME.test(node.name) && resolveVariable(context, node)?.defs[0]?.type === 'ImportBinding';
}

/**
 * `status` of `deleteJobs({ status = QUEUE_JOB_STATUS_LIST })` or of `(windows = ['day', 'week'])`, never assigned in the function: a
 * parameter whose default is a list written out or an imported constant. A caller that hands its own picks among values of the same kind.
 * An empty default (`ids = []`) writes out no values, so it bounds nothing.
 */
function defaultsToFixedList(context: RuleContext, node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  const variable = inner.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, inner) : undefined;
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const holder = definition?.type === 'Parameter' ? definition.name.parent : undefined;
  if (
    holder?.type !== AST_NODE_TYPES.AssignmentPattern ||
    holder.left !== definition!.name ||
    variable!.references.some((reference) => reference.isWrite() && reference.identifier !== definition!.name)
  )
    return false;
  const fallback = unwrapExpression(holder.right);
  // `removals = []` only says what a call that hands nothing gets: no item, and no bound on what the others hand.
  if (literalArrayOf(context, fallback)?.elements.length === 0) return false;
  return isShortLiteralList(context, fallback) || isImportedConstant(context, fallback);
}

/** `status ? [status] : ['waiting', 'active', 'failed']`, directly or through a `const`: either way a few items written out. */
function choosesShortLiteralList(context: RuleContext, node: TSESTree.Node): boolean {
  let inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) inner = unchangedConstValue(context, inner) ?? inner;
  return inner.type === AST_NODE_TYPES.ConditionalExpression && isShortLiteralList(context, inner.consequent) && isShortLiteralList(context, inner.alternate);
}

/** `['a', 'b']`, directly or through a `const` that holds it: a few items written out, without spreads. */
export function isShortLiteralList(context: RuleContext, node: TSESTree.Node): boolean {
  const literal = literalArrayOf(context, node);
  return !!literal && literal.elements.length <= FIXED_LIST_MAX && !literal.elements.some((element) => element?.type === AST_NODE_TYPES.SpreadElement);
}

/** The array literal an expression is, directly, through `as const`, or through a `const` that holds it. */
export function literalArrayOf(context: RuleContext, node: TSESTree.Node): TSESTree.ArrayExpression | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return inner;
  const init = inner.type === AST_NODE_TYPES.Identifier ? unchangedConstValue(context, inner) : undefined;
  return init?.type === AST_NODE_TYPES.ArrayExpression ? init : undefined;
}

/** The value of a `const` that no code changes in place or hands to a function (`collect(rows, ids)` may fill it there). */
export function unchangedConstValue(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable' || (definition.parent as TSESTree.VariableDeclaration).kind !== 'const') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const mutated = variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(reference.identifier as TSESTree.Identifier)) return !readsObject(parent);
    // `list.push(x)`, `list.length = 0` change it; `total = list.length` only reads it.
    return (
      parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && memberMutation(parent.parent!)?.target === parent.object
    );
  });
  return mutated ? undefined : unwrapExpression(declarator.init);
}

/** `Object.entries(fields)`, `Object.keys(...)`, `Object.values(...)`, lodash's `difference(list, other)`: they read what they are handed. */
function readsObject(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier && SUBSET_HELPERS.test(callee.name)) return true;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object' &&
    /^(?:keys|values|entries)$/.test(propertyName(callee) ?? '')
  );
}

/**
 * Phrases that state the order or pace is wanted: "one at a time", "sequentially", "avoid
 * running these in parallel", "rate limit". A bare "sequential" naming a thing ("sequential
 * ids") or "parallel" alone says nothing of the loop.
 */
const ORDER_INTENT =
  /one by one|one after (?:the )?(?:other|another)|\bone (?:\w+ ){0,2}at a time|\bsequentially\b|\bsequential(?:\s+(?:processing|execution|on purpose|order|loop|because|so|to)\b|[,.;:)]|\s*$)|\bserially\b|\bin (?:order|sequence|series|turn)\b|\bconsecutively\b|\b(?:not|no|avoid\w*|don'?t|do not|never|without|instead of|rather than|rejects?|forbids?|disallows?|refuses?|limits?)\b[^.]{0,40}\b(?:concurren\w*|parallel\w*|at (?:the same time|once)|simultaneous\w*)|rate.?limit|throttl|overload|same (?:connection|client|session)|order matters/i;
/** A wish to change the loop: "TODO: run these in parallel" asks for concurrency, it does not forbid it. */
const IMPROVEMENT_WISH = /\b(?:todo|fixme|could|should|might|maybe|consider|improve)\b/i;

function statesOrder(comment: { value: string }): boolean {
  return ORDER_INTENT.test(comment.value) && !IMPROVEMENT_WISH.test(comment.value);
}

/** `logger.debug(\`Serially downloading ${versions.length} versions\`)` just before the loop: its log line announces the order. */
function logLineAboveStatesOrder(loop: LoopStatement): boolean {
  const block = loop.parent;
  const siblings = block?.type === AST_NODE_TYPES.BlockStatement || block?.type === AST_NODE_TYPES.Program ? block.body : [];
  const above = siblings[siblings.indexOf(loop as TSESTree.Statement) - 1];
  if (above?.type !== AST_NODE_TYPES.ExpressionStatement || !writesLoggerLine(above.expression)) return false;
  const message = (above.expression as TSESTree.CallExpression).arguments[0];
  const text =
    message?.type === AST_NODE_TYPES.Literal
      ? String(message.value)
      : message?.type === AST_NODE_TYPES.TemplateLiteral
        ? message.quasis.map((quasi) => quasi.value.cooked).join(' ')
        : '';
  return statesOrder({ value: text });
}

/**
 * A comment in the loop, or just above it, above the collectors it fills, or above a statement around it in its function, or the
 * log line before it, says the order or pace is wanted.
 */
export function commentAsksForOrder(context: RuleContext, loop: LoopStatement): boolean {
  return (
    logLineAboveStatesOrder(loop) ||
    commentAroundSays(context, loop, statesOrder) ||
    commentBlockAbove(context, firstOfCollectorsBefore(loop)).some(statesOrder)
  );
}

/**
 * Phrases that give the reason for one statement or transaction per item: "keep write locks short", "avoid a long
 * transaction", "lock contention", "shouldn't block other writers"; "one query per item" alone only describes the loop.
 */
const PER_ITEM_REASON =
  /\bkeep(?:s|ing)? (?:\w+ ){0,2}(?:locks?|transactions?) (?:short|small|brief)|\b(?:short|small|brief)(?:er)? (?:\w+ )?(?:locks?|transactions?)\b|\b(?:avoid\w*|not|no|don'?t|never)\b[^.]{0,30}\b(?:long|large|big|huge)(?:-running)? (?:\w+ )?(?:locks?|transactions?)|lock contention|block(?:ing)? other (?:writers|writes|transactions)/i;

/** A comment in the loop, just above it, or above a statement around it in its function, says why each item gets its own statement or transaction. */
export function commentExplainsPerItemStatements(context: RuleContext, loop: LoopStatement): boolean {
  const explains = (comment: { value: string }): boolean => PER_ITEM_REASON.test(comment.value) && !IMPROVEMENT_WISH.test(comment.value);
  return commentAroundSays(context, loop, explains) || commentBlockAbove(context, firstOfCollectorsBefore(loop)).some(explains);
}

/**
 * `// One transaction per job…` above `let archived = 0;`, or `// Build them sequentially…` above `const checks: Check[] = [];`,
 * above the loop: the counters and empty lists the loop fills belong to it.
 */
function firstOfCollectorsBefore(loop: LoopStatement): TSESTree.Node {
  const block = loop.parent;
  const siblings: TSESTree.Node[] = block?.type === AST_NODE_TYPES.BlockStatement ? block.body : [];
  let first: TSESTree.Node = loop;
  for (let index = siblings.indexOf(loop) - 1; index >= 0; index--) {
    const statement = siblings[index]!;
    const collector =
      statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.every((declarator) => !declarator.init || startsEmpty(declarator.init));
    if (!collector) break;
    first = statement;
  }
  return first;
}

/** `0`, `''`, `null`, `[]`, `{}`, `new Map()`, `new Set()`: a counter or a collection before anything is put in it. */
function startsEmpty(value: TSESTree.Expression): boolean {
  const inner = unwrapExpression(value);
  if (inner.type === AST_NODE_TYPES.Literal) return true;
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return inner.elements.length === 0;
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner.properties.length === 0;
  return inner.type === AST_NODE_TYPES.NewExpression && inner.arguments.length === 0 && /^(?:Map|Set)$/.test(calleeName(inner) ?? '');
}

function commentAroundSays(context: RuleContext, loop: LoopStatement, says: (comment: { value: string }) => boolean): boolean {
  const comments = context.ast.comments ?? [];
  if (comments.some((comment) => contains(loop, comment as unknown as TSESTree.Node) && says(comment))) return true;
  const owner = enclosingFunction(loop);
  for (let node: TSESTree.Node | undefined = loop; node && node.type !== AST_NODE_TYPES.Program; node = node.parent) {
    if (commentBlockAbove(context, node).some(says)) return true;
    // Up to the statement that holds the loop's function (a declaration's doc comment), no further.
    if (owner && !contains(owner, node) && node.type !== AST_NODE_TYPES.VariableDeclarator) break;
  }
  return false;
}

/**
 * `for await` over a stream or async iterator paces the loop; over an array or a `Map`'s entries it only awaits
 * each element: `for await (const x of [a, b])`, `for await (const id of ids.map(...))`, `for await (const [k, v] of byKey.entries())`.
 */
export function iteratesStream(context: RuleContext, loop: TSESTree.ForOfStatement): boolean {
  return loop.await && !isPlainArray(context, loop.right, 0);
}

const ARRAY_METHODS = /^(?:map|filter|slice|concat|flat|flatMap|sort|reverse|toSorted|toReversed|keys|values|entries|from|of|split|toArray)$/;

/**
 * An expression that is an array in memory: a literal, an array method's result, the rows `toArray()` resolves to, a `Map`
 * or `Set` iterator, a variable typed or initialized as one, or the item of a loop over such (`for (const [dir, files] of byDir)`).
 */
function isPlainArray(context: RuleContext, node: TSESTree.Node, depth: number): boolean {
  const inner = unwrapAwaited(node);
  if (inner.type === AST_NODE_TYPES.ArrayExpression || awaitsReadResult(context, node)) return true;
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const name = calleeName(inner) ?? '';
    const callee = unwrapExpression(inner.callee);
    // `Object.entries(record)`, and `byKey.entries()` of a `Map` or `Set`: the object's own keys, or an iterator over memory.
    const onArrayOrObject =
      callee.type === AST_NODE_TYPES.MemberExpression &&
      ((name !== 'keys' && name !== 'values' && name !== 'entries') ||
        (inner.arguments.length === 0 && !isDirectoryHandle(context, unwrapExpression(callee.object))) ||
        (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object'));
    return (
      ARRAY_METHODS.test(name) &&
      onArrayOrObject &&
      !(
        name === 'from' &&
        !(callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array')
      )
    );
  }
  if (inner.type !== AST_NODE_TYPES.Identifier || depth > 3) return false;
  const definition = resolveVariable(context, inner)?.defs[0];
  const binding = definition?.name as TSESTree.Identifier | undefined;
  const annotation = binding?.typeAnnotation?.typeAnnotation;
  if (annotation?.type === AST_NODE_TYPES.TSArrayType || annotation?.type === AST_NODE_TYPES.TSTupleType) return true;
  if (
    annotation?.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    /^(?:Array|ReadonlyArray)$/.test(annotation.typeName.name)
  )
    return true;
  if (definition?.type === 'Parameter')
    return isEventPayload(definition.node as TSESTree.Node, binding) || isStreamChunk(context, definition.node as TSESTree.Node, binding);
  if (definition?.type !== 'Variable') return false;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  const loop = declarator.parent.parent;
  if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declarator.parent) return isPlainArray(context, loop.right, depth + 1);
  return declarator.id === binding && declarator.init !== null && isPlainArray(context, declarator.init, depth + 1);
}

/** MongoDB driver reads whose result is a cursor, which streams its rows, not the rows. */
const CURSOR_READS: ReadonlySet<string> = new Set(['find', 'aggregate', 'watch', 'listCollections', 'listIndexes']);

/** `await redis.smembers(key)`, `await prisma.user.findMany()`: what a read of the database resolves to, held in memory (not a MongoDB cursor). */
function awaitsReadResult(context: RuleContext, node: TSESTree.Node): boolean {
  const awaited = unwrapExpression(node);
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const call = unwrapExpression(awaited.argument);
  const match = call.type === AST_NODE_TYPES.CallExpression ? databaseQueryOf(context, call) : undefined;
  return match?.call === call && match.kind === 'read' && !match.wrapper && !(match.library === 'mongodb' && CURSOR_READS.has(match.operation));
}

/** What lists a folder's entries one by one as it reads them: the browser's `FileSystemDirectoryHandle`. */
const DIRECTORY_HANDLE_MAKERS = /^(?:showDirectoryPicker|getDirectoryHandle)$/;

/** `dir.entries()` with `dir: FileSystemDirectoryHandle` or `const dir = await showDirectoryPicker()`: an async iterator, unlike a `Map`'s. */
function isDirectoryHandle(context: RuleContext, receiver: TSESTree.Node): boolean {
  const type = declaredType(context, receiver);
  if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier)
    return type.typeName.name === 'FileSystemDirectoryHandle';
  const definition = receiver.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, receiver)?.defs[0] : undefined;
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  const made = init && unwrapAwaited(init);
  if (made?.type !== AST_NODE_TYPES.CallExpression) return false;
  // `const root = await this.ensureRoot()` with `ensureRoot(): Promise<FileSystemDirectoryHandle>`: a handle a function of the file declares.
  return DIRECTORY_HANDLE_MAKERS.test(calleeName(made) ?? '') || namesDirectoryHandle(localFunction(context, made.callee)?.returnType?.typeAnnotation);
}

/** `FileSystemDirectoryHandle`, or a promise of one. */
function namesDirectoryHandle(type: TSESTree.TypeNode | undefined): boolean {
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  if (type.typeName.name === 'FileSystemDirectoryHandle') return true;
  const [promised] = type.typeArguments?.params ?? [];
  return type.typeName.name === 'Promise' && namesDirectoryHandle(promised);
}

/**
 * `socket.on('addTags', async (monitorID, tags, callback) => …)`: what a listener of a named event is handed arrived as
 * decoded data (a message, an emitted value), never an async iterator, so its lists are arrays.
 */
function isEventPayload(fn: TSESTree.Node, binding: TSESTree.Identifier | undefined): boolean {
  const call = fn.parent;
  if (!binding || !isFunction(fn) || !(fn as FunctionNode).params.includes(binding) || call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const [event] = call.arguments;
  return (
    call.arguments.at(-1) === fn &&
    event?.type === AST_NODE_TYPES.Literal &&
    typeof event.value === 'string' &&
    /^(?:on|once)$/.test(calleeName(call) ?? '') &&
    call.callee.type === AST_NODE_TYPES.MemberExpression
  );
}

/** The Node stream classes whose `write` / `transform` methods are handed each chunk written to them. */
const CHUNK_STREAMS = /^(?:Writable|Transform|Duplex)$/;

/**
 * The chunk a Node stream hands its `write(chunk, encoding, callback)` or `transform(chunk, …)` (`_write`, `_transform` of a
 * subclass): a value already in memory (an object, or a batch of them in object mode), never a stream of its own.
 */
function isStreamChunk(context: RuleContext, fn: TSESTree.Node, binding: TSESTree.Identifier | undefined): boolean {
  if (!binding || !isFunction(fn) || fn.params[0] !== binding) return false;
  const method = fn.parent;
  if (method?.type === AST_NODE_TYPES.Property && /^(?:write|transform)$/.test(keyName(method) ?? '')) {
    const made = method.parent.parent;
    return made?.type === AST_NODE_TYPES.NewExpression && made.arguments[0] === method.parent && isChunkStream(context, made.callee);
  }
  if (
    method?.type === AST_NODE_TYPES.MethodDefinition &&
    !method.computed &&
    method.key.type === AST_NODE_TYPES.Identifier &&
    /^_(?:write|transform)$/.test(method.key.name)
  ) {
    const owner = method.parent.parent;
    return (
      (owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression) &&
      !!owner.superClass &&
      isChunkStream(context, owner.superClass)
    );
  }
  return false;
}

/** `Writable` of `node:stream` (or `stream.Transform`, `require('stream').Duplex`, `readable-stream`'s). */
function isChunkStream(context: RuleContext, callee: TSESTree.Node): boolean {
  const member = resolveModuleMember(context, callee);
  return !!member && /^(?:(?:node:)?stream|readable-stream)$/.test(member.module) && CHUNK_STREAMS.test(member.path.at(-1) ?? '');
}

/** The comments right above a node, with only blank space between them and it. */
function commentBlockAbove(context: RuleContext, node: TSESTree.Node): TSESTree.Comment[] {
  const comments = context.ast.comments ?? [];
  const block: TSESTree.Comment[] = [];
  let start = node.range[0];
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index]!;
    if (comment.range[1] > start) continue;
    if (!/^\s*$/.test(context.text.slice(comment.range[1], start))) break;
    block.push(comment);
    start = comment.range[0];
  }
  return block;
}

/** `flushReadersSerially`, `runInOrder`, `applySequentially`: a function named for running its items one after another. */
const ORDERED_FUNCTION_NAME = /serially|sequentially|inorder|insequence|inseries|onebyone|oneatatime/i;

/** The function holding the loop says by its name that it runs its items in order. */
export function ownerNameAsksForOrder(loop: LoopStatement): boolean {
  const owner = enclosingFunction(loop);
  return owner !== undefined && ORDERED_FUNCTION_NAME.test(functionName(owner) ?? '');
}

/**
 * `failedId = project.id; await provision(project)` where a `catch` around the loop reads
 * `failedId`, or `await apply(item); lastCursor = item.cursor` that its `finally` saves: the loop
 * records how far it got, for a rollback, a report or a resume, which only means something while
 * the items run one after another.
 */
export function recordsProgress(context: RuleContext, loop: LoopStatement): boolean {
  let records = false;
  visitWithinFunction(loop.body, (node) => {
    if (records || node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.Identifier) return;
    const variable = resolveVariable(context, node.left);
    const declaration = variable?.defs[0]?.node;
    if (!variable || !declaration || contains(loop, declaration)) return;
    // A flag the catch only sets too (`failed = true`) tells nothing of how far the loop got;
    // nor does a flag the `finally` reads (`succeeded = true`): that some item got through, not which.
    const flag = unwrapExpression(node.right).type === AST_NODE_TYPES.Literal;
    records = variable.references.some((reference) => {
      const around = reference.isRead() ? readAroundLoop(reference.identifier, loop) : undefined;
      return around === 'catch' || (around === 'finally' && !flag);
    });
  });
  return records;
}

/** Fields of a progress report (`{ completed, total }`); a call is one by its name (`setProgress`, `progressBar.increment`, not `recalculatePercentLimits`). */
const PROGRESS_WORDS: ReadonlySet<string> = new Set(['progress', 'percent', 'percentage', 'completed', 'processed']);
/** A log line is no report anyone waits for: its order is the log's, not the work's. */
const LOG_METHODS = /^(?:log|info|debug|warn|error|trace|verbose)$/;

/**
 * `await reindex(id); observer.next({ completed: ++done, total })`, `await job.updateProgress(i / n)`:
 * the loop tells someone how far it got after each item, which only means something while the
 * items run one after another.
 */
export function reportsProgress(context: RuleContext, loop: LoopStatement): boolean {
  let awaited = false;
  let reports = false;
  visitWithinFunction(loop.body, (node) => {
    if (reports) return;
    if (node.type === AST_NODE_TYPES.AwaitExpression) awaited = true;
    // Visited in the text's order: a report that follows an await of the same iteration.
    else if (node.type === AST_NODE_TYPES.CallExpression && awaited && isProgressReport(node) && !keepsValue(node) && !collectsIntoOwnList(context, node, loop))
      reports = true;
    else if (node.type === AST_NODE_TYPES.AssignmentExpression && awaited && setsProgress(node)) reports = true;
  });
  return reports;
}

/**
 * `const reason = processedReasonOf({ processedLedger, threadId })`, `if (isCompleted({ completed }))`: the loop goes on with
 * the call's answer, so the call looks something up; a report is said and left.
 */
function keepsValue(call: TSESTree.CallExpression): boolean {
  let value: TSESTree.Node = callChainTop(call);
  while (value.parent && (value.parent.type === AST_NODE_TYPES.AwaitExpression || unwrapExpression(value.parent) !== value.parent)) value = value.parent;
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === value;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.right === value;
  return (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === value;
}

/** `this.exportStatus.progress += step * 100`, `job.percent = done / total`: a status field others read for how far the work got. */
function setsProgress(assignment: TSESTree.AssignmentExpression): boolean {
  const target = unwrapExpression(assignment.left);
  return target.type === AST_NODE_TYPES.MemberExpression && words(propertyName(target) ?? '').some((word) => PROGRESS_FIELD_WORDS.has(word));
}

/** Words of a field that holds how far the work got, not whether one item is done (`processed`, `completed`). */
const PROGRESS_FIELD_WORDS: ReadonlySet<string> = new Set(['progress', 'percent', 'percentage']);

/** `onEmitUserActionLog`, `emitLog`, `appendBuildLog`, `pushLog`: a call that adds a line to a log the user reads, in order. */
const EMITS_LOG_VERBS: ReadonlySet<string> = new Set(['emit', 'append', 'push', 'write', 'send', 'add']);

/**
 * `await actionContext.onEmitUserActionLog('Created service x', Level.Info)`: a line for the user's log of the action, whose
 * lines come in the order the work was done; it is not the loop's work.
 */
export function emitsUserLog(node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = words(calleeName(call) ?? '');
  return name.at(-1) === 'log' && name.some((word) => EMITS_LOG_VERBS.has(word));
}

/** First words of a call that reads a log or signs someone in, not one that writes a line (`getJobLog`, `logIn`). */
const NOT_LOG_WRITES: ReadonlySet<string> = new Set(['get', 'fetch', 'read', 'load', 'list', 'find', 'download', 'parse', 'search', 'query', 'export']);
const SIGN_IN_WORDS: ReadonlySet<string> = new Set(['in', 'out', 'on', 'off']);

/**
 * `await log({ type: 'errors', message })`, `await logToAxiom(...)`, `await audit.publishAuditLog(...)`, `await this.logger.warn(...)`:
 * a call that writes a line to a log. Not one handed the work it times (`logExecutionTime(() => sync(id), 'sync')`).
 */
function writesLogLine(call: TSESTree.CallExpression): boolean {
  if (call.arguments.some((argument) => isFunction(argument))) return false;
  const callee = unwrapExpression(call.callee);
  // `logger.warn(...)`: a level is a log line only on a logger; `audit.log(...)` is one on anything.
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? (propertyName(callee) ?? '') : 'log';
  if (callee.type === AST_NODE_TYPES.MemberExpression && method !== 'log' && LOG_METHODS.test(method))
    return words(lastName(callee.object) ?? '').some((word) => word === 'log' || word === 'logger');
  const name = words(calleeName(call) ?? '');
  if (NOT_LOG_WRITES.has(name[0] ?? '')) return false;
  return name.at(-1) === 'log' || (name[0] === 'log' && name.length > 1 && !SIGN_IN_WORDS.has(name[1]!));
}

/**
 * `await log.info(\`Fetching day ${day}\`)`, `await this.logger.debug(...)`: a line at a level of a logger, which tells what the loop
 * does and is not its work. A log of its own (`audit.log(entry)`, `auditLog(entry)`) is not one.
 */
export function writesLoggerLine(node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    LOG_METHODS.test(propertyName(callee) ?? '') &&
    writesLogLine(call) &&
    words(lastName(callee.object) ?? '').some((word) => word === 'log' || word === 'logger')
  );
}

/**
 * `if (workspace.plan !== 'free') { await log({ message: 'should never happen' }); continue; }`, `else await logToAxiom(...)`: a log line
 * on a branch of the loop notes an odd item; it is not the loop's work, which the other awaits show.
 */
export function logsOnBranch(node: TSESTree.AwaitExpression, loop: LoopStatement): boolean {
  const call = unwrapExpression(node.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression || !writesLogLine(call)) return false;
  for (let child: TSESTree.Node = node, current = node.parent; current && current !== loop; child = current, current = current.parent!) {
    if (current.type === AST_NODE_TYPES.IfStatement && child !== current.test) return true;
    if (current.type === AST_NODE_TYPES.SwitchCase && child !== current.test) return true;
  }
  return false;
}

/**
 * A call named for progress, or one that is not awaited and hands over what a report holds
 * (`{ completed, total }`, `'progress'`): an awaited `update({ processed: true })` is the work
 * itself, and so is a step of an awaited chain (`await db.update(t).set({ completedAt }).where(...)`).
 */
function isProgressReport(call: TSESTree.CallExpression): boolean {
  if (LOG_METHODS.test(calleeName(call) ?? '')) return false;
  if (calleeChainNames(call.callee).some((name) => words(name).includes('progress'))) return true;
  if (awaitedDirectly(callChainTop(call))) return false;
  return call.arguments.some((argument) => {
    const inner = unwrapExpression(argument);
    if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'string' && words(inner.value).includes('progress');
    return (
      inner.type === AST_NODE_TYPES.ObjectExpression &&
      inner.properties.some(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          !property.computed &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          words(property.key.name).some((word) => PROGRESS_WORDS.has(word)),
      )
    );
  });
}

/** `rows.push({ title, completed: item.completed })` onto a list the loop's function declares: a row it gathers, which no one reads while the loop runs. */
function collectsIntoOwnList(context: RuleContext, call: TSESTree.CallExpression, loop: LoopStatement): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !COLLECTING_METHODS.has(propertyName(callee) ?? '')) return false;
  const list = unwrapExpression(callee.object);
  const definition = list.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, list)?.defs[0] : undefined;
  return definition?.type === 'Variable' && enclosingFunction(definition.node) === enclosingFunction(loop);
}

/** `await call()`, `await call()!`, `await a?.call()`: the call is the awaited work. */
function awaitedDirectly(call: TSESTree.Node): boolean {
  let parent = call.parent;
  while (parent && parent.type !== AST_NODE_TYPES.AwaitExpression && unwrapExpression(parent) !== parent) parent = parent.parent;
  return parent?.type === AST_NODE_TYPES.AwaitExpression;
}

/** Where `identifier` is read: in the `catch` or the `finally` of a `try` whose block holds `loop`, in the same function. */
function readAroundLoop(identifier: TSESTree.Node, loop: LoopStatement): 'catch' | 'finally' | undefined {
  for (let child: TSESTree.Node = identifier, node = identifier.parent; node && !isFunction(node); child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.CatchClause)
      return node.parent.type === AST_NODE_TYPES.TryStatement && contains(node.parent.block, loop) ? 'catch' : undefined;
    // `finally { if (lastCursor) await saveCursor(lastCursor) }`: where a failed run resumes from.
    if (node.type === AST_NODE_TYPES.TryStatement && node.finalizer === child) return contains(node.block, loop) ? 'finally' : undefined;
  }
  return undefined;
}

/**
 * `for (const migration of migrations)`, `for (const hook of this.hooks)`. Rows a query awaited are data whatever they are
 * named (`const pluginInstallations = await service.findMany(…)`): only their calls can say they are ordered work.
 */
export function iteratesOrderedWork(context: RuleContext, loop: LoopStatement): boolean {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement && loop.type !== AST_NODE_TYPES.ForInStatement) return false;
  // `plugins: PluginInstallationCreateInput[]`: a list declared with a type of data (inputs, rows, records) holds data, whatever it is named.
  const type = loop.type === AST_NODE_TYPES.ForOfStatement ? elementTypeName(context, loop.right) : undefined;
  if (type !== undefined && DATA_TYPE.test(words(type).at(-1) ?? '')) return false;
  // `for (const taskData of tasksToImport)`: an item named for data holds data, as one typed so.
  if (patternNames(loop.left).some((name) => DATA_TYPE.test(words(name).at(-1) ?? ''))) return false;
  // `pluginRepositoryResourceId` of `resourceIds`: ids and keys refer to things, they are no work to run in order.
  const names = [...patternNames(loop.left), lastName(loop.right) ?? ''].filter((name) => !REFERENCE.test(words(name).at(-1) ?? ''));
  return namesOrderedWork(names.flatMap(words)) && !holdsAwaitedRows(context, loop.right);
}

const REFERENCE = /^(?:ids?|uuids?|keys?|slugs?)$/;
/** The last word of a type or a name that holds data: `CreateInput`, `UserDto`, `UpdateArgs`, `EventRow`, `AuditRecord`, `taskData`. */
const DATA_TYPE = /^(?:input|dto|args|data|row|record|entity|payload|params)$/;

/** `PluginInstallationCreateInput` of a list declared `PluginInstallationCreateInput[]` or `Array<…>`: the name of the type of its items. */
function elementTypeName(context: RuleContext, list: TSESTree.Node): string | undefined {
  const element = declaredElementType(context, list);
  if (element?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  // `Prisma.PluginInstallationCreateInput`: the name after the namespace.
  const name = element.typeName.type === AST_NODE_TYPES.TSQualifiedName ? element.typeName.right : element.typeName;
  return name.type === AST_NODE_TYPES.Identifier ? name.name : undefined;
}

/** The type of the items of a list declared with a list type (`Item[]`, `Array<Item>`; see `elementType`). */
function declaredElementType(context: RuleContext, list: TSESTree.Node): TSESTree.TypeNode | undefined {
  const node = unwrapExpression(list);
  const type = node.type === AST_NODE_TYPES.Identifier ? declaredType(context, node) : undefined;
  return type && elementType(type);
}

/**
 * `plan: TenantSendBatch[]` with `type TenantSendBatch = { tenantId: string; emails: Email[] }`: items declared as an object
 * type of the file, one record per tenant or job, not chunks cut from one list, whatever the name says.
 */
function itemsAreRecords(context: RuleContext, list: TSESTree.Node): boolean {
  const element = declaredElementType(context, list);
  return element !== undefined && objectTypeMembers(context, element).length > 0;
}

/**
 * `await store.findMany(…)`, a local variable set to one, or some of its items (`events.filter(…)` of `const { events } = await
 * fetchEvents(…)`): rows of a database query or of a read named for rows (a list of migration files read from disk is not).
 */
function holdsAwaitedRows(context: RuleContext, list: TSESTree.Node, depth = 0): boolean {
  const inner = unwrapExpression(list);
  const kept = keptItemsOf(inner);
  if (kept) return depth < MAX_ROW_STEPS && holdsAwaitedRows(context, kept, depth + 1);
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, inner)?.defs[0];
    const init = definition?.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator ? definition.node.init : undefined;
    return !!init && depth < MAX_ROW_STEPS && holdsAwaitedRows(context, init, depth + 1);
  }
  if (inner.type !== AST_NODE_TYPES.AwaitExpression) return false;
  const awaited = unwrapExpression(inner.argument);
  return databaseQueryOf(context, awaited) !== undefined || (awaited.type === AST_NODE_TYPES.CallExpression && ROW_READ.test(calleeName(awaited) ?? ''));
}

/** How many variables and item-keeping steps are followed back to the awaited read. */
const MAX_ROW_STEPS = 4;

/** Reads named for rows (`findByPluginId`, `getInstallations`, `listMembers`); `readMigrationFiles` reads files. */
const ROW_READ = /^(?:find|get|list|fetch|load|query|search|select)(?:[A-Z_]|$)/;

/**
 * Loops over chunks: `for (const batch of chunk(items, 10))`, `for (let i = 0; i < n; i += size) { xs.slice(i, i + size) }`,
 * `for (let i = 0; i < chunks.length; i++) { const chunk = chunks[i]; … }`, `for (let i = 0; i < chunkCount; i++)`.
 */
export function iteratesBatches(context: RuleContext, loop: LoopStatement): boolean {
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) {
    const names = [...patternNames(loop.left), lastName(loop.right) ?? '', calleeName(unwrapExpression(loop.right)) ?? ''];
    if ((names.some((name) => BATCH_WORDS.test(name)) && !itemsAreRecords(context, loop.right)) || cutIntoParts(context, loop.right)) return true;
  }
  if (loop.type === AST_NODE_TYPES.ForStatement && countsBatches(context, loop)) return true;
  let found = false;
  visitWithinFunction(loop, (node) => {
    if (!found && node.type === AST_NODE_TYPES.ObjectExpression && readsPageOfCounter(context, loop, node)) found = true;
    if (!found && node.type === AST_NODE_TYPES.VariableDeclarator && takesBatchOfCounter(context, loop, node)) found = true;
    if (found || node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = propertyName(node.callee);
    // `items.slice(i, i + size)`: a window that moves with the loop's counter.
    if (
      ((method === 'slice' || method === 'splice' || method === 'subarray') && takesWindowOfSharedList(context, loop, node)) ||
      readsPageByCalls(context, loop, node)
    )
      found = true;
    else if (method && BATCH_WORDS.test(method) && isGlobalOrModule(context, node.callee)) found = true;
  });
  return found;
}

const BATCH_WORDS = /chunk|batch/i;
/** `chunk(ids, 500)`, `chunkArray(…)`, `splitIntoBatches(…)`, `batch(ids, 100)`: a call that cuts a list into chunks. */
const MAKES_BATCHES = /chunk|batches|^batch$/i;

/**
 * An array callback whose items are chunks: `chunk(ids, 500).map((ids) => …)`, `batches.map(…)`,
 * `groups.map((batch) => …)`. Not `batch.map((item) => …)`: the items of one chunk are items.
 */
export function mapsBatches(call: TSESTree.CallExpression, callback: FunctionNode): boolean {
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const items = unwrapExpression(call.callee.object);
  const item = callback.params[0];
  return (
    (item !== undefined && patternNames(item).some((name) => /(?:chunk|batch)$/i.test(name))) ||
    /(?:chunks|batches)$/i.test(lastName(items) ?? '') ||
    (items.type === AST_NODE_TYPES.CallExpression && MAKES_BATCHES.test(calleeName(items) ?? ''))
  );
}

/** `for (const id of batch)`, `for (const user of this.currentChunk)`: the items of one chunk, which `iteratesBatches` counts by the chunk's name. */
export function iteratesItemsOfBatch(loop: LoopStatement): boolean {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement || patternNames(loop.left).some((name) => BATCH_WORDS.test(name))) return false;
  const items = unwrapExpression(loop.right);
  return items.type !== AST_NODE_TYPES.CallExpression && /(?:chunk|batch)$/i.test(lastName(items) ?? '');
}

/**
 * `for (let i = 0; i < totalChunkCount; i++)`, `i < batches.length`: the counter numbers chunks, as in an upload sent piece by piece;
 * also `i < mediaGroups.length` of `const mediaGroups = this.chunkMedia(media, 10)`.
 */
function countsBatches(context: RuleContext, loop: TSESTree.ForStatement): boolean {
  if (stepsByBatch(loop.update)) return true;
  const test = loop.test && unwrapExpression(loop.test);
  if (test?.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '<' && test.operator !== '<=')) return false;
  const bound = unwrapExpression(test.right);
  const counted = bound.type === AST_NODE_TYPES.MemberExpression && propertyName(bound) === 'length' ? unwrapExpression(bound.object) : bound;
  return BATCH_WORDS.test(lastName(counted) ?? '') || (counted !== bound && cutIntoParts(context, counted));
}

/** `batch += batchSize`, `offset += CHUNK_SIZE`: a counter that moves a batch at a time, each turn handling the items up to the next. */
function stepsByBatch(update: TSESTree.Expression | null): boolean {
  if (update?.type !== AST_NODE_TYPES.AssignmentExpression || update.operator !== '+=' || update.left.type !== AST_NODE_TYPES.Identifier) return false;
  return BATCH_WORDS.test(update.left.name) || BATCH_STEP.test(lastName(unwrapExpression(update.right)) ?? '');
}

/** The names of a batch's size: `batchSize`, `CHUNK_SIZE`, `pageSize`. */
const BATCH_STEP = /(?:batch|chunk|page|window)_?size$/i;

/** The words of a call's name that say it cuts a list into parts: `chunk`, `chunkMedia`, `splitIntoBatches`, `computeItemUuidBundlesToFetch`. */
const PART_WORDS = /^(?:chunk|chunks|chunked|batch|batches|bundle|bundles)$/i;

/**
 * `const bundles = await calculator.computeItemUuidBundlesToFetch(descriptors, this.maxByteSize)`, `const groups = this.chunkMedia(media, 10)`:
 * a list, held in a `const`, that a call named for chunks, batches or bundles made, handed a size or a cap (a number, `MAX_…`, `…Size`, `…Limit`,
 * `{ maxBatchSize: 10 }`).
 * The project cut the items into parts of a bounded size on purpose; starting the parts together would undo that bound.
 */
function cutIntoParts(context: RuleContext, list: TSESTree.Node): boolean {
  const inner = unwrapExpression(list);
  const made = inner.type === AST_NODE_TYPES.Identifier ? unchangedConstValue(context, inner) : undefined;
  const call = made && unwrapAwaited(made);
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    words(calleeName(call) ?? '').some((word) => PART_WORDS.test(word)) &&
    call.arguments.slice(1).some((argument) => handsSize(unwrapExpression(argument)))
  );
}

/** `10`, `MAX_BYTES`, `this.maxByteSize`, `{ maxBatchSize: 10 }`: a size or a cap, itself or under a key named for one. */
function handsSize(argument: TSESTree.Node): boolean {
  if (argument.type !== AST_NODE_TYPES.ObjectExpression) return argument.type !== AST_NODE_TYPES.SpreadElement && sizeOf(argument) !== undefined;
  return argument.properties.some((property) => property.type === AST_NODE_TYPES.Property && !property.computed && sizeOf(property.key) !== undefined);
}

/** `const currentChunk = chunks[i]`: the item the loop's counter points at, named as a batch. */
function takesBatchOfCounter(context: RuleContext, loop: LoopStatement, declarator: TSESTree.VariableDeclarator): boolean {
  const init = declarator.init && unwrapExpression(declarator.init);
  return (
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    BATCH_WORDS.test(declarator.id.name) &&
    init?.type === AST_NODE_TYPES.MemberExpression &&
    init.computed &&
    variesPerIteration(context, loopFacts(context, loop), init.property)
  );
}

/**
 * `items.slice(i, i + size)`, `queue.splice(start, size)` kept as a chunk: a window that moves with the counter over a list the
 * iterations share. `audience.customers.splice(index, 1)` removes one entry of the item's own list, and takes no chunk.
 */
function takesWindowOfSharedList(context: RuleContext, loop: LoopStatement, call: TSESTree.CallExpression): boolean {
  const facts = loopFacts(context, loop);
  const [start] = call.arguments;
  if (call.arguments.length !== 2 || !variesPerIteration(context, facts, start!)) return false;
  if (propertyName(call.callee as TSESTree.MemberExpression) === 'splice' && call.parent?.type === AST_NODE_TYPES.ExpressionStatement) return false;
  const list = rootSlot(context, (call.callee as TSESTree.MemberExpression).object);
  return typeof list === 'string' || !list || !facts.declared.has(list);
}

/** `collection.find({}).skip(offset).limit(size)`, Knex's `.offset(offset).limit(size)`: a query chain that reads the page the loop's counter points at. */
function readsPageByCalls(context: RuleContext, loop: LoopStatement, call: TSESTree.CallExpression): boolean {
  const callee = call.callee as TSESTree.MemberExpression;
  if (!/^(?:skip|offset)$/.test(propertyName(callee) ?? '') || call.arguments.length !== 1) return false;
  if (!variesPerIteration(context, loopFacts(context, loop), call.arguments[0]!)) return false;
  // The size is set before or after the offset in the chain.
  const sized = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    /^(?:limit|take)$/.test(propertyName(node.callee) ?? '');
  const next = call.parent?.type === AST_NODE_TYPES.MemberExpression && call.parent.object === call ? call.parent.parent : undefined;
  return sized(unwrapExpression(callee.object)) || (!!next && sized(next));
}

/** `{ take: size, skip: i * size }`: a query that reads the page the loop's counter points at. */
function readsPageOfCounter(context: RuleContext, loop: LoopStatement, object: TSESTree.ObjectExpression): boolean {
  const keyed = (pattern: RegExp): TSESTree.Property | undefined =>
    object.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && pattern.test(property.key.name),
    );
  const offset = keyed(/^(?:skip|offset|page|start|from)$/);
  return (
    offset !== undefined &&
    keyed(/^(?:take|limit|first|size|pageSize|perPage|count)$/) !== undefined &&
    variesPerIteration(context, loopFacts(context, loop), offset.value)
  );
}

function isGlobalOrModule(context: RuleContext, callee: TSESTree.MemberExpression): boolean {
  return resolveModuleMember(context, callee) !== undefined || (callee.object.type === AST_NODE_TYPES.Identifier && isGlobalReference(context, callee.object));
}

/** Fields that give a record's depth in a tree (`level`, `depth`, `treeLevel`): rows sorted by one have every parent before its children, or the reverse. */
const TREE_DEPTH_FIELD = /^(?:level|depth|(?:tree|nesting|hierarchy)(?:Level|Depth)|(?:tree|nesting|hierarchy)_(?:level|depth))$/;
/** A query's sorting step (MongoDB's `sort`, Knex's, Kysely's and TypeORM's `orderBy`/`addOrderBy`) or option (Prisma's `orderBy`, Sequelize's `order`). */
const SORT_STEP = /^(?:sort|orderBy|addOrderBy|order)$/;
/** `ORDER BY depth`, `order by "t"."level" desc` in SQL text. */
const SQL_TREE_ORDER = /\border\s+by\s+(?:["`]?\w+["`]?\.)?["`]?(?:level|depth|tree_level|tree_depth|nesting_level|hierarchy_level)\b/i;

/** Whether a sort's argument names a depth field: `{ level: 1 }`, `'depth'`, `[['level', 'ASC']]`, `{ depth: 'asc' }`. */
function namesTreeDepth(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string' && TREE_DEPTH_FIELD.test(value.value.replace(/^\w+\./, ''));
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.some((element) => !!element && namesTreeDepth(element));
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return value.properties.some((property) => property.type === AST_NODE_TYPES.Property && TREE_DEPTH_FIELD.test(keyName(property) ?? ''));
}

/** `(a, b) => a.depth - b.depth`: a comparator that reads a depth field. */
function comparesTreeDepth(node: TSESTree.Node): boolean {
  const comparator = unwrapExpression(node);
  if (!isFunction(comparator)) return false;
  let reads = false;
  visitWithinFunction(comparator.body, (child) => {
    if (!reads && child.type === AST_NODE_TYPES.MemberExpression) reads = TREE_DEPTH_FIELD.test(propertyName(child) ?? '');
  });
  return reads;
}

/**
 * `for (const doc of docs)` with `const docs = await find(query).sort({ level: 1 }).toArray()`, `orderBy('depth')`,
 * `findMany({ orderBy: { depth: 'asc' } })`, `nodes.sort((a, b) => a.depth - b.depth)` or SQL `ORDER BY depth`: rows sorted by their depth in a tree, so that each parent is
 * handled before its children (or each child before its parent). The order is the point of the sort, and the loop keeps it.
 */
export function iteratesTreeOrder(context: RuleContext, loop: LoopStatement): boolean {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement) return false;
  let items = unwrapAwaited(loop.right);
  if (items.type === AST_NODE_TYPES.Identifier) items = unwrapAwaited(unchangedConstValue(context, items) ?? items);
  if (items.type !== AST_NODE_TYPES.CallExpression) return false;
  let sorted = false;
  visitWithinFunction(items, (node) => {
    if (sorted) return;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(node.callee);
      sorted =
        callee.type === AST_NODE_TYPES.MemberExpression &&
        SORT_STEP.test(propertyName(callee) ?? '') &&
        node.arguments.some((argument) => namesTreeDepth(argument) || comparesTreeDepth(argument));
    } else if (node.type === AST_NODE_TYPES.Property) {
      sorted = SORT_STEP.test(keyName(node) ?? '') && namesTreeDepth(node.value);
    } else if (node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateElement) {
      const text = node.type === AST_NODE_TYPES.Literal ? node.value : node.value.raw;
      sorted = typeof text === 'string' && SQL_TREE_ORDER.test(text);
    }
  });
  return sorted;
}
