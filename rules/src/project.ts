import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import ts from 'typescript';
import { DEFAULT_CONCURRENCY_LIMIT } from './config';
import { detached, unanalyzableReason } from './content';
import {
  classFieldValue,
  classInstanceValue,
  classValue,
  extendedHandle,
  isDatabaseModule,
  PROCEDURE_METHODS,
  methodHandle,
  ormValueOf,
  returnedExpression,
  returnedHandle,
  returnedHandles,
  transactionParameterOf,
  typeExpression,
  typeValue,
  type OrmValue,
} from './analysis/orm';
import { parameterQueriesOf } from './analysis/parameter-queries';
import { attachedModelFunction, fileKey, isHandle, localModelFacts, TRPC_CONTEXT, type ModelFact } from './analysis/orm-index';
import { callReader, queryOfWrapper } from './analysis/queries';
import {
  classFactoryOf,
  constValueOf,
  declaredReturnType,
  fieldSetting,
  firstNamedType,
  handsOutOwnInstance,
  isRequestMemoized,
  keyName,
  localFunction,
  madeFunction,
  propertyName,
  requiredModule,
  resolveModuleMember,
  isMixin,
  isModuleExports,
  isModuleObject,
  resolveVariable,
  signatureName,
  unwrapExpression,
  type ModuleMember,
} from './analysis/resolve';
export { importsProjectModule } from './project-model/resolution';
import {
  CALLED,
  instanceClass,
  madeFunctionRef,
  MAX_CURRIED,
  summarizeFunction,
  moduleFunctionRef,
  siteOf,
  withHeldArguments,
  type CallRef,
  type CallbackHandleFact,
  type FunctionSummary,
} from './project-model/summaries';
import { callbackTypes, declaredParameterType, objectTypeMembers, parameterType } from './analysis/callback-types';
import { madeClient } from './analysis/client-makers';
import type { MadeClient } from './project-model/made-clients';
import { callRunsAtBoot, isCallOf, runsOnlyAtBoot } from './analysis/startup';
import { developmentSpans, inSpans } from './analysis/development-branches';
import { isLocalModule } from './analysis/module-names';
import { visitAll } from './analysis/visit';
import { modelSchema, schemaMembers } from './analysis/mongoose-schemas';
import { argumentLists } from './analysis/caller-lists';
import { sharedLists, type ArgumentLists } from './project-model/argument-lists';
export { mergeProjectFacts } from './project-model/merge';
import { contains, enclosingFunction, isFunction, type FunctionNode } from './analysis/scopes';
import { createFileState } from './file-state';
import { convertSourceFile, parseTypeScript, type ToESTree } from './parse';
import { namedAsTest } from './roles';
import type { ProjectInfo, RuleContext } from './types';
import { walk } from './walk';
import { decorationsOf, isDecoratingCall } from './analysis/fastify-decorations';
import { FASTIFY, isFastifyPluginType } from './analysis/framework-models';

export type { ModelFact, ProjectModels } from './analysis/orm-index';
export type { OrmValue } from './analysis/orm';
export { dependenciesOf, projectFactsReach } from './project-facts';

/**
 * What one file declares that other files' analysis needs: ORM entities and models, with
 * their lazy relations and associations, the ORM handles it exports (`export const prisma =
 * new PrismaClient()`), what it re-exports, what its exported functions and class methods run
 * on every call, and the classes it extends. Built per file (cacheable by content), merged per
 * project. Plain JSON data: it is cached on disk and passed between worker threads.
 */
export interface ProjectFacts {
  /** The file's key: its path without extension (`src/models/user`). */
  file: string;
  /** The file's path, against which its own specifiers resolve. */
  path: string;
  models: ModelFact[];
  exports: Array<{ name: string; value: OrmValue }>;
  /**
   * `database`: the module is a database package or a generated client (`export * from '@prisma/client'`); `holds`: the export
   * of that name is an object holding the module's exports (`export default { ...postgres }`, see `heldModules`).
   */
  reexports?: Array<{ module: string; names?: Record<string, string>; database?: true; holds?: string; mixin?: true }>;
  /** By export name, or `Class.method` for a method of an exported class. */
  functions?: Record<string, FunctionSummary>;
  /** Exported classes that extend another class, and exported interfaces and object types that extend another type: the names they are exported under, and the base (`module` empty: this file). */
  classes?: Record<string, { exported: string[]; base: TypeRef; superArguments?: Array<ImportedName | null> }>;
  /** By export name, the public fields of exported classes, and the members of exported interfaces and object types, that other files read (`ctx.db.db`, `ctx.db`). */
  fields?: Record<string, Record<string, FieldFact>>;
  /** Exported type aliases that name a class or alias of the project (`export type AccountDb = Database<Schema>`). */
  aliases?: Record<string, TypeRef>;
  /** Methods of imported classes called through an instance the file's classes are given (`this.roleService.initRoles()`). */
  injectedCalls?: InjectedCall[];
  /** Functions of other files the file uses, and its own exported functions it uses itself (`initializeJobs()` in the entry module). */
  functionCalls?: FunctionCall[];
  /** By name, the methods the file calls or reads off an object (`WIKI.models.editors.refreshEditorsFromDisk()`): true when every such use is a call at boot (see `methodUsesOf`). */
  methodCalls?: Record<string, boolean>;
  /** By name, of the methods of `methodCalls`, the bounded lists every use hands over (see `ArgumentLists`); none when a use is not a call. */
  methodLists?: Record<string, ArgumentLists>;
  /** Each interface a class or a typed object literal of the file implements, with the name it is exported under, if it is. */
  implementations?: Implementation[];
  /** By export name, the client it holds or returns when functions of other files make it (`export const db = createDb(schema)`). */
  made?: Record<string, MadeClient>;
  /** By export name, or `Class.method`, the handles a function's declared parameter types give the callbacks it is passed. */
  callbacks?: Record<string, CallbackHandleFact[]>;
  /**
   * By the export name of a command or query class, the exported class that handles it (`@CommandHandler(UpdateEmployeeCommand)
   * export class UpdateEmployeeHandler`, `@QueryHandler(...)` of `@nestjs/cqrs`): a bus runs its `execute` for each one dispatched.
   */
  handlers?: Record<string, string>;
  /** By name, the handles it decorates the Fastify instance with (`fastify.decorate('db', db)`), or declares on `FastifyInstance` in `declare module 'fastify'`. */
  decorations?: Record<string, OrmValue>;
  /** The Sequelize models whose own functions the file declares outside their definition, summarized as `Model.name` (`Notification.createFor = …`). */
  modelFunctions?: string[];
}

/** An import a class hands its base's constructor (`super(Task)` with `Task` of `require('../models')`). */
export interface ImportedName {
  module: string;
  name: string;
}

/** `class PrismaUserRepository implements UserRepository`, `const store: NoteStore = { … }`: the interface, and the export name (none: other files cannot name it). */
export interface Implementation {
  interface: TypeRef;
  exported?: string;
}

/** `this.roleService.initRoles()` with `roleService: RoleService`: the class (`module`, `name`), its method, and whether every such call of the file runs only at boot. */
export interface InjectedCall {
  module: string;
  name: string;
  method: string;
  boot?: true;
}

/**
 * A function the file uses: imported (`module` as written, export name), or exported by the file (`module` empty), marked `boot`
 * when every use of the file is a call that runs at boot (at the module's top level, or in a function that runs only then),
 * with the bounded lists every use hands over.
 */
export interface FunctionCall {
  module: string;
  name: string;
  boot?: true;
  /** The bounded lists every use of the file hands over, by argument position (see `ArgumentLists`); none when a use is not a call. */
  lists?: ArgumentLists;
}

/** A type or class named in a declaration: imported (`module` and export name) or of this file (`module` empty). */
export interface TypeRef {
  module: string;
  name: string;
}

/**
 * A public field: an ORM handle (`db: Kysely<DB>`, `this.db = new Kysely(...)`), typed with or made by a class or alias of the
 * project, or the object a function of the project returns (`users = createUserQueries(this.pool)`), resolved when merged.
 */
export type FieldFact = { value: OrmValue } | { type: TypeRef } | { returnedBy: TypeRef };

