import * as vscode from 'vscode';
import type { DocumentStatusParams, StatusParams } from '../../server/src/protocol';

/** What the status bar item shows, readable by tests through the extension's API. */
export interface StatusView {
  text: string;
  tooltip: string;
  /** The command a click runs. */
  command: string;
  /** The status bar's warning or error colour, when it asks for attention. */
  attention?: 'warning' | 'error';
}

/** States the client itself knows: before the server runs, after it stopped, or when it could not start. */
interface ClientStatus {
  state: 'starting' | 'stopped' | 'error';
  message?: string;
}

const LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);

/**
 * The status bar item: the server's state (starting, scanning with progress, ready, stopped,
 * configuration error) and, for the file in the editor, whether it was analyzed. It does not
 * repeat the Problems panel's counts. A click opens the report, or the log when something is wrong.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private server: StatusParams | ClientStatus = { state: 'starting' };
  private readonly documents = new Map<string, DocumentStatusParams>();
  private readonly changed = new vscode.EventEmitter<StatusView>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires with what the item shows after each change. */
  readonly onDidChange = this.changed.event;
  view: StatusView = { text: '', tooltip: '', command: '' };

  constructor() {
    this.item = vscode.window.createStatusBarItem('perfLint.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Perf Lint';
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
    this.render();
    this.item.show();
  }

  update(status: StatusParams | ClientStatus): void {
    this.server = status;
    this.render();
  }

  updateDocument(status: DocumentStatusParams): void {
    this.documents.set(status.uri, status);
    this.render();
  }

  forgetDocuments(): void {
    this.documents.clear();
    this.render();
  }

  private render(): void {
    const view = this.compute();
    this.view = view;
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.command;
    this.item.backgroundColor = view.attention ? new vscode.ThemeColor(`statusBarItem.${view.attention}Background`) : undefined;
    this.changed.fire(view);
  }

  private compute(): StatusView {
    const server = this.server;
    const message = server.message ? `\n\n${server.message}` : '';
    switch (server.state) {
      case 'starting':
        return { text: '$(loading~spin) Perf Lint', tooltip: 'Perf Lint: the server is starting', command: 'perfLint.showOutput' };
      case 'stopped':
        return {
          text: '$(circle-slash) Perf Lint',
          tooltip: `Perf Lint: the server is stopped${message}\n\nClick to see its log; run "Perf Lint: Restart Server" to start it again.`,
          command: 'perfLint.showOutput',
          attention: 'error',
        };
      case 'error':
        return {
          text: '$(error) Perf Lint',
          tooltip: `Perf Lint: the server stopped after an error${message}\n\nClick to see its log; run "Perf Lint: Restart Server" to try again.`,
          command: 'perfLint.showOutput',
          attention: 'error',
        };
      case 'scanning': {
        const progress = 'progress' in server && server.progress ? ` ${server.progress.done}/${server.progress.total}` : '';
        return {
          text: `$(loading~spin) Perf Lint${progress}`,
          tooltip: `Perf Lint: scanning the workspace${progress ? ` (${progress.trim()} files)` : ''}\n\nClick to open the report.`,
          command: 'perfLint.openReport',
        };
      }
    }
    if ('configError' in server && server.configError) {
      return {
        text: '$(warning) Perf Lint',
        tooltip: `Perf Lint: configuration error\n\n${server.configError}\n\nClick to see the log.`,
        command: 'perfLint.showOutput',
        attention: 'warning',
      };
    }
    const document = vscode.window.activeTextEditor?.document;
    const status = document && LANGUAGES.has(document.languageId) ? this.documents.get(document.uri.toString()) : undefined;
    switch (status?.state) {
      case 'disabled':
        return {
          text: '$(circle-slash) Perf Lint',
          tooltip: 'Perf Lint is disabled for this folder (perfLint.enable).\n\nClick to open the report.',
          command: 'perfLint.openReport',
        };
      case 'excluded':
        return {
          text: '$(circle-slash) Perf Lint',
          tooltip: 'Perf Lint: this file is excluded (perfLint.exclude).\n\nClick to open the report.',
          command: 'perfLint.openReport',
        };
      case 'notAnalyzed':
        return {
          text: '$(info) Perf Lint: file not analyzed',
          tooltip: `Perf Lint did not analyze this file: ${status.reason ?? 'unknown reason'}.\n\nClick to see the log.`,
          command: 'perfLint.showOutput',
        };
      default:
        return {
          text: '$(check) Perf Lint',
          tooltip: 'Perf Lint is ready; its findings are in the Problems panel.\n\nClick to open the report.',
          command: 'perfLint.openReport',
        };
    }
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
