import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Project {
  id: string;
  ownerId: string;
  shared: boolean;
}

async function withOwner(project: Project, includeOwner: boolean) {
  if (includeOwner) {
    return { ...project, owner: await prisma.user.findUnique({ where: { id: project.ownerId } }) };
  }
  return project;
}

async function touch(id: string, options?: { audit?: boolean }) {
  if (options?.audit) await prisma.auditEntry.create({ data: { projectId: id } });
  return id;
}

// Asked for on every call: the owner's query runs once per project.
export async function projectsWithOwners(projects: Project[]) {
  const listed = [];
  for (const project of projects) listed.push(await withOwner(project, true));
//                                                  ^^^^^^^^^ n-plus-one
  return listed;
}

// Asked for by some items: it may still run once per item.
export async function sharedWithOwners(projects: Project[]) {
  const listed = [];
  for (const project of projects) listed.push(await withOwner(project, project.shared));
//                                                  ^^^^^^^^^ n-plus-one
  return listed;
}

export async function auditedTouches(projects: Project[]) {
  for (const project of projects) await touch(project.id, { audit: true });
//                                      ^^^^^ n-plus-one
}

// Not asked for: the branch with the query never runs.
export function projectsAsTheyAre(projects: Project[]) {
  return projects.map((project) => withOwner(project, false));
}

export function quietTouches(projects: Project[]) {
  return projects.map((project) => touch(project.id));
}
