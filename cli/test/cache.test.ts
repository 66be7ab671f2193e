import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ANALYSIS_BUNDLE,
  COMMAND_TIMEOUT,
  CLEAN_CODE,
  CLI,
  REPO_ROOT,
  SLOW_CODE,
  SLOW_RULE,
  cacheLine,
  runCli,
  TempTrees,
  writeFiles,
  type JsonReport,
} from './helpers';

let runs = 0;
/** A key of its own per run: the last run's report is never reused, however long ago the files were written, so each run shows this cache. */
const debug = (): Record<string, string> => ({ PERF_LINT_DEBUG: 'cache', PERF_LINT_TEST_RUN: String(++runs) });

/** A copy of the built command (and its analysis bundle) in `tool`/dist. */
function copyTool(tool: string): void {
  fs.mkdirSync(path.join(tool, 'dist'));
  fs.copyFileSync(CLI, path.join(tool, 'dist/cli.js'));
  fs.copyFileSync(ANALYSIS_BUNDLE, path.join(tool, 'dist/cli-analysis.js'));
}

describe('perf-lint result cache', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  const run = (root: string, args: string[] = [], cli?: string) => {
    const result = runCli(root, ['--format', 'json', ...args], debug(), cli);
    return { line: cacheLine(result.stderr), stdout: result.stdout, status: result.status };
  };

  it('is on by default under node_modules/.cache/perf-lint, and a second run reads it', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'b.ts': CLEAN_CODE });
    const cold = run(root);
    assert.equal(cold.line, 'cache: 0 hits, 2 analyzed, 0 workers');
    assert.ok(fs.existsSync(path.join(root, 'node_modules/.cache/perf-lint/results.json')));
    const warm = run(root);
    assert.equal(warm.line, 'cache: 2 hits, 0 analyzed, 0 workers');
    assert.equal(warm.stdout, cold.stdout, 'the same report from the cache');
    assert.equal(warm.status, 0);
  });

  it('analyzes a file again when its content changes', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'b.ts': CLEAN_CODE });
    run(root);
    writeFiles(root, { 'b.ts': SLOW_CODE });
    const changed = run(root);
    assert.equal(changed.line, 'cache: 1 hits, 1 analyzed, 0 workers');
    assert.equal((JSON.parse(changed.stdout) as { findings: unknown[] }).findings.length, 2);
  });

  it('does not read a file again while its size, times and inode stay, and reads one rewritten to the same size and time', async () => {
    const slowSameSize = SLOW_CODE.replace('load', 'read');
    const root = trees.make({ 'a.ts': SLOW_CODE, 'b.ts': CLEAN_CODE });
    // Files changed in the last two seconds are not stamped: their times cannot yet tell a second write apart.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const unread = (): string => /unchanged since stamped.*/.exec(runCli(root, ['--format', 'json'], debug()).stderr)?.[0] ?? 'no line';
    assert.equal(unread(), 'unchanged since stamped, not read: 0 of 2 files');
    assert.equal(unread(), 'unchanged since stamped, not read: 2 of 2 files');
    const { mtime } = fs.statSync(path.join(root, 'a.ts'));
    writeFiles(root, { 'a.ts': slowSameSize });
    fs.utimesSync(path.join(root, 'a.ts'), mtime, mtime);
    assert.equal(fs.statSync(path.join(root, 'a.ts')).size, Buffer.byteLength(SLOW_CODE));
    assert.equal(run(root).line, 'cache: 1 hits, 1 analyzed, 0 workers');
  });

  it('analyzes everything again when the configuration or the dependencies change', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'b.ts': CLEAN_CODE });
    run(root);
    writeFiles(root, { '.perflintrc.json': '{ "concurrencyLimit": 4 }' });
    assert.equal(run(root).line, 'cache: 0 hits, 2 analyzed, 0 workers');
    assert.equal(run(root).line, 'cache: 2 hits, 0 analyzed, 0 workers');
    assert.equal(run(root, ['--rule', `${SLOW_RULE}=error`]).line, 'cache: 0 hits, 2 analyzed, 0 workers');
    writeFiles(root, { 'package.json': '{ "dependencies": { "p-map": "^7.0.0" } }' });
    assert.equal(run(root).line, 'cache: 0 hits, 2 analyzed, 0 workers');
  });

  it('analyzes again the files under a nested configuration that changed, and only those, with what it now says', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'jobs/b.ts': SLOW_CODE, 'jobs/.perflintrc.json': '{ "concurrencyLimit": 4 }' });
    const severities = (stdout: string): string[] => (JSON.parse(stdout) as JsonReport).findings.map((finding) => `${finding.file} ${finding.severity}`);
    assert.deepEqual(severities(run(root).stdout), ['a.ts warning', 'jobs/b.ts warning']);
    writeFiles(root, { 'jobs/.perflintrc.json': `{ "rules": { "${SLOW_RULE}": "error" } }` });
    const changed = run(root);
    assert.equal(changed.line, 'cache: 1 hits, 1 analyzed, 0 workers');
    assert.deepEqual(severities(changed.stdout), ['a.ts warning', 'jobs/b.ts error']);
  });

  it('analyzes everything again under another version of the tool', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE });
    const tool = trees.make({ 'package.json': '{ "name": "perf-lint", "version": "99.0.0" }' });
    copyTool(tool);
    run(root);
    assert.equal(run(root, [], path.join(tool, 'dist/cli.js')).line, 'cache: 0 hits, 1 analyzed, 0 workers');
    assert.equal(run(root, [], path.join(tool, 'dist/cli.js')).line, 'cache: 1 hits, 0 analyzed, 0 workers');
    assert.equal(run(root).line, 'cache: 0 hits, 1 analyzed, 0 workers');
  });

  it('analyzes everything again under another build of the same version', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE });
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const tool = trees.make({ 'package.json': JSON.stringify({ name: 'perf-lint', version }) });
    copyTool(tool);
    // Another build: the same version, written at another time.
    fs.utimesSync(path.join(tool, 'dist/cli.js'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    run(root);
    assert.equal(run(root, [], path.join(tool, 'dist/cli.js')).line, 'cache: 0 hits, 1 analyzed, 0 workers');
    assert.equal(run(root, [], path.join(tool, 'dist/cli.js')).line, 'cache: 1 hits, 0 analyzed, 0 workers');
  });

  it('--no-cache neither reads nor writes it; --cache-location moves it', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE });
    assert.equal(run(root, ['--no-cache']).line, 'cache: 0 hits, 1 analyzed, 0 workers');
    assert.ok(!fs.existsSync(path.join(root, 'node_modules')));
    run(root, ['--cache-location', '.perf-cache']);
    assert.ok(fs.existsSync(path.join(root, '.perf-cache/results.json')));
    assert.equal(run(root, ['--cache-location', '.perf-cache']).line, 'cache: 1 hits, 0 analyzed, 0 workers');
    assert.equal(run(root, ['--no-cache', '--cache-location', '.perf-cache']).line, 'cache: 0 hits, 1 analyzed, 0 workers');
  });

  it('a damaged cache file is ignored and replaced', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'node_modules/.cache/perf-lint/results.json': '{ not json' });
    const result = run(root);
    assert.equal(result.line, 'cache: 0 hits, 1 analyzed, 0 workers');
    assert.equal(result.status, 0);
    assert.equal(run(root).line, 'cache: 1 hits, 0 analyzed, 0 workers');
  });
});

