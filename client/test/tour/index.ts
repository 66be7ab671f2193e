import * as vscode from 'vscode';
import type { PerfLintApi } from '../../src/extension';
import { screenshot } from '../e2e/driver';

/**
 * A tour of the extension on a real project, for pictures and for the time from a cold start to
 * the first squiggle. Run it through scripts/e2e.mjs:
 *
 *   PERF_LINT_E2E_TESTS=out/client/test/tour/index.js PERF_LINT_E2E_FOLDER=<project> \
 *   PERF_LINT_TOUR_FILE=<file with a fixable finding, relative to the project> node scripts/e2e.mjs
 *
 * It logs `[perf-lint-tour] <milestone> <epoch ms>` lines and writes hover.png, quick-fix.png,
 * fixed.png, scanning.png, report.png and status.png into .e2e-run/.
 */
export async function run(): Promise<void> {
  const mark = (milestone: string): void => console.log(`[perf-lint-tour] ${milestone} ${Date.now()}`);
  mark('extension-host-ready');
  const folder = vscode.workspace.workspaceFolders?.[0];
  const relative = process.env.PERF_LINT_TOUR_FILE;
  if (!folder || !relative) throw new Error('open a folder and set PERF_LINT_TOUR_FILE');
  const uri = vscode.Uri.joinPath(folder.uri, relative);
  const editor = await vscode.window.showTextDocument(uri);
  mark('file-shown');
  const extension = vscode.extensions.getExtension<PerfLintApi>('perf-lint.perf-lint');
  if (!extension) throw new Error('the extension is not loaded');
  const api = await extension.activate();
  mark('extension-activated');
  const diagnostics = await firstDiagnostics(uri);
  mark('first-squiggle');

  // Hover: the message and the rule's link, as a person pointing at the squiggle sees it.
  const fixable = await fixableDiagnostic(uri, diagnostics);
  const target = fixable ?? diagnostics[0]!;
  editor.selection = new vscode.Selection(target.range.start, target.range.start);
  editor.revealRange(target.range, vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
  await pause(1500);
  await screenshot('hover');
  await vscode.commands.executeCommand('editor.action.quickFix');
  await pause(1500);
  await screenshot('quick-fix');
  await vscode.commands.executeCommand('hideCodeActionWidget');
  if (fixable) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, fixable.range);
    const fix = actions.find((action) => action.isPreferred);
    if (fix?.edit) {
      await vscode.workspace.applyEdit(fix.edit);
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      await pause(1000);
      await screenshot('fixed');
      mark(
        `fixed-view-line-${editor.selection.active.line + 1}-visible-${editor.visibleRanges.map((range) => `${range.start.line + 1}-${range.end.line + 1}`).join(',')}`,
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }

  // The status bar while the workspace is scanned, then the report.
  const scanning = new Promise<void>((resolve) => {
    const listener = api.onDidChangeStatus((view) => {
      if (!/\d+\/\d+/.test(view.text)) return;
      listener.dispose();
      resolve();
    });
  });
  const scanned = vscode.commands.executeCommand('perfLint.scanWorkspace');
  await scanning;
  await screenshot('scanning');
  await scanned;
  mark('scanned');
  await vscode.commands.executeCommand('perfLint.openReport');
  await pause(1500);
  await screenshot('report');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.window.showTextDocument(uri);
  await pause(1000);
  await screenshot('status');
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function firstDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'perf-lint');
  return new Promise((resolve) => {
    if (ours().length > 0) return resolve(ours());
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      if (ours().length === 0) return;
      listener.dispose();
      resolve(ours());
    });
  });
}

async function fixableDiagnostic(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): Promise<vscode.Diagnostic | undefined> {
  for (const diagnostic of diagnostics) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
    if (actions.some((action) => action.isPreferred)) return diagnostic;
  }
  return undefined;
}
