import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PerfLintConfig } from '../../rules/src';
import { Workspace, type ConfigBase, type Dependencies } from '../../workspace/src';
import { CodeActionRequests } from './codeActionRequests';
import { DIAGNOSTIC_SOURCE } from './convert';
import { OpenDocuments } from './documents';
import { clientFeatures, type ClientFeatures } from './features';
import { ServerLog } from './log';
import { isInside, ProjectIndex } from './project';
import { FixAllCodeActionKind, ShowDocumentationCommand, type InitializationOptions } from './protocol';
import { RunModes } from './runMode';
import { WorkspaceScan } from './scan';
import { configFromClient, SETTINGS_SECTION, SettingsCache } from './settings';
import { StatusAndReport } from './status';
import { pathOf, uriOf } from './uris';

/**
 * The language server's logic. It is handed its connection from outside (stdio, IPC or socket,
 * or a test's in-memory pipe); `startServer` only binds the connection's events to it. It holds
 * what every part shares (the client's features, the folders, settings, the project index); the
 * parts are the open documents, code actions, the workspace scan, and the report and status.
 */
export class PerfLintServer {
  readonly documents = new TextDocuments(TextDocument);
  client: ClientFeatures = clientFeatures({});
  folders: string[] = [];
  /** The client's settings per URI: the editor's own options, and the defaults where no configuration file applies. */
  readonly settings: SettingsCache;
  readonly workspace: Workspace;
  readonly project: ProjectIndex;
  /** Bumped whenever settings or project facts change: every earlier analysis is then out of date. */
  generation = 0;
  readonly log: ServerLog;
  readonly runModes: RunModes;
  /** The last problem with a configuration, until the settings change: the status bar shows it. */
  configError: string | undefined;
  readonly openDocuments = new OpenDocuments(this);
  readonly actions = new CodeActionRequests(this);
  readonly scan = new WorkspaceScan(this);
  readonly status = new StatusAndReport(this);

  constructor(readonly connection: Connection) {
    this.log = new ServerLog(connection);
    this.runModes = new RunModes(connection, () => this.client.configuration);
    this.workspace = new Workspace({
      onError: (problem) => {
        const message = `Perf Lint: ${problem}; using the default settings.`;
        this.connection.console.error(message);
        this.configProblem(message);
        void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message });
      },
      onUnreadableProjectFile: (file, reason) => this.log.projectFileNotRead(file, reason),
    });
    // Found again while a file is analyzed: the other files are analyzed again after it.
    this.project = new ProjectIndex(
      (file) => this.folderOf(file),
      this.workspace.projectHost,
      () => void Promise.resolve().then(() => this.invalidate()),
    );
    this.settings = new SettingsCache(
      (uri) => this.readSettings(uri),
      (message) => this.connection.console.error(message),
    );
  }

  initialize(params: InitializeParams): InitializeResult {
    this.client = clientFeatures(params.capabilities);
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.flatMap((uri) => pathOf(uri) ?? []);
    if (this.folders.length === 0 && params.rootPath) this.folders = [params.rootPath];
    const storagePath = (params.initializationOptions as InitializationOptions | undefined)?.storagePath;
    this.scan.storeIn(typeof storagePath === 'string' ? storagePath : undefined);
    this.log.started(this.folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: this.client.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FixAllCodeActionKind] } : true,
        executeCommandProvider: { commands: [ShowDocumentationCommand] },
        ...(this.client.pullDiagnostics && {
          diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false },
        }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'perf-lint-language-server' },
    };
  }

  async initialized(): Promise<void> {
    if (this.client.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.flatMap((folder) => pathOf(folder.uri) ?? []));
        this.folders = [...this.folders.filter((folder) => !removed.has(folder)), ...event.added.flatMap((folder) => pathOf(folder.uri) ?? [])];
        this.scan.foldersChanged();
      });
    }
    if (this.client.configurationRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (this.client.watcherRegistration) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}' },
          { globPattern: '**/package.json' },
          { globPattern: '**/{tsconfig*.json,pnpm-workspace.yaml}' },
          { globPattern: '**/.perflintrc.json' },
        ],
      });
    }
    this.status.send('ready');
    await this.scan.restoreScan();
  }

  // Settings

  private async readSettings(uri: string): Promise<PerfLintConfig> {
    if (!this.client.configuration) return configFromClient(undefined, () => {});
    const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
    return configFromClient(raw, (message) => {
      this.connection.console.warn(message);
      this.configProblem(message);
    });
  }

  /** The client's settings for a file's workspace folder (for the file itself when it is in none), with the folder their globs start from. */
  async folderBase(file: string): Promise<ConfigBase> {
    const folder = this.folderOf(file) ?? path.dirname(file);
    return { config: await this.settings.get(uriOf(this.folderOf(file) ?? file)), folder };
  }

  /** A file's settings, as the command reads them: its `.perflintrc.json` files, else the client's settings. */
  async fileSettings(file: string, base?: ConfigBase): Promise<PerfLintConfig> {
    const { config, sources } = await this.workspace.configFor(file, (base ?? (await this.folderBase(file))).config);
    this.log.configurationSource(
      this.folderOf(file) ?? path.dirname(file),
      sources.length > 0 ? sources.join(' over ') : this.client.configuration ? "the editor's perfLint settings" : 'the defaults',
    );
    return config;
  }

  /** The client's settings or a configuration file changed. */
  settingsChanged(): void {
    this.settings.clear();
    this.workspace.forgetConfiguration();
    this.runModes.clear();
    this.configError = undefined;
    this.invalidate();
    this.status.send('ready');
    // Read every folder's settings now, so that a problem in them shows even with no file open.
    void this.scan.scanKey().catch((error) => this.logError('reading the settings', error));
  }

  private configProblem(message: string): void {
    this.configError = message;
    this.status.send('ready');
  }

  /** The dependencies of a file's package. */
  async dependenciesOf(filePath: string | undefined): Promise<Dependencies> {
    return filePath ? await this.workspace.dependenciesOf(filePath) : { sorted: [], set: new Set() };
  }

  /** Settings or project facts changed: analyze everything shown again. */
  invalidate(): void {
    this.generation++;
    if (this.client.pullDiagnostics) {
      if (this.client.diagnosticRefresh) void this.connection.languages.diagnostics.refresh().catch((error) => this.logError('diagnostics refresh', error));
    } else {
      for (const document of this.documents.all()) this.openDocuments.refresh(document);
    }
    if (this.scan.diskResults.size > 0) this.scan.refreshDiskResults();
  }

  folderOf(file: string): string | undefined {
    return this.folders.find((folder) => isInside(folder, file));
  }

  logError(what: string, error: unknown): void {
    this.connection.console.error(`Perf Lint: ${what} failed: ${(error as Error)?.stack ?? String(error)}`);
  }

  dispose(): void {
    this.scan.dispose();
    this.openDocuments.dispose();
  }
}
