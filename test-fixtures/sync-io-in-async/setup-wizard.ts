import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import express from 'express';
import { database } from './database';

/** Serves the first-run setup until it is finished, then hands over to the application. */
export function startSetupWizard(onFinished: () => void): void {
  const app = express();
  const server = http.createServer(app);

  // The last step stops the server that serves it: it runs once per installation.
  app.post('/finish', async (req, res) => {
    const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    fs.writeFileSync('config.json', JSON.stringify({ site: req.body.site, privateKey, publicKey }));
    res.json({ ok: true });
    server.close(() => onFinished());
  });

  // Checked as often as the form asks.
  app.post('/check-folder', async (req, res) => {
    res.json({ listing: fs.readdirSync(String(req.body.folder)) });
//                      ^^^^^^^^^^^^^^ sync-io-in-async
  });

  // Closing another resource keeps the server serving.
  app.post('/test-database', async (req, res) => {
    const ok = fs.readFileSync(String(req.body.file)).length > 0;
//             ^^^^^^^^^^^^^^^ sync-io-in-async
    await database.close();
    res.json({ ok });
  });

  server.listen(3000);
}
