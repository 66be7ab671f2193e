import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import { promiseAllFix } from '../analysis/concurrency-fix';
import { mapperRunsQuery } from '../analysis/queries';
import { isGlobalReference, propertyName, resolveModuleMember, resolveVariable, unwrapExpression } from '../analysis/resolve';
import { enclosingIteration, isFunction } from '../analysis/scopes';
import { calleeName, literalArrayOf, visitWithinFunction } from '../analysis/sequential';
import type { Rule, RuleContext } from '../types';

export const unboundedPromiseAll: Rule = {
  meta: {
    id: 'unbounded-promise-all',
    defaultSeverity: 'warning',
    description: '`Promise.all` / `allSettled` / `any` / `race` over an array of unknown size that is not bounded by a limiter.',
    messages: {
      unbounded:
        '`Promise.{{method}}` waits on {{source}}, all started at once however many items there are: a large input opens that many requests, connections or file handles together, exhausting pools and hitting rate limits. Bound the concurrency (e.g. `p-map` with `{ concurrency: {{limit}} }` or `p-limit`).',
    },
    fixable: true,
  },
  prefilter: /\bPromise\s*\.\s*(?:all|allSettled|any|race)\b/,
  gate: (signals) => signals.combinatorOverArray,
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const callee = unwrapExpression(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return;
        if (callee.object.name !== 'Promise' || !isGlobalReference(context, callee.object)) return;
        const method = propertyName(callee);
        if (!method || !COMBINATORS.has(method) || node.arguments.length === 0) return;
        const source = unboundedSource(context, node.arguments[0]!, 0);
        if (!source) return;
        const fix = promiseAllFix(context, node);
        context.report({
          node: callee,
          messageId: 'unbounded',
          data: { method, source, limit: String(context.options.concurrencyLimit) },
          ...(fix && { fix }),
        });
      },
    };
  },
};

const COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'any', 'race']);
const MAX_DEPTH = 4;

/**
 * How the array of promises grows with the input ("`ids.map(...)`", "the promises pushed in
 * a loop"), or undefined when its size is fixed, bounded, or unknown to the analysis.
 */
function unboundedSource(context: RuleContext, node: TSESTree.Node, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = unwrapExpression(node);
  switch (inner.type) {
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of inner.elements) {
        if (element?.type !== AST_NODE_TYPES.SpreadElement) continue;
        const spread = unboundedSource(context, element.argument, depth + 1);
        if (spread) return spread;
      }
      return undefined;
    case AST_NODE_TYPES.CallExpression:
      return mappedSource(context, inner, depth);
    case AST_NODE_TYPES.Identifier:
      return variableSource(context, inner, depth);
    default:
      return undefined;
  }
}

/** `xs.map(fn)`, `Object.keys(o).map(fn)`, `Array.from(xs, fn)`, `Array.from({ length: n }, fn)`. */
function mappedSource(context: RuleContext, call: TSESTree.CallExpression, depth: number): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = propertyName(callee);
  let items: TSESTree.Node;
  let mapper: TSESTree.Node | undefined;
  if ((method === 'map' || method === 'flatMap') && call.arguments.length >= 1) {
    items = callee.object;
    mapper = call.arguments[0];
  } else if (method === 'from' && isGlobalName(context, callee.object, 'Array') && call.arguments.length >= 2) {
    items = call.arguments[0]!;
    mapper = call.arguments[1];
    if (unwrapExpression(items).type === AST_NODE_TYPES.ObjectExpression) {
      return boundedLength(items as TSESTree.ObjectExpression) ? undefined : `\`${sourceText(context, call)}\``;
    }
  } else {
    return undefined;
  }
  // A query per item is the n-plus-one rule's finding: one problem, one finding.
  if (!mapper || !startsWork(mapper) || limitedByLimiter(context, mapper) || mapperRunsQuery(context, mapper)) return undefined;
  if (hasFixedOrBoundedSize(context, items, depth)) return undefined;
  return `\`${sourceText(context, call)}\``;
}

/** A variable holding such an array, or an array that promises are pushed into in a loop. */
function variableSource(context: RuleContext, identifier: TSESTree.Identifier, depth: number): string | undefined {
  const variable = resolveVariable(context, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || definition?.type !== 'Variable') return undefined;
  const declarator = definition.node as TSESTree.VariableDeclarator;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const init = unwrapExpression(declarator.init);
  if (init.type === AST_NODE_TYPES.ArrayExpression && init.elements.length === 0) {
    const pushedInLoop = variable.references.some((reference) => {
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier || propertyName(member) !== 'push') return false;
      const call = member.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !call.arguments.some(startsWork)) return false;
      return growsWithInput(context, call);
    });
    return pushedInLoop ? `the promises pushed into \`${identifier.name}\` in a loop` : undefined;
  }
  return unboundedSource(context, init, depth + 1);
}

/** Whether `node` runs once per item of an input: in a loop or an array callback that is not over a fixed or bounded list. */
function growsWithInput(context: RuleContext, node: TSESTree.Node): boolean {
  const iteration = enclosingIteration(node);
  if (!iteration) return false;
  if (iteration.kind === 'callback') {
    const callee = iteration.call.callee;
    return callee.type !== AST_NODE_TYPES.MemberExpression || !hasFixedOrBoundedSize(context, callee.object, 0);
  }
  const loop = iteration.loop;
  if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return !hasFixedOrBoundedSize(context, loop.right, 0);
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.test?.type === AST_NODE_TYPES.BinaryExpression) return !isBoundName(loop.test.right);
  return true;
}

