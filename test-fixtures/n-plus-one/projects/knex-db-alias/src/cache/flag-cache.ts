// valid
import type { CachedFlag, Db, FlagSource } from './memory-db';

export class FlagCache {
  constructor(
    private db: Db,
    private source: FlagSource,
  ) {}

  enabled(name: string): boolean {
    return this.db.get(name)?.enabled ?? false;
  }

  async refresh(name: string): Promise<CachedFlag> {
    const flag = await this.source(name).then((found) => ({ ...found, name }));
    this.db.set(name, flag);
    return flag;
  }
}
