import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CancellationTokenSource, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isDeclarationFile } from '../../rules/src/data';
import { analyze, DEFAULT_OPTIONS as OPTIONS } from '../../rules/src/engine';
import type { ReportData } from '../../rules/src/report';
import { expectedFindings, FIXTURES_DIR, fixtureFiles } from '../../rules/test/annotations';
import { writeHostileFolder } from '../../rules/test/hostile-files';
import { FACTS_DEBOUNCE_MS } from '../src/documents';
import type { ScanWorkspaceResult } from '../src/protocol';
import { asExpected, languageOf, TestClient, uriOf, waitFor } from './lspClient';
import { BLOCKING_READ, CLEAN } from './samples';

const MAX_FILE_SIZE = 64 * 1024;

/** Diagnostics the core's findings give for a file, computed in the test from the same analysis. */
function coreDiagnostics(file: string): Array<{ code: string; range: unknown }> {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const document = TextDocument.create(uriOf(file), 'typescript', 0, text);
  return analyze(text, file, { ...OPTIONS, maxFileSize: MAX_FILE_SIZE }).findings.map((finding) => ({
    code: finding.ruleId,
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
  }));
}

/** Why the core does not analyze a file. */
function coreReason(file: string): string {
  const { error } = analyze(fs.readFileSync(file, 'utf8'), file, { ...OPTIONS, maxFileSize: MAX_FILE_SIZE });
  assert.equal(error?.kind, 'not-analyzed', file);
  return error.message.replace(/^not analyzed: /, '');
}

function brief(diagnostics: readonly Diagnostic[] | undefined): Array<{ code: unknown; range: unknown }> | undefined {
  return diagnostics?.map((diagnostic) => ({ code: diagnostic.code, range: diagnostic.range }));
}

