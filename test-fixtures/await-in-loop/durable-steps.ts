import { serve } from '@upstash/workflow/nextjs';
import { inngest } from './inngest-client';

type MergePlan = { sourceId: string; enrollmentIds: string[] };

// Each step is recorded under its name and replayed in order after a retry.
export const { POST } = serve<MergePlan>(async (context) => {
  const { sourceId, enrollmentIds } = context.requestPayload;
  for (const enrollmentId of enrollmentIds) {
    await context.run(`merge-enrollment-${enrollmentId}`, async () => mergeEnrollment(sourceId, enrollmentId));
  }
});

export const syncAccounts = inngest.createFunction({ id: 'sync-accounts' }, { event: 'accounts/sync' }, async ({ event, step }) => {
  for (const accountId of event.data.accountIds as string[]) {
    await step.run('sync-account', () => syncAccount(accountId));
  }
  // Not a step: a plain call per account, which could overlap.
  for (const accountId of event.data.accountIds as string[]) {
    await notifyOwner(accountId);
//  ^^^^^ await-in-loop
  }
});

declare function mergeEnrollment(sourceId: string, enrollmentId: string): Promise<void>;
declare function syncAccount(accountId: string): Promise<void>;
declare function notifyOwner(accountId: string): Promise<void>;
