// valid
// Every caller hands over one batch of a size the code writes: as many deletions at once as a batch holds.
import { db } from '../db';

declare const bucket: { remove(key: string): Promise<void> };

export async function removeUploads(keys: string[], accountId: string) {
  const account = await db.account.findUnique({ where: { id: accountId } });
  if (!account) return;
  await Promise.all(keys.map((key) => bucket.remove(`${account.prefix}/${key}`)));
}
