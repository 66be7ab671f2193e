// valid
'use strict';

const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);
const records = client.db().collection('records');

exports.getRecords = async function (keys) {
	return await records.find({ _key: { $in: keys } }).toArray();
};

exports.getListMembers = async function (key) {
	return await records.find({ list: key }).toArray();
};

exports.getAllRecords = async function () {
	return await records.find({}).toArray();
};

exports.getRange = async function (list, start, stop) {
	return await records.find({ list, rank: { $gte: start, $lte: stop } }).toArray();
};
