import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { Fix, RuleContext, TextEdit } from '../types';
import { normalizeModule, propertyName, requiredModule, resolveVariable, unwrapExpression } from './resolve';
import { enclosingFunction, isFunction, type LoopStatement } from './scopes';
import { containsAwait, exitsLoop, loopWrites, referencesWithin, visitWithinFunction } from './sequential';

const FIX_TITLE = 'Run the awaited calls concurrently (bounded, in order)';

/** The name of the local helper the fixes insert when the project has neither p-map nor p-limit. */
export const HELPER_NAME = 'mapWithConcurrency';

type Limiter =
  | { kind: 'p-map'; name: string; edits: TextEdit[] }
  | { kind: 'p-limit'; name: string; edits: TextEdit[] }
  | { kind: 'helper'; name: string; edits: TextEdit[] };

/** An item-to-promise function as source text: whole, and as parameters plus a no-argument thunk for p-limit. */
interface Mapper {
  text: string;
  params: string;
  thunk: string;
}

/**
 * The bounded-concurrency fix for an await in a loop: the awaited call moves before the
 * loop into a concurrent map that keeps input order, and the loop body then runs in order
 * with the precomputed result. Undefined unless every condition for keeping the program's
 * output holds (see the rule's documentation).
 */
export function awaitInLoopFix(context: RuleContext, loop: LoopStatement, awaitNode: TSESTree.AwaitExpression): Fix | undefined {
  const shape = loopShape(context, loop);
  if (!shape || !awaitRunsOncePerIteration(loop, awaitNode)) return undefined;
  if (!onlyAwaitInLoop(loop, awaitNode) || !readsOnlyStableValues(context, loop, awaitNode.argument, shape.bindings)) return undefined;

  const text = context.text;
  const taken = takenNames(context, loop);
  const operand = text.slice(awaitNode.argument.range[0], awaitNode.argument.range[1]);
  const params = shape.kind === 'for-of' ? `(${shape.pattern})` : `(${unusedName(taken, '_', operand)}, ${shape.counter})`;
  const mapper: Mapper = { text: `${params} => ${operand}`, params, thunk: `() => ${operand}` };
  const limiter = chooseLimiter(context, taken);
  if (!limiter) return undefined;

  const statement = loopStatementWithLabel(loop);
  const indent = indentationAt(text, statement.range[0]);
  const resultUnused = awaitNode.parent.type === AST_NODE_TYPES.ExpressionStatement;
  const edits: TextEdit[] = [...limiter.edits];
  const limitedCall = limitedMapText(limiter, shape.items, mapper, context.options.concurrencyLimit, indent, taken);

  if (resultUnused && bodyStatements(loop).length === 1) {
    // The loop did nothing but the call: the bounded map replaces it.
    edits.push({ start: statement.range[0], end: statement.range[1], text: `${limitedCall.before}await ${limitedCall.all};` });
    return { title: FIX_TITLE, safe: true, edits };
  }
  const index = shape.kind === 'index' ? shape.counter : unusedName(taken, 'index', operand);
  if (shape.kind === 'for-of' && loop.type === AST_NODE_TYPES.ForOfStatement) {
    edits.push({ start: loop.left.range[0], end: loop.right.range[1], text: `${shape.declarationKind} [${index}, ${shape.pattern}] of ${shape.items}.entries()` });
  }
  const typed = isTypeScript(context);
  if (limitedCall.promises !== undefined) {
    // One promise per item, started ahead with the bound; the loop still awaits each in order.
    const pendingName = resultsNameFor(awaitNode, taken, 'pending');
    edits.push({ start: statement.range[0], end: statement.range[0], text: `${limitedCall.before}const ${pendingName} = ${limitedCall.promises};\n${indent}` });
    edits.push({ start: awaitNode.argument.range[0], end: awaitNode.argument.range[1], text: `${pendingName}[${index}]${typed ? '!' : ''}` });
  } else {
    const resultsName = resultsNameFor(awaitNode, taken, '');
    edits.push({ start: statement.range[0], end: statement.range[0], text: `${limitedCall.before}${resultUnused ? '' : `const ${resultsName} = `}await ${limitedCall.all};\n${indent}` });
    edits.push(resultUnused ? removeStatement(text, awaitNode.parent) : replaceAwait(context, awaitNode, `${resultsName}[${index}]`));
  }
  return { title: FIX_TITLE, safe: true, edits };
}

