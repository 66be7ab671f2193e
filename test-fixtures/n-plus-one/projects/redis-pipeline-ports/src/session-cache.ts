import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

export async function dropSessions(sessionIds: string[]) {
  for (const sessionId of sessionIds) {
    const pipeline = redis.pipeline();
    pipeline.del(`session:${sessionId}`);
    pipeline.del(`session-data:${sessionId}`);
    await pipeline.exec();
//        ^^^^^^^^^^^^^ n-plus-one
  }
}

export async function dropSessionsAtOnce(sessionIds: string[]) {
  const pipeline = redis.pipeline();
  for (const sessionId of sessionIds) {
    pipeline.del(`session:${sessionId}`);
    pipeline.del(`session-data:${sessionId}`);
  }
  await pipeline.exec();
}

export async function sessionExpiries(sessionIds: string[]) {
  const expiries: Array<[string, unknown]> = [];
  for (const sessionId of sessionIds) {
    const replies = await redis.pipeline().exists(`session:${sessionId}`).ttl(`session:${sessionId}`).exec();
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    expiries.push([sessionId, replies]);
  }
  return expiries;
}
