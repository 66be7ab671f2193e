// valid
import type { Kysely, Transaction } from 'kysely';

export interface Database {
  folder: { id: string; parent_id: string | null; name: string; touched_at: string };
  document: { id: string; folder_id: string; title: string };
}

export type Tx = Transaction<Database>;
export type Db = Kysely<Database>;