/** Words without one of which a file declares no model (see `localModelFacts`) and has no CommonJS exports. */
const MAY_DECLARE_MODELS = /module\.exports|exports\.|Entity|Model|model\(|define\(|hasMany|hasOne|belongsTo/;
const EXPORT = /\bexport\b/;
/** A file that may decorate a Fastify instance with a handle, register a plugin that does, or type one onto it (see `decorationsOf`). */
const DECORATES = /\.(?:decorate|register)\s*\(|declare\s+module\s+['"]fastify['"]/;
const IMPORT = /\bimport\b|\brequire\s*\(/;

/**
 * The facts a file contributes to the project index, or undefined when it declares nothing of
 * interest. `sourceFile` is TypeScript's tree of the text when the syntax signals read one
 * (`readSyntax`): it is converted rather than parsed again, by `toESTree` (an `EditedFile`'s keeps
 * the ESTree for the analysis of the same tree).
 */
export function collectProjectFacts(
  text: string,
  fileName: string,
  sourceFile?: ts.SourceFile,
  toESTree: ToESTree = convertSourceFile,
): ProjectFacts | undefined {
  const mayDeclareModels = MAY_DECLARE_MODELS.test(text);
  // A file that exports nothing may still call the project's functions (an entry module's `initializeJobs()`).
  if (!mayDeclareModels && !EXPORT.test(text) && !IMPORT.test(text)) return undefined;
  // The project is read as the analysis reads it: a text it refuses (minified, binary) declares nothing, as one over the size limit.
  if (unanalyzableReason(text) !== undefined) return undefined;
  let ast: TSESTree.Program;
  let declares: boolean;
  try {
    const tree = sourceFile ?? parseTypeScript(text, fileName);
    // TypeScript's tree tells what a file exports and imports before the costlier ESTree is made.
    declares = mayDeclareModels || DECORATES.test(text) || mayExportDeclarations(tree);
    // A test's calls say nothing of when the application runs a function (see `ProjectFactsModel.setFacts`).
    if (!declares && (!importsValues(tree) || namedAsTest(fileName))) return undefined;
    ast = toESTree(tree, text);
  } catch {
    return undefined;
  }
  // Scopes of a tree the parser recovered from a syntax error may not be read (a `for (const of items)` declares no name): no facts then.
  try {
    return factsOfTree(text, fileName, ast, declares);
  } catch {
    return undefined;
  }
}

/** The facts of a file's parsed tree; `declares` when it may declare something other files use. */
function factsOfTree(text: string, fileName: string, ast: TSESTree.Program, declares: boolean): ProjectFacts | undefined {
  const memberCalls: TSESTree.CallExpression[] = [];
  const decorateCalls: TSESTree.CallExpression[] = [];
  const implementing: Array<TSESTree.ClassDeclaration | TSESTree.ClassExpression> = [];
  const bindings = bindingsOf(ast);
  const names: TSESTree.Identifier[] = [];
  const members: TSESTree.MemberExpression[] = [];
  const destructured: string[] = [];
  const branches: TSESTree.IfStatement[] = [];
  const nestedAssignments: TSESTree.AssignmentExpression[] = [];
  walk(
    ast,
    (node) => {
      if (node.type === AST_NODE_TYPES.Identifier && bindings.has(node.name)) names.push(node);
      else if (node.type === AST_NODE_TYPES.IfStatement) branches.push(node);
      else if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        !node.computed &&
        node.property.type === AST_NODE_TYPES.Identifier &&
        DISTINCT_METHOD_NAME.test(node.property.name)
      )
        members.push(node);
      else if (
        node.type === AST_NODE_TYPES.Property &&
        node.parent.type === AST_NODE_TYPES.ObjectPattern &&
        !node.computed &&
        node.key.type === AST_NODE_TYPES.Identifier &&
        DISTINCT_METHOD_NAME.test(node.key.name)
      )
        destructured.push(node.key.name);
      else if (node.type === AST_NODE_TYPES.CallExpression && isThisMemberCall(node)) memberCalls.push(node);
      else if (isDecoratingCall(node)) decorateCalls.push(node);
      else if ((node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) && node.implements.length > 0)
        implementing.push(node);
      else if (isNestedMemberAssignment(node)) nestedAssignments.push(node);
    },
    () => {},
  );
  const context = standaloneContext(text, fileName, ast);
  // A tree recovered from syntax errors may hold a node the scope analysis cannot read (`for (const of items)`): such a file declares nothing.
  try {
    void context.scopeManager;
  } catch {
    return undefined;
  }
  // A call that only development or tests make says nothing of when the application runs the function.
  const development = names.length > 0 || members.length > 0 ? developmentSpans(context, branches) : [];
  const counted = (node: TSESTree.Node): boolean => !inSpans(node, development);
  const functionCalls = functionCallsOf(context, bindings, names.filter(counted));
  const methodUses = methodUsesOf(context, members.filter(counted), destructured);
  const uses = {
    ...(functionCalls.length > 0 && { functionCalls }),
    ...(methodUses && { methodCalls: methodUses.calls }),
    ...(methodUses?.lists && { methodLists: methodUses.lists }),
  };
  // A file that declares nothing may still use the project's functions: where it calls them tells whether they run at boot.
  const usesOnly = (): ProjectFacts | undefined =>
    Object.keys(uses).length > 0 ? { file: fileKey(fileName), path: fileName, models: [], exports: [], ...uses } : undefined;
  if (!declares) return usesOnly();
  const models = [...localModelFacts(context).values()];
  const declared = exportedDeclarations(context, nestedAssignments);
  const modelFunctions = MAY_DECLARE_MODELS.test(text) ? summarizeModelFunctions(context, declared) : [];
  const { exports, reexports, functions, classes, fields, aliases, made, callbacks, handlers } = declared;
  const injectedCalls = injectedCallsOf(context, memberCalls);
  const implementations = [
    ...implementing.flatMap((declaration) => implementationsOf(context, declaration, declared.classNames.get(declaration))),
    ...declared.objectImplementations,
  ];
  const hasFunctions = Object.keys(functions).length > 0;
  const hasClasses = Object.keys(classes).length > 0;
  const hasFields = Object.keys(fields).length > 0;
  const hasAliases = Object.keys(aliases).length > 0;
  const decorations = decorationsOf(context, decorateCalls);
  const decorates = Object.keys(decorations).length > 0;
  // What a function declares it returns only names a type: alone, it keeps nothing of the file (a getter of a package's client stays outside).
  // A helper that hands back the handle it is given (`dbOrTx(this.db, trx)`) is kept: its result is that handle.
  const declaresAliases = declared.handsBack || Object.keys(aliases).some((name) => !name.endsWith(CALLED));
  // Clients other files make, and handles typed for callbacks, wait for the index to tell what they are: alone, they keep nothing else of the file.
  const handed = {
    ...(Object.keys(made).length > 0 && { made }),
    ...(Object.keys(callbacks).length > 0 && { callbacks }),
  };
  // Functions that only await other work, and calls through injected instances, are kept only beside a query: a file the index does not hold reaches no database.
  const runsQueries = Object.values(functions).some(
    (summary) => summary.site || summary.calls || summary.parameterQueries || summary.opensTransaction || summary.cacheFirst,
  );
  // The interfaces a class implements are kept only beside what else the file declares: a file that runs no query adds no implementer.
  if (models.length === 0 && exports.length === 0 && reexports.length === 0 && !runsQueries && !hasClasses && !hasFields && !declaresAliases && !decorates)
    return handed.made || handed.callbacks ? { file: fileKey(fileName), path: fileName, models: [], exports: [], ...handed, ...uses } : usesOnly();
  return detached({
    file: fileKey(fileName),
    path: fileName,
    models,
    exports,
    ...(reexports.length > 0 && { reexports }),
    ...(hasFunctions && { functions }),
    ...(hasClasses && { classes }),
    ...(hasFields && { fields }),
    ...(hasAliases && { aliases }),
    ...handed,
    ...(Object.keys(handlers).length > 0 && { handlers }),
    ...(decorates && { decorations }),
    ...(modelFunctions.length > 0 && { modelFunctions }),
    ...(injectedCalls.length > 0 && { injectedCalls }),
    ...uses,
    ...(implementations.length > 0 && { implementations }),
  });
}

/** `mongoModule.client = …` inside a function: a member set on an object by name, maybe the module's own (see `exportedDeclarations`). */
function isNestedMemberAssignment(node: TSESTree.Node): node is TSESTree.AssignmentExpression {
  return (
    node.type === AST_NODE_TYPES.AssignmentExpression &&
    node.operator === '=' &&
    node.left.type === AST_NODE_TYPES.MemberExpression &&
    !node.left.computed &&
    node.parent?.parent?.type !== AST_NODE_TYPES.Program
  );
}

/** The interfaces of the project or of its packages that a class implements, each with the class's export name. */
function implementationsOf(
  context: RuleContext,
  declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  exported: string | undefined,
): Implementation[] {
  return declaration.implements.flatMap((clause) => {
    const ref = clause.expression.type === AST_NODE_TYPES.Identifier ? typeNameRef(context, clause.expression) : undefined;
    return ref ? [{ interface: ref, ...(exported !== undefined && { exported }) }] : [];
  });
}

/** `this.roleService.initRoles()`: a method called on a field of `this`. */
function isThisMemberCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.object.type === AST_NODE_TYPES.ThisExpression
  );
}

/** The methods of imported classes that the file calls through an instance it is given, each once, marked `boot` when every call runs only at boot. */
function injectedCallsOf(context: RuleContext, calls: readonly TSESTree.CallExpression[]): InjectedCall[] {
  const byId = new Map<string, InjectedCall>();
  for (const call of calls) {
    const callee = call.callee as TSESTree.MemberExpression;
    const method = propertyName(callee);
    const owner = method === undefined ? undefined : instanceClass(context, callee.object);
    const name = owner?.path[0];
    if (!owner || name === undefined || owner.module.startsWith('node:')) continue;
    // A callback made in a start-up method (a job processor, a subscription) runs later, on each job or event: only the method's own calls run at boot.
    const caller = enclosingFunction(call);
    const boot = caller?.parent?.type === AST_NODE_TYPES.MethodDefinition && runsOnlyAtBoot(context, caller);
    const id = `${owner.module}\0${name}.${method}`;
    const known = byId.get(id);
    if (!known) byId.set(id, { module: owner.module, name, method: method!, ...(boot && { boot: true as const }) });
    else if (!boot) delete known.boot;
  }
  return [...byId.values()];
}

/** What a name of a file's top level stands for: an imported function (module, export name; none for a namespace), or one the file exports. */
interface Binding {
  module: string;
  name?: string;
}

/** The names the file imports as values, and those of its top-level functions it exports, with what each stands for. */
function bindingsOf(ast: TSESTree.Program): Map<string, Binding[]> {
  const bindings = new Map<string, Binding[]>();
  const bind = (local: string, binding: Binding): void => void bindings.set(local, [...(bindings.get(local) ?? []), binding]);
  const functions = new Set<string>();
  for (const statement of ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) functions.add(declaration.id.name);
    if (declaration?.type === AST_NODE_TYPES.VariableDeclaration)
      for (const declarator of declaration.declarations)
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && isFunction(declarator.init)) functions.add(declarator.id.name);
  }
  for (const statement of ast.body) {
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) for (const declarator of statement.declarations) bindRequire(declarator, bind);
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type') {
      for (const specifier of statement.specifiers) {
        const module = statement.source.value;
        if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) bind(specifier.local.name, { module });
        else if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) bind(specifier.local.name, { module, name: 'default' });
        else if (specifier.importKind !== 'type') bind(specifier.local.name, { module, name: nameOf(specifier.imported) });
      }
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration && !statement.source) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) bind(declaration.id.name, { module: '', name: declaration.id.name });
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration)
        for (const declarator of declaration.declarations)
          if (declarator.id.type === AST_NODE_TYPES.Identifier && functions.has(declarator.id.name))
            bind(declarator.id.name, { module: '', name: declarator.id.name });
      for (const specifier of statement.specifiers)
        if (specifier.local.type === AST_NODE_TYPES.Identifier && functions.has(specifier.local.name))
          bind(specifier.local.name, { module: '', name: nameOf(specifier.exported) });
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      const local =
        declaration.type === AST_NODE_TYPES.FunctionDeclaration
          ? declaration.id?.name
          : declaration.type === AST_NODE_TYPES.Identifier
            ? declaration.name
            : undefined;
      if (local !== undefined && functions.has(local)) bind(local, { module: '', name: 'default' });
    }
  }
  return bindings;
}

/** `const Database = require('./database')` (what the module exports, as `default`), `const { connect } = require('./db')`. */
function bindRequire(declarator: TSESTree.VariableDeclarator, bind: (local: string, binding: Binding) => void): void {
  const init = declarator.init;
  const source = init?.type === AST_NODE_TYPES.CallExpression && init.arguments.length === 1 ? init.arguments[0] : undefined;
  if (
    init?.type !== AST_NODE_TYPES.CallExpression ||
    init.callee.type !== AST_NODE_TYPES.Identifier ||
    init.callee.name !== 'require' ||
    source?.type !== AST_NODE_TYPES.Literal ||
    typeof source.value !== 'string'
  )
    return;
  const module = source.value;
  if (declarator.id.type === AST_NODE_TYPES.Identifier) bind(declarator.id.name, { module, name: 'default' });
  else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern)
    for (const property of declarator.id.properties)
      if (
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.value.type === AST_NODE_TYPES.Identifier
      )
        bind(property.value.name, { module, name: property.key.name });
}

/**
 * The functions the file imports and uses, and those it exports and uses itself, each once, marked `boot` when every use is a
 * call that runs at boot. A callback a start-up function registers (a job processor, a scheduled task) runs later: not at boot.
 * `names` are the identifiers of the file that spell a name of `bindings`: read off the tree, without a scope analysis.
 */
function functionCallsOf(context: RuleContext, bindings: ReadonlyMap<string, Binding[]>, names: readonly TSESTree.Identifier[]): FunctionCall[] {
  const byId = new Map<string, FunctionCall>();
  const note = (module: string, name: string, use: TSESTree.Node): void => {
    const boot = isCallOf(use) && callRunsAtBoot(context, use.parent);
    const lists = usedLists(context, use);
    const id = `${module}\0${name}`;
    const known = byId.get(id);
    if (!known) byId.set(id, { module, name, ...(boot && { boot: true as const }), ...(lists && { lists }) });
    else {
      if (!boot) delete known.boot;
      if (known.lists) known.lists = sharedLists(known.lists, lists ?? {});
    }
  };
  for (const use of new Set(names)) {
    if (!isReference(use)) continue;
    for (const { module, name } of bindings.get(use.name)!) {
      const member = use.parent?.type === AST_NODE_TYPES.MemberExpression && use.parent.object === use ? propertyName(use.parent) : undefined;
      // A static method of a class a project file exports is noted under the class: `Database.connect()` gives `default.connect`.
      if (name !== undefined && member !== undefined) {
        // Read without a call (`app.get('/', Database.handler)`), it may run at any time.
        if (isLocalModule(module)) note(module, `${name}.${member}`, use.parent!);
      } else if (name !== undefined) {
        if (isCallOf(use) || handsOn(use)) note(module, name, use);
      } else if (member !== undefined) note(module, member, use.parent!);
    }
  }
  return [...byId.values()];
}

/**
 * A method name of two words or more (`refreshEditorsFromDisk`, `loadLocale`): distinct enough across a project that its calls by
 * name are its own. One word (`init`, `get`, `load`) names methods of many classes and libraries.
 */
const DISTINCT_METHOD_NAME = /^[a-z]\w*[a-z0-9][A-Z]/;

/**
 * The methods the file uses by name through an object (`WIKI.models.editors.refreshEditorsFromDisk()`, `this.loadLocale(ns)`,
 * `Editor.refresh()`): whether every use is a call that runs at boot. A method read without a call (handed on as a handler,
 * bound) may run at any time; so may one taken out by destructuring.
 */
function methodUsesOf(
  context: RuleContext,
  members: readonly TSESTree.MemberExpression[],
  destructured: readonly string[],
): { calls: Record<string, boolean>; lists?: Record<string, ArgumentLists> } | undefined {
  if (members.length === 0 && destructured.length === 0) return undefined;
  const uses: Record<string, boolean> = {};
  const lists: Record<string, ArgumentLists> = {};
  for (const name of destructured) {
    uses[name] = false;
    lists[name] = {};
  }
  for (const member of members) {
    const name = (member.property as TSESTree.Identifier).name;
    const boot = isCallOf(member) && callRunsAtBoot(context, member.parent);
    uses[name] = (uses[name] ?? true) && boot;
    const handed = usedLists(context, member) ?? {};
    lists[name] = Object.hasOwn(lists, name) ? sharedLists(lists[name]!, handed) : handed;
  }
  const bounded = Object.entries(lists).filter(([, byIndex]) => Object.keys(byIndex).length > 0);
  return { calls: uses, ...(bounded.length > 0 && { lists: Object.fromEntries(bounded) }) };
}

/** The bounded lists a use of a function hands it, when it calls it; none for a use that hands the function on. */
function usedLists(context: RuleContext, use: TSESTree.Node): ArgumentLists | undefined {
  return isCallOf(use) ? argumentLists(context, use.parent) : undefined;
}

/** Type positions whose expression is a value (`fn as Handler`, `fn!`). */
const VALUE_WRAPPERS: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.TSInstantiationExpression,
]);

/** Whether an identifier reads a binding, rather than naming a property, declaring a binding, a label or a type. */
function isReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === identifier || parent.computed;
    case AST_NODE_TYPES.Property:
      return parent.parent.type !== AST_NODE_TYPES.ObjectPattern && (parent.value === identifier || parent.computed);
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
      return parent.key !== identifier || parent.computed;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === identifier;
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body === identifier;
    case AST_NODE_TYPES.ClassDeclaration:
    case AST_NODE_TYPES.ClassExpression:
      return parent.superClass === identifier;
    case AST_NODE_TYPES.AssignmentPattern:
      return parent.right === identifier;
    case AST_NODE_TYPES.CatchClause:
    case AST_NODE_TYPES.ArrayPattern:
    case AST_NODE_TYPES.RestElement:
    case AST_NODE_TYPES.ImportSpecifier:
    case AST_NODE_TYPES.ImportDefaultSpecifier:
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
    case AST_NODE_TYPES.ExportSpecifier:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return false;
    default:
      return parent !== undefined && (!parent.type.startsWith('TS') || VALUE_WRAPPERS.has(parent.type));
  }
}

/**
 * Whether a use hands the function on, to be called who knows when (`cron.schedule(spec, syncAll)`, `{ handler: syncAll }`), rather
 * than reading a member of it (`db.query`), asking its type (`typeof`, `instanceof`), re-exporting it or making an instance (`new`).
 */
