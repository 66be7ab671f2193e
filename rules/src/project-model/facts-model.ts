import type { ProjectFacts } from '../project';
import { declaresBeyondUses } from '../project-facts';
import { mergeProjectFacts } from './merge';
import type { ProjectModels } from '../analysis/orm-index';
import { listedTypes } from '../analysis/graphql-schema';
import { readPathMapping, readWorkspacePackage, workspaceGlobs, workspaceMatcher } from './configs';
import type { ProjectHost } from './host';
import { dirname, fileKey, foldersAbove, joinPath, normalizePath } from './paths';
import {
  isRelativeSpecifier,
  mappingFolderOf,
  pickedModuleKeys,
  resolveModuleKey,
  type PathMapping,
  type ResolutionData,
  type WorkspacePackage,
} from './resolution';
import type { IndexSignals, SyntaxSignals } from '../syntax-signals';
import { NO_INDEX_SIGNALS } from '../index-signals';
import { isCommandPluginPackage, isTestPath, recurringScriptEntriesOf, roleFromSigns, type FileRole } from '../roles';
import { packageManifestOf } from '../package-manifest';
import { isDeclarationFile } from '../source-files';
import { scriptOnlyFiles, type RoleSource } from './script-only';

/** A file of the project with the specifiers it imports. */
export interface ImportingFile {
  file: string;
  signals: Pick<SyntaxSignals, 'imports'>;
}

/** All that the importers of a list of files follow from: how specifiers resolve, and each file with its imports, in order. */
export interface ImporterInputs {
  resolution: ResolutionData;
  files: Array<[string, readonly string[]]>;
}

/** Keeps importers from one run to the next (a command's cache), under the inputs they were found from. */
export interface ImportersCache {
  get(inputs: ImporterInputs): ReadonlyMap<string, readonly string[]> | undefined;
  set(inputs: ImporterInputs, importers: ReadonlyMap<string, readonly string[]>): void;
}

const TSCONFIG = 'tsconfig.json';

/**
 * The project model built from facts read elsewhere (by `ProjectModel.update`, or from a cache):
 * one index of what the project's files declare and export, and how its specifiers resolve
 * (relative paths, tsconfig `paths`/`baseUrl` through `extends`, workspace packages). Kept
 * current by `setFacts`/`remove` per changed file; `snapshot()` is what the rules read, rebuilt
 * only after a change. It loads no parser, so a run whose files are all cached stays light.
 */
export class ProjectFactsModel {
  private readonly root: string;
  private readonly factsByFile = new Map<string, ProjectFacts>();
  /** By file key, the literal arrays and objects it exports: known of every file, not only those the index holds. */
  private readonly fixedListsByKey = new Map<string, readonly string[]>();
  /** By file key, the functions and methods it exports whose value is at hand when they return (its `SyntaxSignals.settledAsync`): known of every file. */
  private readonly settledAsyncByKey = new Map<string, readonly string[]>();
  /** By file key, the functions it exports that return only literals (its `SyntaxSignals.fixedReturns`): known of every file. */
  private readonly fixedReturnsByKey = new Map<string, readonly string[]>();
  /** By file key, the async functions it exports that only add jobs to a queue (its `SyntaxSignals.enqueuesOnly`): known of every file. */
  private readonly enqueuesOnlyByKey = new Map<string, readonly string[]>();
  /** By file key, the functions it declares that run a parameter once per element of another (its `SyntaxSignals.itemCallbacks`): known of every file. */
  private readonly itemCallbacksByKey = new Map<string, readonly string[]>();
  /** By file key, the validation schemas it exports that check in memory (its `SyntaxSignals.inMemorySchemas`): known of every file. */
  private readonly inMemorySchemasByKey = new Map<string, readonly string[]>();
  /** By file key, the modules it re-exports whole, as written, with its path (its `SyntaxSignals.reexportsAll`): known of every file. */
  private readonly barrelsByKey = new Map<string, { path: string; modules: readonly string[] }>();
  /** By file key, the interfaces its classes implement (its `SyntaxSignals.implemented`): known of every file, not only those the index holds. */
  private readonly implementedByKey = new Map<string, readonly string[]>();
  /** By file key, the methods its text names through an object (its `SyntaxSignals.methodNames`): known of every file, not only those the index holds. */
  private readonly methodNamesByKey = new Map<string, readonly string[]>();
  /** By file key, the properties it sets to a MongoDB collection (its `SyntaxSignals.collectionFields`): known of every file. */
  private readonly collectionFieldsByKey = new Map<string, readonly string[]>();
  /** By file key, the model globals its path defines (its `SyntaxSignals.globalModels`): known of every file. */
  private readonly globalModelsByKey = new Map<string, readonly string[]>();
  /** By file key, what its GraphQL schema text says of object types (its `SyntaxSignals.graphqlTypes`): known of every file. */
  private readonly graphqlTypesByKey = new Map<string, readonly string[]>();
  /** Each folder: the folder of its nearest tsconfig.json (or null: none up to the root). */
  private readonly configFolderOf = new Map<string, string | null>();
  private readonly configs = new Map<string, PathMapping>();
  /** Each folder: the workspace package it is the root of (null: none). */
  private readonly packageFolders = new Map<string, { name: string; pkg: WorkspacePackage } | null>();
  private inWorkspace: ((relativeFolder: string) => boolean) | undefined;
  /** Folders whose configuration and package were looked up in this generation. */
  private readonly notedFolders = new Set<string>();
  private merged: ProjectModels | undefined;
  /** By file key, the scripts, seeds and migrations (see `runOnlyByScripts`): their calls say nothing of when the application runs a function. */
  private programKeys = new Set<string>();
  /** Counts changes to how specifiers resolve (configuration found or read again): importers found before a change are stale. */
  private resolutionChanges = 0;
  /** The importers last found, with the files and import lists they were found from. */
  private lastImporters:
    { files: string[]; imports: (readonly string[])[]; resolutionChanges: number; importers: ReadonlyMap<string, readonly string[]> } | undefined;
  /** Configuration files read in this generation: each is read once, however many folders ask. */
  private readonly configTexts = new Map<string, string | undefined>();
  private readonly host: ProjectHost;

