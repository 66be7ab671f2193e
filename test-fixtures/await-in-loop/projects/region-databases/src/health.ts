import type { Knex } from 'knex';
import { getSettingsFactory } from './settings-repository';

export const isDatabaseAlive = async (params: { db: Knex }): Promise<boolean> => {
  const getSettings = getSettingsFactory({ db: params.db });
  try {
    await getSettings();
    return true;
  } catch {
    return false;
  }
};

export async function checkRegions(regions: Array<{ key: string; client: Knex }>): Promise<Record<string, boolean>> {
  const alive: Record<string, boolean> = {};
  for (const region of regions) {
    alive[region.key] = await isDatabaseAlive({ db: region.client });
  //                    ^^^^^ await-in-loop
  }
  return alive;
}

export async function checkMainPerRegion(regions: Array<{ key: string }>, main: Knex): Promise<Record<string, boolean>> {
  const alive: Record<string, boolean> = {};
  for (const region of regions) {
    alive[region.key] = await isDatabaseAlive({ db: main });
  //                    ^^^^^ await-in-loop
  }
  return alive;
}
