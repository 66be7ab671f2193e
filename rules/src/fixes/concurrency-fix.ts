import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { Fix, RuleContext, TextEdit } from '../types';
import { localFunction, propertyName, resolveVariable, unwrapExpression } from '../analysis/resolve';
import { contains, enclosingFunction, isFunction, isLoopStatement, type LoopStatement } from '../analysis/scopes';
import { exitsLoop, loopWrites, referencesWithin, visitWithinFunction } from '../analysis/sequential';
import { awaitedEffect, callEffect, combine, drivesSharedWriter, functionEffect, type Effect } from './effects';
import { sharedStateReason } from './shared-state';
import { chooseLimiter, handledLater, limitedMapText, type Limiter, type Mapper } from './limiter';
import { fileStyle, isTypeScript } from './style';

export { HELPER_NAME } from './limiter';

/** The title says whether `--fix` applies it: reads may overlap and outlive a failure, anything else may not. */
function concurrencyFix(context: RuleContext, effect: Effect, edits: TextEdit[], what: string, limiter: Limiter): Fix {
  const limit = context.options.concurrencyLimit;
  const newFiles = limiter.newFiles ? { newFiles: limiter.newFiles } : {};
  const created = limiter.newFiles ? ', creating the shared helper module' : '';
  return effect === 'read'
    ? { title: `${what}, at most ${limit} at a time, in order${created} (safe fix: they only read)`, safe: true, edits, ...newFiles }
    : {
        title: `${what}, at most ${limit} at a time${created} (unsafe fix: later calls start before earlier ones finish, and run even if one fails)`,
        safe: false,
        edits,
        ...newFiles,
      };
}

/** The work of one iteration that the fix moves into the bounded map. */
interface Work {
  /** The await, or the first of several: names the results. */
  first: TSESTree.AwaitExpression;
  /** Whether the calls only read, write, or do what the analysis cannot tell. */
  effect: Effect;
  /** The mapper's body: an expression, or a block for several statements. */
  body: string;
  async: boolean;
  /** The loop body (after its guards) is this work alone, and nothing uses its results. */
  callOnly: boolean;
  /** The work sits in a `try` whose `catch` handles each item's error at its own position. */
  inTry: boolean;
  /** The edits that put the item's result where the work was: `element` is `pending[index]` or `results[index]`. */
  replace(element: string, awaited: boolean, bang: string): TextEdit[];
}

/**
 * The bounded-concurrency fix for awaits in a loop: the awaited work of each item moves before
 * the loop into a concurrent map that keeps input order, and the loop body then runs in order
 * with each item's result. Undefined unless every condition for keeping the program's output
 * holds (see the rule's documentation); unsafe unless the calls only read.
 */
export function awaitInLoopFix(context: RuleContext, loop: LoopStatement, awaitNode: TSESTree.AwaitExpression): Fix | undefined {
  return withoutFailing(() => loopFix(context, loop, awaitNode));
}

/**
 * Whether the awaited calls of a loop each see what the iterations before them changed, or change
 * one object in turn (see `sharedStateReason`): such a loop is in order on purpose.
 */
export function loopSharesState(context: RuleContext, loop: LoopStatement): boolean {
  try {
    const shape = loopShape(context, loop);
    const awaits = awaitsIn(loop);
    return shape !== undefined && awaits !== undefined && sharesState(context, loop, shape, awaits);
  } catch {
    return false;
  }
}

function sharesState(context: RuleContext, loop: LoopStatement, shape: LoopShape, awaits: readonly TSESTree.AwaitExpression[]): boolean {
  const calls = awaits.flatMap((node) => {
    const operand = unwrapExpression(node.argument);
    return operand.type === AST_NODE_TYPES.CallExpression ? [operand] : [];
  });
  const writes = (call: TSESTree.CallExpression): boolean => callEffect(context, call) !== 'read';
  return sharedStateReason(context, loop, calls, (variable) => shape.bindings.has(variable), shape.itemsNode, writes) !== undefined;
}

/** A fix that cannot be computed on an odd construct is left out; the finding stays. */
function withoutFailing(compute: () => Fix | undefined): Fix | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

