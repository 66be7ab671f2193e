import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderReportPage, type PageMessage, type ReportData, type ReportFinding } from '../../../rules/src/report';

/** Where the report's data comes from (the language server) and how it is exported. */
export interface ReportSource {
  load(): Promise<ReportData>;
  exportHtml(data: ReportData): string;
}

/** What the report view shows; `renderedFindings` is what the loaded page counted itself (undefined if it did not load in time). */
export interface ReportViewState {
  data: ReportData;
  renderedFindings: number | undefined;
}

const PAGE_LOAD_TIMEOUT_MS = 10_000;

/** The report view: one webview panel, reused and refreshed when opened again. */
export class ReportPanel implements vscode.Disposable {
  static readonly viewType = 'perfLint.report';
  private static current: ReportPanel | undefined;

  private data: ReportData | undefined;
  /** Settles the promise of the latest render when its page reports that it has loaded. */
  private pageLoaded: (findings: number) => void = () => undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Opens the report (or brings it to the front) with fresh data; resolves once the page has loaded. */
  static async show(source: ReportSource): Promise<ReportViewState> {
    // Data first: a server that cannot answer leaves no empty panel behind.
    const data = await source.load();
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal();
    } else {
      // Beside the code when there is some, so that a finding's link opens next to the report.
      const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      const panel = vscode.window.createWebviewPanel(ReportPanel.viewType, 'Perf Lint Report', column, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      ReportPanel.current = new ReportPanel(panel, source);
    }
    const report = ReportPanel.current;
    const loaded = report.render(data);
    const renderedFindings = await Promise.race([
      loaded,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), PAGE_LOAD_TIMEOUT_MS).unref()),
    ]);
    return { data, renderedFindings };
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

  /** Shows the data; resolves with the number of findings the page counted once it has loaded. */
  private render(data: ReportData): Promise<number> {
    this.data = data;
    const loaded = new Promise<number>((resolve) => (this.pageLoaded = resolve));
    this.panel.webview.html = renderReportPage(data, {
      cspSource: this.panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
    });
    return loaded;
  }

  private async onMessage(message: PageMessage): Promise<void> {
    try {
      switch (message.type) {
        case 'ready':
          this.pageLoaded(message.findings);
          break;
        case 'open': {
          const finding = this.data?.findings[message.index];
          if (finding) await openFinding(finding);
          break;
        }
        case 'export':
          if (this.data) await exportReport(this.data, this.source);
          break;
        case 'refresh':
          void this.render(await this.source.load());
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
async function openFinding(finding: ReportFinding): Promise<vscode.TextEditor> {
  const uri = await resolveReportFile(finding.file);
  const range = new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
  return vscode.window.showTextDocument(uri, { selection: range, preview: false, viewColumn: vscode.ViewColumn.One });
}

/** Report paths are relative to the first workspace folder (or absolute, or URIs of untitled documents): find the file. */
async function resolveReportFile(file: string): Promise<vscode.Uri> {
  // A scheme has two letters or more, so a Windows drive (`c:`) is not one.
  if (/^[a-z][\w+.-]+:/i.test(file)) return vscode.Uri.parse(file);
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const candidate = vscode.Uri.joinPath(folder.uri, file);
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // Not in this folder; try the next one.
    }
  }
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
