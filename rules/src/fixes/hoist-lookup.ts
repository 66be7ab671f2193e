import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Fix, RuleContext, TextEdit } from '../types';
import { freshName } from './imports';
import type { QueryMatch } from '../analysis/queries';
import { propertyName } from '../analysis/resolve';
import type { Iteration } from '../analysis/scopes';
import { fileStyle, isTypeScript } from './style';
import { conditionsOf } from './lookup/conditions';
import { isFixedForLoop, Translator } from './lookup/item-expressions';
import { loopShape, queryExpression, siteOf, type Shape } from './lookup/loop-shape';
import { isNameChain, text } from './lookup/names';
import { lookupOf, modelAccessor, type Lookup } from './lookup/orm-lookups';
import { mutatesResult, writesLookedUpModel } from './lookup/row-safety';

/** Where a plain `a ?? b` can replace an expression without parentheses. */
function needsParentheses(expression: TSESTree.Node): boolean {
  const parent = expression.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.ArrayExpression:
      return false;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === expression;
    case AST_NODE_TYPES.Property:
      return parent.value !== expression;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return !parent.arguments.includes(expression as TSESTree.CallExpressionArgument);
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body !== expression;
    default:
      return true;
  }
}

/** The indentation of the line that holds `offset`. */
function indentationAt(context: RuleContext, offset: number): string {
  const lineStart = context.text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(context.text.slice(lineStart, offset))![0];
}

/**
 * For a loop that looks up one row by key per item, a fix that runs one batched query before
 * the loop and reads each row from a Map: same rows, same order, `null` where no row exists.
 * The rest of the loop stays as it was. The keys are those of the items whose iteration runs
 * the query (the conditions around it become a filter), or of every item when a condition
 * reads what the loop changes. Offered on request only: a failing batch fails before the
 * loop's first iteration, where the original failed in the middle.
 */
export function hoistedLookupFix(context: RuleContext, match: QueryMatch, iteration: Iteration): Fix | undefined {
  const call = match.call;
  if (call.type !== AST_NODE_TYPES.CallExpression || match.wrapper) return undefined;
  const lookup = lookupOf(context, call, match);
  if (!lookup) return undefined;
  const site = siteOf(queryExpression(lookup.outer ?? call));
  const shape = site && loopShape(context, iteration, site);
  if (!site || !shape || mutatesResult(context, site.holder) || writesLookedUpModel(context, match, shape.scope)) return undefined;
  const receiver = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee;
  // The receiver runs once before the loop instead of once per item: a value fixed before the loop, or a model accessor of such values.
  const accessor = modelAccessor(receiver);
  const parts = accessor ? [accessor.callee.object, ...accessor.arguments] : [receiver];
  if (lookup.outer === undefined && !parts.every((part) => (isNameChain(part) || part.type === AST_NODE_TYPES.Literal) && isFixedForLoop(context, part, shape)))
    return undefined;
  if (lookup.outer !== undefined && !call.arguments.every((argument) => isFixedForLoop(context, argument, shape))) return undefined;
  if (!lookup.filters.every((filter) => isFixedForLoop(context, filter, shape))) return undefined;
  const translator = new Translator(context, shape, site.runs.range[0]);
  const keyText = translator.translate(lookup.key);
  if (keyText === undefined || !translator.readsItem) return undefined;
  const conditions = conditionsOf(shape, site, translator);
  if (!conditions) return undefined;

  const style = fileStyle(context);
  const indent = indentationAt(context, shape.anchor.range[0]);
  const edits: TextEdit[] = [...lookup.edits];
  let itemsText = text(context, shape.items);
  let hoistedItems = '';
  if (shape.hoisted) {
    const name = freshName(context, `${lowerFirst(itemsStem(shape)).replace(/([^s])s$/, '$1')}List`);
    hoistedItems = `const ${name} = ${shape.proven ? itemsText : `[...${itemsText}]`}${style.semicolon}\n${indent}`;
    edits.push({ start: shape.items.range[0], end: shape.items.range[1], text: name });
    itemsText = name;
  }
  const itemIsKey = !shape.counter && keyText === shape.param && shape.binding?.type === AST_NODE_TYPES.Identifier;
  // Items nothing proves an array are copied as the loop read them: spread as a for-of iterates (an `any` stays `any`), by index for a counted loop.
  const source = shape.proven || shape.hoisted ? itemsText : shape.counter ? `Array.from(${itemsText})` : `[...${itemsText}]`;
  // The key is read where the conditions hold, so that TypeScript narrows it as the loop did (`item.userId !== null`).
  const keys =
    conditions.length > 0
      ? `${source}.flatMap((${shape.param}) => (${conditions.join(' && ')} ? [${keyText}] : []))`
      : itemIsKey
        ? source
        : `${source}.map((${shape.param}) => ${keyText})`;
  const stem = lowerFirst(lookup.stem.replace(/([^s])s$/, '$1'));
  // The same query twice in a function gets names of its own each time, even when both fixes are applied at once.
  const ordinal = sameQueriesBefore(context, call);
  const suffix = ordinal > 0 ? String(ordinal + 1) : '';
  const map = freshName(context, `${stem}By${upperFirst(lookup.keyName.replace(/^_/, ''))}${suffix}`);
  const rows = freshName(context, `${stem}Rows${suffix}`, new Set([map]));
  // Options written over several lines keep their shape, indented from the loop's line instead of the query's.
  const queryIndent = indentationAt(context, call.range[0]);
  const batched = lookup
    .batched(keys)
    .replace(/\n([ \t]*)/g, (_, space: string) => `\n${space.startsWith(queryIndent) ? indent + space.slice(queryIndent.length) : space}`);
  const hoisted = `${hoistedItems}const ${rows} = await ${batched}${style.semicolon}\n${indent}const ${map} = new Map(${rows}.map((row) => ${lookup.entry}))${style.semicolon}\n${indent}`;
  const lookupKey = text(context, lookup.key);
  const row = `${map}.get(${lookup.stringKeys ? `String(${lookupKey})` : lookupKey})`;
  const read = lookup.rejects
    ? `${row} ?? ${rejection(context, lookup.rejects, lookupKey, site.replaced)}`
    : `${row}${lookup.missing === 'null' ? ' ?? null' : ''}`;
  return {
    title: 'Load all rows in one query before the loop and read them from a Map (unsafe fix: one query replaces many and runs before the loop)',
    safe: false,
    edits: [
      ...edits,
      { start: shape.anchor.range[0], end: shape.anchor.range[0], text: hoisted },
      { start: site.replaced.range[0], end: site.replaced.range[1], text: needsParentheses(site.replaced) ? `(${read})` : read },
    ],
  };
}

