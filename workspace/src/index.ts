/**
 * The one place the command and the language server read the disk: which files to analyze,
 * the configuration of each file, the dependencies of its package, and bounded reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, workspaceGlobs, workspaceMatcher, type PerfLintConfig, type ProjectHost } from '../../rules/src/data';
import { ConfigLookup, type ConfigBase, type ConfigLookupOptions, type FileConfig } from './config';
import { DependencyLookup, type Dependencies } from './dependencies';
import { Disk } from './disk';
import { FileLister, type FileListing, type ListOptions } from './files';
import { CONFIG_LIMIT } from './read';
import { inside } from './paths';

export { CODE_CACHE_SUFFIX, loadBundle, writeCodeCache, type LoadedBundle } from './code-cache';
export { CONFIG_FILE_NAME, readConfigFile, type ConfigBase, type ConfigLookupOptions, type FileConfig } from './config';
export type { Dependencies } from './dependencies';
export { Disk, DiskRecord, readsHold, SETTLE_MS, stampOf, type RecordedReads } from './disk';
export { ALWAYS_SKIPPED_FOLDERS, NoSuchPathError, type FileListing, type ListOptions, type PathReason } from './files';
export { inside } from './paths';
export { loadSuppressions, SUPPRESSIONS_FILE_NAME } from './suppressions';
export { CONFIG_LIMIT, MAX_CONFIG_BYTES, readWorkspaceFile, readWorkspaceFileSync, type ReadLimit, type ReadResult } from './read';

export interface WorkspaceOptions extends ConfigLookupOptions {
  /** Called once for a package.json, tsconfig or pnpm-workspace.yaml that exists but cannot be read; what it declares is then not used. */
  onUnreadableProjectFile?(file: string, reason: string): void;
  /** How the disk is read: the command's records every path a run reads. */
  disk?: Disk;
}

/** A workspace as both front ends see it; it caches what it reads until told that something changed. */
export class Workspace {
  private readonly configs: ConfigLookup;
  private readonly dependencies: DependencyLookup;
  /** How the core's project model reads tsconfig, package.json and pnpm-workspace.yaml files: bounded, as every configuration read. */
  readonly projectHost: ProjectHost;

  readonly disk: Disk;

  constructor(options: WorkspaceOptions = {}) {
    const disk = (this.disk = options.disk ?? new Disk());
    this.configs = new ConfigLookup(options, disk);
    const reported = new Set<string>();
    const unreadable = (file: string, reason: string): void => {
      if (reported.has(file)) return;
      reported.add(file);
      options.onUnreadableProjectFile?.(file, reason);
    };
    this.dependencies = new DependencyLookup(unreadable, disk);
    this.projectHost = {
      readFile(file) {
        const read = disk.readFileSync(file, CONFIG_LIMIT);
        if ('text' in read) return read.text;
        if (!read.missing) unreadable(file, read.reason);
        return undefined;
      },
    };
  }

  /** The files to analyze under the named paths, and what was left out and why. */
  listFiles(paths: readonly string[], options: ListOptions): Promise<FileListing> {
    return new FileLister(this.configs, options, this.disk).list(paths);
  }

  /** Whether listing `root` would list `file` (for a file created after a listing). */
  async wouldList(root: string, file: string, base?: ConfigBase): Promise<boolean> {
    const listing = await new FileLister(this.configs, { cwd: root, ...(base && { base }) }, this.disk).list([file]);
    return listing.files.length === 1 && listing.notes.length === 0;
  }

  /** The settings of one file; `base` applies where no configuration file does. */
  configFor(file: string, base: PerfLintConfig = DEFAULT_CONFIG): Promise<FileConfig> {
    return this.configs.resolve(file, base);
  }

  /** Why a configuration's `exclude` leaves out a file, or undefined. */
  excludedBy(file: string, base?: ConfigBase): Promise<string | undefined> {
    return this.configs.excludedBy(file, base);
  }

  dependenciesOf(file: string): Promise<Dependencies> {
    return this.dependencies.of(file);
  }

