// valid
/** Runs `run` over `items`, at most `limit` at once, results in input order. */
export async function mapWithConcurrency<T, R>(items: T[], limit: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Tries `attempt` up to `times` times. */
export async function retry<R>(times: number, attempt: () => Promise<R>): Promise<R> {
  let failure: unknown;
  for (let tried = 0; tried < times; tried++) {
    try {
      return await attempt();
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

/** Waits for every task started, then reports once. */
export async function settleAll(tasks: Array<Promise<void>>, onDone: (count: number) => Promise<void>): Promise<void> {
  await Promise.allSettled(tasks);
  await onDone(tasks.length);
}
