// valid
import type { CommonQueryMethods } from 'slonik';

import { buildLabeler, buildLookup } from './builders';

export default class TableQueries {
  readonly #lookup: (id: string) => Promise<unknown>;
  readonly #label: (id: string) => string;

  constructor(
    public readonly pool: CommonQueryMethods,
    table: string,
  ) {
    this.#lookup = buildLookup(pool)(table);
    this.#label = buildLabeler('row')(table);
  }

  async lookup(id: string) {
    return this.#lookup(id);
  }

  label(id: string) {
    return this.#label(id);
  }
}
