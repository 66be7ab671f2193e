import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Reference, Variable } from '@typescript-eslint/scope-manager';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { RuleContext } from '../types';
import { isGlobalReference, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { contains, enclosingFunction, enclosingLoop, isFunction, isLoopStatement, type Iteration, type LoopStatement } from './scopes';

/** Why iterations must stay one after another; each value names a pattern of DESIGN.md. */
export type SequentialReason =
  /** `for await` over a stream or async iterator. */
  | 'for-await'
  /** `await sleep(...)` and other deliberate pauses set the pace. */
  | 'paced'
  /** The loop's condition or iterable depends on the body: pagination, queue draining, polling. */
  | 'loop-control'
  /** A `break` or `return` depends on an awaited result: retries and fallbacks that stop at the first success. */
  | 'early-exit'
  /** The awaited call reads a value that an earlier iteration's await produced. */
  | 'threaded-value'
  /** The awaits drive one resource in order: a browser page, a stream, a terminal, a transaction. */
  | 'shared-resource'
  /** The items are steps to run in order: migrations, hooks, plugins, the items' own methods. */
  | 'ordered-steps'
  /** The awaited value was started before the loop (an existing promise), so nothing waits longer than needed. */
  | 'already-started'
  /** The loop runs explicit batches (`Promise.all` per batch, `slice(i, i + size)`). */
  | 'batched'
  /** The same call is repeated each iteration (polling, retrying, warming up). */
  | 'repeated-call'
  /** An async generator yields each result as it comes, so the consumer sets the pace. */
  | 'lazy-generator'
  /** A short list written out in the code: a few hand-written steps. */
  | 'fixed-list';

/** A variable; `this.name` / `this` for what a method reads and writes on its own object; `global:name` for an undeclared name. */
type Slot = Variable | string;

interface SlotWrite {
  /** The written value, undefined when it only counts (`i++`, `i += 1`). */
  value: TSESTree.Node | undefined;
  /** `i++`, `i--`, `i += 1`: a counter step whose value does not come from an await. */
  counter: boolean;
  /** A mutation through a member or a mutating method (`state.next = x`, `queue.shift()`). */
  member: boolean;
  node: TSESTree.Node;
}

/** What the loop writes and which of it comes from awaited results; computed once per loop. */
interface LoopFacts {
  loop: LoopStatement;
  writes: Map<Slot, SlotWrite[]>;
  /** Slots whose written value derives from an await in the loop. */
  tainted: Set<Slot>;
  /** Slots that depend on a value an earlier iteration's await produced. */
  threaded: Set<Slot>;
  /** Variables the loop declares (bindings and body declarations): they change every iteration. */
  declared: Set<Variable>;
}

/** The reason a loop as a whole must stay sequential, whatever await is looked at. */
export function loopSequentialReason(context: RuleContext, loop: LoopStatement): SequentialReason | undefined {
  const cache = context.shared.memo('sequential.loopReasons', () => new Map<LoopStatement, SequentialReason | undefined>());
  if (!cache.has(loop)) cache.set(loop, computeLoopReason(context, loop));
  return cache.get(loop);
}

/** The reason one await inside `loop` (directly, not in a nested loop) must stay sequential. */
export function awaitSequentialReason(context: RuleContext, loop: LoopStatement, node: TSESTree.Node): SequentialReason | undefined {
  const facts = loopFacts(context, loop);
  const operand = unwrapExpression(node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node);
  if (isPacingCall(context, operand)) return 'paced';
  if (!startsWork(operand)) return operand.type === AST_NODE_TYPES.ImportExpression ? 'ordered-steps' : 'already-started';
  if (isPromiseCombinator(context, operand)) return 'batched';
  if (drivesSharedResource(context, facts, operand)) return 'shared-resource';
  if (callsLoopItem(context, facts, operand) || namesOrderedWork(calleeWords(operand)) || checkedByAssertion(context, node)) return 'ordered-steps';
  if (readsAny(context, operand, facts.threaded) || guardedBy(context, node, loop, facts.threaded)) return 'threaded-value';
  if (!variesPerIteration(context, facts, operand)) return 'repeated-call';
  return undefined;
}

/**
 * Why the iterations of `iteration` must run one after another around `node` (an await or
 * a call in it), or undefined when they could overlap. Loops only: array callbacks other
 * than `reduce` already run their calls without waiting for each other.
 */
export function loopCarriesDependency(context: RuleContext, iteration: Iteration, node: TSESTree.Node): SequentialReason | undefined {
  if (iteration.kind === 'callback') {
    const method = iteration.call.callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(iteration.call.callee) : undefined;
    return method === 'reduce' || method === 'reduceRight' ? 'threaded-value' : undefined;
  }
  return loopSequentialReason(context, iteration.loop) ?? awaitSequentialReason(context, iteration.loop, node);
}

function computeLoopReason(context: RuleContext, loop: LoopStatement): SequentialReason | undefined {
  if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.await) return 'for-await';
  const wide = loopWideReason(context, loop);
  if (wide) return wide;
  const facts = loopFacts(context, loop);
  if (controlDependsOnBody(context, facts)) return 'loop-control';
  if (hasAwaitDependentExit(context, facts)) return 'early-exit';
  if (yieldsInLoop(loop)) return 'lazy-generator';
  if (iteratesFixedList(context, loop)) return 'fixed-list';
  if (iteratesOrderedWork(loop) || commentAsksForOrder(context, loop)) return 'ordered-steps';
  if (iteratesBatches(context, loop)) return 'batched';
  return undefined;
}

