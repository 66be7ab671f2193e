import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { isPacingCall } from './await-patterns';
import { inMeteorStartup } from './framework-models';
import { meaningfulFolders, runsAsWorkerThread } from '../roles';
import type { RuleContext } from '../types';
import type { ProjectModels } from './orm-index';
import { fileKey } from '../project-model/paths';
import { isGlobalReference, isModuleExports, localFunction, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { createsWebApp } from './request-handlers';
import { arrayCallbackCall, enclosingFunction, isFunction, type FunctionNode } from './scopes';
import { lastName } from './names';
import { visitAll, visitWithinFunction } from './visit';

/**
 * Names of functions that run once while an application or one of its parts starts or stops:
 * `bootstrap`, `boot`, `postBoot…`, `startServer`, `startListening`, framework lifecycle hooks, a plugin's or module's `init`, a loader (`adminLoader`,
 * `loadModules`, `loadPlugins`, `loadConfig`), a shutdown. Names that a request or another caller
 * may run as well (`main`, `start`, `stop`, `register`, `setup`, `destroy`) are left out.
 */
const STARTUP_NAME =
  /^(?:bootstrap(?:[A-Z_]\w*)?|(?:pre|post)?[bB]oot(?:[A-Z_]\w*)?|start(?:Server|App|Application|Listening)|init(?:iali[sz]e)?(?:App|Application|Modules?|Plugins?|Server|Services?|Database|Db|Connections?)?|onModuleInit|onApplicationBootstrap|onModuleDestroy|beforeApplicationShutdown|onApplicationShutdown|(?:graceful)?[sS]hutdown|onShutdown|[a-z]\w*Loader|load(?:\w*Modules?|\w*Plugins?|\w*Config(?:uration)?s?|\w*Providers?|Env\w*))$/;

/**
 * `quit()`, `unload()`, `close()`, `dispose()`, `teardown()`, `disconnect()`, `disconnectKafka()`: an object or module releasing what it holds
 * as it goes away, once. Taking nothing but a completion callback sets them apart from request work of the same name (`close(ticketId)`).
 */
const RELEASE_NAME = /^(?:quit|unload(?:All)?|close(?:All)?|dispose|asyncDispose|tear[dD]own|disconnect(?:[A-Z]\w*)?)$/;

/** Folders whose modules load the application at boot (`src/loaders/`, `src/bootstrap/`, `src/startup/`), and modules so named (`src/bootstrap.ts`). */
const STARTUP_FOLDER = /^(?:loaders|bootstrap|startup)$/i;

/** The name a function is known by: its declaration, the variable or property it is assigned to, or its method. */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return fn.id.name;
  if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    !parent.computed
  ) {
    return parent.key.type === AST_NODE_TYPES.Identifier || parent.key.type === AST_NODE_TYPES.PrivateIdentifier ? parent.key.name : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) return propertyName(parent.left);
  return undefined;
}

/** Whether `fn` is named as code that runs once while the application starts or stops. */
export function namedAsStartup(fn: FunctionNode): boolean {
  const name = functionName(fn);
  return name !== undefined && (STARTUP_NAME.test(name) || (fn.params.every(isCompletionCallback) && RELEASE_NAME.test(name)));
}

/** Names a completion callback goes by (`close(callback)`, `dispose(done)`). */
const COMPLETION_CALLBACK = /^(?:callback|cb|done)$/;

/** `close(callback?: () => void)`, `close(done)`: a parameter told when the release is done, not what to release. */
function isCompletionCallback(parameter: TSESTree.Parameter): boolean {
  const binding = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  if (binding.type !== AST_NODE_TYPES.Identifier) return false;
  const type = binding.typeAnnotation?.typeAnnotation;
  return type ? type.type === AST_NODE_TYPES.TSFunctionType : COMPLETION_CALLBACK.test(binding.name);
}

/** Whether the file is a boot-time module or sits in a folder of them, below the folder analysis starts from. */
export function inStartupFolder(context: RuleContext): boolean {
  // Asked for every loop and every Promise.all of the file: its path is read once.
  return context.shared.memo('inStartupFolder', () => {
    const module =
      context.fileName
        .split(/[\\/]/)
        .pop()
        ?.replace(/\.[cm]?[jt]sx?$/, '') ?? '';
    return STARTUP_FOLDER.test(module) || meaningfulFolders(context.fileName, context.options.project).some((folder) => STARTUP_FOLDER.test(folder));
  });
}

/**
 * Route segment settings that make a page or route static: Next.js `revalidate = false` and
 * `dynamic = 'force-static'`, Astro's and SvelteKit's `prerender = true`.
 */
