import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';

/** The version in the package.json nearest above the running code ("unknown" when there is none). */
export function serverVersion(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'perf-lint' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No manifest here; look further up.
    }
    if (path.dirname(folder) === folder) return 'unknown';
  }
}

/** What the server tells its log (the editor's output channel), as an ESLint server does: enough to answer "why is this file silent?". */
export class ServerLog {
  /** Each folder's configuration source is logged when it is first read or when it changes. */
  private readonly sources = new Map<string, string>();

  constructor(private readonly connection: Connection) {}

  started(folders: readonly string[]): void {
    this.connection.console.info(
      `Perf Lint language server ${serverVersion()} started on Node ${process.version} (${process.platform}-${process.arch}); workspace folders: ${folders.length > 0 ? folders.join(', ') : 'none'}`,
    );
  }

  configurationSource(folder: string, source: string): void {
    if (this.sources.get(folder) === source) return;
    this.sources.set(folder, source);
    this.connection.console.info(`Configuration of ${folder}: ${source}`);
  }

  projectFileNotRead(file: string, reason: string): void {
    this.connection.console.warn(`Not read: ${file}: ${reason}; the dependencies, paths and packages it declares are not used`);
  }

  notAnalyzed(file: string, reason: string): void {
    this.connection.console.info(`Not analyzed: ${file}: ${reason}`);
  }

  scanFinished(summary: { files: number; findings: number; skipped: number; durationMs: number; cancelled: boolean }): void {
    const what = `${summary.files} files analyzed, ${summary.findings} findings, ${summary.skipped} not analyzed, ${(summary.durationMs / 1000).toFixed(1)} s`;
    this.connection.console.info(summary.cancelled ? `Workspace scan cancelled: ${what} so far` : `Workspace scan: ${what}`);
  }

  restored(summary: { files: number; changed: number; file: string }): void {
    this.connection.console.info(
      `Restored the last scan's results of ${summary.files} files from ${summary.file}${summary.changed > 0 ? `; ${summary.changed} changed since and are analyzed again` : ''}`,
    );
  }

  storedScanNotUsed(file: string): void {
    this.connection.console.info(`The results in ${file} were made by another version or under other settings; scan the workspace to see every file again`);
  }
}
