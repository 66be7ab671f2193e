import type { InsightStore, PersistedInsight } from './types';

export function createEngine(args: { store: InsightStore; threshold: number }) {
  const { store, threshold } = args;

  async function runProject(projectId: string, dimensionKeys: string[]) {
    const changed: PersistedInsight[] = [];
    for (const dimensionKey of dimensionKeys) {
      const previous = await store.getActiveInsight({ projectId, dimensionKey });
//                           ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
      if (previous && previous.dimensionKey.length > threshold) changed.push(previous);
    }
    return changed;
  }

  return { runProject };
}

export async function closeAll(store: InsightStore, ids: string[]) {
  await Promise.all(ids.map((id) => store.closeInsight(id)));
//                                  ^^^^^^^^^^^^^^^^^^ n-plus-one
}
