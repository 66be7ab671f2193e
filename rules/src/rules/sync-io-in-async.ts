import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { asksMetadata, BLOCKING_NAME, blockingCall } from '../analysis/blocking-calls';
import { promiseFix, replacementText, type BlockingUse } from '../fixes/promise-api-fix';
import { loopbackOnlyHandlers, requestHandlers } from '../analysis/request-handlers';
import { instanceFieldOf, isGlobalReference, localFunction, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from '../analysis/resolve';
import { arrayCallbackCall, contains, enclosingFunction, isFunction, isLoopStatement, type FunctionNode } from '../analysis/scopes';
import { runsOnlyAtBoot, stopsCreatorsServer } from '../analysis/startup';
import { runsOnce } from '../analysis/run-once';
import { isElectronPackage } from '../analysis/browser';
import type { Fix, RuleContext, Rule } from '../types';
import { contextRole, inBuildFolder } from '../roles';
import { visitAll, visitWithinFunction } from '../analysis/visit';
import { isKernelPath, isSameOnEveryCall } from '../analysis/fixed-paths';
import { inDevelopmentBranch } from '../analysis/development-branches';
import { siteOf } from '../project-model/summaries';
import { isConstantData, onFailurePath, savesAfterAsyncWork } from '../analysis/incidental-io';

/** What a synchronous helper reaches: the first blocking call, and the first helpers in between. */
interface Reach {
  use: BlockingUse;
  through: string[];
  /** How many helpers lie in between, of which `through` names the first few. */
  depth: number;
  /** The blocking call reads the same file on every call (see `readsSameFile`): kept once, it needs no helper made async. */
  sameFile: boolean;
  /** The blocking call asks the file system one thing about one path, and nothing on the way repeats it (see `asksOnce`). */
  asksOnce: boolean;
}

/** Helpers a message names before it elides the rest of a long chain. */
const NAMED_HELPERS = 3;

type Setting = 'async' | 'handler';

const WHERE: Record<Setting, string> = {
  async: 'an async function',
  handler: 'a request handler',
};

/** The name a blocking callee ends with, before any resolution: `readFileSync`, `sync`. */
function calleeName(callee: TSESTree.Node): string | undefined {
  const node = unwrapExpression(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return propertyName(node);
  return undefined;
}

function blockingUse(context: RuleContext, call: TSESTree.CallExpression): BlockingUse | undefined {
  const callee = unwrapExpression(call.callee);
  // A property keeps its name; a local binding may rename it (`existsSync as exists`), so only names are resolved.
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(callee);
    if (!name || !(name.endsWith('Sync') || name === 'sync')) return undefined;
  } else if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const member = resolveModuleMember(context, call.callee);
  const api = member && blockingCall(member.module, member.path);
  return api && { call, callee: call.callee, member: member!, api };
}

/** Functions that run while their creator runs: array callbacks, IIFEs, `new Promise` executors. */
function runsInline(context: RuleContext, fn: FunctionNode): boolean {
  if (arrayCallbackCall(fn)) return true;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return true;
  if (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === fn &&
    (propertyName(parent) === 'call' || propertyName(parent) === 'apply') &&
    parent.parent?.type === AST_NODE_TYPES.CallExpression
  ) {
    return true;
  }
  return isPromiseExecutor(context, fn) || isTimerInPromise(context, fn);
}

/** `new Promise((resolve, reject) => …)`: the executor runs at once, as the promise is made. */
function isPromiseExecutor(context: RuleContext, fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise' &&
    isGlobalReference(context, parent.callee)
  );
}

/**
 * `new Promise((resolve) => setTimeout(() => resolve(fs.readFileSync(path)), 100))`: a timer's callback that settles the
 * promise it is made in is the work that promise's awaiter waits for.
 */
function isTimerInPromise(context: RuleContext, fn: FunctionNode): boolean {
  const timer = fn.parent;
  if (
    timer?.type !== AST_NODE_TYPES.CallExpression ||
    timer.arguments[0] !== fn ||
    timer.callee.type !== AST_NODE_TYPES.Identifier ||
    !/^(?:setTimeout|setImmediate)$/.test(timer.callee.name) ||
    !isGlobalReference(context, timer.callee)
  )
    return false;
  const executor = enclosingFunction(timer);
  return executor !== undefined && isPromiseExecutor(context, executor);
}

/** A callback of `.then`, `.catch` or `.finally`: it runs as part of an asynchronous flow. */
function isPromiseContinuation(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => argument === fn)) return false;
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && ['then', 'catch', 'finally'].includes(propertyName(callee) ?? '');
}

const TEST_FUNCTIONS: ReadonlySet<string> = new Set([
  'it',
  'test',
  'describe',
  'suite',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'before',
  'after',
  'setup',
  'teardown',
  'suiteSetup',
  'suiteTeardown',
]);
// `node:test` resolves to `test`.
const TEST_MODULES: ReadonlySet<string> = new Set(['vitest', '@jest/globals', '@playwright/test', 'test', 'mocha', 'ava', 'bun:test']);

