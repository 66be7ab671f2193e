// valid
interface Row {
  id: string;
  name: string;
}

const rows = new Map<string, Row>();

/** A store handed in, or the module's own map: no database. */
export function namesOf(ids: string[], store: Map<string, Row> = rows) {
  const names: string[] = [];
  for (const id of ids) {
    const row = store.get(id);
    if (row) names.push(row.name);
  }
  return names;
}

export function removeAll(ids: string[], { cache = new Map<string, Row>() } = {}) {
  for (const id of ids) cache.delete(id);
  return cache.size;
}
