/** What the project model knows of every file's exports, by their text: asked of a name a file imports. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { projectModels } from './orm';
import { declarationOf, moduleKey, type ProjectModels } from './orm-index';
import { propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { declaredType } from '../project-model/summaries';

/**
 * Whether `node` names an export of a project file (through the re-exports the index knows) that `table` lists for the file that
 * declares it; with `member`, whether it lists that member of the export (`ProjectorInterface.projectSimple`).
 */
export function importedExportListed(
  context: RuleContext,
  node: TSESTree.Node,
  table: Readonly<Record<string, readonly string[]>> | undefined,
  member?: string,
): boolean {
  const models = projectModels(context);
  if (!models || !table) return false;
  const imported = resolveModuleMember(context, node);
  const name = imported?.path.length === 1 ? imported.path[0]! : undefined;
  const key = name === undefined ? undefined : moduleKey(models, context.fileName, imported!.module);
  if (key === undefined) return false;
  return declaredThrough(models, key, name!, (file, exported) => !!table[file]?.includes(member === undefined ? exported : `${exported}.${member}`), 0);
}

const MAX_BARREL_DEPTH = 6;

/**
 * Whether a file declares the name `listed` asks of, or hands it on by the re-exports the index knows or by a barrel
 * of every file (`export * from './src'` in a workspace package's index, which declares nothing the index holds).
 */
function declaredThrough(models: ProjectModels, key: string, name: string, listed: (key: string, name: string) => boolean, depth: number): boolean {
  if (declarationOf(models, key, name, listed)) return true;
  if (depth >= MAX_BARREL_DEPTH || name === 'default') return false;
  return (models.barrels?.[key] ?? []).some((target) => declaredThrough(models, target, name, listed, depth + 1));
}

/**
 * `getForData(slug)` with `export async function getForData(slug) { ...readFileSync(...)...; return { ...data } }`
 * in another file of the project: an async function that awaits nothing and returns no call, or a function declared to
 * return a value (`export function slugOf(name: string): string`). Its value is at hand when the call returns; several
 * at once run one after the other all the same.
 */
export function callsSettledAsync(context: RuleContext, call: TSESTree.CallExpression): boolean {
  return importedExportListed(context, call.callee, projectModels(context)?.settledAsync);
}

/**
 * `this.roleProjector.projectSimple(role)` with `roleProjector: ProjectorInterface<Role>`: a method that a class or interface of
 * another file declares to return a value (`projectSimple(role: Role): Record<string, unknown>`), or an async method of such a
 * class that awaits nothing. The receiver's type is the one its field, parameter or variable is declared with.
 */
export function callsSettledMethod(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = propertyName(callee);
  const receiver = unwrapExpression(callee.object);
  const type = declaredType(context, receiver);
  // `Tree.load(storage, cid)`: a static method, called on the imported class itself.
  const typeName =
    type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier
      ? type.typeName
      : (madeClassName(context, receiver) ?? importedName(context, receiver));
  if (method === undefined || !typeName) return false;
  return importedExportListed(context, typeName, projectModels(context)?.settledAsync, method);
}

/**
 * `Server` of `const server = Server.getInstance()` or `const store = new Store(options)`, with no type written: the class a `const`
 * was made an instance of, by `new` or by the static `getInstance()` that hands out a class's one instance.
 */
function madeClassName(context: RuleContext, receiver: TSESTree.Node): TSESTree.Identifier | undefined {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(context, receiver);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || definition.node.id.type !== AST_NODE_TYPES.Identifier || !definition.node.init)
    return undefined;
  const made = unwrapExpression(definition.node.init);
  if (made.type === AST_NODE_TYPES.NewExpression) return made.callee.type === AST_NODE_TYPES.Identifier ? made.callee : undefined;
  if (made.type !== AST_NODE_TYPES.CallExpression || made.arguments.length > 0) return undefined;
  const maker = unwrapExpression(made.callee);
  return maker.type === AST_NODE_TYPES.MemberExpression && maker.object.type === AST_NODE_TYPES.Identifier && propertyName(maker) === 'getInstance'
    ? maker.object
    : undefined;
}

/** `Tree` of `import { Tree } from './tree'`: a name another module exports, used as it is. */
function importedName(context: RuleContext, receiver: TSESTree.Node): TSESTree.Identifier | undefined {
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  return resolveVariable(context, receiver)?.defs[0]?.type === 'ImportBinding' ? receiver : undefined;
}

/**
 * `triggerJob(name, payload)` with `export async function triggerJob(...) { const job = await queue.add(name, payload); return { id: job.id }; }`
 * in another file of the project: it only hands a job to a queue.
 */
export function callsEnqueueOnly(context: RuleContext, call: TSESTree.CallExpression): boolean {
  return importedExportListed(context, call.callee, projectModels(context)?.enqueuesOnly);
}