/** Reasons that hold for every loop nested in this one too: pacing, `for await`, a page, a terminal, a transaction. */
function loopWideReason(context: RuleContext, loop: LoopStatement): SequentialReason | undefined {
  const cache = context.shared.memo('sequential.wideReasons', () => new Map<LoopStatement, SequentialReason | undefined>());
  if (cache.has(loop)) return cache.get(loop);
  let reason: SequentialReason | undefined;
  if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.await) reason = 'for-await';
  else if (insideTransactionCallback(loop)) reason = 'shared-resource';
  else {
    visitWithinFunction(loop, (node) => {
      if (reason || node.type !== AST_NODE_TYPES.AwaitExpression) return;
      const operand = unwrapExpression(node.argument);
      if (isPacingCall(context, operand)) reason = 'paced';
      else if (drivesUserInterface(operand) || usesTransaction(operand)) reason = 'shared-resource';
    });
  }
  const outer = enclosingLoop(loop);
  reason ??= outer ? loopWideReason(context, outer) : undefined;
  cache.set(loop, reason);
  return reason;
}

// ---------------------------------------------------------------------------------------------
// Loop facts: what the loop writes, and which of it carries awaited values across iterations.

function loopFacts(context: RuleContext, loop: LoopStatement): LoopFacts {
  const cache = context.shared.memo('sequential.loopFacts', () => new Map<LoopStatement, LoopFacts>());
  let facts = cache.get(loop);
  if (!facts) {
    facts = computeLoopFacts(context, loop);
    cache.set(loop, facts);
  }
  return facts;
}

function computeLoopFacts(context: RuleContext, loop: LoopStatement): LoopFacts {
  const writes = new Map<Slot, SlotWrite[]>();
  const addWrite = (slot: Slot, write: SlotWrite): void => {
    const list = writes.get(slot) ?? [];
    list.push(write);
    writes.set(slot, list);
  };
  const iterationBindings = loopBindingNodes(loop);
  for (const reference of referencesWithin(context, loop)) {
    if (!reference.isWrite()) continue;
    if (iterationBindings.some((binding) => contains(binding, reference.identifier))) continue;
    if (!repeatsPerIteration(loop, reference.identifier)) continue;
    addWrite(reference.resolved ?? `global:${reference.identifier.name}`, describeWrite(reference));
  }
  visitAll(loop, (node) => {
    if (!repeatsPerIteration(loop, node)) return;
    const mutation = memberMutation(node);
    if (!mutation) return;
    const slot = rootSlot(context, mutation.target);
    if (slot) addWrite(slot, { value: mutation.value, counter: false, member: true, node });
  });

  const declared = new Set<Variable>();
  for (const scope of context.scopeManager.scopes) {
    if (!contains(loop, scope.block) || isFunction(scope.block)) continue;
    for (const variable of scope.variables) declared.add(variable);
  }
  for (const binding of iterationBindings) for (const variable of declaredIn(context, binding)) declared.add(variable);

  const tainted = new Set<Slot>();
  fixpoint(writes, tainted, (write) => write.value !== undefined && (containsAwait(write.value) || readsAny(context, write.value, tainted)));
  const threaded = new Set<Slot>([...tainted].filter((slot) => typeof slot === 'string' || !declared.has(slot) || declaredInLoopHeader(loop, slot)));
  fixpoint(writes, threaded, (write) => write.value !== undefined && readsAny(context, write.value, threaded));
  return { loop, writes, tainted, threaded, declared };
}

/** Grows `set` with every slot that has a write satisfying `test`, until nothing changes. */
function fixpoint(writes: Map<Slot, SlotWrite[]>, set: Set<Slot>, test: (write: SlotWrite) => boolean): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const [slot, list] of writes) {
      if (!set.has(slot) && list.some(test)) {
        set.add(slot);
        changed = true;
      }
    }
  }
}

function describeWrite(reference: Reference): SlotWrite {
  const identifier = reference.identifier;
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return { value: undefined, counter: true, member: false, node: parent };
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier && parent.operator !== '=') {
    const counterStep = (parent.operator === '+=' || parent.operator === '-=') && !containsAwait(parent.right) && isConstantish(parent.right);
    return { value: parent.right, counter: counterStep, member: false, node: parent };
  }
  return { value: (reference.writeExpr as TSESTree.Node | null | undefined) ?? undefined, counter: false, member: false, node: identifier };
}