function handsOn(use: TSESTree.Node): boolean {
  const parent = use.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object !== use;
    case AST_NODE_TYPES.NewExpression:
      return parent.callee !== use;
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.ExportSpecifier:
      return false;
    default:
      return true;
  }
}

/** Whether a file imports a value (not only types): only then can it call another file's function. */
function importsValues(sourceFile: ts.SourceFile): boolean {
  return sourceFile.statements.some(
    (statement) =>
      (ts.isImportDeclaration(statement) && !!statement.importClause && !statement.importClause.isTypeOnly) ||
      (ts.isVariableStatement(statement) && statement.declarationList.declarations.some((declaration) => isRequireCall(declaration.initializer))),
  );
}

/** `require('./database')`: a module required by a string (see `bindRequire`). */
function isRequireCall(node: ts.Expression | undefined): boolean {
  return (
    node !== undefined &&
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    ts.isStringLiteral(node.arguments[0]!)
  );
}

/** Whether a type names a type imported from a database package, as itself, a member of a union, or the argument of a utility type. */
function namesDatabaseType(type: ts.TypeNode, imported: Map<string, string>): boolean {
  if (ts.isTypeReferenceNode(type)) {
    // `Knex.Transaction`, `pgPromise.IDatabase<unknown>`: a type of the import the name starts with.
    let root: ts.EntityName = type.typeName;
    while (ts.isQualifiedName(root)) root = root.left;
    const module = imported.get(root.text);
    if (module !== undefined) return isDatabaseModule(module);
    return !!type.typeArguments?.length && namesDatabaseType(type.typeArguments[0]!, imported);
  }
  // `Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]`: the handle a member of a database type hands on.
  if (ts.isIndexedAccessTypeNode(type)) return namesDatabaseType(type.objectType, imported);
  return ts.isUnionTypeNode(type) && type.types.some((member) => namesDatabaseType(member, imported));
}

/**
 * Whether a file exports anything `exportedDeclarations` reads: a function, a variable, a class
 * with a base or a method, a default export, a re-export. A file that exports only types, enums,
 * namespaces and classes of plain fields (data transfer objects) declares nothing.
 */
function mayExportDeclarations(sourceFile: ts.SourceFile): boolean {
  let imported: Map<string, string> | undefined;
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) return true;
    if (!ts.canHaveModifiers(statement) || !ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    // `export type DatabaseSchema = Kysely<Schema>`, `= PrismaClient | Omit<PrismaClient, '$connect'>`: an alias of a type of a database package names a handle.
    if (ts.isTypeAliasDeclaration(statement)) {
      imported ??= importedNames(sourceFile);
      if (namesDatabaseType(statement.type, imported) || ts.isTypeQueryNode(statement.type) || mayTypeFields(statement.type) || namesParameters(statement.type))
        return true;
      // `export type ReqContext = ReqContextClass`: another name for an imported class, read as a re-export of it.
      if (
        ts.isTypeReferenceNode(statement.type) &&
        !statement.type.typeArguments &&
        ts.isIdentifier(statement.type.typeName) &&
        imported.has(statement.type.typeName.text)
      )
        return true;
      continue;
    }
    // `export interface Context { db: typeof db }`: its members may hold a handle (see `objectTypeFields`).
    if (ts.isInterfaceDeclaration(statement) && (statement.heritageClauses || statement.members.some(mayTypeField))) return true;
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement))
      continue;
    if (!ts.isClassDeclaration(statement)) return true;
    const extendsClass = statement.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
    // A constructor may declare public fields (`constructor(public db: Kysely<Schema>)`).
    if (extendsClass || statement.members.some((member) => ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || isAbstractField(member)))
      return true;
  }
  return false;
}

/** `Parameters<RouterInit<T>>`: a tuple whose members may be typed with the project's classes (see `parameterTupleFields`). */
function namesParameters(type: ts.TypeNode): boolean {
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Parameters';
}

/** `abstract readonly queries: Queries`: a field every subclass sets (see `readableFields`). */
function isAbstractField(member: ts.ClassElement): boolean {
  return ts.isPropertyDeclaration(member) && !!member.type && !!ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.AbstractKeyword);
}

/** Whether an object type, or a part of an intersection, has a member typed with a value (`typeof db`) or a named type. */
function mayTypeFields(type: ts.TypeNode): boolean {
  if (ts.isIntersectionTypeNode(type)) return type.types.some((part) => ts.isTypeReferenceNode(part) || mayTypeFields(part));
  return ts.isTypeLiteralNode(type) && type.members.some(mayTypeField);
}

function mayTypeField(member: ts.TypeElement): boolean {
  // `getCurrentTransaction(): Tx`, `current: () => Tx`: a method that declares what it hands out.
  if (ts.isMethodSignature(member)) return !!member.type && ts.isTypeReferenceNode(member.type);
  if (!ts.isPropertySignature(member) || !member.type) return false;
  if (ts.isFunctionTypeNode(member.type)) return ts.isTypeReferenceNode(member.type.type);
  return ts.isTypeQueryNode(member.type) || ts.isTypeReferenceNode(member.type);
}

/** The names a file's import declarations bind, with the module each comes from. */
function importedNames(sourceFile: ts.SourceFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (clause.name) names.set(clause.name.text, module);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.set(element.name.text, module);
    else if (bindings) names.set(bindings.name.text, module);
  }
  return names;
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
    options: { rules: {}, concurrencyLimit: DEFAULT_CONCURRENCY_LIMIT, project: { ...EMPTY_PROJECT, readAlone: true } },
    ruleOptions: {},
    shared: fileState.shared,
    // Declarations are read before anyone knows which files reach a database.
    databaseInReach: true,
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
    element.type === AST_NODE_TYPES.MethodDefinition &&
    element.kind === 'method' &&
    !element.static &&
    element.key.type === AST_NODE_TYPES.Identifier &&
    queryOfWrapper(context, element.value as TSESTree.FunctionExpression)
      ? [element.key.name]
      : [],
  );
  return methods.length > 0 ? { ...instance, methods } : instance;
}

/** A function that only runs one query, as other files call it. */
function wrapperValue(context: RuleContext, fn: FunctionNode): OrmValue | undefined {
  const query = queryOfWrapper(context, fn);
  if (query) return { kind: 'queryFunction', orm: query.library };
  // `export function getRedis() { return client; }`, `export const getKnex = () => knex(config)`: a factory of a client.
  const value = returnedHandle(context, fn);
  if (value?.kind === 'client') return { kind: 'factory', orm: value.orm };
  // `export function getCollection(name) { return mongoose.connection.db.collection(name); }`: a factory of a collection;
  // `getOrCreateModel(name, schema)` returning `mongoose.models[name] ?? mongoose.model(name, schema)`: a factory of models;
  // `getRepository = (target) => dataSource.getRepository(target)`: a factory of repositories.
  if (value?.kind === 'delegate' || value?.kind === 'datasource' || value?.kind === 'model' || value?.kind === 'repository')
    return { kind: 'factory', orm: value.orm, makes: value.kind };
  // `OrdersCollection = async (db) => { … return { Orders, OrderLines }; }`: a factory of an object of collections.
  const held = value ? undefined : returnedHandles(context, fn);
  if (held?.kind === 'client') return { kind: 'factory', orm: held.orm, holds: true };
  return held?.kind === 'delegate' || held?.kind === 'datasource' ? { kind: 'factory', orm: held.orm, makes: held.kind, holds: true } : undefined;
}

/**
 * `export const Collection = { runs: getCollection('runs'), users: () => db.collection('users') }`: an object whose every member is a function
 * that makes one kind of handle is, to the files that call `Collection.runs()`, a factory of that handle.
 */
function factoriesObject(context: RuleContext, object: TSESTree.ObjectExpression): OrmValue | undefined {
  const values = object.properties.map((property) => {
    const value = property.type === AST_NODE_TYPES.Property && !property.computed ? unwrapExpression(property.value) : undefined;
    const fn = value && (isFunction(value) ? value : madeFunction(context, value));
    return fn && wrapperValue(context, fn);
  });
  const [first] = values;
  return first?.kind === 'factory' &&
    !first.holds &&
    values.every((value) => value?.kind === 'factory' && value.orm === first.orm && value.makes === first.makes && !value.holds)
    ? first
    : undefined;
}

/** `module.exports = { query: (text, params) => pool.query(text, params) }`: an object that forwards `query` to a client is used as one. */
function forwardingClient(context: RuleContext, object: TSESTree.ObjectExpression): OrmValue | undefined {
  for (const property of object.properties) {
    if (
      property.type !== AST_NODE_TYPES.Property ||
      property.computed ||
      property.key.type !== AST_NODE_TYPES.Identifier ||
      !/^(?:query|execute)$/.test(property.key.name)
    )
      continue;
    const fn = unwrapExpression(property.value);
    const query = isFunction(fn) ? queryOfWrapper(context, fn) : undefined;
    if (query && (query.library === 'pg' || query.library === 'mysql2')) return { kind: 'client', orm: query.library };
  }
  return undefined;
}

function exportedValue(context: RuleContext, node: TSESTree.Node): OrmValue | undefined {
  if (node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) return exportedClassValue(context, node);
  if (isFunction(node)) return wrapperValue(context, node);
  if (node.type === AST_NODE_TYPES.ObjectExpression) return forwardingClient(context, node) ?? factoriesObject(context, node);
  const local = node.type === AST_NODE_TYPES.Identifier ? localFunction(context, node) : undefined;
  if (local) return wrapperValue(context, local);
  const object = constValueOf(context, node);
  const factories = object?.type === AST_NODE_TYPES.ObjectExpression ? factoriesObject(context, object) : undefined;
  if (factories) return factories;
  const value = ormValueOf(context, node);
  return value && value.kind !== 'entity' && value.kind !== 'entities' ? value : undefined;
}

interface ExportedDeclarations {
  exports: Array<{ name: string; value: OrmValue }>;
  reexports: NonNullable<ProjectFacts['reexports']>;
  functions: Record<string, FunctionSummary>;
  classes: NonNullable<ProjectFacts['classes']>;
  fields: NonNullable<ProjectFacts['fields']>;
  aliases: NonNullable<ProjectFacts['aliases']>;
  made: NonNullable<ProjectFacts['made']>;
  callbacks: NonNullable<ProjectFacts['callbacks']>;
  handlers: NonNullable<ProjectFacts['handlers']>;
  /** The name each exported class is first exported under. */
  classNames: Map<TSESTree.Node, string>;
  /** Exported object literals typed with an interface of the project, whose methods implement it (`export const store: InsightStore = { … }`). */
  objectImplementations: Implementation[];
  /** An exported function returns a type one of its parameters has (`dbOrTx(db: KyselyDB, trx?: KyselyTransaction): KyselyDB | KyselyTransaction`). */
  handsBack?: true;
}

/** What a file exports: ORM handles and models by export name (`default` for the default export), re-exports, function summaries, class bases. */
function exportedDeclarations(context: RuleContext, nestedAssignments: readonly TSESTree.AssignmentExpression[] = []): ExportedDeclarations {
  const declared: ExportedDeclarations = {
    exports: [],
    reexports: [],
    functions: {},
    classes: {},
    fields: {},
    aliases: {},
    made: {},
    callbacks: {},
    handlers: {},
    classNames: new Map(),
    objectImplementations: [],
  };
  const add = (name: string, node: TSESTree.Node | null | undefined): void => {
    if (!node) return;
    const value = exportedValue(context, node);
    if (value) declared.exports.push({ name, value });
    else {
      const made = madeClient(context, node);
      if (made) declared.made[name] = made;
    }
    summarizeExport(context, name, node, declared);
    const held = heldModules(context, node, 0);
    // `import * as mongodb from 'mongodb'; export { mongodb }`: the package itself under that name, so `mongodb.Collection<T>` is the driver's.
    const whole = held.length === 1 && isPackageNamespace(context, node) && isDatabaseModule(held[0]!);
    for (const module of held) declared.reexports.push({ module, holds: name, ...(whole && { database: true as const }) });
    const instanceOf = value ? undefined : exportedInstanceClass(context, node);
    if (instanceOf) declared.reexports.push({ module: instanceOf.module, names: { [name]: instanceOf.path[0] ?? 'default' } });
    const returned = returnedTypeRef(context, node);
    if (returned) declared.aliases[`${name}${CALLED}`] = returned;
    if (returned && handsBackParameter(node)) declared.handsBack = true;
  };
  for (const statement of context.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportAllDeclaration) {
      const database = isDatabaseModule(statement.source.value);
      if (!statement.exported) declared.reexports.push({ module: statement.source.value, ...(database && { database: true as const }) });
      // `export * as mongodb from 'mongodb'`: an export that holds the whole database package.
      else if (database) declared.reexports.push({ module: statement.source.value, holds: nameOf(statement.exported), database: true });
    } else if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) for (const name of exportedNames(declarator.id)) add(name.name, name);
      } else if ((declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.FunctionDeclaration) && declaration.id) {
        add(declaration.id.name, declaration);
      } else if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) {
        typeAlias(context, declaration, declared);
      } else if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
        exportedInterface(context, declaration, declaration.id.name, declared);
      } else if (statement.source) {
        const names: Record<string, string> = {};
        for (const specifier of statement.specifiers) names[nameOf(specifier.exported)] = nameOf(specifier.local);
        declared.reexports.push({ module: statement.source.value, names, ...(isDatabaseModule(statement.source.value) && { database: true as const }) });
      } else {
        for (const specifier of statement.specifiers) {
          if (specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
          const exported = nameOf(specifier.exported);
          const imported = importedBinding(context, specifier.local);
          // `import { Pool } from 'pg'; export { Pool }`: the package's own member, as `export { Pool } from 'pg'` hands it on.
          if (imported)
            declared.reexports.push({
              module: imported.module,
              names: { [exported]: imported.path[0] ?? 'default' },
              ...(isDatabaseModule(imported.module) && { database: true as const }),
            });
          else {
            // `type Db = typeof db; export { Db }`: the alias, as `export type Db = typeof db` declares it.
            const alias = resolveVariable(context, specifier.local)?.defs.find(
              (definition) => definition.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration,
            )?.node;
            if (alias?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) typeAlias(context, alias, declared, exported);
            const declaration = resolveVariable(context, specifier.local)?.defs.find(
              (definition) => definition.node.type === AST_NODE_TYPES.TSInterfaceDeclaration,
            )?.node;
            const handle = declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration && exportedInterface(context, declaration, exported, declared);
            if (!handle) add(exported, specifier.local);
          }
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const imported = statement.declaration.type === AST_NODE_TYPES.Identifier ? importedBinding(context, statement.declaration) : undefined;
      if (imported) declared.reexports.push({ module: imported.module, names: { default: imported.path[0] ?? 'default' } });
      else add('default', statement.declaration);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const forwarded = forwardedModule(context, statement.expression);
      if (forwarded) declared.reexports.push({ module: forwarded });
      commonJsExports(context, statement.expression, add);
      const mixin = unwrapExpression(statement.expression.right);
      if (isMixin(mixin)) mixinMembers(context, mixin, add, declared);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      const applied = appliedMixin(context, statement.expression);
      if (applied) declared.reexports.push({ module: applied, mixin: true });
    }
  }
  // `mongoModule.client = client.db()` in an `init` that runs later: the module's member, as other files read it once set.
  for (const assignment of nestedAssignments) {
    const name = propertyName(assignment.left as TSESTree.MemberExpression);
    const known =
      name === undefined || Object.hasOwn(declared.functions, name) || !!declared.made[name] || declared.exports.some((exported) => exported.name === name);
    if (!known && isModuleObject(context, (assignment.left as TSESTree.MemberExpression).object)) add(name, assignment.right);
  }
  trpcContext(context, declared);
  return declared;
}

