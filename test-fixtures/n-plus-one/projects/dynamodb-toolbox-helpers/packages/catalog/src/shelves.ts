import type { Entity } from '@shelf/storage/toolbox';
import { readItem } from '@shelf/storage/read-item';
import { readAllItems } from '@shelf/storage/read-all';

interface Shelf {
  id: string;
  title: string;
}

export async function shelvesByIds(entity: Entity<any>, ids: string[]) {
  const shelves: Array<Shelf | null> = [];
  for (const id of ids) {
    shelves.push(await readItem<Shelf>({ entity, keys: { PK: `SHELF#${id}`, SK: 'A' } }));
//                     ^^^^^^^^ n-plus-one
  }
  return shelves;
}

export async function booksPerShelf(entity: Entity<any>, shelfIds: string[]) {
  const books: Record<string, unknown[]> = {};
  for (const shelfId of shelfIds) {
    books[shelfId] = await readAllItems({ entity, partitionKey: `SHELF#${shelfId}` });
//                         ^^^^^^^^^^^^ n-plus-one
  }
  return books;
}

export async function archiveShelves(entity: Entity<any>, shelves: Shelf[]) {
  for (const shelf of shelves) {
    await entity.update({ PK: `SHELF#${shelf.id}`, SK: 'A', archived: true });
//        ^^^^^^^^^^^^^ n-plus-one
  }
}
