/** Whether a call or a function does no I/O: the work it starts is done in this process, so running several at once saves nothing. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { isPromiseCombinator } from './await-patterns';
import { calleeName } from './names';
import { isLocalModule } from './module-names';
import { callsSettledAsync, callsSettledMethod, importedExportListed } from './project-exports';
import { projectModels } from './orm';
import {
  classMember,
  instanceFieldOf,
  isGlobalReference,
  localFunction,
  propertyName,
  resolveModuleMember,
  resolveVariable,
  unwrapExpression,
} from './resolve';
import { isFunction, type FunctionNode } from './scopes';
import { containsCall, visitAll, visitWithinFunction } from './visit';
import { CUSTOM_STEP, isSchemaCheckName, VALIDATION_MODULE } from '../validation-schemas';

/** How many functions deep a call is followed (a mapper's call of a method that calls another). */
const MAX_LOCAL_DEPTH = 4;

/**
 * Async calls that only compute locally: signing a URL needs no request; parsing, serializing,
 * encoding and hashing (`parsePayload`, `stringifyIO`, `sha256`, `makeIdempotencyKey`) work on the value handed over;
 * a synchronous call (`readFileSync(path).toString('utf8')`) is done before anything could run beside it.
 */
const LOCAL_ASYNC_CALLS =
  /^(?:\w+Sync|toString|sign|(?:safe)?[pP]arse\w*|stringify\w*|(?:de)?serialize\w*|[eE]ncode\w*|[dD]ecode\w*|hash\w*|digest|sha\d+|md5|(?:make|compute|derive)\w*(?:Key|Hash|Digest))$/;
/** The output types JSZip's `file.async(type)` reads an entry of a zip already in memory as. */
const IN_MEMORY_READ_TYPES = /^(?:string|text|binarystring|base64|array|uint8array|arraybuffer|blob|nodebuffer)$/;

/** Built-in namespaces whose functions return their value at once (`JSON.parse(text)`), never a promise. */
const SYNCHRONOUS_BUILTINS = /^(?:JSON|Math|Object|Number|String)$/;

/** Built-in collections, held in the process's memory: their methods answer at once. */
const MEMORY_COLLECTIONS = /^(?:Map|Set|WeakMap|WeakSet|Array)$/;

/**
 * A call that only computes locally: presigning, a synchronous built-in, a method of a `Map` or
 * `Set` the code holds, `entry.async('string')` reading an entry of a zip in memory, or a function of
 * the project that does no I/O on any path.
 */
export function isLocalAsyncCall(context: RuleContext, call: TSESTree.CallExpression | TSESTree.NewExpression, depth = 0): boolean {
  const name = calleeName(call) ?? '';
  const callee = unwrapExpression(call.callee);
  // `readFileSync(path).toString()`: a step on a call's result is local only when that call is.
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
  const startedBefore = receiver?.type === AST_NODE_TYPES.CallExpression || receiver?.type === AST_NODE_TYPES.NewExpression ? receiver : undefined;
  if ((LOCAL_ASYNC_CALLS.test(name) || PRESIGNING_CALL.test(name)) && (!startedBefore || isLocalAsyncCall(context, startedBefore, depth))) return true;
  if (ciphersInProcess(context, call, name) || convertsKeyInProcess(context, call)) return true;
  if (rendersTemplate(context, call) || checksInMemorySchema(context, call) || settlesLocalWork(context, call, depth) || computesInFile(context, call, depth))
    return true;
  if (call.type === AST_NODE_TYPES.CallExpression && (callsSettledAsync(context, call) || callsSettledMethod(context, call))) return true;
  // `collect(tree)(id).concat(extra)`: an array step on what a local call returned.
  if (startedBefore && call.type === AST_NODE_TYPES.CallExpression && buildsArrayOfValues(context, call, depth)) return true;
  // `entries.get(id)`; not `ids.map((id) => load(id))`, whose callback may start work.
  if (receiver && holdsMemoryCollection(context, receiver) && !call.arguments.some((argument) => isFunction(argument) || containsCall(argument))) return true;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && SYNCHRONOUS_BUILTINS.test(callee.object.name))
    return true;
  const type = call.arguments[0];
  return name === 'async' && type?.type === AST_NODE_TYPES.Literal && typeof type.value === 'string' && IN_MEMORY_READ_TYPES.test(type.value);
}

