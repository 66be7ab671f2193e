import * as path from 'node:path';
import { dependenciesOf } from '../../rules/src/data';
import { CONFIG_LIMIT, readWorkspaceFile } from './read';

/** A package.json's dependencies, as the command's cache key (sorted) and as the rules look them up. */
export interface Dependencies {
  sorted: readonly string[];
  set: ReadonlySet<string>;
  /** The folder of that package.json: the package's root, from which file roles read a path. */
  root?: string;
}

const NONE: Dependencies = { sorted: [], set: new Set() };

/** The dependencies of the nearest package.json above each file, read once per folder through the bounded reader. */
export class DependencyLookup {
  private readonly byFolder = new Map<string, Promise<Dependencies>>();

  of(file: string): Promise<Dependencies> {
    return this.forFolder(path.dirname(file));
  }

  /** A package.json changed: read them again on next use. */
  clear(): void {
    this.byFolder.clear();
  }

  private forFolder(folder: string): Promise<Dependencies> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = readWorkspaceFile(path.join(folder, 'package.json'), CONFIG_LIMIT).then((read) => {
        // An unreadable or refused manifest (a FIFO, a device) counts as none here; the folders above still apply.
        if ('text' in read) {
          const sorted = [...dependenciesOf(read.text)].sort();
          return { sorted, set: new Set(sorted), root: folder };
        }
        const parent = path.dirname(folder);
        return parent === folder ? NONE : this.forFolder(parent);
      });
      this.byFolder.set(folder, found);
    }
    return found;
  }
}
