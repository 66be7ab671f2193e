import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { BLOCKING_NAME, blockingCall, type BlockingCall, type PromiseForm } from '../analysis/blocking-calls';
import { addStatement, bindingFor, freshName } from '../fixes/imports';
import { requestHandlers } from '../analysis/request-handlers';
import { isGlobalReference, localFunction, propertyName, requiredModule, resolveModuleMember, resolveVariable, unwrapExpression, type ModuleMember } from '../analysis/resolve';
import { arrayCallbackCall, contains, enclosingFunction, type FunctionNode } from '../analysis/scopes';
import type { Fix, RuleContext, TextEdit, Rule } from '../types';
import { contextRole } from '../roles';
import { visitWithinFunction } from '../analysis/visit';

/** A call of a blocking API, resolved. */
interface BlockingUse {
  call: TSESTree.CallExpression;
  callee: TSESTree.Expression;
  member: ModuleMember;
  api: BlockingCall;
}

/** What a synchronous helper reaches: the first blocking call, and the first helpers in between. */
interface Reach {
  use: BlockingUse;
  through: string[];
  /** How many helpers lie in between, of which `through` names the first few. */
  depth: number;
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
  return (
    parent?.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments[0] === fn &&
    parent.callee.type === AST_NODE_TYPES.Identifier &&
    parent.callee.name === 'Promise' &&
    isGlobalReference(context, parent.callee)
  );
}

/** A callback of `.then`, `.catch` or `.finally`: it runs as part of an asynchronous flow. */
function isPromiseContinuation(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => argument === fn)) return false;
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression && ['then', 'catch', 'finally'].includes(propertyName(callee) ?? '');
}

const TEST_FUNCTIONS: ReadonlySet<string> = new Set([
  'it', 'test', 'describe', 'suite', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'before', 'after', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown',
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

/** Next.js data functions that run when the site is built, not per request. */
const BUILD_TIME_EXPORTS: ReadonlySet<string> = new Set(['getStaticProps', 'getStaticPaths', 'generateStaticParams']);

function isBuildTimeExport(fn: FunctionNode): boolean {
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
  const name = declaration?.id?.type === AST_NODE_TYPES.Identifier ? declaration.id.name : undefined;
  return name !== undefined && BUILD_TIME_EXPORTS.has(name);
}

/**
 * A function that only the module's top level runs, before anything is served: an async IIFE
 * at top level, or a function of the module that nothing exports and that is only called at
 * top level (`async function bootstrap() { … } bootstrap();`).
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
  if (isLifecycleHook(fn) || startsServing(fn)) return true;
  // Calls made while the module's top level runs, directly or from another startup function.
  const atStartup = (node: TSESTree.Node): boolean => {
    const owner = ownerOf(context, node);
    return !owner || runsAtStartup(context, owner, known);
  };
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return atStartup(parent);
  const declaration = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : parent?.type === AST_NODE_TYPES.VariableDeclarator ? parent : undefined;
  if (!declaration || enclosingFunction(declaration) || isExported(declaration)) return false;
  const variable = context.scopeManager.getDeclaredVariables(declaration).find((candidate) => candidate.defs.some((definition) => definition.node === declaration));
  const uses = variable?.references.filter((reference) => !reference.init) ?? [];
  return uses.length > 0 && uses.every((reference) => {
    const call = reference.identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && atStartup(call);
  });
}

/** Framework hooks that run once while the application starts or stops: NestJS and Vendure lifecycle methods. */
const LIFECYCLE_HOOKS: ReadonlySet<string> = new Set(['onModuleInit', 'onApplicationBootstrap', 'onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown']);

function isLifecycleHook(fn: FunctionNode): boolean {
  const method = fn.parent;
  return method?.type === AST_NODE_TYPES.MethodDefinition && method.key.type === AST_NODE_TYPES.Identifier && LIFECYCLE_HOOKS.has(method.key.name);
}

/** A function that starts the server (`app.listen(...)`, `NestFactory.create(...)`): what it reads, it reads before serving. */
function startsServing(fn: FunctionNode): boolean {
  let serves = false;
  visitWithinFunction(fn.body ?? fn, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
    const method = propertyName(node.callee);
    const object = node.callee.object;
    if (method === 'listen' || (object.type === AST_NODE_TYPES.Identifier && object.name === 'NestFactory')) serves = true;
  });
  return serves;
}

/** Calls whose CPU work is slow by design (key derivation, password hashing): worth reporting wherever a server runs them. */
const SLOW_WORK: ReadonlySet<string> = new Set(['scryptSync', 'pbkdf2Sync', 'hashSync', 'compareSync', 'genSaltSync', 'generateKeyPairSync', 'generatePrimeSync']);

function isSlowWork(use: BlockingUse): boolean {
  return SLOW_WORK.has(use.member.path[use.member.path.length - 1] ?? '');
}

/** Names of wrappers that run their function once and keep the result. */
const ONCE_WRAPPERS = /^(?:once|memoize|memoizeOne|memo|lazy|cache|onetime|singleton)$/i;

/**
 * Whether `call` runs at most once in the process: under `if (!cache)` that then sets `cache`,
 * on the right of `cache ??= ...` / `cache ||= ...`, after `if (cache) return cache`, or in a
 * function given to `once(...)` / `memoize(...)`; `cache` being module state or a field of `this`.
 */
function runsOnce(context: RuleContext, call: TSESTree.Node, owner: FunctionNode): boolean {
  let child: TSESTree.Node = call;
  for (let current = call.parent; current && current !== owner; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.AssignmentExpression && current.right === child && (current.operator === '??=' || current.operator === '||=') && isKeptState(context, current.left)) return true;
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && assignsTestedState(context, current)) return true;
    if (current.type === AST_NODE_TYPES.BlockStatement && current.parent === owner && returnsKeptStateBefore(context, current, child)) return true;
  }
  const wrapper = owner.parent;
  return wrapper?.type === AST_NODE_TYPES.CallExpression && wrapper.arguments[0] === owner && ONCE_WRAPPERS.test(calleeName(wrapper.callee) ?? '');
}

