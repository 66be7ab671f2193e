// A `for await` over a generator of pages pulls one page after another; the items of each page are an ordinary list.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

async function* projectPages(teamId: string) {
  let cursor: string | undefined;
  for (;;) {
    const page = await prisma.project.findMany({ where: { teamId }, take: 100, ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}) });
    if (page.length === 0) return;
    yield page;
    cursor = page[page.length - 1].id;
  }
}

export async function countTeamTasks(teamId: string) {
  let total = 0;
  for await (const projects of projectPages(teamId)) {
    for (const project of projects) {
      total += await prisma.task.count({ where: { projectId: project.id } });
//                   ^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }
  return total;
}

export async function archiveTeamProjects(teamId: string) {
  for await (const projects of projectPages(teamId)) {
    await Promise.all(projects.map((project) => prisma.task.updateMany({ where: { projectId: project.id }, data: { archived: true } })));
//                                              ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

// One statement per page: already batched.
export async function closeTeamProjects(teamId: string) {
  for await (const projects of projectPages(teamId)) {
    await prisma.task.updateMany({ where: { projectId: { in: projects.map((project) => project.id) } }, data: { closed: true } });
  }
}

// One per page pulled: the generator decides when the next page comes.
export async function touchTeamProjects(teamId: string) {
  for await (const projects of projectPages(teamId)) {
    await prisma.team.update({ where: { id: teamId }, data: { seenProjects: { increment: projects.length } } });
  }
}
