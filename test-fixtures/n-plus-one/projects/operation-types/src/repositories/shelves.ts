// valid
import type { Knex } from 'knex';
import type { GetShelf, GetShelves } from '../domain/operations';

export const getShelvesFactory =
  (deps: { db: Knex }): GetShelves =>
  async (shelfIds) => {
    return deps.db('shelves').whereIn('id', shelfIds);
  };

export const getShelfFactory =
  (deps: { db: Knex }): GetShelf =>
  async (shelfId) => {
    const [shelf] = await getShelvesFactory(deps)([shelfId]);
    return shelf;
  };
