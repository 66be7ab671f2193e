import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type ts from 'typescript';
import {
  childProcessFiles,
  ConfigError,
  isSourceFile,
  LineIndex,
  lineTextAt,
  projectFactsReach,
  declaresBeyondUses,
  renderHtmlReport,
  RULE_IDS,
  SOURCE_EXTENSIONS,
  type ProjectFacts,
  type ReportData,
  type FileRole,
  type ReportDirective,
  type ReportFinding,
  type RuleId,
  type SeveritySetting,
  type SyntaxSignals,
  type ImporterInputs,
  type ImportersCache,
  type ProjectHost,
  ProjectFactsModel,
} from '../../rules/src/data';
import type { TextScreen } from '../../rules/src';
import { Disk, DiskRecord, inside, loadBundle, NoSuchPathError, Workspace, type FileListing } from '../../workspace/src';
import type * as Analysis from './analysis';
import { parseArgs, UsageError, USAGE, type CliOptions } from './args';
import { applySuppressionsFile, type BaselineOutcome } from './baseline';
import { contentHash, ResultCache, type CachedFinding } from './cache';
import { formatCompact } from './formats/compact';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText, summaryLine } from './formats/text';
import { LastRun } from './last-run';
import type { FileError, FileSettings, LintSettings, LintTask } from './lint-file';
import { Progress } from './progress';
import { isTemporaryName, removeLeftoverTemporaries } from './write-file';
import { escapeControl } from './terminal';

/** Where the command writes; tests and the entry point pass the process's own. */
export interface RunIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Standard input, the process's own when absent: read only with `--stdin`. */
  stdin?: NodeJS.ReadableStream;
}

/** Below this many files to analyze, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 300;

/** The bundled analysis, next to the bundled command: loaded from its code cache, and what the bundler maps `require('./analysis')` to. */
const ANALYSIS_PATH = path.join(__dirname, 'cli-analysis.js');

let analysisModule: typeof Analysis | undefined;

/** The analysis (TypeScript's parser and the rules), loaded on first need: --help, --version and a fully cached run never load it. */
function analysis(): typeof Analysis {
  // The built command has the analysis bundle and its compiled code beside it; compiled from source (the tests), it requires the module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  analysisModule ??= (fs.existsSync(ANALYSIS_PATH) ? loadBundle(ANALYSIS_PATH).exports : require('./analysis')) as typeof Analysis;
  return analysisModule;
}

/** What one file's analysis gives the report. */
interface FileResults {
  findings: ReportFinding[];
  unusedDirectives: ReportDirective[];
  error?: FileError;
  unchecked?: FileRole;
}

/** A file read for analysis. */
interface SourceFile {
  file: string;
  display: string;
  hash: string;
  dependencies: readonly string[];
  signals?: SyntaxSignals;
  /** What the analysis reads of the text before parsing it, when this run read the text. */
  screen?: TextScreen;
  settings: FileSettings;
}

/** A file listed for analysis, with its configuration. */
interface ListedFile {
  file: string;
  settings: FileSettings;
  dependencies: readonly string[];
}

/** What a run tells the terminal before its report: kept with the report, so that a run that reuses it says the same. */
interface Notes {
  readonly lines: string[];
  write(line: string): void;
}

/** What a run found, before the baseline and `--quiet` filter it. */
interface RunResult {
  data: ReportData;
  /** Each rule's severity in most files, which SARIF states once per rule. */
  rules: Partial<Record<RuleId, SeveritySetting>>;
  fixed: { problems: number; files: number };
  /** Absolute paths the run covered: baseline entries outside them are left alone. */
  scope: string[];
  /** With `--fix-dry-run`: the unified diff of each file the fixes would change. */
  previews?: string[];
  /** Files whose analysis failed: their findings may be missing. */
  failedFiles?: number;
}

