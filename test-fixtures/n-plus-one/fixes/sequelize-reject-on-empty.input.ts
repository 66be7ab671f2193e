import { Model, Sequelize } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');

class Customer extends Model {}
Customer.init({}, { sequelize });

/** Stops at the first order whose customer is gone, as `rejectOnEmpty` makes the look-up reject; an order without a customer id has none. */
export async function main(orders: Array<{ id: number; customerId: number | null }>) {
  const lines: string[] = [];
  try {
    for (const order of orders) {
      const customer = await Customer.findByPk(order.customerId, { rejectOnEmpty: true });
      lines.push(`${order.id}: ${customer === null ? 'none' : customer.get('name')}`);
    }
  } catch (error) {
    lines.push(`stopped: ${(error as Error).name} ${JSON.stringify((error as Error).message)} ${error instanceof Error}`);
  }
  return lines;
}
