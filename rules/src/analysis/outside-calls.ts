/** Calls that leave the project and its database: a package's client other than a database's, or the global `fetch`. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { isDatabaseModule, projectModels } from './orm';
import { isLocalModule } from './module-names';
import { GLOBAL_FETCH, instanceClass, isOutsideProject } from '../project-model/summaries';
import { isGlobalReference, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';

/** Whether a callee is a function of a package other than a database client, or the global `fetch`. */
export function leavesTheProject(context: RuleContext, callee: TSESTree.Node): boolean {
  const module = foreignModuleOf(context, callee);
  return module !== undefined && isOutsideProject(projectModels(context), module);
}

/**
 * The module a callee calls into when it is neither a database client nor a timer (`GLOBAL_FETCH`
 * for the global `fetch`): a package, or a file of the project known by an alias, which only the
 * project can tell apart.
 */
export function foreignModuleOf(context: RuleContext, callee: TSESTree.Node): string | undefined {
  const node = unwrapExpression(callee);
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'fetch' && isGlobalReference(context, node)) return GLOBAL_FETCH;
  const module = moduleOf(context, node);
  return module !== undefined && !module.startsWith('timers') && !isDatabaseModule(module) && !isLocalModule(module) ? module : undefined;
}

const MAX_RECEIVERS = 4;

/** The module a callee comes from: imported itself, or a method of an object imported, created from a package (`new S3Client()`), or typed with a package's class. */
function moduleOf(context: RuleContext, callee: TSESTree.Node): string | undefined {
  let node = callee;
  for (let step = 0; step < MAX_RECEIVERS; step++) {
    const imported = resolveModuleMember(context, node)?.module ?? instanceClass(context, node)?.module ?? createdBy(context, node);
    if (imported !== undefined) return imported;
    if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    node = unwrapExpression(node.object);
  }
  return undefined;
}

/** `const s3 = new S3Client()`, `const transport = nodemailer.createTransport()`: the module whose constructor or factory made a constant. */
function createdBy(context: RuleContext, node: TSESTree.Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, node)?.defs[0];
  const init = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator).init : undefined;
  const made = init && unwrapExpression(init);
  return made?.type === AST_NODE_TYPES.NewExpression || made?.type === AST_NODE_TYPES.CallExpression
    ? resolveModuleMember(context, made.callee)?.module
    : undefined;
}
