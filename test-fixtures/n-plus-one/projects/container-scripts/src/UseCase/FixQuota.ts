// valid: only an admin's program resolves it from the container; the server loads the container but never asks for it.
import { prisma } from '../db';

export class FixQuota {
  async execute(emails: string[]): Promise<void> {
    for (const email of emails) {
      const user = await prisma.user.findUnique({ where: { email } });
      if (user) await prisma.quota.update({ where: { userId: user.id }, data: { used: 0 } });
    }
  }
}