/** A callback given to a test framework (`it('…', async () => …)`, `test.concurrent(…)`, `it.each(rows)(…)`). */
function isTestCallback(context: RuleContext, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => argument === fn)) return false;
  let root: TSESTree.Node = call.callee;
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression) {
    root = root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const member = resolveModuleMember(context, root);
  if (member) return TEST_MODULES.has(member.module);
  return TEST_FUNCTIONS.has(root.name) && isGlobalReference(context, root);
}

/**
 * A function that only the module's top level runs, before anything is served: an async IIFE
 * at top level, a function of the module that nothing exports and that is only called at
 * top level (`async function bootstrap() { … } bootstrap();`), or an exported one that the
 * project calls only at boot.
 */
function runsAtStartup(context: RuleContext, fn: FunctionNode, known: Map<FunctionNode, boolean>): boolean {
  const settled = known.get(fn);
  if (settled !== undefined) return settled;
  // Until settled, a function reached again through a cycle counts as not at startup.
  known.set(fn, false);
  const result = startupOnly(context, fn, known);
  known.set(fn, result);
  return result;
}

function startupOnly(context: RuleContext, fn: FunctionNode, known: Map<FunctionNode, boolean>): boolean {
  if (isLifecycleHook(fn) || startsServing(context, fn) || endsProcess(fn)) return true;
  // Calls made while the module's top level runs, directly or from another startup function.
  const atStartup = (node: TSESTree.Node): boolean => {
    const owner = ownerOf(context, node);
    return !owner || runsAtStartup(context, owner, known);
  };
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return atStartup(parent);
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : parent?.type === AST_NODE_TYPES.VariableDeclarator ? parent : undefined;
  if (!declaration || enclosingFunction(declaration)) return false;
  // An exported function runs at boot when every call the project knows of it does (`initializeJobs()` in the entry module).
  if (isExported(declaration)) return runsOnlyAtBoot(context, fn);
  const variable = context.scopeManager
    .getDeclaredVariables(declaration)
    .find((candidate) => candidate.defs.some((definition) => definition.node === declaration));
  const uses = variable?.references.filter((reference) => !reference.init) ?? [];
  return (
    uses.length > 0 &&
    uses.every((reference) => {
      const call = reference.identifier.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && atStartup(call);
    })
  );
}

/**
 * A command's handler, or a function it creates (the callback it hands a batch helper): the handler is given the parsed command
 * line, `argv` (yargs' `handler(argv)`, minimist's result, a framework's task function). It runs once, in a process of its own,
 * and keeps no request waiting.
 */
