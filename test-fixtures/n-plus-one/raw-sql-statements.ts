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

const IMPORT_WORKERS = 4;

// A pool of four workers, each preparing its own connection once: four statements, whatever the data.
export async function importEvents(queue: Array<{ id: string; body: string }>) {
  await Promise.all(
    Array.from({ length: IMPORT_WORKERS }, async () => {
      const client = await pool.connect();
      await client.query("SET SESSION synchronous_commit = 'off'");
      for (let event = queue.pop(); event; event = queue.pop()) {
        await client.query('INSERT INTO events (id, body) SELECT $1, $2', [event.id, event.body]);
      }
      client.release();
    }),
  );
}

// One insert per requested slot: as many statements as the caller asks for.
export async function reserveSlots(day: string, count: number) {
  await Promise.all(Array.from({ length: count }, (_, slot) => pool.query('INSERT INTO slots (day, slot) VALUES ($1, $2)', [day, slot])));
//                                                             ^^^^^^^^^^ n-plus-one
}

async function dropPartition(client: PrismaClient, name: string) {
  await client.$executeRawUnsafe(`DROP TABLE IF EXISTS "${name}"`);
}

// Partition upkeep: one statement per partition is the work itself; there is no batched form over ids.
export async function rotatePartitions(expired: string[], upcoming: string[]) {
  for (const name of expired) {
    await prisma.$executeRawUnsafe(`ALTER TABLE "Delivery" DETACH PARTITION "${name}" CONCURRENTLY`);
    await dropPartition(prisma, name);
  }
  for (const name of upcoming) await pool.query(`CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF "Delivery" DEFAULT`);
}
