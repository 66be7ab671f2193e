// valid
import { db } from './db';

export async function findNote(id: string) {
  return db.selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function createNote(folderId: string, title: string) {
  return db.insertInto('notes').values({ id: crypto.randomUUID(), folderId, title }).returningAll().executeTakeFirstOrThrow();
}

export async function findFolder(id: string) {
  return db.selectFrom('folders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function createFolder(parentId: string | null) {
  return db.insertInto('folders').values({ id: crypto.randomUUID(), parentId, deletedAt: null }).returningAll().executeTakeFirstOrThrow();
}
