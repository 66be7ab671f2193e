const { Model, Sequelize } = require('sequelize');
const { NotFoundError } = require('./errors');

const sequelize = new Sequelize('sqlite::memory:');

class Customer extends Model {}
Customer.init({}, { sequelize });

/** The first missing customer rejects with the error the options name. */
async function main(orders) {
  const lines = [];
  try {
    for (const order of orders) {
      const customer = await Customer.findOne({ where: { id: order.customerId }, rejectOnEmpty: new NotFoundError('customer') });
      lines.push(`${order.id}: ${customer.get('name')}`);
    }
  } catch (error) {
    lines.push(`stopped: ${error.constructor.name} ${error.message}`);
  }
  return lines;
}

module.exports = { main };
