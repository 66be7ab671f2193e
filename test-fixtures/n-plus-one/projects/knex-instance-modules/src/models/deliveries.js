// valid
'use strict';

const db = require('../db/connection');
const log = require('../db/logger');

async function findByProviderId(providerId) {
  return await db('deliveries').where('provider_id', providerId).select(['id', 'status', 'campaign_id']).first();
}

async function markOpened(deliveryId) {
  await db('deliveries').where('id', deliveryId).update({ opened_at: db.fn.now() });
}

async function note(deliveryId) {
  await log('deliveries').info(`checked ${deliveryId}`);
}

module.exports.findByProviderId = findByProviderId;
module.exports.markOpened = markOpened;
module.exports.note = note;