/**
 * The fix for `Promise.all(items.map(fn))`: the same bounded map over the same items.
 * Only for `Promise.all` with a mapper of at most two parameters (the helper passes item and index).
 */
export function promiseAllFix(context: RuleContext, call: TSESTree.CallExpression): Fix | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'all' || call.arguments.length !== 1) return undefined;
  const argument = unwrapExpression(call.arguments[0]!);
  if (argument.type !== AST_NODE_TYPES.CallExpression || argument.arguments.length !== 1) return undefined;
  const mapCallee = unwrapExpression(argument.callee);
  if (mapCallee.type !== AST_NODE_TYPES.MemberExpression || propertyName(mapCallee) !== 'map' || mapCallee.optional) return undefined;
  const fn = argument.arguments[0]!;
  if (!takesAtMostItemAndIndex(context, fn)) return undefined;
  const text = context.text;
  const taken = takenNames(context, enclosingStatement(call) ?? call);
  const limiter = chooseLimiter(context, taken);
  if (!limiter) return undefined;
  const items = text.slice(mapCallee.object.range[0], mapCallee.object.range[1]);
  const fnText = text.slice(fn.range[0], fn.range[1]);
  const statement = enclosingStatement(call);
  if (limiter.kind === 'p-limit' && !statement) return undefined;
  const indent = statement ? indentationAt(text, statement.range[0]) : '';
  const limited = limitedMapText(limiter, items, mapperOf(fn, fnText, text), context.options.concurrencyLimit, indent, taken);
  const edits: TextEdit[] = [...limiter.edits, { start: call.range[0], end: call.range[1], text: limited.all }];
  if (limited.before && statement) edits.push({ start: statement.range[0], end: statement.range[0], text: limited.before });
  return { title: 'Bound the concurrency of the mapped calls', safe: true, edits };
}

// ---------------------------------------------------------------------------------------------
// Which loops the fix can rewrite.

type LoopShape =
  | { kind: 'for-of'; items: string; pattern: string; declarationKind: string; bindings: Set<Variable> }
  | { kind: 'index'; items: string; counter: string; bindings: Set<Variable> };

/** `for (const x of xs)` over an array, or `for (let i = 0; i < xs.length; i++)`; the items are read twice, so they must be a stable array. */
function loopShape(context: RuleContext, loop: LoopStatement): LoopShape | undefined {
  const text = context.text;
  if (loop.type === AST_NODE_TYPES.ForOfStatement) {
    if (loop.await || loop.left.type !== AST_NODE_TYPES.VariableDeclaration || loop.left.kind === 'var' || loop.left.declarations.length !== 1) return undefined;
    if (!isStableArray(context, loop, loop.right)) return undefined;
    const bindings = new Set(context.scopeManager.getDeclaredVariables(loop.left));
    if (reassignedInLoop(bindings, loop)) return undefined;
    const declarator = loop.left.declarations[0]!;
    return { kind: 'for-of', items: text.slice(loop.right.range[0], loop.right.range[1]), pattern: text.slice(declarator.id.range[0], declarator.id.range[1]), declarationKind: loop.left.kind, bindings };
  }
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
  if (!isStableArray(context, loop, length.object)) return undefined;
  const bindings = new Set(context.scopeManager.getDeclaredVariables(init));
  if (reassignedInLoop(bindings, loop, update)) return undefined;
  return { kind: 'index', items: text.slice(length.object.range[0], length.object.range[1]), counter, bindings };
}

function isZero(node: TSESTree.Node | null): boolean {
  return node?.type === AST_NODE_TYPES.Literal && node.value === 0;
}

function isName(node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name;
}

