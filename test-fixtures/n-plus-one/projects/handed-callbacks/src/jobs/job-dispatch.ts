import { prisma } from '../db';

type SyncJob = { kind: 'account' | 'team'; targetId: string };

const syncers = {
  account: (job: SyncJob) => prisma.account.update({ where: { id: job.targetId }, data: { syncedAt: new Date() } }),
  team: (job: SyncJob) => prisma.team.update({ where: { id: job.targetId }, data: { syncedAt: new Date() } }),
};

const notifiers = {
  account: async (job: SyncJob) => prisma.account.findUnique({ where: { id: job.targetId } }),
  team: async (job: SyncJob) => console.info(`team ${job.targetId} synced`),
};

export async function runSyncJobs(jobs: SyncJob[]): Promise<void> {
  for (const job of jobs) {
    const sync = syncers[job.kind];
    await sync(job);
//        ^^^^ n-plus-one
  }
}

export async function notifyAll(jobs: SyncJob[]): Promise<void> {
  for (const job of jobs) {
    await notifiers[job.kind](job);
  }
}

export class CleanupWorker {
  private readonly cleaners: Record<SyncJob['kind'], (job: SyncJob) => Promise<unknown>> = {
    account: this.cleanAccount.bind(this),
    team: async (job) => prisma.team.delete({ where: { id: job.targetId } }),
  };

  private async cleanAccount(job: SyncJob) {
    return prisma.account.delete({ where: { id: job.targetId } });
  }

  async drainAll(jobs: SyncJob[]): Promise<void> {
    for (const job of jobs) await this.cleaners[job.kind](job);
//                                ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async cleanOne(job: SyncJob): Promise<void> {
    await this.cleaners.account(job);
  }
}
