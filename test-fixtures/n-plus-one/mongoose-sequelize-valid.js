// valid: Mongoose and Sequelize loads batched with $in, populate and include
const mongoose = require('mongoose');
const { Model, Op } = require('sequelize');

const Order = mongoose.model('Order', new mongoose.Schema({ customer: { type: mongoose.Schema.Types.ObjectId, ref: 'Customer' } }));

class Invoice extends Model {}

async function ordersWithCustomers(ids) {
  const orders = await Order.find({ _id: { $in: ids } }).populate('customer');
  return orders.map((order) => order.customer.name);
}

async function invoices(ids) {
  const rows = await Invoice.findAll({ where: { id: { [Op.in]: ids } }, include: ['lines'] });
  return rows.map((row) => row.lines.length + row.get('total'));
}

module.exports = { ordersWithCustomers, invoices };
