/*
 * Licensed under the Apache License, Version 2.0.
 * Written by the Café team.
 */

/** Calls `mapper` on each item in order, at most `limit` at a time; one promise per item, whose error only its awaiter sees. */
function mapWithConcurrency(items, limit, mapper) {
  const waiting = [];
  let running = 0;
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return items.map((item, index) => {
    const turn = running < limit ? (running++, Promise.resolve()) : new Promise((start) => waiting.push(start));
    const result = turn.then(() => mapper(item, index));
    // The next item starts when this one settles; an error still reaches only the code that awaits this item.
    result.then(release, release);
    return result;
  });
}

/** The sizes of the files. */
async function sizes(storage, files) {
  const total = [];
  const fileList = [...files];
  const pendingStats = mapWithConcurrency(fileList, 8, (file) => storage.getStat(file));
  for (const [index, file] of fileList.entries()) {
    const stat = await pendingStats[index];
    total.push(stat.size);
  }
  return total;
}

module.exports = { sizes };
