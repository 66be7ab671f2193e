// Copying a tree to a server: a walk that creates each folder, then its notes and its subfolders
// under the id it was just given, keeps siblings in their order. A loop of the walk that hands its
// calls only the item, or an id its caller passed in, is still reported, and so is the same loop
// in a function that walks nothing.
interface Note {
  id?: string;
  title: string;
  body: string;
}
interface Folder {
  id?: string;
  name: string;
  notes: Note[];
  folders: Folder[];
}
type Result<T> = { ok: true; value: T } | { ok: false; error: string };

declare const api: {
  createFolder(name: string, parentId?: string): Promise<Result<{ id: string }>>;
  createNote(folderId: string, note: Note): Promise<Result<{ id: string }>>;
  indexNote(note: Note): Promise<void>;
  shareNote(note: Note, teamId: string): Promise<void>;
};

export async function uploadFolder(folder: Folder, parentId?: string): Promise<void> {
  let targetId = parentId;
  const result = await api.createFolder(folder.name, parentId);
  if (result.ok) {
    const createdId = result.value.id;
    folder.id = createdId;
    targetId = createdId;
  }
  if (!targetId) return;
  for (const note of folder.notes) {
    const created = await api.createNote(targetId, note);
    if (created.ok) note.id = created.value.id;
  }
  for (const note of folder.notes) {
    await api.indexNote(note);
  //^^^^^ await-in-loop
  }
  for (const child of folder.folders) {
    await uploadFolder(child, targetId);
  }
}

export async function shareFolder(folder: Folder, teamId: string): Promise<void> {
  for (const note of folder.notes) {
    await api.shareNote(note, teamId);
  //^^^^^ await-in-loop
  }
  for (const child of folder.folders) await shareFolder(child, teamId);
}

export async function uploadNotes(folderName: string, notes: Note[]): Promise<string[]> {
  const folder = await api.createFolder(folderName);
  if (!folder.ok) return [];
  const ids: string[] = [];
  for (const note of notes) {
    const created = await api.createNote(folder.value.id, note);
    //              ^^^^^ await-in-loop
    if (created.ok) ids.push(created.value.id);
  }
  return ids;
}
