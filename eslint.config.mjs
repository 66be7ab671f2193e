// The project's own lint: typescript-eslint's recommended rules, and the boundaries between the core and its front ends.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** What the analysis core must never load: editors, protocols, the disk, processes. */
const CORE_FORBIDDEN_MODULES = [
  'vscode',
  'vscode-languageserver',
  'vscode-languageserver-textdocument',
  'vscode-languageclient',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'child_process',
  'node:child_process',
].map((name) => ({ name, message: 'The core is pure: it reads through the callbacks its callers give it.' }));

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'eslint-plugin/dist/', 'test-fixtures/', '.e2e-tools/', '.e2e-run/', '.vscode-test/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Listeners and JSON readers take `any` where the node or value type is only known at run time.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // A variable that closures read before its one assignment cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // The plugin's test loads the built package as ESLint users do.
    files: ['**/*.cjs', 'eslint-plugin/test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['rules/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_FORBIDDEN_MODULES,
          patterns: [
            { group: ['vscode-languageserver/*', 'vscode-languageclient/*'], message: 'The core knows no protocol.' },
            { group: ['**/cli/**', '**/server/**', '**/client/**', '**/workspace/**'], message: 'The core depends on no front end.' },
          ],
        },
      ],
    },
  },
  {
    files: ['cli/src/**/*.ts', 'server/src/**/*.ts', 'client/src/**/*.ts', 'workspace/src/**/*.ts'],
    rules: {
      // The parser-free part (rules/src/data) keeps TypeScript out of start-up and of fully cached runs.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/rules/src/*', '!**/rules/src/data'],
              message: "Import the core through its index ('rules/src') or its parser-free part ('rules/src/data').",
            },
          ],
        },
      ],
    },
  },
);
