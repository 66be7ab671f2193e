import type { ReportData } from '../../rules/src/report';

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
