// valid
'use strict';

const { createClient } = require('redis');

const redisStore = module.exports;

redisStore.init = async function (options) {
	redisStore.client = createClient({ url: options.url });
	await redisStore.client.connect();
};

require('./redis/hash')(redisStore);
