const fs = require('node:fs');
const path = require('node:path');

const PLUGIN_DIR = path.join(process.cwd(), 'plugins');

class PluginService {
  // Only the application's start-up restores the plugins its database lists.
  async restoreMissingPlugins(names) {
    for (const name of names) {
      if (!fs.existsSync(path.join(PLUGIN_DIR, name))) await this.download(name);
    }
  }

  async download(name) {
    return fetch(`https://plugins.example.com/${name}.zip`);
  }

  // Listed for the admin page.
  async installedPlugins() {
    return fs.readdirSync(PLUGIN_DIR);
//         ^^^^^^^^^^^^^^ sync-io-in-async
  }
}

module.exports = { pluginService: new PluginService() };
