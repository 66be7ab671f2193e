// The cache is turned on by configuration: the client exists only when it is, and every item's key is deleted
// in its own round trip. A variable set to different kinds of values is not known to be a client.
const Redis = require('ioredis');

let client;
if (process.env.REDIS_ENABLED === 'true') {
  client = new Redis({ host: process.env.REDIS_HOST });
}

let store;
if (process.env.MEMORY_STORE === 'true') store = new Map();
else store = new Redis();

const linkKey = (link) => `l:${link.address}:${link.domainId ?? ''}`;

async function forgetLinks(links) {
  if (!client) return;
  for (const link of links) {
    await client.del(linkKey(link));
//        ^^^^^^^^^^ n-plus-one
  }
}

async function forgetLinksInStore(links) {
  for (const link of links) {
    await store.delete(linkKey(link));
//  ^^^^^ await-in-loop
  }
}

module.exports = { forgetLinks, forgetLinksInStore };
