import * as assert from 'node:assert/strict';
import { ProjectFactsModel, syntaxSignals, type ProjectHost } from '../src';

/** A project in memory: its files by path (configuration included), and the script-only files the model finds among its sources. */
function scriptOnly(files: Record<string, string>, childFiles: readonly string[] = []): string[] {
  const host: ProjectHost = { readFile: (file) => files[file] };
  const sources = Object.entries(files)
    .filter(([file]) => /\.[cm]?[jt]sx?$/.test(file))
    .map(([file, text]) => ({ file, signals: syntaxSignals(text, file) }));
  return [...new ProjectFactsModel(host, '/repo').runOnlyByScripts(sources, '/repo', new Set(childFiles))].sort();
}

const BACKUP = `import { writeFileSync } from 'node:fs';\nexport async function backup(name: string, rows: unknown[]) { writeFileSync(name, JSON.stringify(rows)); }\n`;
const PACKAGE = JSON.stringify({ name: 'api' });
/** A workspace whose packing package, tested on its own, is loaded by one command of the command-line package. */
const PACKER: Record<string, string> = {
  '/repo/package.json': JSON.stringify({ name: 'shop', workspaces: ['packages/*'] }),
  '/repo/packages/packer/package.json': JSON.stringify({ name: '@shop/packer', main: 'dist/packer.js' }),
  '/repo/packages/packer/packer.ts': `import { writeManifest } from './lib/manifest';\nexport async function pack(dir: string) { writeManifest(dir); }\n`,
  '/repo/packages/packer/lib/manifest.ts': `import { writeFileSync } from 'node:fs';\nexport const versionCode = (v: string) => v.split('.').length;\nexport function writeManifest(dir: string) { writeFileSync(dir + '/m.json', '{}'); }\n`,
  '/repo/packages/packer/test/manifest.test.ts': `import { versionCode } from '../lib/manifest';\nit('counts', () => versionCode('1.2'));\n`,
  '/repo/packages/cli/package.json': JSON.stringify({ name: '@shop/cli', bin: { shop: 'bin/shop' }, dependencies: { '@shop/packer': '1.0.0' } }),
  '/repo/packages/cli/src/commands/pack.js': `const { Command } = require('@oclif/core');\nconst { pack } = require('@shop/packer/packer');\nmodule.exports = class Pack extends Command { run() { return pack('out'); } };\n`,
};

