import pMap from 'p-map';
import async from 'async';
import { prisma } from '../db';
import { mapWithConcurrency } from '../lib/concurrency';
import { promiseMapWithLimit } from '../lib/promise-utils';

export async function markSynced(accounts: Array<{ id: string; syncedAt: Date }>) {
  await mapWithConcurrency(accounts, 8, async (account) => {
    await prisma.account.update({ where: { id: account.id }, data: { syncedAt: account.syncedAt } });
//        ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  });
}

export async function ownersOf(ownerIds: string[]) {
  return promiseMapWithLimit(5, ownerIds, async (id: string) => prisma.user.findUnique({ where: { id } }));
//                                                              ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function removeUsers(userIds: string[]) {
  await pMap(userIds, async (id) => prisma.user.delete({ where: { id } }), { concurrency: 4 });
//                                  ^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function endSessions(userIds: string[]) {
  await async.eachLimit(userIds, 4, async (userId: string) => {
    await prisma.session.deleteMany({ where: { userId } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  });
}

async function inOrder<T>(items: T[], step: (item: T) => Promise<void>): Promise<void> {
  for (const item of items) await step(item);
}

export async function archiveAll(projectIds: string[]) {
  await inOrder(projectIds, async (id) => {
    await prisma.project.update({ where: { id }, data: { archived: true } });
//        ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  });
}
