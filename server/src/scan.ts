import * as path from 'node:path';
import type ts from 'typescript';
import {
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type DidChangeWatchedFilesParams,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  isDeclarationFile,
  isSourceFile,
  reportFindings,
  readSyntax,
  type PerfLintConfig,
  type ReportFinding,
  type SyntaxSignals,
  type ToESTree,
} from '../../rules/src';
import { CONFIG_FILE_NAME, readWorkspaceFile, type PathReason } from '../../workspace/src';
import { analysisOptions, analyzeText } from './analysis';
import { incompleteDiagnostic, toDiagnostic } from './convert';
import { serverVersion } from './log';
import type { ScanWorkspaceParams, ScanWorkspaceResult } from './protocol';
import { ScanStore, type StoredScan } from './scanStore';
import type { PerfLintServer } from './server';
import { pathOf, uriOf } from './uris';

/** Quiet time before the scanned files are analyzed again after settings or project facts change. */
const DISK_REFRESH_DELAY_MS = 300;

/** Files analyzed between two turns of the event loop in a scan, so cancellation and edits get through. */
const SCAN_BATCH = 4;

/** What is kept of a file analyzed from disk: no syntax tree, no text; only what is shown. */
export interface DiskResult {
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

/** Resolves once any of the tokens is cancelled. */
function whenCancelled(tokens: readonly CancellationToken[]): Promise<void> {
  return new Promise((resolve) => {
    for (const token of tokens) token.onCancellationRequested(() => resolve());
  });
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
 * The workspace as the disk holds it: the scan, the scanned files kept current as they change,
 * the project models read from files that are not open, and the last scan stored for a restart.
 */
export class WorkspaceScan {
  readonly diskResults = new Map<string, DiskResult>();
  scanSkipped: PathReason[] = [];
  scanned = false;
  scanning = false;
  private indexing: Promise<void> | undefined;
  private refreshingDisk: Promise<void> = Promise.resolve();
  private diskRefreshTimer: NodeJS.Timeout | undefined;
  private store = new ScanStore(undefined, () => {});

  constructor(private readonly server: PerfLintServer) {}

  /** Keeps the last scan's results in `folder` (the editor's storage for this workspace); none: not kept. */
  storeIn(folder: string | undefined): void {
    this.store = new ScanStore(folder, (what, error) => this.server.logError(what, error));
  }

  /** Read the workspace folders' models again on next use (folders were added or removed); files already read keep their facts. */
  foldersChanged(): void {
    this.indexing = undefined;
  }

  async scanWorkspace(params: ScanWorkspaceParams | undefined, token: CancellationToken): Promise<ScanWorkspaceResult> {
    if (this.scanning) throw new ResponseError(LSPErrorCodes.RequestFailed, 'A workspace scan is already running');
    this.scanning = true;
    const started = Date.now();
    let progress: ScanProgress | undefined;
    try {
      progress = await this.scanProgress(params);
      const tokens = [token, ...(progress.token ? [progress.token] : [])];
      const isCancelled = (): boolean => tokens.some((each) => each.isCancellationRequested);
      this.server.status.send('scanning');
      progress.reporter.begin('Perf Lint: scanning the workspace', 0, 'Listing files', true);
      const work: Array<{ file: string; config: PerfLintConfig }> = [];
      const skipped: PathReason[] = [];
      for (const folder of this.server.folders) {
        const base = await this.server.folderBase(folder);
        if (!base.config.enable) continue;
        const listed = await this.server.workspace.listFiles([folder], { cwd: folder, base, isCancelled });
        for (const file of listed.files) {
          const config = await this.server.fileSettings(file, base);
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
          this.server.status.send('scanning', undefined, { done: analyzed, total: work.length });
        }
      }
      const cancelled = isCancelled();
      if (!cancelled) this.forgetUnlisted(new Set(work.map((item) => item.file)));
      this.scanSkipped = skipped;
      this.scanned = true;
      for (const item of skipped) this.server.log.notAnalyzed(item.path, item.reason);
      const result: ScanWorkspaceResult = {
        files: analyzed - skippedByAnalysis,
        findings,
        skipped: skipped.map((item) => ({ file: this.server.status.displayPath(item.path), reason: item.reason })),
        durationMs: Date.now() - started,
        cancelled,
      };
      this.server.log.scanFinished({ ...result, skipped: skipped.length });
      if (!cancelled) this.saveScan();
      return result;
    } finally {
      progress?.reporter.done();
      this.scanning = false;
      this.server.status.send('ready');
    }
  }

  /** Progress on the client's token when it sent one, else on one the server creates. */
  private async scanProgress(params: ScanWorkspaceParams | undefined): Promise<ScanProgress> {
    if (params?.workDoneToken !== undefined) return { reporter: this.server.connection.window.attachWorkDoneProgress(params.workDoneToken) };
    if (this.server.client.workDoneProgress) {
      const reporter = await this.server.connection.window.createWorkDoneProgress();
      return { reporter, token: reporter.token };
    }
    return { reporter: this.server.connection.window.attachWorkDoneProgress(undefined) };
  }

  /** Files of an earlier scan that are gone or now excluded: their diagnostics go too. */
  private forgetUnlisted(listed: ReadonlySet<string>): void {
    for (const [file, result] of this.diskResults) {
      if (listed.has(file)) continue;
      this.diskResults.delete(file);
      if (!this.server.openDocuments.openPaths.has(file)) void this.server.connection.sendDiagnostics({ uri: result.uri, diagnostics: [] });
    }
  }

  /** Analyzes a file as it is on disk, keeps what is shown of it, and publishes it unless the file is open. */
  async analyzeDiskFile(file: string, config: PerfLintConfig): Promise<DiskResult | undefined> {
    const read = await readSource(file, config.maxFileSize);
    const uri = this.server.openDocuments.openPaths.get(file) ?? uriOf(file);
    if (!('text' in read)) {
      if (read.reason.startsWith('file vanished')) {
        this.forgetFile(file);
        return undefined;
      }
      const refused: DiskResult = { uri, diagnostics: [], rows: [], skipped: read.reason };
      this.diskResults.set(file, refused);
      if (!this.server.openDocuments.openPaths.has(file)) await this.server.connection.sendDiagnostics({ uri, diagnostics: [] });
      return refused;
    }
    const { text } = read;
    const dependencies = await this.server.dependenciesOf(file);
    // An open document's facts come from its editor text, which may be ahead of the disk.
    const syntax = readSyntax(text, file);
    if (!this.server.openDocuments.openPaths.has(file) && this.updateProjectFile(file, text, syntax.signals)) this.server.invalidate();
    const analysis = analyzeText(
      text,
      file,
      analysisOptions(config, this.server.project.info(file, this.server.folderOf(file), dependencies), this.server.client.createFiles),
      (message) => this.server.connection.console.error(message),
      syntax,
    );
    const document = TextDocument.create(uri, '', 0, text);
    const result: DiskResult = {
      uri,
      diagnostics: [
        ...(analysis.incomplete ? [incompleteDiagnostic(analysis.incomplete)] : []),
        ...analysis.findings.map((finding) => toDiagnostic(finding, document)),
      ],
      rows: reportFindings(file, text, analysis.findings),
      ...(analysis.skipped !== undefined && { skipped: analysis.skipped }),
    };
    this.diskResults.set(file, result);
    if (!this.server.openDocuments.openPaths.has(file)) await this.server.connection.sendDiagnostics({ uri, diagnostics: result.diagnostics });
    return result;
  }

  private forgetFile(file: string): void {
    const result = this.diskResults.get(file);
    if (result && !this.server.openDocuments.openPaths.has(file)) void this.server.connection.sendDiagnostics({ uri: result.uri, diagnostics: [] });
    if (this.diskResults.delete(file)) this.saveScan();
    if (this.server.project.removeFile(file)) this.server.invalidate();
  }

  /**
   * Analyzes the scanned files again (settings or project facts changed), one refresh at a time,
   * after a pause: typing in a model's file changes the facts with every keystroke.
   */
  refreshDiskResults(): void {
    clearTimeout(this.diskRefreshTimer);
    this.diskRefreshTimer = setTimeout(() => this.rerunDiskResults(), DISK_REFRESH_DELAY_MS);
  }

  private rerunDiskResults(): void {
    this.refreshingDisk = this.refreshingDisk
      .then(async () => {
        const generation = this.server.generation;
        for (const file of [...this.diskResults.keys()]) {
          if (generation !== this.server.generation) return;
          await this.analyzeDiskFile(file, await this.server.fileSettings(file));
          await yieldToEventLoop();
        }
        this.saveScan();
        this.server.status.send('ready');
      })
      .catch((error) => this.server.logError('refreshing scanned files', error));
  }

  /**
   * Reads every workspace file's declarations (ORM models) once, in the background, so open
   * documents see models declared in files that are not open.
   */
  ensureIndexed(): Promise<void> {
    this.indexing ??= (async () => {
      let changed = false;
      for (const folder of this.server.folders) {
        const base = await this.server.folderBase(folder);
        const { files, declarations } = await this.server.workspace.listFiles([folder], { cwd: folder, base });
        for (const [index, file] of [...files, ...declarations].entries()) {
          if (this.server.openDocuments.openPaths.has(file)) continue;
          if (index % 20 === 0) await yieldToEventLoop();
          await this.server.openDocuments.whenIdle();
          const read = await readSource(file, (await this.server.fileSettings(file, base)).maxFileSize);
          if ('text' in read && this.updateProjectFile(file, read.text)) changed = true;
        }
      }
      if (changed) this.server.invalidate();
    })().catch((error) => this.server.logError('reading the project models', error));
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
      else if ((isSourceFile(file) || isDeclarationFile(file)) && !this.server.openDocuments.openPaths.has(file))
        await this.sourceFileChanged(file, change.type);
    }
    if (settingsChanged) this.server.settingsChanged();
    else if (dependenciesChanged) {
      this.server.workspace.forgetDependencies();
      this.server.project.configurationChanged();
      this.server.invalidate();
    }
    this.server.status.send('ready');
  }

  /** Keeps scanned files current as they change on disk (an open document is its own source of truth). */
  private async sourceFileChanged(file: string, type: FileChangeType): Promise<void> {
    if (type === FileChangeType.Deleted) {
      this.forgetFile(file);
      return;
    }
    const folder = this.server.folderOf(file);
    const base = await this.server.folderBase(file);
    const config = await this.server.fileSettings(file, base);
    if (this.diskResults.has(file) || (this.scanned && folder && config.enable && (await this.server.workspace.wouldList(folder, file, base)))) {
      await this.analyzeDiskFile(file, config);
      this.saveScan();
    } else {
      await this.updateFactsFromDisk(file);
    }
  }

  /** Keeps the project index current for a file that is not scanned (once the index exists). */
  async updateFactsFromDisk(file: string): Promise<void> {
    if (!this.indexing) return;
    const read = await readSource(file, (await this.server.fileSettings(file)).maxFileSize);
    if ('text' in read && this.updateProjectFile(file, read.text)) this.server.invalidate();
  }

  /** Updates a file's project facts; when a client is exported for the first time, reads the files set aside for it. */
  updateProjectFile(file: string, text: string, signals?: SyntaxSignals, sourceFile?: ts.SourceFile, toESTree?: ToESTree): boolean {
    const changed = this.server.project.updateFile(file, text, signals, sourceFile, toESTree);
    const forwarding = this.server.project.takeForwardingFiles();
    if (forwarding.length > 0) void this.readForwardingFiles(forwarding).catch((error) => this.server.logError('reading the project models', error));
    return changed;
  }

  private async readForwardingFiles(files: readonly string[]): Promise<void> {
    let changed = false;
    for (const file of files) {
      const open = this.server.openDocuments.openPaths.get(file);
      const read = open ? undefined : await readSource(file, (await this.server.fileSettings(file)).maxFileSize);
      const text = open ? this.server.documents.get(open)?.getText() : read && 'text' in read ? read.text : undefined;
      if (text !== undefined && this.server.project.updateFile(file, text)) changed = true;
    }
    if (changed) this.server.invalidate();
  }

  /** Stores the scan's results (a little later, once): a restarted server shows them again. */
  private saveScan(): void {
    if (!this.scanned) return;
    this.store.scheduleSave(() => this.scanSnapshot());
  }

  private async scanSnapshot(): Promise<StoredScan> {
    const files = await Promise.all(
      [...this.diskResults].map(async ([file, result]) => {
        const stamp = await ScanStore.stamp(file);
        return (
          stamp && { file, ...stamp, diagnostics: result.diagnostics, rows: result.rows, ...(result.skipped !== undefined && { skipped: result.skipped }) }
        );
      }),
    );
    return { key: await this.scanKey(), files: files.filter((entry) => entry !== undefined), skipped: this.scanSkipped };
  }

  /**
   * Results are reused only under the same server version and the same settings of every folder
   * (the client's, and the `.perflintrc.json` at its root); nested configuration files are not
   * part of the key, but a file changed since is analyzed again with its own.
   */
  async scanKey(): Promise<string> {
    const settings = await Promise.all(
      this.server.folders.map(
        async (folder) => (await this.server.workspace.configFor(path.join(folder, 'index.ts'), (await this.server.folderBase(folder)).config)).config,
      ),
    );
    return JSON.stringify({ version: serverVersion(), folders: this.server.folders, settings });
  }

  /** Shows the stored results of the last scan; files changed since are analyzed again, and then every file (their facts may have changed). */
  async restoreScan(): Promise<void> {
    const restored = await this.store.load(await this.scanKey());
    if (restored === 'other') this.server.log.storedScanNotUsed(this.store.file ?? '');
    if (!restored || restored === 'other' || this.scanned || this.scanning) return;
    for (const entry of restored.unchanged) {
      const uri = this.server.openDocuments.openPaths.get(entry.file) ?? uriOf(entry.file);
      this.diskResults.set(entry.file, {
        uri,
        diagnostics: entry.diagnostics,
        rows: entry.rows,
        ...(entry.skipped !== undefined && { skipped: entry.skipped }),
      });
      if (!this.server.openDocuments.openPaths.has(entry.file) && entry.diagnostics.length > 0)
        await this.server.connection.sendDiagnostics({ uri, diagnostics: entry.diagnostics });
    }
    this.scanSkipped = restored.skipped;
    this.scanned = true;
    this.server.log.restored({ files: restored.unchanged.length, changed: restored.changed.length, file: this.store.file ?? '' });
    this.server.status.send('ready');
    if (restored.changed.length === 0) return;
    for (const file of restored.changed) await this.sourceFileChanged(file, FileChangeType.Changed);
    this.refreshDiskResults();
  }

  flushScan(): Promise<void> {
    return this.store.flush();
  }

  dispose(): void {
    this.store.dispose();
    clearTimeout(this.diskRefreshTimer);
  }
}