describe('files only one-off programs import', () => {
  it('are the files a script imports that nothing else imports, and the files only those import', () => {
    const found = scriptOnly({
      '/repo/api/package.json': PACKAGE,
      '/repo/api/admin/remove-user.ts': `import { backup } from './backup';\nconst email = process.argv[2];\nvoid backup(email, []);\n`,
      '/repo/api/admin/backup.ts': `import { folderOf } from '../src/folders';\n${BACKUP}`,
      '/repo/api/src/folders.ts': `export const folderOf = (name: string) => name;\n`,
      '/repo/api/src/orders.ts': `export async function listOrders() { return []; }\n`,
    });
    assert.deepEqual(found, ['/repo/api/admin/backup.ts', '/repo/api/src/folders.ts']);
  });

  it('are none where a server file imports the file too, or a test does', () => {
    const found = scriptOnly({
      '/repo/api/package.json': PACKAGE,
      '/repo/api/scripts/export.ts': `import { backup } from '../src/backup';\nimport { report } from '../src/report';\nvoid backup('a', []);\nvoid report();\n`,
      '/repo/api/src/backup.ts': BACKUP,
      '/repo/api/src/report.ts': `export async function report() {}\n`,
      '/repo/api/src/routes.ts': `import { backup } from './backup';\nexport const save = () => backup('b', []);\n`,
      '/repo/api/src/report.spec.ts': `import { report } from './report';\nit('reports', () => report());\n`,
    });
    assert.deepEqual(found, []);
  });

  it('are the files of a package only a command-line tool loads, past the barrel no file imports and through their cycles', () => {
    const found = scriptOnly({
      '/repo/package.json': JSON.stringify({ name: 'shop', workspaces: ['packages/*'] }),
      '/repo/packages/builder/package.json': JSON.stringify({ name: '@shop/builder', main: 'dist/index.js' }),
      '/repo/packages/builder/index.ts': `export * as steps from './utils/steps';\nexport * from './builder';\n`,
      '/repo/packages/builder/builder.ts': `import { copyAssets } from './utils/steps';\nexport const OUT = 'out';\nexport class Builder { async build() { copyAssets(); } }\n`,
      '/repo/packages/builder/utils/steps.ts': `import { copySync } from 'fs-extra';\nimport { OUT } from '../builder';\nexport function copyAssets() { copySync('www', OUT); }\n`,
      '/repo/packages/shop-cli/package.json': JSON.stringify({ name: '@shop/cli', dependencies: { '@shop/builder': '1.0.0' } }),
      '/repo/packages/shop-cli/src/commands/build-app.js': `const { Command } = require('@oclif/core');\nconst { Builder } = require('@shop/builder/builder');\nmodule.exports = class BuildApp extends Command { run() { return new Builder().build(); } };\n`,
    });
    assert.deepEqual(found, ['/repo/packages/builder/builder.ts', '/repo/packages/builder/utils/steps.ts']);
  });

  it("are the files of a package only a command-line command loads, whatever the package's own tests import", () => {
    assert.deepEqual(scriptOnly(PACKER), ['/repo/packages/packer/lib/manifest.ts', '/repo/packages/packer/packer.ts']);
  });

  it("leave a package's tested modules as they are where a server of another package imports the package too", () => {
    const found = scriptOnly({
      ...PACKER,
      '/repo/packages/server/package.json': JSON.stringify({ name: '@shop/server', dependencies: { '@shop/packer': '1.0.0' } }),
      '/repo/packages/server/routes/manifest.js': `const { writeManifest } = require('@shop/packer/lib/manifest');\nmodule.exports = async (req, res) => res.json(writeManifest(req.query.dir));\n`,
    });
    assert.deepEqual(found, ['/repo/packages/packer/packer.ts']);
  });

  it('leave a package the server imports through its barrel as it is', () => {
    const found = scriptOnly({
      '/repo/package.json': JSON.stringify({ name: 'shop', workspaces: ['packages/*'] }),
      '/repo/packages/builder/package.json': JSON.stringify({ name: '@shop/builder', main: 'index.ts' }),
      '/repo/packages/builder/index.ts': `export * from './builder';\n`,
      '/repo/packages/builder/builder.ts': `import { copySync } from 'fs-extra';\nexport async function build() { copySync('www', 'out'); }\n`,
      '/repo/packages/shop-cli/package.json': JSON.stringify({ name: '@shop/cli', dependencies: { '@shop/builder': '1.0.0' } }),
      '/repo/packages/shop-cli/src/commands/build-app.js': `const { build } = require('@shop/builder/builder');\nvoid build();\n`,
      '/repo/packages/server/package.json': JSON.stringify({ name: '@shop/server', dependencies: { '@shop/builder': '1.0.0' } }),
      '/repo/packages/server/routes/preview.js': `const { build } = require('@shop/builder');\nmodule.exports = async (req, res) => res.json(await build());\n`,
    });
    assert.deepEqual(found, []);
  });

  it('leave a file no one imports, and a server a script imports, as they are', () => {
    const found = scriptOnly({
      '/repo/api/package.json': PACKAGE,
      '/repo/api/scripts/dev.ts': `import { start } from '../src/server';\nawait start();\n`,
      '/repo/api/src/server.ts': `import express from 'express';\nexport const start = async () => express().listen(3000);\n`,
      '/repo/api/src/pages/api/export.ts': BACKUP,
    });
    assert.deepEqual(found, []);
  });

  it('follow imports through tsconfig paths, and count seeds, migrations, build configuration and child process files as one-off programs', () => {
    const found = scriptOnly(
      {
        '/repo/api/package.json': PACKAGE,
        '/repo/api/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@admin/*': ['admin/*'] } } }),
        '/repo/api/seeds/users.ts': `import { backup } from '@admin/backup';\nexport async function seed() { await backup('users', []); }\n`,
        '/repo/api/admin/backup.ts': BACKUP,
        '/repo/api/migrations/001-orders.ts': `import { archive } from '../src/archive';\nexport async function up() { await archive(); }\n`,
        '/repo/api/src/archive.ts': `export async function archive() {}\n`,
        '/repo/api/vite.config.ts': `import { slugs } from './src/slugs';\nexport default { define: { slugs: slugs() } };\n`,
        '/repo/api/src/slugs.ts': `export const slugs = () => [];\n`,
        '/repo/api/src/flush/send.ts': `import { drain } from '../outbox';\nvoid drain();\n`,
        '/repo/api/src/outbox.ts': `export async function drain() {}\n`,
      },
      ['/repo/api/src/flush/send.ts'],
    );
    assert.deepEqual(found, ['/repo/api/admin/backup.ts', '/repo/api/src/archive.ts', '/repo/api/src/outbox.ts', '/repo/api/src/slugs.ts']);
  });

  it('are found again, with the importers, after the configuration changed', () => {
    const files: Record<string, string> = {
      '/repo/api/package.json': PACKAGE,
      '/repo/api/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.' } }),
      '/repo/api/seeds/users.ts': `import { backup } from '@admin/backup';\nexport async function seed() { await backup('users', []); }\n`,
      '/repo/api/admin/backup.ts': `import { Pool } from 'pg';\n${BACKUP}`,
    };
    const model = new ProjectFactsModel({ readFile: (file) => files[file] }, '/repo');
    const sources = Object.entries(files)
      .filter(([file]) => file.endsWith('.ts'))
      .map(([file, text]) => ({ file, signals: syntaxSignals(text, file) }));
    assert.deepEqual([...model.reachingDatabase(sources)], ['/repo/api/admin/backup.ts']);
    assert.deepEqual([...model.runOnlyByScripts(sources, '/repo', new Set())], []);
    files['/repo/api/tsconfig.json'] = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@admin/*': ['admin/*'] } } });
    model.configurationChanged();
    assert.deepEqual([...model.runOnlyByScripts(sources, '/repo', new Set())], ['/repo/api/admin/backup.ts']);
    assert.deepEqual([...model.reachingDatabase(sources)].sort(), ['/repo/api/admin/backup.ts', '/repo/api/seeds/users.ts']);
  });

  it('leave the poll loops a worker process starts from its top level, and what they import, as they are', () => {
    const found = scriptOnly({
      '/repo/worker/package.json': JSON.stringify({ name: 'worker', private: true, scripts: { start: 'tsx worker.ts' } }),
      '/repo/worker/worker.ts': `import { tagLinks } from './jobs/tag-links';\nimport { report } from './jobs/report';\nasync function init() {\n  tagLinks(10);\n  await report();\n}\ninit();\n`,
      '/repo/worker/jobs/tag-links.ts': `import { pickBatch } from '../lib/pick-batch';\nexport async function tagLinks(seconds: number) {\n  while (true) {\n    const links = await pickBatch();\n    if (links.length === 0) {\n      await delay(seconds);\n      continue;\n    }\n    await delay(seconds);\n  }\n}\n`,
      '/repo/worker/lib/pick-batch.ts': `export async function pickBatch() { return []; }\n`,
      '/repo/worker/jobs/report.ts': `import { totals } from '../lib/totals';\nexport async function report() {\n  while (true) {\n    const rows = await totals();\n    if (rows.length === 0) break;\n    await delay(1);\n  }\n}\n`,
      '/repo/worker/lib/totals.ts': `export async function totals() { return []; }\n`,
    });
    assert.deepEqual(found, ['/repo/worker/jobs/report.ts', '/repo/worker/lib/totals.ts']);
  });

  it("count the use cases a container binds to tokens only scripts resolve, not those a controller or a scheduler's program resolves", () => {
    const found = scriptOnly({
      '/repo/api/package.json': JSON.stringify({ name: 'api', scripts: { 'weekly-report': 'node dist/bin/report.js' } }),
      '/repo/api/bin/server.ts': `import express from 'express';\nimport { load } from '../src/container';\nconst container = load();\nexpress().listen(3000);\n`,
      '/repo/api/bin/fix.ts': `import { load } from '../src/container';\nvoid load().get(TYPES.FixQuota).execute(process.argv[2]);\n`,
      '/repo/api/bin/report.ts': `import { load } from '../src/container';\nvoid load().get(TYPES.Report).execute();\n`,
      '/repo/api/src/container.ts': `import { FixQuota } from './fix-quota';\nimport { Report } from './report';\nimport { Rename } from './rename';\nimport { Tags } from './tags';\nexport function load() {\n  container.bind<FixQuota>(TYPES.FixQuota).toConstantValue(new FixQuota());\n  container.bind<Report>(TYPES.Report).to(Report);\n  container.bind<Rename>(TYPES.Rename).to(Rename);\n  container.bind<Tags>(TYPES.Tags).to(Tags);\n  return container;\n}\n`,
      '/repo/api/src/fix-quota.ts': `import { sum } from './sum';\nexport class FixQuota { async execute(email: string) { return sum([email.length]); } }\n`,
      '/repo/api/src/fix-quota.spec.ts': `import { FixQuota } from './fix-quota';\nit('fixes', () => new FixQuota().execute('a'));\n`,
      '/repo/api/src/sum.ts': `export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);\n`,
      '/repo/api/src/report.ts': `export class Report { async execute() {} }\n`,
      '/repo/api/src/rename.ts': `export class Rename { async execute() {} }\n`,
      '/repo/api/src/tags.ts': `export class Tags { constructor(@inject(TYPES.Rename) private rename: Rename) {} }\n`,
    });
    assert.deepEqual(found, ['/repo/api/src/fix-quota.ts', '/repo/api/src/sum.ts']);
  });

  it('read a script folder below the package folder only', () => {
    const files = {
      '/repo/scripts/shop/package.json': PACKAGE,
      '/repo/scripts/shop/src/main.ts': `import { backup } from './backup';\nexport const run = () => backup('a', []);\n`,
      '/repo/scripts/shop/src/backup.ts': BACKUP,
    };
    assert.deepEqual(scriptOnly(files), []);
  });
});
