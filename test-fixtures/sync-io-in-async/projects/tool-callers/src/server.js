// valid
const express = require('express');
const Store = require('./store');

const app = express();

app.post('/admin/reload', async (_req, res) => {
  await Store.reload();
  res.json({ entries: Store.entries.length });
});

async function start() {
  await Store.open();
  await Store.reload();
  app.listen(3000);
}

start();
