// valid
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { auditLog, monitor } from '../schema';

export async function getMonitor(monitorId: number) {
  const [found] = await db.select().from(monitor).where(eq(monitor.id, monitorId));
  return found;
}

export async function insertAudit(row: { workspaceId: number; action: string; entityId: string }) {
  await db.insert(auditLog).values(row);
}
