// The keys of an object the code writes out (here, an enum, or an imported constant): a few hand-written
// names, read as unbounded-promise-all reads them. An object given keys from data, or a parameter, is reported.
import { CACHE_REGIONS } from './cache-regions';

interface KeyValueStore {
  get(key: string): Promise<Uint8Array | null>;
  set(key: string, value: Uint8Array): Promise<void>;
}

const SETTINGS_TABLES = {
  preferences: { primaryKey: 'id' },
  shortcuts: { primaryKey: 'id' },
};

enum Channel {
  Email = 'email',
  Push = 'push',
}

declare function countPending(channel: Channel): Promise<number>;
declare function purgeRegion(region: string): Promise<void>;

export async function copySettings(workspaceId: string, from: KeyValueStore, to: KeyValueStore): Promise<void> {
  for (const table of Object.keys(SETTINGS_TABLES)) {
    const data = await from.get(`${workspaceId}/${table}`);
    if (data) await to.set(`${workspaceId}/${table}`, data);
  }
}

export async function pendingByChannel(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const channel of Object.values(Channel)) counts[channel] = await countPending(channel);
  return counts;
}

export async function purgeCaches(): Promise<void> {
  for (const [region] of Object.entries(CACHE_REGIONS)) await purgeRegion(region);
}

export async function copyTables(workspaceId: string, tables: Record<string, unknown>, from: KeyValueStore, to: KeyValueStore): Promise<void> {
  for (const table of Object.keys(tables)) {
    const data = await from.get(`${workspaceId}/${table}`);
    //           ^^^^^ await-in-loop
    if (data) await to.set(`${workspaceId}/${table}`, data);
  }
}

export async function copyNamedTables(workspaceId: string, names: string[], from: KeyValueStore, to: KeyValueStore): Promise<void> {
  const byName: Record<string, boolean> = {};
  for (const name of names) byName[name] = true;
  for (const table of Object.keys(byName)) {
    const data = await from.get(`${workspaceId}/${table}`);
    //           ^^^^^ await-in-loop
    if (data) await to.set(`${workspaceId}/${table}`, data);
  }
}
