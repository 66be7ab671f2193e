import fs from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import express from 'express';

const cacheDir = path.join(process.cwd(), 'storage', 'cache');
const catalogFile = path.join(cacheDir, 'catalog.json');
const ROBOTS = 'User-agent: *\nDisallow: /admin\n';

const app = express();

// One file at a fixed path, saved once per refresh after the remote answer it holds has arrived.
export async function refreshCatalog(apiUrl: string): Promise<unknown[]> {
  const response = await fetch(`${apiUrl}/catalog`);
  const items = (await response.json()) as unknown[];
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(catalogFile, JSON.stringify(items));
  fs.writeFileSync(path.join(cacheDir, '.fetched_at'), String(Date.now()));
  return items;
}

// The same, in the callback that continues the fetch.
export function refreshPlans(apiUrl: string) {
  return fetch(`${apiUrl}/plans`)
    .then((response) => response.json())
    .then((plans) => {
      fs.writeFileSync(path.join(cacheDir, 'plans.json'), JSON.stringify(plans));
      return plans;
    });
}

// The saved copy is read only when the remote one cannot be fetched.
export async function catalog(apiUrl: string): Promise<unknown[]> {
  try {
    return await refreshCatalog(apiUrl);
  } catch (error) {
    console.warn('catalog service unreachable, serving the saved copy', error);
    return JSON.parse(fs.readFileSync(catalogFile, 'utf8'));
  }
}

function loadSaved(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(cacheDir, `${name}.json`), 'utf8'));
}

export function featureFlags(apiUrl: string) {
  return fetch(`${apiUrl}/flags`)
    .then((response) => response.json())
    .catch(() => loadSaved('flags'));
}

// A file per key: each call writes another one.
export async function saveAnswer(apiUrl: string, key: string) {
  const answer = await (await fetch(`${apiUrl}/answers/${key}`)).text();
  fs.writeFileSync(path.join(cacheDir, `${key}.txt`), answer);
//^^^^^^^^^^^^^^^^ sync-io-in-async
  return answer;
}

// Nothing awaited before it: the write is the function's own work.
export async function saveSettings(settings: Record<string, string>) {
  fs.writeFileSync(path.join(cacheDir, 'settings.json'), JSON.stringify(settings));
//^^^^^^^^^^^^^^^^ sync-io-in-async
  await fetch('http://localhost:9000/reload', { method: 'POST' });
}

// Saved once per page of a loop, the fixed file is rewritten for every item.
export async function mirrorPages(apiUrl: string) {
  const pages = (await (await fetch(`${apiUrl}/pages`)).json()) as string[];
  for (const body of pages) {
    fs.writeFileSync(path.join(cacheDir, 'last-page.html'), body);
//  ^^^^^^^^^^^^^^^^ sync-io-in-async
  }
}

// A command in a fallback still blocks for as long as the child process runs.
export async function revision(): Promise<string> {
  try {
    return await fs.promises.readFile(path.join(cacheDir, 'REVISION'), 'utf8');
  } catch {
    return execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
//         ^^^^^^^^ sync-io-in-async
  }
}

// What the request asks for, read on the path every request takes.
app.get('/saved/:section', async (req, res) => {
  res.type('json').send(fs.readFileSync(path.join(cacheDir, `${req.params.section}.json`), 'utf8'));
//                      ^^^^^^^^^^^^^^^ sync-io-in-async
});

// Constant data compresses in microseconds.
app.get('/robots.txt', (req, res) => {
  res.set('Content-Encoding', 'gzip').type('text/plain').send(gzipSync(ROBOTS));
});

app.get('/health', (req, res) => {
  res.set('Content-Encoding', 'gzip').send(gzipSync(Buffer.from('ok')));
});

// The request's body is as large as the client makes it.
app.post('/archive', (req, res) => {
  res.set('Content-Encoding', 'gzip').send(gzipSync(Buffer.from(JSON.stringify(req.body))));
//                                         ^^^^^^^^ sync-io-in-async
});

export { app };
