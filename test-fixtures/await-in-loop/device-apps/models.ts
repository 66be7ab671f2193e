// valid
// The models the notes library shares: each call runs a statement on the app's database.
export interface NoteRow {
  id: string;
  parent_id?: string;
  updated_time?: number;
}

interface Database {
  selectOne(sql: string, params: unknown[]): Promise<NoteRow | undefined>;
  exec(sql: string, params: unknown[]): Promise<void>;
  count(sql: string, params: unknown[]): Promise<number>;
}

declare function db(): Database;

export const Note = {
  load: (id: string) => db().selectOne('SELECT * FROM notes WHERE id = ?', [id]),
  save: (note: NoteRow) => db().exec('UPDATE notes SET parent_id = ?, updated_time = ? WHERE id = ?', [note.parent_id, note.updated_time, note.id]),
};

export const Folder = {
  noteCount: (folderId: string) => db().count('SELECT count(*) FROM notes WHERE parent_id = ?', [folderId]),
};
