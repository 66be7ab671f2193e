import { eq } from 'drizzle-orm';
import db from '../database';
import { card } from '../database/schema';
import notify from '../notifications/notify';
import { deliverHook } from '../notifications/webhook';

async function remindOne(row: { id: string; title: string }, kind: string) {
  await notify(row.id, `${kind}: ${row.title}`);
}

export async function sendReminders() {
  const windows = { soon: { boardId: 'a', kind: 'soon' }, late: { boardId: 'b', kind: 'late' } };
  let failed = false;
  for (const window of Object.values(windows)) {
    try {
      const rows = await db.select({ id: card.id, title: card.title }).from(card).where(eq(card.boardId, window.boardId));
      for (const row of rows) {
        try {
          await remindOne(row, window.kind);
//              ^^^^^^^^^ n-plus-one
        } catch (error) {
          failed = true;
          console.error('reminder failed', row.id, error);
        }
      }
    } catch (error) {
      failed = true;
      console.error('window failed', window.kind, error);
    }
  }
  return { failed };
}

async function hookOne(row: { id: string }) {
  await deliverHook(row.id);
}

// Each item waits on a web hook on every call: the loop waits on that work, not on a query to batch.
export async function sendHooks() {
  const rows = await db.select({ id: card.id }).from(card);
  for (const row of rows) {
    await hookOne(row);
  }
}
