import * as assert from 'node:assert/strict';
import { COMMAND_TIMEOUT, CLEAN_CODE, SLOW_CODE, cacheLine, runCli, TempTrees } from './helpers';

describe('perf-lint on worker threads', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('gives the same report as a single thread', () => {
    const files: Record<string, string> = { 'broken.ts': `${SLOW_CODE}export async function broken( {\n` };
    for (let index = 0; index < 24; index++) {
      files[`src/part${index % 3}/file${index}.ts`] =
        index % 4 === 0
          ? CLEAN_CODE
          : SLOW_CODE +
            SLOW_CODE.split('\n')[1]!
              .replace('load', `load${index}`)
              .repeat(index % 3);
    }
    const root = trees.make(files);
    const single = runCli(root, ['--format', 'json', '--no-cache'], { PERF_LINT_DEBUG: 'cache', PERF_LINT_WORKERS: '0' });
    const threaded = runCli(root, ['--format', 'json', '--no-cache'], { PERF_LINT_DEBUG: 'cache', PERF_LINT_WORKERS: '2' });
    assert.equal(cacheLine(single.stderr), 'cache: 0 hits, 25 analyzed, 0 workers');
    assert.equal(cacheLine(threaded.stderr), 'cache: 0 hits, 25 analyzed, 2 workers');
    assert.equal(threaded.stdout, single.stdout);
    assert.equal(threaded.status, single.status);
    const report = JSON.parse(single.stdout) as { findings: unknown[]; skipped: unknown[] };
    assert.equal(report.findings.length, 1 + 18 + 6 * 3, 'every blocking call is reported');
  });

  it('prints no progress line when stderr is not a terminal', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE });
    assert.equal(runCli(root, ['--format', 'json']).stderr, '');
  });
});
