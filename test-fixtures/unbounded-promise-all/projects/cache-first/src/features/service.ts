import { prisma } from '../db';
import { getFeature, loadFeature, QuotaConfig } from './feature';

declare function notifyOwner(userId: string, feature: unknown): Promise<void>;

/** The features a user has, each with its configuration: one query per distinct feature, the rest from the cache. */
export async function userFeatures(userId: string) {
  const rows = await prisma.userFeature.findMany({ where: { userId, activated: true } });
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      feature: await getFeature(row.featureId),
    })),
  );
}

/** The quotas of a workspace, each with its configuration. */
export async function workspaceQuotas(workspaceId: string) {
  const quotas = await prisma.workspaceFeature.findMany({ where: { workspaceId } });
  return Promise.all(quotas.map((quota) => QuotaConfig.get(quota.featureId)));
}

/** The configuration read again for every row: a query per item. */
export async function freshFeatures(userId: string) {
  const rows = await prisma.userFeature.findMany({ where: { userId } });
  return Promise.all(rows.map((row) => loadFeature(row.featureId)));
  //                                   ^^^^^^^^^^^ n-plus-one
}

/** A notice per row besides the cached look-up: a request per row, all at once. */
export async function announceFeatures(userId: string) {
  const rows = await prisma.userFeature.findMany({ where: { userId } });
  await Promise.all(
  //    ^^^^^^^^^^^ unbounded-promise-all
    rows.map(async (row) => {
      const feature = await getFeature(row.featureId);
      await notifyOwner(userId, feature);
    }),
  );
}
