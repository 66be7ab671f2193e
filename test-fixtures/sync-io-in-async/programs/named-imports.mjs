import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { scryptSync } from 'node:crypto';

async function save(dir, name, value) {
  writeFileSync(join(dir, name), JSON.stringify(value));
  return statSync(join(dir, name)).size;
}

async function load(dir, name) {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

export async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'perf-lint-named-'));
  const size = await save(dir, 'a.json', { id: 1, tags: ['x', 'y'] });
  const value = await load(dir, 'a.json');
  const names = readdirSync(dir);
  const roundTrip = gunzipSync(gzipSync(Buffer.from('zip me'))).toString();
  const derived = scryptSync('password', 'salt', 8).toString('hex');
  rmSync(dir, { recursive: true, force: true });
  console.log(size, JSON.stringify(value), names.join(','), roundTrip, derived);
}

await main();
