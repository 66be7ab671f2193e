import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type Finding, type Severity, type TextEdit as OffsetEdit } from '../../rules/src';
import { pathOf, uriOf } from './uris';

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
  if (finding.related) {
    diagnostic.relatedInformation = finding.related.map((related) => {
      const position = { line: related.line - 1, character: related.column - 1 };
      const uri = pathOf(document.uri) === related.file ? document.uri : uriOf(related.file);
      return {
        location: { uri, range: { start: position, end: { line: position.line, character: position.character + (related.end - related.start) } } },
        message: related.message,
      };
    });
  }
  if (version !== undefined) {
    const data: DiagnosticData = { key: findingKey(finding.ruleId, finding.start, finding.end), version };
    diagnostic.data = data;
  }
  return diagnostic;
}

/**
 * Says at the top of an open file that it was not analyzed (binary, minified, too large, nested
 * too deeply): without it the file would look free of problems. Syntax errors do not get one: the
 * intact code is still analyzed, and the TypeScript service already marks the error.
 */
export function notAnalyzedDiagnostic(reason: string): Diagnostic {
  const start = { line: 0, character: 0 };
  // The editor's name of the limit, so that the notice says what to change.
  const setting = /size limit|maxFileSize/.test(reason) && !reason.includes('perfLint.maxFileSize') ? ' (perfLint.maxFileSize sets the limit)' : '';
  return {
    range: { start, end: start },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    message: `Perf Lint did not analyze this file: ${reason}${setting}.`,
  };
}

/** Says at the top of a file that a rule failed on it: the file is not free of problems just because none are shown. */
export function incompleteDiagnostic(reason: string): Diagnostic {
  const start = { line: 0, character: 0 };
  return {
    range: { start, end: start },
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: `Perf Lint could not fully analyze this file, findings may be missing: ${reason}.`,
  };
}

/** A fix's edits as LSP text edits, made unambiguous for every client (see `normalizeEdits`). */
export function toTextEdits(document: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return normalizeEdits(edits).map((edit) => ({ range: toRange(document, edit.start, edit.end), newText: edit.text }));
}

/**
 * Orders edits by position and joins those that touch (an insertion where a replacement starts),
 * dropping repeats, so they mean what `applyFixes` makes of them: LSP clients reject touching
 * edits or apply them in an order of their own.
 */
export function normalizeEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const joined: OffsetEdit[] = [];
  for (const edit of sorted) {
    const last = joined.at(-1);
    if (last && last.start === edit.start && last.end === edit.end && last.text === edit.text) continue;
    if (last && edit.start === last.end) joined[joined.length - 1] = { start: last.start, end: edit.end, text: last.text + edit.text };
    else joined.push({ ...edit });
  }
  return joined;
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
