import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeclarationFile, isSourceFile } from '../../rules/src';

/** File name extensions for documents whose name has none the analysis recognizes (untitled editors). */
const LANGUAGE_EXTENSIONS: Record<string, string> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
};

/** The file system path of a `file:` URI; undefined for other schemes. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOf(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/**
 * The name the analysis gets for a document (its extension decides TypeScript and JSX), or
 * undefined when the document is not TypeScript or JavaScript source.
 */
export function sourceFileName(uri: string, languageId: string): string | undefined {
  const name = pathOf(uri) ?? uriPath(uri);
  if (isDeclarationFile(name)) return undefined;
  if (isSourceFile(name)) return name;
  const extension = LANGUAGE_EXTENSIONS[languageId];
  return extension ? name + extension : undefined;
}

function uriPath(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}
