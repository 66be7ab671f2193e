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

export async function prices(skus: string[], extras: string[]): Promise<number[]> {
  const out: number[] = [];
  const pendingFetchPriceResults = mapWithConcurrency(skus, 8, (sku) => fetchPrice(sku));
  for (const [index, sku] of skus.entries()) {
    out.push(await pendingFetchPriceResults[index]!);
  }
  const pendingFetchPriceResults2 = mapWithConcurrency(extras, 8, (sku) => fetchPrice(sku));
  for (const [index, sku] of extras.entries()) {
    out.push(await pendingFetchPriceResults2[index]!);
  }
  return out;
}