  constructor(
    host: ProjectHost,
    root: string,
    private readonly importersCache?: ImportersCache,
  ) {
    this.root = normalizePath(root);
    this.host = {
      readFile: (file) => {
        if (!this.configTexts.has(file)) this.configTexts.set(file, host.readFile(file));
        return this.configTexts.get(file);
      },
    };
  }

  /** Records a file's declarations read before (from a cache); true when the index changed. */
  setFacts(path: string, given: ProjectFacts | undefined): boolean {
    const file = normalizePath(path);
    // A test calls the application's start-up functions and methods as it pleases, and its doubles implement ports beside the adapter the application runs.
    const facts = (given?.functionCalls || given?.methodCalls || given?.implementations) && isTestPath(file, this.root) ? withoutTestOnlyFacts(given) : given;
    this.noteFolders(file);
    const before = this.factsByFile.get(file);
    if (!facts && !before) return false;
    if (facts && before && JSON.stringify(facts) === JSON.stringify(before)) return false;
    if (facts) this.factsByFile.set(file, facts);
    else this.factsByFile.delete(file);
    this.merged = undefined;
    return true;
  }

  /**
   * Records what the index needs to know of every file, not only of those it holds: the literal arrays and
   * objects a file exports, the async functions it exports that await nothing, and the interfaces its classes
   * implement (its signals); true when that changed.
   */
  setSignals(path: string, signals: IndexSignals): boolean {
    const lists = this.setNames(this.fixedListsByKey, path, signals.fixedLists);
    const settled = this.setNames(this.settledAsyncByKey, path, signals.settledAsync);
    const returns = this.setNames(this.fixedReturnsByKey, path, signals.fixedReturns);
    const enqueues = this.setNames(this.enqueuesOnlyByKey, path, signals.enqueuesOnly);
    const callbacks = this.setNames(this.itemCallbacksByKey, path, signals.itemCallbacks);
    const schemas = this.setNames(this.inMemorySchemasByKey, path, signals.inMemorySchemas);
    const barrel = this.setBarrel(path, signals.reexportsAll);
    // A test's classes and test doubles implement ports beside the adapter the application runs: they are not counted.
    const implemented = this.setNames(this.implementedByKey, path, signals.implemented.length > 0 && isTestPath(path, this.root) ? [] : signals.implemented);
    // A test calls methods as it pleases (see `setFacts`).
    const methods = this.setNames(this.methodNamesByKey, path, signals.methodNames.length > 0 && isTestPath(path, this.root) ? [] : signals.methodNames);
    const collections = this.setNames(this.collectionFieldsByKey, path, signals.collectionFields);
    const globals = this.setNames(this.globalModelsByKey, path, signals.globalModels);
    const graphql = this.setNames(this.graphqlTypesByKey, path, signals.graphqlTypes);
    return lists || settled || returns || enqueues || callbacks || schemas || barrel || implemented || methods || collections || globals || graphql;
  }

