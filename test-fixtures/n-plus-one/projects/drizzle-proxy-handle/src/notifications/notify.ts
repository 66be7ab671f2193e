// valid: one notice per call; the loops are in its callers.
import { eq } from 'drizzle-orm';
import db from '../database';
import { board, card } from '../database/schema';
import { publish } from '../events/bus';

async function notify(cardId: string, title: string) {
  const target = await db.query.card.findFirst({ where: eq(card.id, cardId) });
  if (!target) return null;
  const [notice] = await db.insert(board).values({ id: cardId, name: title }).returning();
  if (notice) {
    await publish('notice.created', notice.id);
  }
  return notice;
}

export default notify;