/** A literal or a name (a step size), not a computed value. */
function isConstantish(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  return inner.type === AST_NODE_TYPES.Literal || inner.type === AST_NODE_TYPES.Identifier || inner.type === AST_NODE_TYPES.MemberExpression;
}

const MUTATING_METHODS: ReadonlySet<string> = new Set([
  'push', 'unshift', 'shift', 'pop', 'splice', 'set', 'add', 'delete', 'clear', 'sort', 'reverse', 'fill',
  'append', 'enqueue', 'dequeue', 'insert', 'remove', 'concat',
]);

/** `obj.x = v`, `obj.x++`, `queue.shift()`: the object mutated and the value put in. */
function memberMutation(node: TSESTree.Node): { target: TSESTree.Node; value: TSESTree.Node | undefined } | undefined {
  if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
    return { target: node.left.object, value: node.right };
  }
  if (node.type === AST_NODE_TYPES.UpdateExpression && node.argument.type === AST_NODE_TYPES.MemberExpression) {
    return { target: node.argument.object, value: undefined };
  }
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(node.callee);
    if (method && MUTATING_METHODS.has(method)) {
      const value = node.arguments.length > 0 ? node : undefined;
      return { target: node.callee.object, value };
    }
  }
  return undefined;
}

/** The variable at the root of a member chain (`state` for `state.page.next`), or `this.cache` for `this.cache[id]`. */
function rootSlot(context: RuleContext, node: TSESTree.Node): Slot | undefined {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrapExpression(current.object);
    if (object.type === AST_NODE_TYPES.ThisExpression) return thisSlot(current);
    current = object;
  }
  if (current.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (current.type === AST_NODE_TYPES.Identifier) return resolveVariable(context, current) ?? `global:${current.name}`;
  return undefined;
}

/** `this.cache` for `this.cache`, `this` for a computed or bare `this`. */
function thisSlot(member: TSESTree.MemberExpression): string {
  const name = member.computed ? undefined : propertyName(member);
  return name === undefined ? 'this' : `this.${name}`;
}

/** The patterns a for-of / for-in loop assigns each iteration. */
function loopBindingNodes(loop: LoopStatement): TSESTree.Node[] {
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return [loop.left];
  return [];
}

function declaredIn(context: RuleContext, node: TSESTree.Node): Variable[] {
  return context.scopeManager.getDeclaredVariables(node);
}

function declaredInLoopHeader(loop: LoopStatement, variable: Variable): boolean {
  return loop.type === AST_NODE_TYPES.ForStatement && loop.init !== null && variable.identifiers.some((identifier) => contains(loop.init!, identifier));
}

