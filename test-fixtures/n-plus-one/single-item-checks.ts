// Lists the code checks down to one item before it loops over them: one query, not one per item.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Automation {
  id: string;
  actionIds: string[];
}

export async function runAutomation(automation: Automation) {
  if (automation.actionIds.length !== 1) {
    throw new Error(`Automation ${automation.id} needs exactly one action`);
  }
  await Promise.all(
    automation.actionIds.map(async (actionId) => {
      const action = await prisma.action.findUnique({ where: { id: actionId } });
      if (action) await prisma.execution.create({ data: { automationId: automation.id, actionId } });
    }),
  );
}

export async function primaryOwners(ownerIds: string[]) {
  if (ownerIds.length > 1) return [];
  const owners = [];
  for (const ownerId of ownerIds) {
    owners.push(await prisma.user.findUnique({ where: { id: ownerId } }));
  }
  return owners;
}

export async function reviewers(reviewerIds: string[]) {
  if (reviewerIds.length > 20) throw new Error('Too many reviewers');
  const found = [];
  for (const reviewerId of reviewerIds) {
    found.push(await prisma.user.findUnique({ where: { id: reviewerId } }));
    //               ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return found;
}
