// A query that runs only in the catch clause of an iteration, or on a branch taken when its work failed, runs for the items
// that failed, not for every item: the loop's cost is elsewhere. The query in the try block still runs per item.
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';

const prisma = new PrismaClient();
const redis = new Redis();

declare function sendReminder(email: string): Promise<{ ok: boolean }>;

export async function remind(users: Array<{ id: string; email: string }>) {
  for (const user of users) {
    try {
      await sendReminder(user.email);
//    ^^^^^ await-in-loop
    } catch (error) {
      await redis.set(`reminder-error:${user.id}`, String(error), 'EX', 3600);
    }
  }
}

export async function remindAll(users: Array<{ id: string; email: string }>) {
  for (const user of users) {
    const result = await sendReminder(user.email);
//                 ^^^^^ await-in-loop
    if (!result.ok) {
      await prisma.reminderFailure.create({ data: { userId: user.id } });
    }
  }
}

export async function stamp(users: Array<{ id: string }>, now: Date) {
  for (const user of users) {
    try {
      await prisma.user.update({ where: { id: user.id }, data: { remindedAt: now } });
//          ^^^^^^^^^^^^^^^^^^ n-plus-one
    } catch (error) {
      await redis.set(`stamp-error:${user.id}`, String(error));
    }
  }
}
