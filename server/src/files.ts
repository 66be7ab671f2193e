import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { isSourceFile } from '../../rules/src';

/** Folders never scanned: dependencies, version control data and common build output. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'coverage', '.next', '.nuxt', '.svelte-kit', '.turbo', '.cache', '.yarn']);

export interface SkippedFile {
  /** Absolute path. */
  file: string;
  reason: string;
}

export interface SourceFileList {
  /** Absolute paths, sorted. */
  files: string[];
  skipped: SkippedFile[];
}

export interface ListOptions {
  exclude: readonly string[];
  maxFileSize: number;
  isCancelled(): boolean;
}

/** The `.gitignore` rules of one folder, which apply to paths below it. */
interface IgnoreScope {
  folder: string;
  rules: Ignore;
}

/** A path relative to `root` with forward slashes, as globs and `.gitignore` rules expect. */
export function relativePosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

const matchers = new Map<string, (relative: string) => boolean>();

/** Whether a file matches one of the `exclude` globs, taken relative to `root`. */
export function isExcluded(root: string, file: string, exclude: readonly string[]): boolean {
  if (exclude.length === 0) return false;
  const key = JSON.stringify(exclude);
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = picomatch([...exclude], { dot: true });
    matchers.set(key, matcher);
  }
  return matcher(relativePosix(root, file));
}

/** Worded as the analysis words it for text it refuses. */
function tooLargeReason(maxFileSize: number): string {
  return `larger than the size limit of ${maxFileSize} bytes`;
}

/**
 * Every source file below `root` that is not ignored by `.gitignore` (at any depth), not in a
 * dependency or build folder, and not excluded; files over the size limit are listed as skipped.
 */
export async function listSourceFiles(root: string, options: ListOptions): Promise<SourceFileList> {
  const result: SourceFileList = { files: [], skipped: [] };
  await walkFolder(root, root, [], options, result);
  result.files.sort();
  return result;
}

async function walkFolder(root: string, folder: string, scopes: IgnoreScope[], options: ListOptions, result: SourceFileList): Promise<void> {
  if (options.isCancelled()) return;
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    return;
  }
  const gitignore = entries.some((entry) => entry.isFile() && entry.name === '.gitignore') ? await readIgnoreFile(path.join(folder, '.gitignore')) : undefined;
  const activeScopes = gitignore ? [...scopes, { folder, rules: gitignore }] : scopes;
  for (const entry of entries) {
    const entryPath = path.join(folder, entry.name);
    // Symbolic links are not followed: they can form cycles or lead out of the workspace.
    if (entry.isDirectory()) {
      if (SKIPPED_FOLDERS.has(entry.name) || isIgnored(activeScopes, entryPath, true)) continue;
      await walkFolder(root, entryPath, activeScopes, options, result);
    } else if (entry.isFile() && isSourceFile(entry.name)) {
      if (isIgnored(activeScopes, entryPath, false) || isExcluded(root, entryPath, options.exclude)) continue;
      await addFile(entryPath, options, result);
    }
  }
}

async function addFile(file: string, options: ListOptions, result: SourceFileList): Promise<void> {
  try {
    const { size } = await fs.stat(file);
    if (size > options.maxFileSize) result.skipped.push({ file, reason: tooLargeReason(options.maxFileSize) });
    else result.files.push(file);
  } catch (error) {
    result.skipped.push({ file, reason: `unreadable: ${(error as Error).message}` });
  }
}

async function readIgnoreFile(file: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await fs.readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isIgnored(scopes: readonly IgnoreScope[], file: string, isFolder: boolean): boolean {
  return scopes.some((scope) => scope.rules.ignores(relativePosix(scope.folder, file) + (isFolder ? '/' : '')));
}

/**
 * A source file's text as editors show it, without a byte order mark (they do not count it as a
 * column); undefined when it cannot be read.
 */
export async function readSource(file: string): Promise<string | undefined> {
  try {
    const text = await fs.readFile(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** Whether `listSourceFiles(root)` would list a file (size aside): for files created after a scan. */
export async function isListed(root: string, file: string, exclude: readonly string[]): Promise<boolean> {
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative) || !isSourceFile(file) || isExcluded(root, file, exclude)) return false;
  const segments = relative.split(path.sep);
  if (segments.slice(0, -1).some((segment) => SKIPPED_FOLDERS.has(segment))) return false;
  const scopes: IgnoreScope[] = [];
  let folder = root;
  for (const segment of segments) {
    const rules = await readIgnoreFile(path.join(folder, '.gitignore'));
    if (rules) scopes.push({ folder, rules });
    const child = path.join(folder, segment);
    if (isIgnored(scopes, child, child !== file)) return false;
    folder = child;
  }
  return true;
}
