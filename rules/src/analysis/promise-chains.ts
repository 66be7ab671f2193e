import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { propertyName } from './resolve';
import { enclosingFunction, enclosingIteration, isFunction, type FunctionNode, type Iteration } from './scopes';

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
