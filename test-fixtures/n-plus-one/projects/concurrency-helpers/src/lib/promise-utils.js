// valid
const pLimit = require('p-limit');

async function promiseMapWithLimit(concurrency, array, fn) {
  const limit = pLimit(concurrency);
  return await Promise.all(array.map((x) => limit(() => fn(x))));
}

async function promiseTimeout(ms, fn) {
  return await Promise.race([fn(), new Promise((resolve) => setTimeout(resolve, ms))]);
}

module.exports = { promiseMapWithLimit, promiseTimeout };
