import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { DEFAULT_CONCURRENCY_LIMIT } from './config';
import { classInstanceValue, classValue, isLocalModule, ormValueOf, type OrmValue } from './analysis/orm';
import { fileKey, localModelFacts, lookupExport, mergeModelFact, type ModelFact, type ProjectModels } from './analysis/orm-index';
import { firstExpressionOf, queryOfWrapper, runsQuery } from './analysis/queries';
import { localFunction, propertyName, resolveModuleMember, unwrapExpression } from './analysis/resolve';
import { isFunction, type FunctionNode } from './analysis/scopes';
import { createFileState } from './file-state';
import { parseSource } from './parse';
import type { SyntaxSignals } from './syntax-signals';
import type { ProjectInfo, RuleContext } from './types';
import { walk } from './walk';

export type { ModelFact, ProjectModels } from './analysis/orm-index';
export type { OrmValue } from './analysis/orm';

/**
 * What one file declares that other files' analysis needs: ORM entities and models, with
 * their lazy relations and associations, and the ORM handles it exports (`export const
 * prisma = new PrismaClient()`). Built per file (cacheable by content), merged per project.
 * Plain JSON data: it is cached on disk and passed between worker threads.
 */
export interface ProjectFacts {
  /** The file's key: its path without extension (`src/models/user`). */
  file: string;
  models: ModelFact[];
  exports: Array<{ name: string; value: OrmValue }>;
  /** Exported functions that run a method of something imported from another file, resolved once every file is known. */
  forwards?: ForwardFact[];
}

/** `export const userEmail = (id) => db.query(...)` with `db` from `./index`: a query function if `./index` exports a client. */
export interface ForwardFact {
  name: string;
  from: string;
  module: string;
  imported: string;
  method: string;
}

/** Files that mention none of these words declare no model and export no ORM handle. */
const MAY_DECLARE = /Entity|Model|model\(|define\(|hasMany|hasOne|belongsTo|PrismaClient|DataSource|getRepository|drizzle|knex|Pool|Client|createPool|createConnection|MikroORM|prisma|query|find|load/;

/**
 * What a file can add to the project index, by its syntax: its declarations (models, exported
 * clients, forwarded queries); only forwarded queries, which count once another file exports a
 * client; or nothing. Files of the second kind need reading only when some file exports one.
 */
export function projectFactsReach(signals: SyntaxSignals): 'declarations' | 'forwards' | 'none' {
  if (signals.reachesDatabase) return 'declarations';
  return signals.importsProjectFile ? 'forwards' : 'none';
}

/** Whether merged facts hold an exported client or query function that forwarded queries can lead to. */
export function exportsAnyClient(facts: Iterable<ProjectFacts>): boolean {
  for (const fileFacts of facts) if (fileFacts.exports.length > 0) return true;
  return false;
}

/** The facts a file contributes to the project index, or undefined when it declares nothing of interest. */
export function collectProjectFacts(text: string, fileName: string): ProjectFacts | undefined {
  if (!MAY_DECLARE.test(text)) return undefined;
  let ast: TSESTree.Program;
  try {
    ast = parseSource(text, fileName);
  } catch {
    return undefined;
  }
  walk(ast, () => {}, () => {});
  const context = standaloneContext(text, fileName, ast);
  const models = [...localModelFacts(context).values()];
  const forwards: ForwardFact[] = [];
  const exports = exportedValues(context, forwards);
  if (models.length === 0 && exports.length === 0 && forwards.length === 0) return undefined;
  return { file: fileKey(fileName), models, exports, ...(forwards.length > 0 && { forwards }) };
}

/** A rule context for reading one file's declarations outside of a rules run. */
function standaloneContext(text: string, fileName: string, ast: TSESTree.Program): RuleContext {
  const fileState = createFileState(ast);
  return {
    fileName,
    text,
    ast,
    get scopeManager() {
      return fileState.scopeManager;
    },
    options: { rules: {}, concurrencyLimit: DEFAULT_CONCURRENCY_LIMIT, project: EMPTY_PROJECT },
    ruleOptions: {},
    shared: fileState.shared,
    report() {},
  };
}

/** What a class exports: a model (its static side) or what its instances are (a `PrismaService`, a custom repository). */
function exportedClassValue(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): OrmValue | undefined {
  const model = classValue(context, declaration);
  if (model) return model;
  const instance = classInstanceValue(context, declaration);
  if (!instance || instance.kind === 'entity') return instance;
  const methods = declaration.body.body.flatMap((element) =>
    element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'method' && !element.static && element.key.type === AST_NODE_TYPES.Identifier && queryOfWrapper(context, element.value as TSESTree.FunctionExpression)
      ? [element.key.name]
      : [],
  );
  return methods.length > 0 ? { ...instance, methods } : instance;
}

/** A function that only runs one query, as other files call it. */
function wrapperValue(context: RuleContext, fn: FunctionNode): OrmValue | undefined {
  const query = queryOfWrapper(context, fn);
  return query && { kind: 'queryFunction', orm: query.library };
}

/** `module.exports = { query: (text, params) => pool.query(text, params) }`: an object that forwards `query` to a client is used as one. */
function forwardingClient(context: RuleContext, object: TSESTree.ObjectExpression): OrmValue | undefined {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || !/^(?:query|execute)$/.test(property.key.name)) continue;
    const fn = unwrapExpression(property.value);
    const query = isFunction(fn) ? queryOfWrapper(context, fn) : undefined;
    if (query && (query.library === 'pg' || query.library === 'mysql2')) return { kind: 'client', orm: query.library };
  }
  return undefined;
}

