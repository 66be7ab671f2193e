const Knex = require('knex');

const knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function main(orders) {
  const lines = [];
  for (const order of orders.filter((candidate) => candidate.open)) {
    if (!order.customerId) continue;
    const customer = await knex('customers').where({ id: order.customerId }).first();
    lines.push(`${order.id}: ${customer ? customer.name : 'unknown customer'}`);
  }
  console.log(lines.join('\n'));
  return lines;
}

module.exports = { main };
