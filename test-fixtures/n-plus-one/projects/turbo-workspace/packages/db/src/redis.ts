// valid
import Redis from 'ioredis';

let client: Redis | undefined;

export function getRedis(): Redis {
  client ??= new Redis(process.env.REDIS_URL ?? '');
  return client;
}
