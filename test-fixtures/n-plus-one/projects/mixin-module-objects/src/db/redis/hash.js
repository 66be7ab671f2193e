// valid
'use strict';

module.exports = function (store) {
	store.getRecord = async function (key) {
		return await store.client.hGetAll(key);
	};

	store.getRecords = async function (keys) {
		const batch = store.client.multi();
		keys.forEach((key) => batch.hGetAll(key));
		return await batch.exec();
	};
};
