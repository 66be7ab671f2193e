import type { FileRole } from '../roles';
import type { SyntaxSignals } from '../syntax-signals';

/** What a file imports and what its text shows of its role, by its signals. */
export interface RoleSource {
  file: string;
  signals: Pick<SyntaxSignals, 'imports' | 'roleSigns'>;
}

/** Roles of files that run once and exit: what they import runs only while they do. */
const RUNS_ONCE: ReadonlySet<FileRole> = new Set(['script', 'seed', 'migration']);

/**
 * The production files that only one-off programs import: every file that imports one is a
 * script, seed, migration or child process file (`childFiles`), or such a file itself, directly
 * or not (`utils/get-slugs.mjs`, imported by `scripts/generate.mjs` alone). What they block,
 * they block for that program alone. A file no one imports is left as it is (a framework may load
 * it by its path), and so is one that serves: it is an entry of a server.
 */
export function scriptOnlyFiles(
  sources: readonly RoleSource[],
  importersOf: () => ReadonlyMap<string, readonly string[]>,
  roleOf: (source: RoleSource) => FileRole,
  childFiles: ReadonlySet<string>,
): Set<string> {
  const found = new Set<string>();
  const oneOff = new Set(childFiles);
  const production: RoleSource[] = [];
  for (const source of sources) {
    const role = roleOf(source);
    if (RUNS_ONCE.has(role)) oneOff.add(source.file);
    else if (role === 'production' && !childFiles.has(source.file) && !source.signals.roleSigns.includes('serves')) production.push(source);
  }
  // Without a one-off program, nothing is imported by one alone: imports are resolved only when there is one.
  if (oneOff.size === 0) return found;
  const importers = importersOf();
  const candidates = production.flatMap(({ file }) => (importers.has(file) ? [file] : []));
  // Marked files mark the files only they import, until a pass marks nothing (a cycle among candidates stays unmarked).
  for (let marked = true; marked;) {
    marked = false;
    for (const file of candidates) {
      if (found.has(file) || !importers.get(file)!.every((importer) => oneOff.has(importer))) continue;
      found.add(file);
      oneOff.add(file);
      marked = true;
    }
  }
  return found;
}
