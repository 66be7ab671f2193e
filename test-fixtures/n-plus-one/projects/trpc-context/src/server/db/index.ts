// valid
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

const globalForDb = globalThis as unknown as { conn?: postgres.Sql };
const conn = globalForDb.conn ?? postgres(process.env.DATABASE_URL ?? '');

export const db = drizzle(conn, { schema });