function loopFix(context: RuleContext, loop: LoopStatement, awaitNode: TSESTree.AwaitExpression): Fix | undefined {
  const shape = loopShape(context, loop);
  if (!shape) return undefined;
  const awaits = awaitsIn(loop);
  if (!awaits?.includes(awaitNode)) return undefined;
  const guards = shape.kind === 'for-of' ? leadingGuards(context, loop, shape.bindings) : [];
  const work =
    (awaits.length === 1 ? singleAwait(context, loop, awaitNode, shape.bindings, guards) : undefined) ??
    pipeline(context, loop, awaits, shape.bindings, guards);
  if (!work) return undefined;
  const ownsItem = (root: TSESTree.Node): boolean =>
    root.type === AST_NODE_TYPES.Identifier && [...shape.bindings].some((variable) => variable.name === root.name);
  if (awaits.some((node) => drivesSharedWriter(context, node.argument, ownsItem))) return undefined;
  if (sharesState(context, loop, shape, awaits)) return undefined;

  const text = context.text;
  const style = fileStyle(context);
  const typed = isTypeScript(context);
  const taken = takenNames(context, loop);
  // Fixes of several loops in one function are applied together: each declares names of its own.
  const ordinal = earlierAwaitingLoops(loop);
  const own = (base: string): string => (ordinal > 0 ? `${base}${ordinal + 1}` : base);
  const statement = loopStatementWithLabel(loop);
  const indent = indentationAt(text, statement.range[0]);
  const edits: TextEdit[] = [];
  const before: string[] = [];

  // The items the map and the loop both read: the array itself, or one copy of what the loop iterated.
  let items = shape.items;
  if (shape.kind === 'for-of' && shape.keysOf) {
    // The keys a for-in visits, listed once by the same for-in: own and inherited, in its order, none for null.
    const name = unusedName(taken, own(plural(shape.pattern)), '');
    taken.add(name);
    const kept = guards.length > 0 ? `if (${guards.map((guard) => negated(context, guard.test, guards.length > 1)).join(' && ')}) ` : '';
    before.push(
      `const ${name}${typed ? ': string[]' : ''} = []${style.semicolon}`,
      `for (${shape.declarationKind} ${shape.pattern} in ${shape.items}) ${kept}${name}.push(${shape.pattern})${style.semicolon}`,
    );
    for (const guard of guards) edits.push(removeStatement(text, guard));
    items = name;
  } else if (guards.length > 0 || !shape.proven || shape.hoist) {
    const base = itemsStem(shape.itemsNode);
    const name = unusedName(taken, own(guards.length > 0 ? `${base}ToProcess` : shape.proven ? base : `${base.replace(/([^s])s$/, '$1')}List`), '');
    taken.add(name);
    // A for-of copy spreads, as the loop iterated (and an `any` iterable stays `any`, where Array.from would make it `unknown`).
    const source = shape.proven ? shape.items : shape.kind === 'for-of' ? `[...${shape.items}]` : `Array.from(${shape.items})`;
    const filter =
      guards.length > 0
        ? `.filter((${shape.kind === 'for-of' ? shape.pattern : 'item'}) => ${guards.map((guard) => negated(context, guard.test, guards.length > 1)).join(' && ')})`
        : '';
    before.push(`const ${name} = ${source}${filter}${style.semicolon}`);
    for (const guard of guards) edits.push(removeStatement(text, guard));
    items = name;
  }
  const index = shape.kind === 'index' ? shape.counter : unusedName(taken, 'index', work.body);
  const params = shape.kind === 'for-of' ? `(${shape.pattern})` : `(${unusedName(taken, '_', work.body)}, ${shape.counter})`;
  const mapper: Mapper = { text: `${work.async ? 'async ' : ''}${params} => ${work.body}`, params, thunk: `${work.async ? 'async ' : ''}() => ${work.body}` };
  const allAtOnce = work.callOnly || (!work.inTry && restIsLocalOnly(context, loop, work));
  const limiter = chooseLimiter(context, taken, allAtOnce);
  if (!limiter) return undefined;
  edits.push(...limiter.edits);
  const limitName = unusedName(taken, own('limit'), work.body);
  const limited = limitedMapText(context, limiter, items, mapper, indent, limitName);
  const what = work.effect === 'read' ? 'Run the reads concurrently' : 'Run the calls concurrently';

  if (work.callOnly) {
    // The loop did nothing but the work: the bounded map replaces it.
    edits.push({
      start: statement.range[0],
      end: statement.range[1],
      text: [...before, `${limited.before}await ${limited.all}${style.semicolon}`].join(`\n${indent}`),
    });
    return concurrencyFix(context, work.effect, edits, what, limiter);
  }
  if (shape.kind === 'for-of' && (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement)) {
    edits.push({ start: loop.left.range[0], end: loop.right.range[1], text: `${shape.declarationKind} [${index}, ${shape.pattern}] of ${items}.entries()` });
  }
  const bang = typed ? '!' : '';
  if (limited.promises !== undefined && (limiter.kind === 'helper' || !allAtOnce)) {
    // One promise per item, started ahead with the bound; the loop still awaits each in order.
    const pendingName = resultsNameFor(work.first, taken, 'pending', own);
    before.push(`${limited.before}const ${pendingName} = ${limited.promises}${style.semicolon}`);
    if (limiter.kind === 'p-limit') before.push(handledLater(pendingName, style.semicolon));
    edits.push(...work.replace(`${pendingName}[${index}]`, true, bang));
  } else {
    const resultsName = resultsNameFor(work.first, taken, '', own);
    before.push(`${limited.before}const ${resultsName} = await ${limited.all}${style.semicolon}`);
    edits.push(...work.replace(`${resultsName}[${index}]`, false, bang));
  }
  edits.push({ start: statement.range[0], end: statement.range[0], text: `${before.join(`\n${indent}`)}\n${indent}` });
  return concurrencyFix(context, work.effect, edits, what, limiter);
}

/**
 * The fix for `Promise.all(items.map(fn))`: the same bounded map over the same items.
 * Only for `Promise.all` with a mapper of at most two parameters (the helper passes item and index).
 */
export function promiseAllFix(context: RuleContext, call: TSESTree.CallExpression): Fix | undefined {
  return withoutFailing(() => boundedMapFix(context, call));
}

function boundedMapFix(context: RuleContext, call: TSESTree.CallExpression): Fix | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'all' || call.arguments.length !== 1) return undefined;
  const argument = unwrapExpression(call.arguments[0]!);
  if (argument.type !== AST_NODE_TYPES.CallExpression || argument.arguments.length !== 1) return undefined;
  const mapCallee = unwrapExpression(argument.callee);
  if (mapCallee.type !== AST_NODE_TYPES.MemberExpression || propertyName(mapCallee) !== 'map' || mapCallee.optional) return undefined;
  const fn = argument.arguments[0]!;
  if (!takesAtMostItemAndIndex(context, fn)) return undefined;
  const text = context.text;
  const statement = enclosingStatement(call);
  const taken = takenNames(context, statement ?? call);
  const limiter = chooseLimiter(context, taken, true);
  if (!limiter || (limiter.kind === 'p-limit' && !statement)) return undefined;
  const items = text.slice(mapCallee.object.range[0], mapCallee.object.range[1]);
  const indent = statement ? indentationAt(text, statement.range[0]) : '';
  const limited = limitedMapText(context, limiter, items, mapperOf(fn, text.slice(fn.range[0], fn.range[1]), text), indent, unusedName(taken, 'limit', ''));
  const edits: TextEdit[] = [...limiter.edits, { start: call.range[0], end: call.range[1], text: limited.all }];
  if (limited.before && statement) edits.push({ start: statement.range[0], end: statement.range[0], text: limited.before });
  const own = localFunction(context, fn);
  return concurrencyFix(context, own ? functionEffect(context, own) : 'unknown', edits, 'Bound the mapped calls', limiter);
}

// ---------------------------------------------------------------------------------------------
// Which loops the fix can rewrite.

type LoopShape = { items: string; itemsNode: TSESTree.Node; proven: boolean; hoist: boolean; bindings: Set<Variable> } & (
  { kind: 'for-of'; pattern: string; declarationKind: string; keysOf?: true } | { kind: 'index'; counter: string }
);

/**
 * `for (const x of xs)` or `for (let i = 0; i < xs.length; i++)` over items the loop leaves
 * alone; `proven` when they are an array the map and the loop can both read, else the fix
 * copies them once with `Array.from`.
 */