function inCommandHandler(fn: FunctionNode): boolean {
  for (let current: FunctionNode | undefined = fn; current; current = enclosingFunction(current)) {
    if (current.params.some((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === 'argv')) return true;
  }
  return false;
}

/** Framework hooks that run once while the application starts or stops: NestJS and Vendure lifecycle methods. */
const LIFECYCLE_HOOKS: ReadonlySet<string> = new Set([
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);

function isLifecycleHook(fn: FunctionNode): boolean {
  const method = fn.parent;
  return method?.type === AST_NODE_TYPES.MethodDefinition && method.key.type === AST_NODE_TYPES.Identifier && LIFECYCLE_HOOKS.has(method.key.name);
}

/**
 * A function that starts the server (`app.listen(...)`, `NestFactory.create(...)`), itself or through a function of
 * the file it calls (`await startHttp(port)` in a module's exported start): what it reads, it reads before serving.
 */
function startsServing(context: RuleContext, fn: FunctionNode, seen = new Set<FunctionNode>()): boolean {
  seen.add(fn);
  let serves = false;
  // Callbacks included: `new Promise((resolve) => server.listen(port, resolve))`.
  visitAll(fn.body ?? fn, (node) => {
    if (serves || node.type !== AST_NODE_TYPES.CallExpression) return;
    if (node.callee.type === AST_NODE_TYPES.Identifier) {
      const helper = localFunction(context, node.callee);
      serves = helper !== undefined && !seen.has(helper) && startsServing(context, helper, seen);
      return;
    }
    if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = propertyName(node.callee);
    const object = node.callee.object;
    if (method === 'listen' || (object.type === AST_NODE_TYPES.Identifier && object.name === 'NestFactory')) serves = true;
  });
  return serves;
}

/**
 * A function that ends the process once its work is done (`process.exit()` outside a `catch`): a
 * command's main, which runs once and serves no one. Exiting on an error says nothing of it.
 */
function endsProcess(fn: FunctionNode): boolean {
  let ends = false;
  visitWithinFunction(fn.body ?? fn, (node) => {
    if (ends || node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const object = node.callee.object;
    if (propertyName(node.callee) !== 'exit' || object.type !== AST_NODE_TYPES.Identifier || object.name !== 'process') return;
    let inCatch = false;
    for (let current: TSESTree.Node | undefined = node.parent; current && current !== fn; current = current.parent) {
      if (current.type === AST_NODE_TYPES.CatchClause) inCatch = true;
    }
    ends = !inCatch;
  });
  return ends;
}

/** Calls whose CPU work is slow by design (key derivation, password hashing): worth reporting wherever a server runs them. */
const SLOW_WORK: ReadonlySet<string> = new Set([
  'scryptSync',
  'pbkdf2Sync',
  'hashSync',
  'compareSync',
  'genSaltSync',
  'generateKeyPairSync',
  'generatePrimeSync',
]);

function isSlowWork(use: BlockingUse): boolean {
  const name = use.member.path[use.member.path.length - 1] ?? '';
  return SLOW_WORK.has(name) && !(name === 'generateKeyPairSync' && makesCurveKey(use.call));
}

/** Key types made from a random scalar and one point multiplication: no search for primes, well under a millisecond. */
const CURVE_KEY_TYPES: ReadonlySet<string> = new Set(['ec', 'ed25519', 'ed448', 'x25519', 'x448']);

/** `generateKeyPairSync('ec', { namedCurve: 'P-256' })`: an elliptic-curve key, not RSA's search for random primes. */
function makesCurveKey(call: TSESTree.CallExpression): boolean {
  const type = call.arguments[0];
  return type?.type === AST_NODE_TYPES.Literal && typeof type.value === 'string' && CURVE_KEY_TYPES.has(type.value);
}

/** Where configuration names a file: an environment variable, an `env(...)` helper, a configuration service or store (`nconf.get(…)`). */
const CONFIGURED = /\bprocess\.env\b|\b(?:env|getEnv|requireEnv|readEnv)\s*\(|\b(?:config(?:Service)?|nconf)\.get\s*\(/;

/** How many bindings a path is followed back through to where configuration names it. */
const CONFIGURED_DEPTH = 4;

/**
 * A file that configuration names (a certificate, a key, a credentials file): reading it builds a
 * client or a signer once, with the setup around it, not per request. The path may be a field of what configuration gives
 * (`fs.readFileSync(ssl[prop])` where `const { ssl } = options` and `options = options || nconf.get('postgres')`).
 */
function readsConfiguredFile(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const argument = call.arguments[0];
  return argument !== undefined && argument.type !== AST_NODE_TYPES.SpreadElement && namedByConfiguration(context, argument, CONFIGURED_DEPTH);
}

/** Whether a value comes from configuration: read there, or a field of a constant or a parameter that configuration fills. */
function namedByConfiguration(context: RuleContext, node: TSESTree.Node, depth: number): boolean {
  let source = unwrapExpression(node);
  if (CONFIGURED.test(sourceText(context, source))) return true;
  while (source.type === AST_NODE_TYPES.MemberExpression) source = unwrapExpression(source.object);
  if (source.type !== AST_NODE_TYPES.Identifier || depth === 0) return false;
  const variable = resolveVariable(context, source);
  const definition = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
  if (definition?.type === 'Variable') {
    const declarator = definition.node as TSESTree.VariableDeclarator;
    return (
      !!declarator.init && (declarator.parent as TSESTree.VariableDeclaration).kind === 'const' && namedByConfiguration(context, declarator.init, depth - 1)
    );
  }
  if (definition?.type !== 'Parameter') return false;
  // `function connect(options = config.get('db'))`, or `options = options || nconf.get('db')` before any other use.
  const parameter = definition.name.parent;
  if (parameter?.type === AST_NODE_TYPES.AssignmentPattern && parameter.left === definition.name)
    return namedByConfiguration(context, parameter.right, depth - 1);
  return variable!.references.some((reference) => {
    const written = reference.writeExpr && unwrapExpression(reference.writeExpr);
    return written?.type === AST_NODE_TYPES.LogicalExpression && written.operator !== '&&' && namedByConfiguration(context, written.right, depth - 1);
  });
}

/** A file system call on a path under `/dev`, `/sys` or `/proc` (a device list, a thermal zone, a process's status). */
function asksKernel(context: RuleContext, use: BlockingUse): boolean {
  const path = use.call.arguments[0];
  return FILE_MODULES.test(moduleName(use.member)) && path !== undefined && path.type !== AST_NODE_TYPES.SpreadElement && isKernelPath(context, path);
}

/**
 * A desktop app: its main process (a file that imports `electron`) or any file of a package that depends on
 * Electron or its own packages (the app's workers, its shared desktop libraries, the app's manifest that
 * electron-builder packs). It serves one user, and has no requests to stall.
 */
function inDesktopApp(context: RuleContext): boolean {
  return [...context.options.project.dependencies].some(isElectronPackage) || /(?:\bfrom\s*|\brequire\s*\(\s*)['"]electron['"]/.test(context.text);
}

function isExported(declaration: TSESTree.Node): boolean {
  const statement = declaration.type === AST_NODE_TYPES.VariableDeclarator ? declaration.parent?.parent : declaration.parent;
  return statement?.type === AST_NODE_TYPES.ExportNamedDeclaration || statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** The function whose run executes `node`: the enclosing function, looking through inline callbacks. */
function ownerOf(context: RuleContext, node: TSESTree.Node): FunctionNode | undefined {
  let fn = enclosingFunction(node);
  while (fn && !fn.async && runsInline(context, fn)) fn = enclosingFunction(fn);
  return fn;
}

/** Message data as plain text: no backticks (editors show them literally), no line breaks copied from the code. */
function plainData(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, value.replace(/`/g, '').replace(/\s*\n\s*/g, '')]));
}

/** A node's source, as messages quote it: `fs.readFileSync`, `this.readTemplate`. */
function sourceText(context: RuleContext, callee: TSESTree.Node): string {
  return context.text.slice(callee.range[0], callee.range[1]);
}

/** a, b and c; or a, b and the helpers they call. */
function listOf(names: readonly string[], rest = ''): string {
  const items = [...names, ...(rest ? [rest] : [])];
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join('');
}

/** The callee as written, with what it is when a local name hides it: exists (fs.existsSync). */
function calleeLabel(context: RuleContext, use: BlockingUse): string {
  const written = sourceText(context, use.callee);
  const name = use.member.path[use.member.path.length - 1]!;
  return calleeName(use.callee) === name ? written : `${written} (${use.member.module}.${name})`;
}

/** The last name of a module member: `readFileSync` of `fs.default.readFileSync`. */
function memberName(member: { path: readonly string[] }): string {
  return member.path[member.path.length - 1] ?? '';
}

/** The module a specifier names, without `node:`: `fs/promises`. */
function moduleName(member: { module: string }): string {
  return member.module.replace(/^node:/, '');
}

/** Modules whose calls read or change files: `fs`, `fs/promises`, `fs-extra`. */
const FILE_MODULES = /^(?:fs|fs\/promises|fs-extra)$/;

/** Asynchronous fs calls that read or remove what a path names, and fail with ENOENT when it is missing. */
const FAILS_WHEN_MISSING = /^(?:readFile|readdir|readJson|createReadStream|open|stat|lstat|unlink|rm|rmdir)$/;

/** Modules that run commands, which may write any file. */
const COMMAND_MODULES: ReadonlySet<string> = new Set(['child_process', 'execa', 'cross-spawn']);

/** fs calls that write a file: `writeFile`, `appendFileSync`, `copyFile`, `rename`, fs-extra's `outputFile`, `move`. */
const WRITES_FILE = /^(?:write|append|copy|cp|rename|output|move|truncate|symlink|link)/;

/** The calls of `owner` to a module's members, with the member each one is. */
function moduleCalls(context: RuleContext, owner: FunctionNode): Array<{ call: TSESTree.CallExpression; module: string; name: string }> {
  const found: Array<{ call: TSESTree.CallExpression; module: string; name: string }> = [];
  visitWithinFunction(owner.body ?? owner, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const member = resolveModuleMember(context, node.callee);
    if (member) found.push({ call: node, module: moduleName(member), name: memberName(member) });
  });
  return found;
}

/**
 * A file read whose path is the same on every call: a template or a bundled asset. Not one that the function
 * writes (a cache it refreshes when stale, before or after the read), or lets a command write before it reads it
 * (`execSync(`… > ${out}`)`): that file changes while the process runs.
 */
function readsSameFile(context: RuleContext, use: BlockingUse, owner: FunctionNode): boolean {
  const path = use.call.arguments[0];
  if (memberName(use.member) !== 'readFileSync' || path === undefined || !isSameOnEveryCall(context, path)) return false;
  return !moduleCalls(context, owner).some(
    (other) =>
      (COMMAND_MODULES.has(other.module) && other.call.range[1] <= use.call.range[0]) || (FILE_MODULES.test(other.module) && WRITES_FILE.test(other.name)),
  );
}

/**
 * `const wave = readFileSync(path); res.send(wave)` or `Readable.from(readFileSync(path))`: the bytes go out as they are,
 * which a file stream does without holding them. A response's `send`/`end` counts only in a request handler.
 */
function sendsWholeFile(context: RuleContext, use: BlockingUse, setting: Setting): boolean {
  if (memberName(use.member) !== 'readFileSync') return false;
  const uses: TSESTree.Node[] = [use.call];
  const declarator = use.call.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === use.call && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const declared = declarator.id;
    uses.push(...(resolveVariable(context, declared)?.references ?? []).map((reference) => reference.identifier).filter((node) => node !== declared));
  }
  return uses.some((node) => {
    const call = node.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1 || call.arguments[0] !== node) return false;
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = propertyName(call.callee);
    if (method === 'from') return resolveModuleMember(context, call.callee.object)?.path.at(-1) === 'Readable';
    return setting === 'handler' && (method === 'send' || method === 'end');
  });
}

/** Whether the function writes a file, or runs a command (which may write one), before the call. */
function changedBefore(context: RuleContext, use: BlockingUse, owner: FunctionNode): boolean {
  return moduleCalls(context, owner).some(
    (earlier) =>
      earlier.call.range[1] <= use.call.range[0] &&
      (COMMAND_MODULES.has(earlier.module) || (FILE_MODULES.test(earlier.module) && WRITES_FILE.test(earlier.name))),
  );
}

/**
 * `readdirSync(join(__dirname, 'templates'))`: a folder of the program's own files (templates, examples, bundled
 * definitions), the same on every call, listed (and its files read) again each time. It holds what was shipped.
 */
function listsBundledFolder(context: RuleContext, use: BlockingUse, owner: FunctionNode): boolean {
  const path = use.call.arguments[0];
  if (memberName(use.member) !== 'readdirSync' || path === undefined) return false;
  const origin = { inCode: false };
  return isSameOnEveryCall(context, path, 0, origin) && origin.inCode && !changedBefore(context, use, owner);
}

/**
 * `if (!existsSync(path)) throw …` before an asynchronous read of the same path, `if (existsSync(path)) await unlink(path)`:
 * the check blocks to answer what the call's own error (ENOENT) would tell. The name of that call (`read` for a read).
 */
function callAfterCheck(context: RuleContext, use: BlockingUse, owner: FunctionNode): string | undefined {
  const path = use.call.arguments[0];
  if (memberName(use.member) !== 'existsSync' || !path || !inCondition(use.call)) return undefined;
  const pathText = sourceText(context, path);
  let after: string | undefined;
  visitWithinFunction(owner.body ?? owner, (node) => {
    if (after || node.type !== AST_NODE_TYPES.CallExpression || node.range[0] < use.call.range[1]) return;
    const argument = node.arguments[0];
    if (!argument || sourceText(context, argument) !== pathText) return;
    const member = resolveModuleMember(context, node.callee);
    const name = member && FILE_MODULES.test(moduleName(member)) ? memberName(member) : '';
    if (FAILS_WHEN_MISSING.test(name)) after = /^(?:unlink|rm|rmdir)$/.test(name) ? name : 'read';
  });
  return after;
}

/** One question to the file system about one path (see `asksMetadata`), worth a finding only where a loop repeats it. */
function asksOnce(context: RuleContext, use: BlockingUse, call: TSESTree.CallExpression): boolean {
  return asksMetadata(use.member.module, use.member.path) && !repeatsInItsFunction(context, call);
}

/** Whether what a helper reaches asks once still, where `call` of it does not repeat it. */
function stillAsksOnce(context: RuleContext, reached: Reach, call: TSESTree.CallExpression): boolean {
  return reached.asksOnce && !repeatsInItsFunction(context, call);
}

/** `existsSync`, `statSync`, `accessSync`: a question about a path, asked before the call that does the work. */
function onlyChecks(use: BlockingUse): boolean {
  return /^(?:exists|pathExists|stat|lstat|access)Sync$/.test(use.member.path.at(-1) ?? '');
}

/** A variable of the environment named for debugging, recording or tracing (`DEBUG_DIR`, `RECORD_SANDBOX_BUFFERS_DIR`, `TRACE_FILE`). */
const DEBUG_VARIABLE = /DEBUG|RECORD|TRACE|DUMP/i;
const WRITE_CALL = /^(?:append|write|mkdir|copy)\w*Sync$/;

/**
 * `if (process.env.DEBUG_DUMP_DIR) fs.appendFileSync(…)`, or the same test of a `const` or a field set from such a variable
 * (`private recordDir = process.env.RECORD_DIR ? path.resolve(…) : null` then `if (this.recordDir)`): a write made only while
 * someone debugs, off in a served deployment.
 */
function writesOnlyWhileDebugging(context: RuleContext, use: BlockingUse): boolean {
  if (!WRITE_CALL.test(use.member.path.at(-1) ?? '')) return false;
  let child: TSESTree.Node = use.call;
  while (child.parent && !isFunction(child.parent)) {
    const current: TSESTree.Node = child.parent;
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && readsDebugVariable(context, current.test, 0)) return true;
    child = current;
  }
  return false;
}

/** Whether a test reads a debugging variable of the environment: directly, through a `const`, or through a field of the class set from one. */
function readsDebugVariable(context: RuleContext, node: TSESTree.Node, depth: number): boolean {
  const value = unwrapExpression(node);
  if (depth > 2) return false;
  if (value.type === AST_NODE_TYPES.LogicalExpression) return readsDebugVariable(context, value.left, depth) || readsDebugVariable(context, value.right, depth);
  if (value.type === AST_NODE_TYPES.ConditionalExpression) return readsDebugVariable(context, value.test, depth);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrapExpression(value.object);
    // `process.env.DEBUG_DIR`
    if (object.type === AST_NODE_TYPES.MemberExpression && propertyName(object) === 'env' && sourceText(context, object.object) === 'process')
      return DEBUG_VARIABLE.test(propertyName(value) ?? '');
    // `this.recordDir`, declared `private recordDir = process.env.RECORD_DIR ? … : null`.
    if (object.type !== AST_NODE_TYPES.ThisExpression) return false;
    const field = instanceFieldOf(value, propertyName(value));
    return field?.value ? readsDebugVariable(context, field.value, depth + 1) : false;
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, value)?.defs;
  const declarator = definition?.length === 1 && definition[0]!.type === 'Variable' ? (definition[0]!.node as TSESTree.VariableDeclarator) : undefined;
  if (!declarator?.init || (declarator.parent as TSESTree.VariableDeclaration).kind !== 'const') return false;
  return readsDebugVariable(context, declarator.init, depth + 1);
}

/**
 * Whether a loop or an array callback of the call's own function runs it more than once: not over a list of at most
 * three items written in the code (`[certPath, pdfPath].forEach(unlinkIfThere)`), where the call still asks a few times.
 */
function repeatsInItsFunction(context: RuleContext, call: TSESTree.Node): boolean {
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
    if (isLoopStatement(node)) return !(node.type === AST_NODE_TYPES.ForOfStatement && isFewLiteralItems(context, node.right));
    if (isFunction(node)) {
      const iteration = arrayCallbackCall(node);
      const callee = iteration && unwrapExpression(iteration.callee);
      return iteration !== undefined && !(callee?.type === AST_NODE_TYPES.MemberExpression && isFewLiteralItems(context, callee.object));
    }
  }
  return false;
}

/** The most items a literal list may hold for a metadata question per item to still cost little. */
const FEW_ITEMS = 3;

/** `[a, b]`, or a `const` set to one that nothing adds to: a list of at most three items, without a spread. */
function isFewLiteralItems(context: RuleContext, node: TSESTree.Node): boolean {
  let list = unwrapExpression(node);
  if (list.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(context, list);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return false;
    const grows = variable!.references.some((reference) => {
      const member = reference.identifier.parent;
      return (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        /^(?:push|unshift|splice)$/.test(propertyName(member) ?? '')
      );
    });
    if (grows) return false;
    list = unwrapExpression(definition.node.init);
  }
  return (
    list.type === AST_NODE_TYPES.ArrayExpression &&
    list.elements.length <= FEW_ITEMS &&
    list.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement)
  );
}

/** Whether a call is the test of an `if` or a conditional, negated or not. */
function inCondition(call: TSESTree.Node): boolean {
  let node = call;
  // `logPath && existsSync(logPath) && !kept`: one operand of the test.
  while ((node.parent?.type === AST_NODE_TYPES.UnaryExpression && node.parent.operator === '!') || node.parent?.type === AST_NODE_TYPES.LogicalExpression)
    node = node.parent;
  const parent = node.parent;
  return (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.ConditionalExpression) && parent.test === node;
}

export const syncIoInAsync: Rule = {
  meta: {
    id: 'sync-io-in-async',
    defaultSeverity: 'warning',
    description:
      'Blocking calls (fs *Sync, execSync, pbkdf2Sync, gzipSync, bcrypt hashSync, glob.sync, …) inside async functions and request handlers, directly or through a helper of the same file.',
    messages: {
      blocking: '{{callee}} blocks the event loop in {{where}}; use {{replacement}}. Other work waits while {{effect}}.',
      blockingNoTwin: '{{callee}} blocks the event loop in {{where}}; use {{replacement}}. No automatic fix: {{caveat}}.',
      sendsWholeFile:
        '{{callee}} blocks the event loop in {{where}} for a file it only sends; stream it with createReadStream(path). ' +
        'Piped to the response or stream, it neither blocks nor holds the whole file; {{replacement}} would only stop the blocking.',
      sameFile:
        '{{callee}} rereads the same file on every call in {{where}}; read it once and keep the text. ' +
        'The event loop waits for each read; if the file changes while the process runs, use {{replacement}}.',
      checkBeforeRead:
        '{{callee}} blocks the event loop in {{where}}; drop the check and handle the ENOENT error of the {{after}} that follows. ' +
        'The {{after}} reports a missing file itself, without the wait (and without the race between check and {{after}}).',
      throughHelper: '{{helper}} calls {{callee}}{{via}}, which blocks the event loop in {{where}}; make {{helpers}} async. Then use {{replacement}}.',
      sameFolder:
        '{{callee}} lists the same bundled folder on every call in {{where}}; read it and its files once and keep them. ' +
        'The event loop waits for each listing and read; if the folder changes while the process runs, use {{replacement}}.',
      sameFileThroughHelper:
        '{{helper}} calls {{callee}}{{via}}, which rereads the same file on every call in {{where}}; read it once when the module loads ' +
        '(or on first use) and keep the text. If the file changes while the process runs, make {{helpers}} async and use {{replacement}}.',
    },
    fixable: true,
  },
  prefilter: BLOCKING_NAME,
  gate: (signals) => signals.blockingName,
  create(context) {
    const calls: TSESTree.CallExpression[] = [];
    const methods: TSESTree.MethodDefinition[] = [];
    return {
      CallExpression(node: TSESTree.CallExpression) {
        calls.push(node);
      },
      MethodDefinition(node: TSESTree.MethodDefinition) {
        methods.push(node);
      },
      'Program:exit'() {
        // A bundler's or a dev server's handlers serve the developer's own browser.
        if (inBuildFolder(context.fileName, context.options.project)) return;
        const handlers = requestHandlers(context, calls, methods);
        // A route only the machine's own requests reach serves its developer, as a dev server does.
        const localOnly = loopbackOnlyHandlers(context, calls, handlers);
        // Scripts, tests, seeds, migrations, a desktop app's files, a child process or worker thread of its own and
        // the files only scripts import keep no server waiting; only the handlers they register do.
        const { childProcess, scriptOnly } = context.options.project;
        const oneOff = contextRole(context) !== 'production' || inDesktopApp(context) || childProcess === true || scriptOnly === true;
        const settings = new Map<FunctionNode, Setting | undefined>();
        // A function that creates the handlers it serves with runs once, before them: what it reads, it reads for all requests.
        const setsUpHandlers = (fn: FunctionNode): boolean => [...handlers].some((handler) => handler !== fn && contains(fn, handler));
        const startup = new Map<FunctionNode, boolean>();
        /** Where `fn` runs: a handler, an async function that serves, or neither; `slow` work counts in startup code too. */
        const settingOf = (fn: FunctionNode | undefined, slow = false): Setting | undefined => {
          if (!fn || localOnly.has(fn)) return undefined;
          // A setup wizard's last step stops the server that serves it: it runs once per start.
          if (handlers.has(fn)) return stopsCreatorsServer(context, fn) ? undefined : 'handler';
          if (oneOff || !(fn.async || isPromiseContinuation(fn)) || isTestCallback(context, fn) || inCommandHandler(fn)) return undefined;
          if (slow) return 'async';
          if (!settings.has(fn))
            settings.set(fn, runsOnlyAtBoot(context, fn) || setsUpHandlers(fn) || runsAtStartup(context, fn, startup) ? undefined : 'async');
          return settings.get(fn);
        };

        const reach = new Map<FunctionNode, Reach>();
        const direct = new Map<FunctionNode, Array<{ use: BlockingUse; setting: Setting }>>();
        const edges: Array<{ from: FunctionNode; to: FunctionNode; call: TSESTree.CallExpression }> = [];
        for (const call of calls) {
          const owner = ownerOf(context, call);
          const use = blockingUse(context, call);
          if (use) {
            const slow = isSlowWork(use);
            // A value computed once and kept (`cache ??= readFileSync(...)`) costs one wait in the life of the process;
            // a file the configuration names is read where a client is set up; a development branch never runs in production.
            if (!slow && owner && runsOnce(context, call, owner)) continue;
            // `/dev`, `/sys` and `/proc` are the kernel's memory: a read there waits for no disk.
            // So does a write made only while a debugging variable of the environment is set (`if (process.env.DEBUG_DUMP_DIR) appendFileSync(…)`).
            if (
              (!slow && readsConfiguredFile(context, call)) ||
              inDevelopmentBranch(context, call) ||
              writesOnlyWhileDebugging(context, use) ||
              asksKernel(context, use)
            )
              continue;
            // A fallback after a failure, one fixed file saved after the function's asynchronous work, a constant compressed: small beside the rest.
            if (owner && costsLittleHere(use, owner)) continue;
            const setting = settingOf(owner, slow);
            const once = asksOnce(context, use, call);
            if (setting) {
              if (!once) direct.set(owner!, [...(direct.get(owner!) ?? []), { use, setting }]);
            } else if (owner && (!reach.has(owner) || (onlyChecks(reach.get(owner)!.use) && !onlyChecks(use))))
              // A helper is named by the call that does its work (`unlinkSync`), not by the check before it (`existsSync`).
              reach.set(owner, {
                use,
                through: [],
                depth: 0,
                sameFile: readsSameFile(context, use, owner),
                asksOnce: once && reach.get(owner)?.asksOnce !== false,
              });
            continue;
          }
          if (!owner) continue;
          const target = localFunction(context, call.callee);
          if (target && target !== owner && !target.async && !handlers.has(target) && !runsOnce(context, call, owner))
            edges.push({ from: owner, to: target, call });
        }

        // One function, one finding: on its first blocking call that does work (not an `if`'s check before it), with the calls without a
        // safe fix beside it. A call that `--fix` rewrites safely keeps a finding of its own, so that one run of the fix rewrites them
        // all, and so does slow work (a key derived, a password hashed); neither hides the first (a command run before the read of the
        // file it writes).
        for (const [owner, uses] of direct) {
          const fixed = uses.map((entry) => ({ ...entry, fix: promiseFix(context, entry.use, owner) }));
          const first = Math.max(
            0,
            fixed.findIndex(({ use }) => !onlyChecks(use) || !inCondition(use.call)),
          );
          const shown = fixed.filter(({ use, fix }, index) => index === first || isSlowWork(use) || fix?.safe);
          const beside = fixed.filter((other) => !shown.includes(other)).map(({ use }) => use);
          shown.forEach(({ use, setting, fix }, index) => reportUse(use, setting, owner, fix, index === 0 ? beside : []));
        }

        // Helpers reach what the helpers they call reach: spread backwards from the blocking calls,
        // each function once, so cycles end and long chains stay linear.
        const callers = new Map<FunctionNode, typeof edges>();
        for (const edge of edges) callers.set(edge.to, [...(callers.get(edge.to) ?? []), edge]);
        const pending = [...reach.keys()];
        for (let next = pending.pop(); next; next = pending.pop()) {
          const reached = reach.get(next)!;
          for (const edge of callers.get(next) ?? []) {
            if (reach.has(edge.from) || settingOf(edge.from) || fallsBackTo(edge, reached)) continue;
            const through = [sourceText(context, edge.call.callee), ...reached.through].slice(0, NAMED_HELPERS);
            reach.set(edge.from, {
              use: reached.use,
              through,
              depth: reached.depth + 1,
              sameFile: reached.sameFile,
              asksOnce: stillAsksOnce(context, reached, edge.call),
            });
            pending.push(edge.from);
          }
        }

        // One blocking call, one finding: of the calls that reach it, a request handler's first, then the shortest chain. Slow work
        // (a key derived, a password hashed) is reported in every function that reaches it: a rare caller does not hide a hot one.
        const reported = new Map<TSESTree.CallExpression, Set<FunctionNode | undefined>>();
        const ranked = edges.flatMap((edge) => {
          const setting = settingOf(edge.from);
          const reached = reach.get(edge.to);
          return setting && reached && !stillAsksOnce(context, reached, edge.call) && !inDevelopmentBranch(context, edge.call) && !fallsBackTo(edge, reached)
            ? [{ edge, setting, reached }]
            : [];
        });
        ranked.sort((a, b) => Number(b.setting === 'handler') - Number(a.setting === 'handler') || a.reached.depth - b.reached.depth);
        for (const { edge, setting, reached } of ranked) {
          const callers = reported.get(reached.use.call) ?? new Set();
          const caller = isSlowWork(reached.use) ? edge.from : undefined;
          if (callers.has(caller) || (caller === undefined && callers.size > 0)) continue;
          reported.set(reached.use.call, callers.add(caller));
          const elided = reached.depth > reached.through.length ? ' → …' : '';
          const via = reached.through.length > 0 ? ` through ${reached.through.join(' → ')}${elided}` : '';
          context.report({
            node: edge.call.callee,
            messageId: reached.sameFile ? 'sameFileThroughHelper' : 'throughHelper',
            data: plainData({
              helper: sourceText(context, edge.call.callee),
              helpers: listOf([sourceText(context, edge.call.callee), ...reached.through], elided && 'the helpers they call'),
              callee: calleeLabel(context, reached.use),
              via,
              where: WHERE[setting],
              replacement: replacementText(context, reached.use),
            }),
          });
        }
      },
    };

    /**
     * Blocking work that costs little where it stands: a file read or written only when the call before it failed, one
     * file at a fixed path saved after the function's asynchronous work, data compressed from a constant of the source.
     */
    function costsLittleHere(use: BlockingUse, owner: FunctionNode): boolean {
      const module = moduleName(use.member);
      if (module === 'zlib') return use.call.arguments[0] !== undefined && isConstantData(context, use.call.arguments[0]);
      if (!FILE_MODULES.test(module) || repeatsInItsFunction(context, use.call)) return false;
      return onFailurePath(use.call, owner) || savesAfterAsyncWork(context, use.call, memberName(use.member), owner);
    }

    /** A helper that reaches file work, called only when the call before it failed (`.catch(() => loadFromCache(store))`). */
    function fallsBackTo(edge: { from: FunctionNode; call: TSESTree.CallExpression }, reached: Reach): boolean {
      return FILE_MODULES.test(moduleName(reached.use.member)) && !repeatsInItsFunction(context, edge.call) && onFailurePath(edge.call, edge.from);
    }

    function reportUse(use: BlockingUse, setting: Setting, owner: FunctionNode, fix: Fix | undefined, others: readonly BlockingUse[]): void {
      const related = others.map((other) => {
        const { file, start, end, line, column } = siteOf(context, other.callee);
        return { file, start, end, line, column, message: `${calleeLabel(context, other)} blocks in the same function` };
      });
      const after = callAfterCheck(context, use, owner);
      context.report({
        node: use.callee,
        messageId: after
          ? 'checkBeforeRead'
          : use.api.caveat
            ? 'blockingNoTwin'
            : readsSameFile(context, use, owner)
              ? 'sameFile'
              : sendsWholeFile(context, use, setting)
                ? 'sendsWholeFile'
                : listsBundledFolder(context, use, owner)
                  ? 'sameFolder'
                  : 'blocking',
        data: plainData({
          callee: calleeLabel(context, use),
          where: WHERE[setting],
          effect: use.api.effect,
          replacement: replacementText(context, use),
          caveat: use.api.caveat ?? '',
          after: after ?? '',
        }),
        ...(related.length > 0 && { related }),
        ...(fix && { fix }),
      });
    }
  },
};
