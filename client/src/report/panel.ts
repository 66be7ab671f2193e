import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReportData, ReportFinding } from '../../../rules/src/report';
import { renderReportPage, type PageMessage } from './page';

/** Where the report's data comes from (the language server) and how it is exported. */
export interface ReportSource {
  load(): Promise<ReportData>;
  exportHtml(data: ReportData): string;
}

/** The report view: one webview panel, reused and refreshed when opened again. */
export class ReportPanel implements vscode.Disposable {
  static readonly viewType = 'perfLint.report';
  private static current: ReportPanel | undefined;

  private data: ReportData | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Opens the report (or brings it to the front) with fresh data. */
  static async show(source: ReportSource): Promise<ReportPanel> {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal(vscode.ViewColumn.Active);
    } else {
      const panel = vscode.window.createWebviewPanel(ReportPanel.viewType, 'Perf Lint Report', vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      ReportPanel.current = new ReportPanel(panel, source);
    }
    await ReportPanel.current.refresh();
    return ReportPanel.current;
  }

  /** The open report, if any (the tests read its page through this). */
  static get active(): ReportPanel | undefined {
    return ReportPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly source: ReportSource,
  ) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: PageMessage) => this.onMessage(message)),
    );
  }

  get html(): string {
    return this.panel.webview.html;
  }

  get report(): ReportData | undefined {
    return this.data;
  }

  async refresh(): Promise<void> {
    this.data = await this.source.load();
    this.panel.webview.html = renderReportPage(this.data, {
      cspSource: this.panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
    });
  }

  private async onMessage(message: PageMessage): Promise<void> {
    try {
      switch (message.type) {
        case 'open': {
          const finding = this.data?.findings[message.index];
          if (finding) await openFinding(finding);
          break;
        }
        case 'export':
          if (this.data) await exportReport(this.data, this.source);
          break;
        case 'refresh':
          await this.refresh();
          break;
      }
    } catch (error) {
      void vscode.window.showErrorMessage(`Perf Lint: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    this.panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}

/** Opens the file of a finding with its range selected. */
export async function openFinding(finding: ReportFinding): Promise<vscode.TextEditor> {
  const uri = await resolveReportFile(finding.file);
  const range = new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
  return vscode.window.showTextDocument(uri, { selection: range, preview: false, viewColumn: vscode.ViewColumn.One });
}

/** Report paths are relative to a workspace folder (or absolute, or URIs for untitled files): find the file. */
async function resolveReportFile(file: string): Promise<vscode.Uri> {
  if (/^[a-z][\w+.-]+:/i.test(file) && !/^[a-z]:[\\/]/i.test(file)) return vscode.Uri.parse(file);
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const folder of folders) {
    const candidate = vscode.Uri.joinPath(folder.uri, file);
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // Not in this folder; try the next one.
    }
  }
  // Multi-root reports may prefix the folder's name.
  const [first, ...rest] = file.split('/');
  const named = folders.find((folder) => folder.name === first);
  if (named && rest.length > 0) return vscode.Uri.joinPath(named.uri, ...rest);
  throw new Error(`cannot find ${file} in the workspace`);
}

/** Asks where to save, then writes the same page the command line writes with `--format html`. */
async function exportReport(data: ReportData, source: ReportSource): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export Perf Lint Report',
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'perf-lint-report.html') : undefined,
    filters: { HTML: ['html'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(source.exportHtml(data), 'utf8'));
  void vscode.window.showInformationMessage(`Perf Lint report saved to ${vscode.workspace.asRelativePath(target)}.`);
}
