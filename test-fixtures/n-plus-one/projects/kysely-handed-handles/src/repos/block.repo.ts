// valid
import { sql } from 'kysely';
import type { KyselyDB, KyselyTransaction } from '../database/types';
import { columnLabel, dbOrTx } from '../database/utils';

export class BlockRepo {
  constructor(private readonly db: KyselyDB) {}

  async insert(block: { id: string; noteId: string; body: string }, trx?: KyselyTransaction) {
    return dbOrTx(this.db, trx).insertInto('blocks').values(block).returningAll().executeTakeFirst();
  }

  async updateBody(id: string, body: string, trx?: KyselyTransaction) {
    await dbOrTx(this.db, trx).updateTable('blocks').set({ body }).where('id', '=', id).execute();
  }

  async insertMany(blocks: Array<{ id: string; noteId: string; body: string }>, trx?: KyselyTransaction) {
    return dbOrTx(this.db, trx).insertInto('blocks').values(blocks).execute();
  }

  async countWords(noteId: string) {
    const { rows } = await sql<{ words: number }>`select sum(length(body)) as words from blocks where note_id = ${noteId}`.execute(this.db);
    return rows[0]?.words ?? 0;
  }

  label(column: string) {
    return columnLabel(column).toUpperCase();
  }
}
