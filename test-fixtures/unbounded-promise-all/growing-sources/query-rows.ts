import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';

const prisma = new PrismaClient();
const pool = new Pool();

declare const mailer: { send(to: string, subject: string): Promise<void> };
declare const search: { reindex(id: string): Promise<void> };

export async function remindInactive(): Promise<void> {
  const users = await prisma.user.findMany({ where: { lastSeenAt: null } });
  await Promise.all(users.map((user) => mailer.send(user.email, 'We miss you')));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function reindexTagged(tagId: string): Promise<void> {
  const links = await prisma.link.findMany({ where: { tags: { some: { tagId } } }, select: { id: true } });
  const pending: Promise<void>[] = [];
  for (const link of links) pending.push(search.reindex(link.id));
  await Promise.allSettled(pending);
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
}

export async function notifySubscribers(feedId: string): Promise<void> {
  const { rows } = await pool.query('SELECT email FROM subscribers WHERE feed_id = $1', [feedId]);
  await Promise.all(rows.map((row: { email: string }) => mailer.send(row.email, 'New post')));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function remindLatest(): Promise<void> {
  const users = await prisma.user.findMany({ orderBy: { createdAt: 'desc' }, take: 20 });
  await Promise.all(users.map((user) => mailer.send(user.email, 'Welcome')));
}

export async function remindOwner(id: string): Promise<void> {
  const team = await prisma.team.findUnique({ where: { id }, include: { owners: true } });
  await Promise.all((team?.owners ?? []).map((owner) => mailer.send(owner.email, 'Renewal')));
}
