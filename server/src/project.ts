import * as path from 'node:path';
import { importsProjectModule, ProjectModel, projectFactsReach, syntaxSignals, type ProjectHost, type ProjectInfo, type SyntaxSignals } from '../../rules/src';
import type { Dependencies } from '../../workspace/src';

/**
 * What the rules need to know about the project around a file: the project model of its
 * workspace folder (one per folder, updated per changed file; a file outside every folder is its
 * own project), read through the workspace layer.
 */
export class ProjectIndex {
  private readonly models = new Map<string, ProjectModel>();
  /** Files that only import, set aside until an import of theirs names a project file. */
  private readonly importing = new Map<string, readonly string[]>();

  constructor(
    private readonly rootOf: (file: string) => string | undefined,
    private readonly host: ProjectHost,
  ) {}

  /** The project facts for a file with its package's dependencies; `projectRoot` is its workspace folder (none: the file's own facts). */
  info(filePath: string | undefined, projectRoot: string | undefined, dependencies: Dependencies): ProjectInfo {
    // Outside every workspace folder, the file's package folder is where analysis starts: its name may be the checkout's.
    const top = projectRoot ?? dependencies.root;
    const known = {
      dependencies: dependencies.set,
      ...(dependencies.root && { root: dependencies.root }),
      ...(top && { top }),
      ...(dependencies.commandLine && { commandLine: true }),
    };
    if (!filePath) return known;
    return { ...known, models: this.modelOf(projectRoot ?? path.dirname(filePath)).snapshot() };
  }

  /** Records what a file declares; true when that changed the project's index. */
  updateFile(filePath: string, text: string, signals: SyntaxSignals = syntaxSignals(text, filePath)): boolean {
    const model = this.modelOf(this.rootOf(filePath) ?? path.dirname(filePath));
    const reach = projectFactsReach(signals);
    this.importing.delete(filePath);
    if (reach === 'declarations' || (reach === 'imports' && importsProjectModule(model.resolution(), signals.imports))) return model.update(filePath, text);
    if (reach === 'imports') this.importing.set(filePath, signals.imports);
    return model.setFacts(filePath, undefined);
  }

  /** The files set aside by `updateFile` whose imports now name project files: they need reading again. */
  takeForwardingFiles(): string[] {
    const files: string[] = [];
    const resolutions = new Map<ProjectModel, ReturnType<ProjectModel['resolution']>>();
    for (const [file, imports] of this.importing) {
      const model = this.modelOf(this.rootOf(file) ?? path.dirname(file));
      if (!resolutions.has(model)) resolutions.set(model, model.resolution());
      if (!importsProjectModule(resolutions.get(model), imports)) continue;
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

  /** A package.json, tsconfig or pnpm-workspace.yaml changed: read the project configuration again. */
  configurationChanged(): void {
    for (const model of this.models.values()) model.configurationChanged();
  }

  private modelOf(root: string): ProjectModel {
    let model = this.models.get(root);
    if (!model) {
      model = new ProjectModel(this.host, root);
      this.models.set(root, model);
    }
    return model;
  }
}

/** Whether `file` is `root` or below it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
