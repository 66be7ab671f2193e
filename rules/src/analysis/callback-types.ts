import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { keyName, resolveVariable, signatureName } from './resolve';
import type { FunctionNode } from './scopes';

/** A function type a declared type gives the callbacks passed for it: the type itself, or a member of it (`property`). */
export interface CallbackType {
  property?: string;
  params: readonly TSESTree.Parameter[];
}

const MAX_ALIAS_STEPS = 4;
/** How deep an object type's members are looked for through aliases, interfaces they extend, unions and intersections. */
const MAX_TYPE_DEPTH = 12;

/**
 * The function types a declared type gives callbacks: itself (`fn: (db: Db) => Promise<void>`), or the members of an object
 * type written in place or declared in this file (`input: { handleAsync: (db: Db) => Promise<void>; handleSync(db: Db): void }`).
 */
export function callbackTypes(context: RuleContext, type: TSESTree.TypeNode, depth = 0): CallbackType[] {
  if (type.type === AST_NODE_TYPES.TSFunctionType) return [{ params: type.params }];
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return memberCallbacks(type.members);
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier || depth > MAX_ALIAS_STEPS) return [];
  const declaration = resolveVariable(context, type.typeName)?.defs[0]?.node;
  if (declaration?.type === AST_NODE_TYPES.TSInterfaceDeclaration) return memberCallbacks(declaration.body.body);
  return declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration ? callbackTypes(context, declaration.typeAnnotation, depth + 1) : [];
}

function memberCallbacks(members: readonly TSESTree.TypeElement[]): CallbackType[] {
  return members.flatMap((member): CallbackType[] => {
    const property = member.type === AST_NODE_TYPES.TSPropertySignature || member.type === AST_NODE_TYPES.TSMethodSignature ? signatureName(member) : undefined;
    if (property === undefined) return [];
    if (member.type === AST_NODE_TYPES.TSMethodSignature) return [{ property, params: member.params }];
    const type = member.type === AST_NODE_TYPES.TSPropertySignature ? member.typeAnnotation?.typeAnnotation : undefined;
    return type?.type === AST_NODE_TYPES.TSFunctionType ? [{ property, params: type.params }] : [];
  });
}

/**
 * The members of an object type: written in place, of an interface or type alias of this file it names (with what the interface
 * extends), or of each part of a union or intersection (`{ prisma: PrismaClient } | { prisma: PrismaClient; user: User }`).
 */
export function objectTypeMembers(context: RuleContext, type: TSESTree.TypeNode, depth = 0): TSESTree.TypeElement[] {
  if (depth > MAX_TYPE_DEPTH) return [];
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) return type.members;
  if (type.type === AST_NODE_TYPES.TSUnionType || type.type === AST_NODE_TYPES.TSIntersectionType)
    return type.types.flatMap((part) => objectTypeMembers(context, part, depth + 1));
  return type.type === AST_NODE_TYPES.TSTypeReference ? namedTypeMembers(context, type.typeName, depth + 1) : [];
}

function namedTypeMembers(context: RuleContext, name: TSESTree.Node, depth: number): TSESTree.TypeElement[] {
  const declaration = name.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, name)?.defs[0]?.node : undefined;
  if (declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration) return objectTypeMembers(context, declaration.typeAnnotation, depth + 1);
  if (declaration?.type !== AST_NODE_TYPES.TSInterfaceDeclaration || depth > MAX_TYPE_DEPTH) return [];
  return [...declaration.body.body, ...declaration.extends.flatMap((heritage) => namedTypeMembers(context, heritage.expression, depth + 1))];
}

/** The type a parameter of a function type is declared with. */
export function parameterType(parameter: TSESTree.Parameter | undefined): TSESTree.TypeNode | undefined {
  const inner = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  return inner?.type === AST_NODE_TYPES.Identifier ? inner.typeAnnotation?.typeAnnotation : undefined;
}

/**
 * Where a callback is passed to a call, for the type the callee declares for it: an argument (`run(async (db) => ...)`),
 * or a member of an object argument (`run(db, { handleAsync: async (db) => ... })`, `{ async handleAsync(db) { ... } }`).
 */
export function callbackSite(fn: FunctionNode): { call: TSESTree.CallExpression; argument: number; property?: string } | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression) {
    const argument = parent.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    return argument >= 0 ? { call: parent, argument } : undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.Property || parent.value !== fn || parent.computed) return undefined;
  const object = parent.parent;
  const call = object?.type === AST_NODE_TYPES.ObjectExpression ? object.parent : undefined;
  const property = keyName(parent);
  if (call?.type !== AST_NODE_TYPES.CallExpression || property === undefined) return undefined;
  const argument = call.arguments.indexOf(object as TSESTree.ObjectExpression);
  return argument >= 0 ? { call, argument, property } : undefined;
}

/** The type a function's parameter is declared with, or undefined. */
export function declaredParameterType(fn: FunctionNode, index: number): TSESTree.TypeNode | undefined {
  const parameter = fn.params[index];
  const inner = parameter?.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : parameter;
  return parameterType(inner);
}

/** The items' type of a list type: `T[]`, `readonly T[]`, `Array<T>`, `ReadonlyArray<T>`, `Iterable<T>`. */
export function elementType(type: TSESTree.TypeNode): TSESTree.TypeNode | undefined {
  if (type.type === AST_NODE_TYPES.TSTypeOperator && type.typeAnnotation) return elementType(type.typeAnnotation);
  if (type.type === AST_NODE_TYPES.TSArrayType) return type.elementType;
  if (
    type.type === AST_NODE_TYPES.TSTypeReference &&
    type.typeName.type === AST_NODE_TYPES.Identifier &&
    /^(?:Array|ReadonlyArray|Iterable)$/.test(type.typeName.name)
  )
    return type.typeArguments?.params[0];
  return undefined;
}
