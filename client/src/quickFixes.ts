import * as vscode from 'vscode';

/**
 * Where a quick fix's diagnostic is once the fix is applied: moved down (or up) by the lines
 * that edits above it add (or remove), at the start of the edit that rewrites it if one does.
 */
export function positionAfterEdits(target: vscode.Position, edits: readonly vscode.TextEdit[]): vscode.Position {
  let lines = 0;
  let rewritten: vscode.Position | undefined;
  for (const edit of [...edits].sort((a, b) => a.range.start.compareTo(b.range.start))) {
    if (edit.range.end.isBeforeOrEqual(target) && !edit.range.contains(target)) {
      lines += edit.newText.split('\n').length - 1 - (edit.range.end.line - edit.range.start.line);
    } else if (edit.range.contains(target) && !rewritten) {
      rewritten = edit.range.start;
    }
  }
  const at = rewritten ?? target;
  return new vscode.Position(at.line + lines, rewritten ? at.character : target.character);
}

/**
 * Makes a quick fix show the code it changed once applied: a fix that also inserts a helper
 * elsewhere in the file would otherwise leave the view wherever VS Code put it.
 */
export function withRevealOfChange(action: vscode.Command | vscode.CodeAction, uri: vscode.Uri): vscode.Command | vscode.CodeAction {
  if (!(action instanceof vscode.CodeAction) || action.command || !action.edit || !action.kind?.intersects(vscode.CodeActionKind.QuickFix)) return action;
  const diagnostic = action.diagnostics?.[0];
  if (!diagnostic) return action;
  const target = positionAfterEdits(diagnostic.range.start, action.edit.get(uri));
  action.command = { title: 'Show the changed code', command: 'perfLint.revealChangedCode', arguments: [uri.toString(), target.line, target.character] };
  return action;
}

/** Puts the cursor on the changed code and scrolls it into view (the command run after a quick fix). */
export async function revealChangedCode(uri: string, line: number, character: number): Promise<void> {
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === uri);
  if (!editor) return;
  const position = editor.document.validatePosition(new vscode.Position(line, character));
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
