const { Model, Sequelize } = require('sequelize');

const sequelize = new Sequelize('sqlite::memory:');

class Customer extends Model {}
Customer.init({}, { sequelize });

/** Each order's customer of the same team, looked up without the model's default scope. */
async function main(orders, teamId) {
  return Promise.all(
    orders.map(async (order) => {
      const customer = await Customer.unscoped().findOne({ where: { id: order.customerId, teamId } });
      return `${order.id}: ${customer ? customer.get('name') : 'missing'}`;
    }),
  );
}

module.exports = { main };
