// valid
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { DatabaseSchema, Tables } from './schema';

export class Database {
  db: DatabaseSchema;
  destroyed = false;

  constructor(url: string, poolSize = 10) {
    this.db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: url, max: poolSize }) }) });
  }

  async close(): Promise<void> {
    if (this.destroyed) return;
    await this.db.destroy();
    this.destroyed = true;
  }
}

/** A database over one account's own tables, handed its Kysely instance. */
export class AccountDatabase<Schema> {
  constructor(public db: Kysely<Schema>) {}

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Recently seen handles, by did: its `db` is a map in memory. */
export class HandleCache {
  db = new Map<string, string>();
  constructor(private readonly ttlMs: number) {}
}
