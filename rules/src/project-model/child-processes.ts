import type { SyntaxSignals } from '../syntax-signals';
import { isRelativeSpecifier } from './resolution';
import { isDeclarationFile } from '../source-files';
import { dirname, fileKey, joinPath, normalizePath } from './paths';

/** What a file imports and starts, by its signals. */
export interface StartedFiles {
  file: string;
  signals: Pick<SyntaxSignals, 'imports' | 'childEntries'>;
}

/** The files that run in a child process or worker thread, and every file key looked for on the way: only a change to one of those can change the answer. */
export interface ChildProcessFiles {
  files: Set<string>;
  keys: Set<string>;
}

/**
 * The files that run in a child process or a worker thread of their own: each file another one
 * starts by its path (`fork(join(__dirname, 'send.js'))`, `new Worker(new URL('./resize.js',
 * import.meta.url))`), and the files it imports by relative path, directly or not, as a
 * command-line program's files are found. What they block, they block for that process alone;
 * the server that started them goes on serving.
 */
export function childProcessFiles(sources: Iterable<StartedFiles>): ChildProcessFiles {
  // A declaration file runs nothing: its imports make no file part of the program.
  const all = [...sources].filter((source) => !isDeclarationFile(source.file));
  const found: ChildProcessFiles = { files: new Set(), keys: new Set() };
  if (!all.some((source) => source.signals.childEntries.length > 0)) return found;
  const byKey = new Map<string, StartedFiles>();
  for (const source of all) byKey.set(fileKey(normalizePath(source.file)), source);
  const pending: StartedFiles[] = [];
  const add = (from: string, specifier: string): void => {
    const key = fileKey(joinPath(dirname(normalizePath(from)), specifier));
    found.keys.add(key);
    const target = byKey.get(key);
    if (!target || found.files.has(target.file)) return;
    found.files.add(target.file);
    pending.push(target);
  };
  for (const { file, signals } of all) for (const entry of signals.childEntries) add(file, entry);
  for (let next = pending.pop(); next; next = pending.pop()) {
    for (const specifier of next.signals.imports) if (isRelativeSpecifier(specifier)) add(next.file, specifier);
  }
  return found;
}
