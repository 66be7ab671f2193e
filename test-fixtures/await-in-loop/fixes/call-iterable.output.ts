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

interface Tag {
  id: string;
  value: string;
}

declare function unique<T>(values: readonly T[]): Iterable<T>;
declare function findTag(value: string): Promise<Tag>;

export async function tagsFor(values: string[]): Promise<Tag[]> {
  const tags: Tag[] = [];
  const valueList = [...unique(values)];
  const pendingFindTagResults = mapWithConcurrency(valueList, 8, (value) => findTag(value));
  for (const [index, value] of valueList.entries()) {
    tags.push(await pendingFindTagResults[index]!);
  }
  return tags;
}

function* letters(word: string): Generator<string> {
  for (const letter of word) yield letter;
}

// A generator of this file runs between iterations: the loop keeps its finding and gets no fix.
export async function lettersFound(word: string): Promise<Tag[]> {
  const found: Tag[] = [];
  for (const letter of letters(word)) {
    found.push(await findTag(letter));
  }
  return found;
}
