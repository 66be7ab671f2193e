import { eq } from 'drizzle-orm';
import { db, type DbOrTx } from '../db';
import { lists } from '../db/schema';

export async function archiveLists(database: typeof db, ids: string[]) {
  for (const id of ids) {
    await database.update(lists).set({ archived: true }).where(eq(lists.id, id));
//        ^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function unarchiveLists(tx: DbOrTx, ids: string[]) {
  for (const id of ids) {
    await tx.update(lists).set({ archived: false }).where(eq(lists.id, id));
//        ^^^^^^^^^ n-plus-one
  }
}