function isIncrementOf(node: TSESTree.Node, name: string): boolean {
  if (node.type === AST_NODE_TYPES.UpdateExpression) return node.operator === '++' && isName(node.argument, name);
  return node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '+=' && isName(node.left, name) && node.right.type === AST_NODE_TYPES.Literal && node.right.value === 1;
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

/**
 * An expression that is an array the loop does not change, and that reads the same when
 * evaluated twice: a name or a member chain (no calls) whose declaration says array.
 */
function isStableArray(context: RuleContext, loop: LoopStatement, node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  let root: TSESTree.Node = inner;
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    if (root.computed || root.optional) return false;
    root = unwrapExpression(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier && root.type !== AST_NODE_TYPES.ThisExpression) return false;
  if (writesInLoop(context, loop, inner)) return false;
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, inner);
  return variable !== undefined && declaredAsArray(variable);
}

function writesInLoop(context: RuleContext, loop: LoopStatement, node: TSESTree.Node): boolean {
  const { writes } = loopWrites(context, loop);
  let root: TSESTree.Node = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
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

const ARRAY_METHODS: ReadonlySet<string> = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed', 'split', 'keys', 'values', 'entries', 'from', 'of']);

/** `[...]`, `xs.map(...)`, `Object.keys(...)`, `Array.from(...)`, `str.split(...)`, `await Promise.all(...)`. */
function producesArray(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return true;
  if (inner.type === AST_NODE_TYPES.AwaitExpression) {
    const awaited = unwrapExpression(inner.argument);
    return awaited.type === AST_NODE_TYPES.CallExpression && awaited.callee.type === AST_NODE_TYPES.MemberExpression &&
      awaited.callee.object.type === AST_NODE_TYPES.Identifier && awaited.callee.object.name === 'Promise' && propertyName(awaited.callee) === 'all';
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

/**
 * The await runs exactly once in every iteration, before anything could skip it: it sits in
 * a top-level statement of the body on a path that always evaluates it, and no jump, throw
 * or exit comes before it.
 */
function awaitRunsOncePerIteration(loop: LoopStatement, awaitNode: TSESTree.AwaitExpression): boolean {
  const statements: TSESTree.Node[] = bodyStatements(loop);
  let child: TSESTree.Node = awaitNode;
  let current: TSESTree.Node | undefined = awaitNode.parent;
  for (; current; child = current, current = current.parent) {
    if (!evaluatesChildAlways(current, child)) return false;
    if (statements.includes(current)) break;
  }
  if (!current) return false;
  let blocked = false;
  visitWithinFunction(loop.body, (node) => {
    if (exitsLoop(node, loop)) blocked = true;
    if (node.range[1] <= awaitNode.range[0] && (node.type === AST_NODE_TYPES.ContinueStatement || node.type === AST_NODE_TYPES.ThrowStatement)) blocked = true;
    if (node.type === AST_NODE_TYPES.YieldExpression) blocked = true;
  });
  return !blocked;
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

/** No other await in the loop (nested loops included): moving this one must not reorder it against another. */
function onlyAwaitInLoop(loop: LoopStatement, awaitNode: TSESTree.AwaitExpression): boolean {
  let count = 0;
  visitWithinFunction(loop, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) count++;
  });
  return count === 1 && !containsAwait(awaitNode.argument);
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
  let unstable = false;
  visitWithinFunction(operand, (node) => {
    if (node.type === AST_NODE_TYPES.YieldExpression || node.type === AST_NODE_TYPES.UpdateExpression || node.type === AST_NODE_TYPES.AssignmentExpression) unstable = true;
    if (node.type === AST_NODE_TYPES.ThisExpression && [...writes.keys()].some((slot) => typeof slot === 'string' && slot.startsWith('this'))) unstable = true;
  });
  return !unstable;
}

// ---------------------------------------------------------------------------------------------
// The limiter: p-map, p-limit, or the local helper.

/** p-map or p-limit when the project depends on them (reusing an existing import), else the local helper. */
function chooseLimiter(context: RuleContext, taken: Set<string>): Limiter | undefined {
  const dependencies = context.options.project.dependencies;
  for (const kind of ['p-map', 'p-limit'] as const) {
    if (!dependencies.has(kind)) continue;
    const existing = importedDefault(context, kind);
    if (existing) return { kind, name: existing, edits: [] };
    const name = kind === 'p-map' ? 'pMap' : 'pLimit';
    if (taken.has(name)) return undefined;
    return { kind, name, edits: [importEdit(context, name, kind)] };
  }
  const existing = existingHelper(context);
  if (existing === 'other') return undefined;
  if (existing) return { kind: 'helper', name: HELPER_NAME, edits: [] };
  return { kind: 'helper', name: HELPER_NAME, edits: [helperEdit(context)] };
}

/**
 * The bounded map as text: `all` resolves to the results in input order; `promises` (the
 * local helper only) is one promise per item, for loops that await them in order.
 * `before` is a statement it needs first (a p-limit limiter).
 */
function limitedMapText(
  limiter: Limiter,
  items: string,
  mapper: Mapper,
  limit: number,
  indent: string,
  taken: Set<string>,
): { before: string; all: string; promises?: string } {
  const fn = mapper.text;
  switch (limiter.kind) {
    case 'helper': {
      const promises = `${limiter.name}(${items}, ${limit}, ${fn})`;
      return { before: '', all: `Promise.all(${promises})`, promises };
    }
    case 'p-map':
      return { before: '', all: `${limiter.name}(${items}, ${fn}, { concurrency: ${limit} })` };
    case 'p-limit': {
      const limitName = unusedName(taken, 'limit', '');
      taken.add(limitName);
      return {
        before: `const ${limitName} = ${limiter.name}(${limit});\n${indent}`,
        all: `Promise.all(${items}.map(${mapper.params} => ${limitName}(${mapper.thunk})))`,
      };
    }
  }
}

/** A mapper as text; p-limit wraps an arrow's body in a thunk, anything else is called with item and index. */
function mapperOf(fn: TSESTree.Node, fnText: string, text: string): Mapper {
  if (fn.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.params.length > 0) {
    const params = `(${text.slice(fn.params[0]!.range[0], fn.params[fn.params.length - 1]!.range[1])})`;
    const body = text.slice(fn.body.range[0], fn.body.range[1]);
    return { text: fnText, params, thunk: `${fn.async ? 'async ' : ''}() => ${body}` };
  }
  return { text: fnText, params: '(item, index)', thunk: `() => (${fnText})(item, index)` };
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
    return (declarator.parent as TSESTree.VariableDeclaration).kind === 'const' && declarator.init !== null && isFunction(unwrapExpression(declarator.init)) && takesAtMostItemAndIndex(context, declarator.init);
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

/** The local name of `import x from 'module'` or `const x = require('module')`, if the file has one. */
function importedDefault(context: RuleContext, module: string): string | undefined {
  for (const statement of context.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && normalizeModule(statement.source.value) === module) {
      const specifier = statement.specifiers.find((item) => item.type === AST_NODE_TYPES.ImportDefaultSpecifier);
      if (specifier) return specifier.local.name;
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && requiredModule(context, declarator.init) === module) return declarator.id.name;
      }
    }
  }
  return undefined;
}

