// valid
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function readLines(orderId: string) {
  return prisma.orderLine.findMany({ where: { orderId } });
}
