import * as path from 'node:path';
import type ts from 'typescript';
import {
  childProcessFiles,
  fileKey,
  importsProjectModule,
  isDeclarationFile,
  isRelativeSpecifier,
  normalizePath,
  ProjectModel,
  projectFactsReach,
  syntaxSignals,
  type ChildProcessFiles,
  type ProjectHost,
  type ProjectInfo,
  type RoleSource,
  type StartedFiles,
  type SyntaxSignals,
  type ToESTree,
} from '../../rules/src';
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
  /** Each file's relative imports and the files it starts in a child process or worker thread (every file: a started one may import nothing). */
  private readonly started = new Map<string, StartedFiles>();
  /** The files that run in a child process or worker thread of their own, found again after a change that matters to them. */
  private childFiles: ChildProcessFiles | undefined;
  /** Each file's imports and the signs of its role its text shows. */
  private readonly roleSources = new Map<string, RoleSource>();
  /** The files only one-off programs import, by workspace folder; found again after any file's imports or role signs change. */
  private readonly scriptOnly = new Map<string, ReadonlySet<string>>();
  /** What was found before a change of imports or role signs: finding them again tells whether they changed. */
  private readonly scriptOnlyBefore = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly rootOf: (file: string) => string | undefined,
    private readonly host: ProjectHost,
    /** The files only one-off programs import, found again, differ from those found before: analyses of other files are out of date. */
    private readonly scriptOnlyChanged: () => void = () => {},
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
    const childProcess = this.childProcessFiles().files.has(filePath);
    const scriptOnly = projectRoot !== undefined && this.scriptOnlyFiles(projectRoot).has(filePath);
    return {
      ...known,
      ...(childProcess && { childProcess }),
      ...(scriptOnly && { scriptOnly }),
      models: this.modelOf(projectRoot ?? path.dirname(filePath)).snapshot(),
    };
  }

  /**
   * Records what a file declares, starts and imports (`sourceFile`: its tree, when the caller parsed
   * it already, converted by `toESTree`); true when that changed the project's index or may have changed which files run in a child process.
   */
  updateFile(filePath: string, text: string, signals: SyntaxSignals = syntaxSignals(text, filePath), sourceFile?: ts.SourceFile, toESTree?: ToESTree): boolean {
    const model = this.modelOf(this.rootOf(filePath) ?? path.dirname(filePath));
    // A declaration file runs nothing: its imports make no file part of the program.
    const runs = !isDeclarationFile(filePath);
    const childFilesChanged = runs && this.noteStarts(filePath, signals);
    if (runs) this.noteRole(filePath, signals);
    const reach = projectFactsReach(signals);
    this.importing.delete(filePath);
    const listsChanged = model.setSignals(filePath, signals);
    if (reach === 'declarations' || (reach === 'imports' && importsProjectModule(model.resolution(), signals.imports)))
      return model.update(filePath, text, sourceFile, toESTree, signals) || listsChanged || childFilesChanged;
    if (reach === 'imports') this.importing.set(filePath, signals.imports);
    return model.setFacts(filePath, undefined) || listsChanged || childFilesChanged;
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

  /** Forgets a deleted file; true when it had declared something or ran in a child process. */
  removeFile(filePath: string): boolean {
    this.importing.delete(filePath);
    const starts = this.started.get(filePath)?.signals.childEntries.length ?? 0;
    const childFilesChanged = this.started.delete(filePath) && this.childFilesMayChange(filePath, starts > 0);
    if (this.roleSources.delete(filePath)) this.forgetScriptOnly();
    return this.modelOf(this.rootOf(filePath) ?? path.dirname(filePath)).remove(filePath) || childFilesChanged;
  }

  /** A package.json, tsconfig or pnpm-workspace.yaml changed: read the project configuration again. */
  configurationChanged(): void {
    for (const model of this.models.values()) model.configurationChanged();
  }

  /**
   * Keeps what a file imports by relative path and starts; true when that may change which files
   * run in a child process (it starts other files, or it is one of them and imports others).
   */
  private noteStarts(filePath: string, signals: SyntaxSignals): boolean {
    const imports = signals.imports.filter(isRelativeSpecifier);
    const before = this.started.get(filePath)?.signals;
    const startsChanged = !sameList(before?.childEntries ?? [], signals.childEntries);
    if (before && !startsChanged && sameList(before.imports, imports)) return false;
    this.started.set(filePath, { file: filePath, signals: { imports, childEntries: signals.childEntries } });
    return this.childFilesMayChange(filePath, startsChanged);
  }

  /** Forgets the child process files when a file's change can alter them: it starts others, or the files found so far lead to it. */
  private childFilesMayChange(filePath: string, startsChanged: boolean): boolean {
    const leadsHere = this.childFiles?.keys.has(fileKey(normalizePath(filePath))) ?? false;
    if (startsChanged || leadsHere) this.childFiles = undefined;
    return startsChanged || leadsHere;
  }

  private childProcessFiles(): ChildProcessFiles {
    this.childFiles ??= childProcessFiles(this.started.values());
    return this.childFiles;
  }

  /** Keeps what a file imports and the signs of its role; the script-only files are found again when next asked for. */
  private noteRole(filePath: string, signals: SyntaxSignals): void {
    const before = this.roleSources.get(filePath)?.signals;
    if (
      before &&
      sameList(before.imports, signals.imports) &&
      sameList(before.roleSigns, signals.roleSigns) &&
      before.reexportsOnly === signals.reexportsOnly &&
      JSON.stringify(before.containerTokens) === JSON.stringify(signals.containerTokens)
    )
      return;
    this.roleSources.set(filePath, {
      file: filePath,
      signals: { imports: signals.imports, roleSigns: signals.roleSigns, reexportsOnly: signals.reexportsOnly, containerTokens: signals.containerTokens },
    });
    this.forgetScriptOnly();
  }

  /** Forgets the script-only files, keeping the first of them found since the last look, to compare with. */
  private forgetScriptOnly(): void {
    for (const [folder, found] of this.scriptOnly) if (!this.scriptOnlyBefore.has(folder)) this.scriptOnlyBefore.set(folder, found);
    this.scriptOnly.clear();
  }

  /** The files of a workspace folder only one-off programs import, as the command finds them. */
  private scriptOnlyFiles(folder: string): ReadonlySet<string> {
    let found = this.scriptOnly.get(folder);
    if (!found) {
      const sources = [...this.roleSources.values()].filter((source) => this.rootOf(source.file) === folder);
      found = this.modelOf(folder).runOnlyByScripts(sources, folder, this.childProcessFiles().files);
      this.scriptOnly.set(folder, found);
      const before = this.scriptOnlyBefore.get(folder);
      this.scriptOnlyBefore.delete(folder);
      if (before && (before.size !== found.size || [...found].some((file) => !before.has(file)))) this.scriptOnlyChanged();
    }
    return found;
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

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Whether `file` is `root` or below it. */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