describe('perf-lint result cache in a hostile checkout', function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  after(() => trees.removeAll());

  const run = (root: string, args: string[] = []) => {
    const result = runCli(root, ['--format', 'json', '--max-warnings', '0', ...args], debug());
    return { line: cacheLine(result.stderr), stdout: result.stdout, stderr: result.stderr, status: result.status };
  };
  /** A file of the user's outside the checkout, that a committed link points the cache at. */
  const victim = (): { file: string; content: string } => {
    const home = trees.make({ '.bashrc': 'export PATH=$PATH:/usr/local/bin\n' });
    return { file: path.join(home, '.bashrc'), content: 'export PATH=$PATH:/usr/local/bin\n' };
  };
  const code =
    "import { readFileSync } from 'node:fs';\n// $(touch /tmp/pwned)\nexport async function load(name) { return readFileSync(name, 'utf8'); } // $(touch /tmp/pwned)\n";

  it('never writes through a link in place of the cache file: the link is replaced, its target untouched', () => {
    const { file, content } = victim();
    const root = trees.make({ 'a.ts': code });
    fs.mkdirSync(path.join(root, 'node_modules/.cache/perf-lint'), { recursive: true });
    fs.symlinkSync(file, path.join(root, 'node_modules/.cache/perf-lint/results.json'));
    const first = run(root);
    assert.equal(first.status, 1);
    assert.equal(fs.readFileSync(file, 'utf8'), content, 'the linked file is untouched');
    const cacheFile = path.join(root, 'node_modules/.cache/perf-lint/results.json');
    assert.ok(fs.lstatSync(cacheFile).isFile(), 'the link was replaced by the cache');
    assert.equal(run(root).line, 'cache: 1 hits, 0 analyzed, 0 workers');
  });

  for (const linked of ['node_modules', 'node_modules/.cache', 'node_modules/.cache/perf-lint']) {
    it(`uses no cache when ${linked} is a link, and writes nothing where it points`, () => {
      const elsewhere = trees.make({});
      const root = trees.make({ 'a.ts': code });
      fs.mkdirSync(path.join(root, path.dirname(linked)), { recursive: true });
      fs.symlinkSync(elsewhere, path.join(root, linked));
      const result = run(root);
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(`perf-lint: note: the cache is not used: .*${linked.replace(/[./]/g, '\\$&')} is a symbolic link`));
      assert.deepEqual(fs.readdirSync(elsewhere, { recursive: true }), []);
      assert.equal(run(root).line, 'cache: 0 hits, 1 analyzed, 0 workers');
    });
  }

  it('keeps no source text in the cache, and still shows the line of code from a cached result', () => {
    const root = trees.make({ 'a.ts': code });
    const cold = runCli(root, ['--format', 'html'], debug());
    const cache = fs.readFileSync(path.join(root, 'node_modules/.cache/perf-lint/results.json'), 'utf8');
    assert.ok(!cache.includes('$(touch'), cache);
    assert.ok(!cache.includes('readFileSync(name'), cache);
    const warm = runCli(root, ['--format', 'html'], debug());
    assert.equal(cacheLine(warm.stderr), 'cache: 1 hits, 0 analyzed, 0 workers');
    assert.equal(warm.stdout, cold.stdout);
  });

  const wellFormed = (root: string): { content: { tool: string; entries: Record<string, Record<string, unknown>> }; file: string } => {
    const file = path.join(root, 'node_modules/.cache/perf-lint/results.json');
    return { content: JSON.parse(fs.readFileSync(file, 'utf8')) as { tool: string; entries: Record<string, Record<string, unknown>> }, file };
  };
  /** Ways to damage a cache entry while the cache stays valid JSON. */
  const damages: Array<[string, (entry: Record<string, unknown>) => void]> = [
    ['findings that are not a list', (entry) => ((entry.results as Record<string, unknown>).findings = { length: 1 })],
    ['a finding without a position', (entry) => ((entry.results as { findings: Array<Record<string, unknown>> }).findings[0]!.line = 'one')],
    ['a finding of an unknown rule', (entry) => ((entry.results as { findings: Array<Record<string, unknown>> }).findings[0]!.rule = '__proto__')],
    [
      'signals that are strings',
      (entry) => (entry.signals = { awaitInLoop: 'no', combinatorOverArray: 'no', blockingName: 'no', reachesDatabase: 'no', importsProjectFile: 'no' }),
    ],
    ['facts of the wrong shape', (entry) => (entry.facts = { file: 'a', models: 'all', exports: null })],
    ['an error that is a number', (entry) => ((entry.results as Record<string, unknown>).error = 42)],
    ['a hash that is an object', (entry) => (entry.hash = { toString: null })],
    ['results with a key the tool never writes', (entry) => ((entry.results as Record<string, unknown>).extra = [])],
    ['results without their unused directives', (entry) => delete (entry.results as Record<string, unknown>).unusedDirectives],
    [
      'a finding whose message is longer than any the tool writes',
      (entry) => ((entry.results as { findings: Array<{ message: string }> }).findings[0]!.message = 'A'.repeat(1_000_000)),
    ],
  ];
  it('drops each entry of the wrong shape and analyzes its file again, keeping the others', () => {
    const names = damages.map((_damage, index) => `f${index}.ts`);
    const root = trees.make(Object.fromEntries([...names, 'intact.ts'].map((name) => [name, SLOW_CODE])));
    const cold = run(root);
    const { content, file } = wellFormed(root);
    damages.forEach(([, damage], index) => damage(content.entries[path.join(root, names[index]!)]!));
    fs.writeFileSync(file, JSON.stringify(content));
    const result = run(root);
    assert.equal(result.line, `cache: 1 hits, ${damages.length} analyzed, 0 workers`, result.stderr);
    assert.equal(result.stdout, cold.stdout);
    assert.equal(result.status, 1);
    assert.equal(run(root).line, `cache: ${damages.length + 1} hits, 0 analyzed, 0 workers`);
  });

  it('reads back every kind of project fact it stores: a second run of a project with services, fields and aliases analyzes nothing', () => {
    const root = trees.make({
      'package.json': '{ "dependencies": { "@prisma/client": "5.0.0" } }',
      'db.ts': "import { PrismaClient } from '@prisma/client';\n\nexport const prisma = new PrismaClient();\n",
      'repository.ts': [
        "import { prisma } from './db';",
        '',
        'export class Repository<Name extends string> {',
        '  constructor(readonly name: Name) {}',
        '  find(id: string) {',
        '    return prisma.user.findUnique({ where: { id } });',
        '  }',
        '}',
        '',
      ].join('\n'),
      'types.ts':
        "import type { Repository } from './repository';\n\nexport type UserRepository = Repository<'user'>;\nexport const DEFAULT_REPOSITORY = 'user';\n",
      'users.ts': [
        "import type { UserRepository } from './types';",
        '',
        'export class UserService {',
        '  constructor(readonly users: UserRepository) {}',
        '}',
        '',
      ].join('\n'),
    });
    assert.equal(run(root).line, 'cache: 0 hits, 4 analyzed, 0 workers');
    const keys = Object.values(wellFormed(root).content.entries).flatMap((entry) => Object.keys((entry.facts as object | null) ?? {}));
    assert.ok(keys.includes('functions') && keys.includes('fields') && keys.includes('aliases'), keys.join());
    assert.equal(run(root).line, 'cache: 4 hits, 0 analyzed, 0 workers');
  });

  it('prunes the entries of deleted files', () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'b.ts': CLEAN_CODE, 'sub/c.ts': CLEAN_CODE });
    run(root);
    fs.rmSync(path.join(root, 'b.ts'));
    writeFiles(root, { 'a.ts': `${SLOW_CODE}// changed\n` });
    // A run over part of the tree keeps the entries of the rest.
    run(root, ['a.ts']);
    assert.deepEqual(Object.keys(wellFormed(root).content.entries).sort(), [path.join(root, 'a.ts'), path.join(root, 'sub/c.ts')]);
  });

  it("removes a temporary file left by a killed --fix, and the cache's own, on the next run", () => {
    const root = trees.make({ 'a.ts': SLOW_CODE, 'node_modules/.cache/perf-lint/.results.json.perf-lint-1-00aa.tmp': '{}' });
    // A process id that no process has (above the kernel's limit) and an old one of this process's writer.
    writeFiles(root, {
      '.a.ts.perf-lint-4194305-1764590000000.tmp': SLOW_CODE,
      '.a.ts.perf-lint-1-1764590000000.tmp': SLOW_CODE,
      'keep.perf-lint-1.tmp': 'not ours',
    });
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(path.join(root, '.a.ts.perf-lint-1-1764590000000.tmp'), old, old);
    fs.utimesSync(path.join(root, 'node_modules/.cache/perf-lint/.results.json.perf-lint-1-00aa.tmp'), old, old);
    run(root);
    assert.deepEqual(fs.readdirSync(root).sort(), ['a.ts', 'keep.perf-lint-1.tmp', 'node_modules']);
    assert.deepEqual(fs.readdirSync(path.join(root, 'node_modules/.cache/perf-lint')), ['results.json']);
  });
});
