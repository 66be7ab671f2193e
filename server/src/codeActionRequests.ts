import * as path from 'node:path';
import {
  CodeActionKind,
  MessageType,
  ShowMessageNotification,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type ExecuteCommandParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ALL_RULES, docsUrl, fixText, ruleById, type Finding, type RuleId } from '../../rules/src';
import { analysisOptions } from './analysis';
import { disableForFile, disableForLine, fixAll, quickFix, showDocumentation, wantsKind } from './codeActions';
import { DIAGNOSTIC_SOURCE, findingKey, minimalEdit, toTextEdits, type DiagnosticData } from './convert';
import type { DocumentAnalysis } from './documents';
import { cancelledError } from './errors';
import { FixAllCodeActionKind, ShowDocumentationCommand } from './protocol';
import type { PerfLintServer } from './server';
import { pathOf, sourceFileName } from './uris';

/** A diagnostic made for an earlier version of the document: its range may point at other code now. */
function isStale(document: TextDocument, diagnostic: Diagnostic): boolean {
  const version = (diagnostic.data as Partial<DiagnosticData> | undefined)?.version;
  return typeof version === 'number' && version !== document.version;
}

/** Code action requests (quick fixes, disable comments, fix all) and the show-documentation command. */
export class CodeActionRequests {
  constructor(private readonly server: PerfLintServer) {}

  async codeActions(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const document = this.server.documents.get(params.textDocument.uri);
    const analysis = document && (await this.server.openDocuments.analyzeDocument(document));
    if (token.isCancellationRequested) throw cancelledError();
    if (!document || !analysis) return [];
    const only = params.context.only;
    const versioned = this.server.client.versionedEdits;
    const actions: CodeAction[] = [];
    if (wantsKind(only, CodeActionKind.QuickFix)) {
      const titles = new Set<string>();
      const addOnce = (action: CodeAction): void => {
        if (titles.has(action.title)) return;
        titles.add(action.title);
        actions.push(action);
      };
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE || !ruleById(String(diagnostic.code)) || isStale(document, diagnostic)) continue;
        const ruleId = diagnostic.code as RuleId;
        const fix = this.findingOf(document, analysis, diagnostic)?.fix;
        if (fix) actions.push(quickFix(document, diagnostic, fix, versioned));
        addOnce(disableForLine(document, diagnostic, ruleId, versioned));
        addOnce(disableForFile(document, diagnostic, ruleId, versioned));
        addOnce(showDocumentation(ruleId));
      }
    }
    if (only && wantsKind(only, FixAllCodeActionKind)) {
      const action = await this.fixAllAction(document, analysis);
      if (token.isCancellationRequested) throw cancelledError();
      if (action) actions.push(action);
    }
    return actions;
  }

  /**
   * The finding a diagnostic was made from, if it was made for the document's current version:
   * a fix computed for an older text would edit the wrong places, so it is refused.
   */
  private findingOf(document: TextDocument, analysis: DocumentAnalysis, diagnostic: Diagnostic): Finding | undefined {
    const data = diagnostic.data as Partial<DiagnosticData> | undefined;
    if (analysis.version !== document.version) return undefined;
    const key =
      typeof data?.key === 'string'
        ? data.key
        : findingKey(String(diagnostic.code), document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end));
    return analysis.byKey.get(key);
  }

  private async fixAllAction(document: TextDocument, analysis: DocumentAnalysis): Promise<CodeAction | undefined> {
    if (analysis.version !== document.version || !analysis.findings.some((finding) => finding.fix?.safe)) return undefined;
    const fileName = sourceFileName(document.uri, document.languageId)!;
    const filePath = pathOf(document.uri);
    const config = filePath
      ? await this.server.fileSettings(filePath, {
          config: await this.server.settings.get(document.uri),
          folder: this.server.folderOf(filePath) ?? path.dirname(filePath),
        })
      : await this.server.settings.get(document.uri);
    const project = this.server.project.info(filePath, filePath ? this.server.folderOf(filePath) : undefined, await this.server.dependenciesOf(filePath));
    if (document.version !== analysis.version) return undefined;
    const text = document.getText();
    const { text: fixed, newFiles } = fixText(text, fileName, analysisOptions(config, project, this.server.client.createFiles));
    const edit = minimalEdit(text, fixed);
    return edit && fixAll(document, toTextEdits(document, [edit]), this.server.client.versionedEdits, newFiles);
  }

  async executeCommand(params: ExecuteCommandParams): Promise<void> {
    if (params.command !== ShowDocumentationCommand) return;
    const url = params.arguments?.[0];
    // Only a rule's own page: the arguments come from the client, which any extension can call.
    if (typeof url !== 'string' || !ALL_RULES.some((rule) => docsUrl(rule.meta.id) === url)) return;
    if (this.server.client.showDocument) await this.server.connection.window.showDocument({ uri: url, external: true });
    else void this.server.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Perf Lint documentation: ${url}` });
  }
}
