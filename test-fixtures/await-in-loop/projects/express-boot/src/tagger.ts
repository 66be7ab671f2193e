import { setTimeout as delay } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { queues } from './db/schema';

/** Started once at boot, it keeps polling: each round's writes run on every round. */
export async function runQueueTagger(intervalMs: number) {
  while (true) {
    const untagged = await db.query.queues.findMany({ limit: 50 });
    await Promise.all(untagged.map((queue) => db.update(queues).set({ name: 'tagged' }).where(eq(queues.id, queue.id))));
//                                            ^^^^^^^^^ n-plus-one
    await delay(intervalMs);
  }
}
