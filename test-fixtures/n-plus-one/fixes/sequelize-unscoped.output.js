const { Model, Sequelize } = require('sequelize');

const sequelize = new Sequelize('sqlite::memory:');

class Customer extends Model {}
Customer.init({}, { sequelize });

/** Each order's customer of the same team, looked up without the model's default scope. */
async function main(orders, teamId) {
  const customerRows = await Customer.unscoped().findAll({ where: { id: orders.map((order) => order.customerId), teamId } });
  const customerById = new Map(customerRows.map((row) => [String(row.get('id')), row]));
  return Promise.all(
    orders.map(async (order) => {
      const customer = customerById.get(String(order.customerId)) ?? null;
      return `${order.id}: ${customer ? customer.get('name') : 'missing'}`;
    }),
  );
}

module.exports = { main };
