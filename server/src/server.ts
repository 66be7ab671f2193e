import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DidChangeWatchedFilesParams,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ExecuteCommandParams,
  type InitializeParams,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PerfLintConfig } from '../../rules/src/config';
import { fixText } from '../../rules/src/fixes';
import { isSourceFile } from '../../rules/src/parse';
import { syntaxSignals, type SyntaxSignals } from '../../rules/src/syntax-signals';
import { ALL_RULES, docsUrl, ruleById } from '../../rules/src/registry';
import { reportFindings, type ReportData, type ReportFinding } from '../../rules/src/report';
import type { Finding, RuleId } from '../../rules/src/types';
import { analysisOptions, analyzeText, type FileAnalysis } from './analysis';
import { disableForFile, disableForLine, fixAll, quickFix, showDocumentation, wantsKind } from './codeActions';
import { DIAGNOSTIC_SOURCE, findingKey, incompleteDiagnostic, minimalEdit, notAnalyzedDiagnostic, toDiagnostic, toTextEdits, type DiagnosticData } from './convert';
import { CONFIG_FILE_NAME, inside, readWorkspaceFile, Workspace, type ConfigBase, type Dependencies, type PathReason } from '../../workspace/src';
import { ServerLog, serverVersion } from './log';
import { isInside, ProjectIndex } from './project';
import { RunModes } from './runMode';
import { ScanStore, type StoredScan } from './scanStore';
import {
  DocumentStatusNotification,
  FixAllCodeActionKind,
  ShowDocumentationCommand,
  StatusNotification,
  type DocumentStatusParams,
  type InitializationOptions,
  type ScanWorkspaceParams,
  type ScanWorkspaceResult,
  type StatusParams,
} from './protocol';
import { configFromClient, SETTINGS_SECTION, SettingsCache } from './settings';
import { clientFeatures, type ClientFeatures } from './features';
import { pathOf, sourceFileName, uriOf } from './uris';

/** Quiet time after the last keystroke before a pushed document is analyzed again. */
export const PUSH_DEBOUNCE_MS = 150;

/** Quiet time before the scanned files are analyzed again after settings or project facts change. */
const DISK_REFRESH_DELAY_MS = 300;

/** Files analyzed between two turns of the event loop in a scan, so cancellation and edits get through. */
const SCAN_BATCH = 4;

/** One analysis of an open document, valid for that version and settings generation. */
interface DocumentAnalysis extends FileAnalysis {
  version: number;
  generation: number;
  diagnostics: Diagnostic[];
  /** Findings by `findingKey`, which diagnostics carry in `data` for their code actions. */
  byKey: Map<string, Finding>;
}

/** What is kept of a file analyzed from disk: no syntax tree, no text; only what is shown. */
interface DiskResult {
  uri: string;
  diagnostics: Diagnostic[];
  rows: ReportFinding[];
  skipped?: string;
}

/** Where a scan reports progress, and the cancellation of that progress when the server created it. */
interface ScanProgress {
  reporter: WorkDoneProgressReporter;
  token?: CancellationToken;
}

export function cancelledError<E = void>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'The request was cancelled');
}

export function failed(what: string): ResponseError<void> {
  return new ResponseError<void>(LSPErrorCodes.RequestFailed, `${what} failed; see the Perf Lint output`);
}

/** A diagnostic made for an earlier version of the document: its range may point at other code now. */
function isStale(document: TextDocument, diagnostic: Diagnostic): boolean {
  const version = (diagnostic.data as Partial<DiagnosticData> | undefined)?.version;
  return typeof version === 'number' && version !== document.version;
}

/** Resolves once any of the tokens is cancelled. */
function whenCancelled(tokens: readonly CancellationToken[]): Promise<void> {
  return new Promise((resolve) => {
    for (const token of tokens) token.onCancellationRequested(() => resolve());
  });
}

