/** When rows loaded before the loop would differ from the rows each iteration loaded: writes to the table, changed rows. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../../types';
import { databaseQueryOf, type QueryMatch } from '../../analysis/queries';
import { propertyName, resolveVariable } from '../../analysis/resolve';
import { visitWithinFunction } from '../../analysis/visit';

/**
 * Whether the loop writes to the table it looks rows up in (`User.update(...)`, `user.save()`):
 * a row loaded before the loop would miss what an earlier iteration wrote.
 */
export function writesLookedUpModel(context: RuleContext, match: QueryMatch, scope: TSESTree.Node): boolean {
  let writes = false;
  visitWithinFunction(scope, (node) => {
    if (writes || node.type !== AST_NODE_TYPES.CallExpression) return;
    const query = databaseQueryOf(context, node);
    if (query?.kind !== 'write') return;
    const sameModel = query.model !== undefined && match.model !== undefined && query.model.toLowerCase() === match.model.toLowerCase();
    const sameReceiver = query.receiver !== undefined && query.receiver === match.receiver;
    if (sameModel || sameReceiver || query.row) writes = true;
  });
  return writes;
}

/** Row methods that change the row or its relations in memory (`user.set(...)`, `doc.populate(...)`), by the names the ORMs give them. */
const CHANGING_ROW_METHOD =
  /^(?:save|update|upsert|destroy|remove|delete|set|setDataValue|setAttributes|increment|decrement|reload|restore|changed|add|create|populate|depopulate|markModified|unmarkModified|overwrite|softRemove|recover|assign|merge|\$)/;

/** Whether the loop changes a row it got (`user.seen = true`): with duplicate keys the rows are now shared. */
export function mutatesResult(context: RuleContext, holder: TSESTree.Node | undefined): boolean {
  if (!holder || holder.type === AST_NODE_TYPES.ObjectPattern) return false;
  if (holder.type !== AST_NODE_TYPES.Identifier) {
    // A row handed on as it is (returned, pushed, passed, put in an object) is not changed here.
    const parent = holder.parent;
    return !(
      parent?.type === AST_NODE_TYPES.ReturnStatement ||
      parent?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      parent?.type === AST_NODE_TYPES.CallExpression ||
      parent?.type === AST_NODE_TYPES.Property ||
      parent?.type === AST_NODE_TYPES.ArrayExpression
    );
  }
  const variable = resolveVariable(context, holder);
  return (
    !variable ||
    variable.references.some((reference) => {
      const parent = reference.identifier.parent;
      if (reference.isWrite() && !reference.init) return true;
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
      const use = parent.parent;
      if (use?.type === AST_NODE_TYPES.CallExpression && use.callee === parent) return CHANGING_ROW_METHOD.test(propertyName(parent) ?? '$');
      return (use?.type === AST_NODE_TYPES.AssignmentExpression && use.left === parent) || use?.type === AST_NODE_TYPES.UpdateExpression;
    })
  );
}