function loopShape(context: RuleContext, loop: LoopStatement): LoopShape | undefined {
  const text = context.text;
  if (loop.type === AST_NODE_TYPES.ForOfStatement) {
    if (loop.await || loop.left.type !== AST_NODE_TYPES.VariableDeclaration || loop.left.kind === 'var' || loop.left.declarations.length !== 1)
      return undefined;
    const items = itemsOf(context, loop, loop.right);
    if (!items) return undefined;
    const bindings = new Set(context.scopeManager.getDeclaredVariables(loop.left));
    if (reassignedInLoop(bindings, loop)) return undefined;
    const declarator = loop.left.declarations[0]!;
    return {
      kind: 'for-of',
      items: text.slice(loop.right.range[0], loop.right.range[1]),
      itemsNode: loop.right,
      proven: items.proven,
      hoist: items.hoist ?? false,
      pattern: text.slice(declarator.id.range[0], declarator.id.range[1]),
      declarationKind: loop.left.kind,
      bindings,
    };
  }
  if (loop.type === AST_NODE_TYPES.ForInStatement) return keysShape(context, loop);
  if (loop.type !== AST_NODE_TYPES.ForStatement) return undefined;
  const { init, test, update } = loop;
  if (init?.type !== AST_NODE_TYPES.VariableDeclaration || init.declarations.length !== 1 || init.kind === 'var') return undefined;
  const declarator = init.declarations[0]!;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !isZero(declarator.init)) return undefined;
  const counter = declarator.id.name;
  if (test?.type !== AST_NODE_TYPES.BinaryExpression || test.operator !== '<' || !isName(test.left, counter)) return undefined;
  const length = unwrapExpression(test.right);
  if (length.type !== AST_NODE_TYPES.MemberExpression || propertyName(length) !== 'length' || length.computed) return undefined;
  if (!update || !isIncrementOf(update, counter)) return undefined;
  const items = itemsOf(context, loop, length.object);
  if (!items) return undefined;
  const bindings = new Set(context.scopeManager.getDeclaredVariables(init));
  if (reassignedInLoop(bindings, loop, update)) return undefined;
  return {
    kind: 'index',
    items: text.slice(length.object.range[0], length.object.range[1]),
    itemsNode: length.object,
    proven: items.proven,
    hoist: false,
    counter,
    bindings,
  };
}

/** `for (const key in object)` over an object the loop leaves alone: the fix lists its keys first with the same for-in, then runs as a for-of over them. */
function keysShape(context: RuleContext, loop: TSESTree.ForInStatement): LoopShape | undefined {
  if (loop.left.type !== AST_NODE_TYPES.VariableDeclaration || loop.left.kind === 'var' || loop.left.declarations.length !== 1) return undefined;
  const declarator = loop.left.declarations[0]!;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !isNameChain(loop.right) || writesInLoop(context, loop, loop.right)) return undefined;
  const bindings = new Set(context.scopeManager.getDeclaredVariables(loop.left));
  if (reassignedInLoop(bindings, loop)) return undefined;
  return {
    kind: 'for-of',
    keysOf: true,
    items: context.text.slice(loop.right.range[0], loop.right.range[1]),
    itemsNode: loop.right,
    proven: true,
    hoist: true,
    pattern: declarator.id.name,
    declarationKind: loop.left.kind,
    bindings,
  };
}

/**
 * Items the fix can read before the loop: a name or member chain (no calls) that the loop
 * does not change; `proven` when its declaration says array.
 */
function itemsOf(context: RuleContext, loop: LoopStatement, node: TSESTree.Node): { proven: boolean; hoist?: boolean } | undefined {
  const inner = unwrapExpression(node);
  // A for-of evaluates its iterable once, before the first item: the same value held in a constant.
  if (loop.type === AST_NODE_TYPES.ForOfStatement && !isNameChain(inner)) {
    if (producesArray(inner)) return { proven: true, hoist: true };
    const fallback =
      inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '&&' && isEmptyArray(inner.right) ? unwrapExpression(inner.left) : undefined;
    if (fallback && (isNameChain(fallback) || producesArray(fallback))) return { proven: producesArray(fallback), hoist: true };
    // Any other iterable is copied once with Array.from, unless a generator of this file yields it item by item between iterations.
    return callsLocalGenerator(context, inner) ? undefined : { proven: false, hoist: true };
  }
  let root: TSESTree.Node = inner;
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    if (root.computed || root.optional) return undefined;
    root = unwrapExpression(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier && root.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  if (writesInLoop(context, loop, inner)) return undefined;
  if (inner.type !== AST_NODE_TYPES.Identifier) return { proven: false };
  const variable = resolveVariable(context, inner);
  return { proven: variable !== undefined && declaredAsArray(variable) };
}

/** Whether the expression calls a generator function of this file, whose body runs lazily as the loop iterates. */
function callsLocalGenerator(context: RuleContext, node: TSESTree.Node): boolean {
  let found = false;
  visitWithinFunction(node, (child) => {
    if (child.type === AST_NODE_TYPES.CallExpression && localFunction(context, child.callee)?.generator) found = true;
  });
  return found;
}

/** `a`, `a.b.c`, `this.a`: a value read without calls. */
function isNameChain(node: TSESTree.Node): boolean {
  let root = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression && !root.computed) root = unwrapExpression(root.object);
  return root.type === AST_NODE_TYPES.Identifier || root.type === AST_NODE_TYPES.ThisExpression;
}

function isEmptyArray(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  return inner.type === AST_NODE_TYPES.ArrayExpression && inner.elements.length === 0;
}

/** A stem for a name derived from the items: `users` → `users`, `this.order.lines` → `lines`. */
function itemsStem(node: TSESTree.Node): string {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return propertyName(inner) ?? 'items';
  if (inner.type === AST_NODE_TYPES.LogicalExpression) return itemsStem(inner.left);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) return itemsStem(inner.argument);
  if (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.Identifier && inner.arguments[0])
    return itemsStem(inner.arguments[0]);
  if (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression) {
    // `Object.entries(prices)` → `priceEntries`; `users.filter(…)` → `users`.
    const method = propertyName(inner.callee);
    const object = unwrapExpression(inner.callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && object.name === 'Object' && inner.arguments[0] && /^(?:keys|values|entries)$/.test(method ?? '')) {
      return `${itemsStem(inner.arguments[0]).replace(/([^s])s$/, '$1')}${method![0]!.toUpperCase()}${method!.slice(1)}`;
    }
    return itemsStem(object);
  }
  return 'items';
}

