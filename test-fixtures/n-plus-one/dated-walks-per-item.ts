// A walk whose every step needs the one before (`while (due < now) { … due = next }`) runs in order, but each item of the loop
// around it starts its own walk: at least one query per item of that loop.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Schedule {
  id: string;
  nextRunAt: Date;
  intervalDays: number;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

// Null when another worker created the run first: the walk stops there.
async function createNextRun(schedule: Schedule, previousId: string, runAt: Date) {
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.run.create({ data: { scheduleId: schedule.id, previousId, runAt } });
      await tx.schedule.update({ where: { id: schedule.id }, data: { nextRunAt: addDays(runAt, schedule.intervalDays) } });
      return created;
    });
  } catch {
    return null;
  }
}

export async function catchUpSchedules(schedules: Schedule[], now: Date) {
  for (const schedule of schedules) {
    let runAt = schedule.nextRunAt;
    let previousId = schedule.id;
    while (runAt < now) {
      const run = await createNextRun(schedule, previousId, runAt);
//                      ^^^^^^^^^^^^^ n-plus-one
      if (run === null) break;
      previousId = run.id;
      runAt = addDays(runAt, schedule.intervalDays);
    }
  }
}

// The same walk with the transaction written in the loop: the transaction's own variables are new on each call.
export async function backfillSchedules(schedules: Schedule[], now: Date) {
  for (const schedule of schedules) {
    let runAt = schedule.nextRunAt;
    let previousId = schedule.id;
    while (runAt < now) {
      const run = await prisma.$transaction(async (tx) => {
//                      ^^^^^^^^^^^^^^^^^^^ n-plus-one
        const created = await tx.run.create({ data: { scheduleId: schedule.id, previousId, runAt } });
        await tx.schedule.update({ where: { id: schedule.id }, data: { nextRunAt: addDays(runAt, schedule.intervalDays) } });
        return created;
      });
      previousId = run.id;
      runAt = addDays(runAt, schedule.intervalDays);
    }
  }
}

// One schedule's walk: each step needs the one before, and nothing repeats it per item.
export async function catchUpSchedule(schedule: Schedule, now: Date) {
  let runAt = schedule.nextRunAt;
  let previousId = schedule.id;
  while (runAt < now) {
    const run = await prisma.run.create({ data: { scheduleId: schedule.id, previousId, runAt } });
    previousId = run.id;
    runAt = addDays(runAt, schedule.intervalDays);
  }
}
