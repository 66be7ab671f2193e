// node-redis sends the commands issued in one tick as one pipeline: a command per item whose reply the item does not wait
// for leaves with the others. Awaited one by one, each is a round trip; ioredis pipelines so only with enableAutoPipelining.
import { autoCache, cache, redis } from './redis';
import { eventBus } from './event-bus';

export function announceCreated(ids: string[]) {
  for (const id of ids) {
    eventBus.publish({ type: 'created', id });
  }
}

export async function lastSeen(userIds: string[]) {
  return Promise.all(userIds.map((userId) => redis.get(`seen:${userId}`)));
}

export async function visitCounts(pageIds: string[]) {
  const counts: Record<string, string | null> = {};
  for (const pageId of pageIds) {
    counts[pageId] = await redis.get(`visits:${pageId}`);
//                         ^^^^^^^^^ n-plus-one
  }
  return counts;
}

export async function cachedTitles(ids: string[]) {
  return Promise.all(ids.map((id) => cache.get(`title:${id}`)));
//                                   ^^^^^^^^^ n-plus-one
}

export async function autoCachedTitles(ids: string[]) {
  return Promise.all(ids.map((id) => autoCache.get(`title:${id}`)));
}

const visitsOf = async (pageId: string) => Number(await redis.get(`visits:${pageId}`));

export async function visitTotals(pageIds: string[]) {
  return Promise.all(pageIds.map((pageId) => visitsOf(pageId)));
}
