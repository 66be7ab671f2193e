// valid
'use strict';

const knex = require('knex')({
  client: 'mysql',
  connection: { host: process.env.MYSQL_HOST, database: 'newsletter' },
});

module.exports = knex;
