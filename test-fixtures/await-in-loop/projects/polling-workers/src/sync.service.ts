import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { devices, labels } from './db/schema';

export class DeviceSyncService {
  private active = true;

  async onModuleInit() {
    await this.warmLabels();
    void this.pollLoop();
  }

  onModuleDestroy() {
    this.active = false;
  }

  /** Only the start-up hook calls it: once per start. */
  private async warmLabels() {
    const rows = await db.select().from(labels);
    for (const label of rows) {
      await db.update(labels).set({ name: label.name.trim() }).where(eq(labels.id, label.id));
    }
  }

  /** Started by the start-up hook, it runs until the module is destroyed. */
  private async pollLoop() {
    while (this.active) {
      await this.syncRound();
      await sleep(10_000);
    }
  }

  private async syncRound() {
    const offline = await db.select().from(devices).where(eq(devices.status, 'offline'));
    for (const device of offline) {
      await db.update(devices).set({ status: 'unknown' }).where(eq(devices.id, device.id));
//          ^^^^^^^^^ n-plus-one
    }
  }
}
