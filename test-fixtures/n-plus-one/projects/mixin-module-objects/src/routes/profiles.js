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

exports.memberships = async function (req, res) {
	const joined = [];
	for (const key of req.body.keys) {
		joined.push(await db.isRecordMember(key, req.uid));
//                  ^^^^^^^^^^^^^^^^^ n-plus-one
	}
	res.json(joined);
};

exports.admins = async function (req, res) {
	const admins = [];
	for (const uid of req.body.uids) {
		admins.push(await db.isRecordMember('group:admins', uid));
//                  ^^^^^^^^^^^^^^^^^ n-plus-one
	}
	res.json(admins);
};

exports.expireAll = async function (req, res) {
	for (const uid of req.body.uids) {
		await accounts.expireAccount(uid);
//      ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
	}
	res.sendStatus(204);
};
