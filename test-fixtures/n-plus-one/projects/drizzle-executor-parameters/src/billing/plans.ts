import { eq } from 'drizzle-orm';
import { db } from '../db/client';
import { members, subscriptions, teams } from '../db/schema';
import type { Executor } from '../db/types';

export interface PlanOptions {
  executor?: Executor;
  fallback?: string;
}

/** The plan a user pays for, read on the caller's transaction when it hands one. */
export async function planOfUser(userId: string, options: PlanOptions = {}) {
  const { executor = db, fallback = 'free' } = options;
  const [row] = await executor.select().from(subscriptions).where(eq(subscriptions.referenceId, userId)).limit(1);
  return row?.plan ?? fallback;
}

export async function planOfTeam(teamId: string, { executor = db }: PlanOptions = {}) {
  const [row] = await executor.select().from(subscriptions).where(eq(subscriptions.referenceId, teamId)).limit(1);
  return row?.plan ?? 'free';
}

export async function reassignBilling(leavingUserId: string, executor: Executor = db) {
  const billed = await executor.select().from(teams).where(eq(teams.billedUserId, leavingUserId));
  for (const team of billed) {
    const [admin] = await executor.select({ userId: members.userId }).from(members).where(eq(members.teamId, team.id)).limit(1);
//                        ^^^^^^^^^^^^^^^ n-plus-one
    if (admin) await executor.update(teams).set({ billedUserId: admin.userId }).where(eq(teams.id, team.id));
//                   ^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function plansOf(userIds: string[], teamIds: string[]) {
  const byUser = new Map<string, string>();
  const byTeam = new Map<string, string>();
  await Promise.all([
    ...userIds.map(async (userId) => {
      byUser.set(userId, await planOfUser(userId));
//                             ^^^^^^^^^^ n-plus-one
    }),
    ...teamIds.map(async (teamId) => {
      byTeam.set(teamId, await planOfTeam(teamId));
//                             ^^^^^^^^^^ n-plus-one
    }),
  ]);
  return { byUser, byTeam };
}

export async function planPerTeamOwner(rows: Array<{ ownerId: string; size: number }>) {
  const plans = new Map<string, string>();
  for (const row of rows) {
    if (!plans.has(row.ownerId)) plans.set(row.ownerId, await planOfUser(row.ownerId));
//                                                            ^^^^^^^^^^ n-plus-one
  }
  return plans;
}
