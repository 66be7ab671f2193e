import { readFileSync } from 'node:fs';
import { db } from './db';
import { verifyEndpoint } from './http/endpoints';

/** Called at boot, and again by an admin's reload request: its loop waits on every reload. */
export async function initializeWebhooks() {
  const secret = readFileSync('webhook-secret.txt', 'utf8');
//               ^^^^^^^^^^^^ sync-io-in-async
  const endpoints = await db.query.webhooks.findMany();
  for (const endpoint of endpoints) {
    await verifyEndpoint(endpoint.url, secret);
//  ^^^^^ await-in-loop
  }
}
