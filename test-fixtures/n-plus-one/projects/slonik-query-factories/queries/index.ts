// valid
import { createPool, type DatabasePool } from 'slonik';

import { createTagQueries } from './tags';

export class Queries {
  tags = createTagQueries(this.pool);

  constructor(public readonly pool: DatabasePool) {}
}

export const createQueries = async (url: string) => new Queries(await createPool(url));
