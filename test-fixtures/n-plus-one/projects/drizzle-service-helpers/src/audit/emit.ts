// valid
import type { Handle, ServiceContext } from '../context';
import { auditLog } from '../schema';

export interface AuditEntry {
  action: string;
  entityId: number;
  before?: unknown;
}

export async function emitAudit(tx: Handle, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  const row = { workspaceId: ctx.workspaceId, action: entry.action, entityId: String(entry.entityId), before: entry.before ?? null };
  await tx.insert(auditLog).values(row);
}

// Only builds the row: the handle is passed along for the caller's insert.
export function auditRow(tx: Handle, ctx: ServiceContext, entry: AuditEntry) {
  return { workspaceId: ctx.workspaceId, action: entry.action, entityId: String(entry.entityId), inTransaction: tx !== undefined };
}
