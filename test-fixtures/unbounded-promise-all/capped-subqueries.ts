// One page of notes is read as a common table expression with a limit, joined to its labels and grouped back into
// one record per note: as many records as the page holds. The same join over a subquery without a limit is reported.
import { desc, eq } from 'drizzle-orm';
import { db } from './db';
import { labels, notes, notesToLabels } from './schema';

declare function readBody(key: string): Promise<string>;

interface NoteRecord {
  id: string;
  bodyKey: string | null;
  labels: string[];
}

export async function notesPage(ownerId: string, size: number, archived?: boolean) {
  let page;
  if (archived) {
    page = db.$with('page').as(db.select().from(notes).where(eq(notes.ownerId, ownerId)).orderBy(desc(notes.createdAt)).limit(size + 1));
  } else {
    page = db.$with('page').as(db.select().from(notes).where(eq(notes.archived, false)).limit(size + 1));
  }
  const rows = await db
    .with(page)
    .select()
    .from(page)
    .leftJoin(notesToLabels, eq(notesToLabels.noteId, page.id))
    .leftJoin(labels, eq(labels.id, notesToLabels.labelId));
  const byId = rows.reduce<Record<string, NoteRecord>>((grouped, row) => {
    grouped[row.page.id] ??= { id: row.page.id, bodyKey: row.page.bodyKey, labels: [] };
    if (row.labels) grouped[row.page.id]!.labels.push(row.labels.name);
    return grouped;
  }, {});
  const records = Object.values(byId);
  return Promise.all(records.map(async (record) => ({ ...record, body: record.bodyKey ? await readBody(record.bodyKey) : '' })));
}

export async function recentNotes(ownerId: string) {
  const recent = db.select().from(notes).where(eq(notes.ownerId, ownerId)).orderBy(desc(notes.createdAt)).limit(20).as('recent');
  const rows = await db.select().from(recent);
  return Promise.all(rows.map((row) => (row.bodyKey ? readBody(row.bodyKey) : '')));
}

export async function allNotes(ownerId: string) {
  const owned = db.$with('owned').as(db.select().from(notes).where(eq(notes.ownerId, ownerId)));
  const rows = await db.with(owned).select().from(owned).leftJoin(notesToLabels, eq(notesToLabels.noteId, owned.id));
  return Promise.all(rows.map((row) => (row.owned.bodyKey ? readBody(row.owned.bodyKey) : '')));
  //     ^^^^^^^^^^^ unbounded-promise-all
}
