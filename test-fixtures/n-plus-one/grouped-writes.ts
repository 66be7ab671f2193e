// Writes grouped by the value they set: one statement per group is the batched form; a list per item with the same values is not.
import { PrismaClient } from '@prisma/client';
import { DataSource, In } from 'typeorm';
import { Parcel } from './parcel.entity';

const prisma = new PrismaClient();

export async function reassignTickets(moves: Array<{ ticketId: string; assigneeId: string }>) {
  const byAssignee: Record<string, string[]> = {};
  for (const move of moves) (byAssignee[move.assigneeId] ??= []).push(move.ticketId);
  for (const [assigneeId, ticketIds] of Object.entries(byAssignee)) {
    await prisma.ticket.updateMany({ where: { id: { in: ticketIds } }, data: { assigneeId, reassignedAt: new Date() } });
  }
}

export async function assignParcels(dataSource: DataSource, shipments: Array<{ id: number; parcels: Parcel[] }>) {
  for (const shipment of shipments) {
    await dataSource
      .getRepository(Parcel)
      .createQueryBuilder('parcel')
      .update({ shipmentId: shipment.id })
      .whereInIds(shipment.parcels.map((parcel) => parcel.id))
      .execute();
  }
}

export async function moveToFolders(dataSource: DataSource, folders: Array<{ folderId: number; documentIds: number[] }>) {
  await Promise.all(folders.map(({ folderId, documentIds }) => dataSource.getRepository(Parcel).update({ id: In(documentIds) }, { folderId })));
}

export async function archivePostsOf(users: Array<{ id: string; postIds: string[] }>) {
  for (const user of users) {
    await prisma.post.updateMany({ where: { id: { in: user.postIds } }, data: { archived: true } });
    //    ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function labelTickets(tickets: Array<{ id: string; label: string }>) {
  for (const ticket of tickets) {
    await prisma.ticket.updateMany({ where: { id: { in: [ticket.id] } }, data: { label: ticket.label } });
    //    ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function assignMembers(groups: Array<{ ownerId: string; members: Array<{ id: string }> }>) {
  for (const group of groups) {
    const memberIds = group.members.map((member) => member.id);
    await prisma.member.updateMany({ where: { id: { in: memberIds } }, data: { ownerId: group.ownerId } });
  }
}

export async function closeByProject(tasks: Array<{ id: string; projectId: string }>, closedColumnOf: (projectId: string) => string) {
  for (const projectId of new Set(tasks.map((task) => task.projectId))) {
    const taskIds = tasks.filter((task) => task.projectId === projectId).map((task) => task.id);
    await prisma.task.updateMany({ where: { id: { in: taskIds } }, data: { columnId: closedColumnOf(projectId) } });
  }
}

export async function unlinkTagPairs(notes: Array<{ id: string; primaryTagId: string; secondaryTagId: string }>) {
  for (const note of notes) {
    const tagIds = [note.primaryTagId, note.secondaryTagId];
    await prisma.noteTag.deleteMany({ where: { noteId: note.id, tagId: { in: tagIds } } });
    //    ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function detachArchivedTags(noteIds: string[], archive: { tagIds(): Promise<string[]> }) {
  for (const noteId of noteIds) {
    const tagIds = await archive.tagIds();
    await prisma.noteTag.deleteMany({ where: { noteId, tagId: { in: tagIds } } });
    //    ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function unlinkNotes(notes: Array<{ id: string }>, accountId: string) {
  for (const note of notes) {
    await prisma.noteLink.deleteMany({ where: { OR: [{ fromNoteId: note.id }, { toNoteId: note.id }], accountId } });
    //    ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
