import type { ClientCapabilities } from 'vscode-languageserver';

/** What the client can do, read once from `initialize`. */
export interface ClientFeatures {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  watcherRegistration: boolean;
  workspaceFolders: boolean;
  workDoneProgress: boolean;
  versionedEdits: boolean;
  /** The client creates files an edit names (a fix's helper module). */
  createFiles: boolean;
  codeActionLiterals: boolean;
  showDocument: boolean;
}

export function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  return {
    pullDiagnostics: Boolean(capabilities.textDocument?.diagnostic),
    diagnosticRefresh: Boolean(capabilities.workspace?.diagnostics?.refreshSupport),
    configuration: Boolean(capabilities.workspace?.configuration),
    configurationRegistration: Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration),
    watcherRegistration: Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration),
    workspaceFolders: Boolean(capabilities.workspace?.workspaceFolders),
    workDoneProgress: Boolean(capabilities.window?.workDoneProgress),
    versionedEdits: Boolean(capabilities.workspace?.workspaceEdit?.documentChanges),
    createFiles: Boolean(capabilities.workspace?.workspaceEdit?.documentChanges && capabilities.workspace.workspaceEdit.resourceOperations?.includes('create')),
    codeActionLiterals: Boolean(capabilities.textDocument?.codeAction?.codeActionLiteralSupport),
    showDocument: Boolean(capabilities.window?.showDocument?.support),
  };
}
