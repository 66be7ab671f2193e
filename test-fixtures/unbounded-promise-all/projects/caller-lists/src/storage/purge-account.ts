// valid
import { db } from '../db';
import { removeUploads } from './remove-uploads';
import { chunk } from 'lodash';

const REMOVE_BATCH = 50;

export async function purgeAccount(accountId: string) {
  const uploads = await db.upload.findMany({ where: { accountId } });
  const keys = uploads.map((upload) => upload.key);
  for (let start = 0; start < keys.length; start += REMOVE_BATCH) {
    await removeUploads(keys.slice(start, start + REMOVE_BATCH), accountId);
  }
}

export async function purgeFolder(accountId: string, keys: string[]) {
  for (const batch of chunk(keys, 25)) await removeUploads(batch, accountId);
}
