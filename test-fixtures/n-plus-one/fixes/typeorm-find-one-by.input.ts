import { DataSource, type Repository } from 'typeorm';

class Customer {
  id!: number;
  name!: string;
}

const dataSource = new DataSource({ type: 'postgres' });

export async function main(orders: Array<{ id: number; customerId: number }>) {
  const customers: Repository<Customer> = dataSource.getRepository(Customer);
  const names: string[] = [];
  for (const order of orders) {
    const customer = await customers.findOneBy({ id: order.customerId });
    names.push(`${order.id}: ${customer ? customer.name : 'missing'}`);
  }
  return names;
}
