import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type LogMessageParams,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowDocumentParams,
  type ShowMessageParams,
  type TextEdit,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sortFindings, type ExpectedFinding } from '../../rules/test/annotations';
import type { StatusParams } from '../src/protocol';

/** The repository root, from `out/server/test`. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');

export type DiagnosticMode = 'pull' | 'push';

export interface ClientOptions {
  mode: DiagnosticMode;
  workspaceFolders?: string[];
  /** Answers `workspace/configuration`; without it the client lacks that capability. */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Dynamic registration of file watchers, configuration changes. */
  dynamicRegistration?: boolean;
  /** Lets the server create work-done progress (`window/workDoneProgress/create`). */
  workDoneProgress?: boolean;
  /** Workspace edits may create files (`resourceOperations: ['create']`). */
  createFiles?: boolean;
  initializationOptions?: unknown;
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** The range of the `occurrence`-th `needle` in `text`, computed from the text, never counted by hand. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    start = text.indexOf(needle, start + 1);
    if (start < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  const document = TextDocument.create('file:///range', 'typescript', 0, text);
  return { start: document.positionAt(start), end: document.positionAt(start + needle.length) };
}

/** Applies a workspace edit's changes of one document to its text. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...(change.edits as TextEdit[]));
  }
  edits.push(...(edit.changes?.[uri] ?? []));
  return TextDocument.applyEdits(TextDocument.create(uri, 'typescript', 0, text), edits);
}

function capabilitiesFor(options: ClientOptions): ClientCapabilities {
  const dynamic = options.dynamicRegistration ?? true;
  return {
    workspace: {
      configuration: Boolean(options.settings),
      didChangeConfiguration: { dynamicRegistration: dynamic },
      didChangeWatchedFiles: { dynamicRegistration: dynamic },
      workspaceFolders: true,
      workspaceEdit: { documentChanges: true, ...(options.createFiles && { resourceOperations: ['create'] }) },
      diagnostics: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: {
        dataSupport: true,
        isPreferredSupport: true,
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      },
      ...(options.mode === 'pull' && { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }),
    },
    window: { workDoneProgress: options.workDoneProgress ?? true, showDocument: { support: true } },
  };
}

/** An LSP client for tests: spawns the built server over stdio and records what it sends. */
export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly progress: Array<{ token: string | number; value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd }> = [];
  readonly createdProgressTokens: Array<string | number> = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly registrations: string[] = [];
  readonly configurationRequests: Array<string | undefined> = [];
  refreshRequests = 0;
  /** Set to hold `workspace/configuration` answers until it resolves. */
  configurationGate: Promise<void> | undefined;
  private readonly versions = new Map<string, number>();
  private exited = false;

  private constructor(
    readonly connection: MessageConnection,
    private readonly child: ChildProcess,
    readonly options: ClientOptions,
    readonly initializeResult: InitializeResult,
  ) {
    child.on('exit', () => (this.exited = true));
  }

  static async start(options: ClientOptions): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const pending: Array<(client: TestClient) => void> = [];
    let client: TestClient | undefined;
    // Handlers must exist before the first message arrives; they reach the client once it exists.
    const withClient = (action: (client: TestClient) => void): void => (client ? action(client) : void pending.push(action));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) =>
      withClient((c) => c.diagnostics.set(params.uri, [...(c.diagnostics.get(params.uri) ?? []), params])),
    );
    connection.onNotification('$/progress', (params: TestClient['progress'][number]) => withClient((c) => c.progress.push(params)));
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => withClient((c) => c.messages.push(params)));
    connection.onNotification('window/logMessage', (params: LogMessageParams) => withClient((c) => c.logs.push(params)));
    connection.onNotification('perfLint/status', (params: StatusParams) => withClient((c) => c.statuses.push(params)));
    connection.onRequest('workspace/configuration', async (params: { items: Array<{ scopeUri?: string; section?: string }> }) => {
      while (!client) await new Promise((resolve) => setTimeout(resolve, 5));
      client.configurationRequests.push(...params.items.map((item) => item.scopeUri));
      await client.configurationGate;
      return params.items.map((item) => {
        const settings = options.settings?.(item.scopeUri) ?? null;
        if (item.section === 'perfLint') return settings;
        // `perfLint.run` and the like: one key of the section.
        const key = item.section?.startsWith('perfLint.') ? item.section.slice('perfLint.'.length) : undefined;
        return key && settings && typeof settings === 'object' ? ((settings as Record<string, unknown>)[key] ?? null) : null;
      });
    });
    connection.onRequest('client/registerCapability', (params: { registrations: Array<{ method: string }> }) => {
      withClient((c) => c.registrations.push(...params.registrations.map((registration) => registration.method)));
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      withClient((c) => c.createdProgressTokens.push(params.token));
      return null;
    });
    connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      withClient((c) => c.shownDocuments.push(params));
      return { success: true };
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      withClient((c) => c.refreshRequests++);
      return null;
    });
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    const initializeResult: InitializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      capabilities: capabilitiesFor(options),
      workspaceFolders: folders.map((folder) => ({ uri: uriOf(folder), name: path.basename(folder) })),
      ...(options.initializationOptions !== undefined && { initializationOptions: options.initializationOptions }),
    });
    client = new TestClient(connection, child, options, initializeResult);
    for (const action of pending) action(client);
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The server's process id, to read its memory. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  async open(uri: string, text: string, languageId = 'typescript'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text; returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Pull mode: asks for a document's diagnostics. */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report: { kind: string; items?: Diagnostic[] } = await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
    return report.items ?? [];
  }

  /** Push mode: waits for diagnostics published for `uri` that satisfy `accept` (by default: any for the current version). */
  async pushed(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = (params) => params.version === this.version(uri)): Promise<Diagnostic[]> {
    const params = await waitFor(() => [...(this.diagnostics.get(uri) ?? [])].reverse().find(accept), `diagnostics for ${uri}`);
    return params.diagnostics;
  }

  /** The last diagnostics published for `uri`, or undefined when none were. */
  lastPublished(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri)?.at(-1)?.diagnostics;
  }

  async stop(): Promise<void> {
    if (this.alive) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        // Already gone.
      }
    }
    await waitFor(() => !this.alive || undefined, 'server exit').catch(() => this.child.kill());
    this.connection.dispose();
  }
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Language ids as editors give them, by file extension. */
const LANGUAGES: Record<string, string> = {
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
  '.jsx': 'javascriptreact',
};

export function languageOf(file: string): string {
  return LANGUAGES[path.extname(file)] ?? 'javascript';
}

/** Diagnostics in the annotations' terms (1-based lines and columns), to compare with a fixture's list. */
export function asExpected(diagnostics: readonly Diagnostic[]): ExpectedFinding[] {
  return sortFindings(
    diagnostics.map((diagnostic) => ({
      rule: String(diagnostic.code),
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
    })),
  );
}
