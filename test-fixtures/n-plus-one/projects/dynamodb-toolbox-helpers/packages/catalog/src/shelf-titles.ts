// valid
import type { Entity } from '@shelf/storage/toolbox';

const titles = new Map<string, string>();

/** A title from the in-memory map; the request only builds its parameters for a batch sent later. */
export async function shelfTitles(entity: Entity<any>, ids: string[]) {
  const requests = [];
  for (const id of ids) {
    const known = titles.get(id);
    if (known) continue;
    requests.push(entity.get({ PK: `SHELF#${id}`, SK: 'A' }, { execute: false }));
  }
  return requests;
}
