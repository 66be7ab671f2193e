// An await in a catch block runs only when an iteration failed: reporting the failure is not the loop's work.
interface Job {
  id: string;
  run(): Promise<void>;
}

declare const errorTracker: { captureException(error: unknown, context: { jobId: string }): Promise<string> };
declare function deliverWebhook(url: string, payload: unknown): Promise<void>;
declare function recordFailure(url: string, error: unknown): Promise<void>;
declare function notifyAdmin(email: string, error: unknown): Promise<void>;

export async function runJobs(jobs: Job[]): Promise<void> {
  for (const job of jobs) {
    try {
      await job.run();
    } catch (error) {
      const eventId = await errorTracker.captureException(error, { jobId: job.id });
      console.warn(`job ${job.id} failed, reported as ${eventId}`);
    }
  }
}

export async function deliverAll(urls: string[], payload: unknown): Promise<void> {
  for (const url of urls) {
    try {
      await deliverWebhook(url, payload);
  //  ^^^^^ await-in-loop
    } catch (error) {
      await recordFailure(url, error);
    }
  }
}

export async function importOrAlert(rows: unknown[], admins: string[], save: (rows: unknown[]) => Promise<void>): Promise<void> {
  try {
    await save(rows);
  } catch (error) {
    for (const admin of admins) {
      await notifyAdmin(admin, error);
    //^^^^^ await-in-loop
    }
  }
}