  private setBarrel(path: string, modules: readonly string[]): boolean {
    const key = fileKey(normalizePath(path));
    const before = this.barrelsByKey.get(key);
    if ((before?.modules ?? []).join('\0') === modules.join('\0')) return false;
    if (modules.length > 0) this.barrelsByKey.set(key, { path: normalizePath(path), modules });
    else this.barrelsByKey.delete(key);
    this.merged = undefined;
    return true;
  }

  /** By barrel key, the keys of the files it re-exports whole, as far as the files known of every file tell. */
  private barrels(): Record<string, string[]> {
    const known = (key: string): boolean =>
      this.barrelsByKey.has(key) ||
      this.fixedListsByKey.has(key) ||
      this.settledAsyncByKey.has(key) ||
      this.fixedReturnsByKey.has(key) ||
      this.enqueuesOnlyByKey.has(key) ||
      this.itemCallbacksByKey.has(key) ||
      this.inMemorySchemasByKey.has(key);
    const resolution = this.resolution();
    const barrels: Record<string, string[]> = {};
    for (const [key, { path, modules }] of this.barrelsByKey) {
      const targets = modules.flatMap((module) => resolveModuleKey(resolution, path, module, known) ?? []);
      if (targets.length > 0) barrels[key] = targets;
    }
    return barrels;
  }

  private setNames(byKey: Map<string, readonly string[]>, path: string, names: readonly string[]): boolean {
    const key = fileKey(normalizePath(path));
    const before = byKey.get(key);
    if ((before ?? []).join('\0') === names.join('\0')) return false;
    if (names.length > 0) byKey.set(key, names);
    else byKey.delete(key);
    this.merged = undefined;
    return true;
  }

  /** Forgets a deleted file; true when the index changed. */
  remove(path: string): boolean {
    const signals = this.setSignals(path, NO_INDEX_SIGNALS);
    if (!this.factsByFile.delete(normalizePath(path))) return signals;
    this.merged = undefined;
    return true;
  }

  /** A tsconfig.json, package.json or pnpm-workspace.yaml changed: read the configuration again. */
  configurationChanged(): void {
    this.notedFolders.clear();
    this.configTexts.clear();
    this.configFolderOf.clear();
    this.configs.clear();
    this.packageFolders.clear();
    this.inWorkspace = undefined;
    for (const file of this.factsByFile.keys()) this.noteFolders(file);
    this.merged = undefined;
    this.resolutionChanges++;
  }

  /** The index for the rules (plain data). */
  snapshot(): ProjectModels {
    if (!this.merged) {
      this.merged = {
        ...mergeProjectFacts(this.servingFacts(), this.resolution(), this.implementers()),
        ...(this.fixedListsByKey.size > 0 && { fixedLists: Object.fromEntries(this.fixedListsByKey) as Record<string, string[]> }),
        ...(this.settledAsyncByKey.size > 0 && { settledAsync: Object.fromEntries(this.settledAsyncByKey) as Record<string, string[]> }),
        ...(this.fixedReturnsByKey.size > 0 && { fixedReturns: Object.fromEntries(this.fixedReturnsByKey) as Record<string, string[]> }),
        ...(this.enqueuesOnlyByKey.size > 0 && { enqueuesOnly: Object.fromEntries(this.enqueuesOnlyByKey) as Record<string, string[]> }),
        ...(this.itemCallbacksByKey.size > 0 && { itemCallbacks: Object.fromEntries(this.itemCallbacksByKey) as Record<string, string[]> }),
        ...(this.inMemorySchemasByKey.size > 0 && { inMemorySchemas: Object.fromEntries(this.inMemorySchemasByKey) as Record<string, string[]> }),
        ...(this.barrelsByKey.size > 0 && { barrels: this.barrels() }),
        ...(this.collectionFieldsByKey.size > 0 && { collectionFields: [...new Set([...this.collectionFieldsByKey.values()].flat())] }),
        ...(this.globalModelsByKey.size > 0 && { globalModels: [...new Set([...this.globalModelsByKey.values()].flat())] }),
        ...(this.graphqlTypesByKey.size > 0 && { graphqlTypes: listedTypes(this.graphqlTypesByKey.values()) }),
      };
      this.keepMethodsNoOtherFileNames(this.merged.methodsCalledAtBoot);
      this.keepMethodsNoOtherFileNames(this.merged.methodLists);
    }
    return this.merged;
  }

