// Counters read once per shard, where the instance was configured with how many shards there are, and counts that come from data.
import { Redis } from 'ioredis';

interface LedgerOptions {
  redis: Redis;
  shardCount?: number;
  partitions: number;
}

export class ShardedLedger {
  private readonly redis: Redis;
  private readonly shardCount: number;
  private pending = 0;

  constructor(private readonly options: LedgerOptions) {
    this.redis = options.redis;
    this.shardCount = Math.max(1, options.shardCount ?? 4);
  }

  track(count: number): void {
    this.pending = count;
  }

  async shardSize(shard: number): Promise<number> {
    return this.redis.zcard(`ledger:${shard}`);
  }

  async shardSizes(): Promise<number[]> {
    return Promise.all(Array.from({ length: this.shardCount }, (_, shard) => this.shardSize(shard)));
  }

  async partitionSizes(): Promise<number[]> {
    return Promise.all(Array.from({ length: this.options.partitions }, (_, index) => this.redis.llen(`ledger:part:${index}`)));
  }

  async totalEntries(): Promise<number> {
    let total = 0;
    for (let shard = 0; shard < this.shardCount; shard++) total += await this.shardSize(shard);
    return total;
  }

  // `pending` changes with every call to `track`: it counts data, not shards.
  async pendingSizes(): Promise<number[]> {
    return Promise.all(Array.from({ length: this.pending }, (_, shard) => this.shardSize(shard)));
    //                                                                    ^^^^^^^^^^^^^^ n-plus-one
  }

  async pageSizes(request: { pages: number }): Promise<number[]> {
    return Promise.all(Array.from({ length: request.pages }, (_, page) => this.shardSize(page)));
    //                                                                    ^^^^^^^^^^^^^^ n-plus-one
  }
}
