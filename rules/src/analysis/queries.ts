import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleContext } from '../types';

/** What a database query call is: its library and the batched form to suggest. */
export interface QueryMatch {
  call: TSESTree.CallExpression | TSESTree.MemberExpression;
  library: string;
}

/**
 * The ORM or database query that an expression performs (`prisma.user.findUnique(...)`,
 * `repo.findOne(...)`, a lazy relation `await post.author`), or undefined. Shared so that
 * await-in-loop can leave such awaits to n-plus-one.
 */
export function databaseQueryOf(_context: RuleContext, _expression: TSESTree.Node): QueryMatch | undefined {
  return undefined;
}
