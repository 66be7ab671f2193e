// A write that claims an item's row only while it is still in the state the loop read (a compare-and-set), and whose result
// the iteration tests, tells each item whether it won its row: one write over the ids would only say how many were won.
// The same write without the test, or without the guard, still changes one row per item.
import { PrismaClient } from '@prisma/client';
import mongoose from 'mongoose';

const prisma = new PrismaClient();
const Job = mongoose.model('Job', new mongoose.Schema({ state: String, lockedAt: Date }));

declare function runExport(exportId: string): Promise<void>;

export async function claimExports(now: Date) {
  const due = await prisma.export.findMany({ where: { status: 'queued' }, take: 25 });
  for (const item of due) {
    const claim = await prisma.export.updateMany({
      where: { id: item.id, status: 'queued' },
      data: { status: 'running', startedAt: now },
    });
    if (claim.count === 0) continue;
    await runExport(item.id);
//  ^^^^^ await-in-loop
  }
}

export async function lockJobs(ids: string[]) {
  const locked: string[] = [];
  for (const id of ids) {
    const { modifiedCount } = await Job.updateOne({ _id: id, state: 'waiting' }, { state: 'locked', lockedAt: new Date() });
    if (modifiedCount > 0) locked.push(id);
  }
  return locked;
}

export async function markStarted(now: Date) {
  const due = await prisma.export.findMany({ where: { status: 'queued' }, take: 25 });
  for (const item of due) {
    await prisma.export.updateMany({ where: { id: item.id, status: 'queued' }, data: { status: 'running', startedAt: now } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function touchExports(ids: string[], now: Date) {
  let touched = 0;
  for (const id of ids) {
    const result = await prisma.export.updateMany({ where: { id }, data: { startedAt: now } });
//                       ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (result.count > 0) touched++;
  }
  return touched;
}
