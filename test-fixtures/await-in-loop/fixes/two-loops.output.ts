import { stat } from 'node:fs/promises';

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

declare function fetchPrice(sku: string): Promise<number>;

export async function prices(skus: string[]): Promise<Record<string, number>> {
  const bySku: Record<string, number> = {};
  const pendingFetchPriceResults = mapWithConcurrency(skus, 8, (sku) => fetchPrice(sku));
  for (const [index, sku] of skus.entries()) {
    bySku[sku] = await pendingFetchPriceResults[index]!;
  }
  return bySku;
}

export async function sizes(paths: string[]): Promise<number[]> {
  const result: number[] = [];
  const pendingStatResults = mapWithConcurrency(paths, 8, (path) => stat(path));
  for (const [index, path] of paths.entries()) result.push((await pendingStatResults[index]!).size);
  return result;
}
