import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function main(ids: number[]) {
  const users = await Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id }, select: { id: true, name: true } })));
  return users.map((user) => user?.name ?? null);
}