  /**
   * A method called at boot, or handed bounded lists, by the files the index holds is not so when a file it does not hold names
   * it too (a resolver's `models.storage.initTargets()`).
   */
  private keepMethodsNoOtherFileNames(byName: Record<string, unknown> | undefined): void {
    if (!byName) return;
    const usesByKey = new Map([...this.factsByFile.values()].map((facts) => [facts.file, facts.methodCalls ?? {}]));
    for (const [key, names] of this.methodNamesByKey)
      if (!this.programKeys.has(key))
        for (const name of names) if (Object.hasOwn(byName, name) && !Object.hasOwn(usesByKey.get(key) ?? {}, name)) delete byName[name];
  }

  /**
   * Each file's facts, a one-off program's without the functions and methods it calls: a script or a seed calls the
   * application's start-up code (`await Database.connect()`) in a process of its own, which says nothing of when the
   * application runs it, as a test's calls say nothing.
   */
  private *servingFacts(): IterableIterator<ProjectFacts> {
    for (const facts of this.factsByFile.values())
      if (!this.programKeys.has(facts.file) || !(facts.functionCalls || facts.methodCalls)) yield facts;
      else {
        const { functionCalls: _uses, methodCalls: _methodUses, methodLists: _methodLists, ...rest } = facts;
        yield rest;
      }
  }

  /** By file key, the scripts, seeds and migrations the last `runOnlyByScripts` found. */
  programs(): string[] {
    return [...this.programKeys].sort();
  }

  /** By file key, the properties each file sets to a MongoDB collection (see `SyntaxSignals.collectionFields`). */
  collectionFields(): Array<[string, readonly string[]]> {
    return [...this.collectionFieldsByKey];
  }

  /** By file key, the model globals each file's path defines (see `SyntaxSignals.globalModels`). */
  globalModels(): Array<[string, readonly string[]]> {
    return [...this.globalModelsByKey];
  }

  /** By file key, what each file's GraphQL schema text says of object types (see `SyntaxSignals.graphqlTypes`). */
  graphqlTypes(): Array<[string, readonly string[]]> {
    return [...this.graphqlTypesByKey];
  }

  /** By file key, the methods each file names through an object (see `SyntaxSignals.methodNames`). */
  methodNames(): Array<[string, readonly string[]]> {
    return [...this.methodNamesByKey];
  }

