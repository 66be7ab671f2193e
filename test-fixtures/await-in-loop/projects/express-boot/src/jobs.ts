import { readFileSync } from 'node:fs';
import path from 'node:path';
import Queue from 'bull';
import { db } from './db';
import { jobRuns } from './db/schema';
import { scheduleJob } from './http/endpoints';

const queue = new Queue('jobs', process.env.REDIS_URL!);
const templates = new Map<string, string>();

/** The entry module calls it once, as the server starts: its loops cost one start-up. */
export const initializeJobs = async () => {
  const rows = await db.query.schedules.findMany();
  for (const s of rows) await scheduleJob(s);
  for (const s of rows) {
    await db.insert(jobRuns).values({ scheduleId: s.id, status: 'scheduled' });
  }
  // The processor runs on every job, long after start-up.
  queue.process(async (job) => {
    const targets = await db.query.webhooks.findMany();
    for (const target of targets) {
      await fetch(target.url, { method: 'POST', body: JSON.stringify(job.data) });
//    ^^^^^ await-in-loop
    }
  });
};

/** Read once, before the server listens. */
export async function loadJobTemplates(folder: string) {
  for (const name of ['digest', 'reminder']) templates.set(name, readFileSync(path.join(folder, `${name}.hbs`), 'utf8'));
}
