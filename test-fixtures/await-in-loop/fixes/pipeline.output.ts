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

interface User {
  id: string;
  name: string;
}

declare function getUser(id: string): Promise<User>;
declare function listOrders(userId: string): Promise<string[]>;

export async function report(ids: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  const pendingUsers = mapWithConcurrency(ids, 8, async (id) => {
    const user = await getUser(id);
    const orders = await listOrders(user.id);
    return { user, orders };
  });
  for (const [index, id] of ids.entries()) {
    const { user, orders } = await pendingUsers[index]!;
    lines.push(`${user.name}: ${orders.length} orders`);
  }
  return lines;
}
