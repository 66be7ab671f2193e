import { getCache, getLocalStore } from '@shop/cache';
import type { AppDb } from './db';

export async function purgePrefix(prefix: string) {
  const redis = getCache();
  const keys = await redis.keys(`${prefix}:*`);
  for (const key of keys) {
    await redis.del(key);
//        ^^^^^^^^^ n-plus-one
  }
}

export async function persistAll(keys: string[]) {
  const store = getLocalStore();
  for (const key of keys) {
    await store.persist(key);
//  ^^^^^ await-in-loop
  }
}

export async function closeCarts(db: AppDb, cartIds: string[]) {
  for (const id of cartIds) {
    const cart = await db.cart.findFirst({ where: { id } });
//                     ^^^^^^^^^^^^^^^^^ n-plus-one
    if (cart) console.log(cart.id);
  }
}
