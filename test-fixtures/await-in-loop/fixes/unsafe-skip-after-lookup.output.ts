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

interface PriceSet {
  id: string;
  prices?: number[];
}

declare function isDefined<T>(value: T | undefined): value is T;
declare const pricing: { updatePriceSets(id: string, data: { prices: number[] }): Promise<void> };

export async function setPrices(ids: string[], priceSets: Map<string, PriceSet>): Promise<void> {
  await Promise.all(mapWithConcurrency(ids, 8, async (id) => {
    const priceSet = priceSets.get(id)!;
    if (!isDefined(priceSet.prices)) {
      return;
    }
    await pricing.updatePriceSets(priceSet.id, { prices: priceSet.prices });
  }));
}

// The skip leaves work after it in the loop body: the loop keeps its finding and gets no fix.
export async function setPricesAndCount(ids: string[], priceSets: Map<string, PriceSet>): Promise<number> {
  let updated = 0;
  for (const id of ids) {
    const priceSet = priceSets.get(id)!;
    if (!isDefined(priceSet.prices)) continue;
    await pricing.updatePriceSets(priceSet.id, { prices: priceSet.prices });
    updated++;
  }
  return updated;
}
