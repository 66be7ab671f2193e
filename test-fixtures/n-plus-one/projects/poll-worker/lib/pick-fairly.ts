import { prisma } from '../db';

/** Called on every round of the archive worker's poll: the per-owner query runs each round. */
export default async function pickFairly(take: number) {
  const owners = await prisma.user.findMany({ where: { links: { some: { archived: false } } }, take });
  const pending = new Map<number, number>();
  for (const owner of owners) {
    const count = await prisma.link.count({ where: { ownerId: owner.id, archived: false } });
//                      ^^^^^^^^^^^^^^^^^ n-plus-one
    pending.set(owner.id, count);
  }
  return [...pending.entries()].filter(([, count]) => count > 0).map(([ownerId]) => ownerId);
}
