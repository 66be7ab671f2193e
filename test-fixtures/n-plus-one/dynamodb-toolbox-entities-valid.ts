// valid
import { Entity, Table } from 'dynamodb-toolbox';

declare const table: Table<string, 'pk', 'sk'>;
const Device = new Entity({ name: 'Device', table, attributes: { pk: { partitionKey: true }, sk: { sortKey: true } } });
const seen = new Map<string, number>();

/** One batch request for every device: the entity's batch items build it, and only the table sends it. */
export async function devicesOf(ids: string[]) {
  const result = await table.batchGet(ids.map((id) => Device.getBatch({ pk: `DEVICE#${id}`, sk: 'META' })));
  return result.Responses;
}

/** Batches of 25, one request each: the chunks are the batching. */
export async function forgetDevices(ids: string[]) {
  for (let i = 0; i < ids.length; i += 25) {
    const chunk = ids.slice(i, i + 25);
    await table.batchWrite(chunk.map((id) => Device.deleteBatch({ pk: `DEVICE#${id}`, sk: 'META' })));
  }
}

/** A map of this process and parameters only built, not sent. */
export function lastSeen(ids: string[]) {
  return ids.map((id) => ({ seenAt: seen.get(id), params: Device.get({ pk: `DEVICE#${id}`, sk: 'META' }, { execute: false }) }));
}
