const fs = require('node:fs');
const path = require('node:path');
const knex = require('knex');

class Database {
  static dataDir = path.join(process.cwd(), 'data');

  static readConfig() {
    return JSON.parse(fs.readFileSync(path.join(Database.dataDir, 'db-config.json'), 'utf8'));
  }

  // The server connects once, before it listens; only the end-to-end tests reconnect.
  static async connect() {
    const config = this.readConfig();
    const file = path.join(Database.dataDir, 'app.sqlite');
    if (!fs.existsSync(file)) fs.copyFileSync(path.join(__dirname, 'template.sqlite'), file);
    Database.knex = knex({ ...config, connection: { filename: file } });
  }

  static async migrate() {
    for (const name of fs.readdirSync(path.join(__dirname, 'patches'))) await this.applyPatch(name);
    await Database.prune();
  }

  // Run after the migration, and every hour by a job.
  static async prune() {
    fs.rmSync(path.join(Database.dataDir, 'old-backups'), { recursive: true, force: true });
//  ^^^^^^^^^ sync-io-in-async
  }

  // Only the migration applies patches, and it runs at boot.
  static async applyPatch(name) {
    await Database.knex.raw(fs.readFileSync(path.join(__dirname, 'patches', name), 'utf8'));
  }

  static async backup(target) {
    fs.copyFileSync(path.join(Database.dataDir, 'app.sqlite'), target);
//  ^^^^^^^^^^^^^^^ sync-io-in-async
  }

  // Logged at boot, and asked for by a route too.
  static async size() {
    return fs.statSync(path.join(Database.dataDir, 'app.sqlite')).size;
  }
}

module.exports = Database;
