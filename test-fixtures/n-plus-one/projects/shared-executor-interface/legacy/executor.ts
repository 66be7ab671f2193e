// valid
import { QueryTypes, type Sequelize } from 'sequelize';

// Through the package's barrel, while the first implementer names the interface's own file: still one interface.
import type { KeyStore, QueryExecutor } from '../database';

export class SequelizeExecutor implements QueryExecutor {
  constructor(private readonly sequelize: Sequelize) {}

  select(query: string, params?: object): Promise<unknown[]> {
    return this.sequelize.query(query, { replacements: params, type: QueryTypes.SELECT });
  }

  async selectOne(query: string, params?: object): Promise<unknown> {
    const [row] = await this.sequelize.query(query, { replacements: params, type: QueryTypes.SELECT });
    return row;
  }
}

// Keeps keys in memory: a call through the interface may run no query at all.
export class MemoryKeyStore implements KeyStore {
  private readonly values = new Map<string, unknown>();

  async read(key: string): Promise<unknown> {
    return this.values.get(key);
  }
}
