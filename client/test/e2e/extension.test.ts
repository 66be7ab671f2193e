import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { expectedFindings, REPO_ROOT, sortFindings, type ExpectedFinding } from '../../../rules/test/annotations';
import { analyze, applyFixes, DEFAULT_OPTIONS } from '../../../rules/src';
import type { ScanWorkspaceResult } from '../../../server/src/protocol';
import type { ReportViewState } from '../../src/report/panel';

const EXTENSION_ID = 'perf-lint.perf-lint';
const SOURCE = 'perf-lint';
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/** The annotated file whose squiggle and quick fix are checked, and its text after the fix. */
const FIXTURE = 'src/templates.ts';
const FIXED = path.join(REPO_ROOT, 'test-fixtures/e2e/fixes/templates.output.ts');
/** The annotated loop whose fix is written with the concurrency limit of the settings. */
const LOOP_FIXTURE = 'src/orders.ts';

/** The text after the core's fix of the one finding of `text`. */
function coreFix(text: string, fileName: string, concurrencyLimit: number): string {
  const [finding, ...others] = analyze(text, fileName, { ...DEFAULT_OPTIONS, concurrencyLimit }).findings;
  assert.ok(finding?.fix && others.length === 0, 'the core finds one fixable finding');
  return applyFixes(text, [finding.fix]).text;
}

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run in a workspace copied from test-fixtures/e2e/workspace');
  return folder.uri;
}

function perfLintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** A diagnostic in the annotations' terms (rule and 1-based range). */
function asFinding(diagnostic: vscode.Diagnostic): ExpectedFinding {
  const { start, end } = diagnostic.range;
  return { rule: ruleOf(diagnostic), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** Resolves with the document's diagnostics once `accept` holds for them; re-checked on every change, no polling. */
function diagnosticsWhen(uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
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
function allDiagnosticsWhen(accept: (counts: Map<string, number>) => boolean): Promise<Map<string, number>> {
  const counts = (): Map<string, number> => {
    const result = new Map<string, number>();
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      const ours = diagnostics.filter((diagnostic) => diagnostic.source === SOURCE).length;
      if (ours > 0) result.set(vscode.workspace.asRelativePath(uri), ours);
    }
    return result;
  };
  return new Promise((resolve) => {
    if (accept(counts())) return resolve(counts());
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      const current = counts();
      if (!accept(current)) return;
      listener.dispose();
      resolve(current);
    });
  });
}

/** Resolves once the open tabs satisfy `accept` (the extension host learns of new tabs asynchronously). */
function tabsWhen(accept: (tabs: readonly vscode.Tab[]) => boolean): Promise<void> {
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

/** What the annotations of every source file of the workspace expect, per file. */
function expectedCounts(root: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !SOURCE_FILE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const findings = expectedFindings(fs.readFileSync(file, 'utf8')).length;
    if (findings > 0) counts.set(path.relative(root, file).split(path.sep).join('/'), findings);
  }
  return counts;
}

function sameCounts(actual: Map<string, number>, expected: Map<string, number>): boolean {
  return actual.size === expected.size && [...expected].every(([file, count]) => actual.get(file) === count);
}

