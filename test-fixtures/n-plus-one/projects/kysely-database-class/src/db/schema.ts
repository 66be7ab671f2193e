// valid
import type { Kysely } from 'kysely';

export interface ActorTable {
  did: string;
  handle: string;
  indexedAt: string;
}

export interface FollowTable {
  uri: string;
  creator: string;
  subject: string;
}

export interface Tables {
  actor: ActorTable;
  follow: FollowTable;
}

export type DatabaseSchema = Kysely<Tables>;
