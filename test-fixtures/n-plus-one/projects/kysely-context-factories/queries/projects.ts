// valid
import type { Kysely } from 'kysely';

import type { Schema } from '../schema';

export function createProjectQueries(db: Kysely<Schema>) {
  return {
    async findProject(id: string) {
      return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findProjects: async (ids: string[]) => db.selectFrom('projects').selectAll().where('id', 'in', ids).execute(),
    slugOf: (name: string) => name.toLowerCase().replace(/\s+/g, '-'),
  };
}
