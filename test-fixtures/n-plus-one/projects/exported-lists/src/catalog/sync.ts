import { db } from '~/lib/db';
import { defaultModelPrices, extraModelPrices } from '~/catalog/default-prices';
import { PLATFORMS, platformLabels } from '~/social/platforms';

/** A catalog shipped with the code: as many rows as it lists. */
export async function syncCatalog() {
  for (const price of defaultModelPrices) {
    await db.modelPrice.upsert({ where: { modelName: price.modelName }, create: price, update: price });
  }
}

export async function removePlatforms(partnerId: string) {
  await Promise.all(PLATFORMS.map((platform) => db.partnerPlatform.deleteMany({ where: { partnerId, platform } })));
}

export async function labelCounts() {
  return Promise.all(Object.keys(platformLabels).map((platform) => db.partnerPlatform.count({ where: { platform } })));
}

/** A spread makes the list as long as another: not a fixed list. */
export async function syncExtra() {
  for (const price of extraModelPrices) {
    await db.modelPrice.update({ where: { modelName: price.modelName }, data: price });
//        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

export async function syncRequested(prices: typeof defaultModelPrices) {
  for (const price of prices) {
    await db.modelPrice.update({ where: { modelName: price.modelName }, data: price });
//        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}
