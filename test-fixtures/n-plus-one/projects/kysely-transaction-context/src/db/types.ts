// valid
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

export type Tx = Transaction<Database>;
export type Db = Kysely<Database>;