function write(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

function scan(client: TestClient, params: object | undefined, token?: CancellationTokenSource['token']): Promise<ScanWorkspaceResult> {
  return client.connection.sendRequest('perfLint/scanWorkspace', params, token);
}

/** Pulls a document's diagnostics until they are `expected`: the first answers may come before the index is read, and the server then asks for a refresh. */
async function pullUntil(client: TestClient, uri: string, expected: unknown): Promise<void> {
  let diagnostics = asExpected(await client.pull(uri));
  for (let attempt = 0; attempt < 200 && !isDeepStrictEqual(diagnostics, expected); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    diagnostics = asExpected(await client.pull(uri));
  }
  assert.deepEqual(diagnostics, expected);
}

describe('language server: workspace scan', () => {
  let root: string;
  let client: TestClient;
  const settings = { exclude: ['src/generated/**'], maxFileSize: MAX_FILE_SIZE };

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-scan-'));
    write(root, {
      '.gitignore': 'ignored.ts\n/tmp/\n',
      'package.json': '{"name":"sample","dependencies":{"p-limit":"^6.0.0"}}',
      'src/blocking.ts': BLOCKING_READ,
      'src/clean.ts': CLEAN,
      'src/ignored.ts': BLOCKING_READ,
      'tmp/scratch.ts': BLOCKING_READ,
      'src/generated/client.ts': BLOCKING_READ,
      'node_modules/dep/index.js': BLOCKING_READ,
      'dist/bundle.js': BLOCKING_READ,
      'README.md': BLOCKING_READ,
    });
    writeHostileFolder(path.join(root, 'hostile'), MAX_FILE_SIZE);
    client = await TestClient.start({ mode: 'pull', workspaceFolders: [root], settings: () => settings });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const listed = (): string[] =>
    [
      'src/blocking.ts',
      'src/clean.ts',
      'dist/bundle.js',
      'hostile/ordinary.ts',
      'hostile/name with spaces.ts',
      'hostile/ünïcödé 名前.ts',
      'hostile/nested/deeper/ordinary.mjs',
      'hostile/bom-crlf.ts',
      'hostile/empty.ts',
      'hostile/syntax-error.ts',
    ].map((name) => path.join(root, name));

  it('analyzes every listed file, reports progress on the client token, and lists what it skipped', async () => {
    const result = await scan(client, { workDoneToken: 'scan-1' });
    const expectedFindings = listed().reduce((total, file) => total + coreDiagnostics(file).length, 0);
    assert.ok(expectedFindings > 0);
    assert.deepEqual(
      { ...result, durationMs: 0, skipped: [...result.skipped].sort((a, b) => a.file.localeCompare(b.file)) },
      {
        files: listed().length,
        findings: expectedFindings,
        skipped: [
          { file: 'hostile/binary.ts', reason: coreReason(path.join(root, 'hostile', 'binary.ts')) },
          { file: 'hostile/dangling.ts', reason: 'broken symbolic link' },
          ...['deep.ts', 'huge.ts'].map((name) => ({
            file: `hostile/${name}`,
            reason: `larger than maxFileSize (${fs.statSync(path.join(root, 'hostile', name)).size} bytes, limit ${MAX_FILE_SIZE})`,
          })),
          { file: 'hostile/latin1.ts', reason: coreReason(path.join(root, 'hostile', 'latin1.ts')) },
          { file: 'hostile/loop-a.ts', reason: 'unreadable (ELOOP)' },
          { file: 'hostile/loop-b.ts', reason: 'unreadable (ELOOP)' },
          { file: 'hostile/minified.js', reason: coreReason(path.join(root, 'hostile', 'minified.js')) },
          { file: 'hostile/nested/parent-loop', reason: 'symbolic link to a folder, not followed' },
        ],
        durationMs: 0,
        cancelled: false,
      },
    );

    const progress = client.progress.filter((item) => item.token === 'scan-1').map((item) => item.value);
    assert.deepEqual(progress[0], { kind: 'begin', title: 'Perf Lint: scanning the workspace', percentage: 0, message: 'Listing files', cancellable: true });
    assert.deepEqual(progress.at(-1), { kind: 'end' });
    const percentages = progress.flatMap((value) => (value.kind === 'report' && value.percentage !== undefined ? [value.percentage] : []));
    assert.deepEqual(
      percentages,
      [...percentages].sort((a, b) => a - b),
      'progress only grows',
    );
    assert.equal(percentages.at(-1), 100);
  });

  it('publishes the findings of files that are not open, exactly as the core finds them, and nothing for skipped files', async () => {
    for (const file of listed()) assert.deepEqual(brief(client.lastPublished(uriOf(file))), coreDiagnostics(file), file);
    for (const name of ['src/ignored.ts', 'tmp/scratch.ts', 'src/generated/client.ts', 'node_modules/dep/index.js', 'README.md']) {
      assert.equal(client.lastPublished(uriOf(path.join(root, name))), undefined, name);
    }
    const status = client.statuses.at(-1);
    assert.deepEqual(status, { state: 'ready', findings: listed().reduce((total, file) => total + coreDiagnostics(file).length, 0) });
    assert.ok(client.statuses.some((item) => item.state === 'scanning'));
  });

  it('keeps scanned files current as they change, appear and disappear on disk', async () => {
    const blocking = path.join(root, 'src/blocking.ts');
    const added = path.join(root, 'src/added.ts');
    const ignored = path.join(root, 'tmp/later.ts');
    fs.writeFileSync(blocking, CLEAN);
    fs.writeFileSync(added, BLOCKING_READ);
    fs.writeFileSync(ignored, BLOCKING_READ);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf(blocking), type: 2 },
        { uri: uriOf(added), type: 1 },
        { uri: uriOf(ignored), type: 1 },
      ],
    });
    await waitFor(() => (client.lastPublished(uriOf(blocking))?.length === 0 && client.lastPublished(uriOf(added)) ? true : undefined), 'updated diagnostics');
    assert.deepEqual(brief(client.lastPublished(uriOf(added))), coreDiagnostics(added));
    fs.rmSync(added);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 3 }] });
    await waitFor(() => (client.lastPublished(uriOf(added))?.length === 0 ? true : undefined), 'cleared diagnostics');
    assert.equal(client.lastPublished(uriOf(ignored)), undefined, 'a file .gitignore excludes stays out');
    fs.writeFileSync(blocking, BLOCKING_READ);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(blocking), type: 2 }] });
    await waitFor(() => (client.lastPublished(uriOf(blocking))?.length === 1 ? true : undefined), 'restored diagnostics');
  });

  it('hands an opened file to the document, and publishes the disk state again when it closes', async () => {
    const blocking = path.join(root, 'src/blocking.ts');
    const uri = uriOf(blocking);
    await client.open(uri, CLEAN);
    await waitFor(() => (client.lastPublished(uri)?.length === 0 ? true : undefined), 'the scan diagnostics cleared for the open document');
    assert.deepEqual(await client.pull(uri), []);
    await client.close(uri);
    await waitFor(() => (client.lastPublished(uri)?.length === 1 ? true : undefined), 'the disk diagnostics back');
  });

  it('reports every known file relative to the workspace folder, open documents as they are now', async () => {
    const uri = uriOf(path.join(root, 'src/clean.ts'));
    await client.open(uri, BLOCKING_READ);
    const report: ReportData = await client.connection.sendRequest('perfLint/report');
    await client.close(uri);
    assert.equal(report.root, path.basename(root));
    assert.equal(report.files, listed().length);
    assert.deepEqual(
      report.findings
        .filter((finding) => finding.file.startsWith('src/'))
        .map(({ file, line, column, rule, fixable, lineText }) => ({ file, line, column, rule, fixable, lineText })),
      ['src/blocking.ts', 'src/clean.ts'].map((file) => ({
        file,
        line: 4,
        column: 16,
        rule: 'sync-io-in-async',
        fixable: true,
        lineText: "const text = readFileSync(name, 'utf8');",
      })),
    );
    assert.deepEqual(report.skipped.map((item) => item.file).sort(), [
      'hostile/binary.ts',
      'hostile/dangling.ts',
      'hostile/deep.ts',
      'hostile/huge.ts',
      'hostile/latin1.ts',
      'hostile/loop-a.ts',
      'hostile/loop-b.ts',
      'hostile/minified.js',
      'hostile/nested/parent-loop',
    ]);
  });

  it('creates its own progress when the client sends no token', async () => {
    const created = client.createdProgressTokens.length;
    const result = await scan(client, undefined);
    const token = client.createdProgressTokens[created]!;
    assert.notEqual(token, undefined);
    const progress = client.progress.filter((item) => item.token === token).map((item) => item.value.kind);
    assert.equal(progress[0], 'begin');
    assert.equal(progress.at(-1), 'end');
    assert.equal(result.cancelled, false);
  });
});

