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

declare function loadSetting(key: string): Promise<string>;
declare function fetchRows(table: string, limit: number): Promise<number[]>;

export async function settingsFor(defaults: Record<string, string>): Promise<string[]> {
  const values: string[] = [];
  const keys: string[] = [];
  for (const key in defaults) if (!key.startsWith('_')) keys.push(key);
  const pendingLoadSettingResults = mapWithConcurrency(keys, 8, (key) => loadSetting(key));
  for (const [index, key] of keys.entries()) {
    values.push(await pendingLoadSettingResults[index]!);
  }
  return values;
}

export async function countRows(limitsByTable: Record<string, number>): Promise<number> {
  let total = 0;
  const tables: string[] = [];
  for (const table in limitsByTable) tables.push(table);
  const pendingRows = mapWithConcurrency(tables, 8, (table) => fetchRows(table, limitsByTable[table]!));
  for (const [index, table] of tables.entries()) {
    const rows = await pendingRows[index]!;
    total += rows.length;
  }
  return total;
}
