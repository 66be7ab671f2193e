/*
 * Licensed under the Apache License, Version 2.0.
 * Written by the Café team.
 */

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

/** The sizes of the files. */
async function sizes(storage, files) {
  const total = [];
  const fileList = Array.from(files);
  const pendingStats = mapWithConcurrency(fileList, 8, (file) => storage.getStat(file));
  for (const [index, file] of fileList.entries()) {
    const stat = await pendingStats[index];
    total.push(stat.size);
  }
  return total;
}

module.exports = { sizes };
