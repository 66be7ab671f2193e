// Upstash Redis sends one HTTP request per command: a stream entry or a field per item is a request per item.
import { Redis } from '@upstash/redis';

const redis = Redis.fromEnv();

export async function publishActivity(pairs: Array<{ programId: string; partnerId: string }>): Promise<void> {
  for (const pair of pairs) await redis.xadd('partner:activity', '*', pair);
  //                              ^^^^^^^^^^ n-plus-one
}

export async function bumpScores(members: string[]): Promise<void> {
  await Promise.all(members.map((member) => redis.zincrby('scores', 1, member)));
  //                                        ^^^^^^^^^^^^^ n-plus-one
}

// One pipeline: every command in one request.
export async function publishActivityOnce(pairs: Array<{ programId: string; partnerId: string }>): Promise<void> {
  const pipeline = redis.pipeline();
  for (const pair of pairs) pipeline.xadd('partner:activity', '*', pair);
  await pipeline.exec();
}