/** Whether `node` inside `loop` runs every iteration (the body, a test, an update), not once before. */
function repeatsPerIteration(loop: LoopStatement, node: TSESTree.Node): boolean {
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      return !loop.init || !contains(loop.init, node);
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return contains(loop.body, node);
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Loop-level patterns.

/** The condition, update or iterable depends on what the body does: the number of iterations is not known up front. */
function controlDependsOnBody(context: RuleContext, facts: LoopFacts): boolean {
  const loop = facts.loop;
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) {
    const iterable = rootSlot(context, loop.right);
    return iterable !== undefined && writesOf(facts, iterable).length > 0;
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

/** The writes to a slot; for `this`, the writes to any of its fields. */
function writesOf(facts: LoopFacts, slot: Slot): SlotWrite[] {
  if (slot !== 'this') return facts.writes.get(slot) ?? [];
  return [...facts.writes].flatMap(([key, list]) => (typeof key === 'string' && key.startsWith('this') ? list : []));
}

function isAlwaysTrue(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && Boolean(node.value);
}

/** A `break` or `return` that leaves the loop and depends on an awaited result. */
function hasAwaitDependentExit(context: RuleContext, facts: LoopFacts): boolean {
  let found = false;
  visitWithinFunction(facts.loop.body, (node) => {
    if (found || !exitsLoop(node, facts.loop)) return;
    const argument = node.type === AST_NODE_TYPES.ReturnStatement ? node.argument : null;
    if (argument && (containsAwait(argument) || readsAny(context, argument, facts.tainted))) found = true;
    else if (guardedBy(context, node, facts.loop, facts.tainted, true)) found = true;
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
function guardedBy(context: RuleContext, node: TSESTree.Node, loop: LoopStatement, slots: ReadonlySet<Slot>, includeTry = false): boolean {
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
    let jumps = false;
    visitWithinFunction(statement, (node) => {
      if (node.type === AST_NODE_TYPES.ContinueStatement || node.type === AST_NODE_TYPES.BreakStatement || node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) jumps = true;
    });
    if (jumps) return true;
  }
  return false;
}

function yieldsInLoop(loop: LoopStatement): boolean {
  let found = false;
  visitWithinFunction(loop, (node) => {
    if (node.type === AST_NODE_TYPES.YieldExpression) found = true;
  });
  return found;
}

/** Lists written out in the code up to this length are hand-written steps, not data. */
const FIXED_LIST_MAX = 5;

/** `for (const x of ['a', 'b'])`, also through a `const` or `as const`. */
function iteratesFixedList(context: RuleContext, loop: LoopStatement): boolean {
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    // `for (let i = 0; i < 3; i++)`: a few numbered steps.
    const bound = loop.test?.type === AST_NODE_TYPES.BinaryExpression ? unwrapExpression(loop.test.right) : undefined;
    return bound?.type === AST_NODE_TYPES.Literal && typeof bound.value === 'number' && bound.value <= FIXED_LIST_MAX;
  }
  if (loop.type !== AST_NODE_TYPES.ForOfStatement && loop.type !== AST_NODE_TYPES.ForInStatement) return false;
  const literal = literalArrayOf(context, loop.right);
  if (literal) return literal.elements.length <= FIXED_LIST_MAX && !literal.elements.some((element) => element?.type === AST_NODE_TYPES.SpreadElement);
  const object = unwrapExpression(loop.right);
  return loop.type === AST_NODE_TYPES.ForInStatement && object.type === AST_NODE_TYPES.ObjectExpression;
}

/** The array literal an expression is, directly, through `as const`, or through a `const` that holds it. */
export function literalArrayOf(context: RuleContext, node: TSESTree.Node): TSESTree.ArrayExpression | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return inner;
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(context, inner);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable' || (definition.parent as TSESTree.VariableDeclaration).kind !== 'const') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const init = unwrapExpression(declarator.init);
  if (init.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const mutated = variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && memberMutation(parent.parent!) !== undefined;
  });
  return mutated ? undefined : init;
}

const ORDER_COMMENT = /one by one|one after (?:the )?(?:other|another)|at a time|sequential|serial|in order|in sequence|in turn|consecutive|concurren|parallel|at the same time|rate.?limit|throttl|overload|same (?:connection|client|session)/i;

/** A comment in the loop, or just above it or above a statement around it in its function, says the order or pace is wanted. */
function commentAsksForOrder(context: RuleContext, loop: LoopStatement): boolean {
  const comments = context.ast.comments ?? [];
  if (comments.some((comment) => contains(loop, comment as unknown as TSESTree.Node) && ORDER_COMMENT.test(comment.value))) return true;
  const owner = enclosingFunction(loop);
  for (let node: TSESTree.Node | undefined = loop; node && node.type !== AST_NODE_TYPES.Program; node = node.parent) {
    if (commentBlockAbove(context, node).some((comment) => ORDER_COMMENT.test(comment.value))) return true;
    // Up to the statement that holds the loop's function (a declaration's doc comment), no further.
    if (owner && !contains(owner, node) && node.type !== AST_NODE_TYPES.VariableDeclarator) break;
  }
  return false;
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

/** `for (const migration of migrations)`, `for (const hook of this.hooks)`. */
function iteratesOrderedWork(loop: LoopStatement): boolean {
  if (loop.type !== AST_NODE_TYPES.ForOfStatement && loop.type !== AST_NODE_TYPES.ForInStatement) return false;
  return namesOrderedWork([...patternNames(loop.left).flatMap(words), ...words(lastName(loop.right) ?? '')]);
}

/** Loops over chunks: `for (const batch of chunk(items, 10))`, `for (let i = 0; i < n; i += size) { xs.slice(i, i + size) }`. */
function iteratesBatches(context: RuleContext, loop: LoopStatement): boolean {
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) {
    const names = [...patternNames(loop.left), lastName(loop.right) ?? '', calleeName(unwrapExpression(loop.right)) ?? ''];
    if (names.some((name) => BATCH_WORDS.test(name))) return true;
  }
  let found = false;
  visitWithinFunction(loop, (node) => {
    if (found || node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = propertyName(node.callee);
    // `items.slice(i, i + size)`: a window that moves with the loop's counter.
    if ((method === 'slice' || method === 'splice' || method === 'subarray') && node.arguments.length === 2 && variesPerIteration(context, loopFacts(context, loop), node.arguments[0]!)) found = true;
    else if (method && BATCH_WORDS.test(method) && isGlobalOrModule(context, node.callee)) found = true;
  });
  return found;
}

const BATCH_WORDS = /chunk|batch/i;

function isGlobalOrModule(context: RuleContext, callee: TSESTree.MemberExpression): boolean {
  return resolveModuleMember(context, callee) !== undefined || (callee.object.type === AST_NODE_TYPES.Identifier && isGlobalReference(context, callee.object));
}

/** Inside `db.transaction(async (tx) => ...)` and the like every await shares one connection. */
function insideTransactionCallback(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const call = current.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(current as TSESTree.CallExpressionArgument)) continue;
    const name = calleeName(call);
    if (name && /transaction/i.test(name)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Await-level patterns.

const PACING_NAME = /sleep|delay|wait(?!For(?:Selector|Navigation|LoadState|URL|Response|Request|Function|Event))|pause|snooze|backoff|throttle|ratelimit|cooldown|settimeout/i;

/** `sleep(ms)`, `setTimeout(ms)` from timers/promises, `new Promise((r) => setTimeout(r, ms))`, `limiter.removeTokens(1)`. */
function isPacingCall(context: RuleContext, node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.NewExpression) {
    if (inner.callee.type !== AST_NODE_TYPES.Identifier || inner.callee.name !== 'Promise') return false;
    let timer = false;
    for (const argument of inner.arguments) {
      visitAll(argument, (child) => {
        if (child.type === AST_NODE_TYPES.CallExpression && /^(?:setTimeout|setImmediate|nextTick|requestAnimationFrame|requestIdleCallback)$/.test(calleeName(child) ?? '')) timer = true;
      });
    }
    return timer;
  }
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const member = resolveModuleMember(context, inner.callee);
  if (member && (member.module === 'timers/promises' || member.module === 'delay' || member.module === 'timers')) return true;
  return calleeChainNames(inner.callee).some((name) => PACING_NAME.test(name) || /limiter|bucket|bottleneck/i.test(name));
}

/** A call, `new`, or tagged template starts work when evaluated; awaiting anything else waits for work already started. */
function startsWork(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression;
}

/** `Promise.all(...)` and its siblings on the global `Promise`. */
function isPromiseCombinator(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  return callee.object.name === 'Promise' && isGlobalReference(context, callee.object) && /^(?:all|allSettled|any|race)$/.test(propertyName(callee) ?? '');
}

const USER_INTERFACE_RECEIVERS: ReadonlySet<string> = new Set([
  'page', 'frame', 'mainFrame', 'locator', 'browser', 'browserContext', 'driver', 'elementHandle', 'mouse', 'keyboard',
  'touchscreen', 'cy', 'userEvent', 'screen', 'fireEvent', 'tab',
]);
const USER_INTERFACE_CALLS: ReadonlySet<string> = new Set(['expect', 'act', 'waitFor', 'waitForElementToBeRemoved']);
const USER_INTERFACE_METHODS: ReadonlySet<string> = new Set([
  'click', 'dblclick', 'fill', 'press', 'pressSequentially', 'hover', 'tap', 'goto', 'goBack', 'goForward', 'reload',
  'selectOption', 'setInputFiles', 'waitForSelector', 'waitForNavigation', 'waitForLoadState', 'waitForURL',
  'waitForResponse', 'waitForRequest', 'waitForFunction', 'screenshot', '$eval', '$$eval', 'dragTo', 'dragAndDrop',
  'setViewport', 'setViewportSize', 'newPage', 'clear', 'focus', 'step',
]);

/** Steps of a browser or UI test: `page.click()`, `locator.fill()`, `expect(...).toBeVisible()`, `t.step()`. */
function drivesUserInterface(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const names = calleeChainNames(node.callee);
  const method = names[names.length - 1] ?? '';
  if (names.slice(0, -1).some((name) => USER_INTERFACE_RECEIVERS.has(name) || name === 't')) return true;
  if (rootCallNames(node.callee).some((name) => USER_INTERFACE_CALLS.has(name)) || USER_INTERFACE_CALLS.has(method)) return true;
  return USER_INTERFACE_METHODS.has(method) && names.length > 1;
}

const TRANSACTION_NAMES = /^(?:tx|trx|txn|transaction|session|queryRunner|queryInterface|schema|t)$/;

/** A call on a transaction (`tx.user.create()`) or given one (`Model.create(x, { transaction })`). */
function usesTransaction(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const names = calleeChainNames(node.callee);
  if (names.slice(0, -1).some((name) => TRANSACTION_NAMES.test(name) && name !== 't')) return true;
  return node.arguments.some((argument) => {
    let found = false;
    visitAll(argument, (child) => {
      if (child.type === AST_NODE_TYPES.Property && !child.computed && child.key.type === AST_NODE_TYPES.Identifier && /^(?:transaction|session|trx|tx)$/.test(child.key.name)) found = true;
    });
    return found;
  });
}

const SHARED_RECEIVERS = /^(?:writer|stream|writable|readable|writeStream|readStream|output|out|sink|handle|fileHandle|fh|fd|file|socket|ws|webSocket|websocket|channel|port|serial|pipe|stdout|stderr|stdin|rl|readline|terminal|term|reader|iterator|iter|it|gen|generator|cursor|queue|conn|connection)$/;
const ORDERED_METHODS: ReadonlySet<string> = new Set([
  'write', 'writeln', 'writeLine', 'writeAll', 'end', 'flush', 'drain', 'close', 'read', 'readLine', 'readline', 'next',
  'question', 'prompt', 'recv', 'receive', 'dequeue', 'pop', 'shift', 'take', 'poll', 'append',
  'appendFile', 'appendLine', 'print', 'println', 'emit', 'publish',
]);
const TERMINAL_CALLS: ReadonlySet<string> = new Set(['prompt', 'prompts', 'question', 'confirm']);
const INTERACTIVE_MODULES: ReadonlySet<string> = new Set(['@inquirer/prompts', 'inquirer', 'prompts', 'enquirer', '@clack/prompts', 'readline', 'readline/promises', 'events']);

/**
 * One resource the calls use in order: a stream or file handle being written, a socket, a
 * terminal prompt, an iterator or queue being read, an object the loop itself changes.
 */
function drivesSharedResource(context: RuleContext, facts: LoopFacts, node: TSESTree.Node): boolean {
  if (drivesUserInterface(node) || usesTransaction(node) || waitsForEvents(node)) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (passesSharedState(node)) return true;
  const callee = unwrapExpression(node.callee);
  const names = calleeChainNames(callee);
  const method = names[names.length - 1] ?? '';
  if (callee.type === AST_NODE_TYPES.Identifier && TERMINAL_CALLS.has(method)) return true;
  const member = resolveModuleMember(context, callee);
  if (member && INTERACTIVE_MODULES.has(member.module)) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receivers = names.slice(0, -1);
  if (receivers.some((name) => SHARED_RECEIVERS.test(name)) && (ORDERED_METHODS.has(method) || method.startsWith('send'))) return true;
  // Messages over one connection, socket or channel arrive in the order they were sent.
  if (receivers.some((name) => /(?:Connection|Socket|Channel)$/.test(name))) return true;
  if (receivers.some((name) => /^(?:rl|readline|inquirer|enquirer|terminal)$/.test(name))) return true;
  if (ORDERED_METHODS.has(method)) {
    // One destination for every iteration: `file.write(line)`, `fs.appendFile(log, line)`, `channel.send(msg)`.
    const destination = method.startsWith('append') && node.arguments[0] && resolveModuleMember(context, callee) ? node.arguments[0] : callee.object;
    if (!variesPerIteration(context, facts, destination)) return true;
  }
  const receiver = rootSlot(context, callee.object);
  if (receiver && writesOf(facts, receiver).some((write) => write.member && !contains(node, write.node))) return true;
  const ownWritesOnly = receiver !== undefined && writesOf(facts, receiver).every((write) => contains(node, write.node));
  if (COLLECTING_METHODS.has(method) && ownWritesOnly && (typeof receiver === 'string' || !facts.declared.has(receiver!))) return true;
  if (unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression && isStatefulMethod(callee)) return true;
  return false;
}

/** `new Promise((resolve) => stream.on('finish', resolve))`: waiting for events of something already running. */
function waitsForEvents(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise') return false;
  let listens = false;
  for (const argument of node.arguments) {
    visitAll(argument, (child) => {
      if (child.type === AST_NODE_TYPES.CallExpression && /^(?:on|once|pipe|addEventListener|addListener|pipeline|finished)$/.test(calleeName(child) ?? '')) listens = true;
    });
  }
  return listens;
}

/** Adding to one collection-like store keeps its order: `store.add(x)`, `list.push(x)`. */
const COLLECTING_METHODS: ReadonlySet<string> = new Set(['add', 'push', 'append', 'enqueue', 'insert', 'unshift']);

/** Arguments that are a stream, or state shared by the calls (a visited set, a cache). */
function passesSharedState(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const values: TSESTree.Node[] = node.arguments.flatMap((argument): TSESTree.Node[] =>
    argument.type === AST_NODE_TYPES.ObjectExpression
      ? argument.properties.flatMap((property) => (property.type === AST_NODE_TYPES.Property ? [property.value] : []))
      : [argument],
  );
  return values.some((value) => {
    const name = lastName(value) ?? '';
    return /stream$/i.test(name) || /^(?:visited|seen|processed|memo|cache|registry)$|Registry$/i.test(name);
  });
}

const RESOURCE_CLASS = /QueryRunner|QueryInterface|Connection|Driver|Client|Session|Transaction|Socket|Stream|Adapter|Dialect|Database|Db$|Cache|Storage|Store$|Repository|Dao$|Queue|Browser|Page$|Writer|Reader|Executor|Runner$/;

/**
 * `this.method()` of a class that holds one resource (a query runner, a connection, a cache),
 * or of a method that changes the object: the calls take turns on that object.
 */
function isStatefulMethod(callee: TSESTree.MemberExpression): boolean {
  let classNode: TSESTree.Node | undefined = callee.parent;
  while (classNode && classNode.type !== AST_NODE_TYPES.ClassDeclaration && classNode.type !== AST_NODE_TYPES.ClassExpression) classNode = classNode.parent;
  if (!classNode) return true;
  const className = classNode.id?.name ?? '';
  const superName = classNode.superClass ? lastName(classNode.superClass) ?? '' : '';
  if (RESOURCE_CLASS.test(className) || RESOURCE_CLASS.test(superName)) return true;
  const name = propertyName(callee);
  const method = classNode.body.body.find(
    (member) => (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && !member.computed &&
      (member.key.type === AST_NODE_TYPES.Identifier || member.key.type === AST_NODE_TYPES.PrivateIdentifier) && member.key.name === name,
  );
  // A method inherited or defined elsewhere: unknown, so assume it may change the object.
  if (!method) return true;
  let mutates = false;
  visitAll(method, (node) => {
    const mutation = memberMutation(node);
    if (mutation && unwrapExpression(rootObject(mutation.target)).type === AST_NODE_TYPES.ThisExpression) mutates = true;
  });
  return mutates;
}

function rootObject(node: TSESTree.Node): TSESTree.Node {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return current;
}

/**
 * `for (const m of migrations) await m.up()`, `for (const hook of hooks) await hook(ctx)`,
 * `const doc = docs[i]; await doc.save()`: the items (or objects made from them) do the work, in their order.
 */
function callsLoopItem(context: RuleContext, facts: LoopFacts, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return false;
  let root = unwrapExpression(node.callee);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
    root = unwrapExpression(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, root);
  if (variable && facts.declared.has(variable)) return true;
  if (computedByLoopValue(context, facts, node.callee)) return true;
  return loopBindingNodes(facts.loop).some((binding) => patternNames(binding).includes(root.name)) ||
    (facts.loop.type === AST_NODE_TYPES.ForStatement && node.callee.type === AST_NODE_TYPES.MemberExpression && calleeIndexesByCounter(node.callee, facts));
}

const ASSERTION_ROOTS = /^(?:expect|assert|should|t|chai)$/;

/**
 * A test step: the awaited result goes straight into an assertion (`expect(await f(x)).toBe(y)`,
 * `const r = await f(x); assert.equal(r, y)`), checked case after case.
 */
function checkedByAssertion(context: RuleContext, node: TSESTree.Node): boolean {
  const inAssertion = (start: TSESTree.Node): boolean => {
    for (let current: TSESTree.Node | undefined = start.parent; current && !isFunction(current); current = current.parent) {
      if (current.type === AST_NODE_TYPES.CallExpression && calleeChainNames(current.callee).some((name) => ASSERTION_ROOTS.test(name))) return true;
      if (current.type.endsWith('Statement') || current.type === AST_NODE_TYPES.VariableDeclaration) return false;
    }
    return false;
  };
  if (inAssertion(node)) return true;
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, declarator.id);
  return variable !== undefined && variable.references.some((reference) => !reference.init && inAssertion(reference.identifier));
}

/** `instance[method](...)` where the loop picks the method: each iteration calls a different operation. */
function computedByLoopValue(context: RuleContext, facts: LoopFacts, callee: TSESTree.Node): boolean {
  const inner = unwrapExpression(callee);
  return inner.type === AST_NODE_TYPES.MemberExpression && inner.computed && variesPerIteration(context, facts, inner.property);
}

/** `steps[i]()` or `jobs[i].run()` in an index loop. */
function calleeIndexesByCounter(callee: TSESTree.Node, facts: LoopFacts): boolean {
  let current = unwrapExpression(callee);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.computed && current.property.type === AST_NODE_TYPES.Identifier) {
      const name = current.property.name;
      for (const slot of facts.writes.keys()) if (typeof slot !== 'string' && slot.name === name) return true;
    }
    current = unwrapExpression(current.object);
  }
  return false;
}

