// `npm run bench [-- PATH... --app DIR... --runs N --json FILE --keep --only latency]`: perf-lint against ESLint and oxlint on real code.
// Applications to compare on, scanned where they are (read only): `--app DIR`, or PERF_LINT_BENCH_APPS=DIR:DIR.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, delimiter, join, relative, resolve } from 'node:path';
import { buildCorpus, CORPUS_PACKAGES, replicateCorpus } from './corpus.mjs';
import { measurementMethod, median } from './measure.mjs';
import { measureServerLatency } from './server-latency.mjs';
import { eslint, oxlint, perfLint, PROJECT_ROOT } from './tools.mjs';

const TARGETS = {
  eslintRatio: 10,
  oxlintRatio: 3,
  cacheSpeedup: 20,
  latencyMedianMs: 15,
  firstDiagnosticsMs: 1000,
  latencyP95Ms: 50,
  memoryFiles: 8000,
  memoryMb: 300,
};

/** Steps that `--only` runs without the rest of the bench. */
const STEPS_ALONE = ['latency'];

function parseArguments(argv) {
  const options = { runs: 3, paths: [], apps: [], json: undefined, keep: false, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--runs') options.runs = Math.max(1, Number(argv[++i]));
    else if (argument === '--app') options.apps.push(resolve(argv[++i]));
    else if (argument === '--json') options.json = resolve(argv[++i]);
    else if (argument === '--keep') options.keep = true;
    else if (argument === '--only') options.only = argv[++i];
    else if (argument.startsWith('--')) throw new Error(`unknown option ${argument} (known: --app DIR, --runs N, --json FILE, --keep, --only latency)`);
    else options.paths.push(resolve(argument));
  }
  if (options.only !== undefined && !STEPS_ALONE.includes(options.only))
    throw new Error(`--only ${options.only ?? ''}: the steps that run alone are ${STEPS_ALONE.join(', ')}`);
  if (options.apps.length === 0 && process.env.PERF_LINT_BENCH_APPS) {
    options.apps = process.env.PERF_LINT_BENCH_APPS.split(delimiter)
      .filter(Boolean)
      .map((path) => resolve(path));
  }
  return options;
}

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestModification(join(path, entry))));
}

/** Rebuilds dist/ when a source is newer than the bundles, so that the figures are never those of stale code. */
function buildIfNeeded() {
  const built = Math.min(
    ...['cli.js', 'server.js'].map((name) => (existsSync(join(PROJECT_ROOT, 'dist', name)) ? statSync(join(PROJECT_ROOT, 'dist', name)).mtimeMs : 0)),
  );
  const sources = Math.max(...['rules/src', 'cli/src', 'server/src', 'scripts', 'package.json'].map((path) => newestModification(join(PROJECT_ROOT, path))));
  const hasServerSource = existsSync(join(PROJECT_ROOT, 'server', 'src', 'main.ts'));
  const missing = !existsSync(join(PROJECT_ROOT, 'dist', 'cli.js')) || (hasServerSource && !existsSync(join(PROJECT_ROOT, 'dist', 'server.js')));
  if (!missing && built >= sources) return;
  process.stderr.write('building dist/ …\n');
  const build = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0) throw new Error('npm run build failed');
}

