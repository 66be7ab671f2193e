import { eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import mysql from 'mysql2/promise';
import { Pool } from 'pg';
import { orders, users } from './schema';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const db = drizzle(pool);

export async function orderOwners(orderIds: number[]) {
  const owners = [];
  for (const orderId of orderIds) {
    const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
//                        ^^^^^^^^^ n-plus-one
    const owner = await db.query.users.findFirst({ where: eq(users.id, order!.userId) });
//                      ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    owners.push(owner);
  }
  return owners;
}

export async function balances(accountIds: string[]) {
  const balances = [];
  for (const accountId of accountIds) {
    const { rows } = await pool.query('SELECT balance FROM accounts WHERE id = $1', [accountId]);
//                         ^^^^^^^^^^ n-plus-one
    balances.push(rows[0]);
  }
  return balances;
}

export async function legacyNames(ids: number[]) {
  const connection = await mysql.createConnection(process.env.MYSQL_URL!);
  const names = [];
  for (const id of ids) {
    const [rows] = await connection.execute('SELECT name FROM legacy_users WHERE id = ?', [id]);
//                       ^^^^^^^^^^^^^^^^^^ n-plus-one
    names.push(rows);
  }
  return names;
}

export async function batchedOwners(orderIds: number[]) {
  const rows = await db.select().from(orders).where(inArray(orders.id, orderIds));
  const { rows: accounts } = await pool.query('SELECT * FROM accounts WHERE id = ANY($1)', [orderIds]);
  return rows.map((row) => ({ ...row, account: accounts.find((account) => account.id === row.userId) }));
}

// One insert per table, each with all of that table's rows: no statement over ids joins different tables.
export async function restore(tables: Record<'orders' | 'users', unknown[]>) {
  const schema = { orders, users };
  for (const [name, rows] of Object.entries(tables)) {
    await db.insert(schema[name as keyof typeof schema]).values(rows as never[]);
  }
  for (const row of tables.orders) {
    await db.insert(orders).values(row as never);
//        ^^^^^^^^^ n-plus-one
  }
}

const touchOrder = (orderId: number) => db.update(orders).set({ status: 'seen' }).where(eq(orders.id, orderId));

export async function touchAll(orderIds: number[]) {
  for (const orderId of orderIds) {
    await touchOrder(orderId);
//        ^^^^^^^^^^ n-plus-one
  }
}
