declare function fetchPrice(sku: string): Promise<number>;

export async function prices(skus: string[], extras: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const sku of skus) {
    out.push(await fetchPrice(sku));
  }
  for (const sku of extras) {
    out.push(await fetchPrice(sku));
  }
  return out;
}
