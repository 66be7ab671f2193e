import * as assert from 'node:assert/strict';
import { CLEAN_CODE, COMMAND_TIMEOUT, SLOW_CODE, runJson, TempTrees, writeFiles } from './helpers';

/** A package whose command-line programs are read from package.json: a `bin` entry built from `src/`, and a `scripts` entry that parses its arguments with commander. */
const TOOL_PACKAGE = {
  'tool/package.json': JSON.stringify({ name: 'tool', bin: { tool: './dist/cli.js' }, scripts: { docs: 'ts-node src/docs.ts', start: 'node dist/server.js' } }),
  'tool/src/cli.ts': "import { build } from './commands/build';\nvoid build;\n",
  'tool/src/commands/build.ts': `import { helper } from '../shared';\nvoid helper;\n${SLOW_CODE}`,
  'tool/src/shared/index.ts': SLOW_CODE.replace('load', 'helper'),
  'tool/src/docs.ts': `import { Command } from 'commander';\nimport './generate';\nvoid Command;\n`,
  'tool/src/generate.ts': SLOW_CODE,
  'tool/src/server.ts': `import { load } from './served';\nvoid load;\n`,
  'tool/src/served.ts': SLOW_CODE,
  'tool/src/library.ts': SLOW_CODE,
};

describe('perf-lint: command-line programs of a package', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('reads a bin entry, the scripts that parse a command line, and every package file they import, as scripts', () => {
    const root = trees.make({ ...TOOL_PACKAGE, '.perflintrc.json': JSON.stringify({ roles: { script: false } }) });
    const { report } = runJson(root);
    assert.deepEqual(report.findings.map((finding) => finding.file).sort(), ['tool/src/library.ts', 'tool/src/served.ts']);
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { script: 5 });
  });

  it('reads a bin entry built into a module format folder (dist/esm/) from the same path under src/', () => {
    const root = trees.make({
      'tool/package.json': JSON.stringify({ name: 'tool', type: 'module', bin: { tool: './dist/esm/index.js' }, main: './dist/commonjs/api.js' }),
      'tool/src/index.ts': "import { deploy } from './commands/deploy.js';\nvoid deploy;\n",
      'tool/src/commands/deploy.ts': SLOW_CODE,
      'tool/src/api.ts': SLOW_CODE,
      '.perflintrc.json': JSON.stringify({ roles: { script: false } }),
    });
    const { report } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => finding.file),
      ['tool/src/api.ts'],
    );
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { script: 2 });
  });

  it("leaves the files a server entry also imports as production code, when a command boots the application's modules", () => {
    const root = trees.make({
      'api/package.json': JSON.stringify({ name: 'api', scripts: { start: 'node ./src/index.ts', 'data-migration': 'node ./src/data/index.ts' } }),
      'api/src/index.ts': "import { createApp } from './app';\nconst app = await createApp();\nawait app.listen(3000);\n",
      'api/src/app.ts':
        "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nexport const createApp = () => NestFactory.create(AppModule);\n",
      'api/src/app.module.ts': `import './orders/orders.service';\nexport class AppModule {}\n`,
      'api/src/orders/orders.service.ts': SLOW_CODE,
      'api/src/data/index.ts':
        "import { CommandFactory } from 'nest-commander';\nimport { CliModule } from './cli.module';\nawait CommandFactory.run(CliModule);\n",
      'api/src/data/cli.module.ts':
        "import { AppModule } from '../app.module';\nimport './commands/backfill';\nexport class CliModule { static imports = [AppModule]; }\n",
      'api/src/data/commands/backfill.ts': SLOW_CODE,
      '.perflintrc.json': JSON.stringify({ roles: { script: false } }),
    });
    const { report } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => finding.file),
      ['api/src/orders/orders.service.ts'],
    );
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { script: 3 });
  });

  it('reads a server entry that hands its module to an imported bootstrap function as serving, beside a command-line program that imports the same module', () => {
    const root = trees.make({
      'api/package.json': JSON.stringify({
        name: 'api',
        scripts: { cli: 'ts-node src/cli.ts', 'start:prod': 'node dist/main' },
        dependencies: { '@nestjs/core': '^11.0.0', 'nest-commander': '^3.0.0' },
      }),
      'api/src/main.ts': "import { AppModule } from './app.module';\nimport { bootstrap } from './bootstrap';\nvoid bootstrap(AppModule);\n",
      'api/src/bootstrap.ts':
        "import { NestFactory } from '@nestjs/core';\nexport async function bootstrap(module: unknown) {\n  const app = await NestFactory.create(module);\n  await app.listen(3000);\n}\n",
      'api/src/app.module.ts': "import './orders/orders.service';\nexport class AppModule {}\n",
      'api/src/orders/orders.service.ts': SLOW_CODE,
      'api/src/cli.ts':
        "import { CommandFactory } from 'nest-commander';\nimport { AppModule } from './app.module';\nimport './commands/reindex';\nvoid CommandFactory.run(AppModule);\n",
      'api/src/commands/reindex.ts': SLOW_CODE,
      '.perflintrc.json': JSON.stringify({ roles: { script: false } }),
    });
    const { report } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => finding.file),
      ['api/src/orders/orders.service.ts'],
    );
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { script: 2 });
  });

  it('reads every file of a private package with a bin entry and no server dependency as a script, however its files import one another', () => {
    const root = trees.make({
      'packages/eval/package.json': JSON.stringify({
        name: '@acme/eval',
        private: true,
        bin: './dist/cli.js',
        main: './dist/index.js',
        dependencies: { commander: '^12.0.0' },
      }),
      'packages/eval/tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      'packages/eval/src/cli.ts': "import { Command } from 'commander';\nimport { grade } from '@/grading/grade';\nvoid Command;\nvoid grade;\n",
      'packages/eval/src/grading/grade.ts': SLOW_CODE,
      'packages/eval/src/index.ts': "export { load } from './reports/report';\n",
      'packages/eval/src/reports/report.ts': SLOW_CODE,
      'packages/api/package.json': JSON.stringify({ name: '@acme/api', private: true, bin: { api: './dist/server.js' }, dependencies: { express: '^4.0.0' } }),
      'packages/api/src/server.ts': "import express from 'express';\nimport { load } from './routes';\nconst app = express();\nvoid load;\napp.listen(3000);\n",
      'packages/api/src/routes.ts': SLOW_CODE,
      'packages/api/src/jobs/nightly.ts': SLOW_CODE,
      'packages/sdk/package.json': JSON.stringify({ name: '@acme/sdk', bin: './dist/cli.js' }),
      'packages/sdk/src/cli.ts': CLEAN_CODE,
      'packages/sdk/src/client.ts': SLOW_CODE,
      '.perflintrc.json': JSON.stringify({ roles: { script: false } }),
    });
    const { report } = runJson(root);
    assert.deepEqual(report.findings.map((finding) => finding.file).sort(), [
      'packages/api/src/jobs/nightly.ts',
      'packages/api/src/routes.ts',
      'packages/sdk/src/client.ts',
    ]);
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { script: 5 });
  });

  it('reads a server published with a bin entry as production code: the server its bin starts and every file that server imports', () => {
    const root = trees.make({
      'shelf/package.json': JSON.stringify({
        name: 'shelf',
        bin: 'index.js',
        scripts: { start: 'node index.js' },
        dependencies: { express: '^4.0.0', sequelize: '^6.0.0' },
      }),
      'shelf/index.js':
        "const parseOptions = require('./server/libs/parseOptions');\nconst Server = require('./server/Server');\nconst options = parseOptions(process.argv.slice(2));\nnew Server(options.port || 3000).start();\n",
      'shelf/server/libs/parseOptions.js': SLOW_CODE,
      'shelf/server/Server.js':
        "const http = require('http');\nconst express = require('express');\nconst { libraryRouter } = require('./routers/library');\nclass Server {\n  constructor(port) { this.port = port; }\n  start() {\n    const app = express();\n    app.use('/api/libraries', libraryRouter);\n    this.server = http.createServer(app);\n    this.server.listen(this.port);\n  }\n}\nmodule.exports = Server;\n",
      'shelf/server/routers/library.js': "const { load } = require('../controllers/LibraryController');\nexports.libraryRouter = load;\n",
      'shelf/server/controllers/LibraryController.js': SLOW_CODE,
      'sync/package.json': JSON.stringify({ name: 'sync', bin: { sync: './bin/sync.js' }, dependencies: { undici: '^6.0.0' } }),
      'sync/bin/sync.js': "const { login } = require('../lib/login');\nconst { push } = require('../lib/push');\nvoid login;\nvoid push;\n",
      'sync/lib/login.js':
        "const http = require('http');\nconst { saveToken } = require('./credentials');\nexports.login = () => http.createServer((req, res) => { saveToken(req.url); res.end(); }).listen(0);\n",
      'sync/lib/credentials.js': SLOW_CODE.replace('load', 'saveToken'),
      'sync/lib/push.js': SLOW_CODE,
      '.perflintrc.json': JSON.stringify({ roles: { script: false } }),
    });
    const { report } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => finding.file),
      ['shelf/server/controllers/LibraryController.js'],
    );
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { script: 6 });
  });

  it('keeps a command-line program that imports a server framework only for its types, or boots the application for one command, a script', () => {
    const root = trees.make({
      'mockgen/package.json': JSON.stringify({ name: 'mockgen', bin: { mockgen: './dist/cli.js' }, peerDependencies: { express: '^4.0.0' } }),
      'mockgen/src/cli.ts': "import { Command } from 'commander';\nimport { record } from './record';\nvoid Command;\nvoid record;\n",
      'mockgen/src/record.ts': `import type { Request, Response } from 'express';\nexport type Exchange = { request: Request; response: Response };\n${SLOW_CODE.replace('load', 'record')}`,
      'api/package.json': JSON.stringify({
        name: 'api',
        bin: { 'api-admin': './dist/cli.js' },
        scripts: { start: 'node dist/main.js' },
        dependencies: { express: '^4.0.0', pg: '^8.0.0' },
      }),
      'api/src/main.ts': "import { createApp } from './app';\ncreateApp().listen(3000);\n",
      'api/src/app.ts': "import express from 'express';\nimport { orders } from './orders';\nexport const createApp = () => express().use(orders);\n",
      'api/src/orders.ts': SLOW_CODE.replace('load', 'orders'),
      'api/src/cli.ts':
        "import { Command } from 'commander';\nimport { migrate } from './commands/migrate';\nnew Command().command('migrate').action(migrate).parse();\n",
      'api/src/commands/migrate.ts':
        "import { createApp } from '../app';\nimport { runMigrations } from '../db/schema';\nexport const migrate = () => runMigrations(createApp());\n",
      'api/src/db/schema.ts': SLOW_CODE.replace('load', 'runMigrations'),
      '.perflintrc.json': JSON.stringify({ roles: { script: false } }),
    });
    const { report } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => finding.file),
      ['api/src/orders.ts'],
    );
    // The command's own file is a migration by its name; what it imports, the command's program.
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { migration: 1, script: 4 });
  });

  it("reads an oclif tool's command folder, and what only its commands import, as scripts", () => {
    const root = trees.make({
      'ctl/package.json': JSON.stringify({ name: 'ctl', bin: { ctl: './bin/run.js' }, oclif: { bin: 'ctl', commands: './dist/commands' } }),
      'ctl/bin/run.js': "#!/usr/bin/env node\nimport { execute } from '@oclif/core';\nawait execute({ dir: import.meta.url });\n",
      'ctl/src/commands/apps/deploy.ts': "import { deployAll } from '../../utils/deploy';\nvoid deployAll;\n",
      'ctl/src/utils/deploy.ts': SLOW_CODE,
      'ctl/src/library.ts': SLOW_CODE,
      '.perflintrc.json': JSON.stringify({ roles: { script: false } }),
    });
    const { report } = runJson(root);
    assert.deepEqual(
      report.findings.map((finding) => finding.file),
      ['ctl/src/library.ts'],
    );
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { script: 3 });
  });

  it("reads the file a package's task script runs as a script, not a server's entry nor what the task imports", () => {
    const root = trees.make({
      'web/package.json': JSON.stringify({
        name: 'web',
        scripts: { 'i18n:collect': 'ts-node --project server/tsconfig.json src/i18n/collect.ts', 'start:api': 'node dist/api.js' },
      }),
      'web/src/i18n/collect.ts': `import { load as loadCatalog } from './catalog';\nvoid loadCatalog;\n${SLOW_CODE}`,
      'web/src/i18n/catalog.ts': SLOW_CODE,
      'web/src/api.ts': SLOW_CODE,
      '.perflintrc.json': JSON.stringify({ roles: { script: false } }),
    });
    assert.deepEqual(
      runJson(root)
        .report.findings.map((finding) => finding.file)
        .sort(),
      ['web/src/api.ts', 'web/src/i18n/catalog.ts'],
    );
  });

  it("reads every file of a command-line tool's plugin, named or tagged as one, as a script, and what only such a plugin imports from another package as one-off", () => {
    const root = trees.make({
      'package.json': JSON.stringify({ name: 'acme', private: true, workspaces: ['packages/*'] }),
      'packages/cli-plugin-deploy/package.json': JSON.stringify({
        name: '@acme/cli-plugin-deploy',
        main: 'index.js',
        dependencies: { '@acme/deploy-sdk': '1.0.0' },
      }),
      'packages/cli-plugin-deploy/index.js': "module.exports = () => [require('./commands/deploy')];\n",
      'packages/cli-plugin-deploy/commands/deploy.js': `const { run } = require('@acme/deploy-sdk');\nmodule.exports = { type: 'cli-command', create: () => run };\n`,
      'packages/cli-plugin-deploy/utils/upload.ts': SLOW_CODE,
      'packages/scaffold/package.json': JSON.stringify({ name: '@acme/scaffold', keywords: ['acme', 'cli-plugin'], main: 'src/index.ts' }),
      'packages/scaffold/src/index.ts': SLOW_CODE,
      'packages/deploy-sdk/package.json': JSON.stringify({ name: '@acme/deploy-sdk', main: 'src/index.ts' }),
      'packages/deploy-sdk/src/index.ts': "export { run } from './runner';\n",
      'packages/deploy-sdk/src/runner.ts': SLOW_CODE.replace('load', 'run'),
      'packages/api-plugins/package.json': JSON.stringify({ name: '@acme/api-plugins', keywords: ['plugin'], main: 'src/index.ts' }),
      'packages/api-plugins/src/index.ts': SLOW_CODE,
    });
    assert.deepEqual(
      runJson(root).report.findings.map((finding) => finding.file),
      ['packages/api-plugins/src/index.ts'],
    );
    // Counted as scripts: the plugins' own files; the SDK only they import keeps its role.
    writeFiles(root, { '.perflintrc.json': JSON.stringify({ roles: { script: false } }) });
    assert.deepEqual((runJson(root).report as unknown as { unchecked: unknown }).unchecked, { script: 4 });
  });

  it('leaves a package without command-line programs as production code', () => {
    const root = trees.make({
      'app/package.json': JSON.stringify({ name: 'app', main: 'dist/index.js', scripts: { start: 'node dist/index.js' } }),
      'app/src/index.ts': SLOW_CODE,
    });
    assert.deepEqual(
      runJson(root).report.findings.map((finding) => finding.file),
      ['app/src/index.ts'],
    );
  });
});