describe('language server: cancelling a long scan', () => {
  const FILES = 1000;
  let root: string;
  let client: TestClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-cancel-'));
    write(root, Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`src/file${String(i).padStart(3, '0')}.ts`, BLOCKING_READ])));
    client = await TestClient.start({ mode: 'push', workspaceFolders: [root], settings: () => ({}) });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** Waits until the scan on `token` has analyzed some files, so that a cancellation lands mid-scan. */
  const underway = (token: string | number | undefined): Promise<true> =>
    waitFor(
      () => (client.progress.some((item) => item.token === token && item.value.kind === 'report' && (item.value.percentage ?? 0) > 0) ? true : undefined),
      'progress',
    );

  function assertCancelledMidway(result: ScanWorkspaceResult, token: string | number): void {
    assert.equal(result.cancelled, true);
    assert.ok(result.files > 0 && result.files < FILES, `${result.files} files`);
    assert.equal(result.findings, result.files);
    assert.deepEqual(client.progress.filter((item) => item.token === token).at(-1)?.value, { kind: 'end' });
  }

  it('answers early with what it found so far when the request is cancelled, and ends its progress', async () => {
    const source = new CancellationTokenSource();
    const request = scan(client, { workDoneToken: 'long' }, source.token);
    await underway('long');
    source.cancel();
    assertCancelledMidway(await request, 'long');
  });

  it('stops when the progress it created is cancelled', async () => {
    const request = scan(client, undefined);
    const token = await waitFor(() => client.createdProgressTokens[0], 'a created progress token');
    await underway(token);
    await client.connection.sendNotification('window/workDoneProgress/cancel', { token });
    assertCancelledMidway(await request, token);
  });

  it('still answers after the cancelled scans', async () => {
    const uri = uriOf(path.join(root, 'src/extra.ts'));
    await client.open(uri, BLOCKING_READ);
    assert.equal((await client.pushed(uri)).length, 1);
  });
});

