import { prisma } from '../db';
import { mapWithConcurrency } from '../lib/concurrency';

const CHANNELS = ['email', 'push'] as const;

async function goalsOf(projectId: string) {
  return prisma.goal.findMany({ where: { projectId } });
}

async function sendsOf(userId: string, channel: string) {
  return prisma.delivery.count({ where: { userId, channel } });
}

export async function weeklyGoals(users: Array<{ id: string; projectIds: string[] }>) {
  return mapWithConcurrency(users, 4, async (user) => {
    const goals = await mapWithConcurrency(user.projectIds, 2, async (projectId) => goalsOf(projectId));
//                                                                                  ^^^^^^^ n-plus-one
    return { userId: user.id, goals };
  });
}

export async function weeklySends(users: Array<{ id: string }>) {
  return mapWithConcurrency(users, 4, async (user) => {
    const sends = await mapWithConcurrency([...CHANNELS], 2, async (channel) => sendsOf(user.id, channel));
//                      ^^^^^^^^^^^^^^^^^^ n-plus-one
    return { userId: user.id, sends };
  });
}
export async function archiveGoals(projectIds: string[]) {
  for (const projectId of projectIds) {
    await prisma.goal.updateMany({ where: { projectId }, data: { archived: true } });
//        ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
