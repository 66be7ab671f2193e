import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { Pool } from 'pg';
import { customers } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }), { schema: { customers } });

export async function main(orders: Array<{ id: number; customerId: number }>, blocked: Set<number>) {
  const names: string[] = [];
  const seen = new Set<number>();
  for (const order of orders) {
    if (blocked.has(order.customerId) || seen.has(order.customerId)) continue;
    seen.add(order.customerId);
    const customer = await db.query.customers.findFirst({ where: eq(customers.id, order.customerId) });
    names.push(`${order.id}: ${customer?.name ?? 'unknown customer'}`);
  }
  return names;
}
