// A retry helper, of the project or of a retry package, runs the callback it is handed on every call: its query runs once per item.
import { PrismaClient } from '@prisma/client';
import pRetry from 'p-retry';
import { withDbRetry } from './db.server';

const prisma = new PrismaClient();
const shutdownHooks: Array<() => Promise<unknown>> = [];

async function retried<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

async function onShutdown(hook: () => Promise<unknown>): Promise<void> {
  shutdownHooks.push(hook);
}

export async function markDelivered(ids: string[]) {
  for (const id of ids) {
    await withDbRetry(() => prisma.delivery.update({ where: { id }, data: { delivered: true } }));
//                          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function loadReceipts(ids: string[]) {
  const receipts = [];
  for (const id of ids) {
    receipts.push(await pRetry(() => prisma.receipt.findUnique({ where: { id } }), { retries: 2 }));
//                                   ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return receipts;
}

export async function touchSessions(ids: string[]) {
  for (const id of ids) {
    await retried(async () => {
      await prisma.session.update({ where: { id }, data: { touchedAt: new Date() } });
//          ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    });
  }
}

export async function registerCleanups(ids: string[]) {
  for (const id of ids) {
    await onShutdown(() => prisma.lock.delete({ where: { id } }));
  }
}

export async function markAllDelivered(ids: string[]) {
  await withDbRetry(() => prisma.delivery.updateMany({ where: { id: { in: ids } }, data: { delivered: true } }));
}