/** A module-level variable or a field of `this`: state that outlives one call. */
function isKeptState(context: RuleContext, node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    let root: TSESTree.Node = inner;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
    return root.type === AST_NODE_TYPES.ThisExpression || isKeptState(context, root);
  }
  if (inner.type !== AST_NODE_TYPES.Identifier) return false;
  const scope = resolveVariable(context, inner)?.scope.type;
  return scope === 'module' || scope === 'global';
}

/** The kept state a condition reads: `cache` in `!cache`, `cache === undefined`, `!this.template`. */
function testedState(node: TSESTree.Node): TSESTree.Node | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!') return unwrapExpression(inner.argument);
  if (inner.type === AST_NODE_TYPES.BinaryExpression && /^[!=]==?$/.test(inner.operator)) {
    const other = (side: TSESTree.Node): boolean => side.type === AST_NODE_TYPES.Literal || (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined');
    if (other(inner.right)) return unwrapExpression(inner.left as TSESTree.Node);
    if (other(inner.left as TSESTree.Node)) return unwrapExpression(inner.right);
  }
  return undefined;
}

function sameText(context: RuleContext, a: TSESTree.Node, b: TSESTree.Node): boolean {
  return context.text.slice(a.range[0], a.range[1]) === context.text.slice(b.range[0], b.range[1]);
}

/** `if (!cache) { cache = ... }`: the branch sets the state its condition tests. */
function assignsTestedState(context: RuleContext, statement: TSESTree.IfStatement): boolean {
  const state = testedState(statement.test);
  if (!state || !isKeptState(context, state)) return false;
  let assigns = false;
  visitWithinFunction(statement.consequent, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && sameText(context, node.left, state)) assigns = true;
  });
  return assigns;
}

/** `if (cache) return cache;` before `child` in the function's body. */
function returnsKeptStateBefore(context: RuleContext, body: TSESTree.BlockStatement, child: TSESTree.Node): boolean {
  for (const statement of body.body) {
    if (statement === child) return false;
    if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
    const returned = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body[0] : statement.consequent;
    if (returned?.type !== AST_NODE_TYPES.ReturnStatement || !returned.argument) continue;
    const test = unwrapExpression(statement.test);
    const state = test.type === AST_NODE_TYPES.BinaryExpression || test.type === AST_NODE_TYPES.UnaryExpression ? undefined : test;
    if (state && isKeptState(context, state) && sameText(context, state, returned.argument)) return true;
  }
  return false;
}

