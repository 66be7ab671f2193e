// valid
import { sql, type CommonQueryMethods } from 'slonik';

export const buildLookup =
  (pool: CommonQueryMethods) =>
  (table: string) =>
  async (id: string) =>
    pool.maybeOne(sql`select * from ${sql.identifier([table])} where id = ${id}`);

export const buildLabeler = (prefix: string) => (table: string) => (id: string) => `${prefix}:${table}:${id}`;