/** `if (cond) continue;` statements that open the loop body and read only the item and stable values. */
function leadingGuards(context: RuleContext, loop: LoopStatement, bindings: ReadonlySet<Variable>): TSESTree.IfStatement[] {
  const guards: TSESTree.IfStatement[] = [];
  for (const statement of bodyStatements(loop)) {
    if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) break;
    const consequent =
      statement.consequent.type === AST_NODE_TYPES.BlockStatement && statement.consequent.body.length === 1
        ? statement.consequent.body[0]!
        : statement.consequent;
    if (consequent.type !== AST_NODE_TYPES.ContinueStatement || consequent.label) break;
    if (!isPureCondition(statement.test) || !readsOnlyStableValues(context, loop, statement.test, bindings)) break;
    guards.push(statement);
  }
  return guards;
}

/** Methods a guard may call without effects: its value is computed before the loop instead of in it. */
const PURE_METHODS: ReadonlySet<string> = new Set([
  'has',
  'includes',
  'startsWith',
  'endsWith',
  'test',
  'isArray',
  'indexOf',
  'trim',
  'toLowerCase',
  'toUpperCase',
]);

/** `isDefined(x)`, `isString(x)`, `hasOwn(o, k)`: a synchronous predicate, by the name every codebase gives one. */
const PREDICATE_NAME = /^(?:is|has)[A-Z]\w*$/;

/** Array methods that call their callback at once and return a new value: pure when the callback is. */
const CALLBACK_METHODS: ReadonlySet<string> = new Set(['find', 'findIndex', 'some', 'every', 'filter', 'map']);

/** A condition without effects: reads, comparisons, the pure methods, and array searches with pure callbacks. */
function isPureCondition(node: TSESTree.Node): boolean {
  let pure = true;
  visitWithinFunction(node, (child) => {
    if (child.type === AST_NODE_TYPES.AwaitExpression || child.type === AST_NODE_TYPES.NewExpression || child.type === AST_NODE_TYPES.TaggedTemplateExpression)
      pure = false;
    if (
      child.type === AST_NODE_TYPES.AssignmentExpression ||
      child.type === AST_NODE_TYPES.UpdateExpression ||
      (child.type === AST_NODE_TYPES.UnaryExpression && child.operator === 'delete')
    )
      pure = false;
    if (child.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(child.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? (propertyName(callee) ?? '') : '';
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : method;
      if (!PURE_METHODS.has(method) && !CALLBACK_METHODS.has(method) && !PREDICATE_NAME.test(name)) pure = false;
    }
    if (child !== node && isFunction(child) && !isPureCallback(child)) pure = false;
  });
  return pure;
}

/** `x => x.id === id` passed to `find`/`some`/…: an expression-bodied, synchronous callback without effects. */
function isPureCallback(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression || fn.async || fn.body.type === AST_NODE_TYPES.BlockStatement) return false;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && CALLBACK_METHODS.has(propertyName(callee) ?? '') && isPureCondition(fn.body);
}

/** `!(cond)` as text, without double negation or needless parentheses. */
function negated(context: RuleContext, test: TSESTree.Expression, joined: boolean): string {
  const source = (node: TSESTree.Node): string => context.text.slice(node.range[0], node.range[1]);
  const simple = (node: TSESTree.Node): boolean =>
    [
      AST_NODE_TYPES.Identifier,
      AST_NODE_TYPES.MemberExpression,
      AST_NODE_TYPES.CallExpression,
      AST_NODE_TYPES.UnaryExpression,
      AST_NODE_TYPES.ChainExpression,
    ].includes(node.type);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    return simple(test.argument) || !joined ? source(test.argument) : `(${source(test.argument)})`;
  }
  return simple(test) ? `!${source(test)}` : `!(${source(test)})`;
}

function isZero(node: TSESTree.Node | null): boolean {
  return node?.type === AST_NODE_TYPES.Literal && node.value === 0;
}

function isName(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

function isIncrementOf(node: TSESTree.Node, name: string): boolean {
  if (node.type === AST_NODE_TYPES.UpdateExpression) return node.operator === '++' && isName(node.argument, name);
  return (
    node.type === AST_NODE_TYPES.AssignmentExpression &&
    node.operator === '+=' &&
    isName(node.left, name) &&
    node.right.type === AST_NODE_TYPES.Literal &&
    node.right.value === 1
  );
}

/** Whether a loop variable is assigned anywhere in the loop other than its own update. */
function reassignedInLoop(bindings: ReadonlySet<Variable>, loop: LoopStatement, update?: TSESTree.Node): boolean {
  for (const variable of bindings) {
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.init) continue;
      if (update && update.range[0] <= reference.identifier.range[0] && reference.identifier.range[1] <= update.range[1]) continue;
      if (loop.range[0] <= reference.identifier.range[0] && reference.identifier.range[1] <= loop.range[1]) return true;
    }
  }
  return false;
}

function writesInLoop(context: RuleContext, loop: LoopStatement, node: TSESTree.Node): boolean {
  const { writes } = loopWrites(context, loop);
  let root: TSESTree.Node = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type === AST_NODE_TYPES.ThisExpression) return [...writes.keys()].some((slot) => typeof slot === 'string' && slot.startsWith('this'));
  if (root.type !== AST_NODE_TYPES.Identifier) return true;
  const variable = resolveVariable(context, root);
  return variable === undefined || writes.has(variable);
}

/** A parameter or variable typed as an array, or a variable initialized with an array-producing expression and never reassigned. */
function declaredAsArray(variable: Variable): boolean {
  if (variable.defs.length !== 1) return false;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return false;
  const identifier = variable.defs[0]!.name as TSESTree.Identifier;
  const annotation = identifier.typeAnnotation?.typeAnnotation;
  if (annotation) return isArrayType(annotation);
  const definition = variable.defs[0]!;
  if (definition.type !== 'Variable') return false;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  return declarator.id === identifier && declarator.init !== null && producesArray(declarator.init);
}

function isArrayType(type: TSESTree.TypeNode): boolean {
  if (type.type === AST_NODE_TYPES.TSArrayType || type.type === AST_NODE_TYPES.TSTupleType) return true;
  if (type.type === AST_NODE_TYPES.TSTypeOperator && type.operator === 'readonly' && type.typeAnnotation) return isArrayType(type.typeAnnotation);
  if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier) {
    return type.typeName.name === 'Array' || type.typeName.name === 'ReadonlyArray';
  }
  return false;
}

const ARRAY_METHODS: ReadonlySet<string> = new Set([
  'map',
  'filter',
  'slice',
  'concat',
  'flat',
  'flatMap',
  'toSorted',
  'toReversed',
  'split',
  'keys',
  'values',
  'entries',
  'from',
  'of',
]);

