// The function a server's entry exports to start it runs once, when it ends by listening through a helper of the file;
// what only it calls runs at start-up too. A helper that a route also calls, and a start that never listens, still count.
const fs = require('fs');
const http = require('http');
const path = require('path');
const express = require('express');

const pluginsDir = path.join(process.cwd(), 'plugins');

const ensurePluginsFolder = async () => {
  if (!fs.existsSync(pluginsDir)) fs.mkdirSync(pluginsDir, { recursive: true });
};

const readManifest = async (name) => JSON.parse(fs.readFileSync(path.join(pluginsDir, name, 'package.json'), 'utf8'));
//                                              ^^^^^^^^^^^^^^^ sync-io-in-async

const startHttp = async (app, port) => {
  await new Promise((resolve) => http.createServer(app).listen(port, resolve));
};

const warmUp = async (names) => {
  for (const name of names) fs.statSync(path.join(pluginsDir, name));
  //                        ^^^^^^^^^^^ sync-io-in-async
};

async function reloadPlugins() {
  await warmUp(fs.readdirSync(pluginsDir));
  //           ^^^^^^^^^^^^^^ sync-io-in-async
}

module.exports = async ({ port = 3000 } = {}) => {
  await ensurePluginsFolder();
  await readManifest('core');
  const app = express();
  app.get('/plugins/:name', async (req, res) => {
    res.json(await readManifest(req.params.name));
  });
  await startHttp(app, port);
};

module.exports.reload = reloadPlugins;
