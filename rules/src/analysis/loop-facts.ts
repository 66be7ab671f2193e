/** What a loop writes, and which of it carries awaited values across iterations. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { Reference, Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { propertyName, resolveVariable, unwrapExpression } from './resolve';
import { contains, enclosingFunction, isFunction, type LoopStatement } from './scopes';
import { containsAwait, visitAll } from './visit';

/** A variable; `this.name` / `this` for what a method reads and writes on its own object; `global:name` for an undeclared name. */
export type Slot = Variable | string;

export interface SlotWrite {
  /** The written value, undefined when it only counts (`i++`, `i += 1`). */
  value: TSESTree.Node | undefined;
  /** `i++`, `i--`, `i += 1`: a counter step whose value does not come from an await. */
  counter: boolean;
  /** A mutation through a member or a mutating method (`state.next = x`, `queue.shift()`). */
  member: boolean;
  node: TSESTree.Node;
}

/** What the loop writes and which of it comes from awaited results; computed once per loop. */
export interface LoopFacts {
  loop: LoopStatement;
  writes: Map<Slot, SlotWrite[]>;
  /** Slots whose written value derives from an await in the loop. */
  tainted: Set<Slot>;
  /** Slots that depend on a value an earlier iteration's await produced. */
  threaded: Set<Slot>;
  /** Variables the loop declares (bindings and body declarations): they change every iteration. */
  declared: Set<Variable>;
  /** Threaded objects the loop only appends its results to a list field of (`facet.values.push(value)`), with those fields. */
  collected: Map<Slot, string[][]>;
}

export function loopFacts(context: RuleContext, loop: LoopStatement): LoopFacts {
  const cache = context.shared.memo('sequential.loopFacts', () => new Map<LoopStatement, LoopFacts>());
  let facts = cache.get(loop);
  if (!facts) {
    facts = computeLoopFacts(context, loop);
    cache.set(loop, facts);
  }
  return facts;
}

/** Whether a variable is declared in a function written inside the loop. */
export function declaredInFunctionOf(slot: Variable, loop: LoopStatement): boolean {
  const declaration = slot.defs[0]?.name;
  const fn = declaration && enclosingFunction(declaration);
  return !!fn && contains(loop, fn);
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
    // `messages[i].request = await …` in `for (let i = 0; i < messages.length; i++)`: the item's own field, as `message.request = …` in a for-of.
    if (!mutation || isCurrentElement(context, loop, mutation.target)) return;
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
  // A variable of a function made in the loop (`$transaction(async (tx) => { const row = await … })`) is new on each call: it carries nothing over.
  const carried = (slot: Slot): boolean =>
    typeof slot === 'string' || (!declared.has(slot) && !declaredInFunctionOf(slot, loop)) || declaredInLoopHeader(loop, slot);
  const threaded = new Set<Slot>([...tainted].filter(carried));
  const collected = new Map<Slot, string[][]>();
  for (const slot of threaded) {
    const fields = writes.get(slot)!.map(appendedField);
    if (typeof slot !== 'string' && fields.every((field) => field !== undefined)) collected.set(slot, fields as string[][]);
  }
  // `tag.group = group` of a group the loop appends to: the item holds the object, it reads none of what the loop added.
  fixpoint(writes, threaded, (write) => write.value !== undefined && readsThreaded(context, { loop, threaded, collected }, write.value));
  return { loop, writes, tainted, threaded, declared, collected };
}

const APPENDING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set', 'append']);

/** The list field a write appends to (`['values']` of `facet.values.push(value)`); undefined for other writes and a list held in a variable. */
function appendedField(write: SlotWrite): string[] | undefined {
  const call = write.node;
  if (!write.member || call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!APPENDING_METHODS.has(propertyName(call.callee) ?? '')) return undefined;
  const field = memberNames(call.callee.object);
  return field && field.length > 0 ? field : undefined;
}

/**
 * Whether the expression reads a value an earlier iteration's await produced (of `slots`, the loop's threaded ones by default).
 * Of an object the loop only appends its results to a list field of, only a read of that field counts: not its other fields
 * (`facet.id`), nor the object handed whole to a call (`create(ctx, facet, input)`, which takes it as the new row's parent).
 */
