// A pool written by hand: a new item starts only when the running ones are fewer than the limit, the finished ones
// taken out. Racing a list that keeps its finished promises does not wait for a free place.
declare function processEntry(entry: string): Promise<void>;

const CONCURRENCY = 6;

export async function processAll(entries: string[]) {
  const running: Promise<void>[] = [];
  for (const entry of entries) {
    const task: Promise<void> = processEntry(entry).finally(() => {
      running.splice(running.indexOf(task), 1);
    });
    running.push(task);
    if (running.length >= CONCURRENCY) await Promise.race(running);
  }
  await Promise.allSettled(running);
}

export async function processWithoutRemoving(entries: string[]) {
  const started: Promise<void>[] = [];
  for (const entry of entries) {
    started.push(processEntry(entry));
    if (started.length >= CONCURRENCY) await Promise.race(started);
    //                                       ^^^^^^^^^^^^ unbounded-promise-all
  }
  await Promise.all(started);
  //    ^^^^^^^^^^^ unbounded-promise-all
}
