import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsUrl, type Fix, type NewFile, type RuleId } from '../../rules/src';
import { toTextEdits } from './convert';
import { uriOf } from './uris';
import { FixAllCodeActionKind, ShowDocumentationCommand } from './protocol';

/** A next-line directive that names rules; group 1 ends after the last rule id (a `-- reason` may follow). */
const DISABLE_NEXT_LINE = /^(\s*\/\/\s*perf-lint-disable-next-line\s+[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

/** A whole-file directive that names rules, on the file's first line (after a `#!` line); group 1 ends after the last rule id. */
const DISABLE_FILE = /^(\/\*\s*perf-lint-disable\s+[a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*\*\//;

/** Whether a request's `only` filter asks for actions of `kind` (kinds are dot-separated hierarchies). */
export function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/** A WorkspaceEdit of one document, tied to its version where the client understands that. */
export function documentEdit(document: TextDocument, edits: TextEdit[], versioned: boolean, newFiles: readonly NewFile[] = []): WorkspaceEdit {
  if (!versioned) return { changes: { [document.uri]: edits } };
  // A file the fix needs is created first, then filled (only offered to clients that create files).
  const created = newFiles.flatMap((file) => {
    const uri = uriOf(file.file);
    const start = { line: 0, character: 0 };
    return [
      { kind: 'create' as const, uri, options: { overwrite: false, ignoreIfExists: true } },
      { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: file.text }] },
    ];
  });
  return { documentChanges: [...created, { textDocument: { uri: document.uri, version: document.version }, edits }] };
}

/** The rule's own fix; only a safe fix is preferred (applied by "auto fix" without a second look). */
export function quickFix(document: TextDocument, diagnostic: Diagnostic, fix: Fix, versioned: boolean): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fix.safe,
    edit: documentEdit(document, toTextEdits(document, fix.edits), versioned, fix.newFiles),
  };
}

/**
 * Adds `// perf-lint-disable-next-line rule` above the diagnostic's line with that line's
 * indentation, or adds the rule to such a comment that is already there.
 */
export function disableForLine(document: TextDocument, diagnostic: Diagnostic, ruleId: RuleId, versioned: boolean): CodeAction {
  const line = diagnostic.range.start.line;
  const previous = line > 0 ? lineText(document, line - 1) : undefined;
  const existing = previous === undefined ? undefined : DISABLE_NEXT_LINE.exec(previous);
  let edit: TextEdit;
  if (existing) {
    const end = { line: line - 1, character: existing[1]!.length };
    edit = { range: { start: end, end }, newText: `, ${ruleId}` };
  } else {
    const indentation = /^\s*/.exec(lineText(document, line))![0];
    const start = { line, character: 0 };
    edit = { range: { start, end: start }, newText: `${indentation}// perf-lint-disable-next-line ${ruleId}${lineBreakOf(document)}` };
  }
  return {
    title: `Disable perf-lint ${ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: documentEdit(document, [edit], versioned),
  };
}

/**
 * Adds `/* perf-lint-disable rule *\/` at the top of the file (below a `#!` line), or adds the
 * rule to such a comment that is already there.
 */
export function disableForFile(document: TextDocument, diagnostic: Diagnostic, ruleId: RuleId, versioned: boolean): CodeAction {
  const line = lineText(document, 0).startsWith('#!') ? 1 : 0;
  const existing = line < document.lineCount ? DISABLE_FILE.exec(lineText(document, line)) : null;
  let edit: TextEdit;
  if (existing) {
    const end = { line, character: existing[1]!.length };
    edit = { range: { start: end, end }, newText: `, ${ruleId}` };
  } else {
    const start = line < document.lineCount ? { line, character: 0 } : document.positionAt(document.getText().length);
    const before = line < document.lineCount ? '' : lineBreakOf(document);
    edit = { range: { start, end: start }, newText: `${before}/* perf-lint-disable ${ruleId} */${lineBreakOf(document)}` };
  }
  return {
    title: `Disable perf-lint ${ruleId} for this file`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: documentEdit(document, [edit], versioned),
  };
}

export function showDocumentation(ruleId: RuleId): CodeAction {
  const url = docsUrl(ruleId);
  return {
    title: `Show documentation for ${ruleId}`,
    kind: CodeActionKind.QuickFix,
    command: { title: `Show documentation for ${ruleId}`, command: ShowDocumentationCommand, arguments: [url] },
  };
}

export function fixAll(document: TextDocument, edits: TextEdit[], versioned: boolean, newFiles: readonly NewFile[] = []): CodeAction {
  return {
    title: 'Fix all Perf Lint problems that have a safe fix',
    kind: FixAllCodeActionKind,
    edit: documentEdit(document, edits, versioned, newFiles),
  };
}

/** The text of one line without its line break. */
function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

function lineBreakOf(document: TextDocument): string {
  const text = document.getText();
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}
