import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { expectedFindings, REPO_ROOT, sortFindings } from '../../../rules/test/annotations';
import { analyze, applyFixes, DEFAULT_OPTIONS } from '../../../rules/src';
import type { ScanWorkspaceResult } from '../../../server/src/protocol';
import type { ReportViewState } from '../../src/report/panel';
import {
  allDiagnosticsWhen,
  asFinding,
  diagnosticsWhen,
  expectedCounts,
  EXTENSION_ID,
  sameCounts,
  tabsWhen,
  workspaceFolder,
  workspaceSourceFiles,
} from './helpers';

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

  for (const [fixture, rule] of [
    [FIXTURE, 'sync-io-in-async'],
    [LOOP_FIXTURE, 'await-in-loop'],
  ] as const) {
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
    const expected = expectedCounts();
    const result = await vscode.commands.executeCommand<ScanWorkspaceResult>('perfLint.scanWorkspace');
    assert.ok(result, 'the scan returns its result');
    assert.equal(result.cancelled, false);
    assert.equal(result.files, workspaceSourceFiles().length);
    assert.equal(
      result.findings,
      [...expected.values()].reduce((sum, count) => sum + count, 0),
    );
    const counts = await allDiagnosticsWhen((actual) => sameCounts(actual, expected));
    assert.deepEqual(Object.fromEntries(counts), Object.fromEntries(expected));
  });

  it('opens the report with every finding', async () => {
    const expected = expectedCounts();
    await vscode.window.showTextDocument(vscode.Uri.joinPath(workspaceFolder(), FIXTURE));
    const view = await vscode.commands.executeCommand<ReportViewState>('perfLint.openReport');
    assert.ok(view, 'the report returns what it shows');
    const perFile = new Map<string, number>();
    for (const finding of view.data.findings) {
      const file = finding.folder === undefined ? finding.file : `${finding.folder}/${finding.file}`;
      perFile.set(file, (perFile.get(file) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(perFile), Object.fromEntries(expected));
    // Counted by the page's own script: the page loaded under its Content Security Policy and shows every finding.
    assert.equal(view.renderedFindings, view.data.findings.length);
    const isReport = (tab: vscode.Tab): boolean => tab.input instanceof vscode.TabInputWebview && tab.label === 'Perf Lint Report';
    await tabsWhen((tabs) => tabs.some(isReport));
    // For the screenshot: the code, the report and the Problems panel side by side.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
});
