// Key helpers that send one command per key only where a cluster cannot take them in one, and the batched command otherwise.
import { Cluster, Redis } from 'ioredis';

const clusterMode = process.env.REDIS_CLUSTER === 'true';

export async function removeKeys(redis: Redis | Cluster, keys: string[]): Promise<void> {
  if (clusterMode) {
    // Keys of other hash slots cannot share one DEL in a cluster.
    await Promise.all(keys.map((key) => redis.del(key)));
  } else {
    await redis.del(keys);
  }
}

export async function readKeys(redis: Redis | Cluster, keys: string[]): Promise<Array<string | null>> {
  if (clusterMode) {
    return Promise.all(keys.map((key) => redis.get(key)));
  }
  return redis.mget(keys);
}

export async function readOthers(redis: Redis | Cluster, keys: string[], others: string[]): Promise<Array<string | null>> {
  if (clusterMode) {
    return Promise.all(keys.map((key) => redis.get(key)));
    //                                   ^^^^^^^^^ n-plus-one
  }
  return redis.mget(others);
}

export async function readAlways(redis: Redis | Cluster, keys: string[]): Promise<Array<string | null>> {
  const values: Array<string | null> = [];
  for (const key of keys) values.push(await redis.get(key));
  //                                        ^^^^^^^^^ n-plus-one
  if (values.length === 0) return redis.mget(keys);
  return values;
}
