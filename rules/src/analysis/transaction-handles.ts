/**
 * One transaction's handle: `tx` of `prisma.$transaction(async (tx) => ...)`, `trx` of `knex.transaction(async (trx) => ...)`,
 * `manager` of TypeORM's `dataSource.transaction(async (manager) => ...)`, or no handle at all when the transaction is kept
 * out of sight (a `@Transactional()` method, `prismaService.$tx(async () => ...)` with the client in a CLS store). Its queries
 * run one after another over one connection: running them concurrently gains nothing and can break their order, so the
 * concurrency rules leave them to n-plus-one's batching. Other work beside them (an HTTP call, a mail) is still theirs.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { Variable } from '@typescript-eslint/scope-manager';
import type { RuleContext } from '../types';
import { calleeName, lastName } from './names';
import { usesTransaction } from './await-patterns';
import { isOtherWork } from './other-work';
import { ormValueOf } from './orm';
import { databaseQueryOf } from './queries';
import { resolveVariable, unwrapExpression } from './resolve';
import { isFunction, type FunctionNode } from './scopes';
import { transactionCallback } from '../project-model/summaries';
import { visitWithinFunction } from './visit';

/** Where code runs inside one transaction. */
export interface TransactionScope {
  /** The callback a transaction runs, or the method decorated to run in one. */
  body: FunctionNode;
  /** The handle the callback is given; absent when the transaction is ambient (a decorator, a CLS store). */
  handle?: Variable;
}

/** `$transaction`, `transaction`, `withTransaction`, and the short `$tx` / `tx` wrappers projects write around them. */
const TRANSACTION_CALL = /transaction|^\$?tx$/i;

/**
 * The innermost transaction around a node: a function handed to `db.transaction(...)` and the like (its first
 * parameter is the handle), or a method decorated to run in one (`@Transaction()`, `@Transactional()`, `@InjectTransactionManager()`).
 */
export function transactionScopeOf(context: RuleContext, node: TSESTree.Node): TransactionScope | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    if (current.parent?.type === AST_NODE_TYPES.MethodDefinition && current.parent.decorators.some(isTransactionDecorator)) return { body: current };
    const call = current.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(current as TSESTree.CallExpressionArgument)) continue;
    const name = calleeName(call);
    if (!(name && TRANSACTION_CALL.test(name)) && transactionCallback(call) !== current) continue;
    const first = current.params[0];
    const handle = first?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, first) : undefined;
    return { body: current, ...(handle && { handle }) };
  }
  return undefined;
}

/**
 * `await db.withTransaction(async () => run(trigger))` once per item: a callback handed no handle finds its transaction where the
 * helper keeps it for the code it runs (a client parked in the request's context), which the items' transactions would share.
 */
export function runsTransactionHandedNoHandle(operand: TSESTree.Node): boolean {
  const call = unwrapExpression(operand);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(call);
  return name !== undefined && TRANSACTION_CALL.test(name) && call.arguments.some((argument) => isFunction(argument) && argument.params.length === 0);
}

/**
 * A call on a handle whose type is a transaction's, however it is named: `qb.executeQuery(sql)` after
 * `const qb = this.txContext.getCurrentTransaction()` declared `(): Transaction<DB>`, `trx.insertInto(...).execute()` with `trx: Knex.Transaction`.
 */
export function runsOnTransactionType(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  let current = unwrapExpression(node.callee);
  for (let step = 0; step < MAX_CHAIN_STEPS; step++) {
    if (current.type !== AST_NODE_TYPES.MemberExpression && current.type !== AST_NODE_TYPES.CallExpression) return false;
    const receiver = unwrapExpression(current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee);
    if (current.type === AST_NODE_TYPES.MemberExpression && ormValueOf(context, receiver)?.transaction) return true;
    current = receiver;
  }
  return false;
}

/** `await this.records.bulkInsert(table, rows)` where that method of the project runs its queries on a handle typed as a transaction's. */
export function callsTransactionTypedFunction(context: RuleContext, node: TSESTree.Node): boolean {
  const query = node.type === AST_NODE_TYPES.CallExpression ? databaseQueryOf(context, node) : undefined;
  return !!query?.wrapper && !!query.site?.transaction;
}

/** How far down a builder chain (`trx.insertInto(t).values(v).onConflict(c).execute()`) its handle is looked for. */
const MAX_CHAIN_STEPS = 16;

