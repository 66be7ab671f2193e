const { Model, Sequelize } = require('sequelize');

const sequelize = new Sequelize('sqlite::memory:');

class Customer extends Model {}
Customer.init({}, { sequelize });
class Order extends Model {}
Order.init({}, { sequelize });

async function main() {
  const orders = await Order.findAll({ where: { status: 'open' } });
  const lines = [];
  const customerRows = await Customer.findAll({ where: { [Customer.primaryKeyAttribute]: orders.map((order) => order.customerId) } });
  const customerByPk = new Map(customerRows.map((row) => [String(row.get(Customer.primaryKeyAttribute)), row]));
  for (const order of orders) {
    const customer = customerByPk.get(String(order.customerId)) ?? null;
    lines.push(customer === null ? `${order.id}: none` : `${order.id}: ${customer.get('name')}`);
  }
  return lines;
}

module.exports = { main };
