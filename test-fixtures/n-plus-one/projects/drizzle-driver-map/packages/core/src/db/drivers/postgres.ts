// valid
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';

export const createPostgresDb = <S extends Record<string, unknown>>(schema: S) => drizzle({ client: new Pool(), schema });
