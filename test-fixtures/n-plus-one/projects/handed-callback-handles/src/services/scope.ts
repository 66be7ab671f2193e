// valid
import { db } from '../db/client';

export type AppDb = typeof db;
export type AppTx = Parameters<Parameters<AppDb['transaction']>[0]>[0];
export type Executor = AppDb | AppTx;

export interface RequestScope {
  userId: string;
  db?: Executor;
}

export interface Preferences {
  locale: string;
  delete(key: string): Promise<void>;
}

/** Runs `work` in the caller's transaction when the scope holds one, else in a new one. */
export async function inTransaction<T>(scope: RequestScope, work: (tx: Executor) => Promise<T>): Promise<T> {
  const executor = scope.db ?? db;
  return (executor as AppDb).transaction((tx) => work(tx));
}

/** Hands `work` the user's preferences: an object of settings, no database. */
export async function withPreferences<T>(scope: RequestScope, work: (preferences: Preferences) => Promise<T>): Promise<T> {
  const preferences: Preferences = { locale: 'en', delete: async () => undefined };
  return work(preferences);
}

/** Hands `work` the handle of the scope, typed by the callback's declared parameter. */
export async function withExecutor<T>(scope: RequestScope, work: (executor: Executor) => Promise<T>): Promise<T> {
  return work(scope.db ?? db);
}
