import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { Pool } from 'pg';
import { customers } from './schema';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }), { schema: { customers } });

export async function main(orders: Array<{ id: number; customerId: number }>) {
  const names: string[] = [];
  for (const order of orders) {
    const customer = await db.query.customers.findFirst({ where: eq(customers.id, order.customerId) });
    names.push(customer?.name ?? 'unknown customer');
  }
  console.log(names.join(', '));
  return names;
}
