// A bounded-concurrency helper's branch for a limit of one runs the calls one at a time, as its caller asked.
// Next to it, a branch on another count, whose loop should run concurrently.
export abstract class FlushBuffer {
  protected insertConcurrency = Number(process.env.INSERT_CONCURRENCY ?? 5);

  /** Runs `fn` over `items`, at most `concurrency` at once, keeping the order of the results. */
  protected async runLimited<T, R>(items: T[], fn: (item: T, index: number) => Promise<R>, concurrency: number = this.insertConcurrency): Promise<R[]> {
    if (concurrency <= 1 || items.length === 1) {
      const out: R[] = [];
      for (let i = 0; i < items.length; i++) {
        out.push(await fn(items[i] as T, i));
      }
      return out;
    }
    const results = new Array<R>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index] as T, index);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, () => worker()));
    return results;
  }
}

export async function sendAll(urls: string[], retries: number): Promise<Response[]> {
  const responses: Response[] = [];
  if (retries <= 1) {
    for (const url of urls) responses.push(await fetch(url));
//                                         ^^^^^ await-in-loop
  }
  return responses;
}