const STATIC_ROUTE_WORD = /revalidate|force-static|prerender/;
const STATIC_ROUTE = /^\s*export\s+const\s+(?:revalidate\s*=\s*false|dynamic\s*=\s*['"]force-static['"]|prerender\s*=\s*true)\s*(?:;|$)/m;

/** A module whose routes are rendered once, when the site is built: its handlers serve a stored result, not each request. */
export function rendersAtBuild(context: RuleContext): boolean {
  // The words first: the pattern's scan of every line costs more than the file's other start-up checks together.
  return context.shared.memo('rendersAtBuild', () => STATIC_ROUTE_WORD.test(context.text) && STATIC_ROUTE.test(context.text));
}

/** Next.js data functions that run when the site is built, not per request. */
const BUILD_TIME_EXPORTS: ReadonlySet<string> = new Set(['getStaticProps', 'getStaticPaths', 'generateStaticParams']);

function isBuildTimeExport(fn: FunctionNode): boolean {
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
  const name = declaration?.id?.type === AST_NODE_TYPES.Identifier ? declaration.id.name : undefined;
  return name !== undefined && BUILD_TIME_EXPORTS.has(name);
}

/**
 * Code that runs once at boot or shutdown (a function named so, or any function of a loaders folder), in a static route's
 * build (also a Next.js data function such as `generateStaticParams`), or once per install (a step of the application's own
 * list of data migrations, or a `Meteor.startup` callback).
 */
export function runsAtBoot(context: RuleContext, fn: FunctionNode | undefined): boolean {
  return (
    inStartupFolder(context) ||
    rendersAtBuild(context) ||
    (fn !== undefined && (namedAsStartup(fn) || isMigrationStep(fn) || isBuildTimeExport(fn) || inRegisteredMigration(fn) || inMeteorStartup(context, fn)))
  );
}

/** `migration.add(name, fn)`, `migrations.register(name, fn)`: a registry of the application's data migrations. */
const MIGRATION_REGISTRY = /^migrations?$/i;
const REGISTERING_METHOD = /^(?:add|register)$/;
/** `addMigration(name, fn)`, and a method kept for one (`deduplicateRanksMigration`), registered by reference. */
const MIGRATION_FUNCTION = /^(?:add|register)Migration$/;
const MIGRATION_NAME = /^[a-z]\w*Migration$/;

/**
 * `self.apos.migration.add('fixRanks', async () => { await migration.eachDoc(query, 5, async (doc) => …) })`: a data migration
 * the application registers runs once per install, with what runs inside it.
 */
function inRegisteredMigration(fn: FunctionNode): boolean {
  for (let current: TSESTree.Node | undefined = fn; current; current = current.parent) {
    if (!isFunction(current)) continue;
    if (MIGRATION_NAME.test(functionName(current) ?? '') || registeredAsMigration(current)) return true;
  }
  return false;
}

function registeredAsMigration(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return MIGRATION_FUNCTION.test(callee.name);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    REGISTERING_METHOD.test(propertyName(callee) ?? '') &&
    MIGRATION_REGISTRY.test(lastName(callee.object) ?? '')
  );
}

/** Members under which a migration keeps what it does (`{ version: 2, up: async (db) => ... }`). */
const MIGRATION_STEP_KEYS = /^(?:up|down|migrate)$/;

/** `migrations`, `storeMigrations`, `MIGRATIONS`: a list of migrations by its name. */
const MIGRATION_LIST_NAME = /migrations$/i;

/**
 * `const migrations: Migration[] = [{ version: 1, migrate: async () => ... }]`: a step of a list of data migrations the
 * application keeps in its code (a local store's schema versions), which runs once per install, as a migration file does.
 */
function isMigrationStep(fn: FunctionNode): boolean {
  const member = fn.parent;
  if (member?.type !== AST_NODE_TYPES.Property || member.value !== fn || !MIGRATION_STEP_KEYS.test(functionName(fn) ?? '')) return false;
  let list: TSESTree.Node | undefined = member.parent.parent;
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  while (list.parent?.type === AST_NODE_TYPES.TSAsExpression || list.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression) list = list.parent;
  const holder = list.parent;
  const name =
    holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier
      ? holder.id.name
      : holder?.type === AST_NODE_TYPES.Property && holder.key.type === AST_NODE_TYPES.Identifier
        ? holder.key.name
        : undefined;
  return MIGRATION_LIST_NAME.test(name ?? '');
}

/** Signals and events the process gets once, as it stops. */
const EXIT_SIGNAL = /^(?:SIGTERM|SIGINT|SIGHUP|SIGQUIT|SIGBREAK|beforeExit|exit)$/;
const LISTEN_METHODS = /^(?:on|once|addListener|prependListener|prependOnceListener)$/;

/**
 * `process.on('SIGTERM', stop)`, `emitter.once('SIGINT', async () => …)`: a function whose every use
 * registers it for a signal the process gets as it stops; it runs once, at shutdown.
 */
export function handlesExitSignal(context: RuleContext, fn: FunctionNode | undefined): boolean {
  if (!fn) return false;
  if (registersForExit(fn)) return true;
  const declarator = fn.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== fn || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const uses = resolveVariable(context, declarator.id)?.references.filter((reference) => !reference.init) ?? [];
  return uses.length > 0 && uses.every((reference) => registersForExit(reference.identifier));
}

/** Whether `node` is the listener of `x.on('SIGTERM', node)`. */
function registersForExit(node: TSESTree.Node): boolean {
  const call = node.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== node) return false;
  const callee = unwrapExpression(call.callee);
  const event = call.arguments[0];
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    LISTEN_METHODS.test(propertyName(callee) ?? '') &&
    event?.type === AST_NODE_TYPES.Literal &&
    typeof event.value === 'string' &&
    EXIT_SIGNAL.test(event.value)
  );
}

/**
 * Code that runs once at boot, or a method that only such methods of its class call, directly or
 * through other methods only they call (`onModuleInit() { await this.syncAll(); }`, `syncAll()
 * { await this.syncRoles(); }`), or that other classes call only so (`this.roleService.initRoles()`
 * in an initializer's `onModuleInit`): it runs as often as the application starts.
 */
