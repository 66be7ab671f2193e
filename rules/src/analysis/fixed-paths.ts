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
export function isSameOnEveryCall(context: RuleContext, node: TSESTree.Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrapExpression(node);
  const fixed = (part: TSESTree.Node): boolean => isSameOnEveryCall(context, part, depth + 1);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.every(fixed);
    case AST_NODE_TYPES.BinaryExpression:
      return value.operator === '+' && fixed(value.left) && fixed(value.right);
    case AST_NODE_TYPES.MetaProperty:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      if (value.object.type === AST_NODE_TYPES.MetaProperty) return true;
      if (isProcess(context, value.object)) return PROCESS_FIXED.has(propertyName(value) ?? '');
      return (!value.computed || fixed(value.property)) && fixed(value.object);
    case AST_NODE_TYPES.CallExpression:
      return isFixedCall(context, value) && value.arguments.every(fixed);
    case AST_NODE_TYPES.NewExpression:
      return value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'URL' && value.arguments.every(fixed);
    case AST_NODE_TYPES.Identifier:
      return isFixedName(context, value, depth);
    default:
      return false;
  }
}

function isProcess(context: RuleContext, node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'process' && isGlobalReference(context, node);
}

function isFixedCall(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && isProcess(context, callee.object)) return propertyName(callee) === 'cwd';
  // `require.resolve('rrweb/dist/rrweb.min.js')`: a package's file, where it was installed.
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'require')
    return propertyName(callee) === 'resolve' && isGlobalReference(context, callee.object);
  const member = resolveModuleMember(context, call.callee);
  if (!member) return false;
  const name = member.path[member.path.length - 1];
  if (member.module === 'path' || member.module === 'path/posix' || member.module === 'path/win32') return PATH_BUILDERS.has(name ?? '');
  return member.module === 'url' && name === 'fileURLToPath';
}

/** `__dirname`, a module-level constant, or a function's constant that holds a fixed value. */
function isFixedName(context: RuleContext, identifier: TSESTree.Identifier, depth: number): boolean {
  if (identifier.name === '__dirname' || identifier.name === '__filename') return isGlobalReference(context, identifier);
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable') return false;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if ((declarator.parent as TSESTree.VariableDeclaration).kind !== 'const') return false;
  // A module's constant is computed once, when the module loads.
  if (variable!.scope.type === 'module' || variable!.scope.type === 'global') return true;
  return declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init !== null && isSameOnEveryCall(context, declarator.init, depth + 1);
}
