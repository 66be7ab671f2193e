// valid
import { sql, type CommonQueryMethods } from 'slonik';

export const buildFindById =
  (pool: CommonQueryMethods) =>
  (table: string) =>
  async (id: string) =>
    pool.one(sql`select * from ${sql.identifier([table])} where id = ${id}`);

export const buildPrefixer = (prefix: string) => (value: string) => `${prefix}${value}`;
