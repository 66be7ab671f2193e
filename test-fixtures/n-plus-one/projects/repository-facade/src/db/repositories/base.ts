// valid
import type { Knex } from 'knex';
import { jobKnex } from '../job-pool';

export abstract class BaseRepository {
  private readonly webKnex: Knex;

  constructor(knex: Knex) {
    this.webKnex = knex;
  }

  /** Background jobs use their own pool; requests use the one the repository was made with. */
  protected get knex(): Knex {
    return jobKnex() ?? this.webKnex;
  }
}
