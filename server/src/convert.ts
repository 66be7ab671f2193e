import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl } from '../../rules/src/registry';
import type { Finding, Severity, TextEdit as OffsetEdit } from '../../rules/src/types';

export const DIAGNOSTIC_SOURCE = 'perf-lint';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a diagnostic carries back to code actions: which finding, of which document version. */
export interface DiagnosticData {
  key: string;
  version: number;
}

/** Names a finding within one document version. */
export function findingKey(ruleId: string, start: number, end: number): string {
  return `${ruleId}:${start}:${end}`;
}

export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** A finding as an LSP diagnostic; `version` is set for open documents so code actions can refuse stale fixes. */
export function toDiagnostic(finding: Finding, document: TextDocument, version?: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.start, finding.end),
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    message: finding.message,
  };
  if (version !== undefined) {
    const data: DiagnosticData = { key: findingKey(finding.ruleId, finding.start, finding.end), version };
    diagnostic.data = data;
  }
  return diagnostic;
}

export function toTextEdits(document: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: toRange(document, edit.start, edit.end), newText: edit.text }));
}

/** One edit that turns `before` into `after`, covering only the span between their common prefix and suffix. */
export function minimalEdit(before: string, after: string): OffsetEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, end: before.length - suffix, text: after.slice(start, after.length - suffix) };
}