export function runsOnlyAtBoot(context: RuleContext, fn: FunctionNode | undefined): boolean {
  // A worker started at boot (`while (true) { …; await delay(interval); }`) keeps running: its rounds, and what they call, run on
  // every round, whatever its name (`async function init() { while (true) … }`) or folder.
  if (fn !== undefined && keepsRunning(context, fn)) return false;
  if (runsAtBoot(context, fn)) return true;
  const method = fn?.parent;
  if (method?.type === AST_NODE_TYPES.MethodDefinition)
    return (
      method.value === fn &&
      ((method.static ? staticCalledOnlyAtBoot(context, method, new Set()) : calledOnlyAtBoot(context, method, new Set())) ||
        calledByNameOnlyAtBoot(context, fn!) ||
        startsServerClass(context, method))
    );
  if (method?.type === AST_NODE_TYPES.PropertyDefinition && method.value === fn && fieldCalledOnlyAtBoot(context, method)) return true;
  return fn !== undefined && (plainFunctionRunsOnlyAtBoot(context, fn) || calledByNameOnlyAtBoot(context, fn));
}

/**
 * A method, static, of an object literal or of a prototype (`static async refreshEditorsFromDisk()`, `module.exports = { async loadLocales() {} }`,
 * `Crowi.prototype.setupGrowiPlugins = async function () {}`),
 * whose every use the project knows, in any file, is a call at boot (`await WIKI.models.editors.refreshEditorsFromDisk()` in
 * `postBootMaster`): reached through a registry or a module object, it is found by its name (see `ProjectFacts.methodCalls`).
 */
function calledByNameOnlyAtBoot(context: RuleContext, fn: FunctionNode): boolean {
  const member = fn.parent;
  if (
    member?.type !== AST_NODE_TYPES.MethodDefinition &&
    !(member?.type === AST_NODE_TYPES.Property && member.parent.type === AST_NODE_TYPES.ObjectExpression) &&
    !prototypeMember(fn)
  )
    return false;
  const name = functionName(fn);
  const atBoot = (context.options.project.models as ProjectModels | undefined)?.methodsCalledAtBoot;
  return name !== undefined && atBoot !== undefined && Object.hasOwn(atBoot, name);
}

/** Whether a call runs while the application starts: at a module's top level (not a worker thread's, which runs jobs), or in a function that runs only then. */
export function callRunsAtBoot(context: RuleContext, call: TSESTree.Node): boolean {
  const owner = enclosingFunction(call);
  if (owner === undefined) return !context.shared.memo('startup.workerThread', () => runsAsWorkerThread(context.text));
  return runsOnlyAtBoot(context, owner);
}

/**
 * A function that is not a method runs only at boot when it starts the server, runs once with the function that creates it
 * (an IIFE, a `.then` callback) and that one runs at boot, or every call of it runs at boot: in this file for a function
 * of the module, and in every file the project knows for an exported one (`initializeJobs()` in the entry module).
 */
function plainFunctionRunsOnlyAtBoot(context: RuleContext, fn: FunctionNode): boolean {
  const known = context.shared.memo('startup.plainFunctions', () => new Map<FunctionNode, boolean>());
  const settled = known.get(fn);
  if (settled !== undefined) return settled;
  // Until settled, a function reached again through a cycle of calls counts as not at boot.
  known.set(fn, false);
  const result =
    startsServer(context, fn) ||
    forksClusterWorkers(context, fn) ||
    createsWebApp(context, fn) ||
    (runsOnceWithCreator(context, fn)
      ? callRunsAtBoot(context, fn)
      : everyCallAtBoot(context, fn) || prototypeCallsAtBoot(context, fn) || nestedCallsAtBoot(context, fn));
  known.set(fn, result);
  return result;
}

/**
 * Whether a function loops without end of its own: `while (true)`, `for (;;)`, `do … while (true)`, or a poll that runs while a
 * flag holds and pauses between rounds (`while (this.running) { …; await sleep(this.pollMs); }`), until something else stops it.
 */
function keepsRunning(context: RuleContext, fn: FunctionNode | TSESTree.TSEmptyBodyFunctionExpression): boolean {
  if (!fn.body) return false;
  const known = context.shared.memo('startup.keepsRunning', () => new WeakMap<TSESTree.Node, boolean>());
  const settled = known.get(fn);
  if (settled !== undefined) return settled;
  let endless = false;
  visitWithinFunction(fn.body, (node) => {
    endless ||= loopsWithoutEnd(context, node);
  });
  known.set(fn, endless);
  return endless;
}

/** `while (true)`, `for (;;)`, `do … while (true)`, or `while (this.running) { …; await sleep(ms); }`: a loop that no count of its own ends. */
export function loopsWithoutEnd(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ForStatement) return node.test === null;
  if (node.type !== AST_NODE_TYPES.WhileStatement && node.type !== AST_NODE_TYPES.DoWhileStatement) return false;
  return (node.test.type === AST_NODE_TYPES.Literal && !!node.test.value) || (isFlag(node.test) && pausesEachRound(context, node.body));
}

/** `running`, `!this.stopped`, `!signal.aborted`: a loop's test that another part of the program flips, not a count or a comparison. */
function isFlag(test: TSESTree.Expression): boolean {
  const inner = test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' ? test.argument : test;
  return inner.type === AST_NODE_TYPES.Identifier || (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed);
}

/** Whether a loop's body awaits a pause (`await sleep(ms)`, `await setTimeout(ms)` of timers/promises) between its rounds. */
function pausesEachRound(context: RuleContext, body: TSESTree.Statement): boolean {
  let pauses = false;
  visitWithinFunction(body, (node) => {
    if (!pauses && node.type === AST_NODE_TYPES.AwaitExpression) pauses = isPacingCall(context, node.argument);
  });
  return pauses;
}

/** `Crowi.prototype.setupPlugins = async function () { … }`: the constructor and the method name a prototype assignment gives a function. */
function prototypeMember(fn: FunctionNode): { owner: string; name: string } | undefined {
  const assignment = fn.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== fn || assignment.left.type !== AST_NODE_TYPES.MemberExpression)
    return undefined;
  const prototype = assignment.left.object;
  const name = propertyName(assignment.left);
  if (name === undefined || prototype.type !== AST_NODE_TYPES.MemberExpression || propertyName(prototype) !== 'prototype') return undefined;
  return prototype.object.type === AST_NODE_TYPES.Identifier ? { owner: prototype.object.name, name } : undefined;
}

