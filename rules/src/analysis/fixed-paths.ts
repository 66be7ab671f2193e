import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { isGlobalReference, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';

/** How far a path is followed through constants and path helpers before it counts as varying. */
const MAX_DEPTH = 8;

/** Path builders whose result depends only on their arguments. */
const PATH_BUILDERS = new Set(['join', 'resolve', 'normalize', 'dirname', 'basename']);

/** The process's location and environment stay the same for its whole life. */
const PROCESS_FIXED = new Set(['cwd', 'env', 'argv', 'execPath']);

/**
 * True when `node` names the same file on every call of the function it is in: literals, module
 * constants, `__dirname`, `process.cwd()`, environment variables, and `path.join` or `require.resolve` of those.
 */
export function isSameOnEveryCall(context: RuleContext, node: TSESTree.Node, depth = 0, origin?: PathOrigin): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(node);
  const fixed = (part: TSESTree.Node): boolean => isSameOnEveryCall(context, part, depth + 1, origin);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.every(fixed);
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === '+' && fixed(value.left) && fixed(value.right);
    case AST_NODE_TYPES.MetaProperty:
      if (origin) origin.inCode = true;
      return true;
    case AST_NODE_TYPES.MemberExpression:
      if (value.object.type === AST_NODE_TYPES.MetaProperty) {
        if (origin) origin.inCode = true;
        return true;
      }
      if (isProcess(context, value.object)) return PROCESS_FIXED.has(propertyName(value) ?? '');
      return (!value.computed || fixed(value.property)) && fixed(value.object);
    case AST_NODE_TYPES.CallExpression:
      return isFixedCall(context, value, origin) && value.arguments.every(fixed);
    case AST_NODE_TYPES.NewExpression:
      return value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'URL' && value.arguments.every(fixed);
    case AST_NODE_TYPES.Identifier:
      return isFixedName(context, value, depth, origin);
    default:
      return false;
  }
}

function isProcess(context: RuleContext, node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'process' && isGlobalReference(context, node);
}

function isFixedCall(context: RuleContext, call: TSESTree.CallExpression, origin: PathOrigin | undefined): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && isProcess(context, callee.object)) return propertyName(callee) === 'cwd';
  // `require.resolve('rrweb/dist/rrweb.min.js')`: a package's file, where it was installed.
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'require') {
    const resolves = propertyName(callee) === 'resolve' && isGlobalReference(context, callee.object);
    if (resolves && origin) origin.inCode = true;
    return resolves;
  }
  const member = resolveModuleMember(context, call.callee);
  if (!member) return false;
  const name = member.path[member.path.length - 1];
  if (member.module === 'path' || member.module === 'path/posix' || member.module === 'path/win32') return PATH_BUILDERS.has(name ?? '');
  return member.module === 'url' && name === 'fileURLToPath';
}

/** Where a fixed path lies: `inCode` once it is found relative to the program's own files (`__dirname`, `import.meta.url`, `require.resolve`). */
export interface PathOrigin {
  inCode: boolean;
}

/**
 * `__dirname`, a module-level constant, or a function's constant that holds a fixed value; also a function's `let` whose
 * every value is fixed (`let dir = join(__dirname, 'chatflows')`, later `dir = join(__dirname, 'tools')`).
 */
function isFixedName(context: RuleContext, identifier: TSESTree.Identifier, depth: number, origin: PathOrigin | undefined): boolean {
  if (identifier.name === '__dirname' || identifier.name === '__filename') {
    const global = isGlobalReference(context, identifier);
    if (global && origin) origin.inCode = true;
    return global;
  }
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable') return false;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  const kind = (declarator.parent as TSESTree.VariableDeclaration).kind;
  const fixed = (value: TSESTree.Node): boolean => isSameOnEveryCall(context, value, depth + 1, origin);
  const moduleLevel = variable!.scope.type === 'module' || variable!.scope.type === 'global';
  if (kind === 'let' && !moduleLevel && declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init !== null)
    return variable!.references.every((reference) => {
      if (!reference.isWrite()) return true;
      const parent = reference.identifier.parent;
      const plain = parent?.type === AST_NODE_TYPES.VariableDeclarator || (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=');
      return plain && !!reference.writeExpr && fixed(reference.writeExpr);
    });
  if (kind !== 'const') return false;
  // A module's constant is computed once, when the module loads.
  if (moduleLevel) {
    // Followed only to learn where the path lies: the constant is fixed whatever it holds.
    if (origin && declarator.init) fixed(declarator.init);
    return true;
  }
  return declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init !== null && fixed(declarator.init);
}

/** The kernel's own file systems: devfs, sysfs and procfs answer from memory, with no disk behind them. */
const KERNEL_FOLDER = /^\/(?:dev|sys|proc)(?:\/|$)/;

/**
 * True when `node` names a path under `/dev`, `/sys` or `/proc`: its text starts there, as a literal, a template, a
 * concatenation, `path.join` or `path.resolve` of such a start, a constant or a parameter's default (`base = '/dev'`) that holds one.
 */
export function isKernelPath(context: RuleContext, node: TSESTree.Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(node);
  const kernel = (part: TSESTree.Node | undefined): boolean => part !== undefined && isKernelPath(context, part, depth + 1);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return typeof value.value === 'string' && KERNEL_FOLDER.test(value.value);
    case AST_NODE_TYPES.TemplateLiteral: {
      const head = value.quasis[0]?.value.cooked ?? '';
      return head === '' ? kernel(value.expressions[0]) : KERNEL_FOLDER.test(head);
    }
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === '+' && kernel(value.left);
    case AST_NODE_TYPES.CallExpression: {
      const member = resolveModuleMember(context, value.callee);
      const name = member?.path[member.path.length - 1];
      const builds = (member?.module === 'path' || member?.module === 'path/posix') && (name === 'join' || name === 'resolve');
      return builds && value.arguments[0]?.type !== AST_NODE_TYPES.SpreadElement && kernel(value.arguments[0]);
    }
    case AST_NODE_TYPES.Identifier:
      return kernel(kernelValueOf(context, value));
    default:
      return false;
  }
}

/** What a name holds where a path is read from it: a `const`'s value, or a parameter's default. */
function kernelValueOf(context: RuleContext, identifier: TSESTree.Identifier): TSESTree.Node | undefined {
  const definition = resolveVariable(context, identifier)?.defs;
  if (definition?.length !== 1) return undefined;
  const node = definition[0]!.node as TSESTree.Node;
  if (definition[0]!.type === 'Variable') {
    const declarator = node as TSESTree.VariableDeclarator;
    return (declarator.parent as TSESTree.VariableDeclaration).kind === 'const' ? (declarator.init ?? undefined) : undefined;
  }
  if (definition[0]!.type !== 'Parameter') return undefined;
  const pattern = definition[0]!.name.parent;
  return pattern?.type === AST_NODE_TYPES.AssignmentPattern && pattern.left === definition[0]!.name ? pattern.right : undefined;
}
