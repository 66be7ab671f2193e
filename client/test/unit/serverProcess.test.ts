import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { SERVER_EXEC_ARGV, serverEnvironment } from '../../src/serverProcess';

const SERVER_BUNDLE = path.resolve(__dirname, '../../../../dist/server.js');

describe("the language server's process", () => {
  it('compiles on its own thread and keeps two allocator arenas', () => {
    assert.deepEqual(SERVER_EXEC_ARGV, ['--no-concurrent-recompilation']);
    assert.deepEqual(serverEnvironment({}), { MALLOC_ARENA_MAX: '2' });
  });

  it("keeps the user's own allocator setting", () => {
    assert.deepEqual(serverEnvironment({ MALLOC_ARENA_MAX: '4' }), { MALLOC_ARENA_MAX: '4' });
  });

  it('starts and answers with those settings, forked as the extension forks it', async function () {
    this.timeout(30_000);
    const child = fork(SERVER_BUNDLE, ['--stdio'], {
      execArgv: [...SERVER_EXEC_ARGV],
      env: { ...process.env, ...serverEnvironment(process.env) },
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
  });
});
