import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { ormValueOf } from './orm';
import { keyName, propertyName, resolveVariable, unwrapExpression } from './resolve';
import { contains, isFunction, iterationScope, type Iteration } from './scopes';

/**
 * Names a database handle goes by (`db`, `trx`, `regionDb`); `client` and `connection` only as a field, since an item named so may be
 * a customer or a socket.
 */
const HANDLE_NAME = /^(?:db|database|knex|trx|tx|transaction)$|[a-z0-9](?:Db|DB|Database|Knex|Trx|Tx|Transaction)$/;
const HANDLE_FIELD = /^(?:client|pool|connection)$/;

/** What an ORM value that is a database handle is, rather than a model, a row or a table's repository. */
const HANDLE_KINDS = new Set(['client', 'manager', 'datasource', 'queryRunner']);

/**
 * `for (const { client } of regions) await countUsers(client)`, `dbs.map(({ client: db }) => countFactory({ db })())`,
 * `for (const trx of trxs) await prepare(trx, gid)`: a function of the project handed the item's own database (or made for it)
 * runs one statement per database, which no statement over ids joins.
 */
export function runsOnItemDatabase(context: RuleContext, call: TSESTree.CallExpression, iteration: Iteration): boolean {
  const scope = iterationScope(iteration);
  return madeBy(context, call).some((made) =>
    made.arguments.some((argument) => {
      const value = unwrapExpression(argument);
      if (value.type !== AST_NODE_TYPES.ObjectExpression) return isItemDatabase(context, value, undefined, scope);
      return value.properties.some(
        (property) => property.type === AST_NODE_TYPES.Property && isItemDatabase(context, unwrapExpression(property.value), keyName(property), scope),
      );
    }),
  );
}

/** The call, and the call that made what it calls: `countFactory({ db })()`, or `const count = countFactory({ db }); count()`. */
function madeBy(context: RuleContext, call: TSESTree.CallExpression): TSESTree.CallExpression[] {
  let callee = unwrapExpression(call.callee);
  while (callee.type === AST_NODE_TYPES.MemberExpression) callee = unwrapExpression(callee.object);
  if (callee.type === AST_NODE_TYPES.CallExpression) return [call, callee];
  const declarator = callee.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, callee)?.defs[0]?.node : undefined;
  const init = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init ? unwrapExpression(declarator.init) : undefined;
  const made = init?.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : init;
  return made?.type === AST_NODE_TYPES.CallExpression ? [call, made] : [call];
}

/** A value of the iteration (the item, a field of it, or a variable destructured from it) that is a database handle. */
function isItemDatabase(context: RuleContext, value: TSESTree.Node, key: string | undefined, scope: TSESTree.Node): boolean {
  const root = value.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(value.object) : value;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const declared = resolveVariable(context, root)?.defs[0]?.name;
  // The item itself or what it holds: a handle the iteration opens on the one database (`createQueryRunner()`) is no item's own.
  const head = scope.type === AST_NODE_TYPES.ForOfStatement ? [scope.left] : isFunction(scope) ? scope.params : [];
  if (!declared || !head.some((binding) => contains(binding, declared))) return false;
  const handle = ormValueOf(context, value);
  if (handle) return HANDLE_KINDS.has(handle.kind);
  const field =
    value.type === AST_NODE_TYPES.MemberExpression
      ? propertyName(value)
      : declared.parent?.type === AST_NODE_TYPES.Property && declared.parent.parent?.type === AST_NODE_TYPES.ObjectPattern
        ? keyName(declared.parent)
        : undefined;
  if (field !== undefined && (HANDLE_NAME.test(field) || HANDLE_FIELD.test(field))) return true;
  return (key !== undefined && HANDLE_NAME.test(key)) || (value === root && HANDLE_NAME.test(root.name));
}
