// valid: one delivery per call; the loops are in its callers.
import { eq } from 'drizzle-orm';
import db from '../database';
import { card } from '../database/schema';

export async function deliverHook(cardId: string) {
  const target = await db.query.card.findFirst({ where: eq(card.id, cardId) });
  await fetch(process.env.HOOK_URL ?? '', { method: 'POST', body: JSON.stringify(target) });
}
