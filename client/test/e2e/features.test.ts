import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPO_ROOT } from '../../../rules/test/annotations';
import type { ScanWorkspaceResult } from '../../../server/src/protocol';
import type { PerfLintApi } from '../../src/extension';
import type { ReportViewState } from '../../src/report/panel';
import type { StatusView } from '../../src/statusBar';
import { click, driverRun, screenshot } from './driver';
import { allDiagnosticsWhen, asFinding, diagnosticsWhen, expectedCounts, EXTENSION_ID, sameCounts, tabsWhen, workspaceFolder } from './helpers';

/** The annotated file with one fixable sync-io-in-async finding, and its text after the fix. */
const FIXTURE = 'src/templates.ts';
const FIXED = path.join(REPO_ROOT, 'test-fixtures/e2e/fixes/templates.output.ts');
/** A blocking call added to a file to give it a second finding. */
const SECOND_BLOCKING_CALL = "\nexport async function list(): Promise<string[]> {\n  return readdirSync('templates');\n}\n";

function secondFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[1];
  assert.ok(folder, 'the workspace has a second folder, a copy of test-fixtures/e2e/second');
  return folder;
}

async function api(): Promise<PerfLintApi> {
  const extension = vscode.extensions.getExtension<PerfLintApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.activate();
}

/** Resolves with the status bar's view once `accept` holds for it; re-checked on every change. */
async function statusWhen(accept: (view: StatusView) => boolean): Promise<StatusView> {
  const perfLint = await api();
  return new Promise((resolve) => {
    if (accept(perfLint.status())) return resolve(perfLint.status());
    const listener = perfLint.onDidChangeStatus((view) => {
      if (!accept(view)) return;
      listener.dispose();
      resolve(view);
    });
  });
}

/** Resolves with the next report page that satisfies `accept` once it has loaded. */
async function reportWhen(accept: (view: ReportViewState) => boolean): Promise<ReportViewState> {
  const perfLint = await api();
  return new Promise((resolve) => {
    const listener = perfLint.onDidRenderReport((view) => {
      if (!accept(view)) return;
      listener.dispose();
      resolve(view);
    });
  });
}

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
}

/** Sets a `perfLint` setting for the test's duration (workspace level unless a folder is given). */
async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>, folder?: vscode.WorkspaceFolder): Promise<T> {
  const settings = vscode.workspace.getConfiguration('perfLint', folder?.uri ?? workspaceFolder());
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
  await settings.update(key, value, target);
  try {
    return await body();
  } finally {
    await settings.update(key, undefined, target);
  }
}