const ORDERED_WORDS: ReadonlySet<string> = new Set([
  'migration', 'migrate', 'seed', 'seeder', 'step', 'stage', 'phase', 'hook', 'plugin', 'middleware', 'handler',
  'listener', 'callback', 'command', 'script', 'patch', 'upgrade', 'downgrade', 'revision', 'operation', 'instruction',
  'statement', 'event', 'mutation', 'task', 'fixture', 'teardown', 'setup', 'initializer', 'bootstrap', 'reducer',
  'import', 'require', 'throw', 'assert', 'schema', 'register',
]);

function namesOrderedWork(list: readonly string[]): boolean {
  return list.some((word) => ORDERED_WORDS.has(word) || ORDERED_WORDS.has(singular(word)));
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Lower-case words of an identifier: `runMigrationStep` → run, migration, step. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function calleeWords(node: TSESTree.Node): string[] {
  if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return [];
  return words(calleeName(node) ?? '');
}

/** Whether the expression reads anything that changes per iteration: a loop binding, a body variable, a slot the loop writes. */
function variesPerIteration(context: RuleContext, facts: LoopFacts, node: TSESTree.Node): boolean {
  for (const reference of referencesWithin(context, node)) {
    const variable = reference.resolved;
    if (variable && (facts.declared.has(variable) || facts.writes.has(variable))) return true;
  }
  return slotsRead(context, node).some((slot) => typeof slot === 'string' && writesOf(facts, slot).length > 0);
}

// ---------------------------------------------------------------------------------------------
// Small syntax helpers.

/** `(0, helpers.delay)` as compilers write an unbound call: the last expression of the sequence. */
function unwrapCallee(node: TSESTree.Node): TSESTree.Node {
  const inner = unwrapExpression(node);
  return inner.type === AST_NODE_TYPES.SequenceExpression ? unwrapExpression(inner.expressions[inner.expressions.length - 1]!) : inner;
}

/** The last name of a callee: `fetchUser` for `api.fetchUser(id)` and `fetchUser(id)`. */
export function calleeName(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  const callee = inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression ? unwrapCallee(inner.callee) : inner;
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee);
  return undefined;
}

