const fs = require('node:fs');
const path = require('node:path');
const express = require('express');
const { pluginService } = require('./plugin-service');

function App(root) {
  this.root = root;
  this.names = [];
}

App.prototype.init = async function () {
  await this.setupUploads();
  await Promise.all([this.setupPlugins(), this.setupTheme()]);
};

// Only init prepares the upload folder.
App.prototype.setupUploads = async function () {
  const dir = path.join(this.root, 'uploads');
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true });
};

App.prototype.setupPlugins = async function () {
  await pluginService.restoreMissingPlugins(this.names);
};

// init loads the theme, and so does every change of it.
App.prototype.setupTheme = async function () {
  this.css = fs.readFileSync(path.join(this.root, 'theme.css'), 'utf8');
//           ^^^^^^^^^^^^^^^ sync-io-in-async
};

App.prototype.changeTheme = async function (css) {
  await fs.promises.writeFile(path.join(this.root, 'theme.css'), css);
  await this.setupTheme();
};

App.prototype.start = async function () {
  await this.init();
  const server = express();
  server.post('/theme', async (req, res) => {
    await this.changeTheme(req.body.css);
    res.sendStatus(204);
  });
  server.get('/plugins', async (_req, res) => res.json(await pluginService.installedPlugins()));
  server.listen(3000);
};

module.exports = App;
