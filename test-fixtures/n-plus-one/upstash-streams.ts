// Upstash Redis sends one HTTP request per command awaited alone; the commands of one tick leave together (auto-pipelining, on by default).
import { PrismaClient } from '@prisma/client';
import { Redis } from '@upstash/redis';

const redis = Redis.fromEnv();
const prisma = new PrismaClient();
const unpipelined = new Redis({ url: process.env.KV_URL!, token: process.env.KV_TOKEN!, enableAutoPipelining: false });

export async function publishActivity(pairs: Array<{ programId: string; partnerId: string }>): Promise<void> {
  for (const pair of pairs) await redis.xadd('partner:activity', '*', pair);
  //                              ^^^^^^^^^^ n-plus-one
}

// Issued in one tick: the client sends them as one pipeline.
export async function bumpScores(members: string[]): Promise<void> {
  await Promise.all(members.map((member) => redis.zincrby('scores', 1, member)));
}

export async function bumpScoresUnpipelined(members: string[]): Promise<void> {
  await Promise.all(members.map((member) => unpipelined.zincrby('scores', 1, member)));
  //                                        ^^^^^^^^^^^^^^^^^^^ n-plus-one
}

// One pipeline: every command in one request.
export async function publishActivityOnce(pairs: Array<{ programId: string; partnerId: string }>): Promise<void> {
  const pipeline = redis.pipeline();
  for (const pair of pairs) pipeline.xadd('partner:activity', '*', pair);
  await pipeline.exec();
}

async function announce(pair: { programId: string; partnerId: string }): Promise<void> {
  await redis.xadd('partner:activity', '*', pair);
}

async function recordActivity(pair: { programId: string; partnerId: string }): Promise<void> {
  await redis.xadd('partner:activity', '*', pair);
  await prisma.activity.create({ data: pair });
}

// The stream entries of one tick leave together.
export async function announceAll(pairs: Array<{ programId: string; partnerId: string }>): Promise<void> {
  await Promise.all(pairs.map((pair) => announce(pair)));
}

// The entries leave together; the row each item then creates is a statement per item.
export async function recordActivities(pairs: Array<{ programId: string; partnerId: string }>): Promise<void> {
  await Promise.all(pairs.map((pair) => recordActivity(pair)));
  //                                    ^^^^^^^^^^^^^^ n-plus-one
}
