// valid
import type { MysqlDatabase, SqliteDatabase } from './driver';

interface PerDriver {
  whenAsync: (db: MysqlDatabase) => Promise<void>;
  whenSync(db: SqliteDatabase): void;
}

/** better-sqlite3 transactions must be synchronous: each driver gets its own callback. */
export const perDriverAsync = async (db: SqliteDatabase, handlers: PerDriver) => {
  if (process.env.DB_DRIVER === 'mysql2') await handlers.whenAsync(db as unknown as MysqlDatabase);
  else handlers.whenSync(db);
};
