import { drizzle } from 'drizzle-orm/node-postgres';
import { eq, inArray } from 'drizzle-orm';
import { Pool } from 'pg';
import { customers } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }), { schema: { customers } });

export async function main(orders: Array<{ id: number; customerId: number }>) {
  const names: string[] = [];
  const customerRows = await db.query.customers.findMany({ where: inArray(customers.id, orders.map((order) => order.customerId)) });
  const customerById = new Map(customerRows.map((row) => [String(row.id), row]));
  for (const order of orders) {
    const customer = customerById.get(String(order.customerId));
    names.push(customer?.name ?? 'unknown customer');
  }
  console.log(names.join(', '));
  return names;
}
