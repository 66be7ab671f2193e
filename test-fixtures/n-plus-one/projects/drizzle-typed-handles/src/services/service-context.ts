// valid
import { db as defaultDb, type DbOrTx } from '../db';

export interface ServiceContext {
  workspaceId: string;
  db?: DbOrTx;
}

/** Runs `fn` in the caller's transaction when it holds one, else in a new one. */
export async function withTransaction<T>(ctx: ServiceContext, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  if (ctx.db) return fn(ctx.db);
  return defaultDb.transaction((tx) => fn(tx));
}
