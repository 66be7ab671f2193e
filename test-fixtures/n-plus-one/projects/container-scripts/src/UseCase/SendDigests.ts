import { prisma } from '../db';

/** Resolved by the program a scheduler runs every day: recurring work over every user. */
export class SendDigests {
  async execute(frequency: string): Promise<void> {
    const users = await prisma.user.findMany({ where: { digest: frequency } });
    for (const user of users) {
      const notes = await prisma.note.count({ where: { ownerId: user.id } });
//                        ^^^^^^^^^^^^^^^^^ n-plus-one
      console.log(user.email, notes);
    }
  }
}
