'use strict';

const deliveries = require('../models/deliveries');
const { markOpened } = require('../models/deliveries');

async function applyBounces(bounces) {
  const bounced = [];
  for (const bounce of bounces) {
    const delivery = await deliveries.findByProviderId(bounce.messageId);
//                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    if (delivery) bounced.push(delivery.id);
  }
  return bounced;
}

async function applyOpens(deliveryIds) {
  for (const deliveryId of deliveryIds) {
    await markOpened(deliveryId);
//        ^^^^^^^^^^ n-plus-one
  }
}

async function noteAll(deliveryIds) {
  for (const deliveryId of deliveryIds) {
    await deliveries.note(deliveryId);
//  ^^^^^ await-in-loop
  }
}

module.exports = { applyBounces, applyOpens, noteAll };
