// valid: the clients, made once.
import { createClient } from 'redis';
import Redis from 'ioredis';

export const redis = createClient({ url: process.env.REDIS_URL });
export const cache = new Redis(process.env.CACHE_URL ?? 'redis://localhost:6379');
export const autoCache = new Redis(process.env.CACHE_URL ?? 'redis://localhost:6379', { enableAutoPipelining: true });
