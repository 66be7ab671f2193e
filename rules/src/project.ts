import { analyze as analyzeScopes } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { DEFAULT_CONCURRENCY_LIMIT } from './config';
import { classInstanceValue, classValue, ormValueOf, type OrmValue } from './analysis/orm';
import { fileKey, localModelFacts, mergeModelFact, type ModelFact, type ProjectModels } from './analysis/orm-index';
import { propertyName } from './analysis/resolve';
import { parseSource } from './parse';
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
}

/** Files that mention none of these words declare no model and export no ORM handle. */
const MAY_DECLARE = /Entity|Model|model\(|define\(|hasMany|hasOne|belongsTo|PrismaClient|DataSource|getRepository|drizzle|knex|Pool|Client|createPool|createConnection|MikroORM/;

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
  const exports = exportedValues(context);
  return models.length > 0 || exports.length > 0 ? { file: fileKey(fileName), models, exports } : undefined;
}

/** A rule context for reading one file's declarations outside of a rules run. */
function standaloneContext(text: string, fileName: string, ast: TSESTree.Program): RuleContext {
  const memo = new Map<string, unknown>();
  const scopeManager = analyzeScopes(ast, { sourceType: ast.sourceType, jsxPragma: null, lib: ['esnext'] });
  return {
    fileName,
    text,
    ast,
    scopeManager,
    options: { rules: {}, concurrencyLimit: DEFAULT_CONCURRENCY_LIMIT, project: EMPTY_PROJECT },
    shared: {
      memo<T>(key: string, compute: () => T): T {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
    },
    report() {},
  };
}

/** What a class exports: a model (its static side) or what its instances are (a `PrismaService`, a custom repository). */
function exportedClassValue(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): OrmValue | undefined {
  return classValue(context, declaration) ?? classInstanceValue(context, declaration);
}

function exportedValue(context: RuleContext, node: TSESTree.Node): OrmValue | undefined {
  if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return exportedClassValue(context, node);
  const value = ormValueOf(context, node);
  return value && value.kind !== 'entity' && value.kind !== 'entities' ? value : undefined;
}

/** The ORM handles and models a file exports, by export name (`default` for the default export). */
function exportedValues(context: RuleContext): Array<{ name: string; value: OrmValue }> {
  const found: Array<{ name: string; value: OrmValue }> = [];
  const add = (name: string, node: TSESTree.Node | null | undefined): void => {
    const value = node ? exportedValue(context, node) : undefined;
    if (value) found.push({ name, value });
  };
  for (const statement of context.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) if (declarator.id.type === AST_NODE_TYPES.Identifier) add(declarator.id.name, declarator.id);
      } else if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id) {
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
    } else {
      add('default', value);
    }
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
  for (const facts of all) {
    for (const model of facts.models) mergeModelFact(models, model);
    if (facts.exports.length === 0) continue;
    const byName: Record<string, OrmValue> = (exports[facts.file] ??= {});
    for (const { name, value } of facts.exports) byName[name] = value;
  }
  return { models: Object.fromEntries(models), exports };
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
