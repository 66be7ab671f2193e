/** Calls `mapper` on each item in order, at most `limit` at a time; one promise per item, whose error only its awaiter sees. */
function mapWithConcurrency<Items extends readonly unknown[], R>(items: Items, limit: number, mapper: (item: Items[number], index: number) => R | PromiseLike<R>): Promise<R>[] {
  const waiting: Array<() => void> = [];
  let running = 0;
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return items.map((item, index) => {
    const turn = running < limit ? (running++, Promise.resolve()) : new Promise<void>((start) => waiting.push(start));
    const result = turn.then(() => mapper(item, index));
    // The next item starts when this one settles; an error still reaches only the code that awaits this item.
    result.then(release, release);
    return result;
  });
}

interface Item {
  id: string;
  dataId: string;
}

declare function getFile(dataId: string): Promise<Uint8Array>;

export async function sizes(items: Item[], known: Set<string>): Promise<number[]> {
  const result: number[] = [];
  const pendingBytes = mapWithConcurrency(items, 8, async (_, i) => {
    const item = items[i]!;
    if (!known.has(item.id)) {
      throw new Error(`unknown item ${item.id}`);
    }
    const bytes = await getFile(item.dataId);
    return { item, bytes };
  });
  for (let i = 0; i < items.length; i++) {
    const { item, bytes } = await pendingBytes[i]!;
    result.push(bytes.length);
    console.log(`${item.id}: ${bytes.length}`);
  }
  return result;
}
