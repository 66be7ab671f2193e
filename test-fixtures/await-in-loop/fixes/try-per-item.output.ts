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

declare function loadConfig(path: string): Promise<{ name: string }>;

export async function loadAll(paths: string[]): Promise<string[]> {
  const names: string[] = [];
  const pendingConfigs = mapWithConcurrency(paths, 8, (path) => loadConfig(path));
  for (const [index, path] of paths.entries()) {
    try {
      const config = await pendingConfigs[index]!;
      names.push(config.name);
    } catch (error) {
      console.warn(`skipping ${path}: ${(error as Error).message}`);
    }
  }
  return names;
}
