const db = require('../db');
const { findUser, userEmail } = require('../db/users');

async function listOrders(req, res) {
  const { rows: orders } = await db.query('SELECT * FROM orders WHERE status = $1', ['open']);
  for (const order of orders) {
    const { rows } = await db.query('SELECT name FROM customers WHERE id = $1', [order.customer_id]);
//                         ^^^^^^^^ n-plus-one
    order.customer = rows[0];
    order.email = await userEmail(order.user_id);
//                      ^^^^^^^^^ n-plus-one
    order.user = await findUser(order.user_id);
//                     ^^^^^^^^ n-plus-one
  }
  res.json(orders);
}

module.exports = { listOrders };
