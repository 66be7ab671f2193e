// The batched create fits what the loop does with each created row and with the rows that already exist.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

export async function addLabels(boardId: string, names: string[]) {
  const ids: string[] = [];
  for (const name of names) {
    const label = await prisma.label.create({ data: { boardId, name } });
    //                  ^^^^^^^^^^^^^^^^^^^ n-plus-one
    ids.push(label.id);
  }
  return ids;
}

export async function addMembers(teamId: string, userIds: string[]) {
  for (const userId of userIds) {
    try {
      await prisma.member.create({ data: { teamId, userId } });
      //    ^^^^^^^^^^^^^^^^^^^^ n-plus-one
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
    }
  }
}

export async function logVisits(pageIds: string[]) {
  for (const pageId of pageIds) {
    await prisma.visit.create({ data: { pageId } });
    //    ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
