// Rows sorted into groups by their kind, then one call per group: a few kinds, not one call per row.
// Groups keyed by something else that comes from the rows (an owner, an id) are as many as the rows, and reported.
interface PendingRow {
  id: number;
  entityType: string;
  ownerId: string;
}

declare function refreshCache(entityType: string, ids: number[]): Promise<void>;
declare function notifyOwner(ownerId: string, ids: number[]): Promise<void>;

export async function refreshByType(rows: PendingRow[]): Promise<void> {
  const byType = new Map<string, number[]>();
  for (const row of rows) {
    byType.set(row.entityType, [...(byType.get(row.entityType) ?? []), row.id]);
  }
  for (const [entityType, ids] of byType) {
    await refreshCache(entityType, ids);
  }
}

export async function refreshByKind(rows: PendingRow[]): Promise<void> {
  const byKind: Record<string, number[]> = {};
  for (const row of rows) (byKind[row.entityType] ??= []).push(row.id);
  for (const [kind, ids] of Object.entries(byKind)) {
    await refreshCache(kind, ids);
  }
}

export async function notifyByOwner(rows: PendingRow[]): Promise<void> {
  const byOwner = new Map<string, number[]>();
  for (const row of rows) {
    byOwner.set(row.ownerId, [...(byOwner.get(row.ownerId) ?? []), row.id]);
  }
  for (const [ownerId, ids] of byOwner.entries()) {
    await notifyOwner(ownerId, ids);
//  ^^^^^ await-in-loop
  }
}
