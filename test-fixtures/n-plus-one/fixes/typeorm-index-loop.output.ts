import { DataSource, type Repository, In } from 'typeorm';

class Customer {
  id!: number;
  name!: string;
  region!: string;
}

const dataSource = new DataSource({ type: 'postgres' });

export async function main(orders: Array<{ id: number; customerId: number | null }>, region: string) {
  const customers: Repository<Customer> = dataSource.getRepository(Customer);
  const names: string[] = [];
  const customerRows = await customers.find({ where: { id: In(orders.flatMap((order) => (!(order.customerId === null) ? [order.customerId] : []))), region } });
  const customerById = new Map(customerRows.map((row) => [String(row.id), row]));
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    if (order.customerId === null) {
      names.push(`${order.id}: walk-in`);
      continue;
    }
    const customer = customerById.get(String(order.customerId)) ?? null;
    names.push(`${i}. ${order.id}: ${customer ? customer.name : 'elsewhere'}`);
  }
  return names;
}
