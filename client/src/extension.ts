import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  WorkDoneProgress,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { renderHtmlReport } from '../../rules/src';
import {
  DocumentHiddenNotification,
  DocumentStatusNotification,
  FixAllCodeActionKind,
  ReportRequest,
  ScanWorkspaceRequest,
  ShowDocumentationCommand,
  StatusNotification,
  type DocumentHiddenParams,
  type DocumentStatusParams,
  type InitializationOptions,
  type ReportResult,
  type ScanWorkspaceParams,
  type ScanWorkspaceResult,
  type StatusParams,
} from '../../server/src/protocol';
import { CrashCounter, MAX_RESTARTS, RESTART_WINDOW_MS } from './crashes';
import { ruleOfDocsUrl, showRuleDocumentation } from './docs';
import { revealChangedCode, withRevealOfChange } from './quickFixes';
import { SERVER_EXEC_ARGV, serverEnvironment } from './serverProcess';
import { ReportPanel, type ReportViewState } from './report/panel';
import { StatusBar, type StatusView } from './statusBar';

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

let client: LanguageClient | undefined;

/** What the extension gives other extensions (and its end-to-end tests). */
export interface PerfLintApi {
  status(): StatusView;
  onDidChangeStatus: vscode.Event<StatusView>;
  onDidRenderReport: vscode.Event<ReportViewState>;
}