  /**
   * The files whose functions can run a query: those that reach a database themselves, and those
   * that import one of them, directly or through other files of the project. Only these need
   * their facts read; the others' functions cannot lead to a query. `declares` tells whether a
   * file declares anything (it is asked once per file reached): reach goes on to the importers of
   * those only, as an import of a file that declares nothing can lead nowhere.
   */
  reachingDatabase(sources: Iterable<{ file: string; signals: SyntaxSignals }>, declares: (file: string) => boolean = () => true): Set<string> {
    const all = [...sources];
    const importers = withMixins(this.importersOf(all), all);
    const reaching = new Set<string>();
    const queue: string[] = [];
    for (const { file, signals } of all) if (signals.reachesDatabase) reaching.add(file);
    for (const file of reaching) if (declares(file)) queue.push(file);
    const spread = (): void => {
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
        for (const importer of importers.get(next) ?? []) {
          if (reaching.has(importer)) continue;
          reaching.add(importer);
          if (declares(importer)) queue.push(importer);
        }
      }
    };
    spread();
    // A class that holds a port (`private items: ItemRepository`) reaches the queries of the reaching class that implements it, without importing that class;
    // a base class that calls finders on a field (`this.model.findOne`), those of the model a reaching file that imports it hands it.
    const signalsOf = new Map(all.map(({ file, signals }) => [file, signals]));
    const joining = (): Set<string> => new Set([...portHolders(all, signalsOf, importers, reaching), ...modelHolders(all, importers, reaching)]);
    for (let holders = joining(); holders.size > 0; holders = joining()) {
      for (const holder of holders) {
        reaching.add(holder);
        if (declares(holder)) queue.push(holder);
      }
      spread();
    }
    this.addBarrelsOfImplemented(all, importers, reaching, declares);
    addImportedBarrels(all, importers, reaching, declares);
    return reaching;
  }

  /** The files that import one of `files` (see `importersOf`). */
  importersOfAny(sources: Iterable<{ file: string; signals: SyntaxSignals }>, files: ReadonlySet<string>): Set<string> {
    const importers = this.importersOf([...sources]);
    return new Set([...files].flatMap((file) => importers.get(file) ?? []));
  }

  /**
   * The barrels that re-export an interface a class of a reaching file implements (`export * from './order-service.interface'`):
   * a file that names the interface through one finds its file by their re-exports. The interface's own file declares nothing to read.
   */
  private addBarrelsOfImplemented(
    all: readonly { file: string; signals: SyntaxSignals }[],
    importers: ReadonlyMap<string, readonly string[]>,
    reaching: Set<string>,
    declares: (file: string) => boolean,
  ): void {
    const implemented = new Set<string>();
    for (const { file, signals } of all) if (reaching.has(file)) for (const name of signals.implemented) implemented.add(name);
    if (implemented.size === 0) return;
    // Pure barrels, and files whose export list names an implemented interface they import (`export { type OrderService }`).
    const barrels = new Set<string>();
    for (const { file, signals } of all)
      if (signals.reexportsOnly || (!signals.reachesDatabase && signals.interfaces.some((name) => implemented.has(name)))) barrels.add(file);
    const queue = all.flatMap(({ file, signals }) => (signals.interfaces.some((name) => implemented.has(name)) ? [file] : []));
    const seen = new Set<string>();
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      if (barrels.has(next) && !reaching.has(next) && declares(next)) reaching.add(next);
      for (const importer of importers.get(next) ?? []) if (barrels.has(importer) && !seen.has(importer)) queue.push(importer);
    }
  }

  /**
   * The files only scripts run (see `scriptOnlyFiles`), with what imports what resolved as the
   * project resolves it and each file's role read from its path under its package's folder.
   */
  runOnlyByScripts(sources: Iterable<RoleSource>, top: string | undefined, childFiles: ReadonlySet<string>): Set<string> {
    // A declaration file runs nothing: its imports make no file part of the program.
    const all = [...sources].filter((source) => !isDeclarationFile(source.file));
    // A command-line tool's plugin is all commands, as the workspace layer reads it (`isCommandPluginPackage`).
    const packages = new Map<string, { root: string; commandLine: boolean; recurring: string[] } | undefined>();
    const packageOf = (folder: string): { root: string; commandLine: boolean; recurring: string[] } | undefined => {
      if (folder === '') return undefined;
      if (!packages.has(folder)) {
        const parent = dirname(folder);
        const manifest = this.host.readFile(joinPath(folder, 'package.json'));
        packages.set(
          folder,
          manifest !== undefined
            ? {
                root: folder,
                commandLine: isCommandPluginPackage(packageManifestOf(manifest)),
                recurring: recurringScriptEntriesOf(packageManifestOf(manifest)),
              }
            : parent === folder
              ? undefined
              : packageOf(parent),
        );
      }
      return packages.get(folder);
    };
    const roleOf = ({ file, signals }: RoleSource): FileRole => {
      const found = packageOf(dirname(normalizePath(file)));
      return roleFromSigns(normalizePath(file), signals.roleSigns, {
        ...(found && { root: found.root }),
        ...(found?.commandLine && { commandLine: true }),
        ...(top !== undefined && { top: normalizePath(top) }),
      });
    };
    // `bin/backup.ts` where a script runs `node dist/bin/backup.js daily`: the path the script names ends with the file's, built or not.
    const recurs = ({ file }: RoleSource): boolean => {
      const normalized = normalizePath(file);
      const found = packageOf(dirname(normalized));
      const own = found && normalized.slice(found.root.length + 1).replace(/\.[cm]?[jt]sx?$/, '');
      return own !== undefined && found!.recurring.some((entry) => entry === own || entry.endsWith(`/${own}`));
    };
    const programs = new Set<string>();
    const folderOf = (file: string): string | undefined => packageOf(dirname(normalizePath(file)))?.root;
    const found = scriptOnlyFiles(all, () => this.importersOf(all), roleOf, childFiles, programs, recurs, folderOf);
    const keys = new Set([...programs].map((file) => fileKey(normalizePath(file))));
    if (keys.size !== this.programKeys.size || [...keys].some((key) => !this.programKeys.has(key))) {
      this.programKeys = keys;
      this.merged = undefined;
    }
    return found;
  }

  /**
   * Each project file and the files that import it (a relative, mapped or workspace package
   * specifier that resolves to it). Asked again for the same files and import lists (the database's
   * reach, then the files only scripts run), it answers from the last time.
   */
  private importersOf(all: readonly ImportingFile[]): ReadonlyMap<string, readonly string[]> {
    const last = this.lastImporters;
    if (
      last?.resolutionChanges === this.resolutionChanges &&
      last.files.length === all.length &&
      all.every(({ file, signals }, index) => last.files[index] === file && last.imports[index] === signals.imports)
    ) {
      return last.importers;
    }
    const importers = this.importersCache ? this.cachedImporters(all, this.importersCache) : this.findImporters(all);
    this.lastImporters = {
      files: all.map(({ file }) => file),
      imports: all.map(({ signals }) => signals.imports),
      resolutionChanges: this.resolutionChanges,
      importers,
    };
    return importers;
  }

  /** Resolving every import is most of a run over an unchanged tree: the cache keeps what was found from the same inputs. */
  private cachedImporters(all: readonly ImportingFile[], cache: ImportersCache): ReadonlyMap<string, readonly string[]> {
    for (const { file } of all) this.noteFolders(normalizePath(file));
    const inputs: ImporterInputs = { resolution: this.resolution(), files: all.map(({ file, signals }) => [file, signals.imports]) };
    const cached = cache.get(inputs);
    if (cached) return cached;
    const importers = this.findImporters(all);
    cache.set(inputs, importers);
    return importers;
  }

  private findImporters(all: readonly ImportingFile[]): Map<string, string[]> {
    const byKey = new Map<string, string>();
    for (const { file } of all) {
      const normalized = normalizePath(file);
      this.noteFolders(normalized);
      byKey.set(fileKey(normalized), file);
    }
    const resolution = this.resolution();
    // A relative specifier resolves the same from every file of a folder, any other the same under one tsconfig.
    const resolved = new Map<string, string | undefined>();
    const mappingFolders = new Map<string, string | undefined>();
    const targetOf = (file: string, folder: string, specifier: string): string | undefined => {
      let scope = folder;
      if (!isRelativeSpecifier(specifier)) {
        if (!mappingFolders.has(folder)) mappingFolders.set(folder, mappingFolderOf(resolution, file));
        scope = mappingFolders.get(folder) ?? '';
      }
      const memo = `${scope}\0${specifier}`;
      if (resolved.has(memo)) return resolved.get(memo);
      const key = resolveModuleKey(resolution, file, specifier, (candidate) => byKey.has(candidate));
      const target = key === undefined ? undefined : byKey.get(key);
      resolved.set(memo, target);
      return target;
    };
    const importers = new Map<string, string[]>();
    for (const { file, signals } of all) {
      const folder = dirname(normalizePath(file));
      for (const specifier of signals.imports) {
        const picked = specifier.includes('${') ? pickedModuleKeys(byKey.keys(), file, specifier).map((key) => byKey.get(key)!) : [];
        for (const target of picked.length > 0 ? picked : [targetOf(file, folder, specifier)]) {
          if (target === undefined) continue;
          const list = importers.get(target);
          if (list) list.push(file);
          else importers.set(target, [file]);
        }
      }
    }
    return importers;
  }

  /** How many classes of every file implement an interface of each name. */
  private implementers(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const names of this.implementedByKey.values()) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    return counts;
  }

  /** The interfaces each file's classes implement, for a key of what `snapshot()` holds beyond the files' facts. */
  implemented(): Array<[string, readonly string[]]> {
    return [...this.implementedByKey];
  }

  /** The literal lists each file exports, for a key of what `snapshot()` holds beyond the files' facts. */
  fixedLists(): Array<[string, readonly string[]]> {
    return [...this.fixedListsByKey];
  }

  /** The settled async functions each file exports, for a key of what `snapshot()` holds beyond the files' facts. */
  settledAsync(): Array<[string, readonly string[]]> {
    return [...this.settledAsyncByKey];
  }

  /** The functions returning only literals each file exports, for a key of what `snapshot()` holds beyond the files' facts. */
  fixedReturns(): Array<[string, readonly string[]]> {
    return [...this.fixedReturnsByKey];
  }

  /** The queue-only async functions each file exports, for a key of what `snapshot()` holds beyond the files' facts. */
  enqueuesOnly(): Array<[string, readonly string[]]> {
    return [...this.enqueuesOnlyByKey];
  }

  /** The functions each file declares that run a parameter per element of another, for a key of what `snapshot()` holds beyond the files' facts. */
  itemCallbacks(): Array<[string, readonly string[]]> {
    return [...this.itemCallbacksByKey];
  }

  /** The in-memory validation schemas each file exports, for a key of what `snapshot()` holds beyond the files' facts. */
  inMemorySchemas(): Array<[string, readonly string[]]> {
    return [...this.inMemorySchemasByKey];
  }

  /** The modules each file re-exports whole, for a key of what `snapshot()` holds beyond the files' facts. */
  reexportsAll(): Array<[string, readonly string[]]> {
    return [...this.barrelsByKey].map(([key, { modules }]) => [key, modules]);
  }

  /** The facts of every file, for a cache. */
  facts(): IterableIterator<ProjectFacts> {
    return this.factsByFile.values();
  }

  /** How specifiers resolve (tsconfig paths, workspace packages): configuration only, so it costs no merge of the facts. */
  resolution(): ResolutionData {
    const packages: Record<string, WorkspacePackage> = {};
    for (const found of this.packageFolders.values()) if (found) packages[found.name] = found.pkg;
    return { configs: Object.fromEntries(this.configs), packages };
  }

  /** Finds the tsconfig that governs a file and the workspace package it belongs to, reading each folder once. */
  private noteFolders(file: string): void {
    // Every file of a folder has the same configuration and package: each folder is looked at once.
    const folder = dirname(file);
    if (this.notedFolders.has(folder)) return;
    this.notedFolders.add(folder);
    const before = this.configs.size + this.packageFolders.size;
    this.configFolder(file);
    this.workspacePackage(file);
    if (this.configs.size + this.packageFolders.size !== before) {
      this.merged = undefined;
      this.resolutionChanges++;
    }
  }

  private configFolder(file: string): void {
    const passed: string[] = [];
    let found: string | null = null;
    for (const folder of foldersAbove(file)) {
      const known = this.configFolderOf.get(folder);
      if (known !== undefined) {
        found = known;
        break;
      }
      passed.push(folder);
      if (this.host.readFile(joinPath(folder, TSCONFIG)) !== undefined) {
        found = folder;
        this.configs.set(folder, readPathMapping(this.host, joinPath(folder, TSCONFIG)));
        break;
      }
      if (folder === this.root || !folder.startsWith(this.root)) break;
    }
    for (const folder of passed) this.configFolderOf.set(folder, found);
  }

  private workspacePackage(file: string): void {
    this.inWorkspace ??= workspaceMatcher(workspaceGlobs(this.host, this.root));
    for (const folder of foldersAbove(file)) {
      if (folder === this.root || !folder.startsWith(`${this.root}/`)) return;
      if (this.packageFolders.has(folder)) {
        if (this.packageFolders.get(folder)) return;
        continue;
      }
      const relative = folder.slice(this.root.length + 1);
      const found = this.inWorkspace(relative) ? (readWorkspacePackage(this.host, folder) ?? null) : null;
      this.packageFolders.set(folder, found);
      if (found) return;
    }
  }
}

