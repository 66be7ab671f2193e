import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';

const prisma = new PrismaClient();
const pool = new Pool();

const RENAME_USER = 'UPDATE "Comment" SET author_name = $1 WHERE author_id = $2';

// One statement shape with the item as a parameter: one statement over all ids would do.
export async function renameEverywhere(authorIds: string[], name: string) {
  for (const authorId of authorIds) {
    await prisma.$executeRawUnsafe(RENAME_USER, name, authorId);
//        ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    await pool.query(`UPDATE "Post" SET author_name = $1 WHERE author_id = $2`, [name, authorId]);
//        ^^^^^^^^^^ n-plus-one
  }
}

// A statement of its own for each table or each step: there is no one statement over the items.
export async function createSchema(statements: string[]) {
  for (const sql of statements) {
    await prisma.$executeRawUnsafe(sql);
  }
}

function countSql(table: string): string {
  return `SELECT count(*) AS count FROM "${table}"`;
}

async function rowCount(table: string): Promise<number> {
  const sql = countSql(table);
  const [row] = await prisma.$queryRawUnsafe<Array<{ count: number }>>(sql);
  return row?.count ?? 0;
}

export async function tableSizes(tables: string[]) {
  const sizes: Record<string, number> = {};
  for (const table of tables) {
    sizes[table] = await rowCount(table);
    await pool.query(countSql(table));
  }
  return sizes;
}
