import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectProjectFacts, dependenciesOf, mergeProjectFacts, type ProjectFacts } from '../../rules/src/project';
import type { ProjectInfo } from '../../rules/src/types';

/**
 * What the rules need to know about the project around a file: the dependencies of its nearest
 * package.json, and the ORM models declared anywhere in the workspace (one entry per file, so a
 * changed file replaces only its own facts).
 */
export class ProjectIndex {
  /** Folder → the dependencies of the nearest package.json at or above it. */
  private readonly dependenciesByFolder = new Map<string, ReadonlySet<string>>();
  private readonly factsByFile = new Map<string, ProjectFacts>();
  private merged: unknown;

  info(filePath: string | undefined): ProjectInfo {
    const dependencies = filePath ? this.dependenciesFor(path.dirname(filePath)) : new Set<string>();
    this.merged ??= mergeProjectFacts(this.factsByFile.values());
    return { dependencies, models: this.merged };
  }

  /** Records what a file declares; true when that changed the project's models. */
  updateFile(filePath: string, text: string): boolean {
    const facts = collectProjectFacts(text, filePath);
    const before = this.factsByFile.get(filePath);
    if (!facts && !before) return false;
    if (facts && before && sameFacts(facts, before)) return false;
    if (facts) this.factsByFile.set(filePath, facts);
    else this.factsByFile.delete(filePath);
    this.merged = undefined;
    return true;
  }

  /** Forgets a deleted file; true when it had declared models. */
  removeFile(filePath: string): boolean {
    if (!this.factsByFile.delete(filePath)) return false;
    this.merged = undefined;
    return true;
  }

  /** A package.json changed: read the dependencies again on next use. */
  forgetDependencies(): void {
    this.dependenciesByFolder.clear();
  }

  private dependenciesFor(folder: string): ReadonlySet<string> {
    const known = this.dependenciesByFolder.get(folder);
    if (known) return known;
    let dependencies: ReadonlySet<string>;
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest)) {
      dependencies = dependenciesOf(readOrEmpty(manifest));
    } else {
      const parent = path.dirname(folder);
      dependencies = parent === folder ? new Set() : this.dependenciesFor(parent);
    }
    this.dependenciesByFolder.set(folder, dependencies);
    return dependencies;
  }
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function sameFacts(a: ProjectFacts, b: ProjectFacts): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false;
  }
}
