import * as vscode from 'vscode';
import { RULE_IDS } from '../../rules/src';

/** The rule id of a documentation URL of the server (`…/rules/docs/<id>.md`). */
export function ruleOfDocsUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const id = /\/([a-z0-9-]+)\.md$/.exec(url)?.[1];
  return id && (RULE_IDS as readonly string[]).includes(id) ? id : undefined;
}

/**
 * Opens a rule's page as bundled with the extension, in VS Code's Markdown preview beside the
 * code: it works offline, and the page links to its web version at the top.
 */
export async function showRuleDocumentation(extensionUri: vscode.Uri, ruleId?: string): Promise<vscode.Uri | undefined> {
  const rule = ruleId ?? (await vscode.window.showQuickPick([...RULE_IDS], { title: 'Perf Lint: rule documentation', placeHolder: 'Rule' }));
  if (!rule) return undefined;
  const page = vscode.Uri.joinPath(extensionUri, 'dist', 'docs', `${rule}.md`);
  await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
  return page;
}
