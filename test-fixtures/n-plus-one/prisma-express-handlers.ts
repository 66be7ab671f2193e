import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = express();

app.get('/orders', async (req, res) => {
  const orders = await prisma.order.findMany({ where: { status: 'open' } });
  const result = [];
  for (const order of orders) {
    const customer = await prisma.customer.findUnique({ where: { id: order.customerId } });
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    result.push({ ...order, customer });
  }
  res.json(result);
});

app.post('/tags', async (req, res) => {
  const names: string[] = req.body.names;
  for (const name of names) {
    await prisma.tag.upsert({ where: { name }, create: { name }, update: {} });
//        ^^^^^^^^^^^^^^^^^ n-plus-one
  }
  res.sendStatus(204);
});

app.get('/authors', async (req, res) => {
  const posts = await prisma.post.findMany();
  const titles = posts.map(async (post) => {
    const comments = await prisma.post.findUnique({ where: { id: post.id } }).comments();
//                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    return `${post.title} (${comments?.length ?? 0})`;
  });
  res.json(titles);
});

app.get('/counts', async (req, res) => {
  const ids: number[] = req.body.ids;
  const counts: Record<number, number> = {};
  for (let i = 0; i < ids.length; i++) {
    counts[ids[i]!] = await prisma.comment.count({ where: { postId: ids[i] } });
//                          ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  res.json(counts);
});

app.post('/keys/:id/scopes', async (req, res) => {
  // Written out, but grown with the request's own scopes: as long as the request makes it.
  const scopes = ['read', 'write'];
  scopes.push(...req.body.extraScopes);
  for (const scope of scopes) {
    await prisma.apiKeyScope.create({ data: { apiKeyId: Number(req.params.id), scope } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  res.sendStatus(204);
});

async function settle<T>(work: Promise<T>, fallback: T): Promise<T> {
  try {
    return await work;
  } catch {
    return fallback;
  }
}

app.post('/webhooks/replay', async (req, res) => {
  const failed: Record<string, number> = {};
  for (const endpointId of req.body.endpointIds as string[]) {
    // Each endpoint's work runs in an inline async function so that one failure is kept, not thrown.
    failed[endpointId] = await settle(
      (async () => {
        const deliveries = await prisma.delivery.findMany({ where: { endpointId, status: 'failed' } });
//                               ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        return deliveries.length;
      })(),
      -1,
    );
  }
  res.json(failed);
});

app.post('/environments/sync', async (req, res) => {
  const errors: string[] = [];
  for (const environmentId of req.body.environmentIds as string[]) {
    await settle(
      (async () => {
        const wanted = new Set<string>(req.body.keys);
        if (wanted.size === 0) return;
        const existing = await prisma.variable.findMany({ where: { environmentId, key: { in: [...wanted] } } });
//                             ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
        for (const variable of existing) wanted.delete(variable.key);
        errors.push(...wanted);
      })(),
      undefined,
    );
  }
  res.json({ missing: errors });
});
