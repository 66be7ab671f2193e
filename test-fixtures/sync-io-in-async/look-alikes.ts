// valid: names that only look like blocking calls, and blocking calls where nothing waits
import fs from 'node:fs';
import _ from 'lodash';
import { readFile } from 'node:fs/promises';

const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));
const banner = fs.existsSync('banner.txt') ? fs.readFileSync('banner.txt', 'utf8') : '';

class TemplateCache {
  private readonly entries = new Map<string, string>();

  readFileSync(name: string): string {
    return this.entries.get(name) ?? '';
  }

  async render(name: string): Promise<string> {
    return this.readFileSync(name).replace('{{banner}}', banner);
  }
}

function readFileSync(name: string): string {
  return `inline:${name}`;
}

const shell = {
  execSync(command: string): string {
    return command.toUpperCase();
  },
};

export async function handle(name: string, records: Array<{ sync(): void }>, store: { sync: () => Promise<void> }) {
  const cache = new TemplateCache();
  records.forEach((record) => record.sync());
  _.sync?.(records);
  await store.sync();
  return [cache.render(name), readFileSync(name), shell.execSync(name), JSON.parse(config.defaults)];
}

export async function withParameter(fs: { readFileSync(name: string): string }, name: string) {
  return fs.readFileSync(name);
}

export async function nonBlocking(name: string) {
  return readFile(name, 'utf8');
}

/** Synchronous code that no async code calls: a build step, not a server path. */
export function buildIndex(dir: string): string[] {
  return fs.readdirSync(dir).filter((entry) => fs.statSync(`${dir}/${entry}`).isFile());
}

export async function schedule(name: string) {
  // Runs later on a timer, not while this function holds the event loop.
  setTimeout(() => fs.writeFileSync(name, 'done'), 1000);
}
