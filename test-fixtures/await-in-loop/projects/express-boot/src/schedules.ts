import { eq } from 'drizzle-orm';
import { db } from './db';
import { schedules } from './db/schema';

/** Only `refreshSchedules` calls it, and nothing calls that at boot. */
export async function syncSchedules(crons: Record<string, string>) {
  const rows = await db.query.schedules.findMany();
  for (const row of rows) {
    await db.update(schedules).set({ cron: crons[row.task] ?? row.cron }).where(eq(schedules.id, row.id));
//        ^^^^^^^^^ n-plus-one
  }
}