/** `getSignedUrl`, `getSignedDownloadUrl`, `getPresignedUploadUrl`, `presignGet`, `createPresignedPost`, `signUrl`: a call named for signing a URL. */
const PRESIGNING_CALL = /^(?:getSigned\w*Url|getPresigned\w*Url|presign\w*|createPresignedPost|sign\w*Url|getSignedCookies)$/;
/** Packages whose signer works with the key it is given: aws4fetch's `AwsClient` and `AwsV4Signer`. */
const LOCAL_SIGNER_PACKAGE = /^aws4fetch$/;

/**
 * `await getSignedUrl(s3, new GetObjectCommand(…))` of `@aws-sdk/s3-request-presigner` (or of `@aws-sdk/cloudfront-signer`),
 * `await storage.getSignedDownloadUrl({ key })`, `await aws.sign(url, { aws: { signQuery: true } })` in a file that uses
 * aws4fetch: a URL signed with a key this process holds. Nothing is sent; awaiting one per item waits for nothing.
 * Supabase's `createSignedUrl` asks its server, and is no such call.
 */
export function signsUrlLocally(context: RuleContext, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(call) ?? '';
  if (PRESIGNING_CALL.test(name)) return true;
  return name === 'sign' && call.callee.type === AST_NODE_TYPES.MemberExpression && importsLocalSigner(context);
}

/** Whether the file imports aws4fetch, whose `sign` makes a signed request without sending it. */
function importsLocalSigner(context: RuleContext): boolean {
  return context.shared.memo('localWork.importsLocalSigner', () =>
    context.ast.body.some(
      (statement) =>
        (statement.type === AST_NODE_TYPES.ImportDeclaration && LOCAL_SIGNER_PACKAGE.test(statement.source.value)) ||
        (statement.type === AST_NODE_TYPES.VariableDeclaration &&
          statement.declarations.some((declarator) => {
            const init = declarator.init && unwrapExpression(declarator.init);
            const source = init?.type === AST_NODE_TYPES.CallExpression && calleeName(init) === 'require' ? init.arguments[0] : undefined;
            return source?.type === AST_NODE_TYPES.Literal && typeof source.value === 'string' && LOCAL_SIGNER_PACKAGE.test(source.value);
          })),
    ),
  );
}

/** `encryptSecret`, `decryptToken`, `decrypt`: a cipher's work on a value at hand. */
const CIPHER_CALL = /^(?:en|de)crypt(?:[A-Z]\w*)?$/;

/**
 * `await decryptSecret(row.value)` with `decryptSecret` imported from a file of the project, or `decrypt` of `node:crypto`'s kin:
 * a cipher run on this process's CPU with a key it holds. A package's client (`kms.decrypt(...)`) sends the value to a service instead.
 */
function ciphersInProcess(context: RuleContext, call: TSESTree.CallExpression | TSESTree.NewExpression, name: string): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || !CIPHER_CALL.test(name)) return false;
  const imported = resolveModuleMember(context, call.callee);
  return !!imported && imported.path.length === 1 && (isLocalModule(imported.module) || /^(?:node:)?crypto$/.test(imported.module));
}

/** `jose`'s key conversions and generation: async only because WebCrypto is, they run on this process's CPU. */
const JOSE_KEY_WORK = /^(?:(?:export|import)(?:JWK|SPKI|PKCS8|X509)|calculateJwk(?:Uri)?Thumbprint|generate(?:KeyPair|Secret))$/;

/** `await exportJWK(key)` with `exportJWK` of `jose`: a key converted in memory; nothing leaves the process. */
function convertsKeyInProcess(context: RuleContext, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const imported = resolveModuleMember(context, call.callee);
  return imported?.module === 'jose' && imported.path.length === 1 && JOSE_KEY_WORK.test(imported.path[0]!);
}

/** A call that only computes locally, as `isLocalAsyncCall` knows them. */
function isLocalCall(context: RuleContext, node: TSESTree.Node, depth: number): boolean {
  return (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) && isLocalAsyncCall(context, node, depth);
}

