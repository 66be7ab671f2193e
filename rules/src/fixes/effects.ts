import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { localFunction, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from '../analysis/resolve';
import { visitWithinFunction } from '../analysis/sequential';
import { memberMutation } from '../analysis/loop-facts';
import type { FunctionNode } from '../analysis/scopes';

/**
 * What a call does to the world, as far as running it early or after a failure is concerned:
 * a `read` may start before an earlier one finished, or run although an earlier one failed,
 * without changing what the program does; a `write` (send, save, charge, delete) may not.
 */
export type Effect = 'read' | 'write' | 'unknown';

/** Method and function names that only read: `getUser`, `findMany`, `fetchProfile`, `readFile`, `stat`. */
const READ_NAME =
  /^(?:get|find|fetch|read|load|list|lookup|search|count|stat|lstat|exists|has|is|resolve|describe|head|retrieve|select|scan|validate|parse|compute|calculate|hash|compare|inspect|peek|access|realpath|readdir|aggregate|query|request)(?:[A-Z_$\d]|$)/;

/** Methods that write to the one object they are called on, in order: a stream, an archive, a page, a socket. */
const ORDERED_WRITE =
  /^(?:write\w*|append\w*|addFile|addEntry|addPage|emit|end|pipe|print|click|fill|type|press|goto|evaluate|keyboard|tap|hover|select|check|uncheck|upload|dispatchEvent)$/;

/** HTTP verbs other than GET and HEAD change something on the server. */
const WRITE_METHOD = /^(?!get$|head$|options$)/i;

function calleeName(callee: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return propertyName(inner);
  return undefined;
}

/** The `method` of an options object literal (`fetch(url, { method: 'POST' })`), when written out. */
function requestMethod(call: TSESTree.CallExpression): string | undefined {
  for (const argument of call.arguments) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of argument.properties) {
      if (
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.key.type === AST_NODE_TYPES.Identifier &&
        property.key.name === 'method'
      ) {
        return property.value.type === AST_NODE_TYPES.Literal && typeof property.value.value === 'string' ? property.value.value : '?';
      }
    }
  }
  return undefined;
}

