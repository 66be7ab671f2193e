// A batching helper hands its callback one batch at a time (`batch.processSortedSet(key, async (ids) => …, { batch: 100 })`):
// the calls for one batch at once are as many as the batch holds. A helper not named for batches is still reported.
declare const batch: {
  processSortedSet(key: string, handle: (ids: string[]) => Promise<void>, options: { batch: number }): Promise<void>;
  processArray<T>(items: T[], handle: (items: T[]) => Promise<void>, options: { batch: number }): Promise<void>;
};
declare const jobs: { onDrain(handle: (ids: string[]) => Promise<void>): void };
declare const store: { reindex(id: string): Promise<void>; purge(path: string): Promise<void> };

export async function reindexUsers(): Promise<void> {
  await batch.processSortedSet(
    'users:joindate',
    async (uids) => {
      await Promise.all(uids.map((uid) => store.reindex(uid)));
    },
    { batch: 100 },
  );
}

export async function purgeFiles(paths: string[]): Promise<void> {
  await batch.processArray(
    paths,
    async (some) => {
      const absolute = some.map((path) => `/srv/uploads/${path}`);
      await Promise.all(absolute.map((path) => store.purge(path)));
    },
    { batch: 50 },
  );
}

export function reindexDrained(): void {
  jobs.onDrain(async (ids) => {
    await Promise.all(ids.map((id) => store.reindex(id)));
    //    ^^^^^^^^^^^ unbounded-promise-all
  });
}