/** Items whose number is written in the code or capped: a literal array, an `as const` tuple, a slice, a batch. */
function hasFixedOrBoundedSize(context: RuleContext, items: TSESTree.Node, depth: number): boolean {
  if (literalArrayOf(context, items)) return true;
  const inner = unwrapExpression(items);
  if (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = propertyName(inner.callee);
    if ((method === 'slice' || method === 'splice') && inner.arguments.length === 2) return true;
    // `xs.filter(...)`, `Array.from(xs)` are at most as large as what they start from.
    if (method === 'filter' || method === 'slice' || method === 'concat' || method === 'flat') return depth < MAX_DEPTH && hasFixedOrBoundedSize(context, inner.callee.object, depth + 1);
  }
  const name = lastName(inner);
  if (name && BATCH_NAME.test(name)) return true;
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(context, inner);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type === 'Variable') {
      const declarator = definition.node as TSESTree.VariableDeclarator;
      if (declarator.init && declarator.id === definition.name && depth < MAX_DEPTH) return hasFixedOrBoundedSize(context, declarator.init, depth + 1);
      // `for (const batch of chunks)`: a loop binding over batches.
      const loop = declarator.parent?.parent;
      if (loop && (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement)) {
        const iterable = lastName(unwrapExpression(loop.right));
        if (iterable && BATCH_NAME.test(iterable)) return true;
      }
    }
  }
  return false;
}

const BATCH_NAME = /chunk|batch|slice/i;
const LIMITER_NAME = /limit|throttl|queue|pool|sem(?:aphore)?$|mutex|bottleneck|schedul|concurren/i;

/** `{ length: 4 }`, `{ length: Math.min(limit, n) }`, `{ length: concurrency }`: a capped number of workers. */
function boundedLength(object: TSESTree.ObjectExpression): boolean {
  const length = object.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'length',
  );
  return length !== undefined && isBoundName(length.value);
}

/** A literal count, `Math.min(...)`, or a name that says it is a limit (`concurrency`, `MAX_WORKERS`). */
function isBoundName(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'number';
  if (inner.type === AST_NODE_TYPES.CallExpression) return calleeName(inner) === 'min';
  const name = lastName(inner);
  return name !== undefined && (LIMITER_NAME.test(name) || /^(?:max|MAX)|workers?|parallel/i.test(name));
}

/** A mapper that starts work: its result is a call (not an existing promise picked from the item). */
function startsWork(mapper: TSESTree.Node): boolean {
  const inner = unwrapExpression(mapper);
  if (!isFunction(inner)) return inner.type !== AST_NODE_TYPES.SpreadElement;
  if (inner.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrapExpression(inner.body);
    return body.type === AST_NODE_TYPES.CallExpression || body.type === AST_NODE_TYPES.NewExpression || body.type === AST_NODE_TYPES.AwaitExpression ||
      body.type === AST_NODE_TYPES.ConditionalExpression || body.type === AST_NODE_TYPES.LogicalExpression || inner.async;
  }
  let calls = false;
  visitWithinFunction(inner.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.AwaitExpression) calls = true;
  });
  return calls;
}

/** `(x) => limit(() => f(x))` with p-limit, `queue.add(() => ...)` with p-queue, `limiter.schedule(...)` with bottleneck. */
function limitedByLimiter(context: RuleContext, mapper: TSESTree.Node): boolean {
  const inner = unwrapExpression(mapper);
  if (!isFunction(inner)) return isLimiterCall(context, inner);
  let limited = false;
  visitWithinFunction(inner.body, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && isLimiterCall(context, node)) limited = true;
  });
  return limited;
}

function isLimiterCall(context: RuleContext, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(node.callee);
  const names: string[] = [];
  let current: TSESTree.Node = callee;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    names.push(propertyName(current) ?? '');
    current = unwrapExpression(current.object);
  }
  if (current.type === AST_NODE_TYPES.Identifier) {
    names.push(current.name);
    const variable = resolveVariable(context, current);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
    if (init && init.type === AST_NODE_TYPES.CallExpression) {
      const created = resolveModuleMember(context, init.callee);
      if (created && /^(?:p-limit|p-queue|p-throttle|bottleneck|async-sema|limiter)$/.test(created.module)) return true;
    }
  }
  return names.some((name) => LIMITER_NAME.test(name));
}

function isGlobalName(context: RuleContext, node: TSESTree.Node, name: string): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === name && isGlobalReference(context, node);
}

function lastName(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return propertyName(node);
  if (node.type === AST_NODE_TYPES.CallExpression) return calleeName(node);
  return undefined;
}

const SOURCE_PREVIEW_LENGTH = 40;

/** `ids.map(...)`: the call with its arguments elided, short enough for a message. */
function sourceText(context: RuleContext, call: TSESTree.CallExpression): string {
  const head = context.text.slice(call.range[0], call.callee.range[1]).replace(/\s+/g, "");
  return `${head.length > SOURCE_PREVIEW_LENGTH ? `…${head.slice(-SOURCE_PREVIEW_LENGTH)}` : head}(…)`;
}
