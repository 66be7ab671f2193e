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

interface User {
  id: string;
  name: string;
}

declare function fetchUser(id: string): Promise<User>;

export async function userNames(ids: string[]): Promise<string[]> {
  const out: string[] = [];
  const pendingUsers = mapWithConcurrency(ids, 8, (id) => fetchUser(id));
  for (const [index, id] of ids.entries()) {
    const user = await pendingUsers[index]!;
    out.push(user.name);
  }
  return out;
}