/** `query('SELECT …')` reads; any other statement, or one built at run time, may write. */
function queryEffect(call: TSESTree.CallExpression): Effect {
  const first = call.arguments[0];
  const sql =
    first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string'
      ? first.value
      : first?.type === AST_NODE_TYPES.TemplateLiteral
        ? first.quasis[0]!.value.raw
        : undefined;
  if (sql === undefined) return 'unknown';
  return /^\s*(?:select|with\s+\w+\s+as\s*\(\s*select)\b/i.test(sql) ? 'read' : 'write';
}

/** What one call does: by its name, its HTTP method, or (for a function of this file) the calls it awaits and returns. */
export function callEffect(context: RuleContext, call: TSESTree.CallExpression | TSESTree.NewExpression, depth = 0): Effect {
  if (call.type === AST_NODE_TYPES.NewExpression) return 'unknown';
  const name = calleeName(call.callee);
  if (name === 'fetch' || name === 'request' || name === 'got' || name === 'axios') {
    const method = requestMethod(call);
    return method === undefined || !WRITE_METHOD.test(method) ? 'read' : 'write';
  }
  if (name === 'query' || name === 'execute' || name === '$queryRaw' || name === 'raw') return queryEffect(call);
  const own = depth < 2 ? localFunction(context, call.callee) : undefined;
  if (name && READ_NAME.test(name)) {
    const method = requestMethod(call);
    if (method !== undefined && WRITE_METHOD.test(method)) return 'write';
    // A function of this file named as a read is one unless its body writes or calls something for its effect alone (`loadModule` that registers into a container).
    if (!own?.body) return 'read';
    const effect = functionEffect(context, own, depth + 1);
    return effect === 'write' ? 'write' : callsForEffect(context, own, depth + 1) ? 'unknown' : 'read';
  }
  return own
    ? functionEffect(context, own, depth + 1)
    : name &&
        /^(?:create|update|upsert|delete|remove|destroy|save|insert|send|post|put|patch|charge|pay|refund|notify|email|publish|enqueue|push|write|set|add|increment|decrement|drop|truncate|exec|run|invoke|trigger|emit|upload|sync|import|export|process|handle|apply)/.test(
          name,
        )
      ? 'write'
      : 'unknown';
}

/** The combined effect of the calls a function awaits or returns (the work it does per item). */
export function functionEffect(context: RuleContext, fn: FunctionNode | TSESTree.TSDeclareFunction, depth = 0): Effect {
  // A declaration without a body (`declare function`, an overload) says nothing of what it does.
  if (!fn.body) return 'unknown';
  const calls: Array<TSESTree.CallExpression | TSESTree.NewExpression> = [];
  const collect = (node: TSESTree.Node | null | undefined): void => {
    const inner = node && unwrapExpression(node);
    if (inner?.type === AST_NODE_TYPES.CallExpression || inner?.type === AST_NODE_TYPES.NewExpression) calls.push(inner);
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) collect(fn.body);
  const parameters = new Set(
    context.scopeManager.getDeclaredVariables(fn).filter((variable) => variable.defs.some((definition) => definition.type === 'Parameter')),
  );
  let changesParameter = false;
  visitWithinFunction(fn.body, (node) => {
    // `line.taxLines = …`: a change to what the caller passed, which the caller or its other calls may read.
    const mutation = memberMutation(node);
    let root = mutation && unwrapExpression(mutation.target);
    while (root?.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
    const variable = root?.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, root) : undefined;
    if (variable && parameters.has(variable)) changesParameter = true;
    if (node.type === AST_NODE_TYPES.AwaitExpression) collect(node.argument);
    if (node.type === AST_NODE_TYPES.ReturnStatement) collect(node.argument);
    if (node.type === AST_NODE_TYPES.ExpressionStatement) {
      const expression = unwrapExpression(node.expression);
      if (expression.type !== AST_NODE_TYPES.CallExpression || !fillsOwnVariable(context, expression, fn)) collect(expression);
    }
  });
  return changesParameter ? 'write' : combine(calls.map((call) => callEffect(context, call, depth)));
}

/** Logging, whose order is not what a concurrency fix keeps. */
const LOG_METHOD = /^(?:log|info|warn|error|debug|trace|verbose)$/;

/** Whether a function calls something as a statement of its own (not awaited, not returned) that is not a read or a log line. */
function callsForEffect(context: RuleContext, fn: FunctionNode | TSESTree.TSDeclareFunction, depth: number): boolean {
  let found = false;
  if (!fn.body || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  visitWithinFunction(fn.body, (node) => {
    if (node.type !== AST_NODE_TYPES.ExpressionStatement) return;
    const call = unwrapExpression(node.expression);
    if (call.type !== AST_NODE_TYPES.CallExpression || LOG_METHOD.test(calleeName(call.callee) ?? '') || fillsOwnVariable(context, call, fn)) return;
    if (callEffect(context, call, depth) !== 'read') found = true;
  });
  return found;
}

/** `ids.push(x)` on a variable the function declares itself: nothing outside it sees that. */
function fillsOwnVariable(context: RuleContext, call: TSESTree.CallExpression, fn: TSESTree.Node): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const root = unwrapExpression(callee.object);
  const definition = root.type === AST_NODE_TYPES.Identifier ? resolveVariable(context, root)?.defs[0] : undefined;
  return definition?.type === 'Variable' && fn.range[0] <= definition.name.range[0] && definition.name.range[1] <= fn.range[1];
}

/** The effect of awaiting an expression: its call's, or unknown for anything else. */
export function awaitedEffect(context: RuleContext, operand: TSESTree.Node): Effect {
  const inner = unwrapExpression(operand);
  return inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression ? callEffect(context, inner) : 'unknown';
}

/** Reads only if every part reads; a write anywhere makes the whole a write. */
export function combine(effects: readonly Effect[]): Effect {
  if (effects.length === 0) return 'unknown';
  if (effects.includes('write')) return 'write';
  return effects.every((effect) => effect === 'read') ? 'read' : 'unknown';
}

/**
 * A call on one object that takes writes in order (`stream.write(chunk)`, `page.click(…)`,
 * `socket.send(…)`), when that object is not the loop's own item: the calls must not overlap.
 */
export function drivesSharedWriter(context: RuleContext, operand: TSESTree.Node, ownsItem: (node: TSESTree.Node) => boolean): boolean {
  const inner = unwrapExpression(operand);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(inner.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !ORDERED_WRITE.test(propertyName(callee) ?? '')) return false;
  if (resolveModuleMember(context, callee.object)) return false;
  let root: TSESTree.Node = unwrapExpression(callee.object);
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.CallExpression)
    root = unwrapExpression(root.type === AST_NODE_TYPES.MemberExpression ? root.object : root.callee);
  return !ownsItem(root);
}
