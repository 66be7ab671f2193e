'use strict';

const knex = require('../lib/knex');

async function listTx(tx, listId) {
  return await tx('custom_fields').where({ list: listId }).select(['id', 'name', 'type']).orderBy('position', 'asc');
}

async function list(listId) {
  return await knex.transaction(async (tx) => listTx(tx, listId));
}

async function lockFileTx(tx, fileId) {
  await tx('files').where('id', fileId).increment('lock_count');
}

async function savePositionsTx(tx, fields) {
  for (const field of fields) {
    await tx('custom_fields').where('id', field.id).update({ position: field.position });
//        ^^ n-plus-one
  }
}

module.exports = { listTx, list, lockFileTx, savePositionsTx };
