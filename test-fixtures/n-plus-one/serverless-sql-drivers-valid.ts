// valid
// Batched forms of the serverless drivers, and methods of the same names on objects that run no SQL.
import { connect } from '@planetscale/database';
import { createClient } from '@libsql/client';
import { createClient as createClickHouse } from '@clickhouse/client';

const conn = connect({ url: process.env.DATABASE_URL });
const turso = createClient({ url: process.env.TURSO_URL ?? '' });
const clickhouse = createClickHouse({ url: process.env.CLICKHOUSE_URL });

export async function addClicks(linkIds: string[]): Promise<void> {
  await conn.execute('UPDATE links SET clicks = clicks + 1 WHERE id IN (?)', [linkIds]);
}

export async function removeNotes(noteIds: string[]): Promise<void> {
  await turso.batch(
    noteIds.map((noteId) => ({ sql: 'DELETE FROM notes WHERE id = ?', args: [noteId] })),
    'write',
  );
}

export async function recordEvents(events: Array<{ id: string; name: string }>): Promise<void> {
  await clickhouse.insert({ table: 'events', values: events, format: 'JSONEachRow' });
}

// One table per kind of event: an insert per table, with all of its rows.
export async function recordByKind(groups: Array<{ table: string; rows: unknown[] }>): Promise<void> {
  for (const group of groups) await clickhouse.insert({ table: group.table, values: group.rows, format: 'JSONEachRow' });
}

interface Env {
  DB: D1Database;
}

// The statements are prepared per item and sent in one batch.
export async function removePosts(env: Env, postIds: string[]): Promise<void> {
  await env.DB.batch(postIds.map((postId) => env.DB.prepare('DELETE FROM posts WHERE id = ?').bind(postId)));
}

class StepRunner {
  private readonly done: string[] = [];

  async execute(step: string): Promise<void> {
    this.done.push(step);
  }
}

const runner = new StepRunner();

export async function runSteps(steps: string[]): Promise<void> {
  for (const step of steps) await runner.execute(step);
}

// A statement per table: the table is written into the text.
export async function countRows(tables: string[]): Promise<void> {
  for (const table of tables) {
    const result = await clickhouse.query({ query: `SELECT count() FROM ${table}`, format: 'JSONEachRow' });
    console.log(table, await result.json());
  }
}
