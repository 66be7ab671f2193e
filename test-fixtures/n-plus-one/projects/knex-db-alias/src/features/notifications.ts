// valid
import type { Db } from '../db/db';

export async function markSeen(db: Db, id: string): Promise<void> {
  await db('notifications').where({ id }).update({ seen: true });
}

/** The SQL of a user's unseen notifications, for a statement that unites them: nothing runs here. */
export function unseenQuery(db: Db, user: string): string {
  return db('notifications').where({ user, seen: false }).toQuery();
}

/** Moves a notification to the archive in one transaction. */
export async function archive(db: Db, id: string): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('notification_archive').insert(trx('notifications').select('*').where({ id }));
    await trx('notifications').where({ id }).del();
  });
}