/**
 * The files not yet reaching whose classes hold a field typed with an interface (`constructor(private items: ItemRepository)`) that a
 * class of a reaching file implements, both naming it from the same file: its own, or a barrel that re-exports it.
 */
function portHolders(
  all: readonly { file: string; signals: SyntaxSignals }[],
  signalsOf: ReadonlyMap<string, SyntaxSignals>,
  importers: ReadonlyMap<string, readonly string[]>,
  reaching: ReadonlySet<string>,
): string[] {
  const implementers = new Map<string, string[]>();
  for (const { file, signals } of all) {
    if (!reaching.has(file)) continue;
    for (const name of signals.implemented) {
      const files = implementers.get(name);
      if (files) files.push(file);
      else implementers.set(name, [file]);
    }
  }
  if (implementers.size === 0) return [];
  const holders = new Set<string>();
  for (const { file, signals } of all) {
    const ports = signals.interfaces.filter((name) => implementers.has(name));
    if (ports.length === 0) continue;
    const naming = namingFiles(file, ports, importers, signalsOf);
    const users = new Set([...naming].flatMap((named) => importers.get(named) ?? []));
    for (const port of ports) {
      if (!implementers.get(port)!.some((implementer) => naming.has(implementer) || users.has(implementer))) continue;
      for (const user of users) if (!reaching.has(user) && signalsOf.get(user)?.heldTypes.includes(port)) holders.add(user);
    }
  }
  return [...holders];
}

