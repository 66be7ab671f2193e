// An await in a catch block or a branch taken on failure runs only when an iteration failed: reporting the failure is not the loop's work.
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

declare function alertOps(event: { message: string; type: 'errors' | 'info' }): Promise<void>;
declare function send(message: string): Promise<{ ok: boolean; error?: string }>;

export async function reportRejected(results: PromiseSettledResult<string>[]): Promise<string[]> {
  const sent: string[] = [];
  for (const result of results) {
    if (result.status === 'fulfilled') {
      sent.push(result.value);
    } else {
      await alertOps({ message: String(result.reason), type: 'errors' });
    }
  }
  for (const result of results) {
    if (result.status !== 'rejected') continue;
    await alertOps({ message: String(result.reason), type: 'errors' });
  }
  return sent;
}

export async function sendAll(messages: string[]): Promise<void> {
  for (const message of messages) {
    const response = await send(message);
  //                 ^^^^^ await-in-loop
    if (!response.ok) await alertOps({ message: response.error ?? message, type: 'errors' });
  }
}

export async function onSuccessOnly(results: PromiseSettledResult<string>[], errors: string[]): Promise<void> {
  for (const result of results) {
    if (result.status === 'fulfilled') await alertOps({ message: result.value, type: 'info' });
  //                                   ^^^^^ await-in-loop
  }
  for (const result of results) {
    if (errors.length === 0) await alertOps({ message: String(result.status), type: 'info' });
  //                         ^^^^^ await-in-loop
  }
}
