// The desktop app's main process: it loads Electron, so it runs on one user's computer even in a package that also
// serves HTTP (see the test).
import { BrowserWindow } from 'electron';
import { Note } from './models';

export async function reloadOpenNotes(noteIds: string[]): Promise<void> {
  for (const noteId of noteIds) {
    const note = await Note.load(noteId);
//               ^^^^^ await-in-loop
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('note-changed', note);
  }
}
