// A loop whose comment gives the reason for one transaction per item (short write locks) does so on purpose. Without the
// comment, or with one that only wishes it were batched, it is one transaction per item.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function archiveFinishedJobs(cutoff: Date): Promise<number> {
  const jobs = await prisma.job.findMany({ where: { finishedAt: { lte: cutoff } }, select: { id: true } });
  // One transaction per job keeps write locks short, so a large backlog does not stall other writers.
  let archived = 0;
  for (const job of jobs) {
    await prisma.$transaction(async (tx) => {
      await tx.jobStep.deleteMany({ where: { jobId: job.id } });
      await tx.job.update({ where: { id: job.id }, data: { archived: true } });
    });
    archived++;
  }
  return archived;
}

export async function closeFinishedJobs(cutoff: Date): Promise<void> {
  const jobs = await prisma.job.findMany({ where: { finishedAt: { lte: cutoff } }, select: { id: true } });
  for (const job of jobs) {
    // Avoid one long transaction over the whole backlog.
    await prisma.$transaction(async (tx) => {
      await tx.jobStep.deleteMany({ where: { jobId: job.id } });
      await tx.job.update({ where: { id: job.id }, data: { closed: true } });
    });
  }
}

export async function purgeFinishedJobs(cutoff: Date): Promise<void> {
  const jobs = await prisma.job.findMany({ where: { finishedAt: { lte: cutoff } }, select: { id: true } });
  // TODO: one transaction per job is slow, batch these
  for (const job of jobs) {
    await prisma.$transaction(async (tx) => {
//        ^^^^^^^^^^^^^^^^^^^ n-plus-one
      await tx.jobStep.deleteMany({ where: { jobId: job.id } });
    });
  }
}

export async function expireJobs(cutoff: Date): Promise<number> {
  // One update per expired job, so the dashboard hides it.
  const jobs = await prisma.job.findMany({ where: { finishedAt: { lte: cutoff } }, select: { id: true } });
  let expired = 0;
  for (const job of jobs) {
    await prisma.job.update({ where: { id: job.id }, data: { expired: true } });
//        ^^^^^^^^^^^^^^^^^ n-plus-one
    expired++;
  }
  return expired;
}
