import _map from 'lodash/map';
import _ from 'lodash';
import { forEach, filter } from 'lodash-es';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function detachChats() {
  const users = await prisma.user.findMany({ where: { chatId: { not: null } } });
  // lodash's map runs the callback once per user, all at once.
  const promises = _map(users, async (user) => {
    await prisma.user.update({ where: { id: user.id }, data: { chatId: null } });
//        ^^^^^^^^^^^^^^^^^^ n-plus-one
  });
  await Promise.allSettled(promises);
}

export async function expireTrials(userIds: string[]) {
  await Promise.all(
    _.map(userIds, (id) => prisma.trial.findFirst({ where: { userId: id } })),
//                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  );
}

export function dropSessions(users: Array<{ id: string }>) {
  forEach(users, async (user) => {
    await prisma.session.deleteMany({ where: { userId: user.id } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  });
}

export function labels(users: Array<{ id: string; name: string }>) {
  // The callback does no input or output: an in-memory pass over the list.
  return _map(users, (user) => `${user.name} (${user.id})`);
}

export async function activeIds(ids: string[]) {
  // One query for every id, then an in-memory filter of its rows.
  const rows = await prisma.user.findMany({ where: { id: { in: ids } } });
  return filter(rows, (row) => row.active);
}
