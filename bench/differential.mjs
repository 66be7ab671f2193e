// `node bench/differential.mjs save|check [--baseline FILE] [DIR...]`: the findings of dist/cli.js on every corpus,
// saved before a change and compared after it, so that a speed-up that changes a single finding is caught.
// `node bench/differential.mjs parsers [DIR...]` (Node.js 22 or later): every corpus scanned once with each parser the command has
// (`PERF_LINT_PARSER=typescript-estree` and `=oxc`), the two lists of findings compared; exit status 1 when they differ.
// The ORM corpus of the benchmark is always one of the corpora; each DIR is scanned in place (read only).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { buildCorpus } from './corpus.mjs';
import { PROJECT_ROOT } from './tools.mjs';

const { oxcParser } = createRequire(import.meta.url)('../out/rules/src/parse-oxc.js');

const PERF_LINT = join(PROJECT_ROOT, 'dist', 'cli.js');

function parseArguments(argv) {
  const [mode, ...rest] = argv;
  if (mode !== 'save' && mode !== 'check' && mode !== 'parsers') {
    throw new Error('usage: differential.mjs save|check [--baseline FILE] [DIR...] | parsers [DIR...]');
  }
  const options = { mode, baseline: resolve('perf-lint-differential.json'), dirs: [] };
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--baseline') options.baseline = resolve(rest[++i]);
    else options.dirs.push(resolve(rest[i]));
  }
  return options;
}

/** Every finding of one scan as one line of text, in the report's order. */
function findingsOf(dir, env = {}) {
  const result = spawnSync(process.execPath, [PERF_LINT, '--no-cache', '--format', 'json', '.'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, PERF_LINT_WORKERS: '0', ...env },
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

/** Prints how `after` differs from `before` (at most 20 lines each way); true when it does not. */
function report(name, before, after) {
  const { removed, added } = difference(before.findings, after.findings);
  const identical = removed.length === 0 && added.length === 0 && before.files === after.files;
  process.stdout.write(`${name}: ${after.files} files (before ${before.files}), ${after.findings.length} findings: ${identical ? 'identical' : 'DIFFERENT'}\n`);
  for (const line of removed.slice(0, 20)) process.stdout.write(`  - ${line}\n`);
  for (const line of added.slice(0, 20)) process.stdout.write(`  + ${line}\n`);
  return identical;
}

/** Each corpus scanned with typescript-estree's conversion (before) and with oxc-parser's raw transfer (after). */
function compareParsers(corpora) {
  if (!oxcParser()) throw new Error(`oxc-parser's raw transfer is not available on Node.js ${process.version}`);
  let same = true;
  for (const corpus of corpora) {
    process.stderr.write(`scanning ${corpus.name} with both parsers …\n`);
    const estree = findingsOf(corpus.dir, { PERF_LINT_PARSER: 'typescript-estree' });
    const oxc = findingsOf(corpus.dir, { PERF_LINT_PARSER: 'oxc' });
    same = report(corpus.name, estree, oxc) && same;
  }
  process.exitCode = same ? 0 : 1;
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  const scratch = mkdtempSync(join(tmpdir(), 'perf-lint-differential-'));
  try {
    const ormCorpus = join(scratch, 'orm-corpus');
    buildCorpus(ormCorpus, []);
    const corpora = [{ name: 'ORM corpus', dir: ormCorpus }, ...options.dirs.map((dir) => ({ name: basename(dir), dir }))];
    if (options.mode === 'parsers') return compareParsers(corpora);
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
      same = report(name, before, result) && same;
    }
    process.exitCode = same ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
