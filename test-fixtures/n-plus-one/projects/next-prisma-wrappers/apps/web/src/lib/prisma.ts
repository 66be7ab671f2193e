// valid
import { Prisma, PrismaClient } from '@notes/db';

const globalForPrisma = globalThis as unknown as { prisma: PrismaClient };

export const basePrisma = globalForPrisma.prisma || new PrismaClient({ log: ['warn'] });
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = basePrisma;

export const tenantScoped = (teamId: string) =>
  Prisma.defineExtension((client) =>
    client.$extends({
      query: {
        note: {
          async $allOperations({ args, query }) {
            return query({ ...args, where: { ...args.where, teamId } });
          },
        },
      },
    }),
  );
