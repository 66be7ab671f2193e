// valid
import { Pool, type PoolClient as PgPoolClient } from 'pg';

/** A client checked out of the pool, marked while it runs a transaction. */
interface PoolClient extends PgPoolClient {
  inTransaction?: boolean;
}

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

async function getConnection(): Promise<PoolClient> {
  return pool.connect();
}

export { pool, getConnection, PoolClient };
