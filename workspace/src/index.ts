/**
 * The one place the command and the language server read the disk: which files to analyze,
 * the configuration of each file, the dependencies of its package, and bounded reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, type PerfLintConfig, type ProjectHost } from '../../rules/src/data';
import { ConfigLookup, type ConfigBase, type ConfigLookupOptions, type FileConfig } from './config';
import { DependencyLookup, type Dependencies } from './dependencies';
import { FileLister, type FileListing, type ListOptions } from './files';
import { CONFIG_LIMIT, readWorkspaceFileSync } from './read';
import { inside } from './paths';

export { CONFIG_FILE_NAME, readConfigFile, type ConfigBase, type ConfigLookupOptions, type FileConfig } from './config';
export type { Dependencies } from './dependencies';
export { ALWAYS_SKIPPED_FOLDERS, NoSuchPathError, type FileListing, type ListOptions, type PathReason } from './files';
export { inside } from './paths';
export { loadSuppressions, SUPPRESSIONS_FILE_NAME } from './suppressions';
export { CONFIG_LIMIT, MAX_CONFIG_BYTES, readWorkspaceFile, readWorkspaceFileSync, type ReadLimit, type ReadResult } from './read';

export interface WorkspaceOptions extends ConfigLookupOptions {
  /** Called once for a package.json, tsconfig or pnpm-workspace.yaml that exists but cannot be read; what it declares is then not used. */
  onUnreadableProjectFile?(file: string, reason: string): void;
}

/** A workspace as both front ends see it; it caches what it reads until told that something changed. */
export class Workspace {
  private readonly configs: ConfigLookup;
  private readonly dependencies: DependencyLookup;
  /** How the core's project model reads tsconfig, package.json and pnpm-workspace.yaml files: bounded, as every configuration read. */
  readonly projectHost: ProjectHost;

  constructor(options: WorkspaceOptions = {}) {
    this.configs = new ConfigLookup(options);
    const reported = new Set<string>();
    const unreadable = (file: string, reason: string): void => {
      if (reported.has(file)) return;
      reported.add(file);
      options.onUnreadableProjectFile?.(file, reason);
    };
    this.dependencies = new DependencyLookup(unreadable);
    this.projectHost = {
      readFile(file) {
        const read = readWorkspaceFileSync(file, CONFIG_LIMIT);
        if ('text' in read) return read.text;
        if (!read.missing) unreadable(file, read.reason);
        return undefined;
      },
    };
  }

  /** The files to analyze under the named paths, and what was left out and why. */
  listFiles(paths: readonly string[], options: ListOptions): Promise<FileListing> {
    return new FileLister(this.configs, options).list(paths);
  }

  /** Whether listing `root` would list `file` (for a file created after a listing). */
  async wouldList(root: string, file: string, base?: ConfigBase): Promise<boolean> {
    const listing = await new FileLister(this.configs, { cwd: root, ...(base && { base }) }).list([file]);
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

/**
 * The folder a project model starts from: the repository (the nearest folder holding `.git`) at or
 * above `cwd` when it holds every target, else the one that holds the targets, else `cwd`.
 */
export function projectRootOf(cwd: string, targets: readonly string[] = []): string {
  const holdsTargets = (folder: string): boolean => targets.every((target) => inside(folder, target) !== undefined);
  const own = repositoryRootOf(cwd);
  if (own !== undefined && holdsTargets(own)) return own;
  const theirs = targets.length > 0 ? repositoryRootOf(targets[0]!) : undefined;
  return theirs !== undefined && holdsTargets(theirs) ? theirs : path.resolve(cwd);
}

function repositoryRootOf(start: string): string | undefined {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}
