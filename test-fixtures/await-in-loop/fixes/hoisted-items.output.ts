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

interface Order {
  lines?: { sku: string }[];
}

declare function getPrice(sku: string): Promise<number>;
declare function readSetting(key: string, value: string): Promise<string>;

export async function total(order: Order): Promise<number> {
  let sum = 0;
  const lineList = Array.from(order.lines ?? []);
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
