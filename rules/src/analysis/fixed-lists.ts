/** Lists whose length the code states, wherever they are written: shared by the rules that ask whether a loop or a `Promise.all` is bounded. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { projectModels } from './orm';
import { importedExportListed } from './project-exports';
import { isGlobalReference, propertyName, resolveVariable, unwrapExpression } from './resolve';

/**
 * `import { PLATFORMS } from './platforms'` with `export const PLATFORMS = [...] as const` there: an
 * imported constant that holds a literal array or object, as the project model knows it of every
 * file (through re-exports of files it indexes). It holds as many items as its file lists.
 */
export function isImportedFixedList(context: RuleContext, identifier: TSESTree.Identifier): boolean {
  return importedExportListed(context, identifier, projectModels(context)?.fixedLists);
}

/** `DEFAULTS` in `Object.keys(DEFAULTS)`, `Object.values(...)`, `Object.entries(...)`: the object whose keys the call lists. */
export function objectReadByKeys(context: RuleContext, call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !/^(?:keys|values|entries)$/.test(propertyName(callee) ?? '')) return undefined;
  const object = callee.object;
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Object' || !isGlobalReference(context, object)) return undefined;
  return call.arguments[0] && unwrapExpression(call.arguments[0]);
}

/** `Object.values(Status)`, `Object.keys(DEFAULTS)`: the members of an enum or of an object written in the code, here or in an imported constant. */
export function keysOfFixedObject(context: RuleContext, call: TSESTree.CallExpression): boolean {
  const argument = objectReadByKeys(context, call);
  if (argument?.type === AST_NODE_TYPES.ObjectExpression) return true;
  if (argument?.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(context, argument);
  const definition = variable?.defs[0];
  if (!variable || !definition) return false;
  if (definition.type === 'TSEnumName') return true;
  // An imported enum or constant: by convention its name is capitalized.
  if (definition.type === 'ImportBinding') return /^[A-Z]/.test(argument.name);
  if (definition.type !== 'Variable') return false;
  const init = (definition.node as TSESTree.VariableDeclarator).init;
  return (
    init !== null &&
    unwrapExpression(init).type === AST_NODE_TYPES.ObjectExpression &&
    (definition.parent as TSESTree.VariableDeclaration).kind === 'const' &&
    !gainsKeysFromData(variable)
  );
}

/** `totals[row.userId] = ...`, `(groups[key] ??= []).push(item)`: an object given keys computed from data has as many as the data has values. */
function gainsKeysFromData(variable: Variable): boolean {
  return variable.references.some(({ identifier }) => {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier || !member.computed) return false;
    if (member.property.type === AST_NODE_TYPES.Literal) return false;
    return member.parent?.type === AST_NODE_TYPES.AssignmentExpression && member.parent.left === member;
  });
}
