// valid: the handle is opened on first use; no loop runs a query here.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

type Database = ReturnType<typeof drizzle<typeof schema>>;

let opened: Database | undefined;

export function openDatabase(): Database {
  opened ??= drizzle(postgres(process.env.DATABASE_URL ?? ''), { schema });
  return opened;
}

// Importing this module connects to nothing: every member is read from the handle opened on first use.
const db = new Proxy({} as Database, {
  get(_target, key) {
    const handle = openDatabase();
    const value = Reflect.get(handle, key);
    return typeof value === 'function' ? value.bind(handle) : value;
  },
});

export const readReplica = new Proxy<ReturnType<typeof drizzle>>(Object.create(null), {
  get(_target, key) {
    return Reflect.get(openDatabase(), key);
  },
});

interface Settings {
  pageSize: number;
}

// A lazily read settings object: not a database handle.
export const settings = new Proxy({} as Settings, {
  get(_target, key) {
    return key === 'pageSize' ? Number(process.env.PAGE_SIZE ?? 50) : undefined;
  },
});

export default db;
