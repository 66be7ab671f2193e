// valid: the client, made once per process; no loop runs a query here.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from './schema';

// One pool and one client per process, kept on the global object so that hot reloads and test runners reuse them.
declare global {
  var PG_POOL: Pool | null;
  var DRIZZLE: Db | null;
}

globalThis.PG_POOL ??= null;
globalThis.DRIZZLE ??= null;

export type Db = NodePgDatabase<typeof schema>;

function pool(): Pool {
  if (!PG_POOL) PG_POOL = new Pool({ connectionString: process.env.DATABASE_URL });
  return PG_POOL;
}

export function db(): Db {
  if (!DRIZZLE) {
    const client = drizzle({ client: pool(), schema });
    DRIZZLE = client;
    return client;
  }
  return DRIZZLE;
}

const LABELS: Map<string, string> | null = null;

/** A lazily filled map, not a database client. */
export function labels(): Map<string, string> {
  if (!globalThis.LABEL_CACHE) {
    globalThis.LABEL_CACHE = new Map();
  }
  return globalThis.LABEL_CACHE ?? LABELS ?? new Map();
}

declare global {
  var LABEL_CACHE: Map<string, string> | undefined;
}
