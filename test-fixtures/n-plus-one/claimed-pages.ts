// A poller that claims a few due rows per tick, by a limit written in the code, against pages large enough to batch.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

const CLAIM_BATCH = 10;
const SWEEP_BATCH = 500;

export async function claimDueReports(workerId: string) {
  const due = await prisma.scheduledReport.findMany({
    where: { nextRunAt: { lte: new Date() }, claimedBy: null },
    orderBy: { nextRunAt: 'asc' },
    take: CLAIM_BATCH,
  });
  for (const report of due) {
    await prisma.scheduledReport.update({ where: { id: report.id }, data: { claimedBy: workerId, claimedAt: new Date() } });
  }
  return due;
}

export async function claimDueExports(workerId: string) {
  const due = await prisma.exportJob.findMany({ where: { status: 'queued' }, take: 3 });
  await Promise.all(due.map((job) => prisma.exportJob.update({ where: { id: job.id }, data: { status: 'running', workerId } })));
}

export async function expireSessions() {
  const stale = await prisma.session.findMany({ where: { expiresAt: { lt: new Date() } }, take: SWEEP_BATCH });
  for (const session of stale) {
    await prisma.session.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
//        ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function retryFailed(limit: number) {
  const failed = await prisma.exportJob.findMany({ where: { status: 'failed' }, take: limit });
  for (const job of failed) {
    await prisma.exportJob.update({ where: { id: job.id }, data: { status: 'queued', attempts: { increment: 1 } } });
//        ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