/** Return types of a function that hands back a value at once, never a promise. */
const VALUE_TYPES: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.TSBooleanKeyword,
  AST_NODE_TYPES.TSStringKeyword,
  AST_NODE_TYPES.TSNumberKeyword,
  AST_NODE_TYPES.TSBigIntKeyword,
  AST_NODE_TYPES.TSLiteralType,
  AST_NODE_TYPES.TSArrayType,
  AST_NODE_TYPES.TSTupleType,
  AST_NODE_TYPES.TSTypeLiteral,
]);

/** A declared return type that is a value (`boolean`, `Block[]`, `{ id: string }`), not a promise. */
function returnsValueType(fn: FunctionNode): boolean {
  return VALUE_TYPES.has(fn.returnType?.typeAnnotation.type ?? AST_NODE_TYPES.TSAnyKeyword);
}

/**
 * `this.evaluateCondition(condition)`, `buildTree(nodes)(rootId)`, `store.get(id)` on a `new MemoryStore()` of the
 * file: a function of the file that only computes, or whose every await and returned call does no I/O either.
 */
function computesInFile(context: RuleContext, call: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): boolean {
  const target = call.type === AST_NODE_TYPES.CallExpression && depth < MAX_LOCAL_DEPTH ? calledFunction(context, call.callee) : undefined;
  if (!target) return false;
  if (!target.async && returnsValueType(target)) return true;
  return doesNoInputOutput(context, target, depth + 1);
}

/**
 * The function of this file a call runs: as `localFunction` finds it, the one a curried function of the file
 * returns (`extract(tree)(id)`), or a method of an instance the function made of a class of the file (`new MemoryStore()`).
 */
export function calledFunction(context: RuleContext, callee: TSESTree.Node): FunctionNode | undefined {
  const local = localFunction(context, callee);
  if (local) return local;
  const inner = unwrapExpression(callee);
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const maker = localFunction(context, inner.callee);
    const made = maker && !maker.async && maker.body.type !== AST_NODE_TYPES.BlockStatement ? unwrapExpression(maker.body) : undefined;
    return made && isFunction(made) ? made : undefined;
  }
  if (inner.type !== AST_NODE_TYPES.MemberExpression || inner.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const made = constInitializer(context, inner.object);
  if (made?.type !== AST_NODE_TYPES.NewExpression || made.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = resolveVariable(context, made.callee)?.defs[0];
  const name = propertyName(inner);
  if (definition?.type !== 'ClassName' || name === undefined) return undefined;
  return classMember((definition.node as TSESTree.ClassDeclaration | TSESTree.ClassExpression).body, name, false);
}

/** The value a `const` of one declaration is set to. */
function constInitializer(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const' || !definition.node.init) return undefined;
  return definition.node.id.type === AST_NODE_TYPES.Identifier ? unwrapExpression(definition.node.init) : undefined;
}

/**
 * `this.entries.get(id)` on a field set to `new Map()`, `seen.has(key)` on a `const seen = new Set()`: a built-in
 * collection in the process's memory.
 */
function holdsMemoryCollection(context: RuleContext, receiver: TSESTree.Node): boolean {
  const isCollection = (value: TSESTree.Node | null | undefined): boolean => {
    const made = value && unwrapExpression(value);
    if (made?.type === AST_NODE_TYPES.ArrayExpression) return true;
    return (
      made?.type === AST_NODE_TYPES.NewExpression &&
      made.callee.type === AST_NODE_TYPES.Identifier &&
      MEMORY_COLLECTIONS.test(made.callee.name) &&
      isGlobalReference(context, made.callee)
    );
  };
  if (receiver.type === AST_NODE_TYPES.Identifier) return isCollection(constInitializer(context, receiver));
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || receiver.object.type !== AST_NODE_TYPES.ThisExpression) return false;
  const name = propertyName(receiver);
  // A field declared with its collection (`private readonly entries = new Map()`), never assigned elsewhere in the class.
  const field = instanceFieldOf(receiver, name);
  if (!field || !isCollection(field.value)) return false;
  let reassigned = false;
  // The assignments sit in the class's methods, each a function of its own.
  visitAll(field.parent, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const target = node.left;
      if (target.object.type === AST_NODE_TYPES.ThisExpression && propertyName(target) === name) reassigned = true;
    }
  });
  return !reassigned;
}

