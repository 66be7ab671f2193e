'use strict';

module.exports = function (store) {
	store.getRecord = async function (key) {
		return await store.client.collection('records').findOne({ _key: key });
	};

	store.getRecords = async function (keys) {
		return await store.client.collection('records').find({ _key: { $in: keys } }).toArray();
	};

	store.isRecordMember = async function (key, member) {
		return !!(await store.client.collection('records').findOne({ _key: key, members: member }));
	};

	store.isRecordsMember = async function (keys, member) {
		const found = await store.client.collection('records').find({ _key: { $in: keys }, members: member }).toArray();
		return keys.map((key) => found.some((record) => record._key === key));
	};

	store.expireRecord = async function (key, seconds) {
		await store.client.collection('records').updateOne({ _key: key }, { $set: { expireAt: new Date(Date.now() + seconds * 1000) } });
	};

	store.setRecord = async function (key, data) {
		await store.client.collection('records').updateOne({ _key: key }, { $set: data }, { upsert: true });
	};

	store.touchRecords = async function (keys) {
		for (const key of keys) {
			await store.client.collection('records').updateOne({ _key: key }, { $set: { touched: Date.now() } });
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
		}
	};
};
