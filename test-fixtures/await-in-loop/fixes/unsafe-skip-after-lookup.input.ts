interface PriceSet {
  id: string;
  prices?: number[];
}

declare function isDefined<T>(value: T | undefined): value is T;
declare const pricing: { updatePriceSets(id: string, data: { prices: number[] }): Promise<void> };

export async function setPrices(ids: string[], priceSets: Map<string, PriceSet>): Promise<void> {
  for (const id of ids) {
    const priceSet = priceSets.get(id)!;
    if (!isDefined(priceSet.prices)) {
      continue;
    }
    await pricing.updatePriceSets(priceSet.id, { prices: priceSet.prices });
  }
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
