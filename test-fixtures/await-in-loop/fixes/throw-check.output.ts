/** Starts `mapper` on each item in order, at most `limit` at a time; returns one promise per item. */
function mapWithConcurrency<T, R>(items: readonly T[], limit: number, mapper: (item: T, index: number) => R | PromiseLike<R>): Promise<R>[] {
  const waiting: Array<() => void> = [];
  let running = 0;
  const promises = items.map((item, index) => new Promise<R>((resolve, reject) => {
    waiting.push(() => {
      running++;
      Promise.resolve().then(() => mapper(item, index)).then(resolve, reject).finally(() => {
        running--;
        waiting.shift()?.();
      });
    });
  }));
  while (running < limit && waiting.length > 0) waiting.shift()!();
  // Each error reaches the code that awaits its item; one never awaited must not end the process.
  for (const promise of promises) promise.catch(() => {});
  return promises;
}

interface Item {
  id: string;
  dataId: string;
}

declare function getFile(dataId: string): Promise<Uint8Array>;

export async function sizes(items: Item[], known: Set<string>): Promise<number[]> {
  const result: number[] = [];
  const pendingBytes = mapWithConcurrency(items, 8, async (_, i) => {
    const item = items[i]!;
    if (!known.has(item.id)) {
      throw new Error(`unknown item ${item.id}`);
    }
    const bytes = await getFile(item.dataId);
    return { item, bytes };
  });
  for (let i = 0; i < items.length; i++) {
    const { item, bytes } = await pendingBytes[i]!;
    result.push(bytes.length);
    console.log(`${item.id}: ${bytes.length}`);
  }
  return result;
}
