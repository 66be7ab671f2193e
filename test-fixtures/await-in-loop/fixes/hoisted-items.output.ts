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

interface Order {
  lines?: { sku: string }[];
}

declare function getPrice(sku: string): Promise<number>;
declare function readSetting(key: string, value: string): Promise<string>;

export async function total(order: Order): Promise<number> {
  let sum = 0;
  const lineList = [...order.lines ?? []];
  const pendingSums = mapWithConcurrency(lineList, 8, (line) => getPrice(line.sku));
  for (const [index, line] of lineList.entries()) {
    sum += await pendingSums[index]!;
  }
  return sum;
}

export async function settings(values: Record<string, string>): Promise<string[]> {
  const out: string[] = [];
  const valueEntries = Object.entries(values);
  const pendingReadSettingResults = mapWithConcurrency(valueEntries, 8, ([key, value]) => readSetting(key, value));
  for (const [index, [key, value]] of valueEntries.entries()) {
    out.push(await pendingReadSettingResults[index]!);
  }
  return out;
}
