// valid
import type { NoteStore } from '../domain/ports';
import { prisma } from './prisma';

export class PrismaNoteStore implements NoteStore {
  async read(id: string): Promise<string | null> {
    const note = await prisma.note.findUnique({ where: { id } });
    return note?.body ?? null;
  }
}
