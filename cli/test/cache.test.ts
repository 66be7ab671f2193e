import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANALYSIS_BUNDLE, COMMAND_TIMEOUT, CLEAN_CODE, CLI, REPO_ROOT, SLOW_CODE, SLOW_RULE, cacheLine, runCli, TempTrees, writeFiles } from './helpers';

const DEBUG = { PERF_LINT_DEBUG: 'cache' };

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
    const result = runCli(root, ['--format', 'json', ...args], DEBUG, cli);
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
