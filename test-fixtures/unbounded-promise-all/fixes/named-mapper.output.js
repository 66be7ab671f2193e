const fs = require('node:fs/promises');

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

async function sizeOf(file) {
  const stat = await fs.stat(file);
  return stat.size;
}

async function totalSize(files) {
  const sizes = await Promise.all(mapWithConcurrency(files, 8, sizeOf));
  return sizes.reduce((sum, size) => sum + size, 0);
}

module.exports = { totalSize };
