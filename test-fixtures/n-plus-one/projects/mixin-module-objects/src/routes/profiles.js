'use strict';

const db = require('../db');
const accounts = require('../accounts');

exports.records = async function (req, res) {
	const records = await Promise.all(req.body.keys.map((key) => db.getRecord(key)));
//                                                            ^^^^^^^^^^^^ n-plus-one
	res.json(records);
};

exports.batched = async function (req, res) {
	res.json(await db.getRecords(req.body.keys));
};

exports.profiles = async function (req, res) {
	const profiles = [];
	for (const uid of req.body.uids) {
		profiles.push(await accounts.getAccount(uid));
//                    ^^^^^^^^^^^^^^^^^^^ n-plus-one
	}
	res.json(profiles.map((account) => accounts.displayName(account)));
};

exports.revokeAll = async function (req, res) {
	await Promise.all(req.body.sessions.map((sessionId) => accounts.sessions.revoke(req.uid, sessionId)));
//                                                      ^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
	res.sendStatus(204);
};
