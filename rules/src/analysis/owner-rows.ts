/**
 * Reads filtered on one owner (`where: { userId }`), and the functions that hand back their rows one for one: what a
 * caller gets from them is as long as that owner's list, however the function is named.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { keyName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { enclosingFunction, enclosingLoop, type FunctionNode } from './scopes';
import { visitWithinFunction } from './visit';

/** `userId`, `emailAccountId`, `organization_id`: the key of one user, account, customer, organization, workspace or team. */
export const OWNER_KEY =
  /^(?:user|account|customer|organization|org|workspace|team|tenant|owner)(?:Id|_id)$|[a-z](?:User|Account|Customer|Organization|Org|Workspace|Team|Tenant|Owner)(?:Id|_id)$/;

/** Array steps that keep some or all of the items of the list they start from, one result each at most. */
export const ITEM_KEEPING_STEPS = /^(?:filter|slice|map|sort|toSorted|reverse|toReversed)$/;

/** `{ userId }`, `{ customer: id }`: a filter on one owner's key, not on a list of them (`{ userId: { in: ids } }`). */
export function namesOneOwner(filter: TSESTree.ObjectExpression, key: RegExp): boolean {
  return filter.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property || !key.test(keyName(property) ?? '')) return false;
    const value = unwrapExpression(property.value);
    return value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression || value.type === AST_NODE_TYPES.Literal;
  });
}

/** The filter of a query's options: Prisma, TypeORM and Sequelize filter under `where`; Mongoose's filter is the argument itself. */
export function queryFilter(options: TSESTree.ObjectExpression): TSESTree.Node {
  const where = options.properties.find((property) => property.type === AST_NODE_TYPES.Property && keyName(property) === 'where');
  return where?.type === AST_NODE_TYPES.Property ? unwrapExpression(where.value) : options;
}

/** `find*({ where: { emailAccountId } })`: a call whose filter names one owner's key. */
function filtersOnOneOwner(call: TSESTree.CallExpression): boolean {
  const options = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const filter = queryFilter(options);
  return filter.type === AST_NODE_TYPES.ObjectExpression && namesOneOwner(filter, OWNER_KEY);
}

/**
 * `const connections = await prisma.calendarConnection.findMany({ where: { emailAccountId } })` in a function that returns
 * `connections`, a `.filter`/`.map` of it, or an array it pushes to once per row (`for (const c of connections) out.push(...)`),
 * and otherwise only `[]`: the start of that call, whose rows the function hands back one for one.
 */
export function ownerRowsReturned(context: RuleContext, fn: FunctionNode): number | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const rowsOf = new Map<TSESTree.Node, TSESTree.CallExpression>();
  const returned: TSESTree.Node[] = [];
  visitWithinFunction(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) returned.push(node.argument ?? node);
    if (node.type !== AST_NODE_TYPES.VariableDeclarator || node.id.type !== AST_NODE_TYPES.Identifier || !node.init) return;
    const awaited = unwrapExpression(node.init);
    const call = awaited.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(awaited.argument) : undefined;
    if (call?.type === AST_NODE_TYPES.CallExpression && filtersOnOneOwner(call)) rowsOf.set(node.id, call);
  });
  let found: TSESTree.CallExpression | undefined;
  for (const value of returned) {
    const inner = unwrapExpression(value);
    if (inner.type === AST_NODE_TYPES.ArrayExpression && inner.elements.length === 0) continue;
    const call = rowsCallOf(context, inner, rowsOf);
    if (!call || (found && found !== call)) return undefined;
    found = call;
  }
  return found?.range[0];
}

/** The owner's read whose rows a returned value holds one for one, through item-keeping steps and an array filled per row. */
function rowsCallOf(context: RuleContext, value: TSESTree.Node, rowsOf: Map<TSESTree.Node, TSESTree.CallExpression>): TSESTree.CallExpression | undefined {
  const inner = unwrapExpression(value);
  if (
    inner.type === AST_NODE_TYPES.CallExpression &&
    inner.callee.type === AST_NODE_TYPES.MemberExpression &&
    ITEM_KEEPING_STEPS.test(propertyName(inner.callee) ?? '')
  )
    return rowsCallOf(context, inner.callee.object, rowsOf);
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, inner)?.defs[0];
  if (definition?.type !== 'Variable') return undefined;
  const rows = rowsOf.get(definition.name);
  if (rows) return rows;
  const init = definition.node.init && unwrapExpression(definition.node.init);
  if (definition.parent.kind !== 'const' || init?.type !== AST_NODE_TYPES.ArrayExpression || init.elements.length > 0) return undefined;
  return filledPerRow(context, definition.name, rowsOf);
}

/**
 * `const providers = []; for (const connection of connections) providers.push(make(connection))`: an array pushed to only
 * in a loop over an owner's rows, and handed to no call that could fill it.
 */
function filledPerRow(
  context: RuleContext,
  array: TSESTree.Identifier,
  rowsOf: Map<TSESTree.Node, TSESTree.CallExpression>,
): TSESTree.CallExpression | undefined {
  let source: TSESTree.CallExpression | undefined;
  for (const reference of resolveVariable(context, array)?.references ?? []) {
    const use = reference.identifier.parent;
    if (reference.init || use?.type === AST_NODE_TYPES.ReturnStatement) continue;
    if (use?.type === AST_NODE_TYPES.MemberExpression && use.object === reference.identifier && propertyName(use) === 'length') continue;
    const push = use?.type === AST_NODE_TYPES.MemberExpression && propertyName(use) === 'push' ? use.parent : undefined;
    if (push?.type !== AST_NODE_TYPES.CallExpression || push.arguments.length !== 1) return undefined;
    const loop = enclosingLoop(push);
    const over = loop?.type === AST_NODE_TYPES.ForOfStatement ? unwrapExpression(loop.right) : undefined;
    const definition = over?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, over)?.defs[0] : undefined;
    const rows = definition && rowsOf.get(definition.name);
    if (!rows || enclosingFunction(push) !== enclosingFunction(array) || (source && source !== rows)) return undefined;
    source = rows;
  }
  return source;
}
