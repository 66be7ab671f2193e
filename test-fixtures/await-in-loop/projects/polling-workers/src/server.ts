import { setTimeout as delay } from 'node:timers/promises';
import express from 'express';
import { eq } from 'drizzle-orm';
import { db } from './db';
import { devices, labels } from './db/schema';

const app = express();
let stopping = false;

/** Only the poller calls it: once per round, not once per start. */
async function checkStaleDevices() {
  const stale = await db.select().from(devices).where(eq(devices.status, 'stale'));
  for (const device of stale) {
    await db.update(devices).set({ status: 'checked' }).where(eq(devices.id, device.id));
//        ^^^^^^^^^ n-plus-one
  }
}

/** Started at boot, it polls until the server stops. */
async function pollDevices(intervalMs: number) {
  while (!stopping) {
    await checkStaleDevices();
    await delay(intervalMs);
  }
}

/** Runs once, before the server listens; its wait for the database ends by a count, not a flag. */
async function prepareLabels() {
  let attempts = 0;
  while (attempts < 5) {
    attempts++;
    await delay(500);
  }
  const rows = await db.select().from(labels);
  for (const label of rows) {
    await db.update(labels).set({ name: label.name.toLowerCase() }).where(eq(labels.id, label.id));
  }
}

async function start() {
  await prepareLabels();
  void pollDevices(30_000);
  app.listen(3000);
  process.once('SIGTERM', () => {
    stopping = true;
  });
}

start();
