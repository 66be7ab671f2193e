/** The bound a function states on a list's length before it goes through the list: `if (ids.length > MAX_IDS) throw ...`. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { unwrapAwaited } from './fixed-lists';
import { isGlobalName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { enclosingFunction } from './scopes';
import { visitWithinFunction } from './visit';

/**
 * The most items `items` can hold at `at`, as an earlier check of the same function states it
 * (`if (files.length > MAX_FILES) throw ...`, `if (ids.length !== 1) return`): the number when the
 * code writes one, Infinity for a named bound, undefined when nothing caps the list. A check
 * that only logs or goes on caps nothing.
 */
export function statedLengthCap(context: RuleContext, items: TSESTree.Node, at: TSESTree.Node): number | undefined {
  const list = unwrapExpression(items);
  const owner = enclosingFunction(at);
  if (!owner || (list.type !== AST_NODE_TYPES.Identifier && list.type !== AST_NODE_TYPES.MemberExpression)) return undefined;
  const texts = listsDerivedFrom(context, list).map((source) => sourceOf(context, source));
  let cap: number | undefined;
  visitWithinFunction(owner.body, (node) => {
    if (node.type !== AST_NODE_TYPES.IfStatement || node.range[1] > at.range[0] || !alwaysLeaves(node.consequent)) return;
    for (const text of texts) cap = smaller(cap, lengthCapOf(context, node.test, text));
  });
  return cap;
}

/**
 * A list and the lists it was made from by steps that keep or shrink its size, through `const`s:
 * `parentIds` and `body.items` for `const parentIds = Array.from(new Set(body.items.map((item) => item.parentId)))`.
 */
export function listsDerivedFrom(context: RuleContext, list: TSESTree.Node): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  let current: TSESTree.Node | undefined = unwrapExpression(list);
  while (current && found.length < MAX_DERIVATION_STEPS) {
    found.push(current);
    current = sourceListOf(context, current);
  }
  return found.filter((node) => node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression);
}

/** The list one size-keeping step starts from: `xs` of `xs.filter(…)`, `Array.from(xs)`, `new Set(xs)`, `[...xs]`, or a `const`'s value. */
function sourceListOf(context: RuleContext, node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, node)?.defs[0];
    const declarator = definition?.type === 'Variable' && definition.node.id === definition.name ? definition.node : undefined;
    return declarator?.init && declarator.parent.kind === 'const' ? unwrapAwaited(declarator.init) : undefined;
  }
  if (node.type === AST_NODE_TYPES.ArrayExpression && node.elements.length === 1 && node.elements[0]?.type === AST_NODE_TYPES.SpreadElement)
    return unwrapExpression(node.elements[0].argument);
  if (node.type === AST_NODE_TYPES.NewExpression && isGlobalName(context, node.callee, 'Set') && node.arguments[0]) return unwrapExpression(node.arguments[0]);
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments[0]?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (isGlobalName(context, callee.object, 'Array') && propertyName(callee) === 'from' && node.arguments[0]) return unwrapExpression(node.arguments[0]);
  return SHRINKING_STEPS.test(propertyName(callee) ?? '') ? unwrapExpression(callee.object) : undefined;
}

const MAX_DERIVATION_STEPS = 8;
/** Array steps whose result never holds more items than the list they are called on. */
const SHRINKING_STEPS = /^(?:filter|map|slice|sort|toSorted|reverse|toReversed)$/;

/** A branch that throws or returns on every path through its end: `throw new Error(...)`, `{ log(); return; }`. */
export function alwaysLeaves(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement || statement.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return last !== undefined && alwaysLeaves(last);
}

/**
 * The cap a test puts on `list` when the code leaves where it holds: `xs.length > n` and `n < xs.length`
 * cap at n, `>=` and `<=` at n - 1, `xs.length !== n` at n; either side of `||` caps alone.
 */
function lengthCapOf(context: RuleContext, test: TSESTree.Node, list: string): number | undefined {
  const inner = unwrapExpression(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '||')
    return smaller(lengthCapOf(context, inner.left, list), lengthCapOf(context, inner.right, list));
  if (inner.type !== AST_NODE_TYPES.BinaryExpression || inner.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const isLengthOfList = (node: TSESTree.Node): boolean => {
    const side = unwrapExpression(node);
    return side.type === AST_NODE_TYPES.MemberExpression && propertyName(side) === 'length' && sourceOf(context, side.object) === list;
  };
  const [length, bound, operator] = isLengthOfList(inner.left)
    ? [inner.left, inner.right, inner.operator]
    : [inner.right, inner.left, MIRRORED[inner.operator] ?? inner.operator];
  if (!isLengthOfList(length)) return undefined;
  const side = unwrapExpression(bound);
  // `a.length > b.length`, `a.length !== new Set(ids).size` compare two lists; neither is capped by it.
  if (side.type === AST_NODE_TYPES.MemberExpression && /^(?:length|size)$/.test(propertyName(side) ?? '')) return undefined;
  const written = side.type === AST_NODE_TYPES.Literal && typeof side.value === 'number' ? side.value : undefined;
  if (operator === '!==' || operator === '!=') return written;
  const value = written ?? Number.POSITIVE_INFINITY;
  if (operator === '>') return value;
  if (operator === '>=') return value - 1;
  return undefined;
}

/** The operator that says the same with its sides swapped: `n < xs.length` is `xs.length > n`. */
const MIRRORED: Readonly<Record<string, string>> = { '<': '>', '<=': '>=' };

function smaller(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** A node's text without whitespace, to compare two expressions as written. */
export function sourceOf(context: RuleContext, node: TSESTree.Node): string {
  return context.text.slice(node.range[0], node.range[1]).replace(/\s+/g, '');
}

/** A size written in the code: a number, or a name of a constant (`BATCH_SIZE`, `this.batchSize`). */
export function sizeOf(node: TSESTree.Node): { most?: number } | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'number') return { most: inner.value };
  const name = inner.type === AST_NODE_TYPES.Identifier ? inner.name : inner.type === AST_NODE_TYPES.MemberExpression ? propertyName(inner) : undefined;
  return name !== undefined && SIZE_NAME.test(name) ? {} : undefined;
}

/** `BATCH_SIZE`, `chunkSize`, `MAX_IDS`, `pageSize`: a name that says it holds a size or a cap. */
const SIZE_NAME = /^[A-Z][A-Z0-9_]*$|size$|Size$|^max|^MAX|limit$|Limit$/;