/**
 * A method assigned to a constructor's prototype whose every use in the file is a `this.name()` call from another method of
 * the same prototype that runs only at boot (`await this.setupPlugins()` in `Crowi.prototype.init`), as `calledOnlyAtBoot`
 * asks of a class's methods. Any other use of the name (`crowi.setupPlugins()`, handing it on) may run later.
 */
function prototypeCallsAtBoot(context: RuleContext, fn: FunctionNode): boolean {
  const member = prototypeMember(fn);
  if (!member) return false;
  const uses = prototypeUsesIn(context).get(member.name);
  return (
    uses !== undefined &&
    !uses.otherUse &&
    uses.callers.size > 0 &&
    [...uses.callers].every((caller) => caller !== fn && prototypeMember(caller)?.owner === member.owner && runsOnlyAtBoot(context, caller))
  );
}

/** Every member name of the file used as `this.name()` directly in a function assigned to a prototype, with those functions; any other use marks it. */
function prototypeUsesIn(context: RuleContext): Map<string, { callers: Set<FunctionNode>; otherUse: boolean }> {
  // Keyed by the tree: an edited file's analyses may share their memos across its versions.
  const byTree = context.shared.memo(
    'startup.prototypeUses',
    () => new WeakMap<TSESTree.Node, Map<string, { callers: Set<FunctionNode>; otherUse: boolean }>>(),
  );
  const known = byTree.get(context.ast);
  if (known) return known;
  {
    const uses = new Map<string, { callers: Set<FunctionNode>; otherUse: boolean }>();
    byTree.set(context.ast, uses);
    visitAll(context.ast, (node) => {
      if (node.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = propertyName(node);
      if (name === undefined) return;
      // The assignment that defines the method is no use of it.
      if (node.parent?.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node) return;
      let entry = uses.get(name);
      if (!entry) uses.set(name, (entry = { callers: new Set(), otherUse: false }));
      const caller = node.object.type === AST_NODE_TYPES.ThisExpression && isCallOf(node) ? enclosingFunction(node) : undefined;
      if (caller && prototypeMember(caller)) entry.callers.add(caller);
      else entry.otherUse = true;
    });
    return uses;
  }
}

function everyCallAtBoot(context: RuleContext, fn: FunctionNode): boolean {
  // `module.exports = async function (options) { … }`: the module's one function, which its importers call as the default.
  if (isModuleExported(fn)) return calledAtBootByProject(context, ['default']);
  const found = moduleFunctionUses(context, fn);
  if (!found) return false;
  if (found.exportedAs.length > 0) return calledAtBootByProject(context, found.exportedAs);
  return found.uses.length > 0 && found.uses.every((use) => isCallOf(use) && callRunsAtBoot(context, use.parent));
}

/** A top-level function of the module: its name, the names the module exports it under, and its other uses in the file. */
export interface ModuleFunctionUses {
  name?: string;
  exportedAs: string[];
  uses: TSESTree.Identifier[];
}

/** `module.exports = fn` at a module's top level. */
function isModuleExported(fn: FunctionNode): boolean {
  const assignment = fn.parent;
  return (
    assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
    assignment.right === fn &&
    assignment.parent?.type === AST_NODE_TYPES.ExpressionStatement &&
    assignment.parent.parent?.type === AST_NODE_TYPES.Program &&
    isModuleExports(assignment.left)
  );
}

/**
 * A helper declared inside another function (`async function lintModules() { … }` in the function that boots the
 * application), every use of which is a call that function makes, itself or through the callbacks that run with it:
 * it runs as often as its creator does, at boot when that one runs at boot.
 */
function nestedCallsAtBoot(context: RuleContext, fn: FunctionNode): boolean {
  const declaration = declarationOf(fn);
  const creator = declaration && enclosingFunction(declaration);
  if (!creator || declaration.id?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = declaredVariable(context, declaration);
  if (!variable || variable.defs.length !== 1) return false;
  const uses = variable.references.filter((reference) => !reference.init);
  return (
    uses.length > 0 &&
    uses.every((reference) => isCallOf(reference.identifier) && runsWithin(context, reference.identifier, creator, fn)) &&
    runsOnlyAtBoot(context, creator)
  );
}

/** Whether `node` runs while `creator` runs: in its body, or in a helper declared in it that only such code calls (not `fn` itself). */
function runsWithin(context: RuleContext, node: TSESTree.Node, creator: FunctionNode, fn: FunctionNode): boolean {
  for (let owner = enclosingFunction(node); owner; owner = enclosingFunction(owner)) {
    if (owner === creator) return true;
    if (owner === fn || !(runsOnceWithCreator(context, owner) || runsOnlyAtBoot(context, owner))) return false;
  }
  return false;
}

/**
 * A function that forks the workers of a Node cluster (`cluster.fork()`, itself, in its callbacks or through a function of the
 * file it calls): the program's start, which decides whether this process is the primary or a worker, once per process.
 */
function forksClusterWorkers(context: RuleContext, fn: FunctionNode, seen = new Set<FunctionNode>()): boolean {
  if (!context.shared.memo('startup.forksCluster', () => /\bcluster\b/.test(context.text) && context.text.includes('fork'))) return false;
  seen.add(fn);
  let forks = false;
  visitAll(fn.body ?? fn, (node) => {
    if (forks || node.type !== AST_NODE_TYPES.CallExpression) return;
    const member = resolveModuleMember(context, node.callee);
    if (member) {
      forks = member.module.replace(/^node:/, '') === 'cluster' && member.path[member.path.length - 1] === 'fork';
      return;
    }
    const helper = node.callee.type === AST_NODE_TYPES.Identifier ? localFunction(context, node.callee) : undefined;
    forks = helper !== undefined && !seen.has(helper) && forksClusterWorkers(context, helper, seen);
  });
  return forks;
}

/** The declaration that names a function: its own (`function f() {}`), or the `const f = () => {}` it initialises. */
function declarationOf(fn: FunctionNode): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn;
  return fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : undefined;
}

/** The variable a declaration declares. */
function declaredVariable(context: RuleContext, declaration: TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator) {
  return context.scopeManager.getDeclaredVariables(declaration).find((candidate) => candidate.defs.some((definition) => definition.node === declaration));
}

/** How the module uses one of its top-level functions (a declaration, or a `const` it initialises); none for a nested one. */
export function moduleFunctionUses(context: RuleContext, fn: FunctionNode): ModuleFunctionUses | undefined {
  const declaration = declarationOf(fn);
  if (!declaration || enclosingFunction(declaration)) return undefined;
  const statement = declaration.type === AST_NODE_TYPES.VariableDeclarator ? declaration.parent?.parent : declaration.parent;
  const name = declaration.id?.type === AST_NODE_TYPES.Identifier ? declaration.id.name : undefined;
  // Told by the syntax, before any scope analysis (the project's facts ask of every function that calls an imported one).
  if (statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return { name, exportedAs: ['default'], uses: [] };
  if (statement?.type === AST_NODE_TYPES.ExportNamedDeclaration) return { name, exportedAs: name === undefined ? [] : [name], uses: [] };
  const variable = declaredVariable(context, declaration);
  const uses: TSESTree.Identifier[] = [];
  const exportedAs: string[] = [];
  for (const reference of variable?.references ?? []) {
    if (reference.init) continue;
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier)
      exportedAs.push(parent.exported.type === AST_NODE_TYPES.Identifier ? parent.exported.name : parent.exported.value);
    else if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) exportedAs.push('default');
    else uses.push(reference.identifier as TSESTree.Identifier);
  }
  return { name, exportedAs, uses };
}

