import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { isHandle, type ParameterQuery, type QuerySite } from './orm-index';
import { ormValueOf, type OrmValue } from './orm';
import { locksRows } from './row-locks';
import { claimsRowInOwnTransaction } from './row-claims';
import { executesBuilder, KYSELY_EXECUTORS, runsQueryOfKind } from './query-kinds';
import { callChainTop } from './names';
import { propertyName, resolveVariable, unwrapExpression } from './resolve';
import { isFunction, type FunctionNode } from './scopes';
import { visitWithinFunction } from './visit';
import { memberOf, returnsAfterCacheCheck, siteOf, transactionCallback } from '../project-model/summaries';

/** How many queries on its parameters a function is known by: the first write among them is what a caller repeats. */
const MAX_PARAMETER_QUERIES = 3;
/** Members between the parameter and the method (`tx.auditLog.create` has one). */
const MAX_PATH = 3;

/**
 * The queries a function runs on every call on a handle it is given but cannot tell the kind of
 * (`emitAudit(tx: Db, entry)` that runs `await tx.insert(auditLog).values(row)`, with `Db` an alias
 * of another file): awaited or returned, not behind a condition or in a `catch`. Whether each is a
 * query is decided where the function is called with a handle (see `parameterQuerySite`).
 */
export function parameterQueriesOf(context: RuleContext, fn: FunctionNode): ParameterQuery[] {
  const cache = context.shared.memo('parameterQueriesOf', () => new Map<FunctionNode, ParameterQuery[]>());
  const known = cache.get(fn);
  if (known) return known;
  const found: ParameterQuery[] = [];
  const body = fn.body as FunctionNode['body'] | null | undefined;
  // `const hit = cache.get(id); if (hit) return hit;` first: the queries after it run only on a miss (see `summarizeFunction`).
  const cacheChecked =
    body?.type === AST_NODE_TYPES.BlockStatement
      ? body.body.find((statement) => statement.type === AST_NODE_TYPES.IfStatement && returnsAfterCacheCheck(context, statement))
      : undefined;
  if (body && fn.params.length > 0) {
    visitWithinFunction(body, (node) => {
      if (found.length >= MAX_PARAMETER_QUERIES || node.type !== AST_NODE_TYPES.CallExpression || (cacheChecked && cacheChecked.range[1] <= node.range[0]))
        return;
      const query = parameterQuery(context, fn, node);
      if (query) found.push(query);
    });
  }
  cache.set(fn, found);
  return found;
}

function parameterQuery(context: RuleContext, fn: FunctionNode, call: TSESTree.CallExpression): ParameterQuery | undefined {
  const path: string[] = [];
  let object: TSESTree.Node = unwrapExpression(call.callee);
  while (object.type === AST_NODE_TYPES.MemberExpression && path.length < MAX_PATH) {
    const name = propertyName(object);
    if (name === undefined) return undefined;
    path.unshift(name);
    object = unwrapExpression(object.object);
  }
  if (path.length === 0 || object.type !== AST_NODE_TYPES.Identifier) return undefined;
  // The syntax first: resolving names needs the file's scopes, which reading its declarations otherwise rarely does.
  const name = object.name;
  const parameter = fn.params.findIndex((param) => {
    const bound = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return bound.type === AST_NODE_TYPES.Identifier && bound.name === name;
  });
  if (parameter < 0 || !mayQuery(path) || !runsEveryCall(callChainTop(call), fn)) return undefined;
  const variable = resolveVariable(context, object);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Parameter' || definition.node !== fn || variable!.references.some((reference) => reference.isWrite())) return undefined;
  // A handle the file already knows is the function's own query (see `summarizeFunction`).
  if (ormValueOf(context, object) !== undefined) return undefined;
  const executes = executesBuilder(context, call, KYSELY_EXECUTORS);
  return {
    ...siteOf(context, call, call.callee.range),
    parameter,
    path,
    ...(executes && { executes: true as const }),
    ...(locksRows(context, call) && { locks: true as const }),
    ...(claimsRowInOwnTransaction(context, call, transactionCallback) && { claims: true as const }),
  };
}

/** The handles a function is handed: the kinds of client, transaction and manager whose methods run queries. */
const HANDED_HANDLES: readonly OrmValue[] = (
  ['prisma', 'drizzle', 'knex', 'kysely', 'pg', 'slonik', 'postgres', 'pg-promise', 'mysql2', 'redis', 'payload', 'neon', 'libsql', 'clickhouse'] as const
)
  .map((orm): OrmValue => ({ kind: 'client', orm }))
  .concat([
    { kind: 'manager', orm: 'typeorm' },
    { kind: 'manager', orm: 'mikro-orm' },
  ]);

/** pg-promise's `map` and `each` share their names with arrays' and collections': on a parameter (`names.map(...)`) they are nearly always those. */
const COLLECTION_NAMED: ReadonlySet<string> = new Set(['map', 'each']);

/** Whether the members name a query on some handle (`insert`, `auditLog.create`): `file.arrayBuffer()` or `storage.upload()` on a parameter are not kept. */
function mayQuery(path: readonly string[]): boolean {
  return HANDED_HANDLES.some((handle) => {
    if (handle.orm === 'pg-promise' && COLLECTION_NAMED.has(path.at(-1)!)) return false;
    let value: OrmValue | undefined = handle;
    for (const member of path.slice(0, -1)) value = value && memberOf(value, member);
    return !!value && !!runsQueryOfKind(value, path.at(-1)!);
  });
}

/** Awaited or returned, and not only on one branch: a condition, a `catch`, the right side of `&&`. */
function runsEveryCall(top: TSESTree.Node, fn: FunctionNode): boolean {
  const parent = top.parent;
  const runs = parent?.type === AST_NODE_TYPES.AwaitExpression || parent?.type === AST_NODE_TYPES.ReturnStatement || (parent === fn && fn.body === top);
  if (!runs) return false;
  let child: TSESTree.Node = top;
  for (let current = top.parent; current && current !== fn; child = current, current = current.parent) {
    if (isFunction(current) || current.type === AST_NODE_TYPES.CatchClause || current.type === AST_NODE_TYPES.SwitchCase) return false;
    if ((current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) && child !== current.test) return false;
    if (current.type === AST_NODE_TYPES.LogicalExpression && child === current.right) return false;
  }
  return true;
}

/**
 * What a call of a function known by its queries on a parameter runs here: the argument in that
 * place is a handle (`tx` of a transaction, the project's client) on which the method runs a query.
 * The first write, else the first read.
 */
export function parameterQuerySite(context: RuleContext, call: TSESTree.CallExpression, queries: readonly ParameterQuery[]): QuerySite | undefined {
  let read: QuerySite | undefined;
  for (const { parameter, path, executes, ...site } of queries) {
    const argument = call.arguments[parameter];
    let value = argument && argument.type !== AST_NODE_TYPES.SpreadElement ? ormValueOf(context, argument) : undefined;
    if (!value || !isHandle(value)) continue;
    for (const member of path.slice(0, -1)) value = value && memberOf(value, member);
    const method = path.at(-1)!;
    const kind = value && runsQueryOfKind(value, method);
    if (!value || !kind || (value.orm === 'kysely' && !executes)) continue;
    const found: QuerySite = { ...site, library: value.orm, kind, operation: method, ...(value.model !== undefined && { model: value.model }) };
    // A read that claims the row (see `QuerySite.claims`) makes the callback the item's unit of work, its write included.
    if (kind === 'write') return read?.claims && !found.claims ? { ...found, claims: true } : found;
    read ??= found;
  }
  return read;
}
