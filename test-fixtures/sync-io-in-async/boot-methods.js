import fs from 'node:fs';
import path from 'node:path';

// Loaded once by the server's entry before it listens; only `translate` serves requests.
export class Messages {
  constructor() {
    this.messages = {};
    this.folder = path.join(process.cwd(), 'messages');
  }

  async initialize() {
    await this.readAll();
  }

  async readAll() {
    for (const file of fs.readdirSync(this.folder)) {
      this.messages[file] = JSON.parse(fs.readFileSync(path.join(this.folder, file), 'utf8'));
    }
  }

  async reload(file) {
    this.messages[file] = JSON.parse(fs.readFileSync(path.join(this.folder, file), 'utf8'));
//                                   ^^^^^^^^^^^^^^^ sync-io-in-async
  }

  async translate(language, key) {
    if (!this.messages[language]) await this.reload(language);
    return this.messages[language][key];
  }
}