export async function activate(context: vscode.ExtensionContext): Promise<PerfLintApi> {
  const output = vscode.window.createOutputChannel('Perf Lint', { log: true });
  const statusBar = new StatusBar();
  context.subscriptions.push(output, statusBar);

  const crashes = new CrashCounter();
  const languageClient = createClient(context, output, statusBar, crashes);
  client = languageClient;
  context.subscriptions.push(
    languageClient.onNotification(StatusNotification, (status: StatusParams) => statusBar.update(status)),
    languageClient.onNotification(DocumentStatusNotification, (status: DocumentStatusParams) => statusBar.updateDocument(status)),
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Starting) {
        statusBar.forgetDocuments();
        statusBar.update({ state: 'starting' });
      }
      // After the last crash the error handler has already said why.
      if (newState === State.Stopped && !crashes.gaveUp) statusBar.update({ state: 'stopped' });
    }),
    vscode.window.tabGroups.onDidChangeTabs((event) => tabsClosed(languageClient, event.closed)),
    vscode.commands.registerCommand('perfLint.scanWorkspace', () => scanWorkspace(languageClient)),
    vscode.commands.registerCommand('perfLint.fixAll', () => fixAllInActiveEditor()),
    vscode.commands.registerCommand('perfLint.showRuleDocumentation', (ruleId?: string) => showRuleDocumentation(context.extensionUri, ruleId)),
    vscode.commands.registerCommand('perfLint.revealChangedCode', revealChangedCode),
    vscode.commands.registerCommand('perfLint.openReport', async () => {
      try {
        return await ReportPanel.show({
          load: () => loadReport(languageClient),
          scan: async () => Boolean(await vscode.commands.executeCommand<ScanWorkspaceResult | undefined>('perfLint.scanWorkspace')),
          exportHtml: renderHtmlReport,
        });
      } catch (error) {
        void offerRecovery(`Perf Lint: cannot open the report: ${errorMessage(error)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('perfLint.restartServer', async () => {
      crashes.reset();
      output.info('Restarting the server on request.');
      await (languageClient.isRunning() ? languageClient.restart() : languageClient.start());
    }),
    vscode.commands.registerCommand('perfLint.showOutput', () => output.show()),
  );

  try {
    await languageClient.start();
  } catch (error) {
    statusBar.update({ state: 'error', message: errorMessage(error) });
    output.error(`The server did not start: ${errorMessage(error)}`);
  }
  return { status: () => statusBar.view, onDidChangeStatus: statusBar.onDidChange, onDidRenderReport: ReportPanel.onDidRender };
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, statusBar: StatusBar, crashes: CrashCounter): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const env = serverEnvironment(process.env, context.globalStorageUri.fsPath);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV], env } },
    // `F5` from a checkout: attach a debugger to the server on port 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6009'], env } },
  };
  const initializationOptions: InitializationOptions = { ...(context.storageUri && { storagePath: context.storageUri.fsPath }) };
  // No `synchronize.fileEvents`: the server registers the file watchers it needs itself.
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    initializationOptions,
    outputChannel: output,
    errorHandler: createErrorHandler(output, statusBar, crashes),
    // `perfLint.run: onSave` needs a pull when a document is saved; the server answers "unchanged" until then.
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: {
      // A document the editor holds without a tab (one closed before a restart, or opened by another
      // extension) is not pulled: the server is told at once, so it shows the file as the disk has it.
      didOpen: async (document, next) => {
        await next(document);
        if (document.uri.scheme === 'file' && !urisInTabs().has(document.uri.toString())) sendHidden(languageClient, document.uri);
      },
      // The rule's page as bundled with the extension: readable offline.
      executeCommand: async (command, args, next) => {
        const rule = command === ShowDocumentationCommand ? ruleOfDocsUrl(args[0]) : undefined;
        return rule ? showRuleDocumentation(context.extensionUri, rule) : next(command, args);
      },
      provideCodeActions: async (document, range, codeActionContext, token, next) => {
        const actions = await next(document, range, codeActionContext, token);
        return actions?.map((action) => withRevealOfChange(action, document.uri));
      },
      workspace: {
        // The server reads the `perfLint` section as PerfLintConfig; `trace` is the client's own setting.
        configuration: async (params, token, next) => {
          const values = await next(params, token);
          if (!Array.isArray(values)) return values;
          return values.map((value: unknown, index) => (params.items[index]?.section === 'perfLint' && isObject(value) ? withoutKey(value, 'trace') : value));
        },
      },
    },
  };
  const languageClient = new LanguageClient('perfLint', 'Perf Lint', serverOptions, clientOptions);
  return languageClient;
}

/** Restarts a crashed server, unless it keeps crashing (see CrashCounter). */
function createErrorHandler(output: vscode.LogOutputChannel, statusBar: StatusBar, crashes: CrashCounter): ErrorHandler {
  return {
    // Errors on the connection are usually transient; a dead server shows up as `closed`.
    error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      if (crashes.record()) {
        output.warn(
          `The server stopped unexpectedly; restarting it (${crashes.count} of ${MAX_RESTARTS} restarts allowed within ${RESTART_WINDOW_MS / 60_000} minutes).`,
        );
        statusBar.update({ state: 'starting' });
        return { action: CloseAction.Restart, handled: true };
      }
      const message = `The Perf Lint server stopped ${MAX_RESTARTS + 1} times in ${RESTART_WINDOW_MS / 60_000} minutes and will not be restarted. See "Perf Lint: Show Output" for its log, then run "Perf Lint: Restart Server".`;
      statusBar.update({ state: 'error', message });
      return { action: CloseAction.DoNotRestart, message };
    },
  };
}

/**
 * Scan Workspace: the request carries a work-done token, so the server's progress shows in this
 * cancellable notification; Cancel cancels the request ($/cancelRequest), which stops the scan.
 */
async function scanWorkspace(languageClient: LanguageClient): Promise<ScanWorkspaceResult | undefined> {
  if (!languageClient.isRunning()) {
    void offerRecovery('Perf Lint: the server is not running.');
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Perf Lint: scanning the workspace', cancellable: true },
    async (progress, token) => {
      const workDoneToken = `perfLint/scan/${randomUUID()}`;
      let percentage = 0;
      const progressListener = languageClient.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const increment = value.percentage === undefined ? undefined : Math.max(0, value.percentage - percentage);
        percentage = value.percentage ?? percentage;
        progress.report({ message: value.message, increment });
      });
      try {
        const params: ScanWorkspaceParams = { workDoneToken };
        return await languageClient.sendRequest<ScanWorkspaceResult>(ScanWorkspaceRequest, params, token);
      } catch (error) {
        if (!token.isCancellationRequested) void vscode.window.showErrorMessage(`Perf Lint: the scan failed: ${errorMessage(error)}`);
        return undefined;
      } finally {
        progressListener.dispose();
      }
    },
  );
  if (result) void announceScan(result);
  return result;
}

async function announceScan(result: ScanWorkspaceResult): Promise<void> {
  const skipped = result.skipped.length > 0 ? `, ${result.skipped.length} skipped (see the report)` : '';
  const summary = `${result.findings} ${result.findings === 1 ? 'finding' : 'findings'} in ${result.files} ${result.files === 1 ? 'file' : 'files'}${skipped}`;
  const message = result.cancelled ? `Perf Lint: scan cancelled; ${summary} so far.` : `Perf Lint: ${summary}.`;
  if ((await vscode.window.showInformationMessage(message, 'Open Report')) === 'Open Report') {
    await vscode.commands.executeCommand('perfLint.openReport');
  }
}

/** Tells the server which documents no tab shows any more (see DocumentHiddenNotification). */
function tabsClosed(languageClient: LanguageClient, closed: readonly vscode.Tab[]): void {
  if (!languageClient.isRunning()) return;
  const shown = urisInTabs();
  for (const tab of closed) {
    if (!(tab.input instanceof vscode.TabInputText) || shown.has(tab.input.uri.toString()) || tab.input.uri.scheme !== 'file') continue;
    sendHidden(languageClient, tab.input.uri);
  }
}

/** The documents some tab shows, as URI strings. */
function urisInTabs(): Set<string> {
  return new Set(
    vscode.window.tabGroups.all.flatMap((group) => group.tabs).flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : [])),
  );
}

function sendHidden(languageClient: LanguageClient, uri: vscode.Uri): void {
  const params: DocumentHiddenParams = { uri: languageClient.code2ProtocolConverter.asUri(uri) };
  void languageClient.sendNotification(DocumentHiddenNotification, params);
}

/** "Fix All Auto-Fixable Problems": the file's safe fixes, as fix-on-save applies them. */
async function fixAllInActiveEditor(): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage('Perf Lint: open a TypeScript or JavaScript file to fix its problems.');
    return false;
  }
  const { document } = editor;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, FixAllCodeActionKind);
  const fixAll = actions?.find((action) => action.kind?.value === FixAllCodeActionKind && action.edit);
  if (!fixAll?.edit) {
    void vscode.window.showInformationMessage('Perf Lint: nothing in this file has a safe automatic fix.');
    return false;
  }
  return vscode.workspace.applyEdit(fixAll.edit);
}

async function loadReport(languageClient: LanguageClient): Promise<ReportResult> {
  if (!languageClient.isRunning()) throw new Error('the server is not running');
  return languageClient.sendRequest<ReportResult>(ReportRequest, {});
}

/** An error message with the two ways out: restart the server, or read its log. */
async function offerRecovery(message: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(message, 'Restart Server', 'Show Output');
  if (choice === 'Restart Server') await vscode.commands.executeCommand('perfLint.restartServer');
  if (choice === 'Show Output') await vscode.commands.executeCommand('perfLint.showOutput');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = value;
  return rest;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