/** Packages whose async functions turn text into other text in memory: React Email's `render` of an e-mail, Prettier's `format` of code. */
const IN_MEMORY_RENDERERS: ReadonlyArray<readonly [module: RegExp, name: RegExp]> = [
  [/^@react-email\/(?:render|components)$/, /^render(?:Async)?$/],
  [/^prettier(?:\/standalone)?$/, /^format(?:WithCursor)?$/],
];

/** `await render(<Email />, { plainText: true })`, `await format(code, { parser: 'babel' })`: the text is made here, no request is sent. */
export function rendersTemplate(context: RuleContext, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  const member = call.type === AST_NODE_TYPES.CallExpression ? resolveModuleMember(context, call.callee) : undefined;
  const name = member?.path.at(-1) ?? '';
  return !!member && IN_MEMORY_RENDERERS.some(([module, renders]) => module.test(member.module) && renders.test(name));
}

/**
 * `nameSchema.validateAsync(value)`, `schema.parseAsync(body)`: a check of a schema built in the file by a validation
 * library it imports (Joi, Zod, Yup), or imported from a project file that builds it so, with no step that runs
 * the code's own functions (`.external(…)`, `.refine(async …)`). The value is checked in memory.
 */
export function checksInMemorySchema(context: RuleContext, node: TSESTree.Node): boolean {
  const call = unwrapExpression(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !isSchemaCheckName(propertyName(callee) ?? '')) return false;
  const schema = unwrapExpression(callee.object);
  if (schema.type !== AST_NODE_TYPES.Identifier) return false;
  if (importedExportListed(context, schema, projectModels(context)?.inMemorySchemas)) return true;
  const built = constInitializer(context, schema);
  if (!built || CUSTOM_STEP.test(context.text.slice(built.range[0], built.range[1]))) return false;
  let root: TSESTree.Node = built;
  while (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.MemberExpression)
    root = unwrapExpression(root.type === AST_NODE_TYPES.CallExpression ? root.callee : root.object);
  return VALIDATION_MODULE.test(resolveModuleMember(context, root)?.module ?? '');
}

/** `Promise.all(users.map(async (user) => render(...)))`: waiting on mappers that do no I/O is local work too. */
function settlesLocalWork(context: RuleContext, call: TSESTree.CallExpression | TSESTree.NewExpression, depth: number): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression || depth >= MAX_LOCAL_DEPTH || !isPromiseCombinator(context, call)) return false;
  const mapped = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (mapped?.type !== AST_NODE_TYPES.CallExpression || mapped.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const mapper = propertyName(mapped.callee) === 'map' ? mapped.arguments[0] : undefined;
  return !!mapper && doesNoInputOutput(context, localFunction(context, mapper) ?? mapper, depth + 1);
}

/**
 * A function that starts no I/O: an arrow that returns a local call (`(item) => sha256(item.token)`), a function
 * whose every returned call is local, or an async one that awaits nothing (or only local work such as presigning,
 * reading a zip in memory, or a function of the file that does no I/O either), so every promise has settled by the
 * time the array is built. A function that calls itself, directly or through others, adds no I/O of its own.
 */
export function doesNoInputOutput(context: RuleContext, mapper: TSESTree.Node, depth = 0): boolean {
  const inner = unwrapExpression(mapper);
  if (!isFunction(inner)) return false;
  const visiting = context.shared.memo('localWork.visiting', () => new Set<TSESTree.Node>());
  if (visiting.has(inner)) return true;
  visiting.add(inner);
  try {
    return startsNoInputOutput(context, inner, depth);
  } finally {
    visiting.delete(inner);
  }
}

/** Whether either value a `?:`, `&&`, `||` or `??` may return, or the value itself, is one `leaf` accepts. */
function anyReturned(value: TSESTree.Node, leaf: (returned: TSESTree.Node) => boolean): boolean {
  const returned = unwrapExpression(value);
  if (returned.type === AST_NODE_TYPES.ConditionalExpression) return anyReturned(returned.consequent, leaf) || anyReturned(returned.alternate, leaf);
  if (returned.type === AST_NODE_TYPES.LogicalExpression) return anyReturned(returned.left, leaf) || anyReturned(returned.right, leaf);
  return leaf(returned);
}

