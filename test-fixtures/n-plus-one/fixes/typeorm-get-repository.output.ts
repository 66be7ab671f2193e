import { DataSource, In } from 'typeorm';

class Customer {
  id!: number;
  name!: string;
}

const dataSource = new DataSource({ type: 'postgres' });

/** The repository is asked for in the look-up itself, once per order. */
export async function main(orders: Array<{ id: number; customerId: number }>) {
  const names: string[] = [];
  const customerRows = await dataSource.getRepository(Customer).findBy({ id: In(orders.map((order) => order.customerId)) });
  const customerById = new Map(customerRows.map((row) => [String(row.id), row]));
  for (const order of orders) {
    const customer = customerById.get(String(order.customerId)) ?? null;
    names.push(`${order.id}: ${customer ? customer.name : 'missing'}`);
  }
  return names;
}
