// valid
import type { IDatabase } from 'pg-promise';

export interface QueryExecutor {
  select(query: string, params?: object): Promise<unknown[]>;
  selectOne(query: string, params?: object): Promise<unknown>;
}

export class PgExecutor implements QueryExecutor {
  constructor(private readonly db: IDatabase<unknown>) {}

  select(query: string, params?: object): Promise<unknown[]> {
    return this.db.any(query, params);
  }

  selectOne(query: string, params?: object): Promise<unknown> {
    return this.db.one(query, params);
  }
}

export interface KeyStore {
  read(key: string): Promise<unknown>;
}

export class PgKeyStore implements KeyStore {
  constructor(private readonly db: IDatabase<unknown>) {}

  read(key: string): Promise<unknown> {
    return this.db.oneOrNone('SELECT value FROM keys WHERE key = $1', [key]);
  }
}
