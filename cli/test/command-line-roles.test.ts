import * as assert from 'node:assert/strict';
import { COMMAND_TIMEOUT, SLOW_CODE, runJson, TempTrees } from './helpers';

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

  it('gives a file that only scripts and tests of its package import the script role, through helpers of helpers', () => {
    const root = trees.make({
      'site/package.json': JSON.stringify({ name: 'site' }),
      '.perflintrc.json': JSON.stringify({ roles: { script: false } }),
      'site/scripts/generate.mjs': "import { load } from '../utils/slugs.mjs';\nawait load('a');\n",
      'site/utils/slugs.mjs': `import { helper } from './paths.mjs';\nvoid helper;\n${SLOW_CODE}`,
      'site/utils/paths.mjs': SLOW_CODE.replace('load', 'helper'),
      'site/utils/slugs.test.mjs': "import { load } from './shared.mjs';\ntest('loads', () => load('a'));\n",
      'site/utils/shared.mjs': SLOW_CODE,
      'site/app/route.mjs': "import { load } from '../utils/shared.mjs';\nexport const GET = () => load('a');\n",
      'site/utils/unused.mjs': SLOW_CODE,
      'site/scripts/build.mjs': "import { load } from '../../lib/src/index.mjs';\nawait load('a');\n",
      'lib/package.json': JSON.stringify({ name: 'lib', main: 'dist/index.js' }),
      'lib/src/index.mjs': "export { load } from './reader.mjs';\n",
      'lib/src/reader.mjs': SLOW_CODE,
    });
    const { report } = runJson(root);
    // A library's files serve consumers outside the repository: another package's script importing one says nothing of it.
    assert.deepEqual(report.findings.map((finding) => finding.file).sort(), ['lib/src/reader.mjs', 'site/utils/shared.mjs', 'site/utils/unused.mjs']);
    assert.deepEqual((report as unknown as { unchecked: unknown }).unchecked, { script: 4, test: 1 });
  });
});
