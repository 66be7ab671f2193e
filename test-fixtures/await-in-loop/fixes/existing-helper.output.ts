import { readFile } from 'node:fs/promises';

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

export async function readAll(files: string[]): Promise<string[]> {
  const texts: string[] = [];
  const pendingTexts = mapWithConcurrency(files, 8, (file) => readFile(file, 'utf8'));
  for (const [index, file] of files.entries()) {
    const text = await pendingTexts[index]!;
    texts.push(text.trim());
  }
  return texts;
}
