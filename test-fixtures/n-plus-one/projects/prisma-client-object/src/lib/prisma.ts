// valid
import { PrismaClient } from '@prisma/client';

const PRISMA = Symbol.for('app.prisma');

function getClient() {
  const base = new PrismaClient({ errorFormat: 'pretty' });
  if (!process.env.DATABASE_REPLICA_URL) return base;
  return base.$extends({ name: 'replica' });
}

const client: ReturnType<typeof getClient> = (globalThis as Record<symbol, unknown>)[PRISMA] as ReturnType<typeof getClient> ?? getClient();

function transaction(queries: Parameters<typeof client.$transaction>[0]) {
  return client.$transaction(queries);
}

function getSearchSQL(column: string): string {
  return `and ${column} ilike {{search}}`;
}

export default { client, transaction, getSearchSQL };
