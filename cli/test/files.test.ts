import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../rules/src';
import { writeHostileFolder } from '../../rules/test/hostile-files';
import { inside } from '../../workspace/src';
import { COMMAND_TIMEOUT, CLEAN_CODE, SLOW_CODE, SLOW_RULE, runCli, runJson, TempTrees } from './helpers';

/** The files a JSON report has findings in. */
function filesWithFindings(root: string, args: string[] = []): string[] {
  return [...new Set(runJson(root, args).report.findings.map((finding) => finding.file))];
}

describe('perf-lint file selection', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('reads every source extension, not declaration files or other files', () => {
    const names = [
      'a.ts',
      'b.tsx',
      'c.mts',
      'd.cts',
      'e.js',
      'f.jsx',
      'g.mjs',
      'h.cjs',
      'types.d.ts',
      'types.d.mts',
      'types.d.cts',
      'notes.md',
      'data.json',
      'x.ts.orig',
    ];
    const root = trees.make(Object.fromEntries(names.map((name) => [name, SLOW_CODE])));
    assert.deepEqual(filesWithFindings(root), ['a.ts', 'b.tsx', 'c.mts', 'd.cts', 'e.js', 'f.jsx', 'g.mjs', 'h.cjs']);
    assert.equal(runJson(root).report.files, 8);
  });

  it('skips node_modules and .git at any depth, and analyzes source folders named build, out, dist or coverage', () => {
    const skipped = ['node_modules/pkg/a.js', 'packages/web/node_modules/x/a.js', '.git/hooks/a.js'];
    const analyzed = [
      '.next/a.js',
      'build/a.js',
      'coverage/a.js',
      'dist/a.js',
      'out/a.js',
      'packages/web/dist/a.js',
      'packages/web/src/a.ts',
      'src/a.ts',
      'src/commands/build/index.ts',
    ];
    const root = trees.make(Object.fromEntries([...skipped, ...analyzed].map((name) => [name, SLOW_CODE])));
    assert.deepEqual(filesWithFindings(root), analyzed);
  });

  it('honors .gitignore files at the root and in subfolders, negations included', () => {
    const root = trees.make({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'generated/a.ts': SLOW_CODE,
      'src/a.gen.ts': SLOW_CODE,
      'src/a.ts': SLOW_CODE,
      'src/legacy/.gitignore': '*.js\n!keep.js\n',
      'src/legacy/old.js': SLOW_CODE,
      'src/legacy/keep.js': SLOW_CODE,
    });
    assert.deepEqual(filesWithFindings(root), ['src/a.ts', 'src/legacy/keep.js']);
    fs.mkdirSync(path.join(root, '.git'));
    assert.deepEqual(filesWithFindings(path.join(root, 'src')), ['a.ts', 'legacy/keep.js'], "from a subfolder, the repository root's .gitignore still applies");
  });

  it("skips the configuration's exclude globs (a name without a slash matches at any depth)", () => {
    const root = trees.make({
      '.perflintrc.json': '{ "exclude": ["src/vendor/**", "*.spec.ts"] }',
      'src/vendor/lib.js': SLOW_CODE,
      'src/a.spec.ts': SLOW_CODE,
      'src/deep/b.spec.ts': SLOW_CODE,
      'src/a.ts': SLOW_CODE,
    });
    assert.deepEqual(filesWithFindings(root), ['src/a.ts']);
  });

  it('lints a file or folder named explicitly even if ignored, with a note', () => {
    const root = trees.make({ '.gitignore': 'generated/\n', 'generated/a.ts': SLOW_CODE, 'node_modules/lib/b.js': SLOW_CODE, 'notes.txt': 'x' });
    const named = runJson(root, ['generated/a.ts', 'node_modules/lib', 'notes.txt']);
    assert.deepEqual(
      named.report.findings.map((finding) => finding.file),
      ['generated/a.ts', 'node_modules/lib/b.js'],
    );
    assert.equal(
      named.stderr,
      'perf-lint: note: generated/a.ts is ignored (matched by .gitignore); linting it because it was named explicitly\n' +
        'perf-lint: note: node_modules/lib is ignored (inside node_modules); linting it because it was named explicitly\n' +
        'perf-lint: note: notes.txt is not a TypeScript or JavaScript source file; skipped\n',
    );
    // Unnamed, every file is ignored: the folder matches no file, which is a usage error, as in ESLint.
    assert.deepEqual(runCli(root, []), {
      status: 2,
      stdout: '',
      stderr: 'perf-lint: no files to lint in . (sources are .ts .tsx .mts .cts .js .jsx .mjs .cjs; ignored and excluded files are skipped)\n',
    });
  });

  it('reports files above maxFileSize instead of skipping them silently', () => {
    const big = `${SLOW_CODE}// ${'x'.repeat(300)}\n`;
    const root = trees.make({ '.perflintrc.json': '{ "maxFileSize": 200 }', 'big.ts': big, 'small.ts': CLEAN_CODE });
    const size = Buffer.byteLength(big);
    const { status, report } = runJson(root);
    assert.deepEqual(report, {
      version: 1,
      files: 1,
      findings: [],
      skipped: [{ file: 'big.ts', reason: `larger than maxFileSize (${size} bytes, limit 200)` }],
    });
    assert.equal(status, 0);
    const text = runCli(root, []);
    assert.equal(text.stdout, `Not analyzed:\n  big.ts  larger than maxFileSize (${size} bytes, limit 200)\n\n\u2714 No problems in 1 file.\n`);
  });

  it("lists files it cannot read or parse, and keeps every other file's findings", () => {
    const root = trees.make({});
    writeHostileFolder(root, DEFAULT_CONFIG.maxFileSize);
    const { status, report } = runJson(root);
    assert.deepEqual(
      report.findings.filter((finding) => finding.rule === SLOW_RULE).map((finding) => `${finding.file}:${finding.line}`),
      ['bom-crlf.ts:4', 'name with spaces.ts:4', 'nested/deeper/ordinary.mjs:4', 'ordinary.ts:4', 'syntax-error.ts:4', 'ünïcödé 名前.ts:4'],
    );
    const hugeSize = fs.statSync(path.join(root, 'huge.ts')).size;
    // The core parses a file only for rules whose prefilter matches it: deep.ts is listed once one does.
    const deep = report.skipped.find((entry) => entry.file === 'deep.ts');
    if (deep) assert.equal(deep.reason, 'nested too deeply (more than 400 levels)');
    const minified = report.skipped.find((entry) => entry.file === 'minified.js');
    assert.match(minified?.reason ?? '', /^looks minified \(a line of \d+ characters, the limit is 10000\)$/);
    assert.deepEqual(
      report.skipped.filter((entry) => entry !== deep && entry !== minified),
      [
        { file: 'binary.ts', reason: 'binary content (NUL bytes)' },
        { file: 'dangling.ts', reason: 'broken symbolic link' },
        { file: 'huge.ts', reason: `larger than maxFileSize (${hugeSize} bytes, limit ${DEFAULT_CONFIG.maxFileSize})` },
        { file: 'latin1.ts', reason: 'not valid UTF-8 text' },
        { file: 'loop-a.ts', reason: 'unreadable (ELOOP)' },
        { file: 'loop-b.ts', reason: 'unreadable (ELOOP)' },
        { file: 'nested/parent-loop', reason: 'symbolic link to a folder, not followed' },
        { file: 'syntax-error.ts', reason: "partially analyzed: syntax error on line 12: ')' expected; code around it was skipped" },
      ],
    );
    assert.equal(
      report.files,
      15 - (report.skipped.length - 2),
      'every source file but those not analyzed (the partly analyzed one counts; the linked folder is no file)',
    );
    assert.equal(status, 0);
  });
});

describe('inside', () => {
  it('gives the path under a folder, for normal paths and every other form', () => {
    const expected: Array<[string, string, string | undefined]> = [
      ['/repo', '/repo/src/db.ts', 'src/db.ts'],
      ['/repo', '/repo', ''],
      ['/repo', '/repository/db.ts', undefined],
      ['/repo/src', '/repo', undefined],
      ['/repo', '/other/db.ts', undefined],
      ['/repo', '/repo/.config/db.ts', '.config/db.ts'],
      ['/repo/', '/repo/src/db.ts', 'src/db.ts'],
      ['/repo/src/..', '/repo/lib/db.ts', 'lib/db.ts'],
      ['/repo', '/repo//src/./db.ts', 'src/db.ts'],
      ['/repo', '/repo/src/../../other/db.ts', undefined],
      ['/', '/repo/db.ts', 'repo/db.ts'],
    ];
    assert.deepEqual(
      expected.map(([base, target]) => [base, target, inside(base, target)]),
      expected,
    );
  });
});
