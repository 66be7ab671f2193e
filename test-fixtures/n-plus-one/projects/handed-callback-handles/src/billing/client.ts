// valid
import { Prisma, PrismaClient } from '@prisma/client';

export const prisma = new PrismaClient();

/** Runs `work` in a serializable transaction. */
export async function serializable<T>(work: (client: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) => work(tx), { isolationLevel: Prisma.TransactionIsolationLevel.Serializable });
}
