const { Op } = require('sequelize');
const { Subscriber, Digest } = require('../models');

async function queueDigests(body) {
  const subscribers = await Subscriber.findAll({ where: { plan: 'pro' } });
  for (const subscriber of subscribers) {
    await Digest.queueFor(subscriber.id, body);
//        ^^^^^^^^^^^^^^^ n-plus-one
  }
}

async function deliverPending() {
  const pending = await Digest.findAll({ where: { deliveredAt: null } });
  const undelivered = pending.filter((digest) => !digest.isDelivered());
  for (const digest of undelivered) {
    await digest.markDelivered();
//        ^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

async function markAllDelivered(ids) {
  await Digest.update({ deliveredAt: new Date() }, { where: { id: { [Op.in]: ids } } });
}

function labels(subscribers) {
  return subscribers.map((subscriber) => `${subscriber.displayName()} (${Subscriber.planLabel(subscriber.plan)})`);
}

module.exports = { queueDigests, deliverPending, markAllDelivered, labels };