/** A desktop app's main process: it serves one user, and reads its files once. */
function importsElectron(context: RuleContext): boolean {
  return /(?:\bfrom\s*|\brequire\s*\(\s*)['"]electron['"]/.test(context.text);
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

/** The replacement the message names, with the callee's own object where it has one (`fse.readJson`). */
function replacementText(context: RuleContext, use: BlockingUse): string {
  const callee = unwrapExpression(use.callee);
  const objectText = callee.type === AST_NODE_TYPES.MemberExpression ? sourceText(context, callee.object) : undefined;
  const fix = use.api.fix;
  if (fix?.kind === 'fs-promises' && !objectText) return `\`await ${fix.name}(...)\` from \`node:fs/promises\``;
  if (fix?.kind === 'fs-promises') return `\`await ${objectText}.promises.${fix.name}(...)\``;
  if (!use.api.replacement.includes('{{object}}')) return use.api.replacement;
  if (objectText) return use.api.replacement.replace('{{object}}', objectText);
  return `${use.api.replacement.replace('{{object}}.', '')} from \`${use.member.module}\``;
}

/** Whether an expression in place of `call` would bind looser than its parent expects (`await x.y` vs `(await x).y`). */
function needsParentheses(call: TSESTree.CallExpression): boolean {
  const parent = call.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === call;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === call;
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === call;
    case AST_NODE_TYPES.BinaryExpression:
      return parent.operator === '**' && parent.left === call;
    default:
      return false;
  }
}

/** A file descriptor argument: the promise API takes `FileHandle`s, not numbers. */
function looksLikeDescriptor(argument: TSESTree.Node | undefined): boolean {
  if (!argument) return false;
  if (argument.type === AST_NODE_TYPES.Literal) return typeof argument.value === 'number';
  const name = calleeName(argument);
  return name !== undefined && /^fd$|Fd$|Descriptor$/.test(name);
}

function keyName(key: TSESTree.Node): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  return key.type === AST_NODE_TYPES.Literal ? String(key.value) : undefined;
}

/** Whether the call's arguments mean the same to the promise form (`statSync`'s `throwIfNoEntry` does not exist there). */
function argumentsCarryOver(use: BlockingUse): boolean {
  const [first, second] = use.call.arguments;
  if (looksLikeDescriptor(first)) return false;
  const name = use.member.path[use.member.path.length - 1];
  if ((name === 'statSync' || name === 'lstatSync') && second) {
    return (
      second.type === AST_NODE_TYPES.ObjectExpression &&
      second.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && keyName(property.key) !== 'throwIfNoEntry')
    );
  }
  return true;
}

/** A call rewritten to its promise form, before `await` is added around it. */
interface Rewrite {
  edits: TextEdit[];
  /** False when the promise form differs in what the program prints (a suggestion, not applied by `--fix`). */
  safe: boolean;
  /** A property of the awaited result that stands for the blocking call's return value. */
  resultProperty?: string;
  /** A TypeScript type the awaited result is asserted to. */
  cast?: string;
}

/** `fs.readFileSync` → `fs.promises.readFile`, `bcrypt.hashSync` → `bcrypt.hash`, or a named import of the twin. */
function twinCall(context: RuleContext, use: BlockingUse, form: Extract<PromiseForm, { kind: 'fs-promises' | 'member' }>, callee: TSESTree.Node): Rewrite {
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const property = form.kind === 'fs-promises' ? `promises.${form.name}` : form.name;
    return { edits: [{ start: callee.property.range[0], end: callee.property.range[1], text: property }], safe: true };
  }
  const places = form.kind === 'fs-promises'
    ? [{ module: 'fs/promises', path: [] }, { module: 'fs', path: ['promises'] }]
    : [{ module: use.member.module, path: use.member.path.slice(0, -1) }];
  const binding = bindingFor(context, places, form.name);
  return { edits: [{ start: callee.range[0], end: callee.range[1], text: binding.text }, ...binding.edits], safe: true };
}

