// Serverless SQL drivers send each statement over HTTP: one per item is one round trip per item.
import { connect } from '@planetscale/database';
import { neon } from '@neondatabase/serverless';
import { sql, db } from '@vercel/postgres';
import { createClient } from '@libsql/client';
import { createClient as createClickHouse } from '@clickhouse/client';

const conn = connect({ url: process.env.DATABASE_URL });
const neonSql = neon(process.env.DATABASE_URL ?? '');
const turso = createClient({ url: process.env.TURSO_URL ?? '' });
const clickhouse = createClickHouse({ url: process.env.CLICKHOUSE_URL });

export async function addClicks(updates: Array<{ linkId: string; clicks: number }>): Promise<void> {
  await Promise.allSettled(
    updates.map((update) => conn.execute('UPDATE links SET clicks = clicks + ? WHERE id = ?', [update.clicks, update.linkId])),
    //                      ^^^^^^^^^^^^ n-plus-one
  );
}

export async function markSeen(userIds: string[]): Promise<void> {
  for (const userId of userIds) await neonSql`UPDATE users SET seen_at = now() WHERE id = ${userId}`;
  //                                  ^^^^^^^ n-plus-one
}

export async function loadItems(itemIds: string[]): Promise<unknown[]> {
  const items = [];
  for (const itemId of itemIds) {
    const { rows } = await sql`SELECT * FROM items WHERE id = ${itemId}`;
    //                     ^^^ n-plus-one
    items.push(rows[0]);
  }
  return items;
}

export async function loadOwners(ownerIds: string[]): Promise<unknown[]> {
  return Promise.all(ownerIds.map(async (ownerId) => (await db.query('SELECT * FROM owners WHERE id = $1', [ownerId])).rows[0]));
  //                                                        ^^^^^^^^ n-plus-one
}

export async function loadNotes(noteIds: string[]): Promise<unknown[]> {
  const notes = [];
  for (const noteId of noteIds) {
    const result = await turso.execute({ sql: 'SELECT * FROM notes WHERE id = ?', args: [noteId] });
    //                   ^^^^^^^^^^^^^ n-plus-one
    notes.push(result.rows[0]);
  }
  return notes;
}

export async function countEvents(projectIds: string[]): Promise<unknown[]> {
  const counts = [];
  for (const projectId of projectIds) {
    const result = await clickhouse.query({
      //                 ^^^^^^^^^^^^^^^^ n-plus-one
      query: 'SELECT count() AS count FROM events WHERE project_id = {projectId:String}',
      query_params: { projectId },
      format: 'JSONEachRow',
    });
    counts.push(await result.json());
  }
  return counts;
}

export async function recordVisits(visits: Array<{ id: string; path: string }>): Promise<void> {
  for (const visit of visits) await clickhouse.insert({ table: 'visits', values: [visit], format: 'JSONEachRow' });
  //                                ^^^^^^^^^^^^^^^^^ n-plus-one
}

interface Env {
  DB: D1Database;
}

export async function loadPosts(env: Env, postIds: string[]): Promise<unknown[]> {
  const posts = [];
  for (const postId of postIds) posts.push(await env.DB.prepare('SELECT * FROM posts WHERE id = ?').bind(postId).first());
  //                                             ^^^^^^^^^^^^^^ n-plus-one
  return posts;
}
