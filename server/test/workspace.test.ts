import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ReportData } from '../../rules/src/report';
import type { ScanWorkspaceResult } from '../src/protocol';
import { REPO_ROOT, TestClient, uriOf, waitFor } from './lspClient';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
/** One sync-io-in-async finding on line 2, column 43. */
const BLOCKING = "import { readFileSync } from 'node:fs';\nexport async function load(name) { return readFileSync(name, 'utf8'); }\n";
const canMakeFifo = process.platform !== 'win32';

function makeTree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-ws-')));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

function runCommand(cwd: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PERF_LINT_')));
  const result = spawnSync(process.execPath, [CLI, '--no-cache', ...args], { cwd, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function commandReport(
  cwd: string,
  args: readonly string[] = [],
): ReportData & { findings: Array<{ file: string; line: number; column: number; rule: string; severity: string }> } {
  const result = runCommand(cwd, ['--format', 'json', ...args]);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout);
}

const row = (finding: { file: string; line: number; column: number; rule: string; severity: string }): string =>
  `${finding.file}:${finding.line}:${finding.column} ${finding.rule} ${finding.severity}`;

describe('workspace layer: the command and the server list the same files', () => {
  let root: string;
  let client: TestClient;

  before(async function () {
    this.timeout(60_000);
    root = makeTree({
      '.gitignore': 'generated/\n*.gen.ts\n',
      '.perflintrc.json': JSON.stringify({ exclude: ['*.spec.ts', 'src/vendor/**'] }),
      'src/a.ts': BLOCKING,
      'src/types.d.ts': BLOCKING,
      'src/a.spec.ts': BLOCKING,
      'src/deep/b.spec.ts': BLOCKING,
      'src/vendor/v.ts': BLOCKING,
      'lib/src/vendor/w.ts': BLOCKING,
      'src/a.gen.ts': BLOCKING,
      'generated/x.ts': BLOCKING,
      'src/legacy/.gitignore': '*.js\n!keep.js\n',
      'src/legacy/old.js': BLOCKING,
      'src/legacy/keep.js': BLOCKING,
      'build/index.ts': BLOCKING,
      'out/main.ts': BLOCKING,
      'src/commands/build/index.ts': BLOCKING,
      'node_modules/dep/index.js': BLOCKING,
    });
    fs.symlinkSync('.', path.join(root, 'src', 'loop'));
    fs.symlinkSync('a.ts', path.join(root, 'src', 'linked.ts'));
    if (canMakeFifo) spawnSync('mkfifo', [path.join(root, 'src', 'pipe.ts')]);
    client = await TestClient.start({ mode: 'push', workspaceFolders: [root] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('gives the same findings and the same skipped files through both', async function () {
    this.timeout(60_000);
    const expected = ['build/index.ts', 'lib/src/vendor/w.ts', 'out/main.ts', 'src/a.ts', 'src/commands/build/index.ts', 'src/legacy/keep.js'].map(
      (file) => `${file}:2:43 sync-io-in-async warning`,
    );
    const expectedSkipped = [
      { file: 'src/loop', reason: 'symbolic link to a folder, not followed' },
      ...(canMakeFifo ? [{ file: 'src/pipe.ts', reason: 'a FIFO (named pipe), not a regular file' }] : []),
    ];
    const command = commandReport(root);
    assert.deepEqual(command.findings.map(row), expected);
    assert.deepEqual(command.skipped, expectedSkipped);

    const scanned: ScanWorkspaceResult = await client.connection.sendRequest('perfLint/scanWorkspace', {});
    assert.deepEqual({ files: scanned.files, skipped: scanned.skipped }, { files: 6, skipped: expectedSkipped });
    const report: ReportData = await client.connection.sendRequest('perfLint/report');
    assert.deepEqual(report.findings.map(row), expected);
  });

  it('lists what it would analyze with --debug files, and analyzes nothing', () => {
    const { status, stdout } = runCommand(root, ['--debug', 'files']);
    assert.equal(status, 0);
    assert.equal(
      stdout,
      [
        'Files to analyze (6):',
        '  build/index.ts',
        '  lib/src/vendor/w.ts',
        '  out/main.ts',
        '  src/a.ts',
        '  src/commands/build/index.ts',
        '  src/legacy/keep.js',
        `Not analyzed (${canMakeFifo ? 2 : 1}):`,
        '  src/loop  symbolic link to a folder, not followed',
        ...(canMakeFifo ? ['  src/pipe.ts  a FIFO (named pipe), not a regular file'] : []),
        'Ignored (7):',
        '  generated  matched by .gitignore',
        '  node_modules  inside node_modules',
        '  src/a.gen.ts  matched by .gitignore',
        '  src/a.spec.ts  matched by "exclude" in .perflintrc.json',
        '  src/deep/b.spec.ts  matched by "exclude" in .perflintrc.json',
        '  src/legacy/old.js  matched by .gitignore',
        '  src/vendor  matched by "exclude" in .perflintrc.json',
        'Read for their types only (1):',
        '  src/types.d.ts',
        '',
      ].join('\n'),
    );
  });
});

describe('workspace layer: nested configuration files and overrides', () => {
  let root: string;
  before(() => {
    root = makeTree({
      '.perflintrc.json': JSON.stringify({ rules: { 'sync-io-in-async': 'error' } }),
      'tool.ts': BLOCKING,
      'packages/a/.perflintrc.json': JSON.stringify({
        rules: { 'sync-io-in-async': 'info' },
        overrides: [
          { files: ['*.test.ts'], rules: { 'sync-io-in-async': 'off' } },
          { files: ['handlers/**'], excludedFiles: ['handlers/legacy.ts'], rules: { 'sync-io-in-async': ['warning', {}] } },
        ],
      }),
      'packages/a/src/x.ts': BLOCKING,
      'packages/a/src/x.test.ts': BLOCKING,
      'packages/a/handlers/s.ts': BLOCKING,
      'packages/a/handlers/legacy.ts': BLOCKING,
      'packages/b/.perflintrc.json': JSON.stringify({ root: true }),
      'packages/b/y.ts': BLOCKING,
    });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('applies the nearest file per file, over those above it, and its overrides, from the repository root', function () {
    this.timeout(60_000);
    assert.deepEqual(commandReport(root).findings.map(row), [
      'packages/a/handlers/legacy.ts:2:43 sync-io-in-async info',
      'packages/a/handlers/s.ts:2:43 sync-io-in-async warning',
      'packages/a/src/x.ts:2:43 sync-io-in-async info',
      'packages/b/y.ts:2:43 sync-io-in-async warning',
      'tool.ts:2:43 sync-io-in-async error',
    ]);
  });

  it('gives the same result from inside a package', function () {
    this.timeout(60_000);
    assert.deepEqual(commandReport(path.join(root, 'packages/a')).findings.map(row), [
      'handlers/legacy.ts:2:43 sync-io-in-async info',
      'handlers/s.ts:2:43 sync-io-in-async warning',
      'src/x.ts:2:43 sync-io-in-async info',
    ]);
  });
});

describe("workspace layer: the server honours .perflintrc.json over the client's settings", () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = makeTree({
      'with-file/.perflintrc.json': JSON.stringify({ rules: { 'sync-io-in-async': 'error' } }),
      'with-file/a.ts': BLOCKING,
      'without-file/b.ts': BLOCKING,
    });
    client = await TestClient.start({ mode: 'push', workspaceFolders: [root], settings: () => ({ enable: true, rules: { 'sync-io-in-async': 'info' } }) });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("uses the file where one applies and the client's settings elsewhere, and rereads the file when it changes", async () => {
    const withFile = uriOf(path.join(root, 'with-file/a.ts'));
    const withoutFile = uriOf(path.join(root, 'without-file/b.ts'));
    await client.open(withFile, BLOCKING);
    await client.open(withoutFile, BLOCKING);
    assert.deepEqual(
      (await client.pushed(withFile)).map((diagnostic) => diagnostic.severity),
      [1],
    );
    assert.deepEqual(
      (await client.pushed(withoutFile)).map((diagnostic) => diagnostic.severity),
      [3],
    );
    const rc = path.join(root, 'with-file/.perflintrc.json');
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'sync-io-in-async': 'off' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rc), type: 2 }] });
    await waitFor(() => (client.lastPublished(withFile)?.length === 0 ? true : undefined), 'the rule turned off by the file');
  });
});

(canMakeFifo ? describe : describe.skip)('workspace layer: files that would block a read', () => {
  let root: string;
  before(() => {
    root = makeTree({ 'src/a.ts': BLOCKING });
    for (const name of ['package.json', '.gitignore', 'src/.perflintrc.json']) fs.symlinkSync('/dev/zero', path.join(root, name));
    spawnSync('mkfifo', [path.join(root, 'src', 'pipe.ts')]);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the command finishes: a FIFO named on the command line is listed as not analyzed, a device as configuration is refused', function () {
    this.timeout(60_000);
    const named = runCommand(path.join(root, 'src'), ['--config', path.join(root, 'src', 'a.ts'), 'pipe.ts']);
    assert.equal(named.status, 2, 'a.ts is no JSON configuration');
    fs.rmSync(path.join(root, 'src', '.perflintrc.json'));
    const fifo = runCommand(path.join(root, 'src'), ['--format', 'json', 'pipe.ts']);
    assert.deepEqual(JSON.parse(fifo.stdout).skipped, [{ file: 'pipe.ts', reason: 'a FIFO (named pipe), not a regular file' }]);
    fs.symlinkSync('/dev/zero', path.join(root, 'src', '.perflintrc.json'));
    const device = runCommand(root, []);
    assert.equal(device.status, 2);
    assert.equal(device.stderr, 'perf-lint: cannot read the configuration src/.perflintrc.json: a device, not a regular file\n');
  });

  it('the server stays responsive, reports the configuration it cannot read, and analyzes with the defaults', async function () {
    this.timeout(60_000);
    const client = await TestClient.start({ mode: 'push', workspaceFolders: [root] });
    try {
      const uri = uriOf(path.join(root, 'src/a.ts'));
      await client.open(uri, BLOCKING);
      assert.deepEqual(
        (await client.pushed(uri)).map((diagnostic) => diagnostic.severity),
        [2],
      );
      const scanned: ScanWorkspaceResult = await client.connection.sendRequest('perfLint/scanWorkspace', {});
      assert.deepEqual(scanned.skipped, [{ file: 'src/pipe.ts', reason: 'a FIFO (named pipe), not a regular file' }]);
      assert.deepEqual(
        client.messages.map((message) => message.message),
        [`Perf Lint: cannot read the configuration ${path.join(root, 'src/.perflintrc.json')}: a device, not a regular file; using the default settings.`],
      );
    } finally {
      await client.stop();
    }
  });
});

(canMakeFifo ? describe : describe.skip)('workspace layer: a project file that exists but cannot be read is named', () => {
  let root: string;
  before(() => {
    root = makeTree({
      'src/db.ts': "import { PrismaClient } from '@prisma/client';\nexport const db = new PrismaClient();\n",
      'src/a.ts': BLOCKING,
    });
    fs.symlinkSync('/dev/zero', path.join(root, 'package.json'));
    spawnSync('mkfifo', [path.join(root, 'tsconfig.json')]);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the command notes each one once, and still analyzes', function () {
    this.timeout(60_000);
    const result = runCommand(root, ['--format', 'json']);
    assert.equal(result.status, 0, 'warnings only');
    assert.deepEqual(result.stderr.split('\n'), [
      'perf-lint: note: package.json is not read (a device, not a regular file); the dependencies, paths and packages it declares are not used',
      'perf-lint: note: tsconfig.json is not read (a FIFO (named pipe), not a regular file); the dependencies, paths and packages it declares are not used',
      '',
    ]);
    assert.deepEqual(JSON.parse(result.stdout).findings.map(row), ['src/a.ts:2:43 sync-io-in-async warning']);
  });

  it('the server logs it as a warning', async function () {
    this.timeout(60_000);
    const client = await TestClient.start({ mode: 'push', workspaceFolders: [root] });
    try {
      const uri = uriOf(path.join(root, 'src/db.ts'));
      await client.open(uri, fs.readFileSync(path.join(root, 'src/db.ts'), 'utf8'));
      await client.pushed(uri);
      const warnings = client.logs.filter((log) => log.type === 2).map((log) => log.message);
      assert.deepEqual(warnings, [
        `Not read: ${path.join(root, 'package.json')}: a device, not a regular file; the dependencies, paths and packages it declares are not used`,
        `Not read: ${path.join(root, 'tsconfig.json')}: a FIFO (named pipe), not a regular file; the dependencies, paths and packages it declares are not used`,
      ]);
    } finally {
      await client.stop();
    }
  });
});
