import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { expectedFindings, type ExpectedFinding } from '../../../rules/test/annotations';

export const EXTENSION_ID = 'perf-lint.perf-lint';
const SOURCE = 'perf-lint';
export const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** The first workspace folder, a copy of test-fixtures/e2e/workspace (the second is test-fixtures/e2e/second). */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run in a workspace copied from test-fixtures/e2e');
  return folder.uri;
}

export function perfLintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** A diagnostic in the annotations' terms (rule and 1-based range). */
export function asFinding(diagnostic: vscode.Diagnostic): ExpectedFinding {
  const { start, end } = diagnostic.range;
  return { rule: ruleOf(diagnostic), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Resolves with the document's diagnostics once `accept` holds for them; re-checked on every change, no polling. */
export function diagnosticsWhen(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const diagnostics = perfLintDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      resolve(diagnostics);
      return true;
    };
    if (check()) return;
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && check()) listener.dispose();
    });
  });
}

/** Resolves once every perf-lint diagnostic of the workspace satisfies `accept`. */
export function allDiagnosticsWhen(accept: (counts: Map<string, number>) => boolean, waitMs = 60_000): Promise<Map<string, number>> {
  const counts = (): Map<string, number> => {
    const result = new Map<string, number>();
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      const ours = diagnostics.filter((diagnostic) => diagnostic.source === SOURCE).length;
      if (ours > 0) result.set(vscode.workspace.asRelativePath(uri), ours);
    }
    return result;
  };
  return new Promise((resolve, reject) => {
    if (accept(counts())) return resolve(counts());
    // A failure names what was shown instead of only timing out.
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`diagnostics never as expected; last seen: ${JSON.stringify(Object.fromEntries(counts()))}`));
    }, waitMs);
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      const current = counts();
      if (!accept(current)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(current);
    });
  });
}

/** Resolves once the open tabs satisfy `accept` (the extension host learns of new tabs asynchronously). */
export function tabsWhen(accept: (tabs: readonly vscode.Tab[]) => boolean): Promise<void> {
  const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
  return new Promise((resolve) => {
    if (accept(tabs())) return resolve();
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!accept(tabs())) return;
      listener.dispose();
      resolve();
    });
  });
}

/** What the annotations of every source file of every workspace folder expect, per file as `asRelativePath` names it. */
export function expectedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of workspaceSourceFiles()) {
    const findings = expectedFindings(fs.readFileSync(file, 'utf8')).length;
    if (findings > 0) counts.set(vscode.workspace.asRelativePath(vscode.Uri.file(file)), findings);
  }
  return counts;
}

/** Every source file of every workspace folder. */
export function workspaceSourceFiles(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
    fs
      .readdirSync(folder.uri.fsPath, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name)),
  );
}

export function sameCounts(actual: Map<string, number>, expected: Map<string, number>): boolean {
  return actual.size === expected.size && [...expected].every(([file, count]) => actual.get(file) === count);
}
