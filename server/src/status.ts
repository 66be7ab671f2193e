import * as path from 'node:path';
import type { CancellationToken } from 'vscode-languageserver';
import { reportFindings, type ReportData, type ReportFinding } from '../../rules/src';
import { inside } from '../../workspace/src';
import { cancelledError } from './errors';
import { StatusNotification, type StatusParams } from './protocol';
import type { PerfLintServer } from './server';
import { pathOf } from './uris';

/** A path relative to `root` with forward slashes. */
function relativePosix(root: string, file: string): string {
  return inside(root, file) ?? path.relative(root, file).split(path.sep).join('/');
}

/** What the client shows of the whole workspace: the report's data and the status bar's state. */
export class StatusAndReport {
  private lastStatus = '';

  constructor(private readonly server: PerfLintServer) {}

  /** Every known file's findings: open documents as they are now, the others as last scanned. */
  async report(token: CancellationToken): Promise<ReportData> {
    const rows: ReportFinding[] = [];
    const files = new Set<string>();
    for (const document of this.server.documents.all()) {
      const shownFile = pathOf(document.uri);
      if (shownFile && !this.server.openDocuments.openPaths.has(shownFile)) continue;
      const analysis = await this.server.openDocuments.analyzeDocument(document);
      if (token.isCancellationRequested) throw cancelledError();
      if (!analysis || analysis.skipped !== undefined) continue;
      const file = pathOf(document.uri) ?? document.uri;
      files.add(file);
      for (const row of reportFindings(file, document.getText(), analysis.findings)) rows.push({ ...row, ...this.reportLocation(file) });
    }
    for (const [file, result] of this.server.scan.diskResults) {
      if (files.has(file) || result.skipped !== undefined) continue;
      files.add(file);
      for (const row of result.rows) rows.push({ ...row, ...this.reportLocation(file) });
    }
    rows.sort((a, b) => (a.folder ?? '').localeCompare(b.folder ?? '') || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    const root = this.server.folders[0];
    return {
      root: root ? path.basename(root) : '',
      ...(this.server.folders.length > 1 && { folders: this.server.folders.map((folder) => path.basename(folder)) }),
      ...(!this.server.scan.scanned && { openFilesOnly: true }),
      files: files.size,
      findings: rows,
      skipped: this.server.scan.scanSkipped.map((item) => ({ file: this.displayPath(item.path), reason: item.reason })),
    };
  }

  /** Where the report shows a file: relative to its workspace folder, which it names when there are several. */
  private reportLocation(file: string): { file: string; folder?: string } {
    const folder = this.server.folders.length > 1 ? this.server.folderOf(file) : undefined;
    return folder ? { file: relativePosix(folder, file), folder: path.basename(folder) } : { file: this.displayPath(file) };
  }

  /** A path relative to its workspace folder (prefixed with the folder's name when there are several), with forward slashes. */
  displayPath(file: string): string {
    const folder = this.server.folders.length > 1 ? this.server.folderOf(file) : undefined;
    if (folder) return `${path.basename(folder)}/${relativePosix(folder, file)}`;
    const root = this.server.folders[0];
    return root && path.isAbsolute(file) ? relativePosix(root, file) : file;
  }

  private totalFindings(): number {
    let total = 0;
    const counted = new Set<string>();
    for (const [uri, analysis] of this.server.openDocuments.analyses) {
      total += analysis.findings.length;
      const file = pathOf(uri);
      if (file) counted.add(file);
    }
    for (const [file, result] of this.server.scan.diskResults) if (!counted.has(file)) total += result.diagnostics.length;
    return total;
  }

  send(state: StatusParams['state'], message?: string, progress?: StatusParams['progress']): void {
    const status: StatusParams = {
      state: this.server.scan.scanning && state !== 'error' ? 'scanning' : state,
      findings: this.totalFindings(),
      ...(message && { message }),
      ...(progress && { progress }),
      ...(this.server.configError && { configError: this.server.configError }),
    };
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    void this.server.connection.sendNotification(StatusNotification, status).catch(() => {});
  }
}
