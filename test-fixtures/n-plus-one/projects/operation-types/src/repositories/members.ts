// valid
import type { Knex } from 'knex';
import type { FindMember } from '../domain/operations';

export const findMemberFactory =
  (deps: { db: Knex }): FindMember =>
  async (memberId) => {
    return deps.db('members').where({ id: memberId }).first();
  };
