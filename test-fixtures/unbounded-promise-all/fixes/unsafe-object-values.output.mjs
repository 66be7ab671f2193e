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

export async function warmAll(caches) {
  await Promise.all(mapWithConcurrency(Object.values(caches), 8, async (cache) => {
    await cache.load();
    console.log(`warmed ${cache.name}`);
  }));
}
