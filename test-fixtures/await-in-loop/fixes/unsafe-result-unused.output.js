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
