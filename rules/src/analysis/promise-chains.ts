import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { propertyName, resolveVariable } from './resolve';
import { contains, enclosingFunction, enclosingIteration, isFunction, iterationScope, type FunctionNode, type Iteration } from './scopes';

/** Steps chained on a promise: each settles once per promise. */
const PROMISE_STEPS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** The step a call chains on a promise (`then` of `load(id).then(save)`), and the promise it chains on. */
export function promiseStep(node: TSESTree.Node): { step: string; promise: TSESTree.Expression } | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const step = propertyName(node.callee);
  return step !== undefined && PROMISE_STEPS.has(step) ? { step, promise: node.callee.object } : undefined;
}

/** The whole promise chain a step is part of: `load(id).then(save).catch(log)` for its `.then(save)`. */
function promiseChainTop(step: TSESTree.CallExpression): TSESTree.Node {
  let top: TSESTree.Node = step;
  while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.parent && promiseStep(top.parent.parent)?.promise === top) top = top.parent.parent;
  return top;
}

/** `pending.push(promise)`: a promise kept for later. */
function isPushed(promise: TSESTree.Node): boolean {
  const push = promise.parent;
  return (
    push?.type === AST_NODE_TYPES.CallExpression &&
    push.arguments.includes(promise as TSESTree.CallExpressionArgument) &&
    push.callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(push.callee) === 'push'
  );
}

/**
 * `for (const id of ids) pending.push(load(id).then((row) => save(row)))`, `ids.map((id) => load(id).then(...))`: what runs in
 * a `.then` callback runs once per item when its promise is made in an array callback, or made in a loop and pushed for later
 * (one awaited in the iteration is a wait per item, await-in-loop's). The iteration, and the promise chain it makes.
 */
export function chainedCallbackIteration(node: TSESTree.Node): { iteration: Iteration; promise: TSESTree.Node } | undefined {
  const callback = enclosingFunction(node);
  const then = callback?.parent;
  if (!then || thenCallbackOf(then) !== callback) return undefined;
  const iteration = enclosingIteration(then);
  if (!iteration) return undefined;
  const promise = promiseChainTop(then as TSESTree.CallExpression);
  return iteration.kind === 'callback' || isPushed(promise) ? { iteration, promise } : undefined;
}

/** The function a `promise.then(fn)` call is handed, run when the promise fulfils. */
export function thenCallbackOf(node: TSESTree.Node): FunctionNode | undefined {
  const callback = promiseStep(node)?.step === 'then' ? (node as TSESTree.CallExpression).arguments[0] : undefined;
  return callback && isFunction(callback) ? callback : undefined;
}

/** The functions handed to the `.then(fn)` steps of a promise chain (`load(id).then(save).catch(log)`). */
export function thenCallbacks(chain: TSESTree.Node): FunctionNode[] {
  const callbacks: FunctionNode[] = [];
  for (let call = chain, step = promiseStep(call); step; call = step.promise, step = promiseStep(call)) {
    const callback = thenCallbackOf(call);
    if (callback) callbacks.push(callback);
  }
  return callbacks;
}

/** fp-ts's `sequenceArray` and `sequenceSeqArray` (of `T`, `TE` and their kin): they run every task of a list, together or in turn. */
const TASK_SEQUENCES: ReadonlySet<string> = new Set(['sequenceArray', 'sequenceSeqArray']);

/**
 * `pipe(members, A.map((member) => async () => leave(member)), T.sequenceArray)`: a task (a function without parameters) made
 * per item and handed to a sequence that runs every task of the list; what the task runs, runs once per item.
 */
export function sequencedTaskIteration(node: TSESTree.Node): Iteration | undefined {
  const task = enclosingFunction(node);
  if (!task || task.params.length > 0) return undefined;
  // `TE.tryCatch(() => query, onError)`: the task made of the function.
  const wrapper = task.parent;
  const made =
    wrapper?.type === AST_NODE_TYPES.CallExpression &&
    wrapper.arguments[0] === task &&
    wrapper.callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(wrapper.callee) === 'tryCatch'
      ? wrapper
      : task;
  const returned = made.parent?.type === AST_NODE_TYPES.ReturnStatement;
  const holder = returned ? enclosingFunction(made.parent!) : made.parent;
  if (!holder || !isFunction(holder) || (!returned && holder.body !== made)) return undefined;
  const iteration = enclosingIteration(task);
  return iteration?.kind === 'callback' && iteration.callback === holder && runsEveryTask(iteration.call) ? iteration : undefined;
}

