import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function main(ids: number[]) {
  const userRows = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  const userById = new Map(userRows.map((row) => [row.id, row]));
  const users = await Promise.all(ids.map((id) => userById.get(id) ?? null));
  return users.map((user) => user?.name ?? null);
}
