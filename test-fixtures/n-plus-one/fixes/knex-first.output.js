const Knex = require('knex');

const knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function main(orders) {
  const lines = [];
  const customerRows = await knex('customers').whereIn('id', [...orders].map((order) => order.customerId));
  const customerById = new Map(customerRows.map((row) => [String(row.id), row]));
  for (const order of orders) {
    const customer = customerById.get(String(order.customerId));
    lines.push(`${order.id}: ${customer ? customer.name : 'unknown customer'}`);
  }
  console.log(lines.join('\n'));
  return lines;
}

module.exports = { main };