describe('language server: settings from .perflintrc.json', () => {
  let root: string;
  let client: TestClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-rc-'));
    write(root, {
      '.perflintrc.json': JSON.stringify({ rules: { 'sync-io-in-async': 'error' } }),
      'src/blocking.ts': BLOCKING_READ,
    });
    client = await TestClient.start({ mode: 'push', workspaceFolders: [root] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('applies the file of the workspace folder when the client has no settings of its own', async () => {
    const uri = uriOf(path.join(root, 'src/blocking.ts'));
    await client.open(uri, BLOCKING_READ);
    assert.deepEqual(
      (await client.pushed(uri)).map((diagnostic) => diagnostic.severity),
      [1],
    );
  });

  it('names the bad key of an invalid file, falls back to the defaults, and rereads the file when it changes', async () => {
    const uri = uriOf(path.join(root, 'src/blocking.ts'));
    const rc = path.join(root, '.perflintrc.json');
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'sync-io-in-async': 'loud' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rc), type: 2 }] });
    await waitFor(() => (client.lastPublished(uri)?.[0]?.severity === 2 ? true : undefined), 'default severity');
    assert.deepEqual(
      client.messages.map((message) => [message.type, message.message]),
      [[1, `Perf Lint: ${rc}: "rules.sync-io-in-async" must be one of off, info, warning, error, or [severity, { options }]; using the default settings.`]],
    );
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'sync-io-in-async': 'off' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rc), type: 2 }] });
    await waitFor(() => (client.lastPublished(uri)?.length === 0 ? true : undefined), 'the rule turned off');
  });
});

describe('language server: the project index', () => {
  const projectsDir = path.join(FIXTURES_DIR, 'n-plus-one/projects');
  const projects = fs
    .readdirSync(projectsDir)
    .sort()
    .map((name) => path.join(projectsDir, name));
  const files = projects.flatMap((project) => fixtureFiles(path.relative(FIXTURES_DIR, project), []));
  let client: TestClient;
  before(async () => (client = await TestClient.start({ mode: 'pull', workspaceFolders: projects, settings: () => ({}) })));
  after(() => client.stop());

  it('finds what every multi-file project fixture annotates, models declared in other files included, in a scan', async function () {
    // Every project fixture, read and analyzed through the server: as long as the corpus of fixtures grows.
    this.timeout(120_000);
    assert.ok(files.length > 0);
    const result = await scan(client, undefined);
    // Declaration files give the index their types and are never analyzed.
    assert.equal(result.files, files.filter((file) => !isDeclarationFile(file)).length);
    for (const file of files) {
      assert.deepEqual(asExpected(client.lastPublished(uriOf(file)) ?? []), expectedFindings(fs.readFileSync(file, 'utf8')), file);
    }
  });

  it('gives an open document the models of files that are not open, once the index is read', async function () {
    this.timeout(120_000);
    const lazy = await TestClient.start({ mode: 'pull', workspaceFolders: projects, settings: () => ({}) });
    try {
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const uri = uriOf(file);
        await lazy.open(uri, text, languageOf(file));
        await pullUntil(lazy, uri, expectedFindings(text));
        await lazy.close(uri);
      }
    } finally {
      await lazy.stop();
    }
  });
});

describe('language server: files that forward queries', () => {
  let root: string;
  let client: TestClient;
  const orders =
    "const { userEmail } = require('./a-users');\n\nasync function mailAll(orders) {\n  for (const order of orders) {\n    order.email = await userEmail(order.userId);\n  }\n}\n\nmodule.exports = { mailAll };\n";

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-forwards-'));
    // `a-users.js` is read before `z-db.js`, whose exported client makes its query function count.
    write(root, {
      'package.json': '{"name":"sample","dependencies":{"pg":"^8.0.0"}}',
      'src/a-users.js':
        "const db = require('./z-db');\n\nconst userEmail = (id) => db.query('SELECT email FROM users WHERE id = $1', [id]);\n\nmodule.exports = { userEmail };\n",
      'src/b-orders.js': orders,
      'src/z-db.js': "const { Pool } = require('pg');\n\nconst pool = new Pool();\n\nmodule.exports = { query: (text, params) => pool.query(text, params) };\n",
    });
    client = await TestClient.start({ mode: 'pull', workspaceFolders: [root], settings: () => ({}) });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reads a file set aside before any file exported a client, once one does', async () => {
    const uri = uriOf(path.join(root, 'src/b-orders.js'));
    await client.open(uri, orders, 'javascript');
    const expected = [{ rule: 'n-plus-one', line: 5, column: 25, endLine: 5, endColumn: 34 }];
    await pullUntil(client, uri, expected);
  });
});

