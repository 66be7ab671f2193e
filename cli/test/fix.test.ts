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

  for (const name of ['for-of', 'continue-guard', 'pipeline']) {
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

describe('perf-lint --fix keeps the rest of the file as it was', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());
  const fixtures = path.join(REPO_ROOT, 'test-fixtures/await-in-loop/fixes');
  const input = fs.readFileSync(path.join(fixtures, 'for-of.input.ts'), 'utf8');
  const output = fs.readFileSync(path.join(fixtures, 'for-of.output.ts'), 'utf8');
  /** A Latin-1 `é` (one byte, not UTF-8) in a header comment of a CRLF file. */
  const latin1 = (text: string): Buffer => Buffer.concat([Buffer.from('// Caf'), Buffer.from([0xe9]), Buffer.from(`\r\n\r\n${text.replace(/\n/g, '\r\n')}`)]);

  it('keeps bytes that are not UTF-8 and CRLF line ends', () => {
    const root = trees.make({ 'a.ts': latin1(input) });
    runJson(root, ['--fix', '--no-cache']);
    assert.deepEqual(fs.readFileSync(path.join(root, 'a.ts')), latin1(output));
  });

  it('refuses to write a fix that would change a line holding such bytes', () => {
    const [head, tail] = input.split('const user = await fetchUser(id);') as [string, string];
    const code = Buffer.concat([Buffer.from(`${head}const user = await fetchUser(id); // caf`), Buffer.from([0xe9]), Buffer.from(tail)]);
    const root = trees.make({ 'a.ts': code });
    const { stderr } = runJson(root, ['--fix', '--no-cache']);
    assert.deepEqual(fs.readFileSync(path.join(root, 'a.ts')), code);
    assert.match(stderr, /a\.ts: fixes not written: a line the fixes change holds bytes that are not UTF-8/);
  });

  it('--fix-dry-run prints the unified diff, writes nothing, and exits as without it', () => {
    const root = trees.make({ 'src/a.ts': input, 'src/clean.ts': CLEAN_CODE });
    const plain = runCli(root, ['--no-cache']);
    const preview = runCli(root, ['--fix-dry-run', '--no-cache']);
    assert.equal(fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8'), input);
    assert.equal(preview.status, plain.status);
    assert.match(preview.stdout, /^--- a\/src\/a\.ts\n\+\+\+ b\/src\/a\.ts\n@@ -1,\d+ \+1,\d+ @@\n/);
    assert.ok(preview.stdout.includes('-  for (const id of ids) {\n'), preview.stdout);
    assert.ok(preview.stdout.includes('+  for (const [index, id] of ids.entries()) {\n'), preview.stdout);
    assert.match(preview.stderr, /1 fix in 1 file would be applied; nothing was written/);
    // The diff applies: patched, the file is what --fix writes.
    runCli(root, ['--fix', '--no-cache']);
    assert.equal(fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8'), output);
  });
});

describe('perf-lint --fix with a helper module for the project', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());
  const fixtures = path.join(REPO_ROOT, 'test-fixtures/await-in-loop/fixes');
  const input = fs.readFileSync(path.join(fixtures, 'for-of.input.ts'), 'utf8');
  const created = fs.readFileSync(path.join(fixtures, 'helper-module-new.created.cjs'), 'utf8');
  const config = JSON.stringify({ fixes: { helperModule: 'src/lib/concurrency.ts' } });

  it('creates the module once and imports it from every fixed file with its relative path', () => {
    const root = trees.make({ '.perflintrc.json': config, 'src/a.ts': input, 'src/deep/b.ts': input });
    runCli(root, ['--fix', '--no-cache']);
    const module = fs.readFileSync(path.join(root, 'src/lib/concurrency.ts'), 'utf8');
    assert.match(module, /^\/\*\* Calls `mapper`.*\nexport function mapWithConcurrency<Items extends readonly unknown\[\], R>\(/);
    assert.equal(module.split('\n').length, created.split('\n').length - 2, 'the helper, exported, without module.exports');
    const a = fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8');
    const b = fs.readFileSync(path.join(root, 'src/deep/b.ts'), 'utf8');
    assert.ok(a.startsWith("import { mapWithConcurrency } from './lib/concurrency';\n\n"), a);
    assert.ok(b.startsWith("import { mapWithConcurrency } from '../lib/concurrency';\n\n"), b);
    assert.doesNotMatch(a + b, /function mapWithConcurrency/);
    // An existing module is never written over, and a second run has nothing to fix.
    fs.writeFileSync(path.join(root, 'src/lib/concurrency.ts'), `// ours\n${module}`);
    fs.writeFileSync(path.join(root, 'src/c.ts'), input);
    runCli(root, ['--fix', '--no-cache']);
    assert.ok(fs.readFileSync(path.join(root, 'src/lib/concurrency.ts'), 'utf8').startsWith('// ours\n'));
    assert.ok(fs.readFileSync(path.join(root, 'src/c.ts'), 'utf8').startsWith("import { mapWithConcurrency } from './lib/concurrency';\n"));
    assert.equal(fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8'), a);
  });

  it('--fix-dry-run shows the module as a new file and writes nothing', () => {
    const root = trees.make({ '.perflintrc.json': config, 'src/a.ts': input });
    const preview = runCli(root, ['--fix-dry-run', '--no-cache']);
    assert.ok(preview.stdout.startsWith('--- /dev/null\n+++ b/src/lib/concurrency.ts\n@@ -0,0 +1,'), preview.stdout);
    assert.ok(preview.stdout.includes("+import { mapWithConcurrency } from './lib/concurrency';\n"), preview.stdout);
    assert.equal(fs.existsSync(path.join(root, 'src/lib')), false);
    assert.equal(fs.readFileSync(path.join(root, 'src/a.ts'), 'utf8'), input);
  });

  it('refuses a helper module that is not a relative path to a source file', () => {
    for (const helperModule of ['/abs/concurrency.ts', 'src/lib/concurrency.json', 42]) {
      const root = trees.make({ '.perflintrc.json': JSON.stringify({ fixes: { helperModule } }), 'src/a.ts': input });
      const run = runCli(root, ['--no-cache']);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /"fixes\.helperModule" must be a path relative to this file's folder/);
    }
  });
});
