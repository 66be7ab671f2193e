import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { isSourceFile } from '../../rules/src/data';
import { UsageError } from './args';

/** Folders never worth reading: dependencies, version control, build output and tool caches. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules', 'bower_components', 'jspm_packages',
  '.git', '.hg', '.svn',
  'dist', 'out', 'build', 'coverage', '.nyc_output',
  '.next', '.nuxt', '.svelte-kit', '.output', '.vercel', '.netlify', '.turbo', '.parcel-cache', '.cache', '.vscode-test', '.yarn',
]);

export interface FileSelection {
  /** Absolute paths of the files to lint, sorted, each once. */
  files: string[];
  /** Folders and links that could not be read, by absolute path. */
  unreadable: Array<{ path: string; reason: string }>;
  /** Remarks for the user: ignored paths that were named explicitly, named files that are not sources. */
  notes: string[];
}

/** A .gitignore's rules and the folder they are relative to. */
interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

/** Forward-slash path of `target` relative to `base`, or undefined when `target` is not inside `base`. */
function inside(base: string, target: string): string | undefined {
  const relative = path.relative(base, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

function readIgnoreLayer(dir: string): IgnoreLayer | undefined {
  try {
    return { base: dir, rules: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

/** Whether the .gitignore layers ignore a path; a deeper file's `!pattern` re-includes what a shallower one ignored. */
function gitIgnored(layers: readonly IgnoreLayer[], target: string, isFolder: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const relative = inside(layer.base, target);
    if (!relative) continue;
    const result = layer.rules.test(isFolder ? `${relative}/` : relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function repositoryRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Sorted paths with a link and the file it points to counted once (the file's own name wins), so
 * that a file is never analyzed, or fixed, twice.
 */
function oneNamePerFile(files: readonly string[]): string[] {
  const byTarget = new Map<string, string>();
  for (const file of files) {
    let target = file;
    try {
      target = fs.realpathSync(file);
    } catch {
      // A link that cannot be resolved is reported when it is read.
    }
    if (!byTarget.has(target) || file === target) byTarget.set(target, file);
  }
  return [...byTarget.values()].sort();
}

/** Finds the files to lint under the given paths, as DESIGN.md's command-line section says. */
export class FileCollector {
  private readonly excluded: (relative: string) => boolean;
  private readonly selection: FileSelection = { files: [], unreadable: [], notes: [] };
  private readonly seen = new Set<string>();

  constructor(
    private readonly cwd: string,
    private readonly projectRoot: string,
    exclude: readonly string[],
  ) {
    // A pattern without a slash matches a name at any depth, as in .gitignore.
    const anyDepth = exclude.filter((pattern) => !pattern.includes('/'));
    const fromRoot = exclude.filter((pattern) => pattern.includes('/'));
    const byName = anyDepth.length > 0 ? picomatch(anyDepth, { dot: true, basename: true }) : undefined;
    const byPath = fromRoot.length > 0 ? picomatch(fromRoot, { dot: true }) : undefined;
    this.excluded = (relative) => Boolean(byName?.(relative) || byPath?.(relative));
  }

  collect(paths: readonly string[]): FileSelection {
    for (const given of paths) this.addRoot(given);
    this.selection.files = oneNamePerFile(this.selection.files.sort());
    return this.selection;
  }

  /** Why a path is skipped by default, or undefined when it is not. */
  private ignoreReason(target: string, layers: readonly IgnoreLayer[], isFolder: boolean, from: string): string | undefined {
    const relative = inside(from, target);
    const folders = relative?.split('/') ?? [];
    const skippedFolder = folders.slice(0, isFolder ? undefined : -1).find((name) => SKIPPED_FOLDERS.has(name));
    return skippedFolder ? `inside ${skippedFolder}` : this.skipReason(target, layers, isFolder);
  }

  private addRoot(given: string): void {
    const target = path.resolve(this.cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      throw new UsageError(`no such file or folder: ${given}`);
    }
    // .gitignore files apply from the repository root down, or from the project root outside a repository.
    const top = repositoryRoot(stat.isDirectory() ? target : path.dirname(target)) ?? (inside(this.projectRoot, target) !== undefined ? this.projectRoot : undefined);
    const layers: IgnoreLayer[] = [];
    // A folder's own .gitignore is read by the walk; here only those above it.
    if (top && top !== target) {
      const relative = inside(top, path.dirname(target)) ?? '';
      let dir = top;
      for (const name of ['', ...(relative ? relative.split('/') : [])]) {
        dir = path.join(dir, name);
        const layer = readIgnoreLayer(dir);
        if (layer) layers.push(layer);
      }
    }
    const ignored = this.ignoreReason(target, layers, stat.isDirectory(), top ?? this.projectRoot);
    if (ignored) this.selection.notes.push(`${given} is ignored (${ignored}); linting it because it was named explicitly`);

    if (stat.isDirectory()) {
      this.walk(target, ignored ? [] : layers);
    } else if (isSourceFile(target)) {
      this.addFile(target);
    } else {
      this.selection.notes.push(`${given} is not a TypeScript or JavaScript source file; skipped`);
    }
  }

  private addFile(file: string): void {
    if (this.seen.has(file)) return;
    this.seen.add(file);
    this.selection.files.push(file);
  }

  private walk(dir: string, parentLayers: readonly IgnoreLayer[]): void {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.selection.unreadable.push({ path: dir, reason: `folder not readable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    const own = entries.some((entry) => entry.name === '.gitignore') ? readIgnoreLayer(dir) : undefined;
    const layers = own ? [...parentLayers, own] : parentLayers;
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Linked files are read; linked folders are not followed, so a link cycle cannot trap the walk.
        isFolder = false;
        try {
          isFile = fs.statSync(full).isFile();
        } catch (error) {
          if (!isSourceFile(entry.name) || this.skipReason(full, layers, false)) continue;
          const code = (error as NodeJS.ErrnoException).code;
          this.selection.unreadable.push({ path: full, reason: code === 'ENOENT' ? 'broken symbolic link' : `unreadable (${code ?? (error as Error).message})` });
          continue;
        }
      }
      if (isFolder) {
        if (SKIPPED_FOLDERS.has(entry.name) || this.skipReason(full, layers, true)) continue;
        this.walk(full, layers);
      } else if (isFile && isSourceFile(entry.name) && !this.skipReason(full, layers, false)) {
        this.addFile(full);
      }
    }
  }

  /** Why .gitignore or the configuration's "exclude" leaves a path out, or undefined when neither does. */
  private skipReason(target: string, layers: readonly IgnoreLayer[], isFolder: boolean): string | undefined {
    if (gitIgnored(layers, target, isFolder)) return 'matched by .gitignore';
    const fromProject = inside(this.projectRoot, target);
    if (fromProject && this.excluded(fromProject)) return 'matched by "exclude" in the configuration';
    return undefined;
  }
}
