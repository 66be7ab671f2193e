// valid
import { prisma as defaultPrisma } from './db';

/** Written with the caller's transaction when it has one, else with the shared client. */
export async function auditLog(entry: { resourceId: string; action: string }, prisma?: typeof defaultPrisma) {
  const db = prisma ?? defaultPrisma;
  await db.auditLog.create({ data: entry });
}

/** Counts in memory when no store is given. */
export async function countEvent(name: string, store?: Map<string, number>) {
  const counts = store ?? new Map<string, number>();
  counts.set(name, (counts.get(name) ?? 0) + 1);
}
