import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, inArray } from 'drizzle-orm';
import { Pool } from 'pg';
import { customers } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }), { schema: { customers } });

export async function main(orders: Array<{ id: number; customerId: number }>, blocked: Set<number>) {
  const names: string[] = [];
  const seen = new Set<number>();
  const customerRows = await db.query.customers.findMany({ where: inArray(customers.id, orders.flatMap((order) => (!blocked.has(order.customerId) ? [order.customerId] : []))) });
  const customerById = new Map(customerRows.map((row) => [String(row.id), row]));
  for (const order of orders) {
    if (blocked.has(order.customerId) || seen.has(order.customerId)) continue;
    seen.add(order.customerId);
    const customer = customerById.get(String(order.customerId));
    names.push(`${order.id}: ${customer?.name ?? 'unknown customer'}`);
  }
  return names;
}
