// SQL text handed over in an options object (`{ query }` of ClickHouse's client, `{ text }` of
// node-postgres) caps its rows with a LIMIT clause, literal or bound as a parameter
// (`{limit:UInt32}`, `$1`): the fan-out over them is a page. The same queries without a LIMIT are reported.
import { createClient } from '@clickhouse/client';
import { Pool } from 'pg';

const clickhouse = createClient({ url: 'http://localhost:8123' });
const pool = new Pool();

declare const storage: { deleteObject(key: string): Promise<void> };
declare const mailer: { send(to: string): Promise<void> };

export async function removeExpiredChunks(limit = 500): Promise<number> {
  const { data } = await clickhouse
    .query({
      query: `SELECT objectKey FROM replay_chunks WHERE expiresAt <= now() LIMIT {limit:UInt32}`,
      query_params: { limit },
    })
    .then((result) => result.json<{ objectKey: string }>());
  const keys = data.map((row) => row.objectKey);
  await Promise.allSettled(keys.map((key) => storage.deleteObject(key)));
  return keys.length;
}

export async function removeAllExpiredChunks(): Promise<void> {
  const { data } = await clickhouse
    .query({ query: `SELECT objectKey FROM replay_chunks WHERE expiresAt <= now()` })
    .then((result) => result.json<{ objectKey: string }>());
  await Promise.allSettled(data.map((row) => storage.deleteObject(row.objectKey)));
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
}

export async function remindBatch(size: number): Promise<void> {
  const { rows } = await pool.query<{ email: string }>({ text: 'SELECT email FROM users WHERE reminded = false LIMIT $1', values: [size] });
  await Promise.all(rows.map((row) => mailer.send(row.email)));
}

export async function remindEveryone(): Promise<void> {
  const { rows } = await pool.query<{ email: string }>({ text: 'SELECT email FROM users WHERE reminded = false' });
  await Promise.all(rows.map((row) => mailer.send(row.email)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
