// `node bench/differential.mjs save|check [--baseline FILE] [DIR...]`: the findings of dist/cli.js on every corpus,
// saved before a change and compared after it, so that a speed-up that changes a single finding is caught.
// The ORM corpus of the benchmark is always one of the corpora; each DIR is scanned in place (read only).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { buildCorpus } from './corpus.mjs';
import { PROJECT_ROOT } from './tools.mjs';

const PERF_LINT = join(PROJECT_ROOT, 'dist', 'cli.js');

function parseArguments(argv) {
  const [mode, ...rest] = argv;
  if (mode !== 'save' && mode !== 'check') throw new Error('usage: differential.mjs save|check [--baseline FILE] [DIR...]');
  const options = { mode, baseline: resolve('perf-lint-differential.json'), dirs: [] };
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--baseline') options.baseline = resolve(rest[++i]);
    else options.dirs.push(resolve(rest[i]));
  }
  return options;
}

/** Every finding of one scan as one line of text, in the report's order. */
function findingsOf(dir) {
  const result = spawnSync(process.execPath, [PERF_LINT, '--no-cache', '--format', 'json', '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, PERF_LINT_WORKERS: '0' },
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`perf-lint exited with ${result.status} on ${dir}:\n${result.stderr.slice(-2000)}`);
  const report = JSON.parse(result.stdout);
  return {
    files: report.files,
    findings: report.findings.map((f) => [f.file, f.line, f.column, f.endLine, f.endColumn, f.rule, f.severity, f.fixable, f.message].join('\t')),
  };
}

/** What one list has and the other lacks, both ways. */
function difference(before, after) {
  const count = (list) => list.reduce((map, line) => map.set(line, (map.get(line) ?? 0) + 1), new Map());
  const [a, b] = [count(before), count(after)];
  const only = (x, y) => [...x].flatMap(([line, n]) => Array(Math.max(0, n - (y.get(line) ?? 0))).fill(line));
  return { removed: only(a, b), added: only(b, a) };
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'perf-lint-differential-'));
  try {
    const ormCorpus = join(scratch, 'orm-corpus');
    buildCorpus(ormCorpus, []);
    const corpora = [{ name: 'ORM corpus', dir: ormCorpus }, ...options.dirs.map((dir) => ({ name: basename(dir), dir }))];
    const results = {};
    for (const corpus of corpora) {
      process.stderr.write(`scanning ${corpus.name} …\n`);
      results[corpus.name] = findingsOf(corpus.dir);
    }
    if (options.mode === 'save') {
      writeFileSync(options.baseline, `${JSON.stringify(results)}\n`);
      for (const [name, result] of Object.entries(results)) process.stdout.write(`${name}: ${result.files} files, ${result.findings.length} findings saved\n`);
      return;
    }
    if (!existsSync(options.baseline)) throw new Error(`no baseline at ${options.baseline}: run with "save" before the change`);
    const baseline = JSON.parse(readFileSync(options.baseline, 'utf8'));
    let same = true;
    for (const [name, result] of Object.entries(results)) {
      const before = baseline[name];
      if (!before) {
        process.stdout.write(`${name}: not in the baseline\n`);
        same = false;
        continue;
      }
      const { removed, added } = difference(before.findings, result.findings);
      const identical = removed.length === 0 && added.length === 0 && before.files === result.files;
      same &&= identical;
      process.stdout.write(
        `${name}: ${result.files} files (before ${before.files}), ${result.findings.length} findings: ${identical ? 'identical' : 'DIFFERENT'}\n`,
      );
      for (const line of removed.slice(0, 20)) process.stdout.write(`  - ${line}\n`);
      for (const line of added.slice(0, 20)) process.stdout.write(`  + ${line}\n`);
    }
    process.exitCode = same ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