/** A module-level `const x = promisify(member)` for `name` of `module`, from an earlier fix or the author. */
function existingPromisified(context: RuleContext, module: string, name: string): string | undefined {
  for (const statement of context.ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init && unwrapExpression(declarator.init);
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || init?.type !== AST_NODE_TYPES.CallExpression || init.arguments.length !== 1) continue;
      const wrapper = resolveModuleMember(context, init.callee);
      const wrapped = resolveModuleMember(context, init.arguments[0]!);
      if (
        wrapper?.module === 'util' && wrapper.path.join('.') === 'promisify' &&
        wrapped?.module === module && wrapped.path.join('.') === name
      ) {
        return declarator.id.name;
      }
    }
  }
  return undefined;
}

/** Whether an expression only reads module-level bindings or `require`, so it can move to the top of the file. */
function movableToTop(context: RuleContext, expression: TSESTree.Node): boolean {
  let root = unwrapExpression(expression);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type === AST_NODE_TYPES.CallExpression) return requiredModule(context, root) !== undefined;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const scope = resolveVariable(context, root)?.scope.type;
  return scope === 'module' || scope === 'global';
}

/** Joins insertions at one offset into one edit, in order (separate edits there would apply in reverse). */
function joinInsertions(edits: TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const edit of edits) {
    const previous = joined.find((other) => other.start === edit.start && other.end === edit.start && edit.end === edit.start);
    if (previous) previous.text += edit.text;
    else joined.push({ ...edit });
  }
  return joined;
}

const COMMAND_OPTIONS: ReadonlySet<string> = new Set(['cwd', 'env', 'encoding', 'shell', 'timeout', 'maxBuffer', 'killSignal', 'uid', 'gid', 'windowsHide', 'stdio']);

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}

/** Whether `stdio` keeps the child's stderr from reaching ours, as `exec` always does. */
function pipesEverything(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.length === 3 && node.elements.every((element) => element !== null && stringValue(element) === 'pipe');
  return stringValue(node) === 'pipe';
}

function isInsideTryWithCatch(node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (let current = node.parent; current && current !== boundary; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.handler && contains(current.block, node)) return true;
  }
  return false;
}

/** The edit that removes one property of an options object, with its comma, or the whole argument when it is the only one. */
function withoutProperty(options: TSESTree.ObjectExpression, property: TSESTree.Property, args: TSESTree.CallExpressionArgument[]): TextEdit {
  const properties = options.properties;
  const index = properties.indexOf(property);
  if (properties.length === 1) {
    const previous = args[args.indexOf(options) - 1]!;
    return { start: previous.range[1], end: options.range[1], text: '' };
  }
  if (index < properties.length - 1) return { start: property.range[0], end: properties[index + 1]!.range[0], text: '' };
  return { start: properties[index - 1]!.range[1], end: property.range[1], text: '' };
}

/**
 * How `execSync` / `execFileSync` options carry over to the promisified `exec` / `execFile`:
 * undefined when they cannot (`input`, `stdio: 'inherit'`, options built elsewhere); edits that
 * ask for Buffers when the blocking call returned one; unsafe when the child's stderr would
 * stop reaching the terminal, or a `catch` might read the error's `status`.
 */
function commandOptions(use: BlockingUse, owner: FunctionNode): Rewrite | undefined {
  const args = use.call.arguments;
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  let options: TSESTree.Node | undefined = args[1];
  if (use.member.path[use.member.path.length - 1] === 'execFileSync') {
    if (args.length === 2 && args[1]!.type !== AST_NODE_TYPES.ArrayExpression && args[1]!.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    options = args.length >= 3 || args[1]?.type === AST_NODE_TYPES.ArrayExpression ? args[2] : args[1];
  }
  if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  let encoding: string | undefined;
  let stdio: TSESTree.Property | undefined;
  for (const property of options?.properties ?? []) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return undefined;
    const key = keyName(property.key);
    if (!key || !COMMAND_OPTIONS.has(key)) return undefined;
    if (key === 'encoding') {
      encoding = stringValue(property.value);
      if (encoding === undefined) return undefined;
    }
    if (key === 'stdio') {
      if (!pipesEverything(property.value)) return undefined;
      stdio = property;
    }
  }
  const resultUsed = use.call.parent?.type !== AST_NODE_TYPES.ExpressionStatement;
  // The blocking call returns a Buffer unless told an encoding; the promisified one returns strings unless told 'buffer'.
  const askForBuffer = resultUsed && encoding === undefined;
  const edits: TextEdit[] = [];
  if (stdio && askForBuffer) {
    edits.push({ start: stdio.range[0], end: stdio.range[1], text: "encoding: 'buffer'" });
  } else if (stdio) {
    // `exec` always pipes and has no `stdio` option (TypeScript rejects it).
    edits.push(withoutProperty(options!, stdio, args));
  } else if (askForBuffer) {
    const first = options?.properties[0];
    if (first) edits.push({ start: first.range[0], end: first.range[0], text: "encoding: 'buffer', " });
    else if (options) edits.push({ start: options.range[0], end: options.range[1], text: "{ encoding: 'buffer' }" });
    else edits.push({ start: args[args.length - 1]!.range[1], end: args[args.length - 1]!.range[1], text: ", { encoding: 'buffer' }" });
  }
  return { edits, safe: stdio !== undefined && !isInsideTryWithCatch(use.call, owner), ...(resultUsed && { resultProperty: 'stdout' }) };
}

