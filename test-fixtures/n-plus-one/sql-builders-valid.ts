// valid: Drizzle, Knex, node-postgres and mysql2 queries that run once, batched, or page by cursor
import { inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import knex from 'knex';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { accounts } from './schema';

const db = drizzle(process.env.DATABASE_URL!);
const warehouse = knex({ client: 'pg', connection: process.env.WAREHOUSE_URL });
const pool = new pg.Pool();

export async function accountsByIds(ids: string[]) {
  const rows = await db.select().from(accounts).where(inArray(accounts.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

export async function everyEvent(handle: (rows: unknown[]) => void) {
  let after = 0;
  for (;;) {
    const page = await warehouse('events').where('id', '>', after).orderBy('id').limit(500);
    if (page.length === 0) return;
    handle(page);
    after = page[page.length - 1].id;
  }
}

export async function balances(ids: string[]) {
  const { rows } = await pool.query('SELECT id, balance FROM accounts WHERE id = ANY($1)', [ids]);
  const connection = await mysql.createConnection(process.env.MYSQL_URL!);
  const [legacy] = await connection.query('SELECT id FROM legacy WHERE id IN (?)', [ids]);
  return { rows, legacy, labels: rows.map((row: { id: string }) => row.id.toUpperCase()) };
}

export async function retry<T>(attempts: number) {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return (await pool.query<T>('SELECT 1')).rows;
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
  return [];
}

// Knex as a SQL writer: each table's count is compiled to text, and the texts run as one UNION ALL.
export async function rowCounts(tables: string[]) {
  const counts = tables.map((table) => warehouse(table).count('*', { as: 'count' }).toQuery());
  const sql = tables.map((table) => warehouse.select(warehouse.raw('?', [table])).from(table).toSQL().sql);
  return pool.query([...counts, ...sql].join(' UNION ALL '));
}

// One builder per link table, joined into one statement: nothing runs until the union does.
export async function linkedRows(links: Array<{ table: string; ids: string[] }>) {
  const queries = links.map(({ table, ids }) => {
    return warehouse.select('id').from(table).whereIn('id', ids);
  });
  const [first, ...rest] = queries;
  return first ? pool.query(first.unionAll(rest).toQuery()) : [];
}

export function countQueries(tables: Array<{ name: string; distinct?: string }>) {
  return tables.map((table) => {
    const query = table.distinct ? warehouse.countDistinct(table.distinct).from(table.name) : warehouse.count('*', { as: 'count' }).from(table.name);
    return query.toQuery();
  });
}
