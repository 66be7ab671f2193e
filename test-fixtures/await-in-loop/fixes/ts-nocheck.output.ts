// @ts-nocheck

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

declare function fetchUser(id: string): Promise<{ name: string }>;

export async function names(ids: string[]): Promise<string[]> {
  const out: string[] = [];
  const pendingUsers = mapWithConcurrency(ids, 8, (id) => fetchUser(id));
  for (const [index, id] of ids.entries()) {
    const user = await pendingUsers[index]!;
    out.push(user.name);
  }
  return out;
}
