import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { renderReportPage, type PageMessage, type ReportData, type ReportFinding } from '../../../rules/src';

/** Where the report's data comes from (the language server) and how it is exported. */
export interface ReportSource {
  load(): Promise<ReportData>;
  /** Scans the workspace; true once a scan completed. */
  scan(): Promise<boolean>;
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
  private static readonly rendered = new vscode.EventEmitter<ReportViewState>();
  /** Fires whenever a page has loaded (opened, refreshed, or after a scan from its button). */
  static readonly onDidRender = ReportPanel.rendered.event;

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
          if (this.data) ReportPanel.rendered.fire({ data: this.data, renderedFindings: message.findings });
          break;
        case 'open': {
          const finding = this.data?.findings[message.index];
          if (finding) await openFinding(finding, this.panel.viewColumn);
          break;
        }
        case 'scan':
          if (await this.source.scan()) void this.render(await this.source.load());
          break;
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

/** Opens the file of a finding with its range selected, in a column other than the report's so that the report stays in view. */
async function openFinding(finding: ReportFinding, reportColumn: vscode.ViewColumn | undefined): Promise<vscode.TextEditor> {
  const uri = await resolveReportFile(finding);
  const range = new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
  const codeColumn = vscode.window.visibleTextEditors.find((editor) => editor.viewColumn !== undefined && editor.viewColumn !== reportColumn)?.viewColumn;
  const viewColumn = codeColumn ?? (reportColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
  return vscode.window.showTextDocument(uri, { selection: range, preview: false, viewColumn });
}

/** Report paths are relative to their workspace folder, which a multi-root report names (or absolute, or URIs of untitled documents): find the file. */
async function resolveReportFile({ file, folder: folderName }: ReportFinding): Promise<vscode.Uri> {
  // A scheme has two letters or more, so a Windows drive (`c:`) is not one.
  if (/^[a-z][\w+.-]+:/i.test(file)) return vscode.Uri.parse(file);
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const folder of folderName === undefined
    ? folders
    : folders.filter((candidate) => candidate.name === folderName || path.basename(candidate.uri.fsPath) === folderName)) {
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

/**
 * Asks where to save (the home folder by default, not the repository, where the file would show
 * up as a change), writes the page the command line writes with `--format html`, and offers to open it.
 */
async function exportReport(data: ReportData, source: ReportSource): Promise<void> {
  const target = await vscode.window.showSaveDialog({
    title: 'Export Perf Lint Report',
    defaultUri: vscode.Uri.file(path.join(os.homedir(), 'perf-lint-report.html')),
    filters: { HTML: ['html'] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, Buffer.from(source.exportHtml(data), 'utf8'));
  const choice = await vscode.window.showInformationMessage(`Perf Lint report saved to ${target.fsPath}.`, 'Open');
  if (choice === 'Open') await vscode.env.openExternal(target);
}
