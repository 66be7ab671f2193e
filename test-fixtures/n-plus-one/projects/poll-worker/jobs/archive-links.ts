import { prisma } from '../db';
import { delay } from '../lib/delay';
import pickFairly from '../lib/pick-fairly';

export async function archiveLinks(intervalSeconds: number) {
  while (true) {
    const ownerIds = await pickFairly(5);
    if (ownerIds.length === 0) {
      await delay(intervalSeconds);
      continue;
    }
    const links = await prisma.link.findMany({ where: { ownerId: { in: ownerIds }, archived: false }, take: 20 });
    await Promise.allSettled(
      links.map(async (link) => {
        try {
          await fetch(link.url);
        } finally {
          await prisma.link.update({ where: { id: link.id }, data: { archived: true } });
//              ^^^^^^^^^^^^^^^^^^ n-plus-one
        }
      }),
    );
    await delay(intervalSeconds);
  }
}
