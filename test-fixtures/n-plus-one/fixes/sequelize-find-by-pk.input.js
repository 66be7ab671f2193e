const { Model, Sequelize } = require('sequelize');

const sequelize = new Sequelize('sqlite::memory:');

class Customer extends Model {}
Customer.init({}, { sequelize });
class Order extends Model {}
Order.init({}, { sequelize });

async function main() {
  const orders = await Order.findAll({ where: { status: 'open' } });
  const lines = [];
  for (const order of orders) {
    const customer = await Customer.findByPk(order.customerId);
    lines.push(customer === null ? `${order.id}: none` : `${order.id}: ${customer.get('name')}`);
  }
  return lines;
}

module.exports = { main };
