import { prisma } from '../db';
import { delay } from '../lib/delay';

/** Named like start-up code, yet it polls until the process stops: each round's queries run on every round. */
export async function initialize() {
  for (;;) {
    const expired = await prisma.session.findMany({ where: { expiresAt: { lt: new Date() } } });
    for (const session of expired) {
      await prisma.user.update({ where: { id: session.userId }, data: { online: false } });
//          ^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    await delay(30);
  }
}