/** Whether the file uses `require` rather than `import` (CommonJS). */
function usesRequire(context: RuleContext): boolean {
  if (/\.c[jt]s$/i.test(context.fileName)) return true;
  if (/\.m[jt]s$/i.test(context.fileName)) return false;
  const body = context.ast.body;
  if (body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type.startsWith('Export'))) return false;
  return /\.[jt]sx?$/i.test(context.fileName) && /\brequire\s*\(/.test(context.text) && !/\.tsx?$/i.test(context.fileName);
}

function importEdit(context: RuleContext, name: string, module: string): TextEdit {
  const line = usesRequire(context) ? `const ${name} = require('${module}');` : `import ${name} from '${module}';`;
  const at = insertionPoint(context);
  return { start: at.offset, end: at.offset, text: at.afterStatement ? `\n${line}` : `${line}\n\n` };
}

function isTypeScript(context: RuleContext): boolean {
  return /\.(?:ts|tsx|mts|cts)$/i.test(context.fileName);
}

function helperEdit(context: RuleContext): TextEdit {
  const typed = isTypeScript(context);
  const at = insertionPoint(context);
  const helper = helperText(typed);
  return { start: at.offset, end: at.offset, text: at.afterStatement ? `\n\n${helper}` : `${helper}\n\n` };
}

