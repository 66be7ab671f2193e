// A poll's pause orders its rounds, not the items of one round; a drain that stops on an empty batch paces its batches.
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function startReminderPoll(intervalMs: number) {
  while (true) {
    const due = await prisma.reminder.findMany({ where: { dueAt: { lte: new Date() }, sent: false }, take: 50 });
    for (const reminder of due) {
      await prisma.reminder.update({ where: { id: reminder.id }, data: { sent: true } });
//          ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    await sleep(intervalMs);
  }
}

export async function archiveOldReminders() {
  while (true) {
    const batch = await prisma.reminder.findMany({ where: { sent: true, archived: false }, take: 100 });
    if (batch.length === 0) break;
    for (const reminder of batch) {
      await prisma.reminder.update({ where: { id: reminder.id }, data: { archived: true } });
    }
    await sleep(500);
  }
}
