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
