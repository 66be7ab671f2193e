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
