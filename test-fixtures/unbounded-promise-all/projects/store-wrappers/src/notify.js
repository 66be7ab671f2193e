'use strict';

const store = require('./store');

async function deliver(record) {
	await fetch(record.webhook, { method: 'POST', body: JSON.stringify(record) });
}

exports.notifyAll = async function () {
	const all = await store.getAllRecords();
	await Promise.all(all.map((record) => deliver(record)));
//     ^^^^^^^^^^^ unbounded-promise-all
};

exports.notifyMany = async function (keys) {
	const picked = await store.getRecords(keys);
	await Promise.all(picked.map((record) => deliver(record)));
//     ^^^^^^^^^^^ unbounded-promise-all
};

exports.notifyFollowers = async function (ownerKey) {
	const followers = await store.getListMembers(`followers:${ownerKey}`);
	await Promise.all(followers.map((follower) => deliver(follower)));
//     ^^^^^^^^^^^ unbounded-promise-all
};

exports.notifyNewest = async function (ownerKey) {
	const newest = await store.getRange(`followers:${ownerKey}`, 0, 19);
	await Promise.all(newest.map((follower) => deliver(follower)));
//     ^^^^^^^^^^^ unbounded-promise-all
};
