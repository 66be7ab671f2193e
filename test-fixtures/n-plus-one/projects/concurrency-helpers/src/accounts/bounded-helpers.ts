// valid
import pMap from 'p-map';
import { prisma } from '../db';
import { mapWithConcurrency, retry, settleAll } from '../lib/concurrency';
import { promiseTimeout } from '../lib/promise-utils';

const REGIONS = ['eu', 'us'] as const;

export async function regionTotals() {
  return mapWithConcurrency([...REGIONS], 2, async (region) => prisma.invoice.count({ where: { region } }));
}

export async function loadOwner(id: string) {
  return retry(3, () => prisma.user.findUnique({ where: { id } }));
}

export async function logRun(tasks: Array<Promise<void>>) {
  await settleAll(tasks, async (count) => {
    await prisma.runLog.create({ data: { count } });
  });
}

export async function firstOwner(id: string) {
  return promiseTimeout(1000, () => prisma.user.findUnique({ where: { id } }));
}

export async function deactivateInChunks(chunks: string[][]) {
  await pMap(chunks, async (chunk) => prisma.user.updateMany({ where: { id: { in: chunk } }, data: { active: false } }), { concurrency: 2 });
}
