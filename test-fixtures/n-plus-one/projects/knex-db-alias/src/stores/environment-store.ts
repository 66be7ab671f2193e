// valid
import type { Db } from '../db/db.js';
import type { IEnvironment, IEnvironmentStore } from './environment-store-type.js';

const TABLE = 'environments';

export default class EnvironmentStore implements IEnvironmentStore {
  constructor(private db: Db) {}

  async get(name: string): Promise<IEnvironment | undefined> {
    return this.db<IEnvironment>(TABLE).where({ name }).first();
  }

  async updateSortOrder(name: string, sortOrder: number): Promise<void> {
    await this.db(TABLE).where({ name }).update({ sort_order: sortOrder });
  }
}
