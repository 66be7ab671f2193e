import { insightStore } from './store';

export async function openInsights() {
  const projectIds = await insightStore.listProjectIds();
  const open: string[] = [];
  for (const projectId of projectIds) {
    const insight = await insightStore.getActiveInsight({ projectId, dimensionKey: 'total' });
//                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (insight) open.push(insight.id);
  }
  return open;
}