/** `[...]`, `xs.map(...)`, `Object.keys(...)`, `Array.from(...)`, `str.split(...)`, `await Promise.all(...)`, `await repo.find(...)`. */
function producesArray(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (inner.type === AST_NODE_TYPES.AwaitExpression) {
    const awaited = unwrapExpression(inner.argument);
    if (awaited.type !== AST_NODE_TYPES.CallExpression || awaited.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = propertyName(awaited.callee);
    if (method === 'all') return awaited.callee.object.type === AST_NODE_TYPES.Identifier && awaited.callee.object.name === 'Promise';
    // The rows of an ORM's list query: Prisma, TypeORM, Sequelize, Mongoose (`.lean()` too), MikroORM.
    return /^(?:findMany|findBy|findAll|find|lean)$/.test(method ?? '');
  }
  if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(inner.callee);
  if (!method || !ARRAY_METHODS.has(method)) return false;
  const object = inner.callee.object;
  if (method === 'keys' || method === 'values' || method === 'entries') return object.type === AST_NODE_TYPES.Identifier && object.name === 'Object';
  if (method === 'from' || method === 'of') return object.type === AST_NODE_TYPES.Identifier && object.name === 'Array';
  return true;
}

// ---------------------------------------------------------------------------------------------
// Which awaits the fix can move.

/** The statements of the loop body, in order. */
function bodyStatements(loop: LoopStatement): TSESTree.Statement[] {
  return loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
}

/** Every await of the loop, nested loops included; undefined when a `for await` or a `yield` makes the order matter. */
function awaitsIn(loop: LoopStatement): TSESTree.AwaitExpression[] | undefined {
  const awaits: TSESTree.AwaitExpression[] = [];
  let ordered = false;
  visitWithinFunction(loop.body, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) awaits.push(node);
    if ((node.type === AST_NODE_TYPES.ForOfStatement && node.await) || node.type === AST_NODE_TYPES.YieldExpression) ordered = true;
  });
  return ordered ? undefined : awaits;
}

/**
 * The statement that holds `node` in a block the loop runs whole every iteration: the loop
 * body, or the block of a `try` in it (whose `catch` handles that item's error). Every parent
 * on the way evaluates its child always. Undefined when a condition may skip the node.
 */
function statementOf(
  loop: LoopStatement,
  node: TSESTree.Node,
  throughIf = false,
): { statement: TSESTree.Statement; list: TSESTree.Statement[]; inTry: boolean } | undefined {
  const inTry = false;
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current === loop) {
      return loop.body === child && child.type !== AST_NODE_TYPES.BlockStatement
        ? { statement: child as TSESTree.Statement, list: [child as TSESTree.Statement], inTry }
        : undefined;
    }
    // A pipeline moves a whole `if` with its condition, so the work in a branch still runs only when it did.
    if (throughIf && isBranchOf(current, child)) continue;
    if (current.type === AST_NODE_TYPES.BlockStatement) {
      if (current.parent === loop) return { statement: child as TSESTree.Statement, list: current.body, inTry };
      const owner = current.parent;
      if (throughIf && owner && isBranchOf(owner, current)) continue;
      if (owner?.type !== AST_NODE_TYPES.TryStatement || owner.block !== current || !owner.handler) return undefined;
      // The whole try statement must itself run every iteration.
      const outer = statementOf(loop, owner);
      if (!outer) return undefined;
      return { statement: child as TSESTree.Statement, list: current.body, inTry: true };
    }
    if (!evaluatesChildAlways(current, child)) return undefined;
  }
  return undefined;
}

/**
 * Only guards and pure declarations run before the work in each block around it: a statement
 * such as `applyDefaults(input)` may change what the work reads, and the fix starts the work first.
 */
function nothingBeforeActs(loop: LoopStatement, work: TSESTree.Node, guards: readonly TSESTree.Node[]): boolean {
  for (let child: TSESTree.Node = work, current = work.parent; current && child !== loop; child = current, current = current.parent) {
    if (current.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of current.body) {
      if (statement === child) break;
      if (guards.includes(statement)) continue;
      if (
        statement.type !== AST_NODE_TYPES.VariableDeclaration ||
        !statement.declarations.every((declarator) => !declarator.init || isPureCondition(declarator.init))
      )
        return false;
    }
  }
  return true;
}

function isBranchOf(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  return parent.type === AST_NODE_TYPES.IfStatement && parent.test !== child;
}

/** No jump, throw or exit in the loop could skip the work of an item that the fix starts ahead. */
function nothingSkipsWork(loop: LoopStatement, firstWork: TSESTree.Node, guards: readonly TSESTree.Node[]): boolean {
  let blocked = false;
  visitWithinFunction(loop.body, (node) => {
    if (guards.some((guard) => contains(guard, node))) return;
    if (exitsLoop(node, loop)) blocked = true;
    if (node.range[1] <= firstWork.range[0] && (node.type === AST_NODE_TYPES.ContinueStatement || node.type === AST_NODE_TYPES.ThrowStatement)) blocked = true;
  });
  return !blocked;
}

/** One await per iteration: it moves into the map as an expression, its result replaces it. */
function singleAwait(
  context: RuleContext,
  loop: LoopStatement,
  awaitNode: TSESTree.AwaitExpression,
  bindings: ReadonlySet<Variable>,
  guards: readonly TSESTree.Node[],
): Work | undefined {
  const place = statementOf(loop, awaitNode);
  if (!place || !nothingSkipsWork(loop, awaitNode, guards) || !nothingBeforeActs(loop, place.statement, guards)) return undefined;
  if (!readsOnlyStableValues(context, loop, awaitNode.argument, bindings)) return undefined;
  const text = context.text;
  const resultUnused = awaitNode.parent.type === AST_NODE_TYPES.ExpressionStatement;
  const rest = bodyStatements(loop).filter((statement) => !guards.includes(statement));
  return {
    first: awaitNode,
    effect: awaitedEffect(context, awaitNode.argument),
    body: wrapObjectLiteral(unwrapExpression(awaitNode.argument), text.slice(awaitNode.argument.range[0], awaitNode.argument.range[1])),
    async: false,
    callOnly: resultUnused && !place.inTry && rest.length === 1 && rest[0] === awaitNode.parent,
    inTry: place.inTry,
    replace(element, awaited, bang) {
      if (awaited) return [{ start: awaitNode.argument.range[0], end: awaitNode.argument.range[1], text: `${element}${bang}` }];
      return [resultUnused ? removeStatement(text, awaitNode.parent) : replaceAwait(context, awaitNode, element)];
    },
  };
}

