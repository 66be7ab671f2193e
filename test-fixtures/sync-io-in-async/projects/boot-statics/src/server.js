// valid
const express = require('express');
const Database = require('./database');
const { isDev } = require('./environment');

const app = express();

app.post('/backup', async (req, res) => {
  await Database.backup(String(req.body.target));
  res.send('Backup written.');
});

app.get('/size', async (_req, res) => {
  res.json({ size: await Database.size() });
});

if (isDev) {
  app.post('/_e2e/reconnect', async (_req, res) => {
    await Database.connect();
    res.send('Reconnected.');
  });
}

async function start() {
  await Database.connect();
  await Database.migrate();
  console.log(`database: ${await Database.size()} bytes`);
  app.listen(3000);
}

start();
