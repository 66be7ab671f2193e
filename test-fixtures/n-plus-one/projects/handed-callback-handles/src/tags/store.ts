// valid
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { Pool } from 'pg';

export interface Tables {
  tags: { id: string; name: string; noteId: string };
}

export const tagsDb = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new Pool() }) });

/** Runs `work` in one transaction of the tags database. */
export async function inTagsTransaction<T>(work: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
  return tagsDb.transaction().execute(work);
}
