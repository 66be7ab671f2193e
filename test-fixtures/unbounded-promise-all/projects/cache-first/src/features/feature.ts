// valid
import { LRUCache } from 'lru-cache';
import { prisma } from '../db';

export interface Feature {
  id: number;
  name: string;
  config: unknown;
}

const featureCache = new Map<number, Feature>();

/** A feature by id; features change only by a new version, so each is kept once loaded. */
export async function getFeature(id: number): Promise<Feature | null> {
  const cached = featureCache.get(id);
  if (cached) {
    return cached;
  }
  const feature = await prisma.feature.findUnique({ where: { id } });
  if (feature) featureCache.set(id, feature);
  return feature;
}

/** A feature by id, read each time. */
export async function loadFeature(id: number): Promise<Feature | null> {
  return prisma.feature.findUnique({ where: { id } });
}

export class QuotaConfig {
  private static readonly quotas = new LRUCache<number, Feature>({ max: 100 });

  /** A quota's configuration, from the cache when it was read before. */
  static async get(id: number): Promise<Feature> {
    const hit = QuotaConfig.quotas.get(id);
    if (hit) return hit;
    const quota = await prisma.feature.findUniqueOrThrow({ where: { id } });
    QuotaConfig.quotas.set(id, quota);
    return quota;
  }
}
