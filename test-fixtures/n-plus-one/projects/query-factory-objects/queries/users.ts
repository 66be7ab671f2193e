// valid
import { sql, type CommonQueryMethods } from 'slonik';

import { buildFindById, buildPrefixer } from './builders';

export const createUserQueries = (pool: CommonQueryMethods) => {
  const findUserById = async (id: string) => pool.one(sql`select * from users where id = ${id}`);

  // One statement over all the ids.
  const findUsersByIds = async (ids: readonly string[]) => pool.any(sql`select * from users where id = any(${sql.array(ids, 'text')})`);

  const displayName = (user: { name: string; email: string }) => user.name || user.email.split('@')[0];

  const findUserRow = buildFindById(pool)('users');

  return { findUserById, findUsersByIds, displayName, findUserRow, handleOf: buildPrefixer('@') };
};
