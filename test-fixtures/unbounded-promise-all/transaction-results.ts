import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

declare function reindex(noteId: string): Promise<void>;

export async function archiveAndReindex(folderId: string) {
  const archived = await prisma.$transaction(async (tx) => {
    await tx.folder.update({ where: { id: folderId }, data: { archived: true } });
    const notes = await tx.note.findMany({ where: { folderId } });
    return notes;
  });
  await Promise.all(archived.map((note) => reindex(note.id)));
//      ^^^^^^^^^^^ unbounded-promise-all
}
