// valid
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export async function selectWhere(table: string, column: string, value: unknown): Promise<Record<string, unknown>[]> {
  const { rows } = await pool.query(`SELECT * FROM ${table} WHERE ${column} = $1`, [value]);
  return rows;
}

export async function updateById(table: string, id: number, values: Record<string, unknown>): Promise<void> {
  await pool.query(`UPDATE ${table} SET data = $1 WHERE id = $2`, [values, id]);
}

export default { selectWhere, updateById };