/** `{ a }` as an arrow's body must be parenthesized. */
function wrapObjectLiteral(node: TSESTree.Node, source: string): string {
  return node.type === AST_NODE_TYPES.ObjectExpression ? `(${source})` : source;
}

/**
 * Several awaits per iteration in consecutive statements (`const a = await f(x); const b =
 * await g(a);`): one pipeline per item, run as an async mapper that returns what the rest of
 * the body reads.
 */
function pipeline(
  context: RuleContext,
  loop: LoopStatement,
  awaits: readonly TSESTree.AwaitExpression[],
  bindings: ReadonlySet<Variable>,
  guards: readonly TSESTree.Node[],
): Work | undefined {
  const places = awaits.map((node) => statementOf(loop, node, true));
  const first = places[0];
  if (!first || places.some((place) => !place || place.list !== first.list)) return undefined;
  const list = first.list;
  const positions = places.map((place) => list.indexOf(place!.statement));
  let start = Math.min(...positions);
  const end = Math.max(...positions);
  // Declarations and `if (…) throw` checks just before the first await move with it: the item's promise rejects with the same error.
  while (
    start > 0 &&
    (list[start - 1]!.type === AST_NODE_TYPES.VariableDeclaration || isThrowGuard(list[start - 1]!) || isSkipGuard(list[start - 1]!)) &&
    !guards.includes(list[start - 1]!)
  )
    start--;
  const statements = list.slice(start, end + 1);
  if (!nothingSkipsWork(loop, statements[0]!, guards) || !nothingBeforeActs(loop, statements[0]!, guards)) return undefined;
  const allowed = new Set(bindings);
  if (!movable(context, loop, statements, allowed)) return undefined;
  const kind = statements.some((statement) => statement.type === AST_NODE_TYPES.VariableDeclaration && statement.kind === 'let') ? 'let' : 'const';
  const declared = [...allowed].filter((variable) => !bindings.has(variable));
  const after = (reference: { identifier: TSESTree.Node }): boolean =>
    reference.identifier.range[0] > statements[statements.length - 1]!.range[1] && contains(loop, reference.identifier);
  const used = declared.filter((variable) => variable.references.some(after)).map((variable) => variable.name);
  const text = context.text;
  const style = fileStyle(context);
  const outer = indentationAt(text, loopStatementWithLabel(loop).range[0]);
  const inner = indentationAt(text, statements[0]!.range[0]);
  const rest = bodyStatements(loop).filter((statement) => !guards.includes(statement));
  const callOnly = !first.inTry && used.length === 0 && statements.length === rest.length && rest.every((statement, index) => statement === statements[index]);
  // `if (…) continue;` in the moved statements becomes `return;`: only right when nothing of the body is left after them.
  const skips = statements.filter(isSkipGuard).map((guard) => skipOf(guard as TSESTree.IfStatement));
  if (skips.length > 0 && !callOnly) return undefined;
  let source = text.slice(statements[0]!.range[0], statements[statements.length - 1]!.range[1]);
  for (const skip of skips.reverse()) {
    const at = skip.range[0] - statements[0]!.range[0];
    source = `${source.slice(0, at)}return${source.slice(at + 'continue'.length)}`;
  }
  const moved = source
    .split('\n')
    .map((line, index) => (index === 0 ? line : line.startsWith(inner) ? outer + style.indent + line.slice(inner.length) : line))
    .join('\n');
  const returned = used.length > 0 ? `\n${outer}${style.indent}return { ${used.join(', ')} }${style.semicolon}` : '';
  const span = { start: statements[0]!.range[0], end: statements[statements.length - 1]!.range[1] };
  return {
    first: awaits[0]!,
    effect: combine(awaits.map((node) => awaitedEffect(context, node.argument))),
    body: `{\n${outer}${style.indent}${moved}${returned}\n${outer}}`,
    async: true,
    callOnly,
    inTry: first.inTry,
    replace(element, awaited, bang) {
      const value = `${awaited ? 'await ' : ''}${element}${bang}`;
      const replacement = used.length > 0 ? `${kind} { ${used.join(', ')} } = ${value}${style.semicolon}` : awaited ? `${value}${style.semicolon}` : '';
      return [replacement ? { ...span, text: replacement } : removeStatement(text, { range: [span.start, span.end] } as TSESTree.Node)];
    },
  };
}

/**
 * Whether statements can move into the per-item mapper: declarations, awaited calls, `if (…)
 * throw` checks, and `if`s with a pure condition around more of the same. `allowed` grows by
 * the variables they declare at this level (a branch's own stay in the branch).
 */
