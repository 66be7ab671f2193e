// valid
import type { NoteStore } from '../domain/ports';

/** The store a deployment without a database configures. */
export class MemoryNoteStore implements NoteStore {
  private readonly notes = new Map<string, string>();

  async read(id: string): Promise<string | null> {
    return this.notes.get(id) ?? null;
  }
}
