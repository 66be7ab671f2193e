'use strict';

const knex = require('../lib/knex');
const lists = require('../models/lists');

async function listNames(listIds) {
  return await knex.transaction(async (tx) => {
    const names = [];
    for (const listId of listIds) {
      const list = await lists.getByIdTx(tx, listId);
//                       ^^^^^^^^^^^^^^^ n-plus-one
      names.push(list.name);
    }
    return names;
  });
}

module.exports = { listNames };
