// valid
import store from './store';

interface CollectionConfig {
  name: string;
  ownerColumn?: string;
}

const loaded: CollectionConfig[] = [];

class Collection {
  name: string;

  constructor(config: CollectionConfig) {
    this.name = config.name;
  }

  static byName(name: string): Collection | null {
    const config = loaded.find((candidate) => candidate.name === name);
    return config ? new this(config) : null;
  }

  static async reload(name: string): Promise<Collection> {
    return new Collection({ name });
  }

  static describe(name: string): CollectionConfig | undefined {
    return loaded.find((candidate) => candidate.name === name);
  }

  private async asOwner<T>(owner: string | undefined, work: () => Promise<T>): Promise<T> {
    if (!owner) return work();
    return work();
  }

  async rows(column: string, value: unknown, owner?: string): Promise<Record<string, unknown>[]> {
    return this.asOwner(owner, async () => {
      const found = await store.selectWhere(this.name, column, value);
      return found;
    });
  }

  async update(id: number, values: Record<string, unknown>): Promise<void> {
    await store.updateById(this.name, id, values);
  }
}

export default Collection;