const seconds = (ms) => (ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (mb) => (mb === undefined ? 'n/a' : `${mb.toFixed(0)} MB`);
const milliseconds = (ms) => (ms === undefined ? 'n/a' : `${ms.toFixed(1)} ms`);
const ratio = (value) => (value === undefined || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(1)}x`);
const verdict = (met) => (met ? 'met' : 'NOT met');

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => String(cell).padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Runs every runner `runs` times, interleaved so that the machine's noise falls on all of them alike; returns medians. */
async function compare(runners, runs, invoke) {
  const samples = new Map(runners.map((runner) => [runner, []]));
  for (let run = 0; run < runs; run++) {
    for (const runner of runners) {
      process.stderr.write(`  ${runner.name} run ${run + 1}/${runs}\n`);
      samples.get(runner).push(await invoke(runner, run));
    }
  }
  return runners.map((runner) => summarize(runner.name, samples.get(runner)));
}

function summarize(name, results) {
  const first = results[0];
  const stable = results.every((result) => result.findings === first.findings && result.files === first.files);
  return {
    name,
    files: first.files,
    findings: first.findings,
    byRule: first.byRule,
    unparsed: first.unparsed,
    stable,
    wallMs: median(results.map((result) => result.wallMs)),
    minWallMs: Math.min(...results.map((result) => result.wallMs)),
    cpuMs: median(results.map((result) => result.cpuMs)),
    peakRssMb: median(results.map((result) => result.peakRssMb)),
    instructions: median(results.map((result) => result.instructions)),
    runs: results.length,
  };
}

function scanRow(summary) {
  return [
    summary.name,
    summary.files,
    `${summary.findings}${summary.stable ? '' : ' (varies!)'}`,
    seconds(summary.wallMs),
    seconds(summary.minWallMs),
    seconds(summary.cpuMs),
    Math.round(summary.files / (summary.wallMs / 1000)),
    megabytes(summary.peakRssMb),
    ...(summary.instructions === undefined ? [] : [`${(summary.instructions / 1e9).toFixed(2)} G`]),
  ];
}

const SCAN_HEADER = ['tool', 'files', 'findings', 'wall (median)', 'wall (min)', 'CPU (median)', 'files/s', 'peak RSS'];

/** A runner that scans with a cache filled by an unmeasured scan just before, so that it measures the second run alone. */
function cachedPerfLint(perf, cacheRoot, label) {
  return {
    name: 'perf-lint again (cache)',
    async run(roots, settings) {
      const cache = join(cacheRoot, `${label}-${settings.run}`);
      await perf.run(roots, { ...settings, cache });
      return perf.run(roots, { ...settings, cache });
    },
  };
}

/** Perf Lint, ESLint, oxlint and perf-lint's cached re-run on one application, scanned in place (`.` from its folder). */
async function scanApplication(app, runs, workspace, perf) {
  const cacheRoot = join(workspace, 'caches');
  mkdirSync(cacheRoot, { recursive: true });
  const runners = [perf, eslint(workspace), oxlint(), cachedPerfLint(perf, cacheRoot, basename(app))];
  const [ours, theirs, oxc, again] = await compare(runners, runs, (runner, run) => runner.run(['.'], { cwd: app, run }));
  return { corpus: basename(app), perf: ours, eslint: theirs, oxlint: oxc, cached: again };
}

/** One row of the side-by-side table: each tool's wall and CPU time, and the ratios the targets are about. */
function sideBySideRow(row) {
  const time = (summary) => `${seconds(summary.wallMs)} / ${seconds(summary.cpuMs)}`;
  return [
    `${row.corpus} (${row.perf.files})`,
    `${time(row.perf)} (${row.perf.findings})`,
    `${time(row.eslint)} (${row.eslint.findings})`,
    `${time(row.oxlint)} (${row.oxlint.findings})`,
    time(row.cached),
    `${ratio(row.eslint.cpuMs / row.perf.cpuMs)} / ${ratio(row.perf.cpuMs / row.oxlint.cpuMs)} / ${ratio(row.perf.cpuMs / row.cached.cpuMs)}`,
  ];
}

const SIDE_BY_SIDE_HEADER = [
  'corpus (files)',
  'Perf Lint, wall / CPU (findings)',
  'ESLint (findings)',
  'oxlint (findings)',
  'Perf Lint again (cache)',
  'CPU: ESLint/ours, ours/oxlint, first/cached',
];

/** The language server's change-to-diagnostics latency on the corpus, printed; returns the figures. */
async function latencyStep(say, corpusDirectory, corpus) {
  say('## Language server: change to diagnostics (pull diagnostics; no debounce in the path)');
  // As the extension starts it: with a folder for the server's code cache, which its first start fills as it exits.
  const codeCache = mkdtempSync(join(tmpdir(), 'perf-lint-code-cache-'));
  const firstStart = await measureServerLatency(corpusDirectory, corpus, codeCache);
  const latency = firstStart.skipped ? firstStart : await measureServerLatency(corpusDirectory, corpus, codeCache);
  rmSync(codeCache, { recursive: true, force: true });
  if (latency.skipped) {
    say(`skipped: ${latency.skipped}`);
  } else {
    say(
      table([
        ['file', 'lines', 'edits', 'median', 'p95', 'max', 'server CPU per edit'],
        ...latency.files.map((row) => [
          row.file,
          row.lines,
          row.edits,
          milliseconds(row.medianMs),
          milliseconds(row.p95Ms),
          milliseconds(row.maxMs),
          milliseconds(row.cpuPerEditMs),
        ]),
      ]),
    );
    say(`(${latency.sync} document sync; timed after the server's start-up indexing of the workspace, which took ${seconds(latency.indexingMs)})`);
    say(
      `Start to first diagnostics of an opened file: ${milliseconds(latency.firstDiagnosticsMs)}, server CPU ${milliseconds(latency.firstDiagnosticsCpuMs)} ` +
        `(the server answered \`initialize\` after ${milliseconds(latency.readyMs)}, CPU ${milliseconds(latency.readyCpuMs)}; ` +
        `target < ${TARGETS.firstDiagnosticsMs} ms: ${verdict(latency.firstDiagnosticsMs < TARGETS.firstDiagnosticsMs)})`,
    );
    say(
      `The server's first start, before its code cache existed: first diagnostics after ${milliseconds(firstStart.firstDiagnosticsMs)}, ` +
        `server CPU ${milliseconds(firstStart.firstDiagnosticsCpuMs)}`,
    );
    const thousand = latency.files[0];
    say(
      `1,000-line file: median ${milliseconds(thousand.medianMs)} (target < ${TARGETS.latencyMedianMs} ms: ${verdict(thousand.medianMs < TARGETS.latencyMedianMs)}), ` +
        `p95 ${milliseconds(thousand.p95Ms)} (target < ${TARGETS.latencyP95Ms} ms: ${verdict(thousand.p95Ms < TARGETS.latencyP95Ms)})`,
    );
  }
  return latency;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  buildIfNeeded();
  const workspace = mkdtempSync(join(tmpdir(), 'perf-lint-bench-'));
  const say = (text = '') => process.stdout.write(`${text}\n`);
  try {
    const corpusDirectory = join(workspace, 'corpus', 'copy-1');
    const corpus = buildCorpus(corpusDirectory, options.paths);
    const relativeRoot = (root) => relative(workspace, root);
    const oneCopy = [relativeRoot(corpusDirectory)];
    const bytes = corpus.sources.reduce((sum, file) => sum + statSync(join(corpusDirectory, file)).size, 0);
    const perf = perfLint();

    say(`perf-lint benchmark  ${new Date().toISOString()}`);
    say(
      `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, ${process.platform}`,
    );
    say(
      `corpus: ${corpus.sources.length} files, ${(bytes / 2 ** 20).toFixed(1)} MB (${[...CORPUS_PACKAGES, ...options.paths].join(', ')}); .d.ts and files over 1 MB left out, as perf-lint does`,
    );
    say(`memory: ${measurementMethod.memory}; instructions: ${measurementMethod.instructions}`);
    say(`runs: ${options.runs} per figure, medians quoted`);
    say();
    if (options.only === 'latency') {
      const latency = await latencyStep(say, corpusDirectory, corpus);
      if (options.json)
        writeFileSync(options.json, `${JSON.stringify({ options, corpus: { files: corpus.sources.length, bytes }, latency, targets: TARGETS }, null, 2)}\n`);
      return;
    }

    say('## Full scan, side by side (perf-lint without its cache)');
    const runners = [perf, perfLint({ workers: 0 }), eslint(workspace), eslint(workspace, { concurrency: 'auto' }), oxlint()];
    const scans = await compare(runners, options.runs, (runner) => runner.run(oneCopy, { cwd: workspace }));
    say(table([SCAN_HEADER, ...scans.map(scanRow)]));
    const [ours, , eslintSerial, eslintParallel, oxc] = scans;
    for (const summary of scans) {
      const rules = Object.entries(summary.byRule ?? {})
        .map(([rule, count]) => `${rule} ${count}`)
        .join(', ');
      say(`  ${summary.name}: ${rules || 'no findings'}${summary.unparsed ? `; ${summary.unparsed} file(s) not parsed` : ''}`);
    }
    const vsEslint = eslintSerial.wallMs / ours.wallMs;
    const vsEslintParallel = eslintParallel.wallMs / ours.wallMs;
    const vsOxlint = ours.wallMs / oxc.wallMs;
    say(
      `ratio: ESLint / perf-lint = ${ratio(vsEslint)} (target >= ${TARGETS.eslintRatio}x: ${verdict(vsEslint >= TARGETS.eslintRatio)}); ` +
        `ESLint --concurrency auto / perf-lint = ${ratio(vsEslintParallel)}`,
    );
    say(
      `ratio: perf-lint / oxlint = ${ratio(vsOxlint)} (target <= ${TARGETS.oxlintRatio}x: ${verdict(vsOxlint <= TARGETS.oxlintRatio)}); ` +
        `CPU time: ESLint / perf-lint = ${ratio(eslintSerial.cpuMs / ours.cpuMs)}, perf-lint / oxlint = ${ratio(ours.cpuMs / oxc.cpuMs)}`,
    );
    say();

    const results = { options, corpus: { files: corpus.sources.length, bytes }, scans, targets: TARGETS };
    say('## Second scan with the cache (nothing changed)');
    const cacheRoot = join(workspace, 'caches');
    mkdirSync(cacheRoot);
    const cold = {
      name: 'perf-lint, first scan (empty cache)',
      run: (roots, settings) => perf.run(roots, { ...settings, cache: join(cacheRoot, `run-${settings.run}`) }),
    };
    const warm = { name: 'perf-lint, second scan (cache filled)', run: cold.run };
    const cached = await compare([cold, warm], options.runs, (runner, run) => runner.run(oneCopy, { cwd: workspace, run }));
    say(table([SCAN_HEADER, ...cached.map(scanRow)]));
    const speedup = cached[0].wallMs / cached[1].wallMs;
    const same = cached[0].findings === cached[1].findings;
    say(`speedup: ${ratio(speedup)} (target >= ${TARGETS.cacheSpeedup}x: ${verdict(speedup >= TARGETS.cacheSpeedup)}); same findings: ${same ? 'yes' : 'NO'}`);
    say();
    results.cache = { cached, speedup };

    say('## Side by side: the ORM corpus and public applications (applications scanned in place; wall / CPU, medians)');
    const rows = [{ corpus: 'ORM corpus', perf: ours, eslint: eslintSerial, oxlint: oxc, cached: cached[1] }];
    for (const app of options.apps) {
      if (!existsSync(app)) {
        say(`(${app}: not found, left out)`);
        continue;
      }
      rows.push(await scanApplication(app, options.runs, workspace, perf));
    }
    // The bench downloads nothing but npm packages: applications are clones the user makes (see docs/performance.md).
    if (options.apps.length === 0)
      say(
        '(no applications given: `--app DIR` or PERF_LINT_BENCH_APPS=DIR:DIR adds them, for example clones of github.com/outline/outline and github.com/novuhq/novu)',
      );
    say(table([SIDE_BY_SIDE_HEADER, ...rows.map(sideBySideRow)]));
    say(`targets: ESLint/ours >= ${TARGETS.eslintRatio}x, ours/oxlint <= ${TARGETS.oxlintRatio}x, first/cached >= ${TARGETS.cacheSpeedup}x`);
    say();
    results.sideBySide = rows;

    // The larger sets cost minutes each: one run apiece unless more are asked for.
    const largeRuns = Math.max(1, options.runs - 2);
    say(`## Cost as the corpus grows (perf-lint without its cache; copies of the corpus; ${largeRuns} run(s) each above 1x)`);
    const scale = [];
    for (const copies of [1, 2, 4]) {
      const set = replicateCorpus(corpusDirectory, corpus, copies);
      const runner = { name: `perf-lint ${copies}x` };
      const [summary] =
        copies === 1 ? [{ ...ours, name: runner.name }] : await compare([runner], largeRuns, () => perf.run(set.roots.map(relativeRoot), { cwd: workspace }));
      scale.push({ copies, ...summary });
    }
    const base = scale[0];
    say(
      table([
        ['corpus', 'files', 'findings', 'wall (median)', 'CPU (median)', 'ms per file', 'wall vs 1x', 'peak RSS'],
        ...scale.map((row) => [
          `${row.copies}x`,
          row.files,
          row.findings,
          seconds(row.wallMs),
          seconds(row.cpuMs),
          (row.wallMs / row.files).toFixed(2),
          ratio(row.wallMs / base.wallMs),
          megabytes(row.peakRssMb),
        ]),
      ]),
    );
    say();
    results.scale = scale;

    say(`## Peak memory of a full scan of ${TARGETS.memoryFiles} files (perf-lint without its cache; ${largeRuns} run(s))`);
    const copiesNeeded = Math.ceil(TARGETS.memoryFiles / corpus.sources.length);
    const memorySet = replicateCorpus(corpusDirectory, corpus, copiesNeeded, TARGETS.memoryFiles);
    const [memory] = await compare([{ name: `perf-lint ${memorySet.files} files` }], largeRuns, () =>
      perf.run(memorySet.roots.map(relativeRoot), { cwd: workspace }),
    );
    say(table([SCAN_HEADER, scanRow(memory)]));
    say(`peak RSS ${megabytes(memory.peakRssMb)} (target < ${TARGETS.memoryMb} MB: ${verdict(memory.peakRssMb < TARGETS.memoryMb)})`);
    say();
    results.memory = memory;

    results.latency = await latencyStep(say, corpusDirectory, corpus);

    if (options.json) writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    if (options.keep) process.stderr.write(`workspace kept: ${workspace}\n`);
    else rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