function startsNoInputOutput(context: RuleContext, fn: FunctionNode, depth: number): boolean {
  const returnsCall = (value: TSESTree.Node | null | undefined): boolean =>
    !!value &&
    anyReturned(
      value,
      (returned) =>
        (returned.type === AST_NODE_TYPES.CallExpression || returned.type === AST_NODE_TYPES.NewExpression) &&
        !isLocalCall(context, returned, depth) &&
        !buildsArrayOfValues(context, returned, depth),
    );
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    // `(item) => sha256(item.token)`: the promise a synchronous arrow returns is the local call's own.
    if (!fn.async) return isLocalCall(context, unwrapExpression(fn.body), depth);
    return !returnsCall(fn.body) && !containsRemoteAwait(context, fn.body, depth);
  }
  // A synchronous function hands back what it returns: a promise inside a value (`{ details: load(id) }`) is work too,
  // and a call it returns counts only when it is a function of the project known to do no I/O, not by its name.
  const returnsWork = (value: TSESTree.Node): boolean =>
    anyReturned(value, (returned) =>
      returned.type === AST_NODE_TYPES.CallExpression && (computesInFile(context, returned, depth) || callsSettledAsync(context, returned))
        ? false
        : !buildsArrayOfValues(context, returned, depth),
    );
  let io = fn.async && containsRemoteAwait(context, fn.body, depth);
  let returnsValue = false;
  visitWithinFunction(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.ReturnStatement) return;
    if (fn.async ? returnsCall(node.argument) : !!node.argument && returnsWork(node.argument)) io = true;
    else returnsValue = true;
  });
  // A synchronous function with a block body is asked of only for what it returns.
  return !io && (fn.async || returnsValue);
}

/** Array steps that hand back their result at once. */
const ARRAY_STEPS = /^(?:map|filter|flatMap|find|findIndex|some|every|reduce|slice|concat|flat|sort|toSorted|join|includes)$/;

/**
 * `workspace.users.map(({ user }) => ({ email: user.email }))`, `collect(tree)(id).concat(extra.flat())`: an array
 * of values made here, or by local calls, with no other call that could start work.
 */
function buildsArrayOfValues(context: RuleContext, node: TSESTree.Node, depth: number): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return !containsCall(node);
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !ARRAY_STEPS.test(propertyName(callee) ?? '')) return false;
  const receiver = unwrapExpression(callee.object);
  const fromValues =
    receiver.type === AST_NODE_TYPES.CallExpression && !ARRAY_STEPS.test(calleeName(receiver) ?? '')
      ? isLocalCall(context, receiver, depth)
      : buildsArrayOfValues(context, receiver, depth);
  return (
    fromValues &&
    node.arguments.every((argument) =>
      isFunction(argument) ? !argument.async && !containsCall(argument.body) : buildsArrayOfValues(context, unwrapExpression(argument), depth),
    )
  );
}

/**
 * An await of work the function starts: a call other than a local computation, or a variable it
 * set to a call (`const pending = fetch(url); await pending`). A value it was handed
 * (`await item.flag`, a field it destructured) started before it, and a module it loads
 * (`await import(path)`) is read once and then kept by the process.
 */
function containsRemoteAwait(context: RuleContext, node: TSESTree.Node, depth: number): boolean {
  const started = new Set<string>();
  visitWithinFunction(node, (child) => {
    if (child.type !== AST_NODE_TYPES.VariableDeclarator || child.id.type !== AST_NODE_TYPES.Identifier || !child.init) return;
    const init = unwrapExpression(child.init);
    if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression) started.add(child.id.name);
  });
  let found = false;
  visitWithinFunction(node, (child) => {
    if (found || child.type !== AST_NODE_TYPES.AwaitExpression) return;
    const argument = unwrapExpression(child.argument);
    // `await import(path)`: a module the process loads once and then hands out from its module map.
    if (argument.type === AST_NODE_TYPES.MemberExpression || argument.type === AST_NODE_TYPES.ImportExpression) return;
    if (argument.type === AST_NODE_TYPES.Identifier) {
      if (started.has(argument.name)) found = true;
      return;
    }
    if (argument.type !== AST_NODE_TYPES.CallExpression || !isLocalAsyncCall(context, argument, depth)) found = true;
  });
  return found;
}

