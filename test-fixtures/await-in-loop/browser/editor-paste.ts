// valid
// An in-page editor's paste command: it reads the clipboard's items in turn, in the page that holds the editor view.
import { EditorView } from '@codemirror/view';

export async function pasteRich(view: EditorView, items: ClipboardItem[]): Promise<void> {
  let html = '';
  for (const item of items) {
    for (const type of item.types) {
      const blob = await item.getType(type);
      if (type === 'text/html') html += await blob.text();
    }
  }
  view.dispatch(view.state.replaceSelection(html));
}
