// valid
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';

export * from 'drizzle-orm';
export type { MysqlDatabase } from './driver';
export const db = drizzle(new Database(process.env.DB_FILE ?? 'dash.db'));
export { perDriverAsync as handleTransactionsAsync } from './per-driver';
