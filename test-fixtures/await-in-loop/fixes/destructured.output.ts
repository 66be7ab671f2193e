/**
 * Starts `mapper` on each item in input order, at most `limit` at a time, and returns one promise
 * per item. After a failure no new call starts and the promises not yet started reject with it.
 */
function mapWithConcurrency<T, R>(items: Iterable<T>, limit: number, mapper: (item: T, index: number) => R | PromiseLike<R>): Promise<R>[] {
  const waiting: Array<() => void> = [];
  let running = 0;
  let failure: { error: unknown } | undefined;
  const startNext = (): void => {
    while (running < limit && waiting.length > 0) waiting.shift()!();
  };
  const promises = Array.from(items, (item, index) =>
    new Promise<R>((resolve, reject) => {
      waiting.push(() => {
        if (failure) {
          reject(failure.error);
          return;
        }
        running++;
        Promise.resolve()
          .then(() => mapper(item, index))
          .then(resolve, (error: unknown) => {
            failure ??= { error };
            reject(error);
          })
          .finally(() => {
            running--;
            startNext();
          });
      });
    }),
  );
  // A rejection is handled where its promise is awaited; this keeps the ones never awaited from crashing the process.
  for (const promise of promises) promise.catch(() => {});
  startNext();
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