/** The names an exported declarator binds: `db` of `export const db = …`, and `db` of `export const { client: db } = …`. */
function exportedNames(id: TSESTree.BindingName): TSESTree.Identifier[] {
  if (id.type === AST_NODE_TYPES.Identifier) return [id];
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return [];
  return id.properties.flatMap((property) =>
    property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier ? [property.value] : [],
  );
}

/**
 * An exported interface, declared so (`export interface Context { … }`) or above an export list (`export type { Context }`): a handle when it
 * extends one (`interface CacheClient extends Redis { … }`), as an alias of one is; else the fields other files read through it. Whether it is a handle.
 */
function exportedInterface(context: RuleContext, declaration: TSESTree.TSInterfaceDeclaration, exported: string, declared: ExportedDeclarations): boolean {
  const handle = extendedHandle(context, declaration);
  if (handle) declared.exports.push({ name: exported, value: handle });
  const base = declaration.extends[0]?.expression;
  objectTypeFields(context, exported, declaration.body.body, base?.type === AST_NODE_TYPES.Identifier ? typeNameRef(context, base) : undefined, declared);
  return !!handle;
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** `import { a } from './a'; export { a }`: the module and name an exported local binding imports, when it is one. */
function importedBinding(context: RuleContext, identifier: TSESTree.Identifier): ModuleMember | undefined {
  const definition = resolveVariable(context, identifier)?.defs[0];
  if (definition?.type !== 'ImportBinding' || definition.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return undefined;
  const member = resolveModuleMember(context, identifier);
  return member && member.path.length <= 1 ? member : undefined;
}

/**
 * `export default db` of `const db = new Database(config)` (or `const db: Database = …`) with `Database` a class of another file of
 * the project: calls of the export's methods run the class's methods, as if the export were that class.
 */
function exportedInstanceClass(context: RuleContext, node: TSESTree.Node): { module: string; path: string[] } | undefined {
  const value = unwrapExpression(node);
  const init = constValueOf(context, value);
  const callee = init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier ? init.callee : undefined;
  const made = callee && resolveModuleMember(context, callee);
  const member = made ?? (value.type === AST_NODE_TYPES.Identifier ? instanceClass(context, value) : undefined);
  if (member) return member.path.length <= 1 && isLocalModule(member.module) ? member : undefined;
  // `export const monitors = new MonitorsRepository(knex)` beside `export class MonitorsRepository`: this file's own export.
  const local = callee && localDeclaration(context, callee);
  const exported = local?.type === AST_NODE_TYPES.ClassDeclaration && local.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  const file = context.fileName
    .replace(/\\/g, '/')
    .split('/')
    .at(-1)!
    .replace(/\.[cm]?[jt]sx?$/, '');
  return exported && callee ? { module: `./${file}`, path: [callee.name] } : undefined;
}

/**
 * A field of a facade class that is another class's method: declared `getUser!: UsersRepository['getUser']` (and bound in the
 * constructor), or set to `getUser = users.getUser.bind(users)`. A call of the field runs what that method runs.
 */
function reusedMethod(context: RuleContext, field: TSESTree.PropertyDefinition): CallRef | undefined {
  const type = field.typeAnnotation?.typeAnnotation;
  if (type?.type === AST_NODE_TYPES.TSIndexedAccessType) {
    const owner = type.objectType.type === AST_NODE_TYPES.TSTypeReference && !type.objectType.typeArguments ? type.objectType.typeName : undefined;
    const index = type.indexType.type === AST_NODE_TYPES.TSLiteralType ? type.indexType.literal : undefined;
    const member = owner?.type === AST_NODE_TYPES.Identifier ? resolveModuleMember(context, owner) : undefined;
    if (!member || member.path.length !== 1 || member.module.startsWith('node:') || index?.type !== AST_NODE_TYPES.Literal || typeof index.value !== 'string')
      return undefined;
    return { module: member.module, path: [member.path[0]!, index.value], ...siteOf(context, field.key), instance: true };
  }
  return field.value ? boundMethodRef(context, field.value) : undefined;
}

/** `users.getUser.bind(users)` with `users` imported: what the bound copy calls, as a call of it would refer to it. */
function boundMethodRef(context: RuleContext, value: TSESTree.Node): CallRef | undefined {
  const call = unwrapExpression(value);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'bind')
    return undefined;
  const bound = unwrapExpression(call.callee.object);
  return bound.type === AST_NODE_TYPES.MemberExpression ? moduleFunctionRef(context, bound) : undefined;
}

/** `module.exports = new Catalog()`: the class of this file whose one instance is exported, so its importers call that class's methods. */
function instantiatedClass(context: RuleContext, node: TSESTree.Node): TSESTree.ClassDeclaration | undefined {
  const made = unwrapExpression(node);
  const declaration =
    made.type === AST_NODE_TYPES.NewExpression && made.callee.type === AST_NODE_TYPES.Identifier ? localDeclaration(context, made.callee) : undefined;
  return declaration?.type === AST_NODE_TYPES.ClassDeclaration ? declaration : undefined;
}

/** The summaries of an exported function, or of each method of an exported class, and the class's base. */
function summarizeExport(context: RuleContext, name: string, node: TSESTree.Node, declared: ExportedDeclarations): void {
  summarizeSchemaStatics(context, name, node, declared);
  summarizeRouter(context, name, node, declared);
  const routed = callerRouter(context, node);
  if (routed) declared.classes[`${name}${CALLED}`] ??= { exported: [`${name}${CALLED}`], base: routed };
  const declaration = node.type === AST_NODE_TYPES.Identifier ? localDeclaration(context, node) : (instantiatedClass(context, node) ?? node);
  const object = node.type === AST_NODE_TYPES.Identifier ? constObject(context, node) : node;
  if (object?.type === AST_NODE_TYPES.ObjectExpression) {
    const held = heldHandles(context, object);
    if (held) declared.fields[name] = held;
    summarizeObjectMethods(context, name, object, declared);
    const implemented = node.type === AST_NODE_TYPES.Identifier ? implementedByObject(context, node, object) : undefined;
    if (implemented) declared.objectImplementations.push({ interface: implemented, exported: name });
  }
  if (!declaration) return;
  if (isFunction(declaration)) {
    const summary = withHandedHandles(context, declaration, summarizeFunction(context, declaration, callReader));
    if (keepsSummary(summary) || summary.makes) declared.functions[name] = isRequestMemoized(context, declaration) ? { ...summary, memoized: true } : summary;
    addCallbackHandles(context, name, declaration, declared);
    summarizeReturnedFunctions(context, name, declaration, declared);
    const implemented = implementedByFactory(context, declaration);
    if (implemented) declared.objectImplementations.push({ interface: implemented, exported: name });
    const operation = implementedOperation(context, name, declaration);
    if (operation) declared.objectImplementations.push(operation);
    const madeBase = returnedClassBase(context, declaration);
    if (madeBase) declared.classes[name] ??= { exported: [name], base: madeBase };
    return;
  }
  if (declaration.type !== AST_NODE_TYPES.ClassDeclaration && declaration.type !== AST_NODE_TYPES.ClassExpression) return;
  if (!declared.classNames.has(declaration)) declared.classNames.set(declaration, name);
  for (const element of declaration.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && !element.computed && element.key.type === AST_NODE_TYPES.Identifier) {
      const reused = reusedMethod(context, element);
      if (reused) declared.functions[`${name}.${element.key.name}`] ??= { calls: [reused] };
      continue;
    }
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'method' || element.key.type !== AST_NODE_TYPES.Identifier) continue;
    const method = element.value as TSESTree.FunctionExpression;
    const summary = withHeldArguments(withHandedHandles(context, method, summarizeFunction(context, method, callReader)), name);
    if (keepsSummary(summary)) declared.functions[`${name}.${element.key.name}`] = summary;
    addCallbackHandles(context, `${name}.${element.key.name}`, method, declared);
  }
  const handled = handledMessage(context, declaration);
  if (handled !== undefined && declared.functions[`${name}.execute`]) declared.handlers[handled] ??= name;
  // A class none of whose methods query (a result type's `Outcome.ok()`) hands out nothing a caller's query could run on.
  const queries = Object.keys(declared.functions).some((summarized) => summarized.startsWith(`${name}.`));
  const fields = { ...readableFields(context, declaration), ...(queries && ownInstanceFinders(declaration, name)) };
  if (Object.keys(fields).length > 0) declared.fields[name] = fields;
  const base = declaration.superClass && baseOf(context, declaration.superClass);
  const className = declaration.id?.name ?? name;
  if (base) {
    const known = declared.classes[className];
    const superArguments = known ? undefined : importsHandedToBase(context, declaration);
    if (known) known.exported.push(name);
    else declared.classes[className] = { exported: [name], base, ...(superArguments && { superArguments }) };
  }
}

/** `constructor() { super(Task) }`: the imports the constructor hands its base, by position (null for any other value). */
function importsHandedToBase(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Array<ImportedName | null> | undefined {
  const constructor = declaration.body.body.find((element) => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor');
  const statements = constructor?.type === AST_NODE_TYPES.MethodDefinition ? (constructor.value.body?.body ?? []) : [];
  for (const statement of statements) {
    const call = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Super) continue;
    return call.arguments.map((argument) => {
      const imported = argument.type === AST_NODE_TYPES.Identifier ? resolveModuleMember(context, argument) : undefined;
      return imported && imported.path.length <= 1 && !imported.module.startsWith('node:')
        ? { module: imported.module, name: imported.path[0] ?? 'default' }
        : null;
    });
  }
  return undefined;
}

/**
 * `export const noteRouter = router({ upsert: authedProcedure.input(schema).mutation(async ({ input }) => …), tags: tagRouter })`:
 * each procedure's resolver, as a method of the router (`noteRouter.upsert`), and each router of another file it nests, as the
 * base of that member (`appRouter.notes` stands for `noteRouter`), so that a server-side caller's `notes.upsert(…)` runs the resolver.
 */
function summarizeRouter(context: RuleContext, name: string, node: TSESTree.Node, declared: ExportedDeclarations, nested = false): void {
  const routes = routerRoutes(context, node);
  for (const property of routes?.properties ?? []) {
    const key = property.type === AST_NODE_TYPES.Property ? keyName(property) : undefined;
    if (key === undefined) continue;
    const member = `${name}.${key}`;
    const value = unwrapExpression((property as TSESTree.Property).value);
    const resolver = procedureResolver(value);
    if (resolver) {
      const summary = withHandedHandles(context, resolver, summarizeFunction(context, resolver, callReader));
      if (keepsSummary(summary)) declared.functions[member] = summary;
    } else if (!nested && routerRoutes(context, value)) summarizeRouter(context, member, value, declared, true);
    else {
      const imported = value.type === AST_NODE_TYPES.Identifier ? resolveModuleMember(context, value) : undefined;
      if (imported?.path.length === 1 && isLocalModule(imported.module))
        declared.classes[member] ??= { exported: [member], base: { module: imported.module, name: imported.path[0]! } };
    }
  }
}

/**
 * The routes of a tRPC router (`router({ … })`, `t.router({ … })`, `createTRPCRouter({ … })`), or of a `const` holding one: its one
 * object argument, when the call is named for a router or the object holds a procedure.
 */
function routerRoutes(context: RuleContext, node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const call = constValueOf(context, node);
  const routes = call?.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 1 ? unwrapExpression(call.arguments[0]!) : undefined;
  if (routes?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const callee = unwrapExpression((call as TSESTree.CallExpression).callee);
  const calleeName =
    callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  const holdsProcedure = routes.properties.some((property) => property.type === AST_NODE_TYPES.Property && procedureResolver(unwrapExpression(property.value)));
  return holdsProcedure || /router$/i.test(calleeName ?? '') ? routes : undefined;
}

/** The resolver of a tRPC procedure: the function of `procedure.input(schema).query(fn)` (also `.mutation`, `.subscription`). */
function procedureResolver(node: TSESTree.Node): FunctionNode | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const resolver = node.arguments.length === 1 ? unwrapExpression(node.arguments[0]!) : undefined;
  return PROCEDURE_METHODS.has(propertyName(node.callee) ?? '') && resolver && isFunction(resolver) ? resolver : undefined;
}

/**
 * The router a tRPC server-side caller calls, as the base of what a call of the export returns: `createCaller` of
 * `createCaller = t.createCallerFactory(appRouter)`, and `userCaller` of `userCaller = (ctx) => createCaller(ctx)` or
 * `(ctx) => appRouter.createCaller(ctx)`.
 */
function callerRouter(context: RuleContext, node: TSESTree.Node, depth = 0): TypeRef | undefined {
  const value = constValueOf(context, node);
  const made = value && isFunction(value) ? returnedExpression(value) : undefined;
  const call = made && unwrapExpression(made);
  if (call?.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(call.callee);
    // `appRouter.createCaller(ctx)`
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'createCaller') return routerRef(context, callee.object);
    // `createCaller(ctx)` of this file's caller factory
    if (callee.type === AST_NODE_TYPES.Identifier && depth === 0 && callerRouter(context, callee, 1)) return { module: '', name: `${callee.name}${CALLED}` };
  }
  if (value?.type !== AST_NODE_TYPES.CallExpression || value.arguments.length !== 1) return undefined;
  const factory = unwrapExpression(value.callee);
  const factoryName =
    factory.type === AST_NODE_TYPES.Identifier ? factory.name : factory.type === AST_NODE_TYPES.MemberExpression ? propertyName(factory) : undefined;
  return factoryName === 'createCallerFactory' ? routerRef(context, value.arguments[0]!) : undefined;
}

