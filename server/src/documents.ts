import * as path from 'node:path';
import type ts from 'typescript';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EditedFile, readSyntax, type Finding, type SyntaxSignals, type ToESTree } from '../../rules/src';
import { analysisOptions, analyzeText, type FileAnalysis } from './analysis';
import { findingKey, incompleteDiagnostic, notAnalyzedDiagnostic, toDiagnostic } from './convert';
import { cancelledError } from './errors';
import { DocumentStatusNotification, type DocumentStatusParams } from './protocol';
import type { PerfLintServer } from './server';
import { pathOf, sourceFileName } from './uris';

/** Quiet time after the last keystroke before a pushed document is analyzed again. */
export const PUSH_DEBOUNCE_MS = 150;
/** Quiet time after the last analysis before an edited document's project facts are read again. */
export const FACTS_DEBOUNCE_MS = 500;

/** One analysis of an open document, valid for that version and settings generation. */
export interface DocumentAnalysis extends FileAnalysis {
  version: number;
  generation: number;
  diagnostics: Diagnostic[];
  /** Findings by `findingKey`, which diagnostics carry in `data` for their code actions. */
  byKey: Map<string, Finding>;
}

/** Why a document is too large to analyze, named by the setting that allows more; undefined when it is not. */
function sizeOverLimit(text: string, maxFileSize: number): string | undefined {
  // UTF-16 length never exceeds the UTF-8 size: most documents are decided without counting bytes.
  if (text.length <= maxFileSize / 3) return undefined;
  const size = Buffer.byteLength(text, 'utf8');
  return size > maxFileSize ? `larger than perfLint.maxFileSize (${size} bytes, limit ${maxFileSize})` : undefined;
}

/** The documents the editor has open: their analyses, and their diagnostics pushed or pulled. */
export class OpenDocuments {
  readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The text whose project facts the index holds, per open document, and the updates waiting for typing to pause. */
  private readonly factsText = new Map<string, string>();
  private readonly factsUpdates = new Map<string, { timer: NodeJS.Timeout; update: () => void }>();
  /** Open documents by file path, to tell scanned files that are open from those that are not. */
  readonly openPaths = new Map<string, string>();
  private readonly documentStatuses = new Map<string, string>();
  /** Each open document's trees, parsed and converted again only where an edit changed them. */
  private readonly editedFiles = new Map<string, EditedFile>();
  /** Document analyses under way, and background work waiting for them to finish. */
  private analyzing = 0;
  private readonly idleWaiters: Array<() => void> = [];

  constructor(private readonly server: PerfLintServer) {}

