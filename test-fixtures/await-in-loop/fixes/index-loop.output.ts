import { readFile } from 'node:fs/promises';

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

export async function totalSize(files: readonly string[]): Promise<number> {
  let total = 0;
  const pendingTexts = mapWithConcurrency(files, 8, (_, i) => readFile(files[i]!, 'utf8'));
  for (let i = 0; i < files.length; i++) {
    const text = await pendingTexts[i]!;
    total += text.length;
    console.log(`${files[i]}: ${text.length}`);
  }
  return total;
}
