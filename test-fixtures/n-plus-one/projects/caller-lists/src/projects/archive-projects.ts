// The caller hands over a list it declares empty and then fills: as many projects as it added.
import { prisma } from '../db';

export async function archiveProjects(projectIds: string[]) {
  for (const id of projectIds) {
    await prisma.project.update({ where: { id }, data: { archived: true } });
    //    ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
