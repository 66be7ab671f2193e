import { sql } from 'kysely';
import type { KyselyDB } from '../database/types';
import { executeTx, handleName, withAttempts } from '../database/utils';
import { BlockRepo } from '../repos/block.repo';

export class BlockService {
  constructor(
    private readonly db: KyselyDB,
    private readonly blockRepo: BlockRepo,
  ) {}

  async saveBlocks(noteId: string, added: Array<{ id: string; body: string }>, changed: Array<{ id: string; body: string }>) {
    for (const block of added) {
      await this.blockRepo.insert({ ...block, noteId });
//          ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
    for (const block of changed) {
      await this.blockRepo.updateBody(block.id, block.body);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    }
  }

  async wordCounts(noteIds: string[]) {
    return Promise.all(noteIds.map((noteId) => this.blockRepo.countWords(noteId)));
//                                             ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }

  async trimSessions(userIds: string[]) {
    for (const userId of userIds) {
      await sql`delete from sessions where user_id = ${userId} and created_at < now() - interval '30 days'`.execute(this.db);
//                                                                                                          ^^^^^^^ n-plus-one
    }
  }

  async importBlocks(notes: Map<string, string[]>) {
    await executeTx(this.db, async (trx) => {
      for (const [noteId, bodies] of notes) {
        for (const body of bodies) {
          await trx.insertInto('blocks').values({ id: crypto.randomUUID(), noteId, body }).execute();
//              ^^^^^^^^^^^^^^ n-plus-one
        }
      }
    });
  }

  async copyBlocks(blocks: Array<{ id: string; noteId: string; body: string }>) {
    await this.blockRepo.insertMany(blocks);
  }

  labels(columns: string[]) {
    return columns.map((column) => this.blockRepo.label(column));
  }

  async retried(noteIds: string[]) {
    return withAttempts(async (attempt) => noteIds.map((noteId) => `${noteId}:${attempt}`));
  }

  /** Fragments made per column and embedded in one statement later: nothing runs here. */
  orderings(columns: string[]) {
    return columns.map((column) => sql`${sql.ref(column)} asc`);
  }

  handleNames(noteIds: string[]) {
    return noteIds.map((noteId) => `${noteId}@${handleName(this.db).toUpperCase()}`);
  }
}
