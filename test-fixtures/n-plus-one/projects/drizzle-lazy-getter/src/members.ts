import { eq } from 'drizzle-orm';
import { db, labels } from './db';
import { feature, memberRole } from './schema';

export async function grantAdmin(memberId: string, workspaceIds: string[]) {
  return Promise.all(
    workspaceIds.map((workspaceId) => db().insert(memberRole).values({ workspaceId, memberId, role: 'Admin' }).onConflictDoNothing().returning()),
//                                    ^^^^^^^^^^^ n-plus-one
  );
}

export async function disableAll(workspaceIds: string[]) {
  for (const workspaceId of workspaceIds) {
    await db().update(feature).set({ enabled: false }).where(eq(feature.workspaceId, workspaceId));
//        ^^^^^^^^^^^ n-plus-one
  }
}

// Lookups in a map the getter fills lazily: no query per item.
export function labelsOf(keys: string[]) {
  return keys.map((key) => labels().get(key) ?? key);
}