/** The files not yet reaching that call finders on a field of `this` (see `SyntaxSignals.heldFinders`) and that a reaching file imports: one that can hand them a model. */
function modelHolders(
  all: readonly { file: string; signals: SyntaxSignals }[],
  importers: ReadonlyMap<string, readonly string[]>,
  reaching: ReadonlySet<string>,
): string[] {
  return all.flatMap(({ file, signals }) => (signals.heldFinders && importedByReaching(file, importers, reaching) ? [file] : []));
}

/** Whether a file not yet reaching a database is imported by one that reaches. */
function importedByReaching(file: string, importers: ReadonlyMap<string, readonly string[]>, reaching: ReadonlySet<string>): boolean {
  return !reaching.has(file) && (importers.get(file) ?? []).some((importer) => reaching.has(importer));
}

/**
 * The re-export-only files a reaching file imports, and the barrels they re-export, however deep: a name imported through a package's
 * barrel (`import { wait } from '@acme/shared'`) resolves by their facts. A barrel runs nothing, so reach does not go on to its importers.
 */
function addImportedBarrels(
  all: readonly { file: string; signals: SyntaxSignals }[],
  importers: ReadonlyMap<string, readonly string[]>,
  reaching: Set<string>,
  declares: (file: string) => boolean,
): void {
  const barrels = all.flatMap(({ file, signals }) => (signals.reexportsOnly && !reaching.has(file) ? [file] : []));
  const imported = (file: string): boolean => importedByReaching(file, importers, reaching);
  for (let added = barrels.filter(imported); added.length > 0; added = barrels.filter(imported))
    for (const barrel of added) {
      reaching.add(barrel);
      declares(barrel);
    }
}

