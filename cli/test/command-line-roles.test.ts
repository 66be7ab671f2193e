import * as assert from 'node:assert/strict';
import { CLEAN_CODE, COMMAND_TIMEOUT, SLOW_CODE, runJson, TempTrees } from './helpers';

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
