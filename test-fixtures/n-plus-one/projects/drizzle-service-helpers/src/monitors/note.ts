// valid
import { getMonitor, insertAudit } from './repo';

// Reads the monitor's workspace, which the row it writes carries: two statements on every call.
export async function noteMonitor(monitorId: number, action: string): Promise<void> {
  const found = await getMonitor(monitorId);
  if (!found) return;
  await insertAudit({ workspaceId: found.workspaceId, action, entityId: String(monitorId) });
}
