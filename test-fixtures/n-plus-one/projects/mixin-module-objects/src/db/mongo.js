// valid
'use strict';

const connection = require('./mongo/connection');

const mongoStore = module.exports;

let client;

mongoStore.init = async function (options) {
	client = await connection.connect(options);
	mongoStore.client = client.db();
};

mongoStore.close = async function () {
	await client.close();
};

require('./mongo/hash')(mongoStore);
