const Knex = require('knex');

const knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL });

async function main(orders) {
  const lines = [];
  const orderList = orders.filter((candidate) => candidate.open);
  const customerRows = await knex('customers').whereIn('id', orderList.flatMap((order) => (order.customerId ? [order.customerId] : [])));
  const customerById = new Map(customerRows.map((row) => [String(row.id), row]));
  for (const order of orderList) {
    if (!order.customerId) continue;
    const customer = customerById.get(String(order.customerId));
    lines.push(`${order.id}: ${customer ? customer.name : 'unknown customer'}`);
  }
  console.log(lines.join('\n'));
  return lines;
}

module.exports = { main };
