import type { Knex } from 'knex';
import type { CloseShelf, GetShelf, Shelf } from '../domain/operations';

export const listShelvesFactory = (deps: { getShelf: GetShelf }) => async (shelfIds: string[]) => {
  const shelves: Shelf[] = [];
  for (const shelfId of shelfIds) {
    const shelf = await deps.getShelf(shelfId);
    //                  ^^^^^^^^^^^^^ n-plus-one
    if (shelf) shelves.push(shelf);
  }
  return shelves;
};

export const closeShelfFactory =
  (deps: { db: Knex; getShelf: GetShelf }): CloseShelf =>
  async (shelfId) => {
    const shelf = await deps.getShelf(shelfId);
    if (!shelf) return;
    await deps.db('shelves').where({ id: shelf.id }).update({ closedAt: new Date() });
  };

export const closeShelvesFactory =
  ({ closeShelf }: { closeShelf: CloseShelf }) =>
  async (shelfIds: string[]) => {
    for (const shelfId of shelfIds) {
      await closeShelf(shelfId);
      //    ^^^^^^^^^^ n-plus-one
    }
  };
