// valid: tests read their fixtures synchronously; no request waits on them
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { describe, it, beforeEach } from 'vitest';

async function startServer() {
  execSync('npm run build', { stdio: 'inherit' });
  return { url: readFileSync('.server-url', 'utf8').trim() };
}

describe('upload', () => {
  beforeEach(async () => {
    if (existsSync('tmp/uploads')) rmSync('tmp/uploads', { recursive: true });
  });

  it('stores the file', async () => {
    const server = await startServer();
    const body = readFileSync('fixtures/avatar.png');
    await fetch(`${server.url}/upload`, { method: 'POST', body });
  });
});
