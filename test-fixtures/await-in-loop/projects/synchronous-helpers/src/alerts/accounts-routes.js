// Watching each account only changes the watcher's list in memory: not reported. Refreshing each account asks the alerts
// service: reported.
const express = require('express');
const watcher = require('./watcher');

const router = express.Router();

router.post('/alerts/watch', async (req, res) => {
  for (const account of req.body.accounts) {
    await watcher.watchAccount(account);
  }
  res.sendStatus(204);
});

router.post('/alerts/refresh', async (req, res) => {
  let total = 0;
  for (const account of req.body.accounts) {
    total += await watcher.refreshAccount(account);
//           ^^^^^ await-in-loop
  }
  res.json({ total });
});

module.exports = router;