/** Runs the command; resolves with its exit status. */
export async function run(argv: readonly string[], io: RunIo): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    if (options.version) {
      io.stdout.write(`${toolVersion()}\n`);
      return 0;
    }
    const display = displayPath(io.cwd);
    const notes: Notes = {
      lines: [],
      write(line) {
        this.lines.push(line);
        io.stderr.write(line);
      },
    };
    // A run over paths that may reuse its report next time records every path it reads.
    const reusable = options.cache && !options.stdin && !options.fix && !options.fixDryRun && options.debug.length === 0;
    const workspace = new Workspace({
      ...(options.config && { explicitFile: path.resolve(io.cwd, options.config) }),
      display,
      onUnreadableProjectFile: (file, reason) =>
        notes.write(
          `perf-lint: note: ${escapeControl(display(file))} is not read (${reason}); the dependencies, paths and packages it declares are not used\n`,
        ),
      disk: new Disk(reusable ? new DiskRecord() : undefined),
    });
    const result = options.stdin ? await lintStdin(options, workspace, io) : await lintPaths(options, workspace, io, notes);
    return result ? report(options, result, io) : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof NoSuchPathError) {
      io.stderr.write(`perf-lint: ${escapeControl(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * Lints the files under the named paths; undefined when `--debug files` asked only for the listing.
 * When every path the last such run read is unchanged, its report is this run's.
 */
async function lintPaths(options: CliOptions, workspace: Workspace, io: RunIo, notes: Notes): Promise<RunResult | undefined> {
  const startedAt = Date.now();
  const { disk } = workspace;
  const lastRun = disk.record && LastRun.open(io.cwd, cacheLocation(options, io), toolFingerprint(), runKey(options, io));
  const reused = lastRun?.reuse();
  if (reused) {
    for (const line of reused.notes) io.stderr.write(line);
    if (debugging(io, 'cache')) io.stderr.write("perf-lint: cache: the last run's report, as nothing it read has changed\n");
    return { ...reused.result, fixed: { problems: 0, files: 0 } };
  }
  const display = displayPath(io.cwd);
  const folders = new ListedFolders();
  const listing = await workspace.listFiles(options.paths, { cwd: io.cwd, onFolder: folders.note });
  for (const note of listing.notes) notes.write(`perf-lint: note: ${escapeControl(note)}\n`);
  if (options.debug.includes('files')) {
    io.stdout.write(debugFiles(listing, display));
    return undefined;
  }
  const scope = options.paths.map((given) => path.resolve(io.cwd, given));
  // A file named explicitly that is no source already has its note.
  const unmatched = scope.filter((target) => disk.statSync(target)?.isDirectory() && !listing.files.some((file) => inside(target, file) !== undefined));
  if (unmatched.length > 0) {
    throw new UsageError(
      `no files to lint in ${unmatched.map((target) => display(target)).join(', ')} (sources are ${SOURCE_EXTENSIONS.join(' ')}; ignored and excluded files are skipped)`,
    );
  }
  const skipped: ReportData['skipped'] = listing.skipped.map((entry) => ({ file: display(entry.path), reason: entry.reason }));
  const listed = await configureFiles(workspace, listing.files, options);
  // The analysis asks whether a configured helper module exists (to import it rather than write one): the answer is part of what the run read.
  for (const helperModule of new Set(listed.map((entry) => entry.settings.helperModule))) if (helperModule) disk.existsSync(helperModule);
  const top = workspace.projectRoot(io.cwd, scope);
  const context = await projectContext(workspace, scope, top, listing, options, io.cwd, folders);
  const cache = openCache(options, io);
  if (cache.refused) io.stderr.write(`perf-lint: note: the cache is not used: ${escapeControl(cache.refused)}\n`);
  // A fix killed between writing its temporary file and renaming it left that file behind.
  for (const folder of new Set(listed.map((item) => path.dirname(item.file)))) if (folders.mayHoldTemporaries(folder)) removeLeftoverTemporaries(folder);

  // The project model resolves imports as the project does (tsconfig paths, workspace packages); it reads each file's facts from the cache or the analysis.
  const contextFiles = new Set(context.map((entry) => entry.file));
  const createModel = (): ProjectFactsModel => new ProjectFactsModel(folders.host(workspace.projectHost), top, importersIn(cache));
  const read = readSources([...listed, ...context], contextFiles, cache, disk, display, skipped, io.stderr, createModel);
  const { declaring, model } = read;
  markOneOffFiles(read.sources, model ?? createModel(), top);
  const sources = contextFiles.size > 0 ? read.sources.filter((source) => !contextFiles.has(source.file)) : read.sources;
  // No file declares anything: the rules get no index rather than an empty one. The index is merged only when a file is analyzed; its inputs key the cache.
  // A file's facts follow from its path and content under one build of the tool (which keys the whole cache): its content hash stands for them.
  const modelsKey = stableHash(
    declaring.length > 0 && model
      ? {
          declaring,
          resolution: model.resolution(),
          fixedLists: model.fixedLists(),
          settledAsync: model.settledAsync(),
          fixedReturns: model.fixedReturns(),
          enqueuesOnly: model.enqueuesOnly(),
          itemCallbacks: model.itemCallbacks(),
          inMemorySchemas: model.inMemorySchemas(),
          reexportsAll: model.reexportsAll(),
          implemented: model.implemented(),
          methodNames: model.methodNames(),
          collectionFields: model.collectionFields(),
          globalModels: model.globalModels(),
          graphqlTypes: model.graphqlTypes(),
          programs: model.programs(),
        }
      : null,
  );
  // Files of one package share one dependency list (the same array): hashed once per list, not once per file.
  const dependencyKeys = new Map<readonly string[], string>();
  // Most files share their settings with many others: a key is hashed once per distinct settings and dependencies.
  const keys = new Map<string, string>();
  const keyOf = (source: SourceFile): string => {
    let dependencies = dependencyKeys.get(source.dependencies);
    if (dependencies === undefined) dependencyKeys.set(source.dependencies, (dependencies = stableHash(source.dependencies)));
    const inputs = `${dependencies}\0${stableJson(source.settings)}`;
    let key = keys.get(inputs);
    if (key === undefined) keys.set(inputs, (key = stableHash({ modelsKey, settings: source.settings, dependencies, top })));
    return key;
  };

  // Findings from the cache where it holds them, from analysis otherwise.
  const results = new Map<string, FileResults>();
  const stale: SourceFile[] = [];
  for (const source of sources) {
    const cached = cache.results(source.file, source.hash, keyOf(source));
    if (cached && !((options.fix || options.fixDryRun) && cached.findings.some((finding) => finding.fixable))) {
      const relabel = <T extends { file: string }>(rows: readonly T[] | undefined): T[] => (rows ?? []).map((row) => ({ ...row, file: source.display }));
      results.set(source.file, { ...cached, findings: withLineText(disk, source, cached.findings), unusedDirectives: relabel(cached.unusedDirectives) });
    } else {
      stale.push(source);
    }
  }
  const workers = workerCount(io.env, stale.length);
  const fixed = { problems: 0, files: 0 };
  const previews: string[] = [];
  if (stale.length > 0) {
    const settings: LintSettings = { models: declaring.length > 0 && model ? model.snapshot() : undefined, top };
    const analyzing = new Progress(io.stderr, 'analyzing', stale.length);
    let analyzed = 0;
    const tasks: LintTask[] = stale.map((source) => ({
      file: source.file,
      display: source.display,
      hash: source.hash,
      dependencies: source.dependencies,
      ...(source.signals && { signals: source.signals }),
      ...(source.screen && { screen: source.screen }),
      settings: source.settings,
      fix: options.fix || options.fixDryRun,
      dryRun: options.fixDryRun && !options.fix,
    }));
    const outcomes = await analysis().lintAll(tasks, settings, workers, () => analyzing.update(++analyzed));
    analyzing.clear();
    stale.forEach((source, index) => {
      const outcome = outcomes[index]!;
      const result: FileResults = {
        findings: outcome.findings,
        unusedDirectives: outcome.unusedDirectives,
        ...(outcome.error !== undefined && { error: outcome.error }),
        ...(outcome.unchecked && { unchecked: outcome.unchecked }),
      };
      results.set(source.file, result);
      cache.storeResults(source.file, outcome.hash, keyOf(source), result);
      if (outcome.fixed > 0) {
        fixed.problems += outcome.fixed;
        fixed.files++;
      }
      if (outcome.fixError) io.stderr.write(`perf-lint: ${escapeControl(source.display)}: ${escapeControl(outcome.fixError)}\n`);
      if (outcome.preview) previews.push(outcome.preview);
    });
  }
  cache.save(io.cwd);
  if (debugging(io, 'cache')) {
    io.stderr.write(`perf-lint: cache: ${cache.hits} hits, ${stale.length} analyzed, ${workers} workers\n`);
    io.stderr.write(`perf-lint: unchanged since stamped, not read: ${read.unread} of ${listed.length + context.length} files\n`);
  }
  const data = reportData(options.paths.map((given) => display(path.resolve(io.cwd, given))).join(', '), sources, results, skipped);
  const failedFiles = [...results.values()].filter((result) => result.error?.kind === 'rule-failed' || result.error?.kind === 'failed').length;
  const rules = commonSeverities(listed.map((entry) => entry.settings));
  // A failed analysis may not fail again: such a run is not kept.
  if (lastRun && disk.record && failedFiles === 0) {
    lastRun.store(disk.record, startedAt, notes.lines, { data, rules, scope }, new Map(sources.map((source) => [source.display, source.file])));
  }
  return { data, rules, fixed, scope, previews, failedFiles };
}

/**
 * The project's files outside the given paths, when those do not cover it, and its declaration
 * files: read for what they tell the given files (the queries their imports run, who imports them,
 * the types they name), never reported, so that a run on some files finds what a run on the whole
 * project finds there.
 */
async function projectContext(
  workspace: Workspace,
  scope: readonly string[],
  top: string,
  given: Pick<FileListing, 'files' | 'declarations'>,
  options: CliOptions,
  cwd: string,
  folders?: ListedFolders,
): Promise<ListedFile[]> {
  // The whole project is named, or a target lies outside it: no other file of it tells the targets anything but the types it declares.
  if (scope.some((target) => inside(target, top) !== undefined) || scope.some((target) => inside(top, target) === undefined))
    return configureFiles(workspace, given.declarations, options);
  const project = await workspace.listFiles([top], { cwd, ...(folders && { onFolder: folders.note }) });
  const listed = new Set(given.files);
  return configureFiles(workspace, [...project.files.filter((file) => !listed.has(file)), ...project.declarations], options);
}

/** Where file names are usually case-insensitive, a probe for `tsconfig.json` opens `TSConfig.json`: names compare folded there. */
const foldCase = process.platform === 'win32' || process.platform === 'darwin' ? (name: string): string => name.toLowerCase() : (name: string): string => name;

/**
 * The names in each folder this run's listing read: the project model does not probe a folder
 * again for a tsconfig.json or package.json it did not hold (each probe of a missing file is a
 * failed open), and a folder that held no temporary file is not read again to clean up.
 */
class ListedFolders {
  private readonly names = new Map<string, ReadonlySet<string>>();
  private readonly withTemporaries = new Set<string>();

  readonly note = (folder: string, names: readonly string[]): void => {
    this.names.set(folder, new Set(names.map(foldCase)));
    if (names.some(isTemporaryName)) this.withTemporaries.add(folder);
  };

  /** False only for a file its folder did not hold when listed. */
  mayExist(file: string): boolean {
    return this.names.get(path.dirname(file))?.has(foldCase(path.basename(file))) ?? true;
  }

  mayHoldTemporaries(folder: string): boolean {
    return !this.names.has(folder) || this.withTemporaries.has(folder);
  }

  /** `host` without the reads of files the listing saw were not there. */
  host(host: ProjectHost): ProjectHost {
    return { readFile: (file) => (this.mayExist(file) ? host.readFile(file) : undefined) };
  }
}

/** Cached findings with the line of code each starts on, read again: the cache keeps no source text. */
function withLineText(disk: Disk, source: SourceFile, findings: readonly CachedFinding[]): ReportFinding[] {
  if (findings.length === 0) return [];
  const current = unchangedText(disk, source) ?? '';
  const lines = new LineIndex(current);
  return findings.map((finding) => ({ ...finding, file: source.display, lineText: current && lineTextAt(current, lines, finding.line) }));
}

/** Each file's configuration (with `--rule` over it) and dependencies; files whose configuration says `"enable": false` are left out. */
async function configureFiles(workspace: Workspace, files: readonly string[], options: CliOptions): Promise<ListedFile[]> {
  // Files side by side: each folder's configuration and package.json are read once, and the reads of different folders overlap.
  const configured = await Promise.allSettled(
    files.map(async (file): Promise<ListedFile | undefined> => {
      const settings = await fileSettings(workspace, file, options);
      if (!settings) return undefined;
      const dependencies = await workspace.dependenciesOf(file);
      return {
        file,
        settings: { ...settings, ...(dependencies.root && { packageRoot: dependencies.root }), ...(dependencies.commandLine && { commandLine: true }) },
        dependencies: dependencies.sorted,
      };
    }),
  );
  // A broken configuration is reported as the first file it applies to meets it, as when the files were taken one by one.
  const failed = configured.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return configured.flatMap((outcome) => (outcome.status === 'fulfilled' && outcome.value ? [outcome.value] : []));
}

/** A file's configuration with `--rule` over it; undefined when it says `"enable": false`. */
async function fileSettings(workspace: Workspace, file: string, options: CliOptions): Promise<FileSettings | undefined> {
  const { config } = await workspace.configFor(file);
  if (!config.enable) return undefined;
  return {
    rules: { ...config.rules, ...options.rules },
    ruleOptions: config.ruleOptions,
    concurrencyLimit: config.concurrencyLimit,
    ...(config.fixes.helperModule && { helperModule: config.fixes.helperModule }),
    maxFileSize: config.maxFileSize,
    roles: config.roles,
    ...(config.role && { role: config.role }),
  };
}

/** SARIF states one severity per rule: the one most files have (none when no file is analyzed: the rule's default with `--rule`). */
function commonSeverities(settings: readonly FileSettings[]): Partial<Record<RuleId, SeveritySetting>> {
  const severities: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const id of RULE_IDS) {
    const counts = new Map<SeveritySetting | undefined, number>();
    for (const { rules } of settings) counts.set(rules[id], (counts.get(rules[id]) ?? 0) + 1);
    const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (common) severities[id] = common;
  }
  return severities;
}

/** `--debug files`: what would be analyzed, and what is left out and why; nothing is analyzed. */
function debugFiles(listing: FileListing, display: (file: string) => string): string {
  const lines = [`Files to analyze (${listing.files.length}):`, ...listing.files.map((file) => `  ${display(file)}`)];
  lines.push(`Not analyzed (${listing.skipped.length}):`, ...listing.skipped.map((entry) => `  ${display(entry.path)}  ${entry.reason}`));
  lines.push(`Ignored (${listing.ignored.length}):`, ...listing.ignored.map((entry) => `  ${display(entry.path)}  ${entry.reason}`));
  lines.push(`Read for their types only (${listing.declarations.length}):`, ...listing.declarations.map((file) => `  ${display(file)}`));
  return `${lines.join('\n')}\n`;
}

/** Lints standard input as the file `--stdin-filename` names: its configuration and dependencies, what the one file shows. */
async function lintStdin(options: CliOptions, workspace: Workspace, io: RunIo): Promise<RunResult> {
  if (options.stdinFilename !== undefined && !isSourceFile(options.stdinFilename)) {
    throw new UsageError(`--stdin-filename ${options.stdinFilename}: not a file perf-lint reads (${SOURCE_EXTENSIONS.join(' ')})`);
  }
  const file = path.resolve(io.cwd, options.stdinFilename ?? 'stdin.ts');
  const display = options.stdinFilename === undefined ? '<stdin>' : displayPath(io.cwd)(file);
  const text = await readAll(io.stdin ?? process.stdin);
  const settings = await fileSettings(workspace, file, options);
  if (!settings) return { data: { root: display, files: 0, findings: [], skipped: [] }, rules: {}, fixed: { problems: 0, files: 0 }, scope: [file] };
  const dependencies = await workspace.dependenciesOf(file);
  const top = workspace.projectRoot(io.cwd, [file]);
  const own: SourceFile = {
    file,
    display,
    hash: '',
    dependencies: dependencies.sorted,
    settings: { ...settings, ...(dependencies.root && { packageRoot: dependencies.root }), ...(dependencies.commandLine && { commandLine: true }) },
  };
  // Named as a file of the project, the text gets what a run over the project would find in that file.
  const models = options.stdinFilename === undefined ? undefined : await stdinProjectModels(own, text, workspace, options, io, top);
  const task: LintTask = { file, display, hash: '', dependencies: own.dependencies, settings: own.settings, fix: false };
  const outcome = analysis().lintText(text, task, { models, top });
  const result: FileResults = {
    findings: outcome.findings,
    unusedDirectives: outcome.unusedDirectives,
    ...(outcome.error !== undefined && { error: outcome.error }),
  };
  const data = reportData(display, [{ ...own, hash: outcome.hash, settings }], new Map([[file, result]]), []);
  return { data, rules: settings.rules, fixed: { problems: 0, files: 0 }, scope: [file] };
}

/**
 * The project model for text read from standard input as `own.file`: the rest of the project read
 * as for named files, with the text standing in for the file on disk. Marks `own`'s settings as a
 * file run only by one-off programs or in a child process when the project says so.
 */
async function stdinProjectModels(own: SourceFile, text: string, workspace: Workspace, options: CliOptions, io: RunIo, top: string): Promise<unknown> {
  const context = await projectContext(workspace, [own.file], top, { files: [own.file], declarations: [] }, options, io.cwd);
  const cache = openCache(options, io);
  const createModel = (): ProjectFactsModel => new ProjectFactsModel(workspace.projectHost, top, importersIn(cache));
  const read = readSources(context, new Set(context.map((entry) => entry.file)), cache, workspace.disk, displayPath(io.cwd), [], io.stderr, createModel);
  cache.save(io.cwd);
  const { signals, sourceFile } = analysis().readSyntax(text, own.file);
  own.signals = signals;
  const model = read.model ?? createModel();
  const ownFacts = projectFactsReach(signals) === 'declarations' ? collectFacts(text, own.file, sourceFile) : undefined;
  if (ownFacts) model.setFacts(own.file, ownFacts);
  markOneOffFiles([...read.sources, own], model, top);
  return read.declaring.length > 0 || ownFacts ? model.snapshot() : undefined;
}

/** Applies the baseline and `--quiet`, writes the report, and gives the exit status. */
function report(options: CliOptions, result: RunResult, io: RunIo): number {
  const baseline = applySuppressionsFile(options, result.data.findings, result.scope, io.cwd);
  for (const note of baseline.notes) io.stderr.write(`perf-lint: ${note}\n`);
  let data: ReportData = { ...result.data, findings: baseline.reported };
  if (options.quiet) data = { ...data, findings: data.findings.filter((finding) => finding.severity === 'error'), unusedDirectives: [] };
  if (options.fixDryRun && !options.fix) {
    // The diff alone on standard output, so that it can go to `git apply`; the findings are those of the files as they are.
    for (const preview of result.previews ?? []) io.stdout.write(preview);
    const { problems, files } = result.fixed;
    io.stderr.write(
      `perf-lint: --fix-dry-run: ${problems} fix${problems === 1 ? '' : 'es'} in ${files} file${files === 1 ? '' : 's'} would be applied; nothing was written\n`,
    );
    return exitStatus(options, data, io);
  }
  const color = useColor(options, io);
  const text = render(options, data, io, { fixed: result.fixed, rules: result.rules, baseline, color });
  if (options.outputFile === undefined) {
    io.stdout.write(text);
  } else {
    const target = path.resolve(io.cwd, options.outputFile);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    } catch (error) {
      throw new UsageError(`cannot write the report to ${options.outputFile}: ${(error as Error).message}`);
    }
    io.stdout.write(`${summaryLine(data, color)} Report written to ${options.outputFile}.\n`);
  }
  const status = exitStatus(options, data, io);
  const failed = result.failedFiles ?? 0;
  if (failed === 0) return status;
  // A failed analysis is never a clean result.
  io.stderr.write(`perf-lint: findings may be missing: the analysis failed in ${failed} ${failed === 1 ? 'file' : 'files'} (listed as not analyzed)\n`);
  return 2;
}

/**
 * Reads every file and gathers what the files tell about the project (ORM models), holding no text
 * past its file; lists those it cannot read, except files read only for context.
 */
function readSources(
  files: readonly ListedFile[],
  contextFiles: ReadonlySet<string>,
  cache: ResultCache,
  disk: Disk,
  display: (file: string) => string,
  skipped: ReportData['skipped'],
  stderr: NodeJS.WriteStream,
  createModel: () => ProjectFactsModel,
): { sources: SourceFile[]; declaring: Array<[string, string]>; model?: ProjectFactsModel; unread: number } {
  // Made when a file reaches a database; it loads no parser, so a run whose files are all cached never loads the analysis.
  let model: ProjectFactsModel | undefined;
  const sources: SourceFile[] = [];
  // The files that declare something and their content hashes, in the order the model took their facts.
  const declaring: Array<[string, string]> = [];
  let unread = 0;
  const reading = new Progress(stderr, 'reading', files.length);
  // Whether each file whose facts were read declares anything: only those lead their importers to a query.
  const declares = new Map<string, boolean>();
  /** A file's facts from the cache or read now; undefined when the file changed since its first read (it is left to its own analysis). */
  const factsOf = (source: SourceFile, text: () => string | undefined, sourceFile?: ts.SourceFile): ProjectFacts | null | undefined => {
    let fileFacts = cache.facts(source.file, source.hash);
    if (fileFacts === undefined) {
      const current = text();
      if (current === undefined) return undefined;
      fileFacts = collectFacts(current, source.file, sourceFile) ?? null;
      cache.storeFacts(source.file, source.hash, fileFacts ?? undefined);
    }
    declares.set(source.file, fileFacts !== null && declaresBeyondUses(fileFacts));
    return fileFacts;
  };
  const addFacts = (source: SourceFile, fileFacts: ProjectFacts | null | undefined): void => {
    if (fileFacts === undefined) return;
    if (fileFacts) declaring.push([source.file, source.hash]);
    (model ??= createModel()).setFacts(source.file, fileFacts ?? undefined);
  };
  files.forEach(({ file, settings, dependencies }, index) => {
    reading.update(index);
    // A file whose size, times and inode are those it had when its signals were cached is not read at all.
    const unchanged = cache.hasStamp(file) ? cache.unchangedHash(file, disk.statSync(file), settings.maxFileSize) : undefined;
    let signals = unchanged === undefined ? undefined : cache.signals(file, unchanged);
    let text: string | undefined;
    let hash = unchanged;
    if (!signals || hash === undefined) {
      const read = readSource(disk, file, settings.maxFileSize);
      if (!('text' in read)) {
        if (!contextFiles.has(file)) skipped.push({ file: display(file), reason: read.reason });
        return;
      }
      text = read.text;
      hash = contentHash(text);
      if (read.stat) cache.storeStamp(file, hash, read.stat);
      signals = cache.signals(file, hash);
    } else {
      unread++;
    }
    // The tree the signals were read from serves the file's facts too: one TypeScript parse for both.
    let sourceFile: ts.SourceFile | undefined;
    let screen: TextScreen | undefined;
    if (!signals) {
      ({ signals, sourceFile } = analysis().readSyntax(text!, file));
      cache.storeSignals(file, hash, signals);
      if (!contextFiles.has(file)) screen = analysis().screenText(text!, settings.maxFileSize);
    }
    const source: SourceFile = { file, display: display(file), hash, dependencies, signals, ...(screen && { screen }), settings };
    sources.push(source);
    if (projectFactsReach(signals) !== 'declarations') return;
    const fileFacts = factsOf(source, () => text ?? unchangedText(disk, source), sourceFile);
    addFacts(source, fileFacts);
  });
  // Whether a blocking call runs only at boot is known from the calls of the files that import its function.
  const bootAsked = new Set(sources.flatMap((source) => (source.signals?.blockingName ? [source.file] : [])));
  if (bootAsked.size > 0) model ??= createModel();
  // Which files import a file that reaches a database is known once every file's imports are; their text is read again rather than held meanwhile.
  // Without a file that reaches a database, no file can import one. Reach passes only through files that declare something, whose facts are read as it does.
  if (model) {
    const byFile = new Map(sources.map((source) => [source.file, source]));
    const importing = new Map<string, ProjectFacts | null | undefined>();
    const signalled = sources.flatMap((source) => (source.signals ? [{ file: source.file, signals: source.signals }] : []));
    for (const file of model.importersOfAny(signalled, bootAsked)) {
      const source = byFile.get(file)!;
      if (!declares.has(file))
        importing.set(
          file,
          factsOf(source, () => unchangedText(disk, source)),
        );
    }
    model.reachingDatabase(signalled, (file) => {
      const source = byFile.get(file)!;
      if (!declares.has(file))
        importing.set(
          file,
          factsOf(source, () => unchangedText(disk, source)),
        );
      return declares.get(file) ?? false;
    });
    // In the order of the files, as the index has always been merged.
    for (const source of sources) if (importing.has(source.file)) addFacts(source, importing.get(source.file));
    // A literal list any file exports is known where it is imported, whether or not the index holds its file.
    // So are the interfaces any file's classes implement: a port with two adapters stands for neither.
    for (const source of sources)
      if (
        source.signals?.fixedLists.length ||
        source.signals?.settledAsync.length ||
        source.signals?.fixedReturns.length ||
        source.signals?.enqueuesOnly.length ||
        source.signals?.itemCallbacks.length ||
        source.signals?.inMemorySchemas.length ||
        source.signals?.reexportsAll.length ||
        source.signals?.implemented.length ||
        source.signals?.methodNames.length ||
        source.signals?.collectionFields.length ||
        source.signals?.globalModels.length ||
        source.signals?.graphqlTypes.length
      ) {
        model.setSignals(source.file, source.signals);
        // A model file of a framework that makes its models globals gives every file of the project a database.
        if (source.signals.globalModels.length > 0 && !importing.get(source.file)) declaring.push([source.file, source.hash]);
      }
  }
  reading.clear();
  return { sources, declaring, ...(model && { model }), unread };
}

/**
 * Known once every file's imports are: the files that run in a child process or worker thread of
 * their own, and those only one-off programs import (their settings key the cache).
 */
function markOneOffFiles(sources: SourceFile[], model: ProjectFactsModel, top: string | undefined): void {
  const read = sources.flatMap((source) => (source.signals ? [{ file: source.file, signals: source.signals }] : []));
  const children = read.some((source) => source.signals.childEntries.length > 0) ? childProcessFiles(read).files : new Set<string>();
  const scriptOnly = model.runOnlyByScripts(read, top, children);
  for (const source of sources) {
    if (children.has(source.file)) source.settings = { ...source.settings, childProcess: true };
    else if (scriptOnly.has(source.file)) source.settings = { ...source.settings, scriptOnly: true };
  }
}

/** The report, files in path order; partly analyzed files are listed with those not analyzed, as some of their code was not looked at. */
function reportData(root: string, sources: readonly SourceFile[], results: ReadonlyMap<string, FileResults>, skipped: ReportData['skipped']): ReportData {
  const findings: ReportFinding[] = [];
  const unusedDirectives: ReportDirective[] = [];
  const unchecked: NonNullable<ReportData['unchecked']> = {};
  let notAnalyzed = 0;
  for (const source of sources) {
    const result = results.get(source.file)!;
    for (const finding of result.findings) findings.push(finding);
    for (const directive of result.unusedDirectives) unusedDirectives.push(directive);
    if (result.unchecked) unchecked[result.unchecked] = (unchecked[result.unchecked] ?? 0) + 1;
    if (result.error === undefined) continue;
    if (result.error.kind !== 'partial' && result.error.kind !== 'rule-failed') notAnalyzed++;
    skipped.push({ file: source.display, reason: result.error.message.replace(/^not analyzed: /, '') });
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root, files: sources.length - notAnalyzed, findings, skipped, unusedDirectives, ...(Object.keys(unchecked).length > 0 && { unchecked }) };
}

function render(
  options: CliOptions,
  data: ReportData,
  io: RunIo,
  summary: { fixed: { problems: number; files: number }; rules: Partial<Record<RuleId, SeveritySetting>>; baseline: BaselineOutcome; color: boolean },
): string {
  switch (options.format) {
    case 'json':
      return formatJson(data);
    case 'sarif': {
      const rules = analysis().ALL_RULES.map((rule) => ({ meta: rule.meta, severity: summary.rules[rule.meta.id] ?? rule.meta.defaultSeverity }));
      return formatSarif(data, { toolVersion: toolVersion(), cwd: io.cwd, rules, docsUrl: analysis().docsUrl });
    }
    case 'html':
      return renderHtmlReport(data);
    case 'github':
      return formatGithub(data);
    case 'compact':
      return formatCompact(data);
    case 'text':
      return formatText(data, { fixed: summary.fixed, suppressed: summary.baseline.suppressed.length }, summary.color);
  }
}

/**
 * Colors on a terminal, as ESLint and most tools decide: `--color`/`--no-color` first, then
 * FORCE_COLOR (0 or false turns them off), then NO_COLOR; a report written to a file has none unless forced.
 */
function useColor(options: CliOptions, io: RunIo): boolean {
  if (options.color !== undefined) return options.color;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR) return false;
  return options.outputFile === undefined && Boolean(io.stdout.isTTY);
}

/**
 * As ESLint: 1 when there are errors, or more warnings (unused directives included) than
 * `--max-warnings` allows; warnings and info alone exit 0 without it.
 */
function exitStatus(options: CliOptions, data: ReportData, io: RunIo): number {
  const errors = data.findings.filter((finding) => finding.severity === 'error').length;
  if (options.maxWarnings === undefined) return errors > 0 ? 1 : 0;
  const warnings = data.findings.filter((finding) => finding.severity === 'warning').length + (data.unusedDirectives?.length ?? 0);
  if (warnings > options.maxWarnings) {
    io.stderr.write(`perf-lint: too many warnings (${warnings}; --max-warnings allows ${options.maxWarnings})\n`);
  }
  return errors > 0 || warnings > options.maxWarnings ? 1 : 0;
}

function displayPath(cwd: string): (file: string) => string {
  // Most files lie under the current folder: `inside` names those without resolving both paths again.
  return (file) => inside(cwd, file) || path.relative(cwd, file).split(path.sep).join('/') || '.';
}

function debugging(io: RunIo, topic: string): boolean {
  return io.env.PERF_LINT_DEBUG?.split(',').includes(topic) ?? false;
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

/** The result cache of the run, in `--cache-location` (none with `--no-cache`). */
function openCache(options: CliOptions, io: RunIo): ResultCache {
  return ResultCache.open(options.cache ? cacheLocation(options, io) : undefined, toolFingerprint(), io.cwd);
}

function cacheLocation(options: CliOptions, io: RunIo): string {
  return path.resolve(io.cwd, options.cacheLocation);
}

/**
 * What a run over paths follows from besides the files it reads and the build: its folder, its
 * paths, the options that change findings (format, output and baseline options only change how
 * they are shown), Node.js, and the tool's variables (the number of workers, which changes no
 * finding, but a run is not kept across a change of them).
 */
function runKey(options: CliOptions, io: RunIo): string {
  const variables = Object.entries(io.env).filter(([name]) => name.startsWith('PERF_LINT_') && name !== 'PERF_LINT_DEBUG');
  return stableHash({
    cwd: io.cwd,
    paths: options.paths,
    rules: options.rules,
    config: options.config === undefined ? null : path.resolve(io.cwd, options.config),
    node: process.version,
    platform: process.platform,
    variables: variables.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  });
}

/** A source's text read again, when it is still the text of its hash (the file may have changed since). */
function unchangedText(disk: Disk, source: SourceFile): string | undefined {
  const read = readSource(disk, source.file, source.settings.maxFileSize);
  return 'text' in read && contentHash(read.text) === source.hash ? read.text : undefined;
}

/** A file's text, or why it cannot be read (too large, not a regular file, unreadable, gone); the core judges the text itself. */
function readSource(disk: Disk, file: string, maxFileSize: number): { text: string; stat?: fs.Stats } | { reason: string } {
  return disk.readFileSync(file, { maxBytes: maxFileSize, limitName: 'maxFileSize' });
}

function collectFacts(text: string, file: string, sourceFile?: ts.SourceFile): ProjectFacts | undefined {
  try {
    return analysis().collectProjectFacts(text, file, sourceFile);
  } catch {
    // A file the index cannot read still gets its own analysis.
    return undefined;
  }
}

/** Worker threads to use: `PERF_LINT_WORKERS` when set (0 = none), else one per core for large runs on more than two cores. */
function workerCount(env: NodeJS.ProcessEnv, files: number): number {
  const forced = env.PERF_LINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  const cores = os.availableParallelism();
  // On two cores the bench measured workers at twice the wall time and 1.9x the memory of one thread.
  return files > WORKER_THRESHOLD && cores > 2 ? cores : 0;
}

/** The importers of a run kept in the cache, under a hash of all they follow from (hashed once for the lookup and the store after it). */
function importersIn(cache: ResultCache): ImportersCache {
  const keys = new WeakMap<ImporterInputs, string>();
  const keyOf = (inputs: ImporterInputs): string => {
    let key = keys.get(inputs);
    if (key === undefined) keys.set(inputs, (key = stableHash(inputs)));
    return key;
  };
  const filesOf = (inputs: ImporterInputs): string[] => inputs.files.map(([file]) => file);
  return {
    get: (inputs) => cache.importers(keyOf(inputs), filesOf(inputs)),
    set: (inputs, importers) => cache.storeImporters(keyOf(inputs), filesOf(inputs), importers),
  };
}

/** A hash of plain data; Maps and Sets count by their entries. */
function stableHash(value: unknown): string {
  return contentHash(stableJson(value));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Map || item instanceof Set ? [...item] : item));
}

/** The package.json of the installed tool (next to dist/, or above the compiled sources). */
function toolManifest(): { version: string; file?: string } {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        return { version: String((JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown }).version ?? '0.0.0'), file };
      } catch {
        return { version: '0.0.0', file };
      }
    }
    if (path.dirname(dir) === dir) return { version: '0.0.0' };
  }
}

function toolVersion(): string {
  return toolManifest().version;
}

/**
 * The version and the size and time of the running code (the command and its analysis bundle):
 * a rebuilt or reinstalled tool never trusts results of the previous build. Not a hash of the
 * code, which would read 11 MB on every run.
 */
function toolFingerprint(): string {
  const stamps = [__filename, ANALYSIS_PATH].map((file) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    // Without its own file the version alone keys the cache.
    return stat ? `${stat.size}:${stat.mtimeMs}` : '';
  });
  return `${toolVersion()}:${stamps.join(':')}`;
}

/** The entry point's view: the process's own arguments, folder and streams. */
export function runFromProcess(): Promise<number> {
  // Not `process.stdin`: its first use sets up a stream (some 20 ms), which a run without --stdin does not need.
  return run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
}
