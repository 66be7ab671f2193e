// valid
import { prisma } from '../db';
import { archiveProjects } from './archive-projects';

export async function sweepStaleProjects(cutoff: Date) {
  const stale: string[] = [];
  for (const project of await prisma.project.findMany({ select: { id: true, updatedAt: true } })) {
    if (project.updatedAt < cutoff) stale.push(project.id);
  }
  await archiveProjects(stale);
}
