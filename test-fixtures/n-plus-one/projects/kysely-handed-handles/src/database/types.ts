// valid
import type { Kysely, Transaction } from 'kysely';

export interface Tables {
  blocks: { id: string; noteId: string; body: string };
  sessions: { id: string; userId: string; createdAt: Date };
}

export type KyselyDB = Kysely<Tables>;
export type KyselyTransaction = Transaction<Tables>;