/** Names along a callee: `this.page.locator('a').click` → this, page, locator, click. */
function calleeChainNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  let current: TSESTree.Node = unwrapCallee(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      names.unshift(propertyName(current) ?? '');
      current = unwrapExpression(current.object);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      current = unwrapCallee(current.callee);
    } else {
      if (current.type === AST_NODE_TYPES.Identifier) names.unshift(current.name);
      else if (current.type === AST_NODE_TYPES.ThisExpression) names.unshift('this');
      return names;
    }
  }
}

/** Names of the functions called inside a callee chain: `expect` for `expect(x).resolves.toBe`. */
function rootCallNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  let current: TSESTree.Node = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(current);
      if (name) names.push(name);
      current = unwrapExpression(current.callee);
    } else current = unwrapExpression(current.object);
  }
  return names;
}

/** The last name of an expression: `migrations` for `this.migrations`, `getHooks` for `getHooks()`. */
function lastName(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return propertyName(inner);
  if (inner.type === AST_NODE_TYPES.CallExpression) return calleeName(inner);
  return undefined;
}

/** Every name a binding pattern declares. */
function patternNames(node: TSESTree.Node): string[] {
  const names: string[] = [];
  visitAll(node, (child) => {
    if (child.type === AST_NODE_TYPES.Identifier && child.parent?.type !== AST_NODE_TYPES.MemberExpression) {
      const parent = child.parent;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === child && !parent.shorthand) return;
      names.push(child.name);
    }
  });
  return names;
}

