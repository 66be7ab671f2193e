// A helper handed one shared database and an item's id runs one statement per item.
import knex from 'knex';
import { lockProject } from '../db/counts';

const db = knex({ client: 'pg' });

export async function lockAll(projectIds: string[]) {
  for (const projectId of projectIds) {
    await lockProject(db, projectId);
//        ^^^^^^^^^^^ n-plus-one
  }
}

