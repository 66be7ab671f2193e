// valid
// A bundler's dev server answers the developer's own browser: its handlers may read files synchronously.
import express from 'express';
import fs from 'node:fs';
import path from 'node:path';

const router = express.Router();

export function develop(root: string): express.Router {
  router.use((req, res) => {
    const page = path.join(root, req.path, 'index.html');
    if (!fs.existsSync(page)) return void res.status(404).end();
    res.send(fs.readFileSync(page, 'utf8'));
  });
  return router;
}
