import { DataSource, type Repository } from 'typeorm';

class Customer {
  id!: number;
  name!: string;
  region!: string;
}

const dataSource = new DataSource({ type: 'postgres' });

export async function main(orders: Array<{ id: number; customerId: number | null }>, region: string) {
  const customers: Repository<Customer> = dataSource.getRepository(Customer);
  const names: string[] = [];
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i]!;
    if (order.customerId === null) {
      names.push(`${order.id}: walk-in`);
      continue;
    }
    const customer = await customers.findOne({ where: { id: order.customerId, region } });
    names.push(`${i}. ${order.id}: ${customer ? customer.name : 'elsewhere'}`);
  }
  return names;
}
