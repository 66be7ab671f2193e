// typescript-estree's converter of a TypeScript tree, published under a package subpath that `node10` resolution cannot see.
declare module '@typescript-eslint/typescript-estree/use-at-your-own-risk' {
  export { astConverter } from '@typescript-eslint/typescript-estree/dist/ast-converter';
  export type { ParseSettings } from '@typescript-eslint/typescript-estree/dist/parseSettings';
}