/** A router named by its export: imported from a file of the project, or declared in this one. */
function routerRef(context: RuleContext, node: TSESTree.Node): TypeRef | undefined {
  const router = unwrapExpression(node);
  if (router.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = resolveModuleMember(context, router);
  if (imported) return imported.path.length === 1 && isLocalModule(imported.module) ? { module: imported.module, name: imported.path[0]! } : undefined;
  return routerRoutes(context, router) ? { module: '', name: router.name } : undefined;
}

/** The decorators of `@nestjs/cqrs` that register a class as the handler of the command or query class they name. */
const CQRS_HANDLERS: ReadonlySet<string> = new Set(['CommandHandler', 'QueryHandler']);

/** `@CommandHandler(UpdateEmployeeCommand)`, `@QueryHandler(GetInvoiceQuery)` on a class: the export name of the class it handles. */
function handledMessage(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string | undefined {
  for (const decorator of declaration.decorators ?? []) {
    const call = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression : undefined;
    const member = call && resolveModuleMember(context, call.callee);
    const argument = call?.arguments.length === 1 ? call.arguments[0]! : undefined;
    if (member?.module !== '@nestjs/cqrs' || !CQRS_HANDLERS.has(member.path.at(-1) ?? '') || argument?.type !== AST_NODE_TYPES.Identifier) continue;
    return typeNameRef(context, argument)?.name;
  }
  return undefined;
}

/** `export default mongoose.model('Group', schema)`: each static of the schema, as a static method of the model (`default.findWithDescendants`). */
function summarizeSchemaStatics(context: RuleContext, name: string, node: TSESTree.Node, declared: ExportedDeclarations): void {
  const schema = modelSchema(context, node);
  if (!schema) return;
  for (const [method, value] of schemaMembers(context, schema)) {
    if (!isFunction(value)) {
      // `schema.statics.findTree = UserGroup.findTree`: runs what the other model's static runs.
      const reused = value.type === AST_NODE_TYPES.MemberExpression ? moduleFunctionRef(context, value) : undefined;
      if (reused) declared.functions[`${name}.${method}`] = { calls: [reused] };
      continue;
    }
    const summary = withHandedHandles(context, value, summarizeFunction(context, value, callReader));
    if (keepsSummary(summary)) declared.functions[`${name}.${method}`] = summary;
  }
}

/** `Notification.createFor = async function (...) {...}` on a Sequelize model of the file: summarized as `Notification.createFor`; the models that have any. */
function summarizeModelFunctions(context: RuleContext, declared: ExportedDeclarations): string[] {
  const models = new Set<string>();
  visitAll(context.ast, (node) => {
    const attached = node.type === AST_NODE_TYPES.AssignmentExpression ? attachedModelFunction(context, node) : undefined;
    if (!attached || attached.row) return;
    const summary = withHandedHandles(context, attached.fn, summarizeFunction(context, attached.fn, callReader));
    if (!keepsSummary(summary)) return;
    declared.functions[`${attached.model}.${attached.name}`] ??= summary;
    models.add(attached.model);
  });
  return [...models];
}

/** Whether a summary says something other files ask of the function: what it runs or awaits, what it does with a handle, its cache. */
function keepsSummary(summary: FunctionSummary): boolean {
  return !!(
    summary.site ||
    summary.calls ||
    summary.otherWork ||
    summary.awaits ||
    summary.branchWork ||
    summary.branchAwaits ||
    summary.parameterQueries ||
    summary.opensTransaction ||
    summary.cacheFirst
  );
}

/** `export const insightStore: InsightStore = { async getActive(id) { … } }`: each method of an exported object, as a class's (`insightStore.getActive`). */
function summarizeObjectMethods(context: RuleContext, name: string, object: TSESTree.ObjectExpression, declared: ExportedDeclarations, nested = false): void {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const method = unwrapExpression(property.value);
    // `export default { ...callbackifyAll(Getter), promises: Getter }`: the methods of the object it holds, read as `Getter.promises.get(...)`.
    const held = !nested && method.type === AST_NODE_TYPES.Identifier ? constObject(context, method) : undefined;
    if (held) summarizeObjectMethods(context, `${name}.${property.key.name}`, held, declared, true);
    // `{ getUser: users.getUser.bind(users) }`: runs what that method runs.
    const bound = isFunction(method) ? undefined : boundMethodRef(context, method);
    if (bound) declared.functions[`${name}.${property.key.name}`] = { calls: [bound] };
    // `export default { insert, runSql }`: a function the file declares, held under its name.
    const fn = isFunction(method) ? method : method.type === AST_NODE_TYPES.Identifier ? localFunction(context, method) : undefined;
    if (!fn) continue;
    const summary = withHandedHandles(context, fn, summarizeFunction(context, fn, callReader));
    if (keepsSummary(summary)) declared.functions[`${name}.${property.key.name}`] = summary;
  }
}

/**
 * `createUserQueries = (pool) => { const findUserById = async (id) => pool.one(...); return { findUserById } }`: each function of
 * the object literal a function returns, as a method of it (`createUserQueries.findUserById`), for the fields that hold that object.
 */
function summarizeReturnedFunctions(context: RuleContext, name: string, fn: FunctionNode, declared: ExportedDeclarations, depth = 0): void {
  for (const returned of returnedValues(fn)) {
    // `buildFindEntityById = (pool) => (schema) => async (id) => pool.one(...)`: the function a call returns, as `name()` (see `CALLED`).
    const made = localFunction(context, returned);
    if (made && contains(fn, made) && depth < MAX_CURRIED) {
      const summary = withHandedHandles(context, made, summarizeFunction(context, made, callReader));
      if (keepsSummary(summary)) declared.functions[`${name}${CALLED}`] = summary;
      summarizeReturnedFunctions(context, `${name}${CALLED}`, made, declared, depth + 1);
    }
    if (depth > 0) continue;
    // `injectArguments({ getUserById, createUser }, { db })`: the same functions, handed the shared arguments on each call.
    const bound = returned.type === AST_NODE_TYPES.CallExpression ? boundFunctions(context, returned) : undefined;
    if (bound) summarizeReturnedMembers(context, name, bound, declared);
    else if (returned.type === AST_NODE_TYPES.ObjectExpression) summarizeReturnedMembers(context, name, returned, declared, fn);
  }
}

/** Each function of an object a function returns, as a method of it; only those declared inside `factory` when one is given. */
function summarizeReturnedMembers(
  context: RuleContext,
  name: string,
  object: TSESTree.ObjectExpression,
  declared: ExportedDeclarations,
  factory?: FunctionNode,
): void {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
    const member = localFunction(context, property.value);
    // `findScopeById: buildFindEntityById(pool)(Scopes)`: a function a builder of another file makes runs what that builder's function runs.
    const built = member ? undefined : madeFunctionRef(context, property.value);
    if (built) declared.functions[`${name}.${property.key.name}`] = { calls: [built] };
    if (!member || (factory && !contains(factory, member))) continue;
    const summary = withHandedHandles(context, member, summarizeFunction(context, member, callReader));
    if (keepsSummary(summary)) declared.functions[`${name}.${property.key.name}`] = summary;
  }
}

/**
 * `injectArguments({ getUserById, createUser }, { db })`, `bindArgs(repository, { db, logger })`: an object of the file's functions
 * handed with an object of arguments, which such a helper pre-binds, returning an object of the same keys.
 */
function boundFunctions(context: RuleContext, call: TSESTree.CallExpression): TSESTree.ObjectExpression | undefined {
  const [first, shared] = call.arguments;
  if (call.arguments.length !== 2 || !first || !shared || unwrapExpression(shared).type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const functions = unwrapExpression(first);
  const object = functions.type === AST_NODE_TYPES.Identifier ? constObject(context, functions) : functions;
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || object.properties.length === 0) return undefined;
  const allFunctions = object.properties.every(
    (property) => property.type === AST_NODE_TYPES.Property && !property.computed && !!localFunction(context, property.value),
  );
  return allFunctions ? object : undefined;
}

/** What a function returns: its arrow's expression, or the argument of each `return` of its own body. */
function returnedValues(fn: FunctionNode): TSESTree.Node[] {
  const body = fn.body as FunctionNode['body'] | null | undefined;
  if (!body) return [];
  if (body.type !== AST_NODE_TYPES.BlockStatement) return [unwrapExpression(body)];
  return body.body.flatMap((statement) =>
    statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument ? [unwrapExpression(statement.argument)] : [],
  );
}

/** The interface or object type a `const` holding an object literal with methods is declared with (`InsightStore` of `const store: InsightStore = { … }`). */
function implementedByObject(context: RuleContext, identifier: TSESTree.Identifier, object: TSESTree.ObjectExpression): TypeRef | undefined {
  const declared = resolveVariable(context, identifier)?.defs[0]?.name;
  const type = declared?.type === AST_NODE_TYPES.Identifier ? declared.typeAnnotation?.typeAnnotation : undefined;
  const hasMethods = object.properties.some((property) => property.type === AST_NODE_TYPES.Property && isFunction(unwrapExpression(property.value)));
  return hasMethods && type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier
    ? typeNameRef(context, type.typeName)
    : undefined;
}

/**
 * The interface a factory declares it returns (`OrderStore` of `createOrderStore = (db): OrderStore => { …; return { get, save } }`), when
 * it returns an object of its own functions: each function is that interface's method, summarized as `createOrderStore.get`.
 */
function implementedByFactory(context: RuleContext, fn: FunctionNode): TypeRef | undefined {
  const type = fn.returnType?.typeAnnotation;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const returnsFunctions = returnedValues(fn).some(
    (returned) =>
      returned.type === AST_NODE_TYPES.ObjectExpression &&
      returned.properties.some((property) => property.type === AST_NODE_TYPES.Property && localFunction(context, property.value)),
  );
  return returnsFunctions ? typeNameRef(context, type.typeName) : undefined;
}

/**
 * The function type a function stands for: `getStream` of `const getStream: GetStream = async (id) => …`, or what a factory makes,
 * `getStreamFactory()` of `getStreamFactory = (deps): GetStream => async (id) => …` (see `CALLED`); a call typed with it runs that function.
 */
function implementedOperation(context: RuleContext, name: string, fn: FunctionNode): Implementation | undefined {
  const holder = fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent.id : undefined;
  const typed = holder?.type === AST_NODE_TYPES.Identifier ? holder.typeAnnotation?.typeAnnotation : undefined;
  const made = typed ? undefined : fn.returnType?.typeAnnotation;
  const type = typed ?? made;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const makesFunction = (): boolean =>
    returnedValues(fn).some((returned) => {
      const inner = localFunction(context, returned);
      return !!inner && contains(fn, inner);
    });
  if (made && !makesFunction()) return undefined;
  const ref = typeNameRef(context, type.typeName);
  return ref && { interface: ref, exported: made ? `${name}${CALLED}` : name };
}

/** A summary with what the function does with a handle it is given: the queries it runs on one (when it runs none of its own), the transaction whose handle it hands on. */
function withHandedHandles(context: RuleContext, fn: FunctionNode, summary: FunctionSummary): FunctionSummary {
  const parameterQueries = summary.site ? [] : parameterQueriesOf(context, fn);
  const opensTransaction = transactionParameterOf(context, fn);
  return {
    ...summary,
    ...(parameterQueries.length > 0 && { parameterQueries }),
    ...(opensTransaction && { opensTransaction }),
  };
}

