// A worker's close() runs once, as it stops, also when it takes a callback to call when it is done and fails its jobs in an array callback.
import { inArray, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import { jobs } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));

export class JobRunner {
  private running = new Map<string, { startedAt: number }>();

  public close(callback?: () => void) {
    const failures = Array.from(this.running.keys()).map((jobId) => db.update(jobs).set({ status: 'failed' }).where(eq(jobs.id, jobId)));
    this.running.clear();
    void Promise.all(failures).finally(() => callback?.());
  }

  public dispose(done: () => void) {
    void Promise.all([...this.running.keys()].map((jobId) => db.delete(jobs).where(eq(jobs.id, jobId)))).then(done);
  }

  // A close of one thing a caller names is request work of the same name.
  public async closeJobs(jobIds: string[]) {
    await Promise.all(jobIds.map((jobId) => db.update(jobs).set({ status: 'closed' }).where(eq(jobs.id, jobId))));
//                                          ^^^^^^^^^ n-plus-one
  }

  public async closeAll(jobIds: string[]) {
    await db.update(jobs).set({ status: 'closed' }).where(inArray(jobs.id, jobIds));
  }
}
