import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import type { DocumentStatusParams, ScanWorkspaceResult } from '../src/protocol';
import { applyWorkspaceEdit, rangeOf, TestClient, uriOf, waitFor } from './lspClient';
import { BLOCKING_READ, CLEAN } from './samples';

/** BLOCKING_READ with a second blocking call, for a second finding. */
const TWO_BLOCKING_CALLS = BLOCKING_READ.replace("import { readFileSync } from 'node:fs';", "import { readdirSync, readFileSync } from 'node:fs';").concat(
  "\nexport async function list() {\n  return readdirSync('.');\n}\n",
);

function actionsFor(client: TestClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

describe('language server: editor features', () => {
  let root: string;
  let storage: string;
  let settings: Record<string, unknown>;
  let client: TestClient;
  const documentStatuses: DocumentStatusParams[] = [];

  async function start(mode: 'pull' | 'push'): Promise<TestClient> {
    const started = await TestClient.start({ mode, workspaceFolders: [root], settings: () => settings, initializationOptions: { storagePath: storage } });
    started.connection.onNotification('perfLint/documentStatus', (params: DocumentStatusParams) => {
      documentStatuses.push(params);
    });
    return started;
  }

  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-editor-'));
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-storage-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'src/blocking.ts'), BLOCKING_READ);
    fs.writeFileSync(path.join(root, 'src/other.ts'), BLOCKING_READ);
    fs.writeFileSync(path.join(root, 'src/clean.ts'), CLEAN);
    settings = {};
    documentStatuses.length = 0;
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(storage, { recursive: true, force: true });
  });

  it('disables a rule for the whole file: one comment at the top, below a #! line, and a rule joins a comment already there', async () => {
    client = await start('pull');
    const uri = uriOf(path.join(root, 'src/script.ts'));
    // A server's entry point: a #! line alone would make it a one-off script, where the rule reports nothing.
    const text =
      "#!/usr/bin/env node\nimport express from 'express';\ndeclare function fetchUser(id: string): Promise<string>;\nexport async function loadAll(req: { body: { ids: string[] } }) {\n  return Promise.all(req.body.ids.map((id) => fetchUser(id)));\n}\n";
    await client.open(uri, text);
    const disableForFile = async (current: string): Promise<string> => {
      const [diagnostic, ...others] = await client.pull(uri);
      assert.deepEqual([diagnostic?.code, others], ['unbounded-promise-all', []]);
      const action = (await actionsFor(client, uri, diagnostic!)).find(
        (candidate) => candidate.title === 'Disable perf-lint unbounded-promise-all for this file',
      );
      assert.ok(action?.edit);
      return applyWorkspaceEdit(current, uri, action.edit);
    };
    const disabled = await disableForFile(text);
    assert.equal(disabled, text.replace('#!/usr/bin/env node\n', '#!/usr/bin/env node\n/* perf-lint-disable unbounded-promise-all */\n'));
    await client.change(uri, disabled);
    assert.deepEqual(await client.pull(uri), []);
    // A directive of another rule is extended, not repeated.
    const other = text.replace('#!/usr/bin/env node\n', '#!/usr/bin/env node\n/* perf-lint-disable sync-io-in-async */\n');
    await client.change(uri, other);
    assert.equal(
      await disableForFile(other),
      other.replace('perf-lint-disable sync-io-in-async */', 'perf-lint-disable sync-io-in-async, unbounded-promise-all */'),
    );
  });

  it('with run: onSave, a push client gets diagnostics of a document when it is saved, not as it is typed', async () => {
    settings = { run: 'onSave' };
    client = await start('push');
    const uri = uriOf(path.join(root, 'src/blocking.ts'));
    await client.open(uri, BLOCKING_READ);
    assert.equal((await client.pushed(uri)).length, 1);
    await client.change(uri, TWO_BLOCKING_CALLS);
    // The code actions request is answered after the change was handled, and nothing was published for it.
    await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: rangeOf(TWO_BLOCKING_CALLS, 'readdirSync', 1),
      context: { diagnostics: [] },
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(
      client.diagnostics.get(uri)?.some((params) => params.version === 2),
      false,
    );
    await client.save(uri);
    assert.deepEqual(
      (await client.pushed(uri)).map((diagnostic) => diagnostic.range),
      [rangeOf(TWO_BLOCKING_CALLS, 'readFileSync', 1), rangeOf(TWO_BLOCKING_CALLS, 'readdirSync', 1)],
    );
  });

  it('with run: onSave, a change of project facts analyzes again the open documents, but not the unsaved edits of one', async () => {
    settings = { run: 'onSave' };
    client = await start('push');
    const edited = uriOf(path.join(root, 'src/blocking.ts'));
    const untouched = uriOf(path.join(root, 'src/other.ts'));
    await client.open(edited, BLOCKING_READ);
    await client.open(untouched, BLOCKING_READ);
    await client.pushed(edited);
    await client.pushed(untouched);
    await client.change(edited, TWO_BLOCKING_CALLS);
    const untouchedPublished = client.diagnostics.get(untouched)?.length ?? 0;
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'app', dependencies: { pg: '^8.0.0' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(root, 'package.json')), type: 1 }] });
    await waitFor(() => ((client.diagnostics.get(untouched)?.length ?? 0) > untouchedPublished ? true : undefined), 'the untouched document analyzed again');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(
      client.diagnostics.get(edited)?.some((params) => params.version === 2),
      false,
    );
    await client.save(edited);
    assert.equal((await client.pushed(edited)).length, 2);
  });

  it('with run: onSave, a pull client is told "unchanged" until the document is saved', async () => {
    settings = { run: 'onSave' };
    client = await start('pull');
    const uri = uriOf(path.join(root, 'src/blocking.ts'));
    await client.open(uri, BLOCKING_READ);
    const first: { kind: string; resultId?: string; items?: Diagnostic[] } = await client.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
    });
    assert.equal(first.items?.length, 1);
    await client.change(uri, TWO_BLOCKING_CALLS);
    const held: { kind: string; resultId?: string } = await client.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    });
    assert.deepEqual(held, { kind: 'unchanged', resultId: first.resultId });
    await client.save(uri);
    const saved: { kind: string; items?: Diagnostic[] } = await client.connection.sendRequest('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: first.resultId,
    });
    assert.equal(saved.items?.length, 2);
  });

  it('tells whether an open document was analyzed: analyzed, excluded, not analyzed (too large), disabled', async () => {
    client = await start('pull');
    const uri = uriOf(path.join(root, 'src/blocking.ts'));
    await client.open(uri, BLOCKING_READ);
    await client.pull(uri);
    const expectStatus = async (state: DocumentStatusParams['state']): Promise<DocumentStatusParams> =>
      waitFor(() => documentStatuses.findLast((status) => status.uri === uri && status.state === state), state);
    await expectStatus('analyzed');
    for (const [change, state] of [
      [{ exclude: ['src/**'] }, 'excluded'],
      [{ maxFileSize: 10 }, 'notAnalyzed'],
      [{ enable: false }, 'disabled'],
    ] as const) {
      settings = change;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const items = await client.pull(uri);
      const status = await expectStatus(state);
      if (state === 'notAnalyzed') {
        const size = Buffer.byteLength(BLOCKING_READ, 'utf8');
        assert.equal(status.reason, `larger than perfLint.maxFileSize (${size} bytes, limit 10)`);
        assert.deepEqual(
          items.map((item) => item.message),
          [`Perf Lint did not analyze this file: larger than perfLint.maxFileSize (${size} bytes, limit 10).`],
        );
      } else {
        assert.deepEqual(items, []);
      }
    }
  });

  it("logs its start, where each folder's configuration comes from, each scan and the files it did not analyze", async () => {
    settings = { maxFileSize: 300 };
    fs.writeFileSync(path.join(root, 'src/large.ts'), `${BLOCKING_READ}// ${'x'.repeat(300)}\n`);
    client = await start('pull');
    const result: ScanWorkspaceResult = await client.connection.sendRequest('perfLint/scanWorkspace', {});
    assert.equal(result.files, 3);
    const logs = client.logs.map((log) => log.message);
    assert.match(
      logs[0]!,
      new RegExp(
        `^Perf Lint language server \\d+\\.\\d+\\.\\d+ started on Node ${process.version.replace(/\./g, '\\.')} \\(${process.platform}-${process.arch}\\); workspace folders: ${root}$`,
      ),
    );
    assert.ok(logs.includes(`Configuration of ${root}: the editor's perfLint settings`), logs.join('\n'));
    assert.ok(logs.includes(`Not analyzed: ${path.join(root, 'src/large.ts')}: larger than maxFileSize (455 bytes, limit 300)`), logs.join('\n'));
    assert.ok(
      logs.some((log) => /^Workspace scan: 3 files analyzed, 2 findings, 1 not analyzed, \d+\.\d s$/.test(log)),
      logs.join('\n'),
    );
  });

  it("shows the last scan's results after a restart without scanning, and analyzes again only what changed", async () => {
    client = await start('push');
    const result: ScanWorkspaceResult = await client.connection.sendRequest('perfLint/scanWorkspace', {});
    assert.equal(result.findings, 2);
    await client.stop();
    // Changed while the server was not running: its stored result no longer holds.
    fs.writeFileSync(path.join(root, 'src/other.ts'), CLEAN);
    client = await start('push');
    const blocking = uriOf(path.join(root, 'src/blocking.ts'));
    const other = uriOf(path.join(root, 'src/other.ts'));
    assert.deepEqual(
      (await client.pushed(blocking, () => true)).map((diagnostic) => diagnostic.range),
      [rangeOf(BLOCKING_READ, 'readFileSync', 1)],
    );
    await waitFor(() => (client.lastPublished(other)?.length === 0 ? true : undefined), 'the changed file analyzed again');
    assert.ok(
      client.logs.some(
        (log) =>
          log.message.startsWith("Restored the last scan's results of 2 files from ") && log.message.endsWith('; 1 changed since and are analyzed again'),
      ),
      client.logs.map((log) => log.message).join('\n'),
    );
    const report: { findings: Array<{ file: string }>; openFilesOnly?: boolean } = await client.connection.sendRequest('perfLint/report', {});
    assert.equal(report.openFilesOnly, undefined);
    assert.deepEqual(
      report.findings.map((finding) => finding.file),
      ['src/blocking.ts'],
    );
  });

  it('does not reuse results stored under other settings', async () => {
    client = await start('push');
    await client.connection.sendRequest('perfLint/scanWorkspace', {});
    await client.stop();
    settings = { rules: { 'sync-io-in-async': 'off' } };
    client = await start('push');
    await waitFor(() => client.logs.find((log) => log.message.includes('were made by another version or under other settings')), 'the stored scan declined');
    const report: { findings: unknown[]; openFilesOnly?: boolean } = await client.connection.sendRequest('perfLint/report', {});
    assert.deepEqual(report, { ...report, findings: [], openFilesOnly: true });
  });
});
