import { Cluster, Redis, type RedisOptions } from 'ioredis';

// A buffer of queued jobs kept in Redis lists, one list per buffer, as job-queue plugins keep them.
export class RedisJobBuffer {
  private redis: Redis | Cluster;

  constructor(connection: Redis | Cluster | RedisOptions) {
    this.redis = connection instanceof Redis || connection instanceof Cluster ? connection : new Redis(connection);
  }

  async sizes(bufferIds: string[]): Promise<Record<string, number>> {
    const sizes: Record<string, number> = {};
    for (const id of bufferIds) {
      sizes[id] = await this.redis.llen(`job-buffer:${id}`);
//                      ^^^^^^^^^^^^^^^ n-plus-one
    }
    return sizes;
  }

  async sizesInOneRoundTrip(bufferIds: string[]): Promise<number[]> {
    const pipeline = this.redis.pipeline();
    for (const id of bufferIds) pipeline.llen(`job-buffer:${id}`);
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([, size]) => Number(size));
  }
}
