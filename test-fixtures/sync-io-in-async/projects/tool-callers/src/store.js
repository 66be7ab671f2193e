const fs = require('node:fs');
const path = require('node:path');

class Store {
  static dir = path.join(process.cwd(), 'data');

  // The server opens the store once, before it listens; the maintenance tools open it in their own process.
  static async open() {
    const settings = JSON.parse(fs.readFileSync(path.join(Store.dir, 'store.json'), 'utf8'));
    if (!fs.existsSync(settings.file)) fs.writeFileSync(settings.file, '[]');
    Store.file = settings.file;
  }

  // Run at boot, and again when an administrator asks for it.
  static async reload() {
    Store.entries = JSON.parse(fs.readFileSync(Store.file, 'utf8'));
//                             ^^^^^^^^^^^^^^^ sync-io-in-async
  }
}

module.exports = Store;
