// valid
import { PrismaClient } from '@prisma/client';

const client = new PrismaClient();

/** Runs SQL written with {{name}} placeholders, sending the values as bind parameters. */
async function runSql(sql: string, values: Record<string, unknown>) {
  const schema = process.env.DATABASE_SCHEMA;
  if (schema) await client.$executeRawUnsafe(`SET search_path TO "${schema}"`);
  const params: unknown[] = [];
  const text = sql.replaceAll(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => {
    params.push(values[name]);
    return `$${params.length}`;
  });
  return client.$queryRawUnsafe(text, ...params);
}

export default { client, runSql };
