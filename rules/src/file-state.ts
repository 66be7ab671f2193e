import { analyze as analyzeScopes, type ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { SharedFacts } from './types';

/** What every reader of one parsed file shares: its scopes (built on first use) and a memo. */
export interface FileState {
  readonly scopeManager: ScopeManager;
  readonly shared: SharedFacts;
}

export function createFileState(ast: TSESTree.Program): FileState {
  const memo = new Map<string, unknown>();
  let scopeManager: ScopeManager | undefined;
  return {
    get scopeManager() {
      scopeManager ??= analyzeScopes(ast, { sourceType: ast.sourceType, jsxPragma: null, lib: ['esnext'] });
      return scopeManager;
    },
    shared: {
      memo<T>(key: string, compute: () => T): T {
        if (!memo.has(key)) memo.set(key, compute());
        return memo.get(key) as T;
      },
    },
  };
}
