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

// A batch written by hand: the loop waits for the whole batch once it is full and starts a new one, so the last
// `Promise.all` holds one batch at most. A batch waited for but never emptied grows with the entries.
const BATCH_SIZE = 100;

export async function processInBatches(groups: string[][]) {
  let pending: Promise<void>[] = [];
  for (const group of groups) {
    if (pending.length >= BATCH_SIZE) {
      await Promise.all(pending);
      pending = [];
    }
    for (const entry of group) pending.push(processEntry(entry));
  }
  await Promise.all(pending);
}

export async function processWithoutEmptying(entries: string[]) {
  const pending: Promise<void>[] = [];
  for (const entry of entries) {
    pending.push(processEntry(entry));
    if (pending.length >= BATCH_SIZE) await Promise.all(pending);
    //                                      ^^^^^^^^^^^ unbounded-promise-all
  }
  await Promise.all(pending);
  //    ^^^^^^^^^^^ unbounded-promise-all
}