/** Puts the document back as it is on disk and closes it. */
async function revertAndClose(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('Perf Lint in VS Code: the actions and views a linter user reaches for', () => {
  before(async () => {
    await api();
  });

  it('offers "disable for this file", which puts one comment at the top and silences the rule', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), FIXTURE);
    const editor = await vscode.window.showTextDocument(uri);
    const original = editor.document.getText();
    try {
      const [diagnostic] = await diagnosticsWhen(uri, (found) => found.length === 1);
      const action = (await codeActions(uri, diagnostic!.range)).find((each) => each.title === 'Disable perf-lint sync-io-in-async for this file');
      assert.ok(action?.edit, 'the action is offered with an edit');
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      assert.equal(editor.document.getText(), `/* perf-lint-disable sync-io-in-async */\n${original}`);
      await diagnosticsWhen(uri, (found) => found.length === 0);
    } finally {
      await revertAndClose(editor.document);
    }
  });

  it('fixes every auto-fixable problem of the active file with "Perf Lint: Fix All Auto-Fixable Problems"', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), FIXTURE);
    const editor = await vscode.window.showTextDocument(uri);
    try {
      await diagnosticsWhen(uri, (found) => found.length === 1);
      assert.equal(await vscode.commands.executeCommand<boolean>('perfLint.fixAll'), true);
      assert.equal(editor.document.getText(), fs.readFileSync(FIXED, 'utf8'));
      await diagnosticsWhen(uri, (found) => found.length === 0);
      // Nothing left to fix: the command says so and changes nothing.
      assert.equal(await vscode.commands.executeCommand<boolean>('perfLint.fixAll'), false);
    } finally {
      await revertAndClose(editor.document);
    }
  });

  it('opens the rule page bundled with the extension in a Markdown preview, with a link to the web page', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), FIXTURE);
    await vscode.window.showTextDocument(uri);
    const [diagnostic] = await diagnosticsWhen(uri, (found) => found.length === 1);
    const action = (await codeActions(uri, diagnostic!.range)).find((each) => each.title === 'Show documentation for sync-io-in-async');
    assert.ok(action?.command, 'the action runs a command');
    const page = await vscode.commands.executeCommand<vscode.Uri | undefined>(action.command.command, ...(action.command.arguments ?? []));
    assert.ok(page, 'the bundled page was opened');
    const extensionRoot = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri.fsPath;
    assert.equal(page.fsPath, path.join(extensionRoot, 'dist/docs/sync-io-in-async.md'));
    const text = fs.readFileSync(page.fsPath, 'utf8');
    assert.ok(text.startsWith('> Bundled with the Perf Lint extension. [Read this page on the web](https://'), text.slice(0, 120));
    assert.ok(text.endsWith(fs.readFileSync(path.join(REPO_ROOT, 'rules/docs/sync-io-in-async.md'), 'utf8')));
    await tabsWhen((tabs) => tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes('sync-io-in-async.md')));
    await screenshot('docs');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('with perfLint.run set to onSave, analyzes a file when it is saved and not as it is typed', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), FIXTURE);
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    const editor = await vscode.window.showTextDocument(uri);
    const whole = (): vscode.Range => new vscode.Range(0, 0, editor.document.lineCount, 0);
    try {
      await withSetting('run', 'onSave', async () => {
        await diagnosticsWhen(uri, (found) => found.length === 1);
        await editor.edit((edit) => edit.insert(editor.document.positionAt(editor.document.getText().length), SECOND_BLOCKING_CALL));
        await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, 0, 'import { readFileSync }'.length), 'import { readdirSync, readFileSync }'));
        // Nothing can signal that a diagnostic did not come: give the server time to (wrongly) send one.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        assert.equal(vscode.languages.getDiagnostics(uri).filter((each) => each.source === 'perf-lint').length, 1, 'unsaved edits are not analyzed');
        assert.ok(await editor.document.save());
        const diagnostics = await diagnosticsWhen(uri, (found) => found.length === 2);
        assert.deepEqual(
          diagnostics.map(asFinding).map((finding) => finding.line),
          [4, 10],
        );
      });
    } finally {
      // Back to the fixture's text on disk, for the tests that follow.
      await editor.edit((edit) => edit.replace(whole(), original));
      await editor.document.save();
      await diagnosticsWhen(uri, (found) => found.length === 1);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('names perfLint.maxFileSize when a file is over the size limit, and the status bar says the file was not analyzed', async () => {
    const uri = vscode.Uri.joinPath(workspaceFolder(), 'src/orders.ts');
    await withSetting('maxFileSize', 100, async () => {
      await vscode.window.showTextDocument(uri);
      const [notice] = await diagnosticsWhen(uri, (found) => found.length === 1 && found[0]!.message.includes('did not analyze'));
      assert.equal(notice!.severity, vscode.DiagnosticSeverity.Information);
      const size = fs.statSync(uri.fsPath).size;
      assert.equal(notice!.message, `Perf Lint did not analyze this file: larger than perfLint.maxFileSize (${size} bytes, limit 100).`);
      const view = await statusWhen((status) => status.text === '$(info) Perf Lint: file not analyzed');
      assert.match(view.tooltip, new RegExp(`perfLint\\.maxFileSize \\(${size} bytes, limit 100\\)`));
      assert.equal(view.command, 'perfLint.showOutput');
      await screenshot('status-not-analyzed');
    });
    await diagnosticsWhen(uri, (found) => found.length === 1 && found[0]!.source === 'perf-lint' && !found[0]!.message.includes('did not analyze'));
    await statusWhen((status) => status.text === '$(check) Perf Lint');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows in the status bar: ready, disabled for this folder, configuration error, then ready again', async () => {
    const ready = await statusWhen((status) => status.text === '$(check) Perf Lint');
    assert.equal(ready.command, 'perfLint.openReport');
    assert.equal(ready.attention, undefined);
    const deploy = vscode.Uri.joinPath(secondFolder().uri, 'src/deploy.ts');
    await withSetting(
      'enable',
      false,
      async () => {
        await vscode.window.showTextDocument(deploy);
        const disabled = await statusWhen((status) => status.text === '$(circle-slash) Perf Lint');
        assert.match(disabled.tooltip, /disabled for this folder/);
        await diagnosticsWhen(deploy, (found) => found.length === 0);
      },
      secondFolder(),
    );
    await diagnosticsWhen(deploy, (found) => found.length === 1);
    await statusWhen((status) => status.text === '$(check) Perf Lint');
    await withSetting('concurrencyLimit', 0, async () => {
      const broken = await statusWhen((status) => status.attention === 'warning');
      assert.equal(broken.text, '$(warning) Perf Lint');
      assert.match(broken.tooltip, /concurrencyLimit/);
      assert.equal(broken.command, 'perfLint.showOutput');
      await screenshot('status-config-error');
    });
    await statusWhen((status) => status.text === '$(check) Perf Lint');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the scan with its progress in the status bar, and is ready after it', async () => {
    const seen: string[] = [];
    const listener = (await api()).onDidChangeStatus((view) => seen.push(view.text));
    try {
      const result = await vscode.commands.executeCommand<ScanWorkspaceResult>('perfLint.scanWorkspace');
      assert.equal(result?.cancelled, false);
      await statusWhen((status) => status.text === '$(check) Perf Lint');
    } finally {
      listener.dispose();
    }
    const progress = seen.filter((text) => /^\$\(loading~spin\) Perf Lint \d+\/\d+$/.test(text));
    assert.ok(progress.length > 0, `progress shown while scanning: ${seen.join(' | ')}`);
    assert.equal(
      progress.at(-1),
      `$(loading~spin) Perf Lint ${progress.at(-1)!.split('/')[1]}/${progress.at(-1)!.split('/')[1]}`,
      'the last progress counts every file',
    );
  });

  it("scans from the report page's button and groups a multi-root report by folder", async function () {
    // The button is in a webview, which only the browser driver of scripts/e2e.mjs can click.
    if (!driverRun()) this.skip();
    const first = await vscode.commands.executeCommand<ReportViewState>('perfLint.openReport');
    assert.deepEqual(first?.data.folders, ['workspace', 'second']);
    const scanned = reportWhen(() => true);
    click('#scan');
    const view = await scanned;
    assert.equal(view.data.openFilesOnly, undefined);
    assert.equal(view.renderedFindings, view.data.findings.length);
    const byFolder = new Map<string, string[]>();
    for (const finding of view.data.findings)
      byFolder.set(finding.folder ?? '', [...(byFolder.get(finding.folder ?? '') ?? []), `${finding.file}:${finding.line}`]);
    assert.deepEqual(Object.fromEntries(byFolder), { second: ['src/deploy.ts:4'], workspace: ['src/orders.ts:9', 'src/templates.ts:4'] });
    await screenshot('report-multi-root');
  });

  it("shows the last scan's results again after a server restart, without scanning", async function () {
    this.timeout(180_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const expected = expectedCounts();
    // A scan of its own, so that the stored results are this scan's.
    await vscode.commands.executeCommand<ScanWorkspaceResult>('perfLint.scanWorkspace');
    await allDiagnosticsWhen((actual) => sameCounts(actual, expected));
    const cleared = allDiagnosticsWhen((actual) => actual.size === 0);
    const seen: string[] = [];
    const listener = (await api()).onDidChangeStatus((view) => seen.push(view.text));
    try {
      await vscode.commands.executeCommand('perfLint.restartServer');
      await cleared;
      await statusWhen((status) => status.text === '$(check) Perf Lint');
    } finally {
      listener.dispose();
    }
    // A restart stops the server first, then starts it.
    assert.deepEqual([...new Set(seen)], ['$(circle-slash) Perf Lint', '$(loading~spin) Perf Lint', '$(check) Perf Lint'], seen.join(' | '));
    // No file is open and no scan runs: these come from the stored results.
    const restored = await allDiagnosticsWhen((actual) => sameCounts(actual, expected));
    assert.deepEqual(Object.fromEntries(restored), Object.fromEntries(expected));
    const report = await vscode.commands.executeCommand<ReportViewState>('perfLint.openReport');
    assert.equal(report?.data.openFilesOnly, undefined);
    assert.equal(
      report?.data.findings.length,
      [...expected.values()].reduce((sum, count) => sum + count, 0),
    );
  });
});
