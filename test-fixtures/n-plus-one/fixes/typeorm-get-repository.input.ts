import { DataSource } from 'typeorm';

class Customer {
  id!: number;
  name!: string;
}

const dataSource = new DataSource({ type: 'postgres' });

/** The repository is asked for in the look-up itself, once per order. */
export async function main(orders: Array<{ id: number; customerId: number }>) {
  const names: string[] = [];
  for (const order of orders) {
    const customer = await dataSource.getRepository(Customer).findOneBy({ id: order.customerId });
    names.push(`${order.id}: ${customer ? customer.name : 'missing'}`);
  }
  return names;
}