function isTransactionDecorator(decorator: TSESTree.Decorator): boolean {
  const expression = unwrapExpression(decorator.expression);
  const name = expression.type === AST_NODE_TYPES.CallExpression ? calleeName(expression) : lastName(expression);
  return name !== undefined && TRANSACTION_CALL.test(name);
}

/**
 * Whether a call runs on the scope's handle: a query on it (`tx.user.update(...)`, `trx('users').update(...)`,
 * `manager.getRepository(User).save(...)`), or a call it is handed to (`archiveLine(tx, line)`, `{ transaction: t }`),
 * also inside a value made from it (`documentMover(ctx, ...)` after `const ctx = createContext({ transaction })`).
 */
function runsOnTransactionHandle(context: RuleContext, call: TSESTree.Node, scope: TransactionScope): boolean {
  const carriers = handleCarriers(context, scope);
  return carriers.size > 0 && readsCarrier(context, call, carriers);
}

/** Whether a node reads the handle or a variable made from it. */
function readsCarrier(context: RuleContext, node: TSESTree.Node, carriers: ReadonlySet<Variable>): boolean {
  let reads = false;
  visitWithinFunction(node, (child) => {
    if (reads || child.type !== AST_NODE_TYPES.Identifier) return;
    const variable = resolveVariable(context, child);
    reads = variable !== undefined && carriers.has(variable);
  });
  return reads;
}

/** The handle and the variables of the transaction's body made from it (`const ctx = createContext({ transaction })`), in the order they are declared. */
function handleCarriers(context: RuleContext, scope: TransactionScope): ReadonlySet<Variable> {
  const cache = context.shared.memo('transactionHandles.carriers', () => new Map<FunctionNode, Set<Variable>>());
  const known = cache.get(scope.body);
  if (known) return known;
  const carriers = new Set<Variable>(scope.handle ? [scope.handle] : []);
  if (carriers.size > 0) {
    const bindings: Array<{ name: TSESTree.Identifier; init: TSESTree.Expression }> = [];
    visitWithinFunction(scope.body.body, (node) => {
      if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init && node.id.type === AST_NODE_TYPES.Identifier)
        bindings.push({ name: node.id, init: node.init });
    });
    bindings.sort((a, b) => a.init.range[0] - b.init.range[0]);
    for (const { name, init } of bindings) {
      const variable = readsCarrier(context, init, carriers) ? resolveVariable(context, name) : undefined;
      if (variable) carriers.add(variable);
    }
  }
  cache.set(scope.body, carriers);
  return carriers;
}

/**
 * Whether an awaited or returned call is work beside the transaction: a call that leaves the project and its database
 * (`fetch`, a payment or mail client) or a function of the project known to await such work, and not handed the transaction.
 * Calls of the project's own code that are not known to do so may run on the transaction (handed its handle, or through a
 * CLS store), so they are not.
 */
export function isWorkBesideTransaction(context: RuleContext, operand: TSESTree.Node, scope: TransactionScope | undefined): boolean {
  const call = unwrapExpression(operand);
  // A call on a transaction known by its name (`tx.user.create()`, `{ transaction }`) is on it too.
  return isOtherWork(context, call) && !usesTransaction(call) && !(scope && runsOnTransactionHandle(context, call, scope));
}

/** Whether `root` (a loop, or the callback of `Promise.all(items.map(...))`) awaits or returns work beside the transaction it runs in. */
export function doesWorkBesideTransaction(context: RuleContext, root: TSESTree.Node, scope: TransactionScope | undefined): boolean {
  // Without a scope the handle is not excluded, so that answer is kept apart.
  const cache = context.shared.memo(scope ? 'transactionHandles.besideWork' : 'transactionHandles.besideWorkAmbient', () => new Map<TSESTree.Node, boolean>());
  const known = cache.get(root);
  if (known !== undefined) return known;
  let beside = false;
  const check = (operand: TSESTree.Node): void => {
    if (!beside && isWorkBesideTransaction(context, operand, scope)) beside = true;
  };
  const body = isFunction(root) ? root.body : root;
  // `(user) => sendMail(user.email)`: what a callback returns is its work too.
  if (body.type !== AST_NODE_TYPES.BlockStatement && isFunction(root)) check(body);
  visitWithinFunction(body, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression) check(node.argument);
    else if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && isFunction(root)) check(node.argument);
  });
  cache.set(root, beside);
  return beside;
}
