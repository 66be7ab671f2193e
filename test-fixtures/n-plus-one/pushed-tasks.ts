// Tasks made per item, kept in a list and run later one each: what a task runs, runs once per item of the loop that made it.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function purgeMembers(memberIds: string[]): Promise<void> {
  const removals: Array<() => Promise<unknown>> = [];
  for (const id of memberIds) {
    removals.push(() => prisma.membership.delete({ where: { id } }));
    //                  ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  await Promise.all(removals.map((remove) => remove()));
}

export async function archiveBoards(boardIds: string[]): Promise<void> {
  const steps: Array<() => Promise<boolean>> = [];
  for (const boardId of boardIds) {
    const archive = () =>
      new Promise<boolean>((resolve) => {
        prisma.board.update({ where: { id: boardId }, data: { archived: true } }).then(() => resolve(true));
      //^^^^^^^^^^^^^^^^^^^ n-plus-one
      });
    steps.push(archive);
  }
  for (const step of steps) await step();
}

export async function refreshCaches(keys: string[], run: (tasks: Array<() => Promise<unknown>>) => Promise<void>): Promise<void> {
  // Handed to a runner the code does not show: how it runs them is its own.
  const tasks: Array<() => Promise<unknown>> = [];
  for (const key of keys) tasks.push(() => prisma.cacheEntry.findUnique({ where: { key } }));
  await run(tasks);
}

export async function resetCounters(): Promise<void> {
  // As many tasks as the code writes out.
  const resets: Array<() => Promise<unknown>> = [];
  for (const name of ['daily', 'weekly']) {
    resets.push(() => prisma.counter.update({ where: { name }, data: { value: 0 } }));
  }
  await Promise.all(resets.map((reset) => reset()));
}