/** Whether the list an array callback's call makes goes straight to a task sequence: its argument, or the next step of a `pipe` or `flow`. */
function runsEveryTask(list: TSESTree.CallExpression): boolean {
  // `A.map(makeTask)(items)`: the curried form, applied to the list first.
  const made = list.parent?.type === AST_NODE_TYPES.CallExpression && list.parent.callee === list ? list.parent : list;
  const user = made.parent;
  if (user?.type !== AST_NODE_TYPES.CallExpression) return false;
  if (isTaskSequence(user.callee)) return user.arguments[0] === made;
  const at = user.arguments.indexOf(made as TSESTree.CallExpressionArgument);
  return at >= 0 && isTaskSequence(user.arguments[at + 1]);
}

function isTaskSequence(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.MemberExpression && TASK_SEQUENCES.has(propertyName(node) ?? '');
}

/**
 * `for (const workspace of workspaces) tasks.push(() => removeDocuments(workspace, files))` (also through `const task = () => …`
 * pushed on the next line), with the list run later one task each: `Promise.all(tasks.map((task) => task()))`, `for (const task of
 * tasks) await task()`. What a task runs, runs once per item of the loop that made it. A task that wraps its work in `new
 * Promise((resolve) => …)` runs it as the promise is made.
 */
export function pushedTaskIteration(context: RuleContext, node: TSESTree.Node): Iteration | undefined {
  let task = enclosingFunction(node);
  if (task && isPromiseExecutor(task)) task = enclosingFunction(task.parent!);
  if (!task || task.params.length > 0) return undefined;
  const push = taskPush(context, task);
  const list = push?.callee.type === AST_NODE_TYPES.MemberExpression ? push.callee.object : undefined;
  const iteration = push && enclosingIteration(push);
  if (!iteration || list?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(context, list);
  const scope = iterationScope(iteration);
  const declared = variable?.defs.length === 1 ? variable.defs[0]!.name : undefined;
  if (!variable || !declared || contains(scope, declared)) return undefined;
  const runs = variable.references.some((reference) => reference.identifier.range[0] > scope.range[1] && runsEachTask(reference.identifier as TSESTree.Node));
  return runs ? iteration : undefined;
}

/** The function handed to `new Promise(fn)`. */
function isPromiseExecutor(fn: FunctionNode): boolean {
  const made = fn.parent;
  return (
    made?.type === AST_NODE_TYPES.NewExpression && made.arguments[0] === fn && made.callee.type === AST_NODE_TYPES.Identifier && made.callee.name === 'Promise'
  );
}

/** The `list.push(task)` that keeps a task: handed to it directly, or through the one `const` that holds it. */
function taskPush(context: RuleContext, task: FunctionNode): TSESTree.CallExpression | undefined {
  let kept: TSESTree.Node = task;
  const declarator = task.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === task && declarator.id.type === AST_NODE_TYPES.Identifier) {
    const uses = resolveVariable(context, declarator.id)?.references.filter((reference) => !reference.init) ?? [];
    if (uses.length !== 1) return undefined;
    kept = uses[0]!.identifier as TSESTree.Node;
  }
  const push = kept.parent;
  return push && isPushed(kept) ? (push as TSESTree.CallExpression) : undefined;
}

/** Steps that hand on the same tasks as a new list: `tasks.flat()`, `tasks.slice()`. */
const SAME_TASKS: ReadonlySet<string> = new Set(['flat', 'slice']);

/** Whether a use of a list of tasks calls each of them: `tasks.map((task) => task())`, `tasks.flat().forEach((run) => run())`, `for (const task of tasks) await task()`. */
function runsEachTask(use: TSESTree.Node): boolean {
  let list = use;
  for (let member = list.parent; member?.type === AST_NODE_TYPES.MemberExpression && member.object === list; member = list.parent) {
    const name = propertyName(member) ?? '';
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return false;
    if (name === 'map' || name === 'forEach') {
      const callback = call.arguments[0];
      if (!callback || !isFunction(callback)) return false;
      const task = callback.params[0];
      return task?.type === AST_NODE_TYPES.Identifier && callback.body.type !== AST_NODE_TYPES.BlockStatement && callsName(callback.body, task.name);
    }
    if (!SAME_TASKS.has(name)) return false;
    list = call;
  }
  const loop = list.parent;
  if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.right !== list || loop.left.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  const task = loop.left.declarations[0]?.id;
  const body = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body : [loop.body];
  return (
    task?.type === AST_NODE_TYPES.Identifier &&
    body.some((statement) => statement.type === AST_NODE_TYPES.ExpressionStatement && callsName(statement.expression, task.name))
  );
}

/** `task()` or `await task()`: a call of the name with nothing handed to it. */
function callsName(expression: TSESTree.Node, name: string): boolean {
  const call = expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
  return (
    call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === name && call.arguments.length === 0
  );
}
