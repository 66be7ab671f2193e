const { Model, Sequelize } = require('sequelize');
const { NotFoundError } = require('./errors');

const sequelize = new Sequelize('sqlite::memory:');

class Customer extends Model {}
Customer.init({}, { sequelize });

/** The first missing customer rejects with the error the options name. */
async function main(orders) {
  const lines = [];
  try {
    const customerRows = await Customer.findAll({ where: { id: [...orders].map((order) => order.customerId) } });
    const customerById = new Map(customerRows.map((row) => [String(row.get('id')), row]));
    for (const order of orders) {
      const customer = customerById.get(String(order.customerId)) ?? await Promise.reject(new NotFoundError('customer'));
      lines.push(`${order.id}: ${customer.get('name')}`);
    }
  } catch (error) {
    lines.push(`stopped: ${error.constructor.name} ${error.message}`);
  }
  return lines;
}

module.exports = { main };
