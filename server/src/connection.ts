import { DocumentDiagnosticReportKind, ResponseError, type CancellationToken, type Connection, type DocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentHiddenNotification, ReportRequest, ScanWorkspaceRequest, type DocumentHiddenParams, type ScanWorkspaceParams } from './protocol';
import { cancelledError, failed } from './errors';
import { PerfLintServer } from './server';

/**
 * Wraps a request handler so that a cancelled request answers early with RequestCancelled and an
 * exception is logged and answered with `fallback` instead of reaching the connection.
 */
function guard<P, R, E = void>(
  server: PerfLintServer,
  describe: (params: P) => string,
  fallback: R | ResponseError<E>,
  handler: (params: P, token: CancellationToken) => Promise<R>,
) {
  return async (params: P, token: CancellationToken): Promise<R | ResponseError<E>> => {
    if (token.isCancellationRequested) return cancelledError<E>();
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<E>;
      server.logError(describe(params), error);
      return fallback;
    }
  };
}

/** A custom request's handler gets its parameters (when the client sent any) and, always last, the cancellation token. */
function paramsAndToken<P>(args: unknown[]): [P | undefined, CancellationToken] {
  return [args.length > 1 ? (args[0] as P) : undefined, args[args.length - 1] as CancellationToken];
}

/** Binds a connection (any transport) to a new server and starts listening. */
export function startServer(connection: Connection): PerfLintServer {
  const server = new PerfLintServer(connection);
  const { documents } = server;
  const onDocument = (what: string, uri: string) => (error: unknown) => server.logError(`${what} ${uri}`, error);

  connection.onInitialize((params) => server.initialize(params));
  connection.onInitialized(() => void server.initialized().catch((error) => server.logError('initialization', error)));
  connection.onDidChangeConfiguration(() => server.settingsChanged());
  connection.onDidChangeWatchedFiles(
    (params) => void server.scan.watchedFilesChanged(params).catch((error) => server.logError('handling file changes', error)),
  );
  documents.onDidOpen(({ document }) => server.openDocuments.documentOpened(document));
  documents.onDidChangeContent(({ document }) => server.openDocuments.documentChanged(document));
  documents.onDidClose(({ document }) => void server.openDocuments.documentClosed(document).catch(onDocument('closing', document.uri)));
  documents.onDidSave(({ document }) => server.openDocuments.documentSaved(document));
  connection.onNotification(
    DocumentHiddenNotification,
    (params: DocumentHiddenParams) => void server.openDocuments.documentHidden(params.uri).catch(onDocument('hiding', params.uri)),
  );

  const uriOfParams = (params: { textDocument: { uri: string } }) => params.textDocument.uri;
  connection.languages.diagnostics.on(
    guard(
      server,
      (params) => `diagnostics of ${uriOfParams(params)}`,
      { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport,
      (params, token) => server.openDocuments.pullDiagnostics(params, token),
    ),
  );
  connection.onCodeAction(
    guard(
      server,
      (params) => `code actions of ${uriOfParams(params)}`,
      [],
      (params, token) => server.actions.codeActions(params, token),
    ),
  );
  connection.onExecuteCommand(
    guard(
      server,
      (params) => `command ${params.command}`,
      undefined,
      (params) => server.actions.executeCommand(params),
    ),
  );
  const scan = guard(
    server,
    () => 'the workspace scan',
    failed('The workspace scan'),
    (params: ScanWorkspaceParams | undefined, token) => server.scan.scanWorkspace(params, token),
  );
  connection.onRequest(ScanWorkspaceRequest, (...args: unknown[]) => scan(...paramsAndToken<ScanWorkspaceParams>(args)));
  const report = guard(
    server,
    () => 'the report',
    failed('The report'),
    (_params: unknown, token) => server.status.report(token),
  );
  connection.onRequest(ReportRequest, (...args: unknown[]) => report(...paramsAndToken<unknown>(args)));
  connection.onShutdown(async () => {
    await server.scan.flushScan();
    server.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return server;
}