/** Whether an `await` (or `for await`) runs as part of evaluating `node`, not inside a function it creates. */
export function containsAwait(node: TSESTree.Node): boolean {
  let found = false;
  visitWithinFunction(node, (child) => {
    if (child.type === AST_NODE_TYPES.AwaitExpression || (child.type === AST_NODE_TYPES.ForOfStatement && child.await)) found = true;
  });
  return found;
}

function readsAny(context: RuleContext, node: TSESTree.Node, slots: ReadonlySet<Slot>): boolean {
  if (slots.size === 0) return false;
  return slotsRead(context, node).some((slot) => slots.has(slot));
}

function slotsRead(context: RuleContext, node: TSESTree.Node): Slot[] {
  const slots: Slot[] = [];
  for (const reference of referencesWithin(context, node)) {
    if (reference.isRead()) slots.push(reference.resolved ?? `global:${reference.identifier.name}`);
  }
  visitAll(node, (child) => {
    if (child.type !== AST_NODE_TYPES.ThisExpression) return;
    const parent = child.parent;
    const slot = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === child ? thisSlot(parent) : 'this';
    // A read of `this` itself (a call of `this.method()` included) may read any of its fields.
    slots.push(slot, ...(slot === 'this' || isMethodCallee(parent) ? ['this'] : []));
  });
  return slots;
}

