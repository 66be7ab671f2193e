// valid
import { PrismaClient } from '@prisma/client';

declare const global: { prisma: PrismaClient };

if (!global.prisma) {
  global.prisma = new PrismaClient({ datasourceUrl: process.env.DATABASE_URL });
}

export default global.prisma;
