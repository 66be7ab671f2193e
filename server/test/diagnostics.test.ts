import * as assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, type Diagnostic, type InitializeResult } from 'vscode-languageserver/node';
import { docsUrl } from '../../rules/src/registry';
import { analyze } from '../../rules/src/engine';
import { expectedFindings, fixtureFiles, toExpected } from '../../rules/test/annotations';
import { SYNTAX_ERROR_CODE } from '../../rules/test/hostile-files';
import { asExpected, languageOf, rangeOf, REPO_ROOT, SERVER_BUNDLE, TestClient, uriOf, waitFor } from './lspClient';
import { BLOCKING_READ, CLEAN } from './samples';

/** The simplest await-in-loop: independent fetches, one after another. */
const AWAIT_IN_LOOP = 'async function f(ids) { for (const id of ids) { await fetch(id); } }\n';

const WORKSPACE = path.join('/', 'workspace', 'project');
const uriIn = (name: string): string => uriOf(path.join(WORKSPACE, name));

describe('language server: initialize', () => {
  it('offers pull diagnostics to a client that pulls, and code actions, commands and incremental sync', async () => {
    const client = await TestClient.start({ mode: 'pull' });
    try {
      const { capabilities } = client.initializeResult;
      assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'perf-lint', interFileDependencies: false, workspaceDiagnostics: false });
      assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
      assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.perf-lint'] });
      assert.deepEqual(capabilities.executeCommandProvider, { commands: ['perfLint.showDocumentation'] });
      assert.equal(client.initializeResult.serverInfo?.name, 'perf-lint-language-server');
    } finally {
      await client.stop();
    }
  });

  it('offers no pull diagnostics to a client that cannot pull, and registers its file watchers and settings', async () => {
    const client = await TestClient.start({ mode: 'push' });
    try {
      assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
      await waitFor(() => (client.registrations.length >= 2 ? true : undefined), 'registrations');
      assert.deepEqual([...client.registrations].sort(), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
    } finally {
      await client.stop();
    }
  });

  it('answers over node IPC, the transport VS Code starts it with', async () => {
    const child = fork(SERVER_BUNDLE, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result: InitializeResult = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'perf-lint-language-server');
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it("is the package's perf-lint-language-server command, and says how to start it when no transport is given", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.equal(path.resolve(REPO_ROOT, manifest.bin['perf-lint-language-server']!), SERVER_BUNDLE);
    assert.equal(fs.readFileSync(SERVER_BUNDLE, 'utf8').split('\n', 1)[0], '#!/usr/bin/env node');
    const run = spawnSync(process.execPath, [SERVER_BUNDLE], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'Usage: perf-lint-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  });
});

describe('language server: pushed diagnostics', () => {
  let client: TestClient;
  before(async () => (client = await TestClient.start({ mode: 'push', settings: () => ({}) })));
  after(() => client.stop());

  it('publishes a finding with its exact range, rule, link and severity, for the version it was computed for', async () => {
    const uri = uriIn('push-open.ts');
    await client.open(uri, BLOCKING_READ);
    const diagnostics = await client.pushed(uri);
    assert.deepEqual(
      diagnostics.map(({ message: _message, ...rest }) => rest),
      [
        {
          range: rangeOf(BLOCKING_READ, 'readFileSync', 1),
          severity: 2,
          source: 'perf-lint',
          code: 'sync-io-in-async',
          codeDescription: { href: docsUrl('sync-io-in-async') },
          data: {
            key: `sync-io-in-async:${BLOCKING_READ.indexOf('readFileSync(')}:${BLOCKING_READ.indexOf('readFileSync(') + 'readFileSync'.length}`,
            version: 1,
          },
        },
      ],
    );
    assert.match(String(diagnostics[0]!.message), /readFileSync/);
  });

  it('follows edits: only the last of quick edits is analyzed and published, and closing clears', async () => {
    const uri = uriIn('push-edit.ts');
    await client.open(uri, BLOCKING_READ);
    assert.equal((await client.pushed(uri)).length, 1);
    await client.change(uri, `// a\n${BLOCKING_READ}`);
    await client.change(uri, `// a\n// b\n${BLOCKING_READ}`);
    const last = await client.change(uri, CLEAN);
    assert.deepEqual(await client.pushed(uri), []);
    const published = client.diagnostics.get(uri)!.map((params) => params.version);
    // Edits sent together fall within one pause; a machine too busy to read them within it may publish one more.
    assert.ok(published.length < 4, `quick edits are analyzed once: published ${published.join(', ')}`);
    assert.deepEqual(
      published,
      [...published].sort((a, b) => (a ?? 0) - (b ?? 0)),
      'never an older version after a newer one',
    );
    assert.equal(published.at(-1), last);
    await client.close(uri);
    await waitFor(() => (client.diagnostics.get(uri)!.length === published.length + 1 ? true : undefined), 'diagnostics cleared on close');
    assert.deepEqual(client.lastPublished(uri), []);
  });

  it('reports await-in-loop for independent awaits in a loop', async () => {
    const uri = uriIn('await-in-loop.js');
    await client.open(uri, AWAIT_IN_LOOP, 'javascript');
    const diagnostics = await client.pushed(uri);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
      [['await-in-loop', rangeOf(AWAIT_IN_LOOP, 'await')]],
    );
  });
});

describe('language server: pulled diagnostics', () => {
  let client: TestClient;
  let settings: Record<string, unknown> = {};
  before(async () => (client = await TestClient.start({ mode: 'pull', settings: () => settings })));
  after(() => client.stop());
  afterEach(() => (settings = {}));

  it('answers a pull with the findings of the current version', async () => {
    const uri = uriIn('pull.ts');
    await client.open(uri, BLOCKING_READ);
    assert.deepEqual(
      (await client.pull(uri)).map((diagnostic) => [diagnostic.code, diagnostic.range, diagnostic.severity]),
      [['sync-io-in-async', rangeOf(BLOCKING_READ, 'readFileSync', 1), 2]],
    );
    await client.change(uri, CLEAN);
    assert.deepEqual(await client.pull(uri), []);
    await client.close(uri);
  });

  it('never reports on documents that are not TypeScript or JavaScript', async () => {
    for (const [name, languageId] of [
      ['notes.md', 'markdown'],
      ['data.json', 'json'],
      ['types.d.ts', 'typescript'],
      ['page.vue', 'vue'],
    ] as const) {
      const uri = uriIn(name);
      await client.open(uri, BLOCKING_READ, languageId);
      assert.deepEqual(await client.pull(uri), [], name);
      await client.close(uri);
    }
  });

  it('analyzes an untitled document by its language', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, BLOCKING_READ, 'typescript');
    assert.deepEqual(
      (await client.pull(uri)).map((diagnostic) => diagnostic.range),
      [rangeOf(BLOCKING_READ, 'readFileSync', 1)],
    );
    await client.close(uri);
  });

  it('reads settings per document: a rule turned off disappears, a severity applies, after a refresh', async () => {
    const uri = uriIn('settings.ts');
    await client.open(uri, BLOCKING_READ);
    assert.equal((await client.pull(uri)).length, 1);
    assert.ok(client.configurationRequests.includes(uri), 'settings were asked for the document');

    settings = { rules: { 'sync-io-in-async': 'off' } };
    const refreshes = client.refreshRequests;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await waitFor(() => (client.refreshRequests > refreshes ? true : undefined), 'a diagnostics refresh');
    assert.deepEqual(await client.pull(uri), []);

    settings = { rules: { 'sync-io-in-async': 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(
      (await client.pull(uri)).map((diagnostic) => diagnostic.severity),
      [1],
    );

    settings = { enable: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await client.pull(uri), []);
    await client.close(uri);
  });

  it('ignores a bad setting with a warning and applies the others', async () => {
    const uri = uriIn('bad-settings.ts');
    settings = { rules: { 'sync-io-in-async': 'info', 'no-such-rule': 'error' }, concurrencyLimit: -1 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.open(uri, BLOCKING_READ);
    assert.deepEqual(
      (await client.pull(uri)).map((diagnostic) => diagnostic.severity),
      [3],
    );
    const warnings = client.logs.filter((log) => log.type === 2).map((log) => log.message);
    assert.ok(
      warnings.some((message) => message.includes('"rules.no-such-rule" is not a rule')),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((message) => message.includes('"concurrencyLimit"')),
      warnings.join('\n'),
    );
    await client.close(uri);
  });

  it('gives an edited document the diagnostics a fresh open of the same text gets, in every shared fixture', async function () {
    this.timeout(120_000);
    // Each diagnostic names the document version it was computed for, which differs by design.
    const unversioned = (diagnostics: Diagnostic[]): string => JSON.stringify(diagnostics, (key, value: unknown) => (key === 'version' ? undefined : value));
    for (const file of fixtureFiles()) {
      const original = fs.readFileSync(file, 'utf8');
      const middle = original.indexOf('\n', original.length >> 1) + 1;
      const third = original.indexOf('\n', original.length / 3) + 1;
      const versions = [
        `${original.slice(0, middle)}\n${original.slice(middle)}`,
        `${original.slice(0, third)}  // checked\n${original.slice(third)}`,
        original,
      ];
      const uri = uriOf(file);
      await client.open(uri, original, languageOf(file));
      await client.pull(uri);
      const edited: string[] = [];
      for (const version of versions) {
        await client.change(uri, version);
        edited.push(unversioned(await client.pull(uri)));
      }
      await client.close(uri);
      for (const [index, version] of versions.entries()) {
        await client.open(uri, version, languageOf(file));
        assert.equal(edited[index], unversioned(await client.pull(uri)), `${file}, version ${index}`);
        await client.close(uri);
      }
    }
  });

  describe('every shared fixture gives the diagnostics its annotations list', () => {
    for (const file of fixtureFiles()) {
      it(path.relative(path.join(__dirname, '../../../test-fixtures'), file), async () => {
        const text = fs.readFileSync(file, 'utf8');
        const uri = uriOf(file);
        await client.open(uri, text, languageOf(file));
        const diagnostics = await client.pull(uri);
        await client.close(uri);
        assert.deepEqual(asExpected(diagnostics), expectedFindings(text));
      });
    }
  });
});

describe('language server: hostile documents', () => {
  let client: TestClient;
  before(async () => (client = await TestClient.start({ mode: 'pull', settings: () => ({}) })));
  after(() => client.stop());

  it('analyzes the intact code around a syntax error, as the core does', async () => {
    const uri = uriIn('syntax-error.ts');
    await client.open(uri, SYNTAX_ERROR_CODE);
    const expected = toExpected(SYNTAX_ERROR_CODE, analyze(SYNTAX_ERROR_CODE, 'syntax-error.ts').findings);
    assert.ok(expected.length > 0);
    assert.deepEqual(asExpected(await client.pull(uri)), expected);
  });

  it('says at the top of binary garbage and of 20,000 nested parentheses that they were not analyzed, and stays up', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    // The blocking call makes the rules parse the file; one parenthesis per line keeps it from looking minified.
    const nested = `import { readFileSync } from 'node:fs';\nexport async function f() { return readFileSync('a'); }\nexport const deep = ${'(\n'.repeat(20_000)}1${')\n'.repeat(20_000)};\n`;
    for (const [name, text] of [
      ['garbage.ts', garbage],
      ['nested.ts', nested],
    ] as const) {
      const uri = uriIn(name);
      await client.open(uri, text);
      const { findings, error } = analyze(text, name);
      assert.equal(error?.kind, 'not-analyzed', name);
      assert.deepEqual(findings, []);
      const start = { line: 0, character: 0 };
      assert.deepEqual(await client.pull(uri), [
        {
          range: { start, end: start },
          severity: 3,
          source: 'perf-lint',
          message: `Perf Lint did not analyze this file: ${error.message.replace('not analyzed: ', '')}.`,
        },
      ]);
      await client.close(uri);
    }
    assert.ok(client.alive);
    const uri = uriIn('after.ts');
    await client.open(uri, BLOCKING_READ);
    assert.equal((await client.pull(uri)).length, 1);
  });
});