describe('Perf Lint in VS Code', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await extension.activate();
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['perfLint.scanWorkspace', 'perfLint.openReport', 'perfLint.restartServer', 'perfLint.showOutput']) {
      assert.ok(commands.includes(command), `${command} is registered`);
    }
  });

  for (const [fixture, rule] of [[FIXTURE, 'sync-io-in-async'], [LOOP_FIXTURE, 'await-in-loop']] as const) {
    it(`squiggles exactly what ${fixture} annotates`, async () => {
      const uri = vscode.Uri.joinPath(workspaceFolder(), fixture);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const expected = expectedFindings(document.getText());
      assert.equal(expected.length, 1, 'the fixture annotates one finding');
      const diagnostics = await diagnosticsWhen(uri, (found) => found.length > 0);
      assert.deepEqual(sortFindings(diagnostics.map(asFinding)), expected);
      assert.equal(diagnostics[0]!.severity, vscode.DiagnosticSeverity.Warning);
      const code = diagnostics[0]!.code;
      assert.ok(typeof code === 'object' && code.target.toString().endsWith(`/rules/docs/${rule}.md`), 'the code links to the rule page');
    });
  }

  it('offers the fix, "disable for this line" and "show documentation", and the fix gives the expected text', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), FIXTURE);
    const editor = await vscode.window.showTextDocument(uri);
    const [diagnostic] = await diagnosticsWhen(uri, (found) => found.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Disable perf-lint sync-io-in-async for this line'), titles.join(' | '));
    assert.ok(titles.includes('Show documentation for sync-io-in-async'), titles.join(' | '));
    const fix = actions.find((action) => action.isPreferred && action.kind?.value === vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix?.edit, `a preferred quick fix among ${titles.join(' | ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.equal(editor.document.getText(), fs.readFileSync(FIXED, 'utf8'));
      // The fixed text has nothing left to report.
      await diagnosticsWhen(uri, (found) => found.length === 0);
    } finally {
      // The other tests expect the fixture as it is on disk.
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(editor.document.isDirty, false);
  });

  it('writes the await-in-loop fix with the concurrency limit of the settings', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), LOOP_FIXTURE);
    const settings = vscode.workspace.getConfiguration('perfLint', workspaceFolder());
    await settings.update('concurrencyLimit', 3, vscode.ConfigurationTarget.Workspace);
    const editor = await vscode.window.showTextDocument(uri);
    const original = editor.document.getText();
    try {
      // Fixes are computed on request, so the new limit applies without waiting for a new analysis.
      const [diagnostic] = await diagnosticsWhen(uri, (found) => found.length > 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range);
      const fix = actions.find((action) => action.isPreferred && action.kind?.value === vscode.CodeActionKind.QuickFix.value);
      assert.ok(fix?.edit, `a preferred quick fix among ${actions.map((action) => action.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      // The same text as the core's own fix: the server turned its offsets into ranges faithfully.
      const expected = coreFix(original, uri.fsPath, 3);
      assert.equal(editor.document.getText(), expected);
      assert.notEqual(expected, coreFix(original, uri.fsPath, 8), 'the limit is part of the fix');
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await settings.update('concurrencyLimit', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('analyzes an untitled document as it is typed', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: 'export const ready = true;\n' });
    const editor = await vscode.window.showTextDocument(document);
    await diagnosticsWhen(document.uri, (found) => found.length === 0);
    const blocking = "import { execSync } from 'node:child_process';\nexport async function build(): Promise<void> {\n  execSync('make');\n}\n";
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), blocking));
    const diagnostics = await diagnosticsWhen(document.uri, (found) => found.length > 0);
    assert.deepEqual(diagnostics.map(asFinding), [{ rule: 'sync-io-in-async', line: 4, column: 3, endLine: 4, endColumn: 11 }]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('restarts the server on request and gets the diagnostics back', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), FIXTURE);
    await vscode.window.showTextDocument(uri);
    await diagnosticsWhen(uri, (found) => found.length === 1);
    const cleared = diagnosticsWhen(uri, (found) => found.length === 0);
    await vscode.commands.executeCommand('perfLint.restartServer');
    // A stopped client clears what its server published; the new server publishes it again.
    await cleared;
    await diagnosticsWhen(uri, (found) => found.length === 1);
  });

  it('applies the safe fixes on save through source.fixAll.perf-lint', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'src/on-save.ts');
    const editorSettings = vscode.workspace.getConfiguration('editor', workspaceFolder());
    await editorSettings.update('codeActionsOnSave', { 'source.fixAll.perf-lint': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    fs.copyFileSync(vscode.Uri.joinPath(workspaceFolder(), FIXTURE).fsPath, uri.fsPath);
    try {
      const editor = await vscode.window.showTextDocument(uri);
      await diagnosticsWhen(uri, (found) => found.length === 1);
      // Only a changed document is saved, and saving runs the code actions.
      await editor.edit((edit) => edit.insert(editor.document.positionAt(editor.document.getText().length), '\n'));
      assert.ok(await editor.document.save());
      const expected = `${fs.readFileSync(FIXED, 'utf8')}\n`;
      assert.equal(editor.document.getText(), expected);
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), expected);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await editorSettings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      fs.rmSync(uri.fsPath, { force: true });
    }
  });

  it('scans the workspace: every annotated finding in the Problems panel', async () => {
    const root = workspaceFolder().fsPath;
    const expected = expectedCounts(root);
    const result = await vscode.commands.executeCommand<ScanWorkspaceResult>('perfLint.scanWorkspace');
    assert.ok(result, 'the scan returns its result');
    assert.equal(result.cancelled, false);
    const sourceFiles = fs.readdirSync(root, { recursive: true }).filter((name) => SOURCE_FILE.test(String(name))).length;
    assert.equal(result.files, sourceFiles);
    assert.equal(result.findings, [...expected.values()].reduce((sum, count) => sum + count, 0));
    const counts = await allDiagnosticsWhen((actual) => sameCounts(actual, expected));
    assert.deepEqual(Object.fromEntries(counts), Object.fromEntries(expected));
  });

  it('opens the report with every finding', async () => {
    const expected = expectedCounts(workspaceFolder().fsPath);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceFolder(), FIXTURE));
    const view = await vscode.commands.executeCommand<ReportViewState>('perfLint.openReport');
    assert.ok(view, 'the report returns what it shows');
    const perFile = new Map<string, number>();
    for (const finding of view.data.findings) perFile.set(finding.file, (perFile.get(finding.file) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(perFile), Object.fromEntries(expected));
    // Counted by the page's own script: the page loaded under its Content Security Policy and shows every finding.
    assert.equal(view.renderedFindings, view.data.findings.length);
    const isReport = (tab: vscode.Tab): boolean => tab.input instanceof vscode.TabInputWebview && tab.label === 'Perf Lint Report';
    await tabsWhen((tabs) => tabs.some(isReport));
    // For the screenshot: the code, the report and the Problems panel side by side.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
});
