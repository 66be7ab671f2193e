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

const recipients = ['ada@example.com', 'grace@example.com', 'alan@example.com', 'edsger@example.com', 'barbara@example.com', 'ken@example.com'];

async function sendAll(mailer) {
  let sent = 0;
  const pendingSendResults = mapWithConcurrency(recipients, 8, (to) => mailer.send({ to, subject: 'Release notes' }));
  for (const [index, to] of recipients.entries()) {
    await pendingSendResults[index];
    sent++;
    console.log(`sent ${sent}/${recipients.length}`);
  }
  return sent;
}

module.exports = { sendAll };