export function readsThreaded(
  context: RuleContext,
  facts: Pick<LoopFacts, 'loop' | 'threaded' | 'collected'>,
  node: TSESTree.Node,
  slots: ReadonlySet<Slot> = facts.threaded,
): boolean {
  const plain = new Set([...slots].filter((slot) => typeof slot === 'string'));
  if (readsAny(context, node, plain)) return true;
  return referencesWithin(context, node).some((reference) => {
    const variable = reference.isRead() ? reference.resolved : null;
    if (!variable || !slots.has(variable) || reloadsSameRow(facts.loop, variable, reference.identifier)) return false;
    const fields = facts.collected.get(variable);
    return !fields || readsCollectedField(reference.identifier, fields);
  });
}

/**
 * `admin = await this.assignRole(ctx, admin.id, roleId)`: the loop reads only the id of a row it reloads by that same id, so the
 * id never changes between iterations and nothing is carried from one call to the next.
 */
export function reloadsSameRow(loop: TSESTree.Node, variable: Variable, read: TSESTree.Node): boolean {
  if (!readsIdOf(read, variable.name)) return false;
  const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init && contains(loop, reference.identifier));
  return (
    writes.length > 0 &&
    writes.every((reference) => {
      const value = reference.writeExpr && unwrapExpression(reference.writeExpr as TSESTree.Node);
      const call = value?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(value.argument) : undefined;
      return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.some((argument) => readsIdOf(unwrapExpression(argument), variable.name));
    })
  );
}

/** `row.id` of the named variable, seen from the name or from the member. */
function readsIdOf(node: TSESTree.Node, name: string): boolean {
  const member = node.type === AST_NODE_TYPES.Identifier ? node.parent : node;
  return (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    !member.computed &&
    propertyName(member) === 'id' &&
    member.object.type === AST_NODE_TYPES.Identifier &&
    member.object.name === name
  );
}

function readsCollectedField(identifier: TSESTree.Node, fields: readonly string[][]): boolean {
  let top: TSESTree.Node = identifier;
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) top = top.parent;
  if (top === identifier) return !handedWhole(identifier);
  const read = memberNames(top);
  return fields.some((field) => !leavesAlone(read, field));
}

/** `create(ctx, facet, input)`, `row.facet = facet`, `{ facet }`: the object handed on as a reference, none of its fields read here. */
function handedWhole(identifier: TSESTree.Node): boolean {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression) return parent.arguments.some((argument) => argument === identifier);
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression) return parent.right === identifier && parent.left.type === AST_NODE_TYPES.MemberExpression;
  return parent?.type === AST_NODE_TYPES.Property && parent.value === identifier && parent.parent.type === AST_NODE_TYPES.ObjectExpression;
}

/** The fixed field names after the root of a member chain (`['a', 'b']` for `doc.a.b`); undefined where a key is computed. */
export function memberNames(node: TSESTree.Node): string[] | undefined {
  const names: string[] = [];
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = current.computed ? undefined : propertyName(current);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = unwrapExpression(current.object);
  }
  return names;
}

/** Two field chains of one object part at a fixed name, so a write of one cannot change the other. */
export function leavesAlone(listed: string[] | undefined, written: string[] | undefined): boolean {
  if (!listed || !written) return false;
  const shared = Math.min(listed.length, written.length);
  for (let index = 0; index < shared; index++) if (listed[index] !== written[index]) return true;
  return false;
}

/**
 * `rows[i]` in `for (let i = 0; i < rows.length; i++)`: the element the iteration is at, named through the counter of the loop's
 * header, when the body reads no other element of the list (`rows[i - 1]` would thread a value from one item to the next).
 */
function isCurrentElement(context: RuleContext, loop: LoopStatement, target: TSESTree.Node): boolean {
  if (!namesCounterElement(loop, target)) return false;
  const { object, property } = unwrapExpression(target) as TSESTree.MemberExpression;
  const counter = (property as TSESTree.Identifier).name;
  return (resolveVariable(context, unwrapExpression(object) as TSESTree.Identifier)?.references ?? []).every((reference) => {
    if (!contains(loop.body, reference.identifier)) return true;
    const use = reference.identifier.parent;
    if (use?.type !== AST_NODE_TYPES.MemberExpression || use.object !== reference.identifier) return false;
    return !use.computed ? propertyName(use) === 'length' : use.property.type === AST_NODE_TYPES.Identifier && use.property.name === counter;
  });
}

