const recipients = ['ada@example.com', 'grace@example.com', 'alan@example.com', 'edsger@example.com', 'barbara@example.com', 'ken@example.com'];

async function sendAll(mailer) {
  let sent = 0;
  for (const to of recipients) {
    await mailer.send({ to, subject: 'Release notes' });
    sent++;
    console.log(`sent ${sent}/${recipients.length}`);
  }
  return sent;
}

module.exports = { sendAll };
