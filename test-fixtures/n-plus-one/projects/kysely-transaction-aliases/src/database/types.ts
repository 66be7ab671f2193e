// valid
import type { Kysely, Transaction } from 'kysely';

export interface Tables {
  pages: { id: string; title: string; spaceId: string };
  labels: { id: string; name: string };
}

export type KyselyDB = Kysely<Tables>;
export type KyselyTransaction = Transaction<Tables>;
