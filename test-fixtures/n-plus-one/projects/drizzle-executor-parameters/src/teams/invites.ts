import { and, eq, gt } from 'drizzle-orm';
import { db } from '../db/client';
import { grants, invites } from '../db/schema';
import type { Executor } from '../db/types';

async function copyGrant(tx: Executor, inviteId: string, resource: string) {
  await tx.insert(grants).values({ id: crypto.randomUUID(), inviteId, resource }).onConflictDoNothing();
}

async function moveInvites(tx: Executor, teamId: string, inviteIds: string[], now: Date) {
  const moved: string[] = [];
  for (const inviteId of inviteIds) {
    const where = and(eq(invites.id, inviteId), gt(invites.expiresAt, now));
    const [invite] = await tx.select().from(invites).where(where).limit(1);
//                         ^^^^^^^^^ n-plus-one
    if (!invite) continue;
    const held = await tx.select().from(grants).where(eq(grants.inviteId, invite.id));
//                     ^^^^^^^^^ n-plus-one
    for (const grant of held) {
      await copyGrant(tx, invite.id, grant.resource);
//          ^^^^^^^^^ n-plus-one
    }
    moved.push(invite.id);
  }
  await tx.update(invites).set({ teamId }).where(eq(invites.teamId, teamId));
  return moved;
}

export async function moveTeamInvites(teamId: string, inviteIds: string[]) {
  return db.transaction(async (tx) => moveInvites(tx, teamId, inviteIds, new Date()));
}
