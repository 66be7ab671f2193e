// The parts of one record a class holds in a field, and the records a capped page of joined rows groups into,
// are bounded; a field typed as request input, and the groups of an uncapped query, are not.
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { attachments, notes } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));

interface Note {
  id: string;
  ownerId: string;
  attachments: Array<{ id: string }>;
}

interface ImportRequest {
  urls: string[];
}

declare function deleteFile(ownerId: string, fileId: string): Promise<void>;
declare function fetchPage(url: string): Promise<string>;
declare function renderPreview(note: Note): Promise<string>;

export class NoteModel {
  private draft!: Note;

  constructor(private readonly note: Note) {}

  async deleteFiles(): Promise<void> {
    await Promise.all(this.note.attachments.map((file) => deleteFile(this.note.ownerId, file.id)));
  }

  async deleteDraftFiles(): Promise<void> {
    await Promise.all(this.draft.attachments.map((file) => deleteFile(this.draft.ownerId, file.id)));
  }
}

export class PageImporter {
  constructor(private readonly request: ImportRequest) {}

  async fetchAll(): Promise<string[]> {
    return Promise.all(this.request.urls.map((url) => fetchPage(url)));
    //     ^^^^^^^^^^^ unbounded-promise-all
  }
}


export async function previewPage(ownerId: string, pageSize: number): Promise<string[]> {
  const rows = await db.select().from(notes).leftJoin(attachments, eq(attachments.noteId, notes.id)).where(eq(notes.ownerId, ownerId)).limit(pageSize);
  const byId = rows.reduce<Record<string, Note>>((acc, row) => {
    acc[row.notes.id] ??= { ...row.notes, attachments: [] };
    if (row.attachments) acc[row.notes.id]!.attachments.push(row.attachments);
    return acc;
  }, {});
  return Promise.all(Object.values(byId).map((note) => renderPreview(note)));
}

export async function previewAll(ownerId: string): Promise<string[]> {
  const rows = await db.select().from(notes).leftJoin(attachments, eq(attachments.noteId, notes.id)).where(eq(notes.ownerId, ownerId));
  const byId = rows.reduce<Record<string, Note>>((acc, row) => {
    acc[row.notes.id] ??= { ...row.notes, attachments: [] };
    return acc;
  }, {});
  return Promise.all(Object.values(byId).map((note) => renderPreview(note)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
