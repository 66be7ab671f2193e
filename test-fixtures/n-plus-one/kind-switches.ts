// A switch on the item's kind runs one case per item: its cases are one repetition, reported once.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

type Contact = { kind: 'email'; address: string } | { kind: 'phone'; number: string } | { kind: 'account'; userId: string };

export async function ownersOf(contacts: Contact[]) {
  return Promise.all(
    contacts.map(async (contact) => {
      switch (contact.kind) {
        case 'email':
          return prisma.user.findFirst({ where: { email: contact.address } });
//               ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        case 'phone':
          return prisma.user.findFirst({ where: { phone: contact.number } });
        case 'account':
          return prisma.user.findUnique({ where: { id: contact.userId } });
      }
    }),
  );
}

export async function saveNotes(notes: Array<{ status: 'new' | 'trashed'; id: string; title: string }>) {
  for (const note of notes) {
    switch (note.status) {
      case 'new':
        await prisma.note.create({ data: { id: note.id, title: note.title } });
//            ^^^^^^^^^^^^^^^^^^ n-plus-one
        break;
      case 'trashed':
        await prisma.note.delete({ where: { id: note.id } });
        break;
    }
    await prisma.note.update({ where: { id: note.id }, data: { seenAt: new Date() } });
//        ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
