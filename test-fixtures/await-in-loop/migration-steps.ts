// An application's own list of data migrations (a local store's schema versions): each step runs
// once per install, in order, as a migration file does. A function of another list, a step's other
// member, and a function merely named like a migration are still reported.
interface Migration {
  version: number;
  migrate?: () => Promise<void>;
  up?: (store: KeyValueStore) => Promise<void>;
  describe?: () => Promise<string>;
}

interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

declare const store: KeyValueStore;
declare const legacyKeys: Record<string, string>;

export const migrations: Migration[] = [
  {
    version: 1,
    migrate: async () => {
      for (const [oldKey, newKey] of Object.entries(legacyKeys)) {
        await store.set(newKey, await store.get(oldKey));
        await store.remove(oldKey);
      }
    },
  },
  {
    version: 2,
    async up(target) {
      for (const key of Object.keys(legacyKeys)) {
        await target.remove(`cache:${key}`);
      }
    },
    describe: async () => {
      const names: string[] = [];
      for (const key of Object.keys(legacyKeys)) {
        names.push(String(await store.get(key)));
      //                  ^^^^^ await-in-loop
      }
      return names.join(', ');
    },
  },
];

/** Not a list of migrations: a list of jobs whose `up` brings a service up. */
export const jobs = [
  {
    name: 'warm-cache',
    up: async (keys: string[]) => {
      for (const key of keys) {
        await store.get(key);
      //^^^^^ await-in-loop
      }
    },
  },
];

/** Named like a migration, called per request. */
export async function migrate(keys: string[]): Promise<void> {
  for (const key of keys) {
    await store.remove(key);
  //^^^^^ await-in-loop
  }
}
