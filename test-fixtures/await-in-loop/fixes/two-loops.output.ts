import { stat } from 'node:fs/promises';

/**
 * Starts `mapper` on each item in input order, at most `limit` at a time, and returns one promise
 * per item. After a failure no new call starts and the promises not yet started reject with it.
 */
function mapWithConcurrency<T, R>(items: Iterable<T>, limit: number, mapper: (item: T, index: number) => R | PromiseLike<R>): Promise<R>[] {
  const waiting: Array<() => void> = [];
  let running = 0;
  let failure: { error: unknown } | undefined;
  const startNext = (): void => {
    while (running < limit && waiting.length > 0) waiting.shift()!();
  };
  const promises = Array.from(items, (item, index) =>
    new Promise<R>((resolve, reject) => {
      waiting.push(() => {
        if (failure) {
          reject(failure.error);
          return;
        }
        running++;
        Promise.resolve()
          .then(() => mapper(item, index))
          .then(resolve, (error: unknown) => {
            failure ??= { error };
            reject(error);
          })
          .finally(() => {
            running--;
            startNext();
          });
      });
    }),
  );
  // A rejection is handled where its promise is awaited; this keeps the ones never awaited from crashing the process.
  for (const promise of promises) promise.catch(() => {});
  startNext();
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