  /** The analysis of a document's current version, computed once per version and settings generation. */
  async analyzeDocument(document: TextDocument): Promise<DocumentAnalysis | undefined> {
    const fileName = sourceFileName(document.uri, document.languageId);
    if (!fileName) return undefined;
    const cached = this.analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === this.server.generation) return cached;
    this.analyzing++;
    try {
      return await this.analyzeVersion(document, fileName);
    } finally {
      if (--this.analyzing === 0) for (const resume of this.idleWaiters.splice(0)) resume();
      // The project index is read after the first analysis, and yields to every later one: what the user looks at comes first.
      this.server.scan.ensureIndexed();
    }
  }

  /** Resolves when no document is being analyzed. */
  whenIdle(): Promise<void> {
    return this.analyzing === 0 ? Promise.resolve() : new Promise((resume) => this.idleWaiters.push(resume));
  }

  private async analyzeVersion(document: TextDocument, fileName: string): Promise<DocumentAnalysis> {
    let generation = this.server.generation;
    const filePath = pathOf(document.uri);
    const clientSettings = await this.server.settings.get(document.uri);
    const base = filePath && { config: clientSettings, folder: this.server.folderOf(filePath) ?? path.dirname(filePath) };
    const config = base ? await this.server.fileSettings(filePath, base) : clientSettings;
    const excluded = base ? await this.server.workspace.excludedBy(filePath, base) : undefined;
    const dependencies = await this.server.dependenciesOf(filePath);
    // The document may have changed while the settings were read: analyze what it holds now.
    const version = document.version;
    const text = document.getText();
    let result: FileAnalysis = { findings: [] };
    if (config.enable && !excluded) {
      // Before any parse: every version of a large document would otherwise block the server for seconds.
      const tooLarge = sizeOverLimit(text, config.maxFileSize);
      if (tooLarge) result = { findings: [], skipped: tooLarge };
      else {
        // The tree the signals are read from is the analysis's parse too.
        let edited = this.editedFiles.get(document.uri);
        if (!edited) this.editedFiles.set(document.uri, (edited = new EditedFile()));
        const syntax = readSyntax(text, fileName, edited.parse, edited.signalsOf);
        const { signals } = syntax;
        // The index holds no facts of an open document until its first analysis reads them; later edits are answered first.
        if (filePath && !this.factsText.has(document.uri)) {
          const before = this.server.generation;
          // The tree just parsed, when its file name is the file's: read again later, the index would parse the text a second time.
          // Converted by the document's own converter, the analysis below takes the same ESTree rather than converting the tree again.
          if (fileName === filePath && syntax.sourceFile) this.updateFacts(document.uri, filePath, text, signals, syntax.sourceFile, edited.toESTree);
          else this.updateFacts(document.uri, filePath, text, signals);
          // Its own facts, read just now, are what this analysis reads: it is not out of date for them (nothing else changed meanwhile).
          if (generation === before) generation = this.server.generation;
        }
        const project = this.server.project.info(filePath, filePath ? this.server.folderOf(filePath) : undefined, dependencies);
        result = analyzeText(
          text,
          fileName,
          analysisOptions(config, project, this.server.client.createFiles),
          (message) => this.server.connection.console.error(message),
          { ...syntax, toESTree: edited.toESTree },
        );
        if (filePath) this.updateFactsLater(document.uri, filePath, text, signals);
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
    if (generation === this.server.generation && document.version === version) this.analyses.set(document.uri, analysis);
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

  /** Records a document's project facts now; when they changed, every analysis shown is out of date. */
  private updateFacts(uri: string, file: string, text: string, signals: SyntaxSignals, sourceFile?: ts.SourceFile, toESTree?: ToESTree): void {
    this.cancelFactsUpdate(uri);
    this.factsText.set(uri, text);
    if (this.server.scan.updateProjectFile(file, text, signals, sourceFile, toESTree)) this.server.invalidate();
  }

  /** Records a document's project facts once typing pauses: reading them costs more than the analysis of an edit. */
  private updateFactsLater(uri: string, file: string, text: string, signals: SyntaxSignals): void {
    this.cancelFactsUpdate(uri);
    if (this.factsText.get(uri) === text) return;
    const update = () => {
      try {
        // The version is still the last one parsed, unless another came meanwhile: its tree and ESTree serve the facts.
        const edited = this.editedFiles.get(uri);
        const tree = edited?.treeOf(text, file);
        if (edited && tree) this.updateFacts(uri, file, text, signals, tree, edited.toESTree);
        else this.updateFacts(uri, file, text, signals);
      } catch (error) {
        this.server.logError(`reading the project facts of ${uri}`, error);
      }
    };
    this.factsUpdates.set(uri, { timer: setTimeout(update, FACTS_DEBOUNCE_MS), update });
  }

  private cancelFactsUpdate(uri: string): void {
    clearTimeout(this.factsUpdates.get(uri)?.timer);
    this.factsUpdates.delete(uri);
  }

  /** The document no longer speaks for its file: what the index holds of it is read from the disk. */
  private forgetFacts(uri: string): void {
    this.cancelFactsUpdate(uri);
    this.factsText.delete(uri);
  }

  /** Tells the client whether a document was analyzed, once per change of that answer. */
  private documentStatus(status: DocumentStatusParams): void {
    const key = `${status.state}:${status.reason ?? ''}`;
    if (this.documentStatuses.get(status.uri) === key) return;
    this.documentStatuses.set(status.uri, key);
    if (status.state === 'notAnalyzed') this.server.log.notAnalyzed(pathOf(status.uri) ?? status.uri, status.reason ?? '');
    void this.server.connection.sendNotification(DocumentStatusNotification, status).catch(() => {});
  }

  documentOpened(document: TextDocument): void {
    this.server.runModes.saved(document.uri, document.version);
    const file = pathOf(document.uri);
    if (!file) return;
    this.openPaths.set(file, document.uri);
    // The open document's diagnostics replace those of the scan. Pull clients keep pushed ones
    // apart, and a client may spell the URI differently from the scan: both would show twice.
    const scanned = this.server.scan.diskResults.get(file);
    if (scanned && (this.server.client.pullDiagnostics || scanned.uri !== document.uri))
      void this.server.connection.sendDiagnostics({ uri: scanned.uri, diagnostics: [] });
    if (scanned) scanned.uri = document.uri;
  }

  documentChanged(document: TextDocument): void {
    if (this.server.client.pullDiagnostics) return;
    this.scheduleUnlessHeld(document, this.analyses.has(document.uri) ? PUSH_DEBOUNCE_MS : 0);
  }

  /** Settings or project facts changed: a pushed document is analyzed again now, unless `onSave` holds its edits back until the save. */
  refresh(document: TextDocument): void {
    this.scheduleUnlessHeld(document, 0);
  }

  private scheduleUnlessHeld(document: TextDocument, delay: number): void {
    void this.server.runModes.holdsBack(document.uri, document.version).then((held) => {
      if (!held) this.schedule(document, delay);
    });
  }

  /** See DocumentHiddenNotification: the file's findings are shown from the disk again, as for a closed document. */
  async documentHidden(uri: string): Promise<void> {
    const file = pathOf(uri);
    if (!file || this.openPaths.get(file) !== uri) return;
    this.openPaths.delete(file);
    this.analyses.delete(uri);
    this.editedFiles.delete(uri);
    this.forgetFacts(uri);
    if (this.server.scan.diskResults.has(file)) await this.server.scan.analyzeDiskFile(file, await this.server.fileSettings(file));
    this.server.status.send('ready');
  }

  /** With `perfLint.run: onSave` a saved document is analyzed now (pull clients ask for it on save). */
  documentSaved(document: TextDocument): void {
    this.server.runModes.saved(document.uri, document.version);
    // Saved: a pause in the typing, and what other files read from now on.
    this.factsUpdates.get(document.uri)?.update();
    if (!this.server.client.pullDiagnostics) this.schedule(document, 0);
  }

  async documentClosed(document: TextDocument): Promise<void> {
    const uri = document.uri;
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.forgetFacts(uri);
    this.analyses.delete(uri);
    this.editedFiles.delete(uri);
    this.server.settings.delete(uri);
    this.server.runModes.closed(uri);
    this.documentStatuses.delete(uri);
    const file = pathOf(uri);
    if (file) this.openPaths.delete(file);
    const scanned = file && this.server.scan.diskResults.get(file);
    // Closed without saving: what is on disk is what the workspace holds.
    if (file && scanned) {
      await this.server.scan.analyzeDiskFile(file, await this.server.fileSettings(file));
    } else {
      if (file) await this.server.scan.updateFactsFromDisk(file);
      if (!this.server.client.pullDiagnostics) await this.server.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.server.status.send('ready');
  }

  schedule(document: TextDocument, delay: number): void {
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
    const document = this.server.documents.get(uri);
    if (!document) return;
    const version = document.version;
    try {
      this.server.status.send('analyzing');
      const analysis = await this.analyzeDocument(document);
      // Stale: a newer version is on its way (or the document closed); drop this result.
      if (this.server.documents.get(uri) !== document || document.version !== version || (analysis && analysis.version !== version)) return;
      await this.server.connection.sendDiagnostics({ uri, version, diagnostics: analysis?.diagnostics ?? [] });
      this.server.status.send('ready');
    } catch (error) {
      this.server.logError(`diagnostics of ${uri}`, error);
      this.server.status.send('error', `analysis of ${uri} failed`);
    }
  }

  async pullDiagnostics(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.server.documents.get(params.textDocument.uri);
    const file = document && pathOf(document.uri);
    // Shown again after its tab closed (see documentHidden): its own analysis replaces the disk's.
    if (document && file && !this.openPaths.has(file)) this.documentOpened(document);
    // `onSave`: what the client shows stays until the document is saved.
    if (document && params.previousResultId !== undefined && (await this.server.runModes.holdsBack(document.uri, document.version))) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: params.previousResultId };
    }
    const analysis = document && (await this.analyzeDocument(document));
    if (token.isCancellationRequested) throw cancelledError();
    this.server.status.send('ready');
    if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${analysis.version}:${analysis.generation}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: analysis.diagnostics };
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const { timer } of this.factsUpdates.values()) clearTimeout(timer);
    this.factsUpdates.clear();
  }
}