/** `gzipSync(x)` → `gzipAsync(x)` with `const gzipAsync = promisify(gzip)` declared once at the top. */
function promisifiedCall(context: RuleContext, use: BlockingUse, form: Extract<PromiseForm, { kind: 'promisify' }>, callee: TSESTree.Node, owner: FunctionNode): Rewrite | undefined {
  const typescript = /\.[cm]?tsx?$/i.test(context.fileName);
  if (typescript && form.untyped) return undefined;
  const options = form.result === 'stdout' ? commandOptions(use, owner) : { edits: [], safe: true };
  if (!options) return undefined;
  const edits: TextEdit[] = [...options.edits];
  let local = existingPromisified(context, use.member.module, form.name);
  if (!local) {
    let wrapped: string;
    const added = new Set<string>();
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (!movableToTop(context, callee.object)) return undefined;
      wrapped = `${sourceText(context, callee.object)}.${form.name}`;
    } else {
      const binding = bindingFor(context, [{ module: use.member.module, path: [] }], form.name);
      wrapped = binding.text;
      edits.push(...binding.edits);
      added.add(binding.text);
    }
    const promisify = bindingFor(context, [{ module: 'util', path: [] }], 'promisify', added);
    edits.push(...promisify.edits);
    added.add(promisify.text);
    local = freshName(context, `${form.name}Async`, added);
    edits.push(addStatement(context, `const ${local} = ${promisify.text}(${wrapped});`));
  }
  edits.push({ start: callee.range[0], end: callee.range[1], text: local });
  return {
    edits: joinInsertions(edits),
    safe: options.safe,
    ...(options.resultProperty && { resultProperty: options.resultProperty }),
    ...(typescript && form.cast && { cast: form.cast }),
  };
}

