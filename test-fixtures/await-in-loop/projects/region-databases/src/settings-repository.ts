// valid
import type { Knex } from 'knex';

export const getSettingsFactory =
  (deps: { db: Knex }) =>
  async (): Promise<{ name: string } | undefined> =>
    deps.db('server_settings').select('name').first();
