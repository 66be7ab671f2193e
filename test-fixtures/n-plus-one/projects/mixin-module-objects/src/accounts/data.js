// valid
'use strict';

const db = require('../db');

module.exports = function (Accounts) {
	Accounts.getAccount = async function (uid) {
		return await db.getRecord(`account:${uid}`);
	};

	Accounts.expireAccount = async function (uid) {
		await db.expireRecord(`account:${uid}`, 3600);
	};

	Accounts.sessions = {};

	Accounts.sessions.revoke = async function (uid, sessionId) {
		await db.setRecord(`session:${sessionId}`, { revokedBy: uid });
	};
};
