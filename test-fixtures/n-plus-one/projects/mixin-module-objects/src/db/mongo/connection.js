// valid
'use strict';

const { MongoClient } = require('mongodb');

exports.connect = async function (options) {
	return await MongoClient.connect(options.url, { maxPoolSize: 10 });
};