function isMethodCallee(member: TSESTree.Node | undefined): boolean {
  return member?.type === AST_NODE_TYPES.MemberExpression && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

/** The scope references whose identifier lies inside `node`, found by offset in a per-file sorted list. */
export function referencesWithin(context: RuleContext, node: TSESTree.Node): Reference[] {
  const all = context.shared.memo('sequential.sortedReferences', () => {
    const references: Reference[] = [];
    // One at a time: a flat generated file has more references than a spread can pass as arguments.
    for (const scope of context.scopeManager.scopes) for (const reference of scope.references) references.push(reference);
    return references.sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
  });
  const [start, end] = node.range;
  let low = 0;
  let high = all.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (all[middle]!.identifier.range[0] < start) low = middle + 1;
    else high = middle;
  }
  const found: Reference[] = [];
  for (let index = low; index < all.length && all[index]!.identifier.range[0] < end; index++) found.push(all[index]!);
  return found;
}

/** Visits `root` and its descendants. */
function visitAll(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  visitNodes(root, visit, false);
}

/** Visits `root` and its descendants without entering functions created inside it (their bodies run later, if ever). */
export function visitWithinFunction(root: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  visitNodes(root, visit, true);
}

function visitNodes(root: TSESTree.Node, visit: (node: TSESTree.Node) => void, skipFunctions: boolean): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (skipFunctions && node !== root && isFunction(node)) continue;
    visit(node);
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i] as TSESTree.Node);
      } else if (isNode(child)) stack.push(child);
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** What a loop writes (variables, `this.*` fields, undeclared names) and declares, for the concurrency fix. */
export function loopWrites(context: RuleContext, loop: LoopStatement): { writes: ReadonlyMap<Slot, unknown[]>; declared: ReadonlySet<Variable> } {
  const facts = loopFacts(context, loop);
  return { writes: facts.writes, declared: facts.declared };
}
