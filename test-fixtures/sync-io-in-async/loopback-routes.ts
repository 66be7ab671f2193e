import express from 'express';
import fs from 'node:fs';
import path from 'node:path';

const app = express();
const buildDir = path.join(__dirname, 'dist');

// A status route for the developer's own tools: other clients are turned away before the handler runs.
app.get(
  '/__status',
  (req, res, next) => {
    const clientIp = req.ip ?? req.socket.remoteAddress;
    const isLocalhost = clientIp === '127.0.0.1' || clientIp === '::1' || clientIp === '::ffff:127.0.0.1';
    if (!isLocalhost) {
      return res.status(403).json({ error: 'Access denied' });
    }
    next();
  },
  async (_req, res) => {
    res.json({ built: fs.existsSync(path.join(buildDir, 'index.html')) });
  },
);

// The handler turns other clients away itself.
app.get('/__debug/files', async (req, res) => {
  if (req.ip !== '127.0.0.1' && req.ip !== '::1') return res.sendStatus(404);
  res.json(fs.readdirSync(buildDir));
});

// Local requests only skip the check: everyone else is served too.
app.get(
  '/reports/:name',
  (req, res, next) => {
    if (req.ip === '127.0.0.1') return next();
    if (!req.headers.authorization) return res.sendStatus(401);
    next();
  },
  async (req, res) => {
    res.send(fs.readFileSync(path.join(buildDir, 'reports', req.params.name), 'utf8'));
//           ^^^^^^^^^^^^^^^ sync-io-in-async
  },
);

// A check of the host that does not stop the request.
app.get('/hello', async (req, res) => {
  if (req.ip !== '127.0.0.1') console.log('remote visitor');
  res.send(fs.readFileSync(path.join(buildDir, 'hello.txt'), 'utf8'));
//         ^^^^^^^^^^^^^^^ sync-io-in-async
});

app.listen(3000);