function movable(context: RuleContext, loop: LoopStatement, statements: readonly TSESTree.Statement[], allowed: Set<Variable>): boolean {
  for (const statement of statements) {
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      if (statement.kind !== 'const' && statement.kind !== 'let') return false;
      for (const declarator of statement.declarations) if (declarator.init && !readsOnlyStableValues(context, loop, declarator.init, allowed)) return false;
      for (const variable of context.scopeManager.getDeclaredVariables(statement)) allowed.add(variable);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AwaitExpression) {
      if (!readsOnlyStableValues(context, loop, statement.expression, allowed)) return false;
    } else if (statement.type === AST_NODE_TYPES.IfStatement) {
      if (!readsOnlyStableValues(context, loop, isThrowGuard(statement) ? statement : statement.test, allowed)) return false;
      if (isThrowGuard(statement)) continue;
      if (isSkipGuard(statement)) {
        if (!isPureCondition(statement.test)) return false;
        continue;
      }
      if (!isPureCondition(statement.test)) return false;
      for (const branch of [statement.consequent, statement.alternate]) {
        if (branch && !movable(context, loop, branch.type === AST_NODE_TYPES.BlockStatement ? branch.body : [branch], new Set(allowed))) return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

/** `if (cond) continue;`: a check that skips the rest of this item, and nothing else. */
function isSkipGuard(statement: TSESTree.Node): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  const skip = skipOf(statement);
  return skip.type === AST_NODE_TYPES.ContinueStatement && !skip.label;
}

/** The one statement an `if` without `else` runs. */
function skipOf(statement: TSESTree.IfStatement): TSESTree.Statement {
  return statement.consequent.type === AST_NODE_TYPES.BlockStatement && statement.consequent.body.length === 1
    ? statement.consequent.body[0]!
    : statement.consequent;
}

/** `if (cond) throw error;`: a check that ends the loop with an error, and nothing else. */
function isThrowGuard(statement: TSESTree.Node): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return false;
  const consequent =
    statement.consequent.type === AST_NODE_TYPES.BlockStatement && statement.consequent.body.length === 1
      ? statement.consequent.body[0]!
      : statement.consequent;
  return consequent.type === AST_NODE_TYPES.ThrowStatement;
}

/**
 * Whether the rest of the body only fills variables of the enclosing function (`out.push(x)`,
 * `total += x`), so awaiting every result before the loop changes nothing visible even when
 * a call fails: what the loop did before the failure is thrown away either way.
 */
function restIsLocalOnly(context: RuleContext, loop: LoopStatement, work: Work): boolean {
  const fn = enclosingFunction(loop);
  if (!fn) return false;
  let local = true;
  visitWithinFunction(loop.body, (node) => {
    if (contains(work.first, node) || node === work.first) return;
    if (node.type === AST_NODE_TYPES.CallExpression && !isPureGlobalCall(context, node)) {
      const callee = unwrapExpression(node.callee);
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
      if (!method || !LOCAL_METHODS.has(method) || !declaredIn(context, callee, fn)) local = false;
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression || node.type === AST_NODE_TYPES.UpdateExpression) {
      const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node.argument;
      if (!declaredIn(context, target, fn)) local = false;
    }
    if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.TaggedTemplateExpression || node.type === AST_NODE_TYPES.ThrowStatement)
      local = false;
  });
  if (!local) return false;
  // A variable the loop fills must not be read by a `catch` or `finally` that would see it half filled.
  for (let current: TSESTree.Node | undefined = loop.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && contains(current.block, loop)) return false;
  }
  return true;
}

/** Methods that only fill or read a value of the function's own. */
const LOCAL_METHODS: ReadonlySet<string> = new Set([
  'push',
  'unshift',
  'set',
  'add',
  'get',
  'has',
  'concat',
  'map',
  'filter',
  'find',
  'some',
  'every',
  'includes',
  'indexOf',
  'join',
  'slice',
  'toString',
  'trim',
  'toLowerCase',
  'toUpperCase',
  'split',
  'replace',
  'keys',
  'values',
  'entries',
  'toFixed',
  'toISOString',
]);

/** `JSON.parse(x)`, `String(x)`, `Math.max(a, b)`: global functions without effects. */
function isPureGlobalCall(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : callee;
  if (root.type !== AST_NODE_TYPES.Identifier || resolveVariable(context, root)?.defs.length) return false;
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? `${root.name}.${propertyName(callee)}` : root.name;
  return /^(?:JSON\.(?:parse|stringify)|String|Number|Boolean|parseInt|parseFloat|Math\.\w+|Object\.(?:keys|values|entries|fromEntries)|Array\.(?:isArray|from)|Date\.now)$/.test(
    name,
  );
}

/** Whether the root variable of an expression is declared inside `fn` (not a parameter, not outside). */
function declaredIn(context: RuleContext, node: TSESTree.Node, fn: TSESTree.Node): boolean {
  let root = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, root)?.defs[0];
  return definition?.type === 'Variable' && contains(fn, definition.name);
}
/** Parents through which the child is always evaluated (no condition, no short circuit, no deferred function). */
function evaluatesChildAlways(parent: TSESTree.Node, child: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.VariableDeclaration:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.UnaryExpression:
      return true;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === child;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === child && (parent.operator === '=' || parent.operator === '+=' || parent.operator === '-=' || parent.operator === '*=');
    case AST_NODE_TYPES.BinaryExpression:
      return true;
    case AST_NODE_TYPES.CallExpression:
      return parent.arguments.includes(child as TSESTree.CallExpressionArgument) && !parent.optional && !hasOptionalChain(parent.callee);
    case AST_NODE_TYPES.NewExpression:
      return parent.arguments.includes(child as TSESTree.CallExpressionArgument);
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === child && !parent.optional;
    case AST_NODE_TYPES.Property:
      return parent.value === child && !parent.computed && parent.parent?.type === AST_NODE_TYPES.ObjectExpression;
    case AST_NODE_TYPES.ObjectExpression:
      return true;
    case AST_NODE_TYPES.IfStatement:
      return parent.test === child;
    default:
      return false;
  }
}

function hasOptionalChain(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    if (current.optional) return true;
    current = current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee;
  }
  return false;
}
/** The awaited expression reads only the loop's own bindings and values the loop never writes. */
function readsOnlyStableValues(context: RuleContext, loop: LoopStatement, operand: TSESTree.Node, bindings: ReadonlySet<Variable>): boolean {
  const { writes, declared } = loopWrites(context, loop);
  for (const reference of referencesWithin(context, operand)) {
    const variable = reference.resolved;
    if (reference.isWrite()) return false;
    if (!variable) continue;
    if (bindings.has(variable)) continue;
    if (declared.has(variable) || writes.has(variable)) return false;
  }
  // An awaited `this.service.delete(id)` is the work itself, not a change of what the calls read.
  const writesThis = [...writes].some(
    ([slot, list]) => typeof slot === 'string' && slot.startsWith('this') && list.some((write) => write.node.parent?.type !== AST_NODE_TYPES.AwaitExpression),
  );
  let unstable = false;
  visitWithinFunction(operand, (node) => {
    if (node.type === AST_NODE_TYPES.YieldExpression || node.type === AST_NODE_TYPES.UpdateExpression || node.type === AST_NODE_TYPES.AssignmentExpression)
      unstable = true;
    if (node.type === AST_NODE_TYPES.ThisExpression && writesThis) unstable = true;
  });
  return !unstable;
}

/** A mapper that ignores the third argument `map` passes (the array), so item and index suffice. */
function takesAtMostItemAndIndex(context: RuleContext, fn: TSESTree.Node): boolean {
  const inner = unwrapExpression(fn);
  if (isFunction(inner)) return inner.params.length <= 2 && !inner.params.some((param) => param.type === AST_NODE_TYPES.RestElement) && !usesArguments(inner);
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, inner);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return false;
  if (definition.type === 'FunctionName') return takesAtMostItemAndIndex(context, definition.node as TSESTree.Node);
  if (definition.type === 'Variable') {
    const declarator = definition.node as TSESTree.VariableDeclarator;
    return (
      (declarator.parent as TSESTree.VariableDeclaration).kind === 'const' &&
      declarator.init !== null &&
      isFunction(unwrapExpression(declarator.init)) &&
      takesAtMostItemAndIndex(context, declarator.init)
    );
  }
  return false;
}