/** The helper's source, with TypeScript annotations or without. */
function helperText(typed: boolean): string {
  const type = (annotation: string): string => (typed ? annotation : '');
  return `/**
 * Starts \`mapper\` on each item in input order, at most \`limit\` at a time, and returns one promise
 * per item. After a failure no new call starts and the promises not yet started reject with it.
 */
function ${HELPER_NAME}${type('<T, R>')}(items${type(': Iterable<T>')}, limit${type(': number')}, mapper${type(': (item: T, index: number) => R | PromiseLike<R>')})${type(': Promise<R>[]')} {
  const waiting${type(': Array<() => void>')} = [];
  let running = 0;
  let failure${type(': { error: unknown } | undefined')};
  const startNext = ()${type(': void')} => {
    while (running < limit && waiting.length > 0) waiting.shift()${type('!')}();
  };
  const promises = Array.from(items, (item, index) =>
    new Promise${type('<R>')}((resolve, reject) => {
      waiting.push(() => {
        if (failure) {
          reject(failure.error);
          return;
        }
        running++;
        Promise.resolve()
          .then(() => mapper(item, index))
          .then(resolve, (error${type(': unknown')}) => {
            failure ??= { error };
            reject(error);
          })
          .finally(() => {
            running--;
            startNext();
          });
      });
    }),
  );
  // A rejection is handled where its promise is awaited; this keeps the ones never awaited from crashing the process.
  for (const promise of promises) promise.catch(() => {});
  startNext();
  return promises;
}`;
}

/** 'ours' when the file already declares the helper at top level, 'other' when the name is used otherwise. */
function existingHelper(context: RuleContext): 'ours' | 'other' | undefined {
  for (const statement of context.ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === HELPER_NAME) {
      return declaration.params.length === 3 && !declaration.async ? 'ours' : 'other';
    }
  }
  return fileWords(context).has(HELPER_NAME) ? 'other' : undefined;
}

/** Where imports and the helper go: after the last leading import or require, else before the first statement. */
function insertionPoint(context: RuleContext): { offset: number; afterStatement: boolean } {
  let last: TSESTree.Node | undefined;
  for (const statement of context.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || isDirective(statement) || isRequireDeclaration(context, statement)) last = statement;
    else break;
  }
  if (last) return { offset: last.range[1], afterStatement: true };
  const first = context.ast.body[0];
  if (!first) return { offset: context.text.length, afterStatement: true };
  const leading = (context.ast.comments ?? []).filter((comment) => comment.range[1] <= first.range[0]);
  // Keep a comment attached to the first statement (its doc comment) with it.
  let start = first.range[0];
  for (let index = leading.length - 1; index >= 0; index--) {
    const comment = leading[index]!;
    if (/\n\s*\n/.test(context.text.slice(comment.range[1], start))) break;
    start = comment.range[0];
  }
  return { offset: start, afterStatement: false };
}

function isDirective(statement: TSESTree.Node): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string';
}

function isRequireDeclaration(context: RuleContext, statement: TSESTree.Node): boolean {
  return statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.every((declarator) => declarator.init !== null && requiredModuleDeep(context, declarator.init));
}

/** `require('x')`, `require('x').y`. */
function requiredModuleDeep(context: RuleContext, node: TSESTree.Node): boolean {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return requiredModule(context, current) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Text helpers.

/** Every identifier-like word of the file. */
function fileWords(context: RuleContext): Set<string> {
  return context.shared.memo('concurrencyFix.words', () => new Set(context.text.match(/[A-Za-z_$][\w$]*/g) ?? []));
}

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
function resultsNameFor(awaitNode: TSESTree.AwaitExpression, taken: Set<string>, prefix: string): string {
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
  const name = unusedName(taken, base, '');
  taken.add(name);
  return name;
}

function plural(name: string): string {
  if (/[^aeiou]y$/.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(?:s|x|ch|sh)$/.test(name)) return `${name}es`;
  return `${name}s`;
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
