import { readFileSync, readdirSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';

const templates = {
  root: 'views',
  load(name: string): string {
    return readFileSync(join(this.root, `${name}.html`), 'utf8');
  },
};

const git = {
  revision: () => execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim(),
};

function sizeOf(dir: string): number {
  return readdirSync(dir).reduce((total, entry) => total + entryTotal(join(dir, entry)), 0);
}

function entryTotal(file: string): number {
  return statSync(file).isDirectory() ? sizeOf(file) : statSync(file).size;
}

function humanSize(dir: string): string {
  return `${(sizeOf(dir) / 1024).toFixed(1)} KiB`;
}

export async function statusPage(dir: string) {
  const html = templates.load('status');
//             ^^^^^^^^^^^^^^ sync-io-in-async
  return html.replace('{{size}}', humanSize(dir)).replace('{{revision}}', git.revision());
//                                ^^^^^^^^^ sync-io-in-async
//                                                                        ^^^^^^^^^^^^ sync-io-in-async
}

export async function onlyPure(values: number[]) {
  return values.map((value) => format(value)).join(', ');
}

function format(value: number): string {
  return value.toFixed(2);
}

// Called only from synchronous code: not on a request path.
export function report(dir: string): string {
  return humanSize(dir);
}
