import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { batches, uploads } from './db/schema';

/** Started by the worker process's entry, it polls until stopped: each round's queries run on every round. */
export class UploadWorker {
  private running = false;
  private readonly idleMs = 2_000;

  async start() {
    this.running = true;
    while (this.running) {
      const handled = await this.processRound();
      if (handled === 0) await sleep(this.idleMs);
    }
  }

  stop() {
    this.running = false;
  }

  private async processRound(): Promise<number> {
    const pending = await db.select().from(uploads).where(eq(uploads.status, 'pending')).limit(20);
    for (const upload of pending) {
      await db.update(batches).set({ pending: 0 }).where(eq(batches.id, upload.batchId));
//          ^^^^^^^^^ n-plus-one
    }
    return pending.length;
  }
}