describe("language server: an edited file's project facts", () => {
  let root: string;
  let client: TestClient;
  const users = (body: string): string =>
    `import { pool } from './db';\n\nconst names = new Map<string, string>();\n\nexport async function userName(id: string): Promise<string | undefined> {\n${body}}\n`;
  const cached = users('  return names.get(id);\n');
  const queried = users("  const { rows } = await pool.query('SELECT name FROM users WHERE id = $1', [id]);\n  return rows[0]?.name;\n");
  const orders =
    "import { userName } from './users';\n\nexport async function withBuyers(orders: Array<{ buyerId: string; buyer?: string }>) {\n  for (const order of orders) {\n    order.buyer = await userName(order.buyerId);\n  }\n  return orders;\n}\n";
  const awaited = [{ rule: 'await-in-loop', line: 5, column: 19, endLine: 5, endColumn: 24 }];
  const queryPerOrder = [{ rule: 'n-plus-one', line: 5, column: 25, endLine: 5, endColumn: 33 }];
  const uriOfFile = (name: string): string => uriOf(path.join(root, 'src', name));
  let refreshesBeforeEdit = 0;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-facts-'));
    write(root, {
      'package.json': '{"name":"shop","dependencies":{"pg":"^8.0.0"}}',
      'src/db.ts': "import { Pool } from 'pg';\n\nexport const pool = new Pool();\n",
      'src/users.ts': cached,
      'src/orders.ts': orders,
    });
    client = await TestClient.start({ mode: 'pull', workspaceFolders: [root], settings: () => ({}) });
    await client.open(uriOfFile('users.ts'), cached);
    await client.open(uriOfFile('orders.ts'), orders);
    await pullUntil(client, uriOfFile('users.ts'), []);
    await pullUntil(client, uriOfFile('orders.ts'), awaited);
    // The workspace index is read once the first document is analyzed: let it finish.
    await new Promise((resolve) => setTimeout(resolve, 2 * FACTS_DEBOUNCE_MS));
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("answers an edit's diagnostics without reading the file's facts first", async () => {
    refreshesBeforeEdit = client.refreshRequests;
    await client.change(uriOfFile('users.ts'), queried);
    assert.deepEqual(asExpected(await client.pull(uriOfFile('orders.ts'))), awaited);
    // Reading the facts first would have sent the refresh before this answer.
    assert.deepEqual(await client.pull(uriOfFile('users.ts')), []);
    assert.equal(client.refreshRequests, refreshesBeforeEdit, 'no refresh before the edit is answered');
  });

  it('reads the facts once typing pauses: a function of file A that now runs a query is one in file B', async () => {
    await waitFor(() => (client.refreshRequests > refreshesBeforeEdit ? true : undefined), 'a refresh after the facts changed');
    await pullUntil(client, uriOfFile('orders.ts'), queryPerOrder);
  });

  it('reads them as soon as the file is saved, and from the disk when it closes unsaved', async () => {
    await client.change(uriOfFile('users.ts'), cached);
    assert.deepEqual(await client.pull(uriOfFile('users.ts')), []);
    // The save is handled before the next request: no pause to wait for.
    await client.save(uriOfFile('users.ts'));
    assert.deepEqual(asExpected(await client.pull(uriOfFile('orders.ts'))), awaited);
    await client.change(uriOfFile('users.ts'), queried);
    await client.pull(uriOfFile('users.ts'));
    await client.save(uriOfFile('users.ts'));
    assert.deepEqual(asExpected(await client.pull(uriOfFile('orders.ts'))), queryPerOrder);
    // The disk still holds the version without the query.
    await client.close(uriOfFile('users.ts'));
    await pullUntil(client, uriOfFile('orders.ts'), awaited);
  });
});