/** Whether the project knows calls of the file's function exported under `names`, and every one, in this file too, runs at boot (see `FunctionCall`). */
function calledAtBootByProject(context: RuleContext, names: readonly string[]): boolean {
  const calls = (context.options.project.models as ProjectModels | undefined)?.functionCalls?.[fileKey(context.fileName)];
  return calls !== undefined && names.every((name) => calls[name] === true);
}

/** `f()`: a use that calls what it names. */
export function isCallOf(use: TSESTree.Node): use is TSESTree.Node & { parent: TSESTree.CallExpression } {
  return use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use;
}

/**
 * Functions that run once for each run of the function that creates them: an IIFE, an array callback, a `new Promise` executor,
 * a `.then` callback, a request handler that stops the server its creator started. A job processor, a scheduled task or an event handler it registers runs later, as often as its event.
 */
function runsOnceWithCreator(context: RuleContext, fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (
    arrayCallbackCall(fn) ||
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) ||
    stopsCreatorsServer(context, fn) ||
    isMeteorStartup(context, fn)
  )
    return true;
  if (parent?.type === AST_NODE_TYPES.NewExpression)
    return (
      parent.arguments[0] === fn &&
      parent.callee.type === AST_NODE_TYPES.Identifier &&
      parent.callee.name === 'Promise' &&
      isGlobalReference(context, parent.callee)
    );
  return (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.includes(fn as TSESTree.CallExpressionArgument) &&
    parent.callee.type === AST_NODE_TYPES.MemberExpression &&
    (PROMISE_CONTINUATION.test(propertyName(parent.callee) ?? '') ||
      (propertyName(parent.callee) === ACTIVE_SPAN && parent.arguments[parent.arguments.length - 1] === fn))
  );
}

const PROMISE_CONTINUATION = /^(?:then|catch|finally)$/;

/**
 * `Meteor.startup(async () => { … })`: Meteor runs the callback once, as the server starts (at once when it has started),
 * with `Meteor` the global of a Meteor app or imported from `meteor/meteor`.
 */
function isMeteorStartup(context: RuleContext, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'startup') return false;
  const owner = unwrapExpression(callee.object);
  if (owner.type !== AST_NODE_TYPES.Identifier || owner.name !== 'Meteor') return false;
  return isGlobalReference(context, owner) || resolveModuleMember(context, owner)?.module === 'meteor/meteor';
}

/** OpenTelemetry's `tracer.startActiveSpan(name, [options], [context], fn)` calls `fn` at once, with the span, and returns what it returns. */
const ACTIVE_SPAN = 'startActiveSpan';

/**
 * The function that starts the server: one that calls `app.listen(port)` or `server.listen({ port })` itself, or the callback
 * `listen` calls once the server listens. A channel's name first (`sql.listen('jobs', onJob)`) subscribes to messages instead.
 */
function startsServer(context: RuleContext, fn: FunctionNode): boolean {
  if (!callsListen(context)) return false;
  if (fn.parent?.type === AST_NODE_TYPES.CallExpression && fn.parent.callee !== fn && isListenCall(fn.parent)) return true;
  let listens = false;
  visitWithinFunction(fn.body ?? fn, (node) => {
    if (!listens && node.type === AST_NODE_TYPES.CallExpression && isListenCall(node)) listens = true;
  });
  return listens;
}

