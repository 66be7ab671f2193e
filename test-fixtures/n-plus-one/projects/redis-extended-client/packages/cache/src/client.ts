import { Redis } from 'ioredis';

export interface CacheClient extends Redis {
  readJson<T>(key: string): Promise<T | undefined>;
}

function connect(url: string): CacheClient {
  const client = new Redis(url) as CacheClient;
  client.readJson = async (key) => {
    const text = await client.get(key);
    return text ? JSON.parse(text) : undefined;
  };
  return client;
}

let shared: CacheClient;

export function getCache() {
  if (!shared) shared = connect(process.env.REDIS_URL ?? 'redis://localhost:6379');
  return shared;
}

export async function forget(keys: string[]) {
  const cache = getCache();
  for (const key of keys) {
    await cache.unlink(key);
//        ^^^^^^^^^^^^ n-plus-one
  }
}
