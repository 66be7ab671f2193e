// valid
import type { JobQueue } from '@/jobs/queue';

type Batch = Parameters<Parameters<JobQueue['transaction']>[0]>[0];

export async function queueReminders(batch: Batch, invoiceIds: string[]) {
  for (const invoiceId of invoiceIds) {
    await batch.add('reminder', { invoiceId });
  }
}
