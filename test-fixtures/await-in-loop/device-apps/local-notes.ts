// A notes app's shared library: its models keep notes and folders in a local SQLite file.
// Left alone in a package that depends on Electron, React Native or SQLite without a server (see the test).
import { Note, Folder } from './models';

export async function moveNotesToTrash(noteIds: string[], trashId: string): Promise<void> {
  for (const noteId of noteIds) {
    const note = await Note.load(noteId);
//               ^^^^^ await-in-loop
    if (!note) continue;
    await Note.save({ id: note.id, parent_id: trashId, updated_time: Date.now() });
  }
}

export async function folderCounts(folders: Array<{ id: string; title: string }>): Promise<string[]> {
  const lines: string[] = [];
  for (const folder of folders) {
    lines.push(`${folder.title}: ${await Folder.noteCount(folder.id)}`);
//                                 ^^^^^ await-in-loop
  }
  return lines;
}
