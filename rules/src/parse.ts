import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';

/** File extensions the analysis reads. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function isSourceFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return SOURCE_EXTENSIONS.some((extension) => lower.endsWith(extension)) && !lower.endsWith('.d.ts');
}

/** JSX is allowed where the extension says so; plain `.ts` files use `<T>x` casts that JSX would misread. */
function allowsJsx(fileName: string): boolean {
  return /\.(tsx|jsx|js|mjs|cjs)$/i.test(fileName);
}

/** Parses once, with only what the rules read: ranges and comments, no tokens or line/column objects. */
export function parseSource(text: string, fileName: string): TSESTree.Program {
  return parse(text, {
    range: true,
    loc: false,
    comment: true,
    tokens: false,
    jsx: allowsJsx(fileName),
    filePath: fileName,
    suppressDeprecatedPropertyWarnings: true,
  });
}
