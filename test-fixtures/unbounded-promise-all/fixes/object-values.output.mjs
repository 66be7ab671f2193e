/**
 * Starts `mapper` on each item in input order, at most `limit` at a time, and returns one promise
 * per item. After a failure no new call starts and the promises not yet started reject with it.
 */
function mapWithConcurrency(items, limit, mapper) {
  const waiting = [];
  let running = 0;
  let failure;
  const startNext = () => {
    while (running < limit && waiting.length > 0) waiting.shift()();
  };
  const promises = Array.from(items, (item, index) =>
    new Promise((resolve, reject) => {
      waiting.push(() => {
        if (failure) {
          reject(failure.error);
          return;
        }
        running++;
        Promise.resolve()
          .then(() => mapper(item, index))
          .then(resolve, (error) => {
            failure ??= { error };
            reject(error);
          })
          .finally(() => {
            running--;
            startNext();
          });
      });
    }),
  );
  // A rejection is handled where its promise is awaited; this keeps the ones never awaited from crashing the process.
  for (const promise of promises) promise.catch(() => {});
  startNext();
  return promises;
}

export async function warmAll(caches) {
  await Promise.all(mapWithConcurrency(Object.values(caches), 8, async (cache) => {
    await cache.load();
    console.log(`warmed ${cache.name}`);
  }));
}
