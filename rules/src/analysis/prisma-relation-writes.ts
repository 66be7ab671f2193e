import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { keyName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { isFunction } from './scopes';
import type { RuleContext } from '../types';

/** Prisma relation writes in a create's or update's data: `connect` / `disconnect` / `set` of related rows (`link`), or rows written through the relation (`nested`). */
export type RelationWrites = 'link' | 'nested';

/** Prisma's writes through a relation: each writes rows of another table, which a bulk create or update cannot do. */
const NESTED_WRITES = new Set(['create', 'createMany', 'connectOrCreate', 'upsert', 'update', 'updateMany', 'delete', 'deleteMany']);
/** Prisma's writes that link or unlink existing related rows. */
const LINK_WRITES = new Set(['connect', 'disconnect']);

/** A Prisma create or upsert whose rows are written with rows of their relations (`tags: { connectOrCreate: … }`), which no createMany carries. */
export function createsThroughRelations(context: RuleContext, call: TSESTree.CallExpression, operation: string): boolean {
  const options = objectOf(call.arguments[0]);
  const created = options && member(options, operation === 'upsert' ? 'create' : 'data');
  return /^(?:create|upsert)$/.test(operation) && relationWrites(context, created) === 'nested';
}

/** The relation writes in Prisma data: a field whose value holds `create`, `connect`, … (`tags: { connect: ids.map(...) }`). */
export function relationWrites(context: RuleContext, data: TSESTree.Node | undefined): RelationWrites | undefined {
  const object = objectOf(data);
  let found: RelationWrites | undefined;
  for (const property of object?.properties ?? []) {
    const inners = property.type === AST_NODE_TYPES.Property ? branchObjects(property.value) : [];
    for (const write of inners.flatMap((inner) => inner.properties)) {
      if (write.type !== AST_NODE_TYPES.Property) continue;
      const names = write.computed ? literalNames(write.key) : [keyName(write)];
      if (names.some((name) => name !== undefined && NESTED_WRITES.has(name))) return 'nested';
      // `set` also replaces a scalar list (`labels: { set: ['a'] }`); a list of `{ id }` objects is related rows.
      if (names.some((name) => name !== undefined && (LINK_WRITES.has(name) || (name === 'set' && listsObjects(context, write.value, 0))))) found = 'link';
    }
  }
  return found;
}

/** `tags: tagged ? { connectOrCreate } : undefined`, `tags: tagged && { connect }`: the objects a value can be. */
function branchObjects(value: TSESTree.Node, depth = 0): TSESTree.ObjectExpression[] {
  const node = unwrapExpression(value);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return [node];
  if (depth > 2) return [];
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return [...branchObjects(node.consequent, depth + 1), ...branchObjects(node.alternate, depth + 1)];
  if (node.type === AST_NODE_TYPES.LogicalExpression) return [...branchObjects(node.left, depth + 1), ...branchObjects(node.right, depth + 1)];
  return [];
}

/** `remove ? 'disconnect' : 'connect'`: the names a computed key can take. */
function literalNames(key: TSESTree.Node): Array<string | undefined> {
  const node = unwrapExpression(key);
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return [...literalNames(node.consequent), ...literalNames(node.alternate)];
  return [node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined];
}

/** Whether a list is one of objects (`[{ id }]`, `ids.map((id) => ({ id }))`, a `const` holding one): related rows, not scalar values. */
function listsObjects(context: RuleContext, value: TSESTree.Node, depth: number): boolean {
  const node = unwrapExpression(value);
  if (depth > 2) return false;
  switch (node.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.some(
        (element) =>
          element?.type === AST_NODE_TYPES.ObjectExpression ||
          (element?.type === AST_NODE_TYPES.SpreadElement && listsObjects(context, element.argument, depth + 1)),
      );
    case AST_NODE_TYPES.ConditionalExpression:
      return listsObjects(context, node.consequent, depth + 1) || listsObjects(context, node.alternate, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      const callback = node.arguments[0];
      const mapped = node.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(node.callee) === 'map';
      return mapped && !!callback && isFunction(callback) && callback.body.type !== AST_NODE_TYPES.BlockStatement && !!objectOf(callback.body);
    }
    case AST_NODE_TYPES.Identifier: {
      const definition = resolveVariable(context, node)?.defs[0];
      const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
      return (
        !!init &&
        definition?.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
        definition.parent.kind === 'const' &&
        listsObjects(context, init, depth + 1)
      );
    }
    default:
      return false;
  }
}

export function objectOf(node: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined {
  const inner = node && unwrapExpression(node);
  return inner?.type === AST_NODE_TYPES.ObjectExpression ? inner : undefined;
}

/** The value of a plain property of an object literal. */
export function member(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties)
    if (property.type === AST_NODE_TYPES.Property && !property.computed && keyName(property) === name) return property.value;
  return undefined;
}