/**
 * For a missing row, the rejection the look-up gave at that point of the iteration: awaited where
 * the look-up was, returned as a rejected promise where it was returned; `null` for a `null`
 * or `undefined` key where the finder answers so without a query (typed `never` in TypeScript,
 * as the finder's own type promises a row).
 */
function rejection(context: RuleContext, rejects: NonNullable<Lookup['rejects']>, key: string, replaced: TSESTree.Expression): string {
  // `<never>`: inferred from the row's type otherwise, which would add `undefined` to the result.
  const rejected = `${replaced.type === AST_NODE_TYPES.AwaitExpression ? 'await ' : ''}Promise.reject${isTypeScript(context) ? '<never>' : ''}(${rejects.error})`;
  return rejects.nullKeyGivesNull ? `(${key} == null ? null${isTypeScript(context) ? '!' : ''} : ${rejected})` : rejected;
}

/** How many calls of the same query (`prisma.user.findUnique`) come before this one in the file. */
function sameQueriesBefore(context: RuleContext, call: TSESTree.CallExpression): number {
  const callee = text(context, call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee : call);
  const source = context.text.slice(0, call.range[0]);
  let count = 0;
  for (let at = source.indexOf(callee); at !== -1; at = source.indexOf(callee, at + callee.length)) count++;
  return count;
}

/** A stem for names derived from the items: `users` → `users`, `data.envelopeItems` → `envelopeItems`, `Object.keys(x)` → `x`. */
function itemsStem(shape: Shape): string {
  let node: TSESTree.Node = shape.items;
  for (let depth = 0; depth < 4; depth++) {
    if (node.type === AST_NODE_TYPES.Identifier) return node.name;
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) return propertyName(node) ?? 'item';
    if (node.type === AST_NODE_TYPES.AwaitExpression) node = node.argument;
    else if (node.type === AST_NODE_TYPES.CallExpression)
      node = node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.object : (node.arguments[0] ?? node.callee);
    else if (node.type === AST_NODE_TYPES.NewExpression) node = node.arguments[0] ?? node.callee;
    else break;
  }
  return 'item';
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
