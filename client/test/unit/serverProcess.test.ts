import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { SERVER_EXEC_ARGV, serverEnvironment } from '../../src/serverProcess';

const SERVER_BUNDLE = path.resolve(__dirname, '../../../../dist/server.js');

/** Forks the server as the extension forks it, asks it to initialize, shuts it down and waits for its exit. */
async function startAndStop(env: Record<string, string>): Promise<void> {
  const child = fork(SERVER_BUNDLE, ['--stdio'], {
    execArgv: [...SERVER_EXEC_ARGV],
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  try {
    const answer = await Promise.race([
      connection.sendRequest<{ capabilities: { textDocumentSync?: unknown } }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} }),
      exited.then((code) => Promise.reject(new Error(`the server exited with ${code}: ${stderr}`))),
    ]);
    assert.ok(answer.capabilities.textDocumentSync, 'documents are synchronized');
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    child.kill();
  }
}

describe("the language server's process", () => {
  it('compiles on its own thread and keeps two allocator arenas', () => {
    assert.deepEqual(SERVER_EXEC_ARGV, ['--no-concurrent-recompilation']);
    assert.deepEqual(serverEnvironment({}), { MALLOC_ARENA_MAX: '2' });
  });

  it("keeps the user's own allocator setting", () => {
    assert.deepEqual(serverEnvironment({ MALLOC_ARENA_MAX: '4' }), { MALLOC_ARENA_MAX: '4' });
  });

  it("keeps its compiled code in the extension's storage", () => {
    assert.deepEqual(serverEnvironment({}, '/home/u/.config/Code/User/globalStorage/perf-lint'), {
      MALLOC_ARENA_MAX: '2',
      PERF_LINT_CODE_CACHE: '/home/u/.config/Code/User/globalStorage/perf-lint',
    });
  });

  it('starts and answers with those settings, forked as the extension forks it', async function () {
    this.timeout(30_000);
    await startAndStop(serverEnvironment(process.env));
  });

  it('writes its code cache into the storage folder as it exits, and starts from it the next time without writing it again', async function () {
    this.timeout(60_000);
    const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-storage-'));
    try {
      // The editor's storage folder may not exist yet.
      const folder = path.join(storage, 'perf-lint');
      await startAndStop(serverEnvironment(process.env, folder));
      const cache = path.join(folder, 'server.v8cache');
      const written = fs.statSync(cache);
      assert.ok(written.size > 100_000, `a cache of ${written.size} bytes`);
      await startAndStop(serverEnvironment(process.env, folder));
      assert.equal(fs.statSync(cache).mtimeMs, written.mtimeMs, 'the second start compiled from the cache, so it left it as it was');
      assert.deepEqual(fs.readdirSync(folder), ['server.v8cache']);
    } finally {
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });
});
