// valid
import express from 'express';
import { db } from './db';
import { queues } from './db/schema';
import { initializeJobs, loadJobTemplates } from './jobs';
import { initializeWebhooks } from './webhooks';
import { runQueueTagger } from './tagger';

const app = express();
app.use(express.json());

app.post('/webhooks/reload', async (_req, res) => {
  await initializeWebhooks();
  res.sendStatus(204);
});

/** Only `start` calls it, before the server listens. */
async function seedDefaultQueues() {
  const tenants = await db.query.tenants.findMany();
  for (const tenant of tenants) {
    await db.insert(queues).values({ tenantId: tenant.id, name: 'default' }).onConflictDoNothing();
  }
}

async function start() {
  await loadJobTemplates(process.env.TEMPLATES_DIR ?? 'templates');
  await seedDefaultQueues();
  app.listen(Number(process.env.PORT ?? 3000));
}

initializeJobs();
void runQueueTagger(60_000);
await initializeWebhooks();
start();
