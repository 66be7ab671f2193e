import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { config, isDev } from './environment';

const app = express();
const databaseFile = path.join(process.cwd(), 'data', 'app.sqlite');

function copyDatabase(from: string, to: string): void {
  fs.copyFileSync(from, to);
}

// Routes for the end-to-end tests exist only in development builds.
if (isDev) {
  app.post('/_e2e/snapshot', async (_req, res) => {
    fs.cpSync(databaseFile, `${databaseFile}.snapshot`);
    res.send('Snapshot taken.');
  });

  app.post('/_e2e/restore', async (_req, res) => {
    copyDatabase(`${databaseFile}.snapshot`, databaseFile);
    res.send('Snapshot restored.');
  });
} else {
  // The other branch is what production serves.
  app.get('/backup', async (_req, res) => {
    copyDatabase(databaseFile, `${databaseFile}.bak`);
//  ^^^^^^^^^^^^ sync-io-in-async
    res.send('Backup written.');
  });
}

if (process.env.E2E_TESTS === 'true') {
  app.delete('/_e2e/uploads', (_req, res) => {
    fs.rmSync(path.join(process.cwd(), 'uploads'), { recursive: true, force: true });
    res.sendStatus(204);
  });
}

if (!config.isProduction && config.debugRoutes) {
  app.get('/_debug/uploads', async (_req, res) => {
    res.json(fs.readdirSync(path.join(process.cwd(), 'uploads')));
  });
}

// Served in production too whenever debugging is turned on.
if (isDev || config.debugRoutes) {
  app.get('/_debug/logs', async (_req, res) => {
    res.json(fs.readdirSync(path.join(process.cwd(), 'logs')));
//           ^^^^^^^^^^^^^^ sync-io-in-async
  });
}

// A feature flag says nothing of where the code runs.
if (config.exportsEnabled) {
  app.get('/exports/:name', async (req, res) => {
    res.send(fs.readFileSync(path.join(process.cwd(), 'exports', req.params.name)));
//           ^^^^^^^^^^^^^^^ sync-io-in-async
  });
}

// Compared with a value that does not set it, the flag says nothing either.
if (process.env.E2E_TESTS === 'false') {
  app.get('/uploads', async (_req, res) => {
    res.json(fs.readdirSync(path.join(process.cwd(), 'uploads')));
//           ^^^^^^^^^^^^^^ sync-io-in-async
  });
}

app.listen(3000);
