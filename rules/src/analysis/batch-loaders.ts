/** DataLoader: the keys `loader.load(key)` is handed in one tick are sent together, as one batch, to the loader's batch function. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';

/** The module whose loaders batch their keys. */
const DATALOADER_MODULE = 'dataloader';

/** DataLoader's methods that queue keys for the next batch. */
const BATCHED_LOADS: ReadonlySet<string> = new Set(['load', 'loadMany']);

/** Where GraphQL servers keep the request's loaders (`context.loaders.user`, `req.dataloaders`, a `{ loaders }` parameter). */
const LOADERS_HOLDER = /^(?:data)?[lL]oaders$/;

/** How many steps back (`const loader = req.loaders.x.buildLoader()`) a receiver is followed. */
const MAX_STEPS = 8;

/**
 * `loaders.user.load(id)`, `userLoader.loadMany(ids)` of `new DataLoader(batch)`: a key queued on a DataLoader, which the
 * loader sends with every other key queued in the same tick. A loader is known by its making (`new DataLoader`), or, where
 * the project depends on `dataloader`, by the holder GraphQL contexts keep the request's loaders in.
 */
export function loadsThroughBatchLoader(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !BATCHED_LOADS.has(propertyName(callee) ?? '')) return false;
  if (call.arguments.length !== 1 || call.arguments[0]!.type === AST_NODE_TYPES.SpreadElement) return false;
  const held = context.options.project.dependencies.has(DATALOADER_MODULE);
  let node: TSESTree.Node = unwrapExpression(callee.object);
  for (let step = 0; step < MAX_STEPS; step++) {
    if (node.type === AST_NODE_TYPES.NewExpression) return resolveModuleMember(context, node.callee)?.module === DATALOADER_MODULE;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      if (held && LOADERS_HOLDER.test(propertyName(node) ?? '')) return true;
      node = unwrapExpression(node.object);
    } else if (node.type === AST_NODE_TYPES.CallExpression) {
      node = unwrapExpression(node.callee);
    } else if (node.type === AST_NODE_TYPES.Identifier) {
      if (held && LOADERS_HOLDER.test(node.name)) return true;
      const definition = resolveVariable(context, node)?.defs[0];
      if (definition?.type !== 'Variable' || definition.parent?.kind !== 'const') return false;
      const declarator = definition.node as TSESTree.VariableDeclarator;
      if (!declarator.init || declarator.id !== definition.name) return false;
      node = unwrapExpression(declarator.init);
    } else {
      return false;
    }
  }
  return false;
}
