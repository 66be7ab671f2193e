// valid
/** Wraps a client so its entries expire: not a database handle. */
export interface Expiring {
  update(key: string, value: string): Promise<void>;
}

export function expiring(source: { get(key: string): Promise<string | undefined> }): Expiring {
  const entries = new Map<string, string>();
  return {
    async update(key, value) {
      entries.set(key, (await source.get(key)) ?? value);
    },
  };
}
