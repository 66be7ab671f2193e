import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { calleeName, stepsAfter } from './names';
import { keyName, resolveVariable, unwrapExpression } from './resolve';

/** Builder steps that lock the rows they read: Knex's and Kysely's `forUpdate()`, TypeORM's `setLock(...)`, Drizzle's `for('update')`. */
const LOCK_STEPS: ReadonlySet<string> = new Set(['for', 'forUpdate', 'forShare', 'forNoKeyUpdate', 'forKeyShare', 'setLock']);

/** SQL that locks the rows it reads. */
const LOCKING_SQL = /\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE|KEY\s+SHARE)\b/i;

/**
 * A read that locks its rows until the transaction ends: a locking step of its builder, Sequelize's or TypeORM's `lock` option
 * (`findOne({ where, lock: true })`), or SQL text with `FOR UPDATE` / `FOR SHARE`.
 */
export function locksRows(context: RuleContext, call: TSESTree.CallExpression): boolean {
  if (stepsAfter(call).some((step) => LOCK_STEPS.has(step))) return true;
  const options = call.arguments.find((argument) => argument.type === AST_NODE_TYPES.ObjectExpression);
  if (options?.properties.some((property) => property.type === AST_NODE_TYPES.Property && keyName(property) === 'lock')) return true;
  const first = call.arguments[0];
  return (
    !!first &&
    (first.type === AST_NODE_TYPES.TemplateLiteral || first.type === AST_NODE_TYPES.TaggedTemplateExpression || first.type === AST_NODE_TYPES.Literal) &&
    LOCKING_SQL.test(context.text.slice(first.range[0], first.range[1]))
  );
}

/** Calls that put a list in order: the array's own, and lodash's. */
const SORTS: ReadonlySet<string> = new Set(['sort', 'toSorted', 'sortBy', 'orderBy']);

/** `[...ids].sort()`, `sortBy(rows, 'id')`, or a constant holding one: a list put in order. */
export function isSortedList(context: RuleContext, list: TSESTree.Node): boolean {
  let value = unwrapExpression(list);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, value)?.defs[0];
    const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    if (!declarator?.init || declarator.parent.kind !== 'const') return false;
    value = unwrapExpression(declarator.init);
  }
  return value.type === AST_NODE_TYPES.CallExpression && SORTS.has(calleeName(value.callee) ?? '');
}
