// A function that awaits Promise.all over a list of its queries, some of them asked for only when an option is given
// (`seen ? countSeen(id) : Promise.resolve(0)`), runs them on every call that gives it: per item of a loop, once per item.
// A call beside them in the list that the analysis cannot follow (a callback handed in) does not hide them.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Milestone {
  id: string;
}

async function countReached(lessonId: string, milestoneId: string) {
  return prisma.progressEvent.count({ where: { lessonId, milestoneId } });
}

async function lessonFunnel(lessonId: string, opened?: Milestone, finished?: Milestone) {
  const [openedCount, finishedCount] = await Promise.all([
    opened ? countReached(lessonId, opened.id) : Promise.resolve(0),
    finished ? countReached(lessonId, finished.id) : Promise.resolve(0),
  ]);
  return { lessonId, openedCount, finishedCount };
}

async function lessonReviews(lessonId: string) {
  const results = await Promise.allSettled([
    prisma.review.count({ where: { lessonId } }),
    prisma.review.aggregate({ where: { lessonId }, _avg: { stars: true } }),
  ]);
  return results;
}

async function closeCohort(cohortId: string, announce: (cohortId: string) => Promise<void>) {
  await Promise.all([announce(cohortId), prisma.enrollment.deleteMany({ where: { cohortId } })]);
}

export async function closeCohorts(cohortIds: string[], announce: (cohortId: string) => Promise<void>) {
  for (const cohortId of cohortIds) {
    await closeCohort(cohortId, announce);
//        ^^^^^^^^^^^ n-plus-one
  }
}

export async function courseFunnel(lessonIds: string[], opened: Milestone, finished: Milestone) {
  const funnel = [];
  for (const lessonId of lessonIds) {
    funnel.push(await lessonFunnel(lessonId, opened, finished));
//                    ^^^^^^^^^^^^ n-plus-one
    funnel.push(await lessonReviews(lessonId));
//                    ^^^^^^^^^^^^^ n-plus-one
  }
  return funnel;
}
