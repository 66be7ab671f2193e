import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { lookupExport, type ProjectModels } from '../analysis/orm-index';
import { isDatabaseModule, makerEntries, ormValueOf, returnedExpression, type Orm } from '../analysis/orm';
import { localFunction, resolveModuleMember, resolveVariable, unwrapExpression } from '../analysis/resolve';
import { isFunction } from '../analysis/scopes';
import type { ProjectFacts, TypeRef } from '../project';
import type { RuleContext } from '../types';

/**
 * A client an export holds, or returns when it is a function (`factory`), made by calling functions
 * other files export (`export const db = createDb(schema)` with `createDb` of a workspace package):
 * which client, if any, is known once those functions are. `orm`: what the makers this file writes make.
 */
export interface MadeClient {
  makers: TypeRef[];
  orm?: Orm;
  factory?: true;
}

const MAX_STEPS = 4;

/** The client an exported node is made by calls of other files' functions: an expression, a `const` it names, or a function that returns one. */
export function madeClient(context: RuleContext, node: TSESTree.Node): MadeClient | undefined {
  const fn = isFunction(node) ? node : node.type === AST_NODE_TYPES.Identifier ? localFunction(context, node) : undefined;
  if (fn) {
    const returned = returnedExpression(fn);
    const made = returned && clientMakers(context, returned, 0);
    return made && { ...made, factory: true };
  }
  return clientMakers(context, node, 0);
}

/** The makers of the client an expression evaluates to, when other files' functions make it. */
function clientMakers(context: RuleContext, node: TSESTree.Node, depth: number): MadeClient | undefined {
  let expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = unwrapExpression(expression.argument);
  if (depth > MAX_STEPS) return undefined;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const definition = resolveVariable(context, expression)?.defs[0];
    const declarator = definition?.type === 'Variable' && definition.parent?.kind === 'const' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    return declarator?.id === definition?.name && declarator?.init ? clientMakers(context, declarator.init, depth + 1) : undefined;
  }
  // `globalForDb.db ?? createDb()`, `cached ? cached : createDb()`: the side that makes one.
  if (expression.type === AST_NODE_TYPES.LogicalExpression)
    return clientMakers(context, expression.right, depth + 1) ?? clientMakers(context, expression.left, depth + 1);
  if (expression.type === AST_NODE_TYPES.ConditionalExpression)
    return clientMakers(context, expression.alternate, depth + 1) ?? clientMakers(context, expression.consequent, depth + 1);
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  // `selectDriver({ pg: () => createPgDb(), sqlite: () => createSqliteDb() })`, `singleton('db', () => createDb())`: what the functions it is given make.
  const handed = firstMade(
    context,
    expression.arguments.map((argument) =>
      argument.type === AST_NODE_TYPES.ObjectExpression ? makerEntries(argument) : isFunction(argument) ? [returnedExpression(argument)] : undefined,
    ),
    depth,
  );
  if (handed) return handed;
  const member = resolveModuleMember(context, expression.callee);
  // A package's function makes a client only as the analysis of the file already knows; another file's, as the index will.
  if (member && !isDatabaseModule(member.module) && !member.module.startsWith('node:') && member.path.length <= 1)
    return { makers: [{ module: member.module, name: member.path[0] ?? 'default' }] };
  const local = localFunction(context, expression.callee);
  const returned = local && returnedExpression(local);
  return returned ? clientMakers(context, returned, depth + 1) : undefined;
}

/**
 * The client made by the first of a call's arguments whose functions all make one, of one ORM: a map of makers
 * (`pickDriver({ pg: () => createPgDb(), sqlite: () => createSqliteDb() })`) or a function.
 */
function firstMade(
  context: RuleContext,
  candidates: ReadonlyArray<ReadonlyArray<TSESTree.Node | undefined> | undefined>,
  depth: number,
): MadeClient | undefined {
  for (const returned of candidates) {
    if (!returned?.length) continue;
    const made: MadeClient = { makers: [] };
    const all = returned.every((expression) => {
      const known = expression && ormValueOf(context, expression);
      if (known) {
        if (known.kind !== 'client' || (made.orm && made.orm !== known.orm)) return false;
        made.orm = known.orm;
        return true;
      }
      const makers = expression && clientMakers(context, expression, depth + 1);
      if (!makers || (makers.orm && made.orm && makers.orm !== made.orm)) return false;
      made.makers.push(...makers.makers);
      if (makers.orm) made.orm = makers.orm;
      return true;
    });
    if (all && made.makers.length > 0) return made;
  }
  return undefined;
}

/**
 * The exports of the project made by other files' functions, resolved once those are known (a factory's
 * result may itself come from another factory's, hence the rounds): all makers must make a client of one ORM.
 */
export function resolveMadeClients(files: readonly ProjectFacts[], merged: ProjectModels, rounds: number): void {
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    for (const facts of files) {
      for (const [name, made] of Object.entries(facts.made ?? {})) {
        if (merged.exports[facts.file]?.[name]) continue;
        const orm = madeOrm(merged, facts.path, made);
        if (!orm) continue;
        (merged.exports[facts.file] ??= {})[name] = { kind: made.factory ? 'factory' : 'client', orm };
        changed = true;
      }
    }
    if (!changed) return;
  }
}

function madeOrm(merged: ProjectModels, path: string, made: MadeClient): Orm | undefined {
  let orm = made.orm;
  for (const maker of made.makers) {
    const value = lookupExport(merged, path, maker.module, maker.name);
    if (value?.kind !== 'factory' || (orm && value.orm !== orm)) return undefined;
    orm = value.orm;
  }
  return orm;
}
