// dynamodb-toolbox: every awaited request of an entity or a table is one DynamoDB request; the batch items only build requests.
import { Entity, Table } from 'dynamodb-toolbox';

declare const table: Table<string, 'pk', 'sk'>;
const Device = new Entity({ name: 'Device', table, attributes: { pk: { partitionKey: true }, sk: { sortKey: true }, seenAt: 'number' } });

export async function devicesOf(ids: string[]) {
  const devices = [];
  for (const id of ids) {
    const { Item } = await Device.get({ pk: `DEVICE#${id}`, sk: 'META' });
    //                     ^^^^^^^^^^ n-plus-one
    if (Item) devices.push(Item);
  }
  return devices;
}

export async function eventsPerDevice(deviceIds: string[]) {
  return Promise.all(deviceIds.map(async (id) => (await Device.query(`DEVICE#${id}`, { beginsWith: 'EVENT#' })).Items));
  //                                                    ^^^^^^^^^^^^ n-plus-one
}

export async function forgetDevices(ids: string[]) {
  for (const id of ids) {
    await Device.delete({ pk: `DEVICE#${id}`, sk: 'META' });
    //    ^^^^^^^^^^^^^ n-plus-one
  }
}

export async function saveDevices(devices: Array<{ id: string; seenAt: number }>, store: Table<string, 'pk', 'sk'>) {
  for (const device of devices) {
    await store.batchWrite([Device.putBatch({ pk: `DEVICE#${device.id}`, sk: 'META', seenAt: device.seenAt })]);
    //    ^^^^^^^^^^^^^^^^ n-plus-one
  }
}