function usesArguments(fn: TSESTree.Node): boolean {
  let found = false;
  visitWithinFunction(fn, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments') found = true;
  });
  return found;
}

/** A mapper as text; p-limit wraps an arrow's body in a thunk, anything else is called with item and index. */
function mapperOf(fn: TSESTree.Node, fnText: string, text: string): Mapper {
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.params.length > 0) {
    const params = `(${text.slice(fn.params[0]!.range[0], fn.params[fn.params.length - 1]!.range[1])})`;
    // From the arrow on: an object literal's body keeps the brackets that make it one (`(row) => ({ ...row })`).
    const arrow = text.indexOf('=>', (fn.returnType ?? fn.params[fn.params.length - 1]!).range[1]);
    const body = text.slice(arrow + 2, fn.range[1]).trim();
    return { text: fnText, params, thunk: `${fn.async ? 'async ' : ''}() => ${body}` };
  }
  return { text: fnText, params: '(item, index)', thunk: `() => (${fnText})(item, index)` };
}

// ---------------------------------------------------------------------------------------------
// Text helpers.

/**
 * Names a new declaration before `node` must avoid: those visible there, those declared
 * inside it (they would shadow it), and every word inside it (globals, properties).
 */
function takenNames(context: RuleContext, node: TSESTree.Node): Set<string> {
  const taken = new Set(context.text.slice(node.range[0], node.range[1]).match(/[A-Za-z_$][\w$]*/g) ?? []);
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = context.scopeManager.acquire(current);
    if (!scope) continue;
    for (let upper: typeof scope | null = scope; upper; upper = upper.upper) for (const name of upper.set.keys()) taken.add(name);
    break;
  }
  for (const scope of context.scopeManager.scopes) {
    if (node.range[0] <= scope.block.range[0] && scope.block.range[1] <= node.range[1]) for (const name of scope.set.keys()) taken.add(name);
  }
  return taken;
}

/** `base`, or `base2`, `base3`... the first that the file does not use. */
function unusedName(taken: ReadonlySet<string>, base: string, alsoAvoid: string): string {
  const avoid = new Set(alsoAvoid.match(/[A-Za-z_$][\w$]*/g) ?? []);
  if (!taken.has(base) && !avoid.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}${suffix}`;
    if (!taken.has(candidate) && !avoid.has(candidate)) return candidate;
  }
}

/**
 * `users` (or `pendingUsers`) for `const user = await fetchUser(id)`, `fetchUserResults` for
 * `out.push(await fetchUser(id))`.
 */
function resultsNameFor(awaitNode: TSESTree.AwaitExpression, taken: Set<string>, prefix: string, own: (base: string) => string): string {
  const parent = awaitNode.parent;
  let base: string | undefined;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) base = plural(parent.id.name);
  else if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.Identifier) base = plural(parent.left.name);
  if (!base) {
    const operand = unwrapExpression(awaitNode.argument);
    const callee = operand.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(operand.callee) : undefined;
    const name = callee?.type === AST_NODE_TYPES.Identifier ? callee.name : callee?.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    base = `${name ?? 'awaited'}Results`;
  }
  if (prefix) base = `${prefix}${base[0]!.toUpperCase()}${base.slice(1)}`;
  else if (taken.has(base)) base = `${base.replace(/s$/, '')}Results`;
  const name = unusedName(taken, own(base), '');
  taken.add(name);
  return name;
}

function plural(name: string): string {
  if (/[^s]s$/.test(name)) return name;
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(?:s|x|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
}

/** How many loops with an `await` come before this one in its function (not around it). */
function earlierAwaitingLoops(loop: LoopStatement): number {
  const owner = enclosingFunction(loop);
  let root: TSESTree.Node = owner ? owner.body : loop;
  if (!owner) while (root.parent) root = root.parent;
  let count = 0;
  visitWithinFunction(root, (node) => {
    if (!isLoopStatement(node) || node.range[1] > loop.range[0]) return;
    let awaits = false;
    visitWithinFunction(node.body, (inner) => {
      if (inner.type === AST_NODE_TYPES.AwaitExpression) awaits = true;
    });
    if (awaits) count++;
  });
  return count;
}

/** The loop with its label, if labelled (the statement to put code before). */
function loopStatementWithLabel(loop: LoopStatement): TSESTree.Node {
  let statement: TSESTree.Node = loop;
  while (statement.parent?.type === AST_NODE_TYPES.LabeledStatement) statement = statement.parent;
  return statement;
}

/** The statement around an expression, within its function: where code can go before it. */
function enclosingStatement(node: TSESTree.Node): TSESTree.Node | undefined {
  const fn = enclosingFunction(node);
  let child: TSESTree.Node = node;
  for (let current = node.parent; current && current !== fn; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.BlockStatement || current.type === AST_NODE_TYPES.Program || current.type === AST_NODE_TYPES.SwitchCase) return child;
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
  }
  return undefined;
}

/**
 * Puts the precomputed result where the await was: non-null in TypeScript (the element is
 * there; `noUncheckedIndexedAccess` cannot know), without the parentheses `(await x).y` needed.
 */
function replaceAwait(context: RuleContext, awaitNode: TSESTree.AwaitExpression, element: string): TextEdit {
  const text = context.text;
  const value = isTypeScript(context) ? `${element}!` : element;
  let [start, end] = awaitNode.range;
  const parent = awaitNode.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === awaitNode) {
    const before = text.slice(parent.range[0], start);
    const after = text.slice(end, parent.property.range[0]);
    if (/^\(\s*$/.test(before) && /^\s*\)/.test(after)) {
      start = parent.range[0];
      end += after.indexOf(')') + 1;
    }
  }
  return { start, end, text: value };
}

/** The whitespace before `offset` on its line. */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  return /^\s*$/.test(prefix) ? prefix : '';
}

/** Deletes a statement, with its line when it stands alone on it. */
function removeStatement(text: string, statement: TSESTree.Node): TextEdit {
  let [start, end] = statement.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  if (/^\s*$/.test(text.slice(lineStart, start)) && /^\s*$/.test(text.slice(end, lineEnd === -1 ? text.length : lineEnd))) {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  return { start, end, text: '' };
}