/** Why a document is too large to analyze, named by the setting that allows more; undefined when it is not. */
function sizeOverLimit(text: string, maxFileSize: number): string | undefined {
  // UTF-16 length never exceeds the UTF-8 size: most documents are decided without counting bytes.
  if (text.length <= maxFileSize / 3) return undefined;
  const size = Buffer.byteLength(text, 'utf8');
  return size > maxFileSize ? `larger than perfLint.maxFileSize (${size} bytes, limit ${maxFileSize})` : undefined;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A path relative to `root` with forward slashes. */
function relativePosix(root: string, file: string): string {
  return inside(root, file) ?? path.relative(root, file).split(path.sep).join('/');
}

/**
 * A source file's text as editors show it, without a byte order mark (they do not count it as a
 * column), or why it was not read (too large, not a regular file, unreadable, gone).
 */
async function readSource(file: string, maxFileSize: number): Promise<{ text: string } | { reason: string }> {
  const read = await readWorkspaceFile(file, { maxBytes: maxFileSize, limitName: 'maxFileSize' });
  return 'text' in read && read.text.charCodeAt(0) === 0xfeff ? { text: read.text.slice(1) } : read;
}

/**
 * The language server's logic. It is handed its connection from outside (stdio, IPC or socket,
 * or a test's in-memory pipe); `startServer` only binds the connection's events to it.
 */
export class PerfLintServer {
  readonly documents = new TextDocuments(TextDocument);
  private client: ClientFeatures = clientFeatures({});
  private folders: string[] = [];
  /** The client's settings per URI: the editor's own options, and the defaults where no configuration file applies. */
  private readonly settings: SettingsCache;
  private readonly workspace: Workspace;
  private readonly project = new ProjectIndex((file) => this.folderOf(file));
  /** Bumped whenever settings or project facts change: every earlier analysis is then out of date. */
  private generation = 0;
  private readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Open documents by file path, to tell scanned files that are open from those that are not. */
  private readonly openPaths = new Map<string, string>();
  private readonly diskResults = new Map<string, DiskResult>();
  private scanSkipped: PathReason[] = [];
  private scanned = false;
  private scanning = false;
  private indexing: Promise<void> | undefined;
  private refreshingDisk: Promise<void> = Promise.resolve();
  private diskRefreshTimer: NodeJS.Timeout | undefined;
  private lastStatus = '';
  private readonly log: ServerLog;
  private readonly runModes: RunModes;
  private scanStore = new ScanStore(undefined, () => {});
  /** The last problem with a configuration, until the settings change: the status bar shows it. */
  private configError: string | undefined;
  private readonly documentStatuses = new Map<string, string>();

  constructor(private readonly connection: Connection) {
    this.log = new ServerLog(connection);
    this.runModes = new RunModes(connection, () => this.client.configuration);
    this.workspace = new Workspace({
      onError: (problem) => {
        const message = `Perf Lint: ${problem}; using the default settings.`;
        this.connection.console.error(message);
        this.configProblem(message);
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
      },
    });
    this.settings = new SettingsCache((uri) => this.readSettings(uri), (message) => this.connection.console.error(message));
  }

  initialize(params: InitializeParams): InitializeResult {
    this.client = clientFeatures(params.capabilities);
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.flatMap((uri) => pathOf(uri) ?? []);
    if (this.folders.length === 0 && params.rootPath) this.folders = [params.rootPath];
    const storagePath = (params.initializationOptions as InitializationOptions | undefined)?.storagePath;
    this.scanStore = new ScanStore(typeof storagePath === 'string' ? storagePath : undefined, (what, error) => this.logError(what, error));
    this.log.started(this.folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: this.client.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FixAllCodeActionKind] } : true,
        executeCommandProvider: { commands: [ShowDocumentationCommand] },
        ...(this.client.pullDiagnostics && {
          diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false },
        }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'perf-lint-language-server' },
    };
  }

  async initialized(): Promise<void> {
    if (this.client.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.flatMap((folder) => pathOf(folder.uri) ?? []));
        this.folders = [...this.folders.filter((folder) => !removed.has(folder)), ...event.added.flatMap((folder) => pathOf(folder.uri) ?? [])];
        // Read the new folders' models on next use; files already read keep their facts.
        this.indexing = undefined;
      });
    }
    if (this.client.configurationRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (this.client.watcherRegistration) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}' }, { globPattern: '**/package.json' }, { globPattern: '**/{tsconfig*.json,pnpm-workspace.yaml}' }, { globPattern: '**/.perflintrc.json' }],
      });
    }
    this.sendStatus('ready');
    await this.restoreScan();
  }

  // Settings

  private async readSettings(uri: string): Promise<PerfLintConfig> {
    if (!this.client.configuration) return configFromClient(undefined, () => {});
    const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
    return configFromClient(raw, (message) => {
      this.connection.console.warn(message);
      this.configProblem(message);
    });
  }

  /** The client's settings for a file's workspace folder (for the file itself when it is in none), with the folder their globs start from. */
  private async folderBase(file: string): Promise<ConfigBase> {
    const folder = this.folderOf(file) ?? path.dirname(file);
    return { config: await this.settings.get(uriOf(this.folderOf(file) ?? file)), folder };
  }

  /** A file's settings, as the command reads them: its `.perflintrc.json` files, else the client's settings. */
  private async fileSettings(file: string, base?: ConfigBase): Promise<PerfLintConfig> {
    const { config, sources } = await this.workspace.configFor(file, (base ?? (await this.folderBase(file))).config);
    this.log.configurationSource(this.folderOf(file) ?? path.dirname(file), sources.length > 0 ? sources.join(' over ') : this.client.configuration ? "the editor's perfLint settings" : 'the defaults');
    return config;
  }

  /** The client's settings or a configuration file changed. */
  settingsChanged(): void {
    this.settings.clear();
    this.workspace.forgetConfiguration();
    this.runModes.clear();
    this.configError = undefined;
    this.invalidate();
    this.sendStatus('ready');
    // Read every folder's settings now, so that a problem in them shows even with no file open.
    void this.scanKey().catch((error) => this.logError('reading the settings', error));
  }

  private configProblem(message: string): void {
    this.configError = message;
    this.sendStatus('ready');
  }

  /** The dependencies of a file's package. */
  private async dependenciesOf(filePath: string | undefined): Promise<Dependencies> {
    return filePath ? await this.workspace.dependenciesOf(filePath) : { sorted: [], set: new Set() };
  }

  /** Settings or project facts changed: analyze everything shown again. */
  private invalidate(): void {
    this.generation++;
    if (this.client.pullDiagnostics) {
      if (this.client.diagnosticRefresh) void this.connection.languages.diagnostics.refresh().catch((error) => this.logError('diagnostics refresh', error));
    } else {
      for (const document of this.documents.all()) this.schedule(document, 0);
    }
    if (this.diskResults.size > 0) this.refreshDiskResults();
  }

  // Open documents

  private folderOf(file: string): string | undefined {
    return this.folders.find((folder) => isInside(folder, file));
  }

  /** The analysis of a document's current version, computed once per version and settings generation. */
  private async analyzeDocument(document: TextDocument): Promise<DocumentAnalysis | undefined> {
    const fileName = sourceFileName(document.uri, document.languageId);
    if (!fileName) return undefined;
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.generation) return cached;
    this.ensureIndexed();
    const generation = this.generation;
    const filePath = pathOf(document.uri);
    const clientSettings = await this.settings.get(document.uri);
    const base = filePath && { config: clientSettings, folder: this.folderOf(filePath) ?? path.dirname(filePath) };
    const config = base ? await this.fileSettings(filePath, base) : clientSettings;
    const excluded = base ? await this.workspace.excludedBy(filePath, base) : undefined;
    const dependencies = await this.dependenciesOf(filePath);
    // The document may have changed while the settings were read: analyze what it holds now.
    const version = document.version;
    const text = document.getText();
    let result: FileAnalysis = { findings: [] };
    if (config.enable && !excluded) {
      // Before any parse: every version of a large document would otherwise block the server for seconds.
      const tooLarge = sizeOverLimit(text, config.maxFileSize);
      if (tooLarge) result = { findings: [], skipped: tooLarge };
      else {
        const signals = syntaxSignals(text, fileName);
        if (filePath && this.updateProjectFile(filePath, text, signals)) this.invalidate();
        const project = this.project.info(filePath, filePath ? this.folderOf(filePath) : undefined, dependencies);
        result = analyzeText(text, fileName, analysisOptions(config, project), (message) => this.connection.console.error(message), signals);
      }
    }
    const analysis: DocumentAnalysis = {
      ...result,
      version,
      generation,
      diagnostics: [
        ...(result.skipped ? [notAnalyzedDiagnostic(result.skipped)] : []),
        ...(result.incomplete ? [incompleteDiagnostic(result.incomplete)] : []),
        ...result.findings.map((finding) => toDiagnostic(finding, document, version)),
      ],
      byKey: new Map(result.findings.map((finding) => [findingKey(finding.ruleId, finding.start, finding.end), finding])),
    };
    if (generation === this.generation && document.version === version) this.analyses.set(document.uri, analysis);
    this.documentStatus(
      !config.enable
        ? { uri: document.uri, state: 'disabled' }
        : excluded
          ? { uri: document.uri, state: 'excluded', reason: excluded }
          : result.skipped !== undefined
            ? { uri: document.uri, state: 'notAnalyzed', reason: result.skipped }
            : { uri: document.uri, state: 'analyzed' },
    );
    return analysis;
  }

  /** Tells the client whether a document was analyzed, once per change of that answer. */
  private documentStatus(status: DocumentStatusParams): void {
    const key = `${status.state}:${status.reason ?? ''}`;
    if (this.documentStatuses.get(status.uri) === key) return;
    this.documentStatuses.set(status.uri, key);
    if (status.state === 'notAnalyzed') this.log.notAnalyzed(pathOf(status.uri) ?? status.uri, status.reason ?? '');
    void this.connection.sendNotification(DocumentStatusNotification, status).catch(() => {});
  }


  documentOpened(document: TextDocument): void {
    this.runModes.saved(document.uri, document.version);
    const file = pathOf(document.uri);
    if (!file) return;
    this.openPaths.set(file, document.uri);
    // The open document's diagnostics replace those of the scan. Pull clients keep pushed ones
    // apart, and a client may spell the URI differently from the scan: both would show twice.
    const scanned = this.diskResults.get(file);
    if (scanned && (this.client.pullDiagnostics || scanned.uri !== document.uri)) void this.connection.sendDiagnostics({ uri: scanned.uri, diagnostics: [] });
    if (scanned) scanned.uri = document.uri;
  }

  documentChanged(document: TextDocument): void {
    if (this.client.pullDiagnostics) return;
    const version = document.version;
    void this.runModes.holdsBack(document.uri, version).then((held) => {
      if (!held) this.schedule(document, this.analyses.has(document.uri) ? PUSH_DEBOUNCE_MS : 0);
    });
  }

  /** See DocumentHiddenNotification: the file's findings are shown from the disk again, as for a closed document. */
  async documentHidden(uri: string): Promise<void> {
    const file = pathOf(uri);
    if (!file || this.openPaths.get(file) !== uri) return;
    this.openPaths.delete(file);
    this.analyses.delete(uri);
    if (this.diskResults.has(file)) await this.analyzeDiskFile(file, await this.fileSettings(file));
    this.sendStatus('ready');
  }

  /** With `perfLint.run: onSave` a saved document is analyzed now (pull clients ask for it on save). */
  documentSaved(document: TextDocument): void {
    this.runModes.saved(document.uri, document.version);
    if (!this.client.pullDiagnostics) this.schedule(document, 0);
  }

  async documentClosed(document: TextDocument): Promise<void> {
    const uri = document.uri;
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.analyses.delete(uri);
    this.settings.delete(uri);
    this.runModes.closed(uri);
    this.documentStatuses.delete(uri);
    const file = pathOf(uri);
    if (file) this.openPaths.delete(file);
    const scanned = file && this.diskResults.get(file);
    // Closed without saving: what is on disk is what the workspace holds.
    if (file && scanned) {
      await this.analyzeDiskFile(file, await this.fileSettings(file));
    } else {
      if (file) await this.updateFactsFromDisk(file);
      if (!this.client.pullDiagnostics) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.sendStatus('ready');
  }

  private schedule(document: TextDocument, delay: number): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        void this.pushDiagnostics(document.uri);
      }, delay),
    );
  }

  private async pushDiagnostics(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      this.sendStatus('analyzing');
      const analysis = await this.analyzeDocument(document);
      // Stale: a newer version is on its way (or the document closed); drop this result.
      if (this.documents.get(uri) !== document || document.version !== version || (analysis && analysis.version !== version)) return;
      await this.connection.sendDiagnostics({ uri, version, diagnostics: analysis?.diagnostics ?? [] });
      this.sendStatus('ready');
    } catch (error) {
      this.logError(`diagnostics of ${uri}`, error);
      this.sendStatus('error', `analysis of ${uri} failed`);
    }
  }

  async pullDiagnostics(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(params.textDocument.uri);
    const file = document && pathOf(document.uri);
    // Shown again after its tab closed (see documentHidden): its own analysis replaces the disk's.
    if (document && file && !this.openPaths.has(file)) this.documentOpened(document);
    // `onSave`: what the client shows stays until the document is saved.
    if (document && params.previousResultId !== undefined && (await this.runModes.holdsBack(document.uri, document.version))) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: params.previousResultId };
    }
    const analysis = document && (await this.analyzeDocument(document));
    if (token.isCancellationRequested) throw cancelledError();
    this.sendStatus('ready');
    if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${analysis.version}:${analysis.generation}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: analysis.diagnostics };
  }

  // Code actions

  async codeActions(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const document = this.documents.get(params.textDocument.uri);
    const analysis = document && (await this.analyzeDocument(document));
    if (token.isCancellationRequested) throw cancelledError();
    if (!document || !analysis) return [];
    const only = params.context.only;
    const versioned = this.client.versionedEdits;
    const actions: CodeAction[] = [];
    if (wantsKind(only, CodeActionKind.QuickFix)) {
      const titles = new Set<string>();
      const addOnce = (action: CodeAction): void => {
        if (titles.has(action.title)) return;
        titles.add(action.title);
        actions.push(action);
      };
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE || !ruleById(String(diagnostic.code)) || isStale(document, diagnostic)) continue;
        const ruleId = diagnostic.code as RuleId;
        const fix = this.findingOf(document, analysis, diagnostic)?.fix;
        if (fix) actions.push(quickFix(document, diagnostic, fix, versioned));
        addOnce(disableForLine(document, diagnostic, ruleId, versioned));
        addOnce(disableForFile(document, diagnostic, ruleId, versioned));
        addOnce(showDocumentation(ruleId));
      }
    }
    if (only && wantsKind(only, FixAllCodeActionKind)) {
      const action = await this.fixAllAction(document, analysis);
      if (token.isCancellationRequested) throw cancelledError();
      if (action) actions.push(action);
    }
    return actions;
  }

  /**
   * The finding a diagnostic was made from, if it was made for the document's current version:
   * a fix computed for an older text would edit the wrong places, so it is refused.
   */
  private findingOf(document: TextDocument, analysis: DocumentAnalysis, diagnostic: Diagnostic): Finding | undefined {
    const data = diagnostic.data as Partial<DiagnosticData> | undefined;
    if (analysis.version !== document.version) return undefined;
    const key = typeof data?.key === 'string' ? data.key : findingKey(String(diagnostic.code), document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end));
    return analysis.byKey.get(key);
  }

  private async fixAllAction(document: TextDocument, analysis: DocumentAnalysis): Promise<CodeAction | undefined> {
    if (analysis.version !== document.version || !analysis.findings.some((finding) => finding.fix?.safe)) return undefined;
    const fileName = sourceFileName(document.uri, document.languageId)!;
    const filePath = pathOf(document.uri);
    const config = filePath ? await this.fileSettings(filePath, { config: await this.settings.get(document.uri), folder: this.folderOf(filePath) ?? path.dirname(filePath) }) : await this.settings.get(document.uri);
    const project = this.project.info(filePath, filePath ? this.folderOf(filePath) : undefined, await this.dependenciesOf(filePath));
    if (document.version !== analysis.version) return undefined;
    const text = document.getText();
    const fixed = fixText(text, fileName, analysisOptions(config, project)).text;
    const edit = minimalEdit(text, fixed);
    return edit && fixAll(document, toTextEdits(document, [edit]), this.client.versionedEdits);
  }

  async executeCommand(params: ExecuteCommandParams): Promise<void> {
    if (params.command !== ShowDocumentationCommand) return;
    const url = params.arguments?.[0];
    // Only a rule's own page: the arguments come from the client, which any extension can call.
    if (typeof url !== 'string' || !ALL_RULES.some((rule) => docsUrl(rule.meta.id) === url)) return;
    if (this.client.showDocument) await this.connection.window.showDocument({ uri: url, external: true });
    else void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Perf Lint documentation: ${url}` });
  }

  // Workspace scan

  async scanWorkspace(params: ScanWorkspaceParams | undefined, token: CancellationToken): Promise<ScanWorkspaceResult> {
    if (this.scanning) throw new ResponseError(LSPErrorCodes.RequestFailed, 'A workspace scan is already running');
    this.scanning = true;
    const started = Date.now();
    let progress: ScanProgress | undefined;
    try {
      progress = await this.scanProgress(params);
      const tokens = [token, ...(progress.token ? [progress.token] : [])];
      const isCancelled = (): boolean => tokens.some((each) => each.isCancellationRequested);
      this.sendStatus('scanning');
      progress.reporter.begin('Perf Lint: scanning the workspace', 0, 'Listing files', true);
      const work: Array<{ file: string; config: PerfLintConfig }> = [];
      const skipped: PathReason[] = [];
      for (const folder of this.folders) {
        const base = await this.folderBase(folder);
        if (!base.config.enable) continue;
        const listed = await this.workspace.listFiles([folder], { cwd: folder, base, isCancelled });
        for (const file of listed.files) {
          const config = await this.fileSettings(file, base);
          if (config.enable) work.push({ file, config });
        }
        // One at a time: spreading a list of a hundred thousand files overflows the stack.
        for (const item of listed.skipped) skipped.push(item);
      }
      progress.reporter.report(0, 'Reading project models');
      await Promise.race([this.ensureIndexed(), whenCancelled(tokens)]);
      let analyzed = 0;
      let skippedByAnalysis = 0;
      let findings = 0;
      let reported = -1;
      for (const { file, config } of work) {
        if (isCancelled()) break;
        if (analyzed % SCAN_BATCH === 0) await yieldToEventLoop();
        if (isCancelled()) break;
        const result = await this.analyzeDiskFile(file, config);
        analyzed++;
        if (result?.skipped) {
          skipped.push({ path: file, reason: result.skipped });
          skippedByAnalysis++;
        } else findings += result?.diagnostics.length ?? 0;
        const percentage = Math.floor((analyzed / work.length) * 100);
        if (percentage !== reported) {
          reported = percentage;
          progress.reporter.report(percentage, `${analyzed}/${work.length} files`);
          this.sendStatus('scanning', undefined, { done: analyzed, total: work.length });
        }
      }
      const cancelled = isCancelled();
      if (!cancelled) this.forgetUnlisted(new Set(work.map((item) => item.file)));
      this.scanSkipped = skipped;
      this.scanned = true;
      for (const item of skipped) this.log.notAnalyzed(item.path, item.reason);
      const result: ScanWorkspaceResult = {
        files: analyzed - skippedByAnalysis,
        findings,
        skipped: skipped.map((item) => ({ file: this.displayPath(item.path), reason: item.reason })),
        durationMs: Date.now() - started,
        cancelled,
      };
      this.log.scanFinished({ ...result, skipped: skipped.length });
      if (!cancelled) this.saveScan();
      return result;
    } finally {
      progress?.reporter.done();
      this.scanning = false;
      this.sendStatus('ready');
    }
  }

  /** Progress on the client's token when it sent one, else on one the server creates. */
  private async scanProgress(params: ScanWorkspaceParams | undefined): Promise<ScanProgress> {
    if (params?.workDoneToken !== undefined) return { reporter: this.connection.window.attachWorkDoneProgress(params.workDoneToken) };
    if (this.client.workDoneProgress) {
      const reporter = await this.connection.window.createWorkDoneProgress();
      return { reporter, token: reporter.token };
    }
    return { reporter: this.connection.window.attachWorkDoneProgress(undefined) };
  }

  /** Files of an earlier scan that are gone or now excluded: their diagnostics go too. */
  private forgetUnlisted(listed: ReadonlySet<string>): void {
    for (const [file, result] of this.diskResults) {
      if (listed.has(file)) continue;
      this.diskResults.delete(file);
      if (!this.openPaths.has(file)) void this.connection.sendDiagnostics({ uri: result.uri, diagnostics: [] });
    }
  }

  /** Analyzes a file as it is on disk, keeps what is shown of it, and publishes it unless the file is open. */
  private async analyzeDiskFile(file: string, config: PerfLintConfig): Promise<DiskResult | undefined> {
    const read = await readSource(file, config.maxFileSize);
    const uri = this.openPaths.get(file) ?? uriOf(file);
    if (!('text' in read)) {
      if (read.reason.startsWith('file vanished')) {
        this.forgetFile(file);
        return undefined;
      }
      const refused: DiskResult = { uri, diagnostics: [], rows: [], skipped: read.reason };
      this.diskResults.set(file, refused);
      if (!this.openPaths.has(file)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return refused;
    }
    const { text } = read;
    const dependencies = await this.dependenciesOf(file);
    // An open document's facts come from its editor text, which may be ahead of the disk.
    const signals = syntaxSignals(text, file);
    if (!this.openPaths.has(file) && this.updateProjectFile(file, text, signals)) this.invalidate();
    const analysis = analyzeText(text, file, analysisOptions(config, this.project.info(file, this.folderOf(file), dependencies)), (message) => this.connection.console.error(message), signals);
    const document = TextDocument.create(uri, '', 0, text);
    const result: DiskResult = {
      uri,
      diagnostics: [...(analysis.incomplete ? [incompleteDiagnostic(analysis.incomplete)] : []), ...analysis.findings.map((finding) => toDiagnostic(finding, document))],
      rows: reportFindings(file, text, analysis.findings),
      ...(analysis.skipped !== undefined && { skipped: analysis.skipped }),
    };
    this.diskResults.set(file, result);
    if (!this.openPaths.has(file)) await this.connection.sendDiagnostics({ uri, diagnostics: result.diagnostics });
    return result;
  }

  private forgetFile(file: string): void {
    const result = this.diskResults.get(file);
    if (result && !this.openPaths.has(file)) void this.connection.sendDiagnostics({ uri: result.uri, diagnostics: [] });
    if (this.diskResults.delete(file)) this.saveScan();
    if (this.project.removeFile(file)) this.invalidate();
  }

  /**
   * Analyzes the scanned files again (settings or project facts changed), one refresh at a time,
   * after a pause: typing in a model's file changes the facts with every keystroke.
   */
  private refreshDiskResults(): void {
    clearTimeout(this.diskRefreshTimer);
    this.diskRefreshTimer = setTimeout(() => this.rerunDiskResults(), DISK_REFRESH_DELAY_MS);
  }

  private rerunDiskResults(): void {
    this.refreshingDisk = this.refreshingDisk.then(async () => {
      const generation = this.generation;
      for (const file of [...this.diskResults.keys()]) {
        if (generation !== this.generation) return;
        await this.analyzeDiskFile(file, await this.fileSettings(file));
        await yieldToEventLoop();
      }
      this.saveScan();
      this.sendStatus('ready');
    }).catch((error) => this.logError('refreshing scanned files', error));
  }

  /**
   * Reads every workspace file's declarations (ORM models) once, in the background, so open
   * documents see models declared in files that are not open.
   */
  private ensureIndexed(): Promise<void> {
    this.indexing ??= (async () => {
      let changed = false;
      for (const folder of this.folders) {
        const base = await this.folderBase(folder);
        const { files } = await this.workspace.listFiles([folder], { cwd: folder, base });
        for (const [index, file] of files.entries()) {
          if (this.openPaths.has(file)) continue;
          if (index % 20 === 0) await yieldToEventLoop();
          const read = await readSource(file, (await this.fileSettings(file, base)).maxFileSize);
          if ('text' in read && this.updateProjectFile(file, read.text)) changed = true;
        }
      }
      if (changed) this.invalidate();
    })().catch((error) => this.logError('reading the project models', error));
    return this.indexing;
  }

  async watchedFilesChanged(params: DidChangeWatchedFilesParams): Promise<void> {
    let settingsChanged = false;
    let dependenciesChanged = false;
    for (const change of params.changes) {
      const file = pathOf(change.uri);
      if (!file) continue;
      const name = path.basename(file);
      if (name === CONFIG_FILE_NAME) settingsChanged = true;
      else if (name === 'package.json' || name === 'pnpm-workspace.yaml' || /^tsconfig.*\.json$/.test(name)) dependenciesChanged = true;
      else if (isSourceFile(file) && !this.openPaths.has(file)) await this.sourceFileChanged(file, change.type);
    }
    if (settingsChanged) this.settingsChanged();
    else if (dependenciesChanged) {
      this.workspace.forgetDependencies();
      this.project.configurationChanged();
      this.invalidate();
    }
    this.sendStatus('ready');
  }

  /** Keeps scanned files current as they change on disk (an open document is its own source of truth). */
  private async sourceFileChanged(file: string, type: FileChangeType): Promise<void> {
    if (type === FileChangeType.Deleted) {
      this.forgetFile(file);
      return;
    }
    const folder = this.folderOf(file);
    const base = await this.folderBase(file);
    const config = await this.fileSettings(file, base);
    if (this.diskResults.has(file) || (this.scanned && folder && config.enable && (await this.workspace.wouldList(folder, file, base)))) {
      await this.analyzeDiskFile(file, config);
      this.saveScan();
    } else {
      await this.updateFactsFromDisk(file);
    }
  }

  /** Keeps the project index current for a file that is not scanned (once the index exists). */
  private async updateFactsFromDisk(file: string): Promise<void> {
    if (!this.indexing) return;
    const read = await readSource(file, (await this.fileSettings(file)).maxFileSize);
    if ('text' in read && this.updateProjectFile(file, read.text)) this.invalidate();
  }

  /** Updates a file's project facts; when a client is exported for the first time, reads the files set aside for it. */
  private updateProjectFile(file: string, text: string, signals?: SyntaxSignals): boolean {
    const changed = this.project.updateFile(file, text, signals);
    const forwarding = this.project.takeForwardingFiles();
    if (forwarding.length > 0) void this.readForwardingFiles(forwarding).catch((error) => this.logError('reading the project models', error));
    return changed;
  }

  private async readForwardingFiles(files: readonly string[]): Promise<void> {
    let changed = false;
    for (const file of files) {
      const open = this.openPaths.get(file);
      const read = open ? undefined : await readSource(file, (await this.fileSettings(file)).maxFileSize);
      const text = open ? this.documents.get(open)?.getText() : read && 'text' in read ? read.text : undefined;
      if (text !== undefined && this.project.updateFile(file, text)) changed = true;
    }
    if (changed) this.invalidate();
  }

  // Report and status

  /** Every known file's findings: open documents as they are now, the others as last scanned. */
  async report(token: CancellationToken): Promise<ReportData> {
    const rows: ReportFinding[] = [];
    const files = new Set<string>();
    for (const document of this.documents.all()) {
      const shownFile = pathOf(document.uri);
      if (shownFile && !this.openPaths.has(shownFile)) continue;
      const analysis = await this.analyzeDocument(document);
      if (token.isCancellationRequested) throw cancelledError();
      if (!analysis || analysis.skipped !== undefined) continue;
      const file = pathOf(document.uri) ?? document.uri;
      files.add(file);
      for (const row of reportFindings(file, document.getText(), analysis.findings)) rows.push({ ...row, ...this.reportLocation(file) });
    }
    for (const [file, result] of this.diskResults) {
      if (files.has(file) || result.skipped !== undefined) continue;
      files.add(file);
      for (const row of result.rows) rows.push({ ...row, ...this.reportLocation(file) });
    }
    rows.sort((a, b) => (a.folder ?? '').localeCompare(b.folder ?? '') || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    const root = this.folders[0];
    return {
      root: root ? path.basename(root) : '',
      ...(this.folders.length > 1 && { folders: this.folders.map((folder) => path.basename(folder)) }),
      ...(!this.scanned && { openFilesOnly: true }),
      files: files.size,
      findings: rows,
      skipped: this.scanSkipped.map((item) => ({ file: this.displayPath(item.path), reason: item.reason })),
    };
  }

  /** Where the report shows a file: relative to its workspace folder, which it names when there are several. */
  private reportLocation(file: string): { file: string; folder?: string } {
    const folder = this.folders.length > 1 ? this.folderOf(file) : undefined;
    return folder ? { file: relativePosix(folder, file), folder: path.basename(folder) } : { file: this.displayPath(file) };
  }

  /** A path relative to its workspace folder (prefixed with the folder's name when there are several), with forward slashes. */
  private displayPath(file: string): string {
    const folder = this.folders.length > 1 ? this.folderOf(file) : undefined;
    if (folder) return `${path.basename(folder)}/${relativePosix(folder, file)}`;
    const root = this.folders[0];
    return root && path.isAbsolute(file) ? relativePosix(root, file) : file;
  }

  private totalFindings(): number {
    let total = 0;
    const counted = new Set<string>();
    for (const [uri, analysis] of this.analyses) {
      total += analysis.findings.length;
      const file = pathOf(uri);
      if (file) counted.add(file);
    }
    for (const [file, result] of this.diskResults) if (!counted.has(file)) total += result.diagnostics.length;
    return total;
  }

  private sendStatus(state: StatusParams['state'], message?: string, progress?: StatusParams['progress']): void {
    const status: StatusParams = {
      state: this.scanning && state !== 'error' ? 'scanning' : state,
      findings: this.totalFindings(),
      ...(message && { message }),
      ...(progress && { progress }),
      ...(this.configError && { configError: this.configError }),
    };
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    void this.connection.sendNotification(StatusNotification, status).catch(() => {});
  }

  logError(what: string, error: unknown): void {
    this.connection.console.error(`Perf Lint: ${what} failed: ${(error as Error)?.stack ?? String(error)}`);
  }

  /** Stores the scan's results (a little later, once): a restarted server shows them again. */
  private saveScan(): void {
    if (!this.scanned) return;
    this.scanStore.scheduleSave(() => this.scanSnapshot());
  }

  private async scanSnapshot(): Promise<StoredScan> {
    const files = await Promise.all(
      [...this.diskResults].map(async ([file, result]) => {
        const stamp = await ScanStore.stamp(file);
        return stamp && { file, ...stamp, diagnostics: result.diagnostics, rows: result.rows, ...(result.skipped !== undefined && { skipped: result.skipped }) };
      }),
    );
    return { key: await this.scanKey(), files: files.filter((entry) => entry !== undefined), skipped: this.scanSkipped };
  }

  /**
   * Results are reused only under the same server version and the same settings of every folder
   * (the client's, and the `.perflintrc.json` at its root); nested configuration files are not
   * part of the key, but a file changed since is analyzed again with its own.
   */
  private async scanKey(): Promise<string> {
    const settings = await Promise.all(this.folders.map(async (folder) => (await this.workspace.configFor(path.join(folder, 'index.ts'), (await this.folderBase(folder)).config)).config));
    return JSON.stringify({ version: serverVersion(), folders: this.folders, settings });
  }

  /** Shows the stored results of the last scan; files changed since are analyzed again, and then every file (their facts may have changed). */
  private async restoreScan(): Promise<void> {
    const restored = await this.scanStore.load(await this.scanKey());
    if (restored === 'other') this.log.storedScanNotUsed(this.scanStore.file ?? '');
    if (!restored || restored === 'other' || this.scanned || this.scanning) return;
    for (const entry of restored.unchanged) {
      const uri = this.openPaths.get(entry.file) ?? uriOf(entry.file);
      this.diskResults.set(entry.file, { uri, diagnostics: entry.diagnostics, rows: entry.rows, ...(entry.skipped !== undefined && { skipped: entry.skipped }) });
      if (!this.openPaths.has(entry.file) && entry.diagnostics.length > 0) await this.connection.sendDiagnostics({ uri, diagnostics: entry.diagnostics });
    }
    this.scanSkipped = restored.skipped;
    this.scanned = true;
    this.log.restored({ files: restored.unchanged.length, changed: restored.changed.length, file: this.scanStore.file ?? '' });
    this.sendStatus('ready');
    if (restored.changed.length === 0) return;
    for (const file of restored.changed) await this.sourceFileChanged(file, FileChangeType.Changed);
    this.refreshDiskResults();
  }

  flushScan(): Promise<void> {
    return this.scanStore.flush();
  }

  dispose(): void {
    this.scanStore.dispose();
    for (const timer of this.timers.values()) clearTimeout(timer);
    clearTimeout(this.diskRefreshTimer);
    this.timers.clear();
  }
}
