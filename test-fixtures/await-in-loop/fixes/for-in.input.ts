declare function loadSetting(key: string): Promise<string>;
declare function fetchRows(table: string, limit: number): Promise<number[]>;

export async function settingsFor(defaults: Record<string, string>): Promise<string[]> {
  const values: string[] = [];
  for (const key in defaults) {
    if (key.startsWith('_')) continue;
    values.push(await loadSetting(key));
  }
  return values;
}

export async function countRows(limitsByTable: Record<string, number>): Promise<number> {
  let total = 0;
  for (const table in limitsByTable) {
    const rows = await fetchRows(table, limitsByTable[table]!);
    total += rows.length;
  }
  return total;
}
