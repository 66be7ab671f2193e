/** File extensions the analysis reads. */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** `.d.ts`, `.d.mts`, `.d.cts`: types only, read for the project index and never analyzed. */
export function isDeclarationFile(fileName: string): boolean {
  return /\.d\.[mc]?ts$/i.test(fileName);
}

export function isSourceFile(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return SOURCE_EXTENSIONS.some((extension) => lower.endsWith(extension)) && !isDeclarationFile(lower);
}
