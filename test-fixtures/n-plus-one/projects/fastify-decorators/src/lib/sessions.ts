import type { AccountContext } from './context';

export async function revokeAccountSessions(ctx: AccountContext): Promise<void> {
  const sessionIds = await ctx.server.redis.smembers(`account:${ctx.accountId}:sessions`);
  for await (const sessionId of sessionIds) {
    const device = await ctx.server.redis.hget('session:device', sessionId);
//                       ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    ctx.req.log.info({ sessionId, device }, 'revoked');
  }
  await ctx.server.redis.del(`account:${ctx.accountId}:sessions`);
}

export async function sessionDevices(ctx: AccountContext, sessionIds: string[]): Promise<Array<string | null>> {
  return ctx.server.redis.hmget('session:device', ...sessionIds);
}
