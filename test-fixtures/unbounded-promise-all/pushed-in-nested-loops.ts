// Promises pushed in a loop nested in a forEach over request input start together as a flatMap would; over the few
// fields of one object they stay quiet.
import express from 'express';

const router = express.Router();

type Batch = { requests: Array<{ urls: string[] }> };

router.post('/prefetch', async (req, res) => {
  const { requests } = req.body as Batch;
  const pending: Promise<Response>[] = [];
  requests.forEach((request) => {
    for (const url of request.urls) pending.push(fetch(url));
  });
  const responses = await Promise.all(pending);
//                        ^^^^^^^^^^^ unbounded-promise-all
  res.json({ statuses: responses.map((response) => response.status) });
});

router.post('/ping', async (req, res) => {
  const endpoints = { primary: String(req.body.primary), backup: String(req.body.backup) };
  const pending: Promise<Response>[] = [];
  for (const url of Object.values(endpoints)) pending.push(fetch(url));
  const responses = await Promise.all(pending);
  res.json({ ok: responses.every((response) => response.ok) });
});
