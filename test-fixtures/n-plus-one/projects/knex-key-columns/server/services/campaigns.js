'use strict';

const fields = require('../models/fields');

async function commonFields(campaign) {
  const byList = new Map();
  for (const campaignList of campaign.lists) {
    byList.set(campaignList.list, await fields.list(campaignList.list));
//                                      ^^^^^^^^^^^ n-plus-one
  }
  return byList;
}

async function lockAttachments(tx, message) {
  for (const attachment of message.attachments) {
    await fields.lockFileTx(tx, attachment.id);
//        ^^^^^^^^^^^^^^^^^ n-plus-one
  }
}

async function fireTrigger(tx, trigger, subscribers) {
  for (const subscriber of subscribers) {
    await tx('trigger_messages').insert({ trigger: trigger.id, subscription: subscriber.id });
//        ^^ n-plus-one
    await tx('triggers').increment('count').where('id', trigger.id);
//        ^^ n-plus-one
  }
}

module.exports = { commonFields, lockAttachments, fireTrigger };
