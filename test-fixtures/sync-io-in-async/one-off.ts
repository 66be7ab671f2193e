// One-off reads (startup, lifecycle hooks, values computed once) are left alone; request paths and slow key derivation are not.
import * as fs from 'node:fs';
import { scryptSync } from 'node:crypto';
import express from 'express';

let template: string | undefined;
const cache: { schema?: string } = {};

function loadTemplate(): string {
  if (!template) template = fs.readFileSync('./template.html', 'utf8');
  return template;
}

export async function render(name: string): Promise<string> {
  cache.schema ??= fs.readFileSync('./schema.json', 'utf8');
  return loadTemplate().replace('{{name}}', name);
}

export class MailService {
  private layout?: string;

  async onModuleInit(): Promise<void> {
    this.layout = fs.readFileSync('./layout.html', 'utf8');
  }

  async send(to: string): Promise<string> {
    if (!this.layout) {
      this.layout = fs.readFileSync('./layout.html', 'utf8');
    }
    return `${to}: ${this.layout}`;
  }

  async attachment(file: string): Promise<Buffer> {
    return fs.readFileSync(file);
    //     ^^^^^^^^^^^^^^^ sync-io-in-async
  }
}

export async function start(port: number): Promise<void> {
  const app = express();
  const key = fs.readFileSync('./key.pem');
  const secret = scryptSync('password', 'salt', 64);
  //             ^^^^^^^^^^ sync-io-in-async
  app.get('/report', (req, res) => {
    res.send(fs.readFileSync(`./reports/${String(req.query.id)}.txt`, 'utf8'));
    //       ^^^^^^^^^^^^^^^ sync-io-in-async
  });
  app.listen(port, () => console.log(key.length, secret.length));
}
