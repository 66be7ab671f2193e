// valid
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

export interface Tables {
  revisions: { id: string; document_id: string; body: string; merged: boolean };
}

export const database = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new Pool() }) });
