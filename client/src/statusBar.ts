import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export type ClientState = StatusParams['state'] | 'starting' | 'stopped';

/** The status bar item: what the server is doing and how many findings it holds; a click opens the report. */
export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private findings = 0;

  constructor() {
    this.item = vscode.window.createStatusBarItem('perfLint.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Perf Lint';
    this.item.command = 'perfLint.openReport';
    this.update({ state: 'starting' });
    this.item.show();
  }

  update(status: { state: ClientState; findings?: number; message?: string }): void {
    if (status.findings !== undefined) this.findings = status.findings;
    const count = `${this.findings}`;
    const icons: Record<ClientState, string> = {
      starting: '$(loading~spin)',
      ready: this.findings > 0 ? '$(warning)' : '$(check)',
      analyzing: '$(loading~spin)',
      scanning: '$(loading~spin)',
      error: '$(error)',
      stopped: '$(circle-slash)',
    };
    const describe: Record<ClientState, string> = {
      starting: 'Perf Lint is starting',
      ready: `Perf Lint: ${this.findings === 1 ? '1 finding' : `${count} findings`}`,
      analyzing: 'Perf Lint is analyzing',
      scanning: 'Perf Lint is scanning the workspace',
      error: 'Perf Lint stopped after an error',
      stopped: 'Perf Lint is stopped',
    };
    const failed = status.state === 'error' || status.state === 'stopped';
    this.item.text = `${icons[status.state]} Perf Lint${failed || status.state === 'starting' ? '' : ` ${count}`}`;
    const tooltip = new vscode.MarkdownString().appendText(describe[status.state]);
    if (status.message) tooltip.appendText(`\n\n${status.message}`);
    tooltip.appendMarkdown(failed ? '\n\nClick to open the report; run **Perf Lint: Restart Server** to try again.' : '\n\nClick to open the report.');
    this.item.tooltip = tooltip;
    this.item.backgroundColor = failed ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
