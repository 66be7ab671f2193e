// What each row gets decides the batched form: the same data for all rows, its own data per row, or rows written through a relation.
import { Prisma, PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Slot {
  id: string;
  position: number;
}

export async function saveBoard(boardId: string, slots: Slot[]) {
  await prisma.$transaction(async (tx) => {
    await tx.board.update({ where: { id: boardId }, data: { savedAt: new Date() } });
    for (const slot of slots) {
      await tx.slot.update({ where: { id: slot.id }, data: { position: slot.position } });
//          ^^^^^^^^^^^^^^ n-plus-one
    }
  });
}

export async function hideSlots(tx: Prisma.TransactionClient, slotIds: string[]) {
  for (const slotId of slotIds) {
    await tx.slot.update({ where: { id: slotId }, data: { hidden: true, views: { increment: 1 } } });
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function renameSlots(tx: Prisma.TransactionClient, names: Map<string, string>) {
  for (const [slotId, name] of names) {
    await tx.slot.update({ where: { id: slotId }, data: { name } });
//        ^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function tagSlots(slots: Array<{ id: string; labelIds: string[]; pinned: boolean }>, pinnedLabelId: string) {
  await Promise.all(
    slots.map((slot) => {
      const labels = slot.pinned ? [...slot.labelIds.map((id) => ({ id })), { id: pinnedLabelId }] : slot.labelIds.map((id) => ({ id }));
      return prisma.slot.update({ where: { id: slot.id }, data: { labels: { set: labels } } });
//           ^^^^^^^^^^^^^^^^^^ n-plus-one
    }),
  );
}

export async function addBoards(owners: Array<{ id: string; title: string; slots: Slot[] }>) {
  for (const owner of owners) {
    await prisma.board.create({ data: { title: owner.title, owner: { connect: { id: owner.id } } } });
//        ^^^^^^^^^^^^^^^^^^^ n-plus-one
    await prisma.board.create({ data: { title: owner.title, slots: { create: owner.slots.map(({ position }) => ({ position })) } } });
//        ^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
