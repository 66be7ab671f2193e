import type { Dirent, Stats } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isDeclarationFile, isSourceFile } from '../../rules/src/data';
import type { ConfigBase, ConfigLookup } from './config';
import { inside } from './paths';
import type { Disk } from './disk';
import { CONFIG_LIMIT, notRegularReason } from './read';

/** The only folders skipped without being named anywhere: dependencies and version control. */
export const ALWAYS_SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface PathReason {
  /** Absolute path. */
  path: string;
  reason: string;
}

export interface FileListing {
  /** Absolute paths of the files to analyze, sorted, each file once. */
  files: string[];
  /** Declaration files (`.d.ts`) under the named folders, sorted: the project index reads their types; they are never analyzed. */
  declarations: string[];
  /** Source files and folders that were not analyzed although nothing asked for it (links to folders, FIFOs, unreadable folders). */
  skipped: PathReason[];
  /** What .gitignore, `exclude`, node_modules and .git left out, at the top of each left-out folder. */
  ignored: PathReason[];
  /** Remarks on the paths named: ignored ones linted anyway, ones that are not source files. */
  notes: string[];
}

/** A folder's .gitignore rules. */
interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

export interface ListOptions {
  /** Where named paths are relative to. */
  cwd: string;
  /** Settings where no configuration file applies. */
  base?: ConfigBase;
  isCancelled?(): boolean;
  /** Told the names in each folder the walk reads, so that a caller need not read the folder again. */
  onFolder?(folder: string, names: readonly string[]): void;
}

async function readIgnoreLayer(disk: Disk, folder: string): Promise<IgnoreLayer | undefined> {
  const read = await disk.readFile(path.join(folder, '.gitignore'), CONFIG_LIMIT);
  return 'text' in read ? { base: folder, rules: ignore().add(read.text) } : undefined;
}

/** The .gitignore layers that apply in one folder, with the folder's path under each layer's folder: worked out once for all its entries. */
interface FolderRules {
  layers: readonly IgnoreLayer[];
  /** The folder relative to each layer's folder ('' for the layer's own folder), undefined where it is not inside it. */
  under: ReadonlyArray<string | undefined>;
}

function folderRules(layers: readonly IgnoreLayer[], folder: string): FolderRules {
  return { layers, under: layers.map((layer) => inside(layer.base, folder)) };
}