/** The rewrite to the awaited promise form, when the call sits directly in an async function's body. */
function promiseFix(context: RuleContext, use: BlockingUse, owner: FunctionNode): Fix | undefined {
  const form = use.api.fix;
  if (!form || !owner.async || enclosingFunction(use.call) !== owner) return undefined;
  if (!contains(owner.body, use.call) || use.call.optional || !argumentsCarryOver(use)) return undefined;
  const callee = unwrapExpression(use.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression ? callee.computed || callee.optional : callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const rewrite = form.kind === 'promisify' ? promisifiedCall(context, use, form, callee, owner) : twinCall(context, use, form, callee);
  if (!rewrite) return undefined;
  const [start, end] = use.call.range;
  const edits = [...rewrite.edits];
  if (rewrite.resultProperty) {
    edits.push({ start, end: start, text: '(await ' }, { start: end, end, text: `).${rewrite.resultProperty}` });
  } else if (rewrite.cast) {
    edits.push({ start, end: start, text: '(await ' }, { start: end, end, text: ` as ${rewrite.cast})` });
  } else if (needsParentheses(use.call)) {
    edits.push({ start, end: start, text: '(await ' }, { start: end, end, text: ')' });
  } else {
    edits.push({ start, end: start, text: 'await ' });
  }
  return { title: `Use ${replacementText(context, use).replace(/`/g, '')}`, safe: rewrite.safe, edits: joinInsertions(edits) };
}

export const syncIoInAsync: Rule = {
  meta: {
    id: 'sync-io-in-async',
    defaultSeverity: 'warning',
    description: 'Blocking calls (fs *Sync, execSync, pbkdf2Sync, gzipSync, bcrypt hashSync, glob.sync, …) inside async functions and request handlers, directly or through a helper of the same file.',
    messages: {
      blocking: '{{callee}} blocks the event loop in {{where}}; use {{replacement}}. Other work waits while {{effect}}.',
      blockingNoTwin: '{{callee}} blocks the event loop in {{where}}; use {{replacement}}. No automatic fix: {{caveat}}.',
      throughHelper: '{{helper}} calls {{callee}}{{via}}, which blocks the event loop in {{where}}; make {{helpers}} async. Then use {{replacement}}.',
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
        const handlers = requestHandlers(context, calls, methods);
        // Scripts, tests, seeds, migrations and a desktop app's main process serve no one while they wait; only the handlers they register do.
        const oneOff = contextRole(context) !== 'production' || importsElectron(context);
        const settings = new Map<FunctionNode, Setting | undefined>();
        const startup = new Map<FunctionNode, boolean>();
        /** Where `fn` runs: a handler, an async function that serves, or neither; `slow` work counts in startup code too. */
        const settingOf = (fn: FunctionNode | undefined, slow = false): Setting | undefined => {
          if (!fn) return undefined;
          if (handlers.has(fn)) return 'handler';
          if (oneOff || !(fn.async || isPromiseContinuation(fn)) || isTestCallback(context, fn) || isBuildTimeExport(fn)) return undefined;
          if (slow) return 'async';
          if (!settings.has(fn)) settings.set(fn, runsAtStartup(context, fn, startup) ? undefined : 'async');
          return settings.get(fn);
        };

        const reach = new Map<FunctionNode, Reach>();
        const edges: Array<{ from: FunctionNode; to: FunctionNode; call: TSESTree.CallExpression }> = [];
        for (const call of calls) {
          const owner = ownerOf(context, call);
          const use = blockingUse(context, call);
          if (use) {
            const slow = isSlowWork(use);
            // A value computed once and kept (`cache ??= readFileSync(...)`) costs one wait in the life of the process.
            if (!slow && owner && runsOnce(context, call, owner)) continue;
            const setting = settingOf(owner, slow);
            if (setting) reportUse(use, setting, owner!);
            else if (owner && !reach.has(owner)) reach.set(owner, { use, through: [], depth: 0 });
            continue;
          }
          if (!owner) continue;
          const target = localFunction(context, call.callee);
          if (target && target !== owner && !target.async && !handlers.has(target) && !runsOnce(context, call, owner)) edges.push({ from: owner, to: target, call });
        }

        // Helpers reach what the helpers they call reach: spread backwards from the blocking calls,
        // each function once, so cycles end and long chains stay linear.
        const callers = new Map<FunctionNode, typeof edges>();
        for (const edge of edges) callers.set(edge.to, [...(callers.get(edge.to) ?? []), edge]);
        const pending = [...reach.keys()];
        for (let next = pending.pop(); next; next = pending.pop()) {
          const reached = reach.get(next)!;
          for (const edge of callers.get(next) ?? []) {
            if (reach.has(edge.from) || settingOf(edge.from)) continue;
            const through = [sourceText(context, edge.call.callee), ...reached.through].slice(0, NAMED_HELPERS);
            reach.set(edge.from, { use: reached.use, through, depth: reached.depth + 1 });
            pending.push(edge.from);
          }
        }

        for (const edge of edges) {
          const setting = settingOf(edge.from);
          const reached = reach.get(edge.to);
          if (!setting || !reached) continue;
          const elided = reached.depth > reached.through.length ? ' → …' : '';
          const via = reached.through.length > 0 ? ` through ${reached.through.join(' → ')}${elided}` : '';
          context.report({
            node: edge.call.callee,
            messageId: 'throughHelper',
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

    function reportUse(use: BlockingUse, setting: Setting, owner: FunctionNode): void {
      const fix = promiseFix(context, use, owner);
      context.report({
        node: use.callee,
        messageId: use.api.caveat ? 'blockingNoTwin' : 'blocking',
        data: plainData({
          callee: calleeLabel(context, use),
          where: WHERE[setting],
          effect: use.api.effect,
          replacement: replacementText(context, use),
          caveat: use.api.caveat ?? '',
        }),
        ...(fix && { fix }),
      });
    }
  },
};
