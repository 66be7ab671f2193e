import store from './store';

const registered: string[] = [];

export class Catalog {
  constructor(readonly name: string) {}

  static named(name: string): Catalog | undefined {
    return registered.includes(name) ? new Catalog(name) : undefined;
  }

  async entries(key: unknown): Promise<Record<string, unknown>[]> {
    return store.selectWhere(this.name, 'key', key);
  }

  async refreshLinked(links: { catalog: string; key: unknown }[]): Promise<void> {
    for (const link of links) {
      const linked = Catalog.named(link.catalog);
      await linked?.entries(link.key);
      //    ^^^^^^^^^^^^^^^ n-plus-one
    }
  }
}
