// valid
import { Redis } from 'ioredis';

interface Row {
  id: string;
  total: number;
}

const memory = new Map<string, Row>();
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

/** A cache handed in, or the module's own map: memory, not a database. */
export function totals(ids: string[], { cache = memory } = {}) {
  let sum = 0;
  for (const id of ids) sum += cache.get(id)?.total ?? 0;
  return sum;
}

/** The same map a default parameter holds, filled once per distinct key from the item itself. */
export function rowsOf(items: Row[], store: Map<string, Row> = memory) {
  for (const item of items) if (!store.has(item.id)) store.set(item.id, item);
  return store;
}

/** One read for every key, where the loop only builds the keys. */
export async function cached(ids: string[], { client = redis } = {}) {
  const keys: string[] = [];
  for (const id of ids) keys.push(`row:${id}`);
  return client.mget(keys);
}

interface Rollout {
  id: string;
  featureId: string;
}

const rollouts = {
  byFeature: async (featureId: string): Promise<Rollout[]> => (await redis.lrange(`rollouts:${featureId}`, 0, -1)).map((raw) => JSON.parse(raw)),
  byId: async (id: string): Promise<Rollout | null> => JSON.parse((await redis.get(`rollout:${id}`)) ?? 'null'),
};

/** Loaded at once before the loop; the loop only fetches the few the first read missed. */
export async function rolloutsOf(featureId: string, linkedIds: string[]) {
  const byId = new Map<string, Rollout>();
  for (const rollout of await rollouts.byFeature(featureId)) byId.set(rollout.id, rollout);
  for (const id of linkedIds) {
    if (!byId.has(id)) {
      const found = await rollouts.byId(id);
      if (found) byId.set(found.id, found);
    }
  }
  return byId;
}
