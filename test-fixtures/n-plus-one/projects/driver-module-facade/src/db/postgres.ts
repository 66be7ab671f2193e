// valid
import { Pool } from "pg";
import type { PoolClient } from "pg";

export let pool: Pool | null = null;

export const init = (connection: { connectionString: string }): void => {
  pool = new Pool(connection);
};

const clientFor = (opts?: { client?: PoolClient }): Pool | PoolClient => opts?.client ?? pool!;

export const select = async (table: string, where: Record<string, unknown>, opts?: { client?: PoolClient }): Promise<any[]> => {
  const keys = Object.keys(where);
  const sql = `SELECT * FROM "${table}" WHERE ${keys.map((key, i) => `"${key}" = $${i + 1}`).join(" AND ")}`;
  const result = await clientFor(opts).query(sql, keys.map((key) => where[key]));
  return result.rows;
};

export const selectOne = async (table: string, where: Record<string, unknown>): Promise<any> => {
  const rows = await select(table, where);
  if (rows.length === 0) throw new Error(`no row in ${table}`);
  return rows[0];
};

export const insert = async (table: string, row: Record<string, unknown>): Promise<number> => {
  const keys = Object.keys(row);
  const sql = `INSERT INTO "${table}" (${keys.map((key) => `"${key}"`).join(", ")}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`;
  const result = await clientFor().query(sql, keys.map((key) => row[key]));
  return result.rows[0].id;
};

export const slugify = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
