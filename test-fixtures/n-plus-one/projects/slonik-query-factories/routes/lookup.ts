import { sql } from 'slonik';

// A value named like a pool that is no database client: its methods run no query, so a loop of them is no N+1
// (its requests, one per item, are still awaited one by one).
const pool = { one: async (id: string) => fetch(`https://ids.example.com/${id}`), any: async (ids: string[]) => ids };

export const lookUp = async (ids: string[]) => {
  for (const id of ids) {
    await pool.one(id);
//  ^^^^^ await-in-loop
  }
  return sql`select 1`;
};
