// valid
import knex from 'knex';
import { BaseRepository } from './base';

export class MonitorsRepository extends BaseRepository {
  async getMonitorByTag(tag: string) {
    return this.knex('monitors').where({ tag }).first();
  }
}

export const monitors = new MonitorsRepository(knex({ client: 'pg', connection: process.env.DATABASE_URL }));
