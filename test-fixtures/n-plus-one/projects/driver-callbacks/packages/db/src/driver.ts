// valid
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { MySql2Database } from 'drizzle-orm/mysql2';

export type SqliteDatabase = BetterSQLite3Database;
export type MysqlDatabase = MySql2Database;
