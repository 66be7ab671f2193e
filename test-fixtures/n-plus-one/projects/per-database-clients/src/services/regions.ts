// valid: one statement per database, the loop's item being (or holding) that database's client, cannot be one statement;
// the loop holds a few databases, as many as the deployment's regions.
import type { Knex } from 'knex';
import { countProjectsFactory, markSynced, prepareCommit } from '../db/counts';

interface Region {
  key: string;
  client: Knex;
}

export async function totalProjects(regions: Record<string, Region>) {
  const counts = await Promise.all(
    Object.values(regions).map(async ({ client: db }) => {
      const countProjects = countProjectsFactory({ db });
      return countProjects();
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}

export async function markRegionsSynced(regions: Region[]) {
  for (const { client } of regions) {
    await markSynced(client);
  }
}

export async function prepareAll(transactions: Knex.Transaction[], gid: string) {
  for (const trx of transactions) await prepareCommit(trx, gid);
}

export async function countEach(regions: Region[]) {
  for (const region of regions) {
    await countProjectsFactory({ db: region.client })();
  }
}
