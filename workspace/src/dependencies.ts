import * as path from 'node:path';
import { packageManifestOf } from '../../rules/src/data';
import { commandLineFiles, type CommandLineFiles } from './command-line';
import type { Disk } from './disk';
import { CONFIG_LIMIT } from './read';

/** A package.json's dependencies, as the command's cache key (sorted) and as the rules look them up. */
export interface Dependencies {
  sorted: readonly string[];
  set: ReadonlySet<string>;
  /** The folder of that package.json: the package's root, from which file roles read a path. */
  root?: string;
  /** The file is one of the package's command-line programs: a `bin` entry or a file it imports. */
  commandLine?: boolean;
}

/** What one package.json says: its dependencies, and the files of its `bin` programs, found on first use. */
interface PackageFacts {
  dependencies: Dependencies;
  commandLine?: () => Promise<CommandLineFiles>;
}

const NONE: PackageFacts = { dependencies: { sorted: [], set: new Set() } };

/** The dependencies of the nearest package.json above each file, read once per folder through the bounded reader. */
export class DependencyLookup {
  private readonly byFolder = new Map<string, Promise<PackageFacts>>();

  constructor(
    private readonly onUnreadable: (file: string, reason: string) => void,
    private readonly disk: Disk,
  ) {}

  async of(file: string): Promise<Dependencies> {
    const facts = await this.forFolder(path.dirname(file));
    const commandLine = facts.commandLine && (await facts.commandLine()).has(file);
    return commandLine ? { ...facts.dependencies, commandLine } : facts.dependencies;
  }

  /** A package.json changed: read them again on next use. */
  clear(): void {
    this.byFolder.clear();
  }

  private forFolder(folder: string): Promise<PackageFacts> {
    let found = this.byFolder.get(folder);
    if (!found) {
      const manifest = path.join(folder, 'package.json');
      found = this.disk.readFile(manifest, CONFIG_LIMIT).then((read) => {
        // An unreadable or refused manifest (a FIFO, a device) counts as none here, said once; the folders above still apply.
        if ('text' in read) {
          const manifest = packageManifestOf(read.text);
          const sorted = [...manifest.dependencies].sort();
          let files: Promise<CommandLineFiles> | undefined;
          return {
            dependencies: { sorted, set: manifest.dependencies, root: folder },
            commandLine: () => (files ??= commandLineFiles(folder, manifest, this.disk)),
          };
        }
        if (!read.missing) this.onUnreadable(manifest, read.reason);
        const parent = path.dirname(folder);
        return parent === folder ? NONE : this.forFolder(parent);
      });
      this.byFolder.set(folder, found);
    }
    return found;
  }
}