/** The file that declares interfaces, and the barrels that re-export them (`export * from './item-repository'`), however deep. */
function namingFiles(
  file: string,
  names: readonly string[],
  importers: ReadonlyMap<string, readonly string[]>,
  signalsOf: ReadonlyMap<string, SyntaxSignals>,
): Set<string> {
  const naming = new Set([file]);
  const queue = [file];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const importer of importers.get(next) ?? []) {
      const signals = signalsOf.get(importer);
      if (naming.has(importer) || !signals) continue;
      if (signals.reexportsOnly || signals.reexportsAll.length > 0 || signals.interfaces.some((name) => names.includes(name))) {
        naming.add(importer);
        queue.push(importer);
      }
    }
  }
  return naming;
}

/** A test file's facts without the functions and methods it uses and the interfaces its doubles implement; none when that is all they held. */
function withoutTestOnlyFacts(facts: ProjectFacts): ProjectFacts | undefined {
  const { functionCalls: _uses, methodCalls: _methodUses, methodLists: _methodLists, implementations: _doubles, ...rest } = facts;
  return declaresBeyondUses(rest) ? rest : undefined;
}

/** The importers of each file, where a mixin also counts as importing the files that apply it: its members run on their module object. */
function withMixins(
  importers: ReadonlyMap<string, readonly string[]>,
  all: readonly { file: string; signals: SyntaxSignals }[],
): ReadonlyMap<string, readonly string[]> {
  const mixins = all.filter(({ signals }) => signals.mixin);
  if (mixins.length === 0) return importers;
  const joined = new Map(importers);
  for (const { file } of mixins) for (const applier of importers.get(file) ?? []) joined.set(applier, [...(joined.get(applier) ?? []), file]);
  return joined;
}
