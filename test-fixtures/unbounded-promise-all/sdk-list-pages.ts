import { runs } from '@trigger.dev/sdk';
import { list } from '@vercel/blob';

declare function notifyOwner(runId: string): Promise<void>;

// An SDK's list answers with one page: cancelling what it found starts at most a page of calls.
export async function cancelPendingDigests(teamId: string) {
  const pending = await runs.list({ tag: [`team_${teamId}`], status: ['DELAYED', 'QUEUED'] });
  const mine = pending.data.filter((run) => run.tags.includes(`team_${teamId}`));
  await Promise.all(mine.map((run) => runs.cancel(run.id)));
}

// A blob store's listing is every file under the prefix, up to a thousand: one request each, all at once.
export async function notifyEachUpload(prefix: string) {
  const { blobs } = await list({ prefix });
  await Promise.all(blobs.map((blob) => notifyOwner(blob.pathname)));
//      ^^^^^^^^^^^ unbounded-promise-all
}
