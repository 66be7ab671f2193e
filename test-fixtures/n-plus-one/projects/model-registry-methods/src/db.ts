// valid
import type { Knex } from 'knex';

export type DbConnection = Knex;
