// valid
'use strict';

const nconf = require('nconf');

const databaseName = nconf.get('database');
const backend = require(`./${databaseName}`);

module.exports = backend;
