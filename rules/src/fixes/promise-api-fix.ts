/** sync-io-in-async: the blocking call rewritten to its awaited promise form, with the import or `promisify` it needs. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { BlockingCall, PromiseForm } from '../analysis/blocking-calls';
import { propertyName, requiredModule, resolveModuleMember, resolveVariable, unwrapExpression, type ModuleMember } from '../analysis/resolve';
import { contains, enclosingFunction, type FunctionNode } from '../analysis/scopes';
import type { Fix, RuleContext, TextEdit } from '../types';
import { addStatement, bindingFor, freshName } from './imports';

/** A call of a blocking API, resolved. */
export interface BlockingUse {
  call: TSESTree.CallExpression;
  callee: TSESTree.Expression;
  member: ModuleMember;
  api: BlockingCall;
}

function sourceText(context: RuleContext, node: TSESTree.Node): string {
  return context.text.slice(node.range[0], node.range[1]);
}

/** The replacement the message names, with the callee's own object where it has one (`fse.readJson`). */
export function replacementText(context: RuleContext, use: BlockingUse): string {
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
  const inner = unwrapExpression(argument);
  const name = inner.type === AST_NODE_TYPES.Identifier ? inner.name : inner.type === AST_NODE_TYPES.MemberExpression ? propertyName(inner) : undefined;
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
  const places =
    form.kind === 'fs-promises'
      ? [
          { module: 'fs/promises', path: [] },
          { module: 'fs', path: ['promises'] },
        ]
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
      if (wrapper?.module === 'util' && wrapper.path.join('.') === 'promisify' && wrapped?.module === module && wrapped.path.join('.') === name) {
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

const COMMAND_OPTIONS: ReadonlySet<string> = new Set([
  'cwd',
  'env',
  'encoding',
  'shell',
  'timeout',
  'maxBuffer',
  'killSignal',
  'uid',
  'gid',
  'windowsHide',
  'stdio',
]);

function stringValue(node: TSESTree.Node | undefined): string | undefined {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : undefined;
}

/** Whether `stdio` keeps the child's stderr from reaching ours, as `exec` always does. */
function pipesEverything(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ArrayExpression)
    return node.elements.length === 3 && node.elements.every((element) => element !== null && stringValue(element) === 'pipe');
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
function promisifiedCall(
  context: RuleContext,
  use: BlockingUse,
  form: Extract<PromiseForm, { kind: 'promisify' }>,
  callee: TSESTree.Node,
  owner: FunctionNode,
): Rewrite | undefined {
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
export function promiseFix(context: RuleContext, use: BlockingUse, owner: FunctionNode): Fix | undefined {
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
