import { stat } from 'node:fs/promises';

declare function fetchPrice(sku: string): Promise<number>;

export async function prices(skus: string[]): Promise<Record<string, number>> {
  const bySku: Record<string, number> = {};
  for (const sku of skus) {
    bySku[sku] = await fetchPrice(sku);
  }
  return bySku;
}

export async function sizes(paths: string[]): Promise<number[]> {
  const result: number[] = [];
  for (const path of paths) result.push((await stat(path)).size);
  return result;
}
