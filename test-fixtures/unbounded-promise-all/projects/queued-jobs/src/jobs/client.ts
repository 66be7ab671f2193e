// valid
import { Queue } from 'bullmq';

const queues = new Map<string, Queue>();

function queueNamed(name: string): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: { host: 'localhost' } });
    queues.set(name, queue);
  }
  return queue;
}

/** Hands one job to a queue and says which: the worker runs it later. */
export async function enqueueJob(queueName: string, jobName: string, payload: unknown): Promise<{ id: string }> {
  const queue = queueNamed(queueName);
  const job = await queue.add(jobName, payload, { attempts: 3 });
  if (!job.id) throw new Error(`no id for ${jobName}`);
  return { id: job.id };
}

export const reindexQueue = new Queue('reindex', { connection: { host: 'localhost' } });

/** Asks for one document to be indexed again. */
export async function requestReindex(documentId: string): Promise<void> {
  await reindexQueue.add('reindex', { documentId });
}

/** Adds the job, then waits for the worker's answer: a round trip per job. */
export async function enqueueAndWait(queueName: string, payload: unknown): Promise<unknown> {
  const queue = queueNamed(queueName);
  const job = await queue.add('run', payload);
  return job.waitUntilFinished(undefined as never);
}