  /** A configuration file changed. */
  forgetConfiguration(): void {
    this.configs.clear();
  }

  /** A package.json changed. */
  forgetDependencies(): void {
    this.dependencies.clear();
  }

  /**
   * The folder a project model starts from: the repository (the nearest folder holding `.git`) at or
   * above `cwd` when it holds every target, else the one that holds the targets. In a tree without
   * `.git`: the outermost folder declaring workspaces from the targets up to `cwd` (or up to the top
   * when `cwd` is elsewhere), or above `cwd` one whose workspaces hold it, so that its packages resolve
   * and its files read alike wherever the command runs; else the nearest package (package.json) from the
   * targets up to `cwd` when `cwd` holds them, else the folder they share.
   */
  projectRoot(cwd: string, targets: readonly string[] = []): string {
    const holdsTargets = (folder: string): boolean => targets.every((target) => inside(folder, target) !== undefined);
    const own = this.repositoryRootOf(cwd);
    if (own !== undefined && holdsTargets(own)) return own;
    const theirs = targets.length > 0 ? this.repositoryRootOf(targets[0]!) : undefined;
    if (theirs !== undefined && holdsTargets(theirs)) return theirs;
    const here = path.resolve(cwd);
    const shared = targets.length > 0 ? this.sharedFolder(targets) : here;
    const stop = holdsTargets(here) ? here : undefined;
    return this.outermostWorkspaceRoot(shared, stop) ?? (stop && this.nearestPackageRoot(shared, stop)) ?? shared;
  }

  /** The nearest folder from `start` up to `stop` holding a package.json: a `cwd` above every package (a folder of projects) is no project. */
  private nearestPackageRoot(start: string, stop: string): string | undefined {
    for (let folder = start; ; folder = path.dirname(folder)) {
      if (this.disk.existsSync(path.join(folder, 'package.json'))) return folder;
      if (folder === stop || path.dirname(folder) === folder) return undefined;
    }
  }

  /** The deepest folder that holds every target (a folder target holds itself). */
  private sharedFolder(targets: readonly string[]): string {
    const folderOf = (target: string): string => (this.disk.statSync(target)?.isDirectory() ? path.resolve(target) : path.dirname(path.resolve(target)));
    let shared = folderOf(targets[0]!);
    for (const target of targets.slice(1)) while (inside(shared, target) === undefined) shared = path.dirname(shared);
    return shared;
  }

  /**
   * The outermost folder from `start` up with a pnpm-workspace.yaml or a package.json that lists `workspaces`; above `stop`, only one
   * whose workspaces hold `start` (a package of it, or a folder of its packages): one package scanned from its own folder is read as
   * a scan of the whole workspace reads it.
   */
  private outermostWorkspaceRoot(start: string, stop: string | undefined): string | undefined {
    let found: string | undefined;
    let aboveStop = false;
    for (let folder = start; ; folder = path.dirname(folder)) {
      const globs = workspaceGlobs(this.projectHost, folder);
      if (globs.length > 0 && (!aboveStop || holdsWorkspaceFolder(globs, inside(folder, start)!))) found = folder;
      if (folder === stop) aboveStop = true;
      if (path.dirname(folder) === folder) return found;
    }
  }

  private repositoryRootOf(start: string): string | undefined {
    for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
      if (this.disk.existsSync(path.join(folder, '.git'))) return folder;
      if (path.dirname(folder) === folder) return undefined;
    }
  }
}

/** Whether a folder, relative to a workspace root, is one of its packages, lies inside one, or holds some (`packages` of `packages/*`). */
function holdsWorkspaceFolder(globs: readonly string[], relativeFolder: string): boolean {
  const isPackage = workspaceMatcher(globs);
  const segments = relativeFolder.split('/');
  if (segments.some((_, index) => isPackage(segments.slice(0, index + 1).join('/')))) return true;
  return globs.some((glob) => !glob.startsWith('!') && glob.replace(/^\.\//, '').startsWith(`${relativeFolder}/`));
}

/** Whether something exists at a path (a fix's helper module), without following it anywhere. */
export function fileExists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
