// valid
import type { Database, TitleCache } from '../db/client';

export async function reportTitle(db: Database, id: string) {
  const row = await db.selectFrom('report').select('title').where('id', '=', id).executeTakeFirst();
  return row?.title;
}

export function cachedTitle(cache: TitleCache, id: string) {
  return cache.get(id);
}
