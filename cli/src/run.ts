import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ALL_RULES,
  collectProjectFacts,
  ConfigError,
  exportsAnyClient,
  mergeProjectFacts,
  projectFactsReach,
  renderHtmlReport,
  syntaxSignals,
  type ProjectFacts,
  type ReportData,
  type ReportFinding,
  type RuleId,
  type SeveritySetting,
  type SyntaxSignals,
} from '../../rules/src';
import { NoSuchPathError, readWorkspaceFileSync, Workspace, type FileListing } from '../../workspace/src';
import { parseArgs, UsageError, USAGE, type CliOptions } from './args';
import { ResultCache } from './cache';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { contentHash, type FileError, type FileSettings, type LintSettings, type LintTask } from './lint-file';
import { lintAll } from './pool';
import { Progress } from './progress';

/** Where the command writes; tests and the entry point pass the process's own. */
export interface RunIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Below this many files to analyze, starting worker threads costs more than it saves. */
const WORKER_THRESHOLD = 300;

/** A file read for analysis. */
interface SourceFile {
  file: string;
  display: string;
  hash: string;
  dependencies: readonly string[];
  signals: SyntaxSignals;
  settings: FileSettings;
}

/** A file listed for analysis, with its configuration. */
interface ListedFile {
  file: string;
  settings: FileSettings;
  dependencies: readonly string[];
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
    return await lint(options, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof NoSuchPathError) {
      io.stderr.write(`perf-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function lint(options: CliOptions, io: RunIo): Promise<number> {
  const display = (file: string): string => path.relative(io.cwd, file).split(path.sep).join('/') || '.';
  const workspace = new Workspace({ ...(options.config && { explicitFile: path.resolve(io.cwd, options.config) }), display });
  const listing = await workspace.listFiles(options.paths, { cwd: io.cwd });
  for (const note of listing.notes) io.stderr.write(`perf-lint: note: ${note}\n`);
  if (options.debug.includes('files')) {
    io.stdout.write(debugFiles(listing, display));
    return 0;
  }
  const skipped: ReportData['skipped'] = listing.skipped.map((entry) => ({ file: display(entry.path), reason: entry.reason }));
  const listed = await configureFiles(workspace, listing.files, options);
  const cache = ResultCache.open(options.cache ? path.resolve(io.cwd, options.cacheLocation) : undefined, toolFingerprint());

  const { sources, facts } = readSources(listed, cache, display, skipped, io.stderr);
  // No file declares models: the rules get no index rather than an empty one.
  const models = facts.length > 0 ? mergeProjectFacts(facts) : undefined;
  const settings: LintSettings = { models };
  const modelsKey = stableHash(models ?? null);
  const keyOf = (source: SourceFile): string => stableHash({ modelsKey, settings: source.settings, dependencies: source.dependencies });

  // Findings from the cache where it holds them, from analysis otherwise.
  const results = new Map<string, { findings: ReportFinding[]; error?: FileError }>();
  const stale: SourceFile[] = [];
  for (const source of sources) {
    const cached = cache.results(source.file, source.hash, keyOf(source));
    if (cached && !(options.fix && cached.findings.some((finding) => finding.fixable))) {
      results.set(source.file, { ...cached, findings: cached.findings.map((finding) => ({ ...finding, file: source.display })) });
    } else {
      stale.push(source);
    }
  }
  const workers = workerCount(io.env, stale.length);
  const analyzing = new Progress(io.stderr, 'analyzing', stale.length);
  let analyzed = 0;
  const tasks: LintTask[] = stale.map((source) => ({
    file: source.file,
    display: source.display,
    hash: source.hash,
    dependencies: source.dependencies,
    signals: source.signals,
    settings: source.settings,
    fix: options.fix,
  }));
  const outcomes = await lintAll(tasks, settings, workers, () => analyzing.update(++analyzed));
  analyzing.clear();

  const fixed = { problems: 0, files: 0 };
  stale.forEach((source, index) => {
    const outcome = outcomes[index]!;
    results.set(source.file, { findings: outcome.findings, ...(outcome.error !== undefined && { error: outcome.error }) });
    cache.storeResults(source.file, outcome.hash, keyOf(source), outcome.findings, outcome.error);
    if (outcome.fixed > 0) {
      fixed.problems += outcome.fixed;
      fixed.files++;
    }
    if (outcome.fixError) io.stderr.write(`perf-lint: ${source.display}: ${outcome.fixError}\n`);
  });
  cache.save();
  if (io.env.PERF_LINT_DEBUG?.split(',').includes('cache')) {
    io.stderr.write(`perf-lint: cache: ${cache.hits} hits, ${stale.length} analyzed, ${workers} workers\n`);
  }

  const data = reportData(options.paths.map((given) => display(path.resolve(io.cwd, given))).join(', '), sources, results, skipped);
  io.stdout.write(render(options, data, io, { fixed, rules: sarifSeverities(listed) }));
  return exitStatus(options, data.findings, io);
}

/** Each file's configuration (with `--rule` over it) and dependencies; files whose configuration says `"enable": false` are left out. */
async function configureFiles(workspace: Workspace, files: readonly string[], options: CliOptions): Promise<ListedFile[]> {
  const listed: ListedFile[] = [];
  for (const file of files) {
    const { config } = await workspace.configFor(file);
    if (!config.enable) continue;
    const rules = { ...config.rules, ...options.rules };
    const settings: FileSettings = { rules, ruleOptions: config.ruleOptions, concurrencyLimit: config.concurrencyLimit, maxFileSize: config.maxFileSize };
    listed.push({ file, settings, dependencies: (await workspace.dependenciesOf(file)).sorted });
  }
  return listed;
}

/** SARIF states one severity per rule: the one most files have (the defaults with `--rule` when no file is analyzed). */
function sarifSeverities(listed: readonly ListedFile[]): Partial<Record<RuleId, SeveritySetting>> {
  const severities: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const rule of ALL_RULES) {
    const counts = new Map<SeveritySetting, number>();
    for (const { settings } of listed) {
      const severity = settings.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
      counts.set(severity, (counts.get(severity) ?? 0) + 1);
    }
    const common = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (common) severities[rule.meta.id] = common[0];
  }
  return severities;
}

/** `--debug files`: what would be analyzed, and what is left out and why; nothing is analyzed. */
function debugFiles(listing: FileListing, display: (file: string) => string): string {
  const lines = [`Files to analyze (${listing.files.length}):`, ...listing.files.map((file) => `  ${display(file)}`)];
  lines.push(`Not analyzed (${listing.skipped.length}):`, ...listing.skipped.map((entry) => `  ${display(entry.path)}  ${entry.reason}`));
  lines.push(`Ignored (${listing.ignored.length}):`, ...listing.ignored.map((entry) => `  ${display(entry.path)}  ${entry.reason}`));
  return `${lines.join('\n')}\n`;
}

/** Reads every file and gathers what the files tell about the project (ORM models), holding no text past its file; lists those it cannot read. */
function readSources(
  files: readonly ListedFile[],
  cache: ResultCache,
  display: (file: string) => string,
  skipped: ReportData['skipped'],
  stderr: NodeJS.WriteStream,
): { sources: SourceFile[]; facts: ProjectFacts[] } {
  const sources: SourceFile[] = [];
  const facts: ProjectFacts[] = [];
  const forwarding: SourceFile[] = [];
  const reading = new Progress(stderr, 'reading', files.length);
  const factsOf = (source: SourceFile, text: () => string | undefined): void => {
    let fileFacts = cache.facts(source.file, source.hash);
    if (fileFacts === undefined) {
      const current = text();
      // A file changed since its first read is left to its own analysis.
      if (current === undefined) return;
      fileFacts = collectFacts(current, source.file) ?? null;
      cache.storeFacts(source.file, source.hash, fileFacts ?? undefined);
    }
    if (fileFacts) facts.push(fileFacts);
  };
  files.forEach(({ file, settings, dependencies }, index) => {
    reading.update(index);
    const read = readSource(file, settings.maxFileSize);
    if (typeof read !== 'string') {
      skipped.push({ file: display(file), reason: read.reason });
      return;
    }
    const hash = contentHash(read);
    let signals = cache.signals(file, hash);
    if (!signals) {
      signals = syntaxSignals(read, file);
      cache.storeSignals(file, hash, signals);
    }
    const source = { file, display: display(file), hash, dependencies, signals, settings };
    sources.push(source);
    const reach = projectFactsReach(source.signals);
    if (reach === 'declarations') factsOf(source, () => read);
    else if (reach === 'forwards') forwarding.push(source);
  });
  // A forwarded query leads somewhere only when a file exports a client; the text is read again rather than held meanwhile.
  if (exportsAnyClient(facts)) {
    for (const source of forwarding) {
      factsOf(source, () => {
        const text = readSource(source.file, source.settings.maxFileSize);
        return typeof text === 'string' && contentHash(text) === source.hash ? text : undefined;
      });
    }
  }
  reading.clear();
  return { sources, facts };
}

/** The report, files in path order; partly analyzed files are listed with those not analyzed, as some of their code was not looked at. */
function reportData(
  root: string,
  sources: readonly SourceFile[],
  results: ReadonlyMap<string, { findings: ReportFinding[]; error?: FileError }>,
  skipped: ReportData['skipped'],
): ReportData {
  const findings: ReportFinding[] = [];
  let notAnalyzed = 0;
  for (const source of sources) {
    const result = results.get(source.file)!;
    findings.push(...result.findings);
    if (result.error === undefined) continue;
    if (result.error.kind !== 'partial' && result.error.kind !== 'rule-failed') notAnalyzed++;
    skipped.push({ file: source.display, reason: result.error.message.replace(/^not analyzed: /, '') });
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { root, files: sources.length - notAnalyzed, findings, skipped };
}

function render(
  options: CliOptions,
  data: ReportData,
  io: RunIo,
  summary: { fixed: { problems: number; files: number }; rules: Partial<Record<RuleId, SeveritySetting>> },
): string {
  switch (options.format) {
    case 'json':
      return formatJson(data);
    case 'sarif': {
      const severities = Object.fromEntries(ALL_RULES.map((rule) => [rule.meta.id, summary.rules[rule.meta.id] ?? rule.meta.defaultSeverity]));
      return formatSarif(data, { toolVersion: toolVersion(), cwd: io.cwd, severities: severities as Record<RuleId, SeveritySetting> });
    }
    case 'html':
      return renderHtmlReport(data);
    case 'text':
      return formatText(data, { fixed: summary.fixed }, Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
  }
}

/** 1 when there are findings; with --max-warnings, as ESLint does: errors, or more warnings than allowed. */
function exitStatus(options: CliOptions, findings: readonly ReportFinding[], io: RunIo): number {
  if (options.maxWarnings === undefined) return findings.length > 0 ? 1 : 0;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (warnings > options.maxWarnings) {
    io.stderr.write(`perf-lint: too many warnings (${warnings}; --max-warnings allows ${options.maxWarnings})\n`);
  }
  return errors > 0 || warnings > options.maxWarnings ? 1 : 0;
}

/** A file's text, or why it cannot be read (too large, not a regular file, unreadable, gone); the core judges the text itself. */
function readSource(file: string, maxFileSize: number): string | { reason: string } {
  const read = readWorkspaceFileSync(file, { maxBytes: maxFileSize, limitName: 'maxFileSize' });
  return 'text' in read ? read.text : read;
}

function collectFacts(text: string, file: string): ProjectFacts | undefined {
  try {
    return collectProjectFacts(text, file);
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

/** A hash of plain data; Maps and Sets count by their entries. */
function stableHash(value: unknown): string {
  return contentHash(JSON.stringify(value, (_key, item: unknown) => (item instanceof Map || item instanceof Set ? [...item] : item)));
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
 * The version and the size and time of the running code: a rebuilt or reinstalled tool never trusts
 * results of the previous build. Not a hash of the code, which would read 11 MB on every run.
 */
function toolFingerprint(): string {
  let code = '';
  try {
    const stat = fs.statSync(__filename);
    code = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    // Without its own file the version alone keys the cache.
  }
  return `${toolVersion()}:${code}`;
}

/** The entry point's view: the process's own arguments, folder and streams. */
export function runFromProcess(): Promise<number> {
  return run(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
}