/**
 * `await validateField(def, value, ctx)` of a function of the project that returns nothing and throws on what it finds, awaiting
 * only its own such checks or a hook it was handed whose answer it only tests (`const error = await def.validate(value); if (error) throw …`):
 * a loop over it stops at the first invalid item, in the items' order, and checks in memory besides.
 */
export function awaitsValidation(context: RuleContext, node: TSESTree.AwaitExpression, depth = 0): boolean {
  const call = unwrapExpression(node.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression || node.parent?.type !== AST_NODE_TYPES.ExpressionStatement || depth > MAX_LOCAL_DEPTH) return false;
  const fn = calledFunction(context, call.callee);
  if (!fn?.async || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  let throws = false;
  let other = false;
  visitWithinFunction(fn.body, (inner) => {
    if (inner.type === AST_NODE_TYPES.ThrowStatement) throws = true;
    else if (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument) other = true;
    else if (inner.type === AST_NODE_TYPES.AwaitExpression) {
      if (awaitsValidation(context, inner, depth + 1)) throws = true;
      else if (!callsHandedHook(context, fn, inner) || !answerOnlyTested(context, inner)) other = true;
    }
  });
  return throws && !other;
}

/**
 * `await rule.check(value)`, `await check(value)`, `await field.validate(value)` in `for (const field of rule.fields ?? [])`: a call
 * of a function the caller handed over (a parameter, a member of one, or of an item of a list it holds).
 */
function callsHandedHook(context: RuleContext, fn: FunctionNode, node: TSESTree.AwaitExpression): boolean {
  const call = unwrapExpression(node.argument);
  return call.type === AST_NODE_TYPES.CallExpression && isHandedValue(context, fn, call.callee);
}

/** A parameter of `fn`, a member of one, or the item of a loop of `fn` over such a list (`rule.fields ?? []`). */
function isHandedValue(context: RuleContext, fn: FunctionNode, value: TSESTree.Node): boolean {
  let root = unwrapExpression(value);
  if (root.type === AST_NODE_TYPES.LogicalExpression && (root.operator === '??' || root.operator === '||')) root = unwrapExpression(root.left);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = resolveVariable(context, root)?.defs[0];
  if (definition?.type === 'Parameter') return definition.node === fn;
  const loop = definition?.type === 'Variable' ? definition.parent.parent : undefined;
  return loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === definition!.parent && isHandedValue(context, fn, loop.right);
}

/** `const error = await hook(value)` whose every read is in an `if` test that leads to a `throw`. */
function answerOnlyTested(context: RuleContext, node: TSESTree.AwaitExpression): boolean {
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const reads = resolveVariable(context, declarator.id)?.references.filter((reference) => reference.identifier !== declarator.id) ?? [];
  return reads.length > 0 && reads.every((reference) => testsBeforeThrow(reference.identifier));
}

/** Whether `node` sits in the test of an `if` whose branch throws, in that `throw` itself, or in a branch that ends with a `throw` (the error's text). */
function testsBeforeThrow(node: TSESTree.Node): boolean {
  for (let child: TSESTree.Node = node, current = node.parent; current && !isFunction(current); child = current, current = current.parent!) {
    if (current.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (
      current.type === AST_NODE_TYPES.BlockStatement &&
      current.body.at(-1)?.type === AST_NODE_TYPES.ThrowStatement &&
      current.parent?.type === AST_NODE_TYPES.IfStatement
    )
      return true;
    if (current.type === AST_NODE_TYPES.IfStatement && current.test === child) {
      let throws = false;
      visitWithinFunction(current.consequent, (inner) => {
        if (inner.type === AST_NODE_TYPES.ThrowStatement) throws = true;
      });
      return throws;
    }
  }
  return false;
}
