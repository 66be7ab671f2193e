import * as fs from 'node:fs';
import * as path from 'node:path';
import { dependenciesOf, importsProjectModule, projectFactsReach } from '../../rules/src/project';
import { ProjectModel } from '../../rules/src/project-model/model';
import { syntaxSignals, type SyntaxSignals } from '../../rules/src/syntax-signals';
import type { ProjectInfo } from '../../rules/src/types';

/**
 * What the rules need to know about the project around a file: the dependencies of its nearest
 * package.json, and the project model of its workspace folder (one per folder, updated per
 * changed file). A file outside every folder is its own project.
 */
export class ProjectIndex {
  /** Folder → the dependencies of the nearest package.json at or above it. */
  private readonly dependenciesByFolder = new Map<string, ReadonlySet<string>>();
  private readonly models = new Map<string, ProjectModel>();
  /** Files that import only bare specifiers, set aside until the project's aliases or packages say they name project files. */
  private readonly importing = new Map<string, readonly string[]>();

  constructor(private readonly rootOf: (file: string) => string | undefined) {}

  /** The project facts for a file; `projectRoot` is its workspace folder (none: the file's own facts). */
  info(filePath: string | undefined, projectRoot: string | undefined): ProjectInfo {
    if (!filePath) return { dependencies: new Set() };
    return { dependencies: this.dependenciesFor(path.dirname(filePath)), models: this.modelOf(projectRoot ?? path.dirname(filePath)).snapshot() };
  }

  /** Records what a file declares; true when that changed the project's index. */
  updateFile(filePath: string, text: string, signals: SyntaxSignals = syntaxSignals(text, filePath)): boolean {
    const model = this.modelOf(this.rootOf(filePath) ?? path.dirname(filePath));
    const reach = projectFactsReach(signals);
    this.importing.delete(filePath);
    if (reach === 'declarations' || (reach === 'imports' && importsProjectModule(model.snapshot().resolution, signals.imports))) return model.update(filePath, text);
    if (reach === 'imports') this.importing.set(filePath, signals.imports);
    return model.setFacts(filePath, undefined);
  }

  /** The files set aside by `updateFile` whose imports now name project files: they need reading again. */
  takeForwardingFiles(): string[] {
    const files: string[] = [];
    for (const [file, imports] of this.importing) {
      const model = this.modelOf(this.rootOf(file) ?? path.dirname(file));
      if (!importsProjectModule(model.snapshot().resolution, imports)) continue;
      files.push(file);
      this.importing.delete(file);
    }
    return files;
  }

  /** Forgets a deleted file; true when it had declared something. */
  removeFile(filePath: string): boolean {
    this.importing.delete(filePath);
    return this.modelOf(this.rootOf(filePath) ?? path.dirname(filePath)).remove(filePath);
  }

  /** A package.json or tsconfig changed: read the dependencies and the project configuration again on next use. */
  forgetDependencies(): void {
    this.dependenciesByFolder.clear();
    for (const model of this.models.values()) model.configurationChanged();
  }

  private modelOf(root: string): ProjectModel {
    let model = this.models.get(root);
    if (!model) {
      model = new ProjectModel({ readFile: readOrUndefined }, root);
      this.models.set(root, model);
    }
    return model;
  }

  private dependenciesFor(folder: string): ReadonlySet<string> {
    const known = this.dependenciesByFolder.get(folder);
    if (known) return known;
    let dependencies: ReadonlySet<string>;
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest)) {
      dependencies = dependenciesOf(readOrUndefined(manifest) ?? '');
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

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
