// valid
import { PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();

export async function recheckAudience(customerId: string) {
  const audience = await prisma.audience.findFirstOrThrow({ where: { customerId } });
  await prisma.audience.update({ where: { id: audience.id }, data: { checkedAt: new Date() } });
}
