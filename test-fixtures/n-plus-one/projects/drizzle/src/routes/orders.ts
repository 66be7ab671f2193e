import { eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import { db } from '../db';
import { customers, orders } from '../db/schema';

export const app = new Hono();

app.get('/orders', async (c) => {
  const rows = await db.select().from(orders).limit(50);
  const result = [];
  for (const order of rows) {
    const customer = await db.query.customers.findFirst({ where: eq(customers.id, order.customerId) });
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    result.push({ ...order, customer });
  }
  return c.json(result);
});

app.get('/orders/batched', async (c) => {
  const rows = await db.select().from(orders).limit(50);
  const owners = await db.select().from(customers).where(inArray(customers.id, rows.map((row) => row.customerId)));
  return c.json({ rows, owners });
});
