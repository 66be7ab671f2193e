import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMAND_TIMEOUT, REPO_ROOT, runCli, runCliOnInput, runJson, TempTrees, type JsonReport } from './helpers';

/** A query function that forwards to a client exported by a file read after it (`z-db.js`). */
const PROJECT = {
  'package.json': JSON.stringify({ dependencies: { pg: '8.0.0' } }),
  'src/a-users.js':
    "const db = require('./z-db');\n\nconst userEmail = (id) => db.query('SELECT email FROM users WHERE id = $1', [id]);\n\nmodule.exports = { userEmail };\n",
  'src/b-orders.js':
    "const { userEmail } = require('./a-users');\n\nasync function mailAll(orders) {\n  for (const order of orders) {\n    order.email = await userEmail(order.userId);\n  }\n}\n\nmodule.exports = { mailAll };\n",
  'src/z-db.js': "const { Pool } = require('pg');\n\nconst pool = new Pool();\n\nmodule.exports = { query: (text, params) => pool.query(text, params) };\n",
};

/** A request context whose type a declaration file names: the loop's query is found only through `types/request.d.ts`. */
const DECLARED_CONTEXT = {
  'package.json': JSON.stringify({ dependencies: { mongodb: '6.0.0' } }),
  'src/context.ts':
    "import { InvoiceModel } from './invoice-model';\n\nexport class ServiceContext {\n  readonly models = { invoices: new InvoiceModel(this) };\n\n  constructor(readonly orgId: string) {}\n}\n",
  'src/invoice-model.ts':
    "import { MongoClient } from 'mongodb';\nimport type { ReqContext } from '../types/request';\n\nconst database = new MongoClient('mongodb://localhost').db();\n\nexport class InvoiceModel {\n  constructor(private readonly context: ReqContext) {}\n\n  getById(id: string) {\n    return database.collection('invoices').findOne({ id, orgId: this.context.orgId });\n  }\n}\n",
  'src/routes.ts':
    "import type { ReqContext } from '../types/request';\n\nexport async function load(context: ReqContext, ids: string[]) {\n  for (const id of ids) console.log(await context.models.invoices.getById(id));\n}\n",
  'types/request.d.ts': "import type { ServiceContext } from '../src/context';\n\nexport type ReqContext = ServiceContext;\n",
  // Named like a declaration file, code that would be a finding anywhere else.
  'types/legacy.d.ts': "import { readFileSync } from 'node:fs';\nexport async function load(name) { return readFileSync(name, 'utf8'); }\n",
};

