// The newest rows of each item's key (an order with a limit, or a finder of one row with an order): one query over a list
// of ids cannot pick them, a window over every key can.
import { PrismaClient } from '@prisma/client';
import knex from 'knex';

const prisma = new PrismaClient();
const db = knex({ client: 'pg' });

export async function latestReadings(sensors: Array<{ id: string }>) {
  return Promise.all(sensors.map((sensor) => prisma.reading.findFirst({ where: { sensorId: sensor.id }, orderBy: { takenAt: 'desc' } })));
//                                           ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}

export async function recentEvents(devices: Array<{ id: number }>) {
  const byDevice = new Map<number, unknown[]>();
  for (const device of devices) {
    byDevice.set(device.id, await db('events').where('device_id', device.id).orderBy('created_at', 'desc').limit(20));
//                                ^^ n-plus-one
  }
  return byDevice;
}

export async function sensorNames(sensors: Array<{ id: string }>) {
  return Promise.all(sensors.map((sensor) => prisma.sensor.findFirst({ where: { id: sensor.id } })));
//                                           ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
}
