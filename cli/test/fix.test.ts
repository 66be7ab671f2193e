import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_OPTIONS, fixText } from '../../rules/src';
import { CLEAN_CODE, COMMAND_TIMEOUT, coreFindings, positionOf, REPO_ROOT, runCli, runJson, SLOW_CODE, TempTrees } from './helpers';

describe('perf-lint --fix', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('writes the safe fixes in place, atomically, and reports what remains', () => {
    const root = trees.make({ 'src/slow.ts': SLOW_CODE, 'src/clean.ts': CLEAN_CODE });
    const file = path.join(root, 'src/slow.ts');
    fs.chmodSync(file, 0o640);
    const before = fs.statSync(file);
    const expected = fixText(SLOW_CODE, file, DEFAULT_OPTIONS).text;
    assert.notEqual(expected, SLOW_CODE, 'the core has a safe fix for this call');

    const { status, report } = runJson(root, ['--fix']);
    const after = fs.statSync(file);
    assert.equal(fs.readFileSync(file, 'utf8'), expected);
    assert.notEqual(after.ino, before.ino, 'replaced by a rename, not rewritten in place');
    assert.equal(after.mode & 0o777, 0o640, 'the file keeps its permissions');
    assert.deepEqual(fs.readdirSync(path.join(root, 'src')).sort(), ['clean.ts', 'slow.ts'], 'no temporary file left');
    assert.equal(fs.readFileSync(path.join(root, 'src/clean.ts'), 'utf8'), CLEAN_CODE);
    const remaining = coreFindings('src/slow.ts', expected, file);
    assert.deepEqual(report, { version: 1, files: 2, findings: remaining, skipped: [] });
    assert.equal(status, remaining.some((finding) => finding.severity === 'error') ? 1 : 0);
  });

  it('says what it fixed in the text summary; a second run has nothing left to fix', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'b.ts': SLOW_CODE });
    const first = runCli(root, ['--fix']);
    assert.match(first.stdout, /^Fixed 2 problems in 2 files\.$/m);
    const fixed = fs.readFileSync(path.join(root, 'a.ts'), 'utf8');
    const second = runCli(root, ['--fix']);
    assert.doesNotMatch(second.stdout, /^Fixed/m);
    assert.equal(fs.readFileSync(path.join(root, 'a.ts'), 'utf8'), fixed);
  });

  it('leaves files alone without --fix', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE });
    runCli(root, []);
    assert.equal(fs.readFileSync(path.join(root, 'a.ts'), 'utf8'), SLOW_CODE);
  });
});

describe('perf-lint --fix on the concurrency fixtures', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());
  const fixtures = path.join(REPO_ROOT, 'test-fixtures/await-in-loop/fixes');

  for (const name of ['call-only', 'for-of']) {
    it(`${name}: the file becomes the fixture's expected output`, () => {
      const input = fs.readFileSync(path.join(fixtures, `${name}.input.ts`), 'utf8');
      const root = trees.make({ [`${name}.ts`]: input });
      const before = runJson(root, ['--no-cache']).report.findings.filter((finding) => finding.rule === 'await-in-loop');
      assert.deepEqual(
        before.map((finding) => ({ line: finding.line, column: finding.column, fixable: finding.fixable })),
        [{ ...positionOf(input, 'await '), fixable: true }],
      );
      runJson(root, ['--fix']);
      assert.equal(fs.readFileSync(path.join(root, `${name}.ts`), 'utf8'), fs.readFileSync(path.join(fixtures, `${name}.output.ts`), 'utf8'));
    });
  }
});