/** Whether the .gitignore layers ignore an entry of the folder; a deeper file's `!pattern` re-includes what a shallower one ignored. */
function gitIgnored(rules: FolderRules, name: string, isFolder: boolean): boolean {
  let ignored = false;
  rules.layers.forEach((layer, index) => {
    const under = rules.under[index];
    if (under === undefined) return;
    const relative = under === '' ? name : `${under}/${name}`;
    const result = layer.rules.test(isFolder ? `${relative}/` : relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  });
  return ignored;
}

async function repositoryRoot(disk: Disk, start: string): Promise<string | undefined> {
  for (let folder = start; ; folder = path.dirname(folder)) {
    if (await disk.exists(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** The .gitignore layers that apply inside `folder`, from the top (repository root, else `folder`) down, `folder`'s own excluded. */
async function layersAbove(disk: Disk, top: string, folder: string): Promise<IgnoreLayer[]> {
  const layers: IgnoreLayer[] = [];
  const relative = inside(top, folder);
  if (!relative) return layers;
  let current = top;
  for (const name of relative.split('/').slice(0, -1)) {
    const layer = await readIgnoreLayer(disk, current);
    if (layer) layers.push(layer);
    current = path.join(current, name);
  }
  if (relative !== '') {
    const layer = await readIgnoreLayer(disk, current);
    if (layer) layers.push(layer);
  }
  return layers;
}

/**
 * Lists the files to analyze under the named paths: every TypeScript and JavaScript source file
 * except those in node_modules or .git, those .gitignore files ignore (at any depth, with their
 * negations) and those a configuration's `exclude` names. Links to files are read once per file;
 * links to folders are not followed (no cycle can trap the walk) and are listed as skipped.
 */
export class FileLister {
  private readonly listing: FileListing = { files: [], declarations: [], skipped: [], ignored: [], notes: [] };
  /** Whether a listed file was reached through a link: only then can two names stand for one file. */
  private listedLink = false;

  constructor(
    private readonly configs: ConfigLookup,
    private readonly options: ListOptions,
    private readonly disk: Disk,
  ) {}

  async list(paths: readonly string[]): Promise<FileListing> {
    for (const given of paths) await this.addNamed(given);
    // One walked folder, whose links to folders are not followed, holds each file under one name: no file needs resolving.
    const oneName = paths.length > 1 || this.listedLink;
    this.listing.files = oneName ? await oneNamePerFile(this.disk, this.listing.files) : this.listing.files.sort();
    this.listing.declarations = oneName ? await oneNamePerFile(this.disk, this.listing.declarations) : this.listing.declarations.sort();
    for (const list of [this.listing.skipped, this.listing.ignored]) list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return this.listing;
  }

  private cancelled(): boolean {
    return this.options.isCancelled?.() ?? false;
  }

  /** Why a path is left out by default, or undefined when it is not. */
  private async ignoreReason(target: string, rules: FolderRules, isFolder: boolean): Promise<string | undefined> {
    const name = path.basename(target);
    if (isFolder && ALWAYS_SKIPPED_FOLDERS.has(name)) return `inside ${name}`;
    if (gitIgnored(rules, name, isFolder)) return 'matched by .gitignore';
    const excludedBy = await this.configs.excludedBy(target, this.options.base);
    return excludedBy ? `matched by "exclude" in ${excludedBy}` : undefined;
  }

  private async addNamed(given: string): Promise<void> {
    const target = path.resolve(this.options.cwd, given);
    let stat: Stats;
    try {
      stat = await this.disk.stat(target);
    } catch (error) {
      throw new NoSuchPathError(given, error);
    }
    const isFolder = stat.isDirectory();
    const folder = isFolder ? target : path.dirname(target);
    // .gitignore files apply from the repository root down; outside a repository, from the current folder or the named one.
    const top = (await repositoryRoot(this.disk, folder)) ?? (inside(this.options.cwd, target) !== undefined ? this.options.cwd : folder);
    const layers = await layersAbove(this.disk, top, target);
    const inIgnoredFolder = inside(top, target)
      ?.split('/')
      .slice(0, isFolder ? undefined : -1)
      .find((name) => ALWAYS_SKIPPED_FOLDERS.has(name));
    const ignored = inIgnoredFolder
      ? `inside ${inIgnoredFolder}`
      : top === target
        ? undefined
        : await this.ignoreReason(target, folderRules(layers, path.dirname(target)), isFolder);
    if (ignored) this.listing.notes.push(`${given} is ignored (${ignored}); linting it because it was named explicitly`);
    if (isFolder) {
      await this.walk(target, ignored ? [] : layers);
    } else if (!isSourceFile(target)) {
      this.listing.notes.push(`${given} is not a TypeScript or JavaScript source file; skipped`);
    } else {
      if (stat.isFile()) this.listing.files.push(target);
      else this.listing.skipped.push({ path: target, reason: notRegularReason(stat) });
    }
  }

  private async walk(folder: string, parentLayers: readonly IgnoreLayer[]): Promise<void> {
    if (this.cancelled()) return;
    let entries: Dirent[];
    try {
      entries = await this.disk.readdir(folder);
    } catch (error) {
      this.listing.skipped.push({ path: folder, reason: `folder not readable: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    const names = entries.map((entry) => entry.name);
    this.configs.knowFolder(folder, names);
    this.options.onFolder?.(folder, names);
    const own = entries.some((entry) => entry.name === '.gitignore') ? await readIgnoreLayer(this.disk, folder) : undefined;
    const layers = own ? [...parentLayers, own] : parentLayers;
    const rules = folderRules(layers, folder);
    const subfolders: Array<Promise<void>> = [];
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        const ignored = await this.ignoreReason(full, rules, true);
        if (ignored) this.listing.ignored.push({ path: full, reason: ignored });
        // Folders are read side by side: on a busy disk, one at a time costs a round trip each.
        else subfolders.push(this.walk(full, layers));
        continue;
      }
      if (!isSourceFile(entry.name) && !isDeclarationFile(entry.name) && !entry.isSymbolicLink()) continue;
      await this.addEntry(entry, full, rules);
    }
    await Promise.all(subfolders);
  }

  /** A walked entry that is not a folder: a source or declaration file, a link, or something else named like one. */
  private async addEntry(entry: Dirent, full: string, rules: FolderRules): Promise<void> {
    let stat: Stats | undefined;
    let linkError: string | undefined;
    if (entry.isSymbolicLink()) {
      try {
        stat = await this.disk.stat(full);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        linkError = code === 'ENOENT' ? 'broken symbolic link' : `unreadable (${code ?? (error as Error).message})`;
      }
    }
    const isFolder = stat?.isDirectory() ?? false;
    if (!isFolder && isDeclarationFile(entry.name)) {
      // What the index cannot read it goes without, unreported: no finding can be missing from a declaration file.
      if (linkError || !(stat ?? entry).isFile() || (await this.ignoreReason(full, rules, false))) return;
      this.listing.declarations.push(full);
      if (stat) this.listedLink = true;
      return;
    }
    if (!isFolder && !isSourceFile(entry.name)) return;
    const ignored = await this.ignoreReason(full, rules, isFolder);
    if (ignored) {
      this.listing.ignored.push({ path: full, reason: ignored });
    } else if (linkError) {
      this.listing.skipped.push({ path: full, reason: linkError });
    } else if (isFolder) {
      this.listing.skipped.push({ path: full, reason: 'symbolic link to a folder, not followed' });
    } else if (stat ? !stat.isFile() : !entry.isFile()) {
      this.listing.skipped.push({ path: full, reason: notRegularReason(stat ?? entry) });
    } else {
      this.listing.files.push(full);
      if (stat) this.listedLink = true;
    }
  }
}

/** A named path that does not exist: a usage error for the command. */
export class NoSuchPathError extends Error {
  constructor(
    readonly given: string,
    readonly reason: unknown,
  ) {
    super(`no such file or folder: ${given}`);
  }
}

/**
 * Sorted paths with a link and the file it points to counted once (the file's own name wins), so
 * that a file is never analyzed, or fixed, twice.
 */
async function oneNamePerFile(disk: Disk, files: readonly string[]): Promise<string[]> {
  const targets = await Promise.all(files.map((file) => disk.realpath(file)));
  const byTarget = new Map<string, string>();
  files.forEach((file, index) => {
    const target = targets[index]!;
    if (!byTarget.has(target) || file === target) byTarget.set(target, file);
  });
  return [...byTarget.values()].sort();
}