function addCallbackHandles(context: RuleContext, name: string, fn: FunctionNode, declared: ExportedDeclarations): void {
  const found = callbackHandlesOf(context, fn);
  if (found.length > 0) declared.callbacks[name] = found;
}

/**
 * `(db: Database, input: { handleAsync: (db: MysqlDatabase) => Promise<void> })`: the parameters of the callbacks a function
 * takes that its declared types make handles, or type with a type another file declares (which the index tells).
 */
function callbackHandlesOf(context: RuleContext, fn: FunctionNode): CallbackHandleFact[] {
  const found: CallbackHandleFact[] = [];
  fn.params.forEach((_, parameter) => {
    const declared = declaredParameterType(fn, parameter);
    // `(plugin: FastifyPluginAsync) => …`: the plugin it is passed is given the Fastify instance.
    if (isFastifyPluginType(context, declared)) found.push({ parameter, callbackParameter: 0, handle: FASTIFY });
    for (const { property, params } of declared ? callbackTypes(context, declared) : []) {
      params.forEach((callbackParameter, index) => {
        const type = parameterType(callbackParameter);
        const value = type && typeValue(context, type);
        const ref = !value && type ? typeRefOf(context, type) : undefined;
        const site = { parameter, ...(property !== undefined && { property }), callbackParameter: index };
        if (value && isHandle(value)) found.push({ ...site, handle: value });
        else if (ref) found.push({ ...site, type: ref });
        if (type && !value) found.push(...handleFields(context, type).map((field) => ({ ...site, ...field })));
      });
    }
  });
  return found;
}

/** `(context: AuthContext) => ...` with `AuthContext` declaring `prisma: PrismaClient`: the members of a callback's parameter that are handles, or typed by an import. */
function handleFields(context: RuleContext, type: TSESTree.TypeNode): Array<Pick<CallbackHandleFact, 'field' | 'handle' | 'type'>> {
  return objectTypeMembers(context, type).flatMap((member): Array<Pick<CallbackHandleFact, 'field' | 'handle' | 'type'>> => {
    const field = member.type === AST_NODE_TYPES.TSPropertySignature ? signatureName(member) : undefined;
    const fieldType = member.type === AST_NODE_TYPES.TSPropertySignature ? member.typeAnnotation?.typeAnnotation : undefined;
    if (field === undefined || !fieldType) return [];
    const value = typeValue(context, fieldType);
    if (value) return isHandle(value) ? [{ field, handle: value }] : [];
    const ref = typeRefOf(context, fieldType);
    return ref && ref.module !== '' ? [{ field, type: ref }] : [];
  });
}

/**
 * `export type DatabaseSchema = Kysely<Schema>` (a handle, exported as one), `export type AccountDb =
 * Database<Schema>` (a generic class of the project given its schema; other aliases are of data types).
 */
function typeAlias(context: RuleContext, alias: TSESTree.TSTypeAliasDeclaration, declared: ExportedDeclarations, name = alias.id.name): void {
  const type = alias.typeAnnotation;
  // `export type UsersRepository = ReturnType<typeof createUsersRepository>`: its functions, as methods of the type.
  const factory = returnTypeFunction(context, type);
  if (factory) summarizeReturnedFunctions(context, name, factory.fn, declared);
  const value = typeValue(context, type);
  const made = value ? undefined : madeType(context, type, declared.made);
  if (value && isHandle(value)) declared.exports.push({ name, value });
  else if (made) declared.made[name] = made;
  else if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && RETURN_TYPES.has(type.typeName.name)) {
    // `export type Context = Awaited<ReturnType<typeof createContext>>`: the members of what the function returns.
    const fn = factory?.name;
    // `export type OrdersModule = Awaited<ReturnType<typeof configureOrdersModule>>`: the function's object, known by the function.
    if (fn) declared.aliases[name] = { module: '', name: fn };
    recordFields(fn ?? name, contextFields(context, type, 0), declared);
  } else if (type.type === AST_NODE_TYPES.TSTypeReference && parameterTupleFields(context, type)) {
    recordFields(name, { fields: parameterTupleFields(context, type)! }, declared);
  } else if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeArguments) {
    const ref = typeRefOf(context, type);
    if (ref) declared.aliases[name] = ref;
  } else if (type.type === AST_NODE_TYPES.TSTypeQuery || type.type === AST_NODE_TYPES.TSTypeReference) {
    // `export type DB = typeof db`, `export type ReqContext = ReqContextClass` with it imported: that export, as a re-export of it is.
    const ref = typeRefOf(context, type);
    if (ref && ref.module !== '') declared.reexports.push({ module: ref.module, names: { [name]: ref.name } });
  } else if (type.type === AST_NODE_TYPES.TSUnionType) {
    const ref = importedUnionHandle(context, type);
    if (ref) declared.reexports.push({ module: ref.module, names: { [name]: ref.name } });
  } else if (type.type === AST_NODE_TYPES.TSTypeLiteral) {
    objectTypeFields(context, name, type.members, undefined, declared);
  } else if (type.type === AST_NODE_TYPES.TSIntersectionType) {
    // `type AuthedContext = Context & { user: User }`: the members written in place, and the type it adds them to.
    const literal = type.types.find((part): part is TSESTree.TSTypeLiteral => part.type === AST_NODE_TYPES.TSTypeLiteral);
    const base = type.types.find((part) => part.type === AST_NODE_TYPES.TSTypeReference);
    objectTypeFields(context, name, literal?.members ?? [], base && typeRefOf(context, base), declared);
  }
}

/**
 * `export type DbOrTx = typeof db | Transaction` with `db` imported and `Transaction` a handle this file knows: the one import
 * the union names beside handles of one kind, read as that import's export once the project is known (as `typeof db` alone is).
 */
function importedUnionHandle(context: RuleContext, union: TSESTree.TSUnionType): TypeRef | undefined {
  const imported: TypeRef[] = [];
  const handles: OrmValue[] = [];
  let derived = false;
  for (const member of union.types) {
    if (member.type === AST_NODE_TYPES.TSUndefinedKeyword || member.type === AST_NODE_TYPES.TSNullKeyword) continue;
    const value = typeValue(context, member);
    if (value && isHandle(value)) handles.push(value);
    else {
      const ref = value || (member.type === AST_NODE_TYPES.TSTypeReference && member.typeArguments) ? undefined : typeRefOf(context, member);
      const local = ref?.module === '' ? localAliasType(context, member) : undefined;
      // `type DrizzleTx = Parameters<Parameters<DrizzleClient['transaction']>[0]>[0]`: the transaction of the client beside it.
      if (local && namesTransaction(local)) {
        derived = true;
        continue;
      }
      // `type DrizzleClient = typeof db`, named in the union through its alias.
      const aliased =
        local && (local.type === AST_NODE_TYPES.TSTypeQuery || (local.type === AST_NODE_TYPES.TSTypeReference && !local.typeArguments))
          ? typeRefOf(context, local)
          : ref;
      if (!aliased || aliased.module === '') return undefined;
      imported.push(aliased);
    }
  }
  const [first] = handles;
  const kindsAgree = first ? handles.every((value) => value.orm === first.orm && value.kind === first.kind) : derived;
  return imported.length === 1 && kindsAgree ? imported[0] : undefined;
}

/** The type an alias of this file stands for, when a type names one. */
function localAliasType(context: RuleContext, type: TSESTree.TypeNode): TSESTree.TypeNode | undefined {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, type.typeName)?.defs[0]?.node;
  return definition?.type === AST_NODE_TYPES.TSTypeAliasDeclaration ? definition.typeAnnotation : undefined;
}

/** Whether a type reads the `transaction` member of another type (`Client['transaction']`): the handle a transaction callback gets. */
function namesTransaction(type: TSESTree.TypeNode): boolean {
  let found = false;
  visitAll(type, (node) => {
    if (node.type === AST_NODE_TYPES.TSIndexedAccessType && node.indexType.type === AST_NODE_TYPES.TSLiteralType) {
      const literal = node.indexType.literal;
      if (literal.type === AST_NODE_TYPES.Literal && literal.value === 'transaction') found = true;
    }
  });
  return found;
}

/**
 * The client a type names that another file's function makes, once the index knows it: `Awaited<ReturnType<typeof connect>>`
 * with `connect` returning such a client, or a union of those with handles and aliases of this file (`Database | Transaction`).
 */
function madeType(context: RuleContext, type: TSESTree.TypeNode, made: ExportedDeclarations['made']): MadeClient | undefined {
  if (type.type === AST_NODE_TYPES.TSUnionType) {
    const union: MadeClient = { makers: [] };
    for (const member of type.types) {
      if (member.type === AST_NODE_TYPES.TSUndefinedKeyword || member.type === AST_NODE_TYPES.TSNullKeyword) continue;
      const value = typeValue(context, member);
      const part = value?.kind === 'client' ? { makers: [], orm: value.orm } : value ? undefined : madeType(context, member, made);
      if (!part || part.factory || (part.orm && union.orm && part.orm !== union.orm)) return undefined;
      union.makers.push(...part.makers);
      union.orm ??= part.orm;
    }
    return union.makers.length > 0 ? union : undefined;
  }
  const local =
    type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && !type.typeArguments ? type.typeName.name : undefined;
  if (local !== undefined && Object.hasOwn(made, local)) return made[local];
  const named = typeExpression(context, type);
  return named && madeClient(context, named);
}

/**
 * `export interface Context { db: typeof db; user: User }`, `export type AuthedContext = { db: DB }`: the members other files read
 * through a value of that type (`ctx.db`) that hold a handle, or are typed with a value, a class or an alias of the project; with the type it extends.
 */
function objectTypeFields(
  context: RuleContext,
  name: string,
  members: readonly TSESTree.TypeElement[],
  base: TypeRef | undefined,
  declared: ExportedDeclarations,
): void {
  recordFields(name, { fields: typeMemberFields(context, members), base }, declared);
}

function recordFields(name: string, { fields, base }: ObjectFields, declared: ExportedDeclarations): void {
  if (Object.keys(fields).length > 0) declared.fields[name] = fields;
  if (base) declared.classes[name] = { exported: [name], base };
}

/**
 * The members of an object type that hold a handle, or are typed with a value, a class or an alias of the project; and its methods
 * that declare they hand out one (`getCurrentTransaction(): Tx`, `current: () => Tx`), kept as `getCurrentTransaction()` (see `CALLED`).
 */
function typeMemberFields(context: RuleContext, members: readonly TSESTree.TypeElement[]): Record<string, FieldFact> {
  const fields: Record<string, FieldFact> = {};
  for (const member of members) {
    if (member.type !== AST_NODE_TYPES.TSPropertySignature && member.type !== AST_NODE_TYPES.TSMethodSignature) continue;
    const key = signatureName(member);
    const type = member.type === AST_NODE_TYPES.TSPropertySignature ? member.typeAnnotation?.typeAnnotation : undefined;
    const returned =
      member.type === AST_NODE_TYPES.TSMethodSignature ? member.returnType : type?.type === AST_NODE_TYPES.TSFunctionType ? type.returnType : undefined;
    if (key === undefined) continue;
    if (returned) addTypedField(context, fields, `${key}${CALLED}`, returned.typeAnnotation, true);
    else if (type) addTypedField(context, fields, key, type);
  }
  return fields;
}

/**
 * A member typed with a handle, or with a class or an alias of the project. `handedOut`: a method's declared return type, where a type of
 * this file (`current(): IndexClient`) names nothing another file could make, as `readableFields` reads a class's methods.
 */
function addTypedField(context: RuleContext, fields: Record<string, FieldFact>, key: string, type: TSESTree.TypeNode, handedOut = false): void {
  const value = typeValue(context, type);
  const ref = value && isHandle(value) ? undefined : typeRefOf(context, type);
  if (value && isHandle(value)) fields[key] = { value };
  else if (ref && !(handedOut && ref.module === '')) fields[key] = { type: ref };
}

/**
 * `type RouteArgs<T> = Parameters<(router: T, tenant: TenantContext) => void>`, through an alias of the function type of this file:
 * the parameters' types by position (`'1'`), read as fields of the tuple (`...[router, tenant]: RouteArgs<T>`).
 */
function parameterTupleFields(context: RuleContext, type: TSESTree.TSTypeReference): Record<string, FieldFact> | undefined {
  let fn = type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Parameters' ? type.typeArguments?.params[0] : undefined;
  if (fn?.type === AST_NODE_TYPES.TSTypeReference && fn.typeName.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, fn.typeName)?.defs[0]?.node;
    fn = definition?.type === AST_NODE_TYPES.TSTypeAliasDeclaration ? definition.typeAnnotation : undefined;
  }
  if (fn?.type !== AST_NODE_TYPES.TSFunctionType) return undefined;
  const fields: Record<string, FieldFact> = {};
  fn.params.forEach((parameter, index) => {
    const declared = parameter.type === AST_NODE_TYPES.Identifier ? parameter.typeAnnotation?.typeAnnotation : undefined;
    if (declared) addTypedField(context, fields, String(index), declared);
  });
  return fields;
}

/** Fields other files read through a value of a type, and the type of another file it extends. */
interface ObjectFields {
  fields: Record<string, FieldFact>;
  base?: TypeRef;
}

/** Utility types whose type argument tells the members: `Awaited<ReturnType<typeof createContext>>`, tRPC's `inferAsyncReturnType`. */
const RETURN_TYPES: ReadonlySet<string> = new Set(['Awaited', 'ReturnType', 'inferAsyncReturnType', 'NonNullable']);

/**
 * `ReturnType<typeof createUsersRepository>`, `Awaited<ReturnType<typeof configureOrdersModule>>`: the function of this file whose
 * result the type is, named by its `typeof`.
 */
