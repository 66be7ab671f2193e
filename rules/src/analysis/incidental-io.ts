/**
 * Blocking calls whose cost stays small beside the work around them: a fallback that runs only when
 * something failed, one fixed file saved after the function's asynchronous work, data compressed
 * from a constant. Read by the sync-io-in-async rule.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { RuleContext } from '../types';
import { handlesFailure } from './failure-paths';
import { isSameOnEveryCall } from './fixed-paths';
import { promiseStep, thenCallbackOf } from './promise-chains';
import { bufferedData, constValueOf } from './resolve';
import type { FunctionNode } from './scopes';
import { visitWithinFunction } from './visit';

/** A callback that runs when a promise rejects: `.catch(callback)`, the second argument of `.then`. */
function handlesRejection(fn: FunctionNode): boolean {
  const call = fn.parent;
  const step = call && promiseStep(call)?.step;
  const handed = (call as TSESTree.CallExpression | undefined)?.arguments;
  return (step === 'catch' && handed?.[0] === fn) || (step === 'then' && handed?.[1] === fn);
}

/**
 * `catch { return JSON.parse(readFileSync(cacheFile)); }`, `.catch(() => loadFromCache(store))`: a fallback that runs
 * only when the call before it failed (a remote answer, a first load), not on the path every request takes.
 */
export function onFailurePath(call: TSESTree.Node, owner: FunctionNode): boolean {
  return handlesFailure(call, owner.body ?? owner) || handlesRejection(owner);
}

/** Calls that replace a file's whole contents: `writeFileSync`, fs-extra's `writeJsonSync`, `outputFileSync`. */
const OVERWRITES = /^(?:writeFile|writeJson|writeJSON|outputFile|outputJson|outputJSON)Sync$/;

/**
 * `const models = await fetch(url).then(…); writeFileSync(CACHE_FILE, JSON.stringify(models));`: one file at a fixed
 * path, saved after the function has waited for the answer it holds (an `await` before it, or a `.then` callback). It
 * rewrites the same file once per refresh, and the wait for the answer is far longer than the write.
 */
export function savesAfterAsyncWork(context: RuleContext, call: TSESTree.CallExpression, name: string, owner: FunctionNode): boolean {
  const path = call.arguments[0];
  if (!OVERWRITES.test(name) || !path || path.type === AST_NODE_TYPES.SpreadElement || !isSameOnEveryCall(context, path)) return false;
  // A `.then` callback runs once the promise it continues has settled.
  if (owner.parent && thenCallbackOf(owner.parent) === owner) return true;
  let awaited = false;
  visitWithinFunction(owner.body ?? owner, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression && node.range[1] <= call.range[0]) awaited = true;
  });
  return awaited;
}

/** How far a value is followed through constants before it counts as varying. */
const MAX_DEPTH = 4;

/**
 * `gzipSync(Buffer.from(SITEMAP_INDEX))` with `const SITEMAP_INDEX = '<?xml …'`: data written in the source, a literal or a
 * constant that holds one, as is or through `Buffer.from`. Its size is fixed and small; compressing it takes microseconds.
 */
export function isConstantData(context: RuleContext, node: TSESTree.Node, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = constValueOf(context, node);
  if (!value) return false;
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'string';
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.length === 0;
  const data = bufferedData(context, value);
  return data !== undefined && isConstantData(context, data, depth + 1);
}
