import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';
import { propertyName, unwrapExpression } from './resolve';

/** `NODE_ENV !== 'production'`, `NODE_ENV === 'development'`: a branch that never runs in production. */
const DEVELOPMENT_ONLY = /NODE_ENV['"]?\)?\s*!==?\s*['"]production['"]|NODE_ENV['"]?\)?\s*===?\s*['"](?:development|dev|test)['"]/;

/** A flag named for development or tests (`isDev`, `IS_TEST`, `__DEV__`, `process.env.E2E`): set where the code is developed or tested, not served. */
const DEVELOPMENT_FLAG = /^(?:__)?(?:is_?)?(?:dev|development|test|testing)(?:_?(?:mode|env|environment))?(?:__)?$|e2e/i;
/** A flag named for production (`isProduction`, `IS_PROD`): its negation is a development branch. */
const PRODUCTION_FLAG = /^(?:__)?(?:is_?)?(?:prod|production)(?:_?(?:mode|env|environment))?(?:__)?$/i;

/** The values that set a flag: `true`, `'true'`, `1`, `'1'`. */
const SETS_FLAG: ReadonlySet<string> = new Set(['true', '1']);

/** The name a flag is read by: `isDev`, `config.isDev`, `process.env.E2E`. */
function flagName(node: TSESTree.Node): string | undefined {
  const flag = unwrapExpression(node);
  if (flag.type === AST_NODE_TYPES.Identifier) return flag.name;
  return flag.type === AST_NODE_TYPES.MemberExpression ? propertyName(flag) : undefined;
}

/** Whether a branch's condition holds only in development or tests: `isDev`, `!isProduction`, `isDev && x`, a `NODE_ENV` comparison. */
function developmentOnly(context: RuleContext, test: TSESTree.Node): boolean {
  const condition = unwrapExpression(test);
  if (condition.type === AST_NODE_TYPES.LogicalExpression && condition.operator === '&&')
    return developmentOnly(context, condition.left) || developmentOnly(context, condition.right);
  if (condition.type === AST_NODE_TYPES.UnaryExpression && condition.operator === '!') return PRODUCTION_FLAG.test(flagName(condition.argument) ?? '');
  // `process.env.E2E === 'true'`, `isTest == 1`: the flag compared with a value that sets it.
  if (condition.type === AST_NODE_TYPES.BinaryExpression && (condition.operator === '===' || condition.operator === '==')) {
    const { left, right } = condition;
    const flag = right.type === AST_NODE_TYPES.Literal ? left : left.type === AST_NODE_TYPES.Literal ? right : undefined;
    const value = flag === left ? right : left;
    if (flag && value.type === AST_NODE_TYPES.Literal && SETS_FLAG.has(String(value.value))) return DEVELOPMENT_FLAG.test(flagName(flag) ?? '');
  }
  return DEVELOPMENT_FLAG.test(flagName(condition) ?? '') || DEVELOPMENT_ONLY.test(context.text.slice(condition.range[0], condition.range[1]));
}

/** Whether `node` runs only in a development branch, or in a function created in one (`if (isDev) app.get('/_e2e/reset', …)`). */
export function inDevelopmentBranch(context: RuleContext, node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement && current.consequent === child && developmentOnly(context, current.test)) return true;
  }
  return false;
}

/** The spans of the branches among `ifs` that run only in development or tests: what `inDevelopmentBranch` finds, for many nodes of one file. */
export function developmentSpans(context: RuleContext, ifs: readonly TSESTree.IfStatement[]): Array<readonly [number, number]> {
  return ifs.flatMap((statement) => (developmentOnly(context, statement.test) ? [statement.consequent.range] : []));
}

/** Whether `node` lies in one of `spans` (see `developmentSpans`). */
export function inSpans(node: TSESTree.Node, spans: ReadonlyArray<readonly [number, number]>): boolean {
  return spans.some(([start, end]) => node.range[0] >= start && node.range[1] <= end);
}
