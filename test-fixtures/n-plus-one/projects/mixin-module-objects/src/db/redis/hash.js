// valid
'use strict';

module.exports = function (store) {
	store.getRecord = async function (key) {
		return await store.client.hGetAll(key);
	};

	store.expireRecord = async function (key, seconds) {
		await store.client.sendCommand(['EXPIRE', key, String(seconds)]);
	};

	store.getRecords = async function (keys) {
		const batch = store.client.multi();
		keys.forEach((key) => batch.hGetAll(key));
		return await batch.exec();
	};
};
