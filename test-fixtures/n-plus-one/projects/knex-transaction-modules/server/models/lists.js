'use strict';

const knex = require('../lib/knex');

async function getByIdTx(tx, listId) {
  return await tx('lists').where('id', listId).first();
}

async function reorderFieldsTx(tx, listId, order) {
  for (const fieldId in order) {
    await tx('custom_fields').where({ list: listId, id: fieldId }).update(order[fieldId]);
//        ^^ n-plus-one
  }
}

function segmentColumn(segment) {
  return knex.raw('? AS segment', [segment]);
}

function columnFor(field, mapping) {
  const column = mapping[field];
  if (typeof column === 'string') return `${column} AS ${field}`;
  return knex.raw(`${column.sql} AS ??`, [field]);
}

function reportColumns(fields, mapping) {
  const columns = [];
  for (const field of fields) {
    columns.push(columnFor(field, mapping));
  }
  return knex('subscriptions').select(columns).toSQL();
}

function subscriberQueries(campaignLists) {
  const queries = [];
  for (const campaignList of campaignLists) {
    const query = knex
      .from(`subscription__${campaignList.list}`)
      .where('status', 1)
      .select(['email', knex.raw('? AS list', [campaignList.list]), segmentColumn(campaignList.segment)])
      .toSQL()
      .toNative();
    queries.push(query);
  }
  return queries;
}

function selectRows($, rows) {
  for (const row of rows) {
    $(row).select();
  }
}

module.exports = { getByIdTx, reorderFieldsTx, reportColumns, subscriberQueries, selectRows };
