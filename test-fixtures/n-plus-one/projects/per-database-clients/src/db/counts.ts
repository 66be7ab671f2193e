// valid: helpers that each run one statement on the database they are handed.
import type { Knex } from 'knex';

export const countProjectsFactory =
  ({ db }: { db: Knex }) =>
  async (): Promise<number> => {
    const [row] = await db('projects').count<{ count: string }[]>('* as count');
    return Number(row?.count ?? 0);
  };

export const markSynced = async (db: Knex) => {
  await db('sync_state').update({ synced_at: new Date() });
};

export const lockProject = async (db: Knex, projectId: string) => db('projects').where({ id: projectId }).forUpdate().first();

export const prepareCommit = async (trx: Knex.Transaction, gid: string) => {
  await trx.raw(`PREPARE TRANSACTION '${gid}'`);
};
