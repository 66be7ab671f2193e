// valid
import { PrismaClient } from '@prisma/client';

const globalForReplica = globalThis as unknown as { replica?: PrismaClient };

globalForReplica.replica ??= new PrismaClient({ datasourceUrl: process.env.DATABASE_URL_REPLICA });

export const replica = globalForReplica.replica!;
