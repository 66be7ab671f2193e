import type { ReportData } from '../../rules/src';

/** Custom messages between the extension and the language server (besides standard LSP). */
export const ScanWorkspaceRequest = 'perfLint/scanWorkspace';
export interface ScanWorkspaceResult {
  files: number;
  findings: number;
  skipped: Array<{ file: string; reason: string }>;
  durationMs: number;
  cancelled: boolean;
}

/** Findings of every file the server knows (open documents and the last scan), for the report view. */
export const ReportRequest = 'perfLint/report';
export type ReportResult = ReportData;

/** Server → client: state for the status bar. */
export const StatusNotification = 'perfLint/status';
export interface StatusParams {
  state: 'ready' | 'analyzing' | 'scanning' | 'error';
  findings: number;
  message?: string;
  /** While scanning: files analyzed so far of all listed. */
  progress?: { done: number; total: number };
  /** A configuration (file or settings) that could not be used as it is, and why. */
  configError?: string;
}

/** Server → client: whether an open document was analyzed, and if not why, for the status bar. */
export const DocumentStatusNotification = 'perfLint/documentStatus';
export interface DocumentStatusParams {
  uri: string;
  state: 'analyzed' | 'disabled' | 'excluded' | 'notAnalyzed';
  /** Why a file was not analyzed (too large, minified, …). */
  reason?: string;
}

/**
 * Client → server: the last tab of a document closed while the editor keeps the document open
 * (VS Code does), or a document was opened with no tab (after a server restart, the documents
 * whose tabs closed earlier). A pull client does not pull such a document, so the server shows
 * the file as the disk has it, as if it were closed.
 */
export const DocumentHiddenNotification = 'perfLint/documentHidden';
export interface DocumentHiddenParams {
  uri: string;
}

/** What the client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** A folder the server may write to for this workspace: the last scan's results are kept there. */
  storagePath?: string;
}

/** Parameters of `perfLint/scanWorkspace` (all optional; the request may also be sent without any). */
export interface ScanWorkspaceParams {
  /** A progress token the client created; without it the server creates one when the client supports that. */
  workDoneToken?: string | number;
}

/** The code action kind of "fix all safe problems", for `editor.codeActionsOnSave`. */
export const FixAllCodeActionKind = 'source.fixAll.perf-lint';

/** Command the server executes (`workspace/executeCommand`) to open a rule's documentation; argument: the URL. */
export const ShowDocumentationCommand = 'perfLint.showDocumentation';
