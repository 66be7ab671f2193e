// valid
import type { Knex } from 'knex';

let current: Knex | undefined;

export function jobKnex(): Knex | undefined {
  return current;
}

export function useJobKnex(knex: Knex | undefined): void {
  current = knex;
}
