import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { MadeClient } from '../project-model/made-clients';
import type { RuleContext } from '../types';
import { isDatabaseModule, makerEntries, ormValueOf, returnedExpression } from './orm';
import { localFunction, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from './resolve';
import { isFunction } from './scopes';

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
    const variable = resolveVariable(context, expression);
    const definition = variable?.defs[0];
    const declarator = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator) : undefined;
    if (!declarator || declarator.id !== definition!.name) return undefined;
    // `let client; … client = await connection.connect(opts)`: a variable set once, in the function that connects.
    const writes = variable!.references.flatMap((reference) => (reference.isWrite() && reference.writeExpr ? [reference.writeExpr as TSESTree.Node] : []));
    const value = (definition!.parent as TSESTree.VariableDeclaration).kind === 'const' ? declarator.init : writes.length === 1 ? writes[0] : undefined;
    return value ? clientMakers(context, value, depth + 1) : undefined;
  }
  // `globalForDb.db ?? createDb()`, `cached ? cached : createDb()`: the side that makes one.
  if (expression.type === AST_NODE_TYPES.LogicalExpression)
    return clientMakers(context, expression.right, depth + 1) ?? clientMakers(context, expression.left, depth + 1);
  if (expression.type === AST_NODE_TYPES.ConditionalExpression)
    return clientMakers(context, expression.alternate, depth + 1) ?? clientMakers(context, expression.consequent, depth + 1);
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    // `new PrismaClient()` with the class of a workspace package that re-exports the ORM's: the index knows which client it is.
    const member = resolveModuleMember(context, expression.callee);
    return member && !isDatabaseModule(member.module) && member.path.length === 1
      ? { makers: [{ module: member.module, name: member.path[0]!, constructed: true }] }
      : undefined;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  // `client.db()` of a client another file's function connects: what the client hands out (see `clientMethodResult`).
  const receiver = expression.callee.type === AST_NODE_TYPES.MemberExpression && expression.arguments.length === 0 ? expression.callee : undefined;
  const step = receiver && propertyName(receiver);
  const stepped = step === undefined ? undefined : clientMakers(context, receiver!.object, depth + 1);
  if (stepped && !stepped.method) return { ...stepped, method: step };
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
