interface Tag {
  id: string;
  value: string;
}

declare function unique<T>(values: readonly T[]): Iterable<T>;
declare function findTag(value: string): Promise<Tag>;

export async function tagsFor(values: string[]): Promise<Tag[]> {
  const tags: Tag[] = [];
  for (const value of unique(values)) {
    tags.push(await findTag(value));
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
