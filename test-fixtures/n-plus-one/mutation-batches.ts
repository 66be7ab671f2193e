// A batch of mutations a client sent is data: a query for each is a query per item, whatever the list is named.
// The order matters only where the code shows it: a mutation reads back what the one before it wrote.
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

interface Mutation {
  type: 'create' | 'delete';
  noteId: string;
  text: string;
}

async function applyMutation(mutation: Mutation): Promise<number> {
  const existing = await prisma.note.findUnique({ where: { id: mutation.noteId } });
  if (mutation.type === 'create') {
    if (existing) return 409;
    await prisma.note.create({ data: { id: mutation.noteId, text: mutation.text } });
    return 201;
  }
  if (!existing) return 404;
  await prisma.note.delete({ where: { id: mutation.noteId } });
  return 200;
}

export async function syncMutations(input: { mutations: Mutation[] }) {
  const statuses: number[] = [];
  for (const mutation of input.mutations) {
    try {
      statuses.push(await applyMutation(mutation));
//                        ^^^^^^^^^^^^^ n-plus-one
    } catch {
      statuses.push(500);
    }
  }
  return statuses;
}

export async function renameNotes(mutations: Mutation[]) {
  for (const mutation of mutations) {
    await prisma.note.update({ where: { id: mutation.noteId }, data: { text: mutation.text } });
//        ^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

// Each mutation is stamped with the revision the one before it wrote.
export async function replayMutations(mutations: Mutation[], startRevision: number) {
  let revision = startRevision;
  for (const mutation of mutations) {
    const note = await prisma.note.update({ where: { id: mutation.noteId }, data: { text: mutation.text, revision: revision + 1 } });
    revision = note.revision;
  }
  return revision;
}