function exportedValue(context: RuleContext, node: TSESTree.Node): OrmValue | undefined {
  if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return exportedClassValue(context, node);
  if (isFunction(node)) return wrapperValue(context, node);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return forwardingClient(context, node);
  const local = node.type === AST_NODE_TYPES.Identifier ? localFunction(context, node) : undefined;
  if (local) return wrapperValue(context, local);
  const value = ormValueOf(context, node);
  return value && value.kind !== 'entity' && value.kind !== 'entities' ? value : undefined;
}

/** The first call of an exported function when it calls a method of a value imported from another file. */
function forwardedImport(context: RuleContext, name: string, node: TSESTree.Node): ForwardFact | undefined {
  const fn = isFunction(node) ? node : node.type === AST_NODE_TYPES.Identifier ? localFunction(context, node) : undefined;
  let call = fn && firstExpressionOf(fn);
  while (call && (call.type === AST_NODE_TYPES.AwaitExpression || call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression && call.callee.object.type === AST_NODE_TYPES.CallExpression)) {
    call = call.type === AST_NODE_TYPES.AwaitExpression ? call.argument : (call.callee as TSESTree.MemberExpression).object;
  }
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(call.callee);
  const imported = resolveModuleMember(context, call.callee.object);
  if (!method || !imported || !isLocalModule(imported.module) || imported.path.length > 1) return undefined;
  return { name, from: context.fileName, module: imported.module, imported: imported.path[0] ?? 'default', method };
}

/** The ORM handles and models a file exports, by export name (`default` for the default export). */
function exportedValues(context: RuleContext, forwards: ForwardFact[]): Array<{ name: string; value: OrmValue }> {
  const found: Array<{ name: string; value: OrmValue }> = [];
  const add = (name: string, node: TSESTree.Node | null | undefined): void => {
    const value = node ? exportedValue(context, node) : undefined;
    if (value) found.push({ name, value });
    const forward = node && !value ? forwardedImport(context, name, node) : undefined;
    if (forward) forwards.push(forward);
  };
  for (const statement of context.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier) add(declarator.id.name, declarator.id);
      } else if ((declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.FunctionDeclaration) && declaration.id) {
        add(declaration.id.name, declaration);
      } else if (!statement.source) {
        for (const specifier of statement.specifiers) {
          if (specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
          const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
          add(exported, specifier.local);
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      add('default', statement.declaration);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      commonJsExports(statement.expression, add);
    }
  }
  return found;
}

/** `module.exports = x`, `module.exports = { a, b }`, `module.exports.a = x`, `exports.a = x`. */
function commonJsExports(assignment: TSESTree.AssignmentExpression, add: (name: string, node: TSESTree.Node) => void): void {
  const target = assignment.left;
  if (target.type !== AST_NODE_TYPES.MemberExpression) return;
  const isModuleExports = (node: TSESTree.Node): boolean =>
    node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === 'module' && propertyName(node) === 'exports';
  if (isModuleExports(target)) {
    const value = assignment.right;
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier) add(property.key.name, property.value);
      }
    }
    add('default', value);
    return;
  }
  const name = propertyName(target);
  const owner = target.object;
  if (name && (isModuleExports(owner) || (owner.type === AST_NODE_TYPES.Identifier && owner.name === 'exports'))) add(name, assignment.right);
}

/** Merges the facts of every file of a project into what the rules read through `ProjectInfo.models`. */
export function mergeProjectFacts(all: Iterable<ProjectFacts>): ProjectModels {
  const models = new Map<string, ModelFact>();
  const exports: ProjectModels['exports'] = {};
  const pending: Array<{ file: string; forward: ForwardFact }> = [];
  for (const facts of all) {
    for (const model of facts.models) mergeModelFact(models, model);
    for (const forward of facts.forwards ?? []) pending.push({ file: facts.file, forward });
    if (facts.exports.length === 0) continue;
    const byName: Record<string, OrmValue> = (exports[facts.file] ??= {});
    for (const { name, value } of facts.exports) byName[name] = value;
  }
  const merged: ProjectModels = { models: Object.fromEntries(models), exports };
  for (const { file, forward } of pending) {
    const target = lookupExport(merged, forward.from, forward.module, forward.imported);
    if (target && runsQuery(target, forward.method)) (exports[file] ??= {})[forward.name] = { kind: 'queryFunction', orm: target.orm };
  }
  return merged;
}

/** The package names a package.json depends on (all dependency kinds); empty for unreadable JSON. */
export function dependenciesOf(packageJsonText: string): Set<string> {
  try {
    const manifest = JSON.parse(packageJsonText) as Record<string, unknown>;
    const names = new Set<string>();
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const section = manifest[key];
      if (section && typeof section === 'object') for (const name of Object.keys(section)) names.add(name);
    }
    return names;
  } catch {
    return new Set();
  }
}

export const EMPTY_PROJECT: ProjectInfo = { dependencies: new Set() };
