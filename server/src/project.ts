import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectProjectFacts, dependenciesOf, mergeProjectFacts, type ProjectFacts } from '../../rules/src/project';
import type { ProjectInfo } from '../../rules/src/types';

/**
 * What the rules need to know about the project around a file: the dependencies of its nearest
 * package.json, and the ORM models declared anywhere in its project (one entry per file, so a
 * changed file replaces only its own facts). A project is a workspace folder: two folders may
 * well declare different models of the same name.
 */
export class ProjectIndex {
  /** Folder → the dependencies of the nearest package.json at or above it. */
  private readonly dependenciesByFolder = new Map<string, ReadonlySet<string>>();
  private readonly factsByFile = new Map<string, ProjectFacts>();
  private readonly modelsByProject = new Map<string, unknown>();

  /** The project facts for a file; `projectRoot` is its workspace folder (none: the file's own facts). */
  info(filePath: string | undefined, projectRoot: string | undefined): ProjectInfo {
    if (!filePath) return { dependencies: new Set() };
    const root = projectRoot ?? filePath;
    let models = this.modelsByProject.get(root);
    if (!models) {
      models = mergeProjectFacts([...this.factsByFile].flatMap(([file, facts]) => (isInside(root, file) ? [facts] : [])));
      this.modelsByProject.set(root, models);
    }
    return { dependencies: this.dependenciesFor(path.dirname(filePath)), models };
  }

  /** Records what a file declares; true when that changed the project's models. */
  updateFile(filePath: string, text: string): boolean {
    const facts = collectProjectFacts(text, filePath);
    const before = this.factsByFile.get(filePath);
    if (!facts && !before) return false;
    if (facts && before && sameFacts(facts, before)) return false;
    if (facts) this.factsByFile.set(filePath, facts);
    else this.factsByFile.delete(filePath);
    this.modelsByProject.clear();
    return true;
  }

  /** Forgets a deleted file; true when it had declared models. */
  removeFile(filePath: string): boolean {
    if (!this.factsByFile.delete(filePath)) return false;
    this.modelsByProject.clear();
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

/** Whether `file` is `root` or below it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
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
