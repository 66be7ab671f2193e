// valid
/** A function that runs the tasks it is handed, at most `concurrency` at once. */
function createLimit(concurrency) {
  const running = new Set();
  return async (task) => {
    while (running.size >= concurrency) await Promise.race(running);
    const run = task();
    running.add(run);
    try {
      return await run;
    } finally {
      running.delete(run);
    }
  };
}

async function promiseMapWithLimit(concurrency, array, fn) {
  const limit = createLimit(concurrency);
  return await Promise.all(array.map((x) => limit(() => fn(x))));
}

async function promiseTimeout(ms, fn) {
  return await Promise.race([fn(), new Promise((resolve) => setTimeout(resolve, ms))]);
}

module.exports = { promiseMapWithLimit, promiseTimeout };
