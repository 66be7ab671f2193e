// valid
import { createClient, type ClickHouseClient } from '@clickhouse/client';

let columnar: ClickHouseClient | undefined;

function connect(): ClickHouseClient {
  columnar ??= createClient({ url: process.env.COLUMNAR_URL });
  return columnar;
}

async function insert(table: string, rows: unknown[]) {
  await connect().insert({ table, values: rows, format: 'JSONEachRow' });
}

export default { insert };