function returnTypeFunction(context: RuleContext, type: TSESTree.TypeNode): { name: string; fn: FunctionNode } | undefined {
  let current: TSESTree.TypeNode | undefined = type;
  for (let step = 0; current?.type === AST_NODE_TYPES.TSTypeReference && step < MAX_CONTEXT_STEPS; step++) {
    const name = current.typeName.type === AST_NODE_TYPES.Identifier ? current.typeName.name : undefined;
    if (name === undefined || !RETURN_TYPES.has(name) || resolveVariable(context, current.typeName as TSESTree.Identifier)?.defs[0]) return undefined;
    current = current.typeArguments?.params[0];
  }
  const query = current?.type === AST_NODE_TYPES.TSTypeQuery ? current.exprName : undefined;
  const fn = query?.type === AST_NODE_TYPES.Identifier ? localFunction(context, query) : undefined;
  return fn && { name: (query as TSESTree.Identifier).name, fn };
}
const MAX_CONTEXT_STEPS = 6;

/**
 * `initTRPC.context<typeof createTRPCContext>().create()`: the context every procedure the file sets up gets as `ctx`,
 * recorded under `TRPC_CONTEXT` (`ctx.db` in a router of another file).
 */
function trpcContext(context: RuleContext, declared: ExportedDeclarations): void {
  if (!context.text.includes('initTRPC')) return;
  let type: TSESTree.TypeNode | undefined;
  walk(
    context.ast,
    (node) => {
      if (!type && node.type === AST_NODE_TYPES.CallExpression) type = trpcContextType(context, node);
    },
    () => {},
  );
  if (type) recordFields(TRPC_CONTEXT, contextFields(context, type, 0), declared);
}

/** The type argument of `initTRPC.context<T>()`, also after other steps of the builder (`initTRPC.meta<M>().context<T>()`). */
function trpcContextType(context: RuleContext, call: TSESTree.CallExpression): TSESTree.TypeNode | undefined {
  const type = call.typeArguments?.params[0];
  if (!type || call.callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(call.callee) !== 'context') return undefined;
  let root: TSESTree.Node = call.callee.object;
  while (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.MemberExpression)
    root = root.type === AST_NODE_TYPES.CallExpression ? root.callee : root.object;
  const member = resolveModuleMember(context, root);
  return member?.module === '@trpc/server' && member.path.join('.') === 'initTRPC' ? type : undefined;
}

/** The fields of a context type: what the function it names returns, the members written, or the type of another file it names. */
function contextFields(context: RuleContext, type: TSESTree.TypeNode, depth: number): ObjectFields {
  if (depth > MAX_CONTEXT_STEPS) return { fields: {} };
  if (type.type === AST_NODE_TYPES.TSTypeQuery) {
    const fn = type.exprName.type === AST_NODE_TYPES.Identifier ? localFunction(context, type.exprName) : undefined;
    const returned = fn && returnedExpression(fn);
    return { fields: returned ? returnedObjectFields(context, returned, depth + 1) : {} };
  }
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return { fields: typeMemberFields(context, type.members) };
  if (type.type === AST_NODE_TYPES.TSIntersectionType) {
    const parts = type.types.map((part) => contextFields(context, part, depth + 1));
    return { fields: Object.assign({}, ...parts.map((part) => part.fields)) as Record<string, FieldFact>, base: parts.find((part) => part.base)?.base };
  }
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return { fields: {} };
  const definition = resolveVariable(context, type.typeName)?.defs[0];
  const argument = type.typeArguments?.params[0];
  if (!definition && argument && RETURN_TYPES.has(type.typeName.name)) return contextFields(context, argument, depth + 1);
  if (definition?.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration) return contextFields(context, definition.node.typeAnnotation, depth + 1);
  if (definition?.node.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
    const heritage = definition.node.extends[0]?.expression;
    const base = heritage?.type === AST_NODE_TYPES.Identifier ? typeNameRef(context, heritage) : undefined;
    return { fields: typeMemberFields(context, definition.node.body.body), ...(base && { base }) };
  }
  const base = typeNameRef(context, type.typeName);
  return { fields: {}, ...(base && { base }) };
}

/**
 * The fields of the object a function returns (`return { session, db }`), through the awaits, spreads and functions of the
 * file that build it (`return createInnerTRPCContext({ session })` with `({ ...opts, db })`): a handle, or an imported value.
 */
function returnedObjectFields(context: RuleContext, node: TSESTree.Node, depth: number): Record<string, FieldFact> {
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = unwrapExpression(expression.argument);
  if (depth > MAX_CONTEXT_STEPS) return {};
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const fn = localFunction(context, expression.callee);
    const returned = fn && returnedExpression(fn);
    return returned ? returnedObjectFields(context, returned, depth + 1) : {};
  }
  if (expression.type !== AST_NODE_TYPES.ObjectExpression) return {};
  const fields: Record<string, FieldFact> = {};
  for (const property of expression.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      Object.assign(fields, returnedObjectFields(context, property.argument, depth + 1));
      continue;
    }
    const key = property.computed ? undefined : keyName(property);
    if (key === undefined) continue;
    const value = ormValueOf(context, property.value);
    const ref = value || property.value.type !== AST_NODE_TYPES.Identifier ? undefined : importedRef(context, property.value);
    // `positions: positionsModule` with `const positionsModule = configurePositionsModule({ Positions })`: what that function returns.
    const made = value || ref ? undefined : madeByProject(context, (constValueOf(context, property.value) ?? property.value) as TSESTree.Expression);
    if (value && isHandle(value)) fields[key] = { value };
    else if (ref ?? made) fields[key] = ref ? { type: ref } : made!;
  }
  return fields;
}

/**
 * The fields of a class that other files can read, or its subclasses in other files, and that hold
 * a handle or another class of the project: declared without `private`, or constructor parameters
 * declared `public`, `protected` or `readonly`. A field typed with a class of the project counts only when the constructor sets it
 * (`constructor(public db: Database)`, `this.db = ...`): those are what the instance works with,
 * where the fields of data objects (commands, DTOs) are only data.
 */
function readableFields(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Record<string, FieldFact> | undefined {
  const fields: Record<string, FieldFact> = {};
  const constructor = declaration.body.body.find(
    (element): element is TSESTree.MethodDefinition => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor',
  );
  const add = (name: string, type: TSESTree.TypeNode | undefined, setByConstructor: boolean, initializer?: TSESTree.Expression | null): void => {
    const value = classFieldValue(context, declaration, name);
    if (value && isHandle(value)) fields[name] = { value };
    else {
      const ref = setByConstructor && type ? typeRefOf(context, type) : undefined;
      const made = !ref && initializer ? madeByProject(context, initializer) : undefined;
      if (ref) fields[name] = { type: ref };
      else if (made) fields[name] = made;
    }
  };
  for (const element of declaration.body.body) {
    // `abstract readonly queries: Queries`: what every subclass sets, as an interface's member says.
    if (
      element.type === AST_NODE_TYPES.TSAbstractPropertyDefinition &&
      !element.static &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.accessibility !== 'private'
    )
      add(element.key.name, element.typeAnnotation?.typeAnnotation, true);
    if (
      element.type === AST_NODE_TYPES.PropertyDefinition &&
      !element.static &&
      !element.computed &&
      element.key.type === AST_NODE_TYPES.Identifier &&
      element.accessibility !== 'private'
    )
      add(
        element.key.name,
        element.typeAnnotation?.typeAnnotation,
        !!constructor && assignsThis(constructor, element.key.name),
        element.value ?? fieldSetting(declaration.body, element.key.name, false),
      );
  }
  for (const element of declaration.body.body) {
    // `txClient(): Prisma.TransactionClient`, `get tx()`: a method or getter that hands out a handle, kept as `txClient()` (see `CALLED`) or `tx`.
    if (
      element.type !== AST_NODE_TYPES.MethodDefinition ||
      element.static ||
      element.computed ||
      element.key.type !== AST_NODE_TYPES.Identifier ||
      element.accessibility === 'private' ||
      (element.kind !== 'method' && element.kind !== 'get')
    )
      continue;
    const value = methodHandle(context, element.value as FunctionNode);
    const name = element.kind === 'get' ? element.key.name : `${element.key.name}${CALLED}`;
    if (value) fields[name] ??= { value };
    // `protected models(): Models`: what the method declares it hands out, a class or an alias of the project.
    const returned = value ? undefined : declaredReturnType(element.value as FunctionNode);
    const ref = returned && element.kind === 'method' ? typeRefOf(context, returned) : undefined;
    // A type of this file (`txClient(): IndexClient`) names no handle another file could make.
    if (ref && ref.module !== '') fields[name] ??= { type: ref };
  }
  for (const parameter of constructor?.value.params ?? []) {
    if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
    const declared = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
    if (declared.type !== AST_NODE_TYPES.Identifier) continue;
    if (parameter.accessibility === 'public' || parameter.accessibility === 'protected' || (!parameter.accessibility && parameter.readonly))
      add(declared.name, declared.typeAnnotation?.typeAnnotation, true);
  }
  for (const [name, made] of Object.entries(constructedFields(context, declaration))) fields[name] ??= made;
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/** The static methods that hand out an instance of their own class (see `handsOutOwnInstance`), kept as `findOne()` (see `CALLED`). */
function ownInstanceFinders(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, exported: string): Record<string, FieldFact> {
  const fields: Record<string, FieldFact> = {};
  for (const element of declaration.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || !element.static || element.kind !== 'method' || element.key.type !== AST_NODE_TYPES.Identifier)
      continue;
    if (handsOutOwnInstance(declaration, element.value as FunctionNode)) fields[`${element.key.name}${CALLED}`] = { type: { module: '', name: exported } };
  }
  return fields;
}

/**
 * A field set where it is declared or by the constructor from the project's own code: `new ApplicationSecrets(this.pool)` is an instance of that
 * class, `createUserQueries(this.pool)` the object that function returns (resolved when merged, kept only if it has functions that query).
 */
function madeByProject(context: RuleContext, initializer: TSESTree.Expression): FieldFact | undefined {
  const value = unwrapExpression(initializer);
  if ((value.type !== AST_NODE_TYPES.NewExpression && value.type !== AST_NODE_TYPES.CallExpression) || value.callee.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  const ref = typeNameRef(context, value.callee) ?? (localFunction(context, value.callee) ? { module: '', name: value.callee.name } : undefined);
  if (!ref) return undefined;
  return value.type === AST_NODE_TYPES.NewExpression ? { type: ref } : { returnedBy: ref };
}

/**
 * The instances of the project's classes a class's public fields and getters are made with: `boards = new BoardModel(this)`,
 * `this.boards = new BoardModel(this)` in any of its methods, `get boards() { return new BoardModel(this); }`, and
 * each member of an object of them (`models = { boards: new BoardModel(this) }`, kept as `models.boards`): a registry.
 */
function constructedFields(context: RuleContext, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Record<string, FieldFact> {
  const fields: Record<string, FieldFact> = {};
  const instanceOf = (value: TSESTree.Node): FieldFact | undefined => {
    const inner = unwrapExpression(value);
    return inner.type === AST_NODE_TYPES.NewExpression ? madeByProject(context, inner) : undefined;
  };
  const add = (name: string, value: TSESTree.Node | null | undefined): void => {
    const inner = value && unwrapExpression(value);
    if (inner?.type === AST_NODE_TYPES.NewExpression) {
      const made = madeByProject(context, inner);
      if (made) fields[name] ??= made;
    } else if (inner?.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of inner.properties) {
        const key = property.type === AST_NODE_TYPES.Property && !property.computed ? keyName(property) : undefined;
        const made = key === undefined ? undefined : instanceOf((property as TSESTree.Property).value);
        if (made) fields[`${name}.${key}`] ??= made;
      }
    }
  };
  const publicNames = new Set<string>();
  for (const element of declaration.body.body) {
    if (element.type !== AST_NODE_TYPES.PropertyDefinition && element.type !== AST_NODE_TYPES.MethodDefinition) continue;
    if (element.static || element.computed || element.key.type !== AST_NODE_TYPES.Identifier || element.accessibility === 'private') continue;
    if (element.type === AST_NODE_TYPES.PropertyDefinition) {
      publicNames.add(element.key.name);
      add(element.key.name, element.value);
    } else if (element.kind === 'get') add(element.key.name, returnedExpression(element.value as FunctionNode));
    // `user() { return new UserModel(this.db_, this.models_) }`: a registry's method, kept as `user()` (see `CALLED`).
    else if (element.kind === 'method') add(`${element.key.name}${CALLED}`, returnedExpression(element.value as FunctionNode));
  }
  for (const element of declaration.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static || !element.value.body) continue;
    walk(
      element.value.body,
      (node) => {
        if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression) return;
        const name = node.left.object.type === AST_NODE_TYPES.ThisExpression ? propertyName(node.left) : undefined;
        if (name !== undefined && publicNames.has(name)) add(name, node.right);
      },
      () => {},
    );
  }
  return fields;
}

/** Whether a constructor assigns `this.name` anywhere in its body. */
function assignsThis(constructor: TSESTree.MethodDefinition, name: string): boolean {
  let found = false;
  walk(
    constructor.value.body ?? constructor.value,
    (node) => {
      if (
        !found &&
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.left.type === AST_NODE_TYPES.MemberExpression &&
        node.left.object.type === AST_NODE_TYPES.ThisExpression &&
        propertyName(node.left) === name
      )
        found = true;
    },
    () => {},
  );
  return found;
}

