// valid
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';

export function createSqliteDb<S extends Record<string, unknown>>(schema: S) {
  return drizzle(new Database(process.env.DB_FILE ?? 'planner.db'), { schema });
}
