// The client is made by a function that logs and returns null when the connection options are bad, and kept on
// the global object across reloads. The commands it runs per item are each a round trip: n-plus-one, not a
// concurrency finding. A maker that returns a client on one path and something else on another is not a client.
import Redis, { Cluster } from 'ioredis';

declare global {
  var sessionCache: undefined | ReturnType<typeof connectCache>;
}

function openConnection(url: string) {
  if (process.env.CACHE_CLUSTER === 'true') return new Cluster([{ host: url, port: 6379 }]);
  return new Redis(url);
}

function connectCache() {
  try {
    return openConnection(process.env.CACHE_URL ?? 'redis://localhost:6379');
  } catch (error) {
    console.error('cache disabled', error);
    return null;
  }
}

declare function memoryStore(): { del(key: string): Promise<number> };

function connectOrMemory() {
  try {
    return new Redis(process.env.CACHE_URL ?? 'redis://localhost:6379');
  } catch {
    return memoryStore();
  }
}

export const sessionCache = globalThis.sessionCache ?? connectCache();
const fallbackCache = connectOrMemory();

export async function storeSessions(sessions: { token: string; ttl: number; user: string }[]): Promise<void> {
  await Promise.all(sessions.map((session) => sessionCache?.setex(`session:${session.token}`, session.ttl, session.user)));
  //                                          ^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function forgetSessions(tokens: string[]): Promise<void> {
  await Promise.all(tokens.map((token) => fallbackCache.del(token)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}
