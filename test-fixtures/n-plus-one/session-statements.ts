// Statements on a session or a transaction (`LISTEN ${channel}`, `PREPARE TRANSACTION`, `COMMIT PREPARED`, `ROLLBACK PREPARED`)
// run once per channel or transaction: no statement over ids replaces them. A select per item on the same connection does.
import type { Knex } from 'knex';
import pg from 'pg';

export async function subscribe(connection: pg.Client, channels: string[]) {
  for (const channel of channels) {
    await connection.query(`LISTEN ${channel}`);
  }
}

export async function loadFeeds(connection: pg.Client, feedIds: string[]) {
  const feeds = [];
  for (const feedId of feedIds) {
    feeds.push(await connection.query('SELECT * FROM feeds WHERE id = $1', [feedId]));
//                   ^^^^^^^^^^^^^^^^ n-plus-one
  }
  return feeds;
}

const rollbackPrepared = (db: Knex, gid: string) => db.raw(`ROLLBACK PREPARED '${gid}'`);

export async function clearStale(db: Knex, staleGids: string[]) {
  await Promise.allSettled(staleGids.map((gid) => rollbackPrepared(db, gid)));
  for (const gid of staleGids) await db.raw(`COMMIT PREPARED '${gid}'`);
}
