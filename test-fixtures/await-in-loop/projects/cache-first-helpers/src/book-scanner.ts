// A book's authors looked up through the store's in-memory index, which queries only for a library not loaded yet:
// not reported. Shelves looked up in a record the store was handed, which may hold nothing of the library, are a query each.
import { libraryStore } from './library-store';

export async function authorIdsOf(libraryId: string, authorNames: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of authorNames) {
    const id = await libraryStore.authorIdByName(libraryId, name);
    if (id) ids.push(id);
  }
  return ids;
}

export async function seriesIdsOf(libraryId: string, seriesNames: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of seriesNames) {
    const id = await libraryStore.seriesIdByName(libraryId, name);
    if (id) ids.push(id);
  }
  return ids;
}

export async function shelfIdsOf(libraryId: string, shelfNames: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of shelfNames) {
    const id = await libraryStore.shelfIdByName(libraryId, name);
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (id) ids.push(id);
  }
  return ids;
}