/** The object literal a `const` of this file is initialized with. */
function constObject(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.ObjectExpression | undefined {
  const definition = resolveVariable(context, identifier)?.defs[0];
  // `export const { client: db } = { client: … }`: a name destructured from the object holds one of its members, not the object.
  const declarator = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
  const init = declarator?.id === definition?.name ? declarator?.init : undefined;
  return init?.type === AST_NODE_TYPES.ObjectExpression ? init : undefined;
}

/** `export default { client, rawQuery }`: the handles an exported object holds, read as `prisma.client` or `const { client } = prisma`. */
function heldHandles(context: RuleContext, object: TSESTree.ObjectExpression): Record<string, FieldFact> | undefined {
  const fields: Record<string, FieldFact> = {};
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || isFunction(property.value))
      continue;
    const value = ormValueOf(context, property.value);
    const made = value ? undefined : madeByProject(context, property.value as TSESTree.Expression);
    if (value && isHandle(value)) fields[property.key.name] = { value };
    else if (made) fields[property.key.name] = made;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

/**
 * `export function getContext(req): ReqContext`, `async (): Promise<ReqContext>`: the class or alias of the project an exported
 * function declares it returns, kept as an alias named by its call (`getContext()`, see `CALLED`) so its result reads like a value of that type.
 */
function returnedTypeRef(context: RuleContext, node: TSESTree.Node): TypeRef | undefined {
  const declarator = node.type === AST_NODE_TYPES.Identifier ? node.parent : undefined;
  const fn = declarator?.type === AST_NODE_TYPES.VariableDeclarator ? declarator.init : node;
  const type = fn && isFunction(fn) ? firstNamedType(declaredReturnType(fn)) : undefined;
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier ? typeNameRef(context, type.typeName) : undefined;
}

/** Whether a function declares it returns a type one of its parameters is declared with: it may hand back what it is given. */
function handsBackParameter(node: TSESTree.Node): boolean {
  const fn = node.type === AST_NODE_TYPES.Identifier && node.parent?.type === AST_NODE_TYPES.VariableDeclarator ? node.parent.init : node;
  if (!fn || !isFunction(fn)) return false;
  const returned = new Set(typeNames(declaredReturnType(fn)));
  return fn.params.some((parameter) => 'typeAnnotation' in parameter && typeNames(parameter.typeAnnotation?.typeAnnotation).some((name) => returned.has(name)));
}

/** The names a type refers to, itself or as a member of a union (`KyselyDB | KyselyTransaction`). */
function typeNames(type: TSESTree.TypeNode | undefined): string[] {
  if (type?.type === AST_NODE_TYPES.TSUnionType) return type.types.flatMap(typeNames);
  return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier ? [type.typeName.name] : [];
}

/** The class or alias a type names (`Database`, `Database<Schema>`), imported or declared in this file; the imported value a `typeof db` names. */
function typeRefOf(context: RuleContext, type: TSESTree.TypeNode): TypeRef | undefined {
  if (type.type === AST_NODE_TYPES.TSTypeQuery) return type.exprName.type === AST_NODE_TYPES.Identifier ? importedRef(context, type.exprName) : undefined;
  return type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier ? typeNameRef(context, type.typeName) : undefined;
}

/** Where the class, alias or interface a type name refers to is declared: imported, or of this file (`module` empty). */
function typeNameRef(context: RuleContext, name: TSESTree.Identifier): TypeRef | undefined {
  const definition = resolveVariable(context, name)?.defs[0];
  if (
    definition?.type === 'ClassName' ||
    definition?.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration ||
    definition?.node.type === AST_NODE_TYPES.TSInterfaceDeclaration
  )
    return { module: '', name: name.name };
  return importedRef(context, name);
}

/** The module and export name an imported binding names. */
function importedRef(context: RuleContext, name: TSESTree.Identifier): TypeRef | undefined {
  if (resolveVariable(context, name)?.defs[0]?.type !== 'ImportBinding') return undefined;
  const member = resolveModuleMember(context, name);
  return member && member.path.length <= 1 && !member.module.startsWith('node:') ? { module: member.module, name: member.path[0] ?? 'default' } : undefined;
}

/** The function or class an exported identifier names in this file. */
function localDeclaration(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const fn = localFunction(context, identifier);
  if (fn) return fn;
  const definition = resolveVariable(context, identifier)?.defs[0];
  if (definition?.type === 'ClassName') return definition.node;
  if (definition?.type === 'Variable') {
    const declarator = definition.node as TSESTree.VariableDeclarator;
    return declarator.id === definition.name && declarator.init?.type === AST_NODE_TYPES.ClassExpression ? declarator.init : undefined;
  }
  return undefined;
}

/**
 * `const makeModelClass = (config) => { abstract class Model extends BaseModel {...} return Model; }`: the base of the class a
 * class factory returns, which the classes that extend what it makes inherit from (see `classFactoryOf`).
 */
function returnedClassBase(context: RuleContext, fn: FunctionNode): TypeRef | undefined {
  const returned = returnedExpression(fn);
  const inner = returned && unwrapExpression(returned);
  const definition = inner?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, inner)?.defs[0] : undefined;
  const made = definition?.type === 'ClassName' ? definition.node : inner;
  if (made?.type !== AST_NODE_TYPES.ClassDeclaration && made?.type !== AST_NODE_TYPES.ClassExpression) return undefined;
  return made.superClass ? baseOf(context, made.superClass) : undefined;
}

/** The class a class extends: imported (`module` and export name) or of this file (`module` empty); a class factory's call names the factory. */
function baseOf(context: RuleContext, superClass: TSESTree.Node): TypeRef | undefined {
  const mixedInto = mixinTarget(context, superClass);
  if (mixedInto) return baseOf(context, mixedInto);
  const imported = resolveModuleMember(context, superClass) ?? classFactoryOf(context, superClass);
  if (imported) return imported.path.length <= 1 ? { module: imported.module, name: imported.path[0] ?? 'default' } : undefined;
  return superClass.type === AST_NODE_TYPES.Identifier && resolveVariable(context, superClass)?.defs[0]?.type === 'ClassName'
    ? { module: '', name: superClass.name }
    : undefined;
}

const MAX_MIXINS = 8;

/**
 * `extends Timestamped(Model)`, `extends R.pipe(SearchableMixin, MetadataMixin)(BaseModel)`, through a `const` holding
 * the call: a mixin hands back a subclass of the class it is given, so that class is the base.
 */
function mixinTarget(context: RuleContext, superClass: TSESTree.Node): TSESTree.Identifier | undefined {
  let node = constValueOf(context, superClass);
  for (let step = 0; node?.type === AST_NODE_TYPES.CallExpression && step < MAX_MIXINS; step++) {
    const given = node.arguments.at(-1);
    if (!given) return undefined;
    node = unwrapExpression(given);
  }
  if (!node || node === unwrapExpression(superClass) || node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const kind = resolveVariable(context, node)?.defs[0]?.type;
  return kind === 'ImportBinding' || kind === 'ClassName' ? node : undefined;
}

/** `const users = module.exports;`: a `const` that names the module's exports object, whose members are assigned one by one. */
function isExportsAlias(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, node)?.defs[0];
  if (definition?.type !== 'Variable' || (definition.parent as TSESTree.VariableDeclaration).kind !== 'const') return false;
  const init = (definition.node as TSESTree.VariableDeclarator).init;
  return !!init && isModuleExports(unwrapExpression(init));
}

/**
 * `require('./hash')(mongoModule)` or `const mixin = require('./hash'); mixin(User)` at the top of a file, handed its module object:
 * the mixin whose members (`module.getObject = …`) become the file's own.
 */
function appliedMixin(context: RuleContext, expression: TSESTree.Expression): string | undefined {
  if (expression.type !== AST_NODE_TYPES.CallExpression || expression.arguments.length !== 1 || !isModuleObject(context, expression.arguments[0]!))
    return undefined;
  const mixin = resolveModuleMember(context, expression.callee);
  return mixin?.path.length === 0 && isLocalModule(mixin.module) ? mixin.module : undefined;
}

/** `module.getObject = async function (key) {…}` and `User.auth.revokeSession = …` in the body of a mixin: members it gives the object it is handed. */
function mixinMembers(context: RuleContext, mixin: FunctionNode, add: (name: string, node: TSESTree.Node) => void, declared: ExportedDeclarations): void {
  if (mixin.body.type !== AST_NODE_TYPES.BlockStatement) return;
  for (const statement of mixin.body.body) {
    const assignment = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left.type !== AST_NODE_TYPES.MemberExpression) continue;
    const name = propertyName(assignment.left);
    const owner = unwrapExpression(assignment.left.object);
    if (name === undefined) continue;
    if (isModuleObject(context, owner)) add(name, assignment.right);
    else if (owner.type === AST_NODE_TYPES.MemberExpression && isModuleObject(context, owner.object) && isFunction(unwrapExpression(assignment.right))) {
      const sub = propertyName(owner);
      const summary = sub === undefined ? undefined : summarizeFunction(context, unwrapExpression(assignment.right) as FunctionNode, callReader);
      if (summary && keepsSummary(summary)) declared.functions[`${sub}.${name}`] = summary;
    }
  }
}

/** `module.exports = require('./redis')`: a file of the project whose exports this file hands on whole. */
function forwardedModule(context: RuleContext, assignment: TSESTree.AssignmentExpression): string | undefined {
  if (!isModuleExports(assignment.left)) return undefined;
  const required = resolveModuleMember(context, assignment.right);
  if (required?.path.length === 0 && required.module.startsWith('.')) return required.module;
  // ``const primaryDB = require(`./${databaseName}`)``: the module of the folder the configuration names (see `pickedModuleKeys`).
  const value = unwrapExpression(constValueOf(context, assignment.right) ?? assignment.right);
  const isRequire = value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'require';
  const argument = isRequire && value.arguments.length === 1 ? value.arguments[0] : undefined;
  return argument?.type === AST_NODE_TYPES.TemplateLiteral && argument.quasis.length === 2 && argument.quasis[1]!.value.cooked === ''
    ? `${argument.quasis[0]!.value.cooked}\${}`
    : undefined;
}

const MAX_HELD_STEPS = 8;

/** `mongodb` of `import * as mongodb from 'mongodb'`: a namespace import of a package, not a file of the project. */
function isPackageNamespace(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, node)?.defs[0];
  return (
    definition?.type === 'ImportBinding' &&
    definition.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier &&
    !isLocalModule(definition.node.parent.source.value)
  );
}

/**
 * The modules whose exports an exported value holds as its own members: a namespace import (`import * as postgres from
 * './postgres'; export default postgres`), a module required or imported in place, and those an object spreads
 * (`export default { ...tenant, ...dbModule, isSQLite }`), through the constants and variables that hold them and the
 * functions of this file that return them (`const dbModule = initDbModule()`, whose `let dbmodule` is set to
 * `sqlitePkg` or `postgresPkg` by configuration). Other files then read `db.select(...)` as that module's `select`.
 */
function heldModules(context: RuleContext, node: TSESTree.Node, depth: number): string[] {
  let value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrapExpression(value.argument);
  if (depth > MAX_HELD_STEPS) return [];
  if (value.type === AST_NODE_TYPES.ImportExpression)
    return value.source.type === AST_NODE_TYPES.Literal && typeof value.source.value === 'string' ? [value.source.value] : [];
  const required = requiredModule(context, value);
  if (required !== undefined) return [required];
  if (value.type === AST_NODE_TYPES.ObjectExpression)
    return value.properties.flatMap((property) => (property.type === AST_NODE_TYPES.SpreadElement ? heldModules(context, property.argument, depth + 1) : []));
  if (value.type === AST_NODE_TYPES.ConditionalExpression)
    return [...heldModules(context, value.consequent, depth + 1), ...heldModules(context, value.alternate, depth + 1)];
  if (value.type === AST_NODE_TYPES.LogicalExpression) return [...heldModules(context, value.left, depth + 1), ...heldModules(context, value.right, depth + 1)];
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const fn = localFunction(context, value.callee);
    return fn ? returnedValues(fn).flatMap((returned) => heldModules(context, returned, depth + 1)) : [];
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = resolveVariable(context, value);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type === 'ImportBinding')
    return definition.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? [definition.node.parent.source.value] : [];
  if (definition?.type !== 'Variable' || (definition.node as TSESTree.VariableDeclarator).id !== definition.name) return [];
  // What the variable is declared with, and for a `let`, what it is set to afterwards (`dbmodule = postgresPkg`).
  const written = variable!.references.flatMap((reference) => (reference.isWrite() && reference.writeExpr ? [reference.writeExpr as TSESTree.Node] : []));
  return [...new Set(written.flatMap((expression) => heldModules(context, expression, depth + 1)))];
}

/** `module.exports = x`, `module.exports = { a, b }`, `module.exports.a = x`, `exports.a = x`, `users.a = x` after `const users = module.exports`. */
function commonJsExports(context: RuleContext, assignment: TSESTree.AssignmentExpression, add: (name: string, node: TSESTree.Node) => void): void {
  const target = assignment.left;
  if (target.type !== AST_NODE_TYPES.MemberExpression) return;
  if (isModuleExports(target)) {
    const value = assignment.right;
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier)
          add(property.key.name, property.value);
      }
    }
    add('default', value);
    return;
  }
  const name = propertyName(target);
  const owner = target.object;
  if (name && (isModuleExports(owner) || (owner.type === AST_NODE_TYPES.Identifier && owner.name === 'exports') || isExportsAlias(context, owner)))
    add(name, assignment.right);
}

export const EMPTY_PROJECT: ProjectInfo = { dependencies: new Set() };
