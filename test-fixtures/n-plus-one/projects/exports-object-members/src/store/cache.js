// valid
const { createClient } = require('redis');

const client = createClient({ url: process.env.REDIS_URL });

const cache = module.exports;

cache.readHash = async function (key) {
  return await client.hGetAll(key);
};

cache.hashKey = function (prefix, id) {
  return `${prefix}:${id}`;
};
