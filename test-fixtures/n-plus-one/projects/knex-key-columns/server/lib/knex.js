// valid
'use strict';

const knex = require('knex')({
  client: 'mysql2',
  connection: { host: process.env.DB_HOST, database: 'newsletter' },
});

module.exports = knex;