const LISTEN_CALL = /\.\s*listen\s*\(/;

/** Methods that start a server object: `server.start()`, `app.listen()`. */
const SERVER_START_METHOD = /^(?:start|listen)$/;
/** A server class by its name: `Server`, `HttpServer`, `BaseServer`. */
const SERVER_CLASS = /(?:^|[a-z])Server$/;

/**
 * `class ApiServer extends Server { async start() { …; await super.start(); } }`: a server class's own start, which prepares
 * the application (routes, translations, connections) and then starts the base server, which listens. A `start` or `listen`
 * method that calls `listen` itself (`this.app.listen(port)`) starts one too. It runs once, as the process starts.
 */
function startsServerClass(context: RuleContext, method: TSESTree.MethodDefinition): boolean {
  const name = method.key.type === AST_NODE_TYPES.Identifier && !method.computed ? method.key.name : undefined;
  if (method.static || method.kind !== 'method' || name === undefined || !SERVER_START_METHOD.test(name)) return false;
  const owner = method.parent.parent;
  const base = owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression ? owner.superClass : null;
  const baseName = base ? lastName(base) : undefined;
  let starts = false;
  visitWithinFunction(method.value.body ?? method.value, (node) => {
    if (starts || node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrapExpression(node.callee);
    starts =
      (callee.type === AST_NODE_TYPES.MemberExpression &&
        callee.object.type === AST_NODE_TYPES.Super &&
        propertyName(callee) === name &&
        baseName !== undefined &&
        SERVER_CLASS.test(baseName)) ||
      (callsListen(context) && isListenCall(node));
  });
  return starts;
}

/** Whether the file's text calls a `listen`: most files call none, and their functions are not walked. */
function callsListen(context: RuleContext): boolean {
  return context.shared.memo('startup.callsListen', () => LISTEN_CALL.test(context.text));
}

/** `server.close(cb)`, `server.destroy()`: a server stopped for good. */
const STOP_SERVER_METHODS = /^(?:close|destroy)$/;

/**
 * `app.post('/finalize', async (req, res) => { …; server.close(() => restart()) })` in the function that calls `server.listen(port)`:
 * a handler that stops the server it is served by runs once per start of that server (a setup wizard's last step, a login callback).
 */
export function stopsCreatorsServer(context: RuleContext, fn: FunctionNode): boolean {
  const creator = enclosingFunction(fn);
  if (!creator || !callsListen(context)) return false;
  const listening = new Set<string>();
  visitWithinFunction(creator.body ?? creator, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && isListenCall(node)) listening.add(receiverText(context, node.callee as TSESTree.MemberExpression));
  });
  if (listening.size === 0) return false;
  let stops = false;
  visitWithinFunction(fn.body ?? fn, (node) => {
    const callee = node.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(node.callee) : undefined;
    if (
      callee?.type === AST_NODE_TYPES.MemberExpression &&
      STOP_SERVER_METHODS.test(propertyName(callee) ?? '') &&
      listening.has(receiverText(context, callee))
    )
      stops = true;
  });
  return stops;
}

/** The source text of the object a method is called on (`WIKI.server` of `WIKI.server.listen(port)`). */
function receiverText(context: RuleContext, callee: TSESTree.MemberExpression): string {
  const receiver = unwrapExpression(callee.object);
  return context.text.slice(receiver.range[0], receiver.range[1]);
}

