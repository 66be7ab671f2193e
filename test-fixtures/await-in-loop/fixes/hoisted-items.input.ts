interface Order {
  lines?: { sku: string }[];
}

declare function getPrice(sku: string): Promise<number>;
declare function readSetting(key: string, value: string): Promise<string>;

export async function total(order: Order): Promise<number> {
  let sum = 0;
  for (const line of order.lines ?? []) {
    sum += await getPrice(line.sku);
  }
  return sum;
}

export async function settings(values: Record<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    out.push(await readSetting(key, value));
  }
  return out;
}
