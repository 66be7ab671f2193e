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

declare function geocode(street: string, city: string): Promise<{ lat: number; lng: number }>;

interface Address {
  street: string;
  city: string;
}

export async function locate(addresses: Address[]): Promise<string[]> {
  const lines: string[] = [];
  const pendingPoints = mapWithConcurrency(addresses, 8, ({ street, city }) => geocode(street, city));
  batch: for (const [index, { street, city }] of addresses.entries()) {
    const point = await pendingPoints[index]!;
    lines.push(`${street}, ${city}: ${point.lat},${point.lng}`);
    if (lines.length > 100) continue batch;
  }
  return lines;
}
