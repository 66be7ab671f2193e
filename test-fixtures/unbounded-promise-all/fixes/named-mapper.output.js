const fs = require('node:fs/promises');

/** Starts `mapper` on each item in order, at most `limit` at a time; returns one promise per item. */
function mapWithConcurrency(items, limit, mapper) {
  const waiting = [];
  let running = 0;
  const promises = items.map((item, index) => new Promise((resolve, reject) => {
    waiting.push(() => {
      running++;
      Promise.resolve().then(() => mapper(item, index)).then(resolve, reject).finally(() => {
        running--;
        waiting.shift()?.();
      });
    });
  }));
  while (running < limit && waiting.length > 0) waiting.shift()();
  // Each error reaches the code that awaits its item; one never awaited must not end the process.
  for (const promise of promises) promise.catch(() => {});
  return promises;
}

async function sizeOf(file) {
  const stat = await fs.stat(file);
  return stat.size;
}

async function totalSize(files) {
  const sizes = await Promise.all(mapWithConcurrency(files, 8, sizeOf));
  return sizes.reduce((sum, size) => sum + size, 0);
}

module.exports = { totalSize };
