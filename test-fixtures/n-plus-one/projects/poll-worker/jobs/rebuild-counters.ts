// valid: run once as the worker starts; the drain stops when a batch comes back empty.
import { prisma } from '../db';
import { delay } from '../lib/delay';

export async function rebuildCounters() {
  while (true) {
    const users = await prisma.user.findMany({ where: { countersStale: true }, take: 100 });
    if (users.length === 0) break;
    for (const user of users) {
      const links = await prisma.link.count({ where: { ownerId: user.id } });
      await prisma.user.update({ where: { id: user.id }, data: { links, countersStale: false } });
    }
    await delay(1);
  }
}