describe('perf-lint project index', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  for (const [name, env] of [
    ['on one thread', { PERF_LINT_WORKERS: '0' }],
    ['in worker threads', { PERF_LINT_WORKERS: '2' }],
  ] as const) {
    it(`reads a forwarding file listed before the file that exports the client, ${name}`, () => {
      const root = trees.make(PROJECT);
      const { status, report } = runJson(root, ['--no-cache', 'src'], env);
      assert.equal(status, 0);
      assert.deepEqual(
        report.findings.map((finding) => [finding.file, finding.line, finding.column, finding.endLine, finding.endColumn, finding.rule]),
        [['src/b-orders.js', 5, 25, 5, 34, 'n-plus-one']],
      );
    });
  }

  it('knows the static methods that the entry modules call only at boot, through require and import, as the library does', () => {
    const { status, report } = runJson(path.join(REPO_ROOT, 'test-fixtures/sync-io-in-async/projects/boot-statics'), ['--no-cache', '.']);
    assert.equal(status, 0);
    assert.deepEqual(
      report.findings.map((finding) => [finding.file, finding.line, finding.rule]),
      [
        ['src/database.js', 27, 'sync-io-in-async'],
        ['src/database.js', 37, 'sync-io-in-async'],
        ['src/templates.ts', 12, 'sync-io-in-async'],
      ],
    );
  });

  it('resolves the workspace packages of a tree without .git named from another folder, as from inside it', () => {
    const root = trees.make({
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'src/index.js', dependencies: { pg: '8.0.0' } }),
      'packages/db/src/index.js': PROJECT['src/z-db.js'],
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', dependencies: { '@acme/db': '*' } }),
      'packages/api/src/orders.js':
        "const db = require('@acme/db');\n\nasync function mailAll(orders) {\n  for (const order of orders) {\n    order.email = await db.query('SELECT email FROM users WHERE id = $1', [order.userId]);\n  }\n}\n\nmodule.exports = { mailAll };\n",
    });
    const located = (cwd: string, target: string) =>
      runJson(cwd, ['--no-cache', target]).report.findings.map((finding) => [finding.file, finding.line, finding.column, finding.rule]);
    assert.deepEqual(located(root, '.'), [['packages/api/src/orders.js', 5, 25, 'n-plus-one']]);
    assert.deepEqual(located(path.dirname(root), path.basename(root)), [[`${path.basename(root)}/packages/api/src/orders.js`, 5, 25, 'n-plus-one']]);
  });

  it('reads only the named package, not its siblings, when run from a folder of projects without .git', () => {
    const parent = trees.make({
      'archive/package.json': JSON.stringify({ name: 'archive' }),
      ...Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`archive/lib/part-${index}.js`, `module.exports = ${index};\n`])),
      'app/package.json': JSON.stringify({ name: 'app', dependencies: { pg: '8.0.0' } }),
      'app/src/load.js':
        "const { readFileSync } = require('node:fs');\n\nasync function load(name) {\n  return readFileSync(name, 'utf8');\n}\n\nmodule.exports = { load };\n",
    });
    const result = runCli(parent, ['--no-cache', '--format', 'json', 'app'], { PERF_LINT_DEBUG: 'cache' });
    assert.deepEqual(
      (JSON.parse(result.stdout) as JsonReport).findings.map((finding) => [finding.file, finding.line, finding.rule]),
      [['app/src/load.js', 4, 'sync-io-in-async']],
    );
    assert.match(result.stderr, /not read: \d+ of 1 files\n/);
  });

  it('finds the same in a package of a workspace without .git scanned from its own folder as from the workspace root', () => {
    const root = trees.make({
      'package.json': JSON.stringify({ private: true }),
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n  - 'packages/*'\n",
      'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'src/index.js', dependencies: { pg: '8.0.0' } }),
      'packages/db/src/index.js': PROJECT['src/z-db.js'],
      'apps/api/package.json': JSON.stringify({ name: '@acme/api', type: 'module', dependencies: { '@acme/db': 'workspace:*', hono: '4.0.0' } }),
      // The server's entry starts it when Node runs this file, and exports the app for its tests.
      'apps/api/src/index.ts':
        "import { serve } from '@hono/node-server';\nimport { Hono } from 'hono';\nimport { fileURLToPath } from 'node:url';\nimport { mailAll } from './orders';\nimport { pushAll } from './jobs/push';\n\nexport const app = new Hono();\napp.post('/orders/mail', async (c) => c.json(await mailAll(await c.req.json())));\napp.post('/push', async (c) => c.json(await pushAll(await c.req.json())));\n\nif (process.argv[1] === fileURLToPath(import.meta.url)) serve({ fetch: app.fetch, port: 3000 });\n",
      'apps/api/src/orders.ts':
        "import db from '@acme/db';\n\nexport async function mailAll(orders: { userId: string; email?: string }[]) {\n  for (const order of orders) {\n    order.email = await db.query('SELECT email FROM users WHERE id = $1', [order.userId]);\n  }\n  return orders;\n}\n",
      'apps/api/src/jobs/push.ts':
        "export async function pushAll(ids: string[]) {\n  for (const id of ids) {\n    await fetch(`https://partner.example/items/${id}`, { method: 'POST' });\n  }\n}\n",
    });
    const expected = [
      ['src/jobs/push.ts', 3, 5, 'await-in-loop'],
      ['src/orders.ts', 5, 25, 'n-plus-one'],
    ];
    const located = (cwd: string, prefix: string) =>
      runJson(cwd, ['--no-cache', '.']).report.findings.flatMap((finding) =>
        finding.file.startsWith(prefix) ? [[finding.file.slice(prefix.length), finding.line, finding.column, finding.rule]] : [],
      );
    assert.deepEqual(located(root, 'apps/api/'), expected);
    assert.deepEqual(located(path.join(root, 'apps/api'), ''), expected);
  });

  it('finds the query of another file when only the loop file is named, and reports only that file', () => {
    const root = trees.make({
      ...PROJECT,
      'src/c-export.js': 'async function exportAll(rows, upload) {\n  for (const row of rows) await upload(row);\n}\n\nmodule.exports = { exportAll };\n',
    });
    const { status, report } = runJson(root, ['--no-cache', 'src/b-orders.js']);
    assert.equal(status, 0);
    assert.deepEqual(
      report.findings.map((finding) => [finding.file, finding.line, finding.column, finding.rule]),
      [['src/b-orders.js', 5, 25, 'n-plus-one']],
    );
    assert.equal(report.files, 1);
  });

  it('finds the query of another file in text read from standard input as a file of the project', () => {
    const root = trees.make(PROJECT);
    const loop = PROJECT['src/b-orders.js'].replace('mailAll', 'mailEvery');
    const named = runCliOnInput(root, ['--stdin', '--stdin-filename', 'src/b-orders.js', '--format', 'json'], loop);
    assert.deepEqual(
      (JSON.parse(named.stdout) as JsonReport).findings.map((finding) => [finding.file, finding.line, finding.column, finding.rule]),
      [['src/b-orders.js', 5, 25, 'n-plus-one']],
    );
    const unnamed = runCliOnInput(root, ['--stdin', '--format', 'json'], loop);
    assert.deepEqual(
      (JSON.parse(unnamed.stdout) as JsonReport).findings.map((finding) => [finding.file, finding.line, finding.column, finding.rule]),
      [['<stdin>', 5, 19, 'await-in-loop']],
    );
  });

  it('reads the types of declaration files, and reports nothing in them, for the whole project, one named file, and cached', () => {
    const root = trees.make(DECLARED_CONTEXT);
    const expected = [['src/routes.ts', 4, 43, 'n-plus-one']];
    for (const args of [['--no-cache', '.'], ['--no-cache', 'src/routes.ts'], ['.'], ['.']]) {
      const { report } = runJson(root, args);
      assert.deepEqual(
        report.findings.map((finding) => [finding.file, finding.line, finding.column, finding.rule]),
        expected,
        args.join(' '),
      );
      assert.equal(report.files, args.includes('.') ? 3 : 1, args.join(' '));
    }
  });

  it('finds the same with the cache, cold and warm', () => {
    const root = trees.make(PROJECT);
    const cold = runJson(root, ['src']);
    const warm = runJson(root, ['src']);
    assert.deepEqual(
      cold.report.findings.map((finding) => [finding.file, finding.line, finding.rule]),
      [['src/b-orders.js', 5, 'n-plus-one']],
    );
    assert.deepEqual(warm.report, cold.report);
  });

  // The same files still reach the database and declare something: only the facts of one changed.
  it("drops a cached finding when another file's function stops querying, the file with the loop unchanged", () => {
    const root = trees.make(PROJECT);
    const rules = (): string[] => runJson(root, ['src']).report.findings.map((finding) => `${finding.file} ${finding.rule}`);
    assert.deepEqual(rules(), ['src/b-orders.js n-plus-one']);
    assert.deepEqual(rules(), ['src/b-orders.js n-plus-one']);
    fs.writeFileSync(
      path.join(root, 'src/a-users.js'),
      "const db = require('./z-db');\n\nconst emails = new Map();\nconst userEmail = async (id) => emails.get(id);\nconst userName = (id) => db.query('SELECT name FROM users WHERE id = $1', [id]);\n\nmodule.exports = { userEmail, userName };\n",
    );
    // Without a query behind it, the awaited call is only a loop of awaits.
    assert.deepEqual(rules(), ['src/b-orders.js await-in-loop']);
  });
});
