// valid
import Redis from 'ioredis';
import type { TokenStore } from './token-store';

export class RedisTokenStore implements TokenStore {
  constructor(private readonly redis: Redis) {}

  async revoke(tokenId: string, ownerId: string): Promise<void> {
    const pipeline = this.redis.pipeline();
    pipeline.del(`token:${tokenId}`);
    pipeline.srem(`owner-tokens:${ownerId}`, tokenId);
    await pipeline.exec();
  }

  async touch(tokenId: string): Promise<void> {
    await this.redis.multi().expire(`token:${tokenId}`, 3600).zadd('recent-tokens', Date.now(), tokenId).exec();
  }
}
