import { stat } from 'node:fs/promises';

/** Calls `mapper` on each item in order, at most `limit` at a time; one promise per item, whose error only its awaiter sees. */
function mapWithConcurrency<Items extends readonly unknown[], R>(items: Items, limit: number, mapper: (item: Items[number], index: number) => R | PromiseLike<R>): Promise<R>[] {
  const waiting: Array<() => void> = [];
  let running = 0;
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return items.map((item, index) => {
    const turn = running < limit ? (running++, Promise.resolve()) : new Promise<void>((start) => waiting.push(start));
    const result = turn.then(() => mapper(item, index));
    // The next item starts when this one settles; an error still reaches only the code that awaits this item.
    result.then(release, release);
    return result;
  });
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
