// valid
const Redis = require('ioredis');

const client = new Redis(process.env.REDIS_URL);

const cache = module.exports;

cache.readHash = async function (key) {
  return await client.hgetall(key);
};

cache.hashKey = function (prefix, id) {
  return `${prefix}:${id}`;
};
