import { Model, Sequelize, EmptyResultError } from 'sequelize';

const sequelize = new Sequelize('sqlite::memory:');

class Customer extends Model {}
Customer.init({}, { sequelize });

/** Stops at the first order whose customer is gone, as `rejectOnEmpty` makes the look-up reject; an order without a customer id has none. */
export async function main(orders: Array<{ id: number; customerId: number | null }>) {
  const lines: string[] = [];
  try {
    const customerRows = await Customer.findAll({ where: { [Customer.primaryKeyAttribute]: orders.map((order) => order.customerId) } });
    const customerByPk = new Map(customerRows.map((row) => [String(row.get(Customer.primaryKeyAttribute)), row]));
    for (const order of orders) {
      const customer = customerByPk.get(String(order.customerId)) ?? (order.customerId == null ? null! : await Promise.reject<never>(new EmptyResultError(undefined!)));
      lines.push(`${order.id}: ${customer === null ? 'none' : customer.get('name')}`);
    }
  } catch (error) {
    lines.push(`stopped: ${(error as Error).name} ${JSON.stringify((error as Error).message)} ${error instanceof Error}`);
  }
  return lines;
}