function namesCounterElement(loop: LoopStatement, target: TSESTree.Node): boolean {
  if (loop.type !== AST_NODE_TYPES.ForStatement || !loop.init || !loop.test || !loop.update) return false;
  const element = unwrapExpression(target);
  if (element.type !== AST_NODE_TYPES.MemberExpression || !element.computed) return false;
  const list = unwrapExpression(element.object);
  const { property } = element;
  const test = loop.test;
  const bound = test.type === AST_NODE_TYPES.BinaryExpression && test.operator === '<' ? unwrapExpression(test.right) : undefined;
  return (
    list.type === AST_NODE_TYPES.Identifier &&
    property.type === AST_NODE_TYPES.Identifier &&
    test.type === AST_NODE_TYPES.BinaryExpression &&
    test.left.type === AST_NODE_TYPES.Identifier &&
    test.left.name === property.name &&
    bound?.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(bound) === 'length' &&
    unwrapExpression(bound.object).type === AST_NODE_TYPES.Identifier &&
    (unwrapExpression(bound.object) as TSESTree.Identifier).name === list.name &&
    loop.update.type === AST_NODE_TYPES.UpdateExpression &&
    loop.update.operator === '++' &&
    loop.update.argument.type === AST_NODE_TYPES.Identifier &&
    loop.update.argument.name === property.name
  );
}

/** Grows `set` with every slot that has a write satisfying `test`, until nothing changes. */
function fixpoint(writes: Map<Slot, SlotWrite[]>, set: Set<Slot>, test: (write: SlotWrite) => boolean): void {
  for (let changed = true; changed;) {
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
  'push',
  'unshift',
  'shift',
  'pop',
  'splice',
  'set',
  'add',
  'delete',
  'clear',
  'sort',
  'reverse',
  'fill',
  'append',
  'enqueue',
  'dequeue',
  'insert',
  'remove',
  'concat',
]);

/** `obj.x = v`, `obj.x++`, `queue.shift()`: the object mutated and the value put in. */
export function memberMutation(node: TSESTree.Node): { target: TSESTree.Node; value: TSESTree.Node | undefined } | undefined {
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
export function rootSlot(context: RuleContext, node: TSESTree.Node): Slot | undefined {
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
export function loopBindingNodes(loop: LoopStatement): TSESTree.Node[] {
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

/** The writes to a slot; for `this`, the writes to any of its fields. */
export function writesOf(facts: LoopFacts, slot: Slot): SlotWrite[] {
  if (slot !== 'this') return facts.writes.get(slot) ?? [];
  return [...facts.writes].flatMap(([key, list]) => (typeof key === 'string' && key.startsWith('this') ? list : []));
}

/** Whether the expression reads anything that changes per iteration: a loop binding, a body variable, a slot the loop writes. */
export function variesPerIteration(context: RuleContext, facts: LoopFacts, node: TSESTree.Node): boolean {
  for (const reference of referencesWithin(context, node)) {
    const variable = reference.resolved;
    if (variable && (facts.declared.has(variable) || facts.writes.has(variable))) return true;
  }
  return slotsRead(context, node).some((slot) => typeof slot === 'string' && writesOf(facts, slot).length > 0);
}

export function readsAny(context: RuleContext, node: TSESTree.Node, slots: ReadonlySet<Slot>): boolean {
  if (slots.size === 0) return false;
  return slotsRead(context, node).some((slot) => slots.has(slot));
}

export function slotsRead(context: RuleContext, node: TSESTree.Node): Slot[] {
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

/** What a loop writes (variables, `this.*` fields, undeclared names) and declares, for the concurrency fix. */
export function loopWrites(
  context: RuleContext,
  loop: LoopStatement,
): { writes: ReadonlyMap<Slot, ReadonlyArray<{ node: TSESTree.Node }>>; declared: ReadonlySet<Variable> } {
  const facts = loopFacts(context, loop);
  return { writes: facts.writes, declared: facts.declared };
}