function isListenCall(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  return (
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(call.callee) === 'listen' &&
    !(first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') &&
    first?.type !== AST_NODE_TYPES.TemplateLiteral
  );
}

/**
 * Whether every use of a method is a `this.method()` call from a start-up method of its class, or
 * from a method that is itself called only so; a method its class never uses, whether other
 * classes call it only from such methods, through an instance they are given.
 */
function calledOnlyAtBoot(context: RuleContext, method: TSESTree.MethodDefinition, seen: Set<TSESTree.MethodDefinition>): boolean {
  if (method.static || method.key.type !== AST_NODE_TYPES.Identifier || seen.has(method) || keepsRunning(context, method.value)) return false;
  seen.add(method);
  const name = method.key.name;
  const uses = thisUsesIn(context, method.parent).get(name);
  // Methods on the current chain of callers are not followed again: a cycle among them is not start-up code.
  const only =
    uses?.otherUse !== true &&
    (uses && uses.callers.size > 0
      ? [...uses.callers].every(
          (caller) =>
            (caller.value.type === AST_NODE_TYPES.FunctionExpression && namedAsStartup(caller.value)) ||
            startsServerClass(context, caller) ||
            calledOnlyAtBoot(context, caller, seen),
        )
      : method.accessibility !== 'private' && calledOnlyAtBootByOthers(context, method, name));
  seen.delete(method);
  return only;
}

/**
 * `private validateLicense = async () => { … }`, called only as `await this.validateLicense()` from the class's `initialize()`:
 * a function kept in an instance field runs as its start-up callers do, as a method would.
 */
function fieldCalledOnlyAtBoot(context: RuleContext, field: TSESTree.PropertyDefinition): boolean {
  if (field.static || field.computed || field.key.type !== AST_NODE_TYPES.Identifier) return false;
  const uses = thisUsesIn(context, field.parent).get(field.key.name);
  return (
    uses !== undefined &&
    !uses.otherUse &&
    uses.callers.size > 0 &&
    [...uses.callers].every(
      (caller) =>
        (caller.value.type === AST_NODE_TYPES.FunctionExpression && namedAsStartup(caller.value)) ||
        startsServerClass(context, caller) ||
        calledOnlyAtBoot(context, caller, new Set()),
    )
  );
}

/**
 * Whether every use of a static method is a call from a start-up method of its class (`this.importSQLFile()` in a static
 * `patch()`, `Database.importSQLFile()`), or from a method itself called only so; a static method its file never uses, whether
 * every call the project knows of it through the exported class runs at boot (`await Database.connect()` in the entry module).
 * Either way, no call the project knows through the class may run later. A method calling itself adds no other way in.
 */
function staticCalledOnlyAtBoot(context: RuleContext, method: TSESTree.MethodDefinition, seen: Set<TSESTree.MethodDefinition>): boolean {
  if (method.key.type !== AST_NODE_TYPES.Identifier || seen.has(method) || keepsRunning(context, method.value)) return false;
  seen.add(method);
  const name = method.key.name;
  const uses = staticUsesIn(context, method.parent).get(name);
  const callers = [...(uses?.callers ?? [])].filter((caller) => caller !== method);
  const only =
    uses?.otherUse !== true &&
    (callers.length > 0
      ? callers.every(
          (caller) =>
            (caller.value.type === AST_NODE_TYPES.FunctionExpression && namedAsStartup(caller.value)) ||
            (caller.static ? staticCalledOnlyAtBoot(context, caller, seen) : calledOnlyAtBoot(context, caller, seen)),
        ) && callsThroughClass(context, method.parent.parent, name) !== false
      : callsThroughClass(context, method.parent.parent, name) === true);
  seen.delete(method);
  return only;
}

/**
 * What the project knows of the calls of a static method through the class the file exports: true when it knows some and every
 * one runs at boot, false when one may run later (`await Database.clearOldData()` in a scheduled job), undefined when it knows none.
 */
function callsThroughClass(context: RuleContext, owner: TSESTree.Node | undefined, method: string): boolean | undefined {
  const names = owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression ? classExportNames(context, owner) : [];
  const calls = (context.options.project.models as ProjectModels | undefined)?.functionCalls?.[fileKey(context.fileName)];
  const known = names.flatMap((name) => (calls && Object.hasOwn(calls, `${name}.${method}`) ? [calls[`${name}.${method}`]!] : []));
  return known.length === 0 ? undefined : known.every(Boolean);
}

/** The names a module exports a class under: `export class A`, `export default class`, `export { A as B }`, `module.exports = A`. */
function classExportNames(context: RuleContext, owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string[] {
  const statement = owner.parent;
  if (statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return ['default'];
  if (statement?.type === AST_NODE_TYPES.ExportNamedDeclaration) return owner.id ? [owner.id.name] : [];
  const local = owner.id?.name;
  const names: string[] = [];
  for (const node of context.ast.body) {
    if (node.type === AST_NODE_TYPES.ExportDefaultDeclaration && node.declaration.type === AST_NODE_TYPES.Identifier && node.declaration.name === local)
      names.push('default');
    else if (node.type === AST_NODE_TYPES.ExportNamedDeclaration && !node.source)
      for (const specifier of node.specifiers)
        if (specifier.local.type === AST_NODE_TYPES.Identifier && specifier.local.name === local)
          names.push(specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value);
    if (node.type !== AST_NODE_TYPES.ExpressionStatement || node.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right } = node.expression;
    const exportsModule =
      left.type === AST_NODE_TYPES.MemberExpression &&
      left.object.type === AST_NODE_TYPES.Identifier &&
      left.object.name === 'module' &&
      propertyName(left) === 'exports';
    if (exportsModule && (right === owner || (right.type === AST_NODE_TYPES.Identifier && right.name === local))) names.push('default');
  }
  return names;
}

/**
 * How a file uses each static member of a class: `this.name` in its static methods and `ClassName.name` anywhere, with the
 * methods that call it, and whether anything else (a call outside methods, a read) uses it.
 */
function staticUsesIn(context: RuleContext, classBody: TSESTree.ClassBody): Map<string, ThisUses> {
  const owner = classBody.parent;
  const className = owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression ? owner.id?.name : undefined;
  return memberUsesIn(context, 'startup.staticUses', classBody, context.ast, (member, callerOf) => {
    if (member.object.type !== AST_NODE_TYPES.ThisExpression) return member.object.type === AST_NODE_TYPES.Identifier && member.object.name === className;
    const caller = callerOf();
    return caller?.static === true && caller.parent === classBody;
  });
}

/** How a class body uses each `this.name`: the methods that call it, and whether anything else reads it. */
interface ThisUses {
  readonly callers: Set<TSESTree.MethodDefinition>;
  otherUse: boolean;
}

/** Every `this.name` of a class body, walked once per file however many of its methods are asked about. */
function thisUsesIn(context: RuleContext, classBody: TSESTree.ClassBody): Map<string, ThisUses> {
  return memberUsesIn(context, 'startup.thisUses', classBody, classBody, (member) => member.object.type === AST_NODE_TYPES.ThisExpression);
}

/** The members of a class that `root` uses as `counts` tells, by name, with the methods that call them: walked once per class and `key`. */
function memberUsesIn(
  context: RuleContext,
  key: string,
  classBody: TSESTree.ClassBody,
  root: TSESTree.Node,
  counts: (member: TSESTree.MemberExpression, callerOf: () => TSESTree.MethodDefinition | undefined) => boolean,
): Map<string, ThisUses> {
  const byClass = context.shared.memo(key, () => new Map<TSESTree.ClassBody, Map<string, ThisUses>>());
  let uses = byClass.get(classBody);
  if (uses) return uses;
  uses = new Map();
  byClass.set(classBody, uses);
  visitAll(root, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression) return;
    // The method around a member is looked for only once the member's object counts: most members are of other objects.
    let caller: TSESTree.MethodDefinition | undefined | null = null;
    const callerOf = (): TSESTree.MethodDefinition | undefined => (caller === null ? (caller = enclosingMethod(node)) : caller);
    const name = counts(node, callerOf) ? propertyName(node) : undefined;
    if (name === undefined) return;
    let entry = uses.get(name);
    if (!entry) uses.set(name, (entry = { callers: new Set(), otherUse: false }));
    const method = callerOf();
    if (method && node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) entry.callers.add(method);
    else entry.otherUse = true;
  });
  return uses;
}

/** Whether the project knows calls of a method from other classes, through an instance they are given, and every one runs only at boot. */
function calledOnlyAtBootByOthers(context: RuleContext, method: TSESTree.MethodDefinition, name: string): boolean {
  const owner = method.parent.parent;
  const className = owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression ? owner.id?.name : undefined;
  const models = context.options.project.models as ProjectModels | undefined;
  return className !== undefined && models?.injectedCalls?.[fileKey(context.fileName)]?.[`${className}.${name}`] === true;
}

/** The method of a class a node is written in, through the functions nested in it. */
function enclosingMethod(node: TSESTree.Node): TSESTree.MethodDefinition | undefined {
  for (let current = node.parent; current; current = current.parent) if (current.type === AST_NODE_TYPES.MethodDefinition) return current;
  return undefined;
}

/**
 * `this.services` where the constructor is given `@Inject(TOKEN) private services: Service[]`: a
 * list the application wires up (providers, strategies, exporters), as long as its configuration.
 */
export function isInjectedList(items: TSESTree.Node): boolean {
  const inner = unwrapExpression(items);
  if (inner.type !== AST_NODE_TYPES.MemberExpression || inner.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = propertyName(inner);
  let body: TSESTree.Node | undefined = inner.parent;
  while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
  const constructor = body?.body.find(
    (member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
  );
  return (
    constructor?.value.params.some((parameter) => {
      if (parameter.type !== AST_NODE_TYPES.TSParameterProperty || parameter.decorators.length === 0) return false;
      const binding = parameter.parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.parameter.left : parameter.parameter;
      return binding.type === AST_NODE_TYPES.Identifier && binding.name === name;
    }) ?? false
  );
}

/**
 * `dataProviderServices`, `this.getStrategies()`, `exporters`, `shutdownHandlers`: the application's own components, as many as its
 * code or configuration wires.
 */
const COMPONENT_LIST =
  /(?:Services|Providers|Strategies|Adapters|Transports|Exporters|Handlers|Listeners|Plugins)$|^(?:services|providers|strategies|adapters|transports|exporters|handlers|listeners|plugins)$/;

/**
 * Whether `items` is a list of the application's components: named as one (a variable, a property, or the call that
 * returns it) where the name is the application's, not a row's (`this.strategies`, an imported or module-level
 * `exporters`, `getStrategies()`; not `feature.strategies` nor `const strategies = await store.getAll()`).
 */
export function namesComponentList(context: RuleContext, items: TSESTree.Node): boolean {
  const inner = unwrapExpression(items);
  const node = inner.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(inner.callee) : inner;
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? propertyName(node) : undefined;
  if (name === undefined || !COMPONENT_LIST.test(name.replace(/^get(?=[A-Z])/, ''))) return false;
  if (inner !== node) return true;
  if (node.type === AST_NODE_TYPES.MemberExpression) return memberOfThis(node);
  return node.type === AST_NODE_TYPES.Identifier && boundToComponents(context, node);
}

/** `this.strategies`, `this.options.exporters`: held by the instance that runs them, not read off an item. */
function memberOfThis(node: TSESTree.MemberExpression): boolean {
  let object = unwrapExpression(node.object);
  while (object.type === AST_NODE_TYPES.MemberExpression) object = unwrapExpression(object.object);
  return object.type === AST_NODE_TYPES.ThisExpression;
}

/**
 * An imported or module-level binding, a parameter (its callers hand it the configured list), or a local one set
 * to what is at hand (`= enabledDataProviders()`, `= this.strategies`), not to rows a query awaited
 * (`= await store.getStrategies(id)`) nor to an item's property (`= feature.strategies`, `{ strategies } = feature`).
 */
function boundToComponents(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs[0];
  if (!definition || definition.type !== 'Variable' || variable.scope.type === 'module' || variable.scope.type === 'global') return true;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  const init = declarator.init && unwrapExpression(declarator.init);
  if (!init || init.type === AST_NODE_TYPES.AwaitExpression) return false;
  if (declarator.id !== definition.name)
    return init.type === AST_NODE_TYPES.ThisExpression || (init.type === AST_NODE_TYPES.MemberExpression && memberOfThis(init));
  return init.type !== AST_NODE_TYPES.MemberExpression || memberOfThis(init);
}

/** A count of the deployment's shards or partitions, by its name: `shardCount`, `this.numShards`, `config.partitionCount`. */
const SHARD_COUNT = /^(?:(?:shard|partition)s?Count|(?:num|n)(?:Shards|Partitions))$/i;

/** `for (let shard = 0; shard < this.shardCount; shard++)`: one turn per shard the configuration sets up, a few. */
export function countsConfiguredShards(loop: TSESTree.Node): boolean {
  if (loop.type !== AST_NODE_TYPES.ForStatement || loop.test?.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const { operator, right } = loop.test;
  const bound = unwrapExpression(right);
  const name = bound.type === AST_NODE_TYPES.Identifier ? bound.name : bound.type === AST_NODE_TYPES.MemberExpression ? propertyName(bound) : undefined;
  return (operator === '<' || operator === '<=') && name !== undefined && SHARD_COUNT.test(name);
}
