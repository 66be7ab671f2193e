// valid
import { select } from '@shopkit/sql-builder';
import { getConnection, pool } from '../db/connection';

interface Row {
  id: number;
  status: string;
}

/** An in-memory filter over rows already loaded, named like a builder. */
function pick(rows: Row[], status: string): Row[] {
  return rows.filter((row) => row.status === status);
}

/** Names the pool in a log line: no statement. */
function describe(handle: typeof pool): string {
  return `pool of ${handle.totalCount}`;
}

export function statusQueries(statuses: string[]): string[] {
  // The builder writes SQL text; nothing is sent.
  return statuses.map((status) => select().from('order').where('status', '=', status).sql());
}

export async function grouped(rows: Row[], statuses: string[]) {
  const connection = await getConnection();
  const labels = statuses.map((status) => describe(pool));
  const groups = await Promise.all(statuses.map(async (status) => pick(rows, status)));
  connection.release();
  return { labels, groups };
}

/** The first zone that has rates wins: the search stops at its first success. */
export async function firstZoneWithRates(zoneIds: number[]) {
  for (const zoneId of zoneIds) {
    const rates = await select().from('shipping_zone_method').where('zone_id', '=', zoneId).execute(pool);
    if (rates.length === 0) continue;
    return rates;
  }
  return [];
}

export async function fromOneQuery(ids: number[]) {
  const rows = await select().from('order').where('id', 'IN', ids).execute(pool);
  return ids.map((id) => rows.find((row: Row) => row.id === id));
}
