import { DataSource, type Repository, In } from 'typeorm';

class Customer {
  id!: number;
  name!: string;
}

const dataSource = new DataSource({ type: 'postgres' });

export async function main(orders: Array<{ id: number; customerId: number }>) {
  const customers: Repository<Customer> = dataSource.getRepository(Customer);
  const names: string[] = [];
  const customerRows = await customers.findBy({ id: In(orders.map((order) => order.customerId)) });
  const customerById = new Map(customerRows.map((row) => [String(row.id), row]));
  for (const order of orders) {
    const customer = customerById.get(String(order.customerId)) ?? null;
    names.push(`${order.id}: ${customer ? customer.name : 'missing'}`);
  }
  return names;
}
