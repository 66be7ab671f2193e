// The three linters of the comparison: how to run each on a set of directories and how to count what it found.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureNode } from './measure.mjs';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PERF_LINT = join(PROJECT_ROOT, 'dist', 'cli.js');
const ESLINT = join(PROJECT_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
const OXLINT = join(PROJECT_ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');

/** The rules of ESLint nearest to perf-lint's checks; perf-lint's other two checks have no ESLint counterpart. */
const ESLINT_RULES = ['no-await-in-loop', 'n/no-sync'];

/** Counts the findings of perf-lint's JSON report. */
function countPerfLint(stdout) {
  const report = JSON.parse(stdout);
  return { files: report.files, findings: report.findings.length, byRule: tally(report.findings.map((finding) => finding.rule)) };
}

function tally(keys) {
  const counts = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

/** Makes the perf-lint runner (`workers` sets PERF_LINT_WORKERS); `cache` is undefined for `--no-cache`, else the cache directory. */
export function perfLint({ workers } = {}) {
  return {
    name: workers === undefined ? 'perf-lint' : `perf-lint, ${workers} worker threads`,
    async run(roots, { cwd, cache, nodeOptions } = {}) {
      const flags = ['--format', 'json', ...(cache ? ['--cache-location', cache] : ['--no-cache'])];
      const env = workers === undefined ? {} : { PERF_LINT_WORKERS: String(workers) };
      const result = await measureNode(PERF_LINT, [...flags, ...roots], { cwd, env, nodeOptions });
      if (result.status !== 0 && result.status !== 1) throw new Error(`perf-lint exited with ${result.status}:\n${result.stderr.slice(-2000)}`);
      return { ...result, ...countPerfLint(result.stdout) };
    },
  };
}

/**
 * Makes the ESLint runner. Its flat config is written into `configDirectory` (beside the corpus, never inside it), with
 * absolute imports of the plugin and the parser so that nothing needs installing there. TypeScript files are parsed
 * without type information, as perf-lint reads them.
 */
export function eslint(configDirectory, { concurrency } = {}) {
  const configFile = join(configDirectory, 'eslint.config.mjs');
  const plugin = pathToFileURL(join(PROJECT_ROOT, 'node_modules', 'eslint-plugin-n', 'lib', 'index.js'));
  const parser = pathToFileURL(join(PROJECT_ROOT, 'node_modules', '@typescript-eslint', 'parser', 'dist', 'index.js'));
  writeFileSync(
    configFile,
    [
      `import n from ${JSON.stringify(plugin.href)};`,
      `import typescriptParser from ${JSON.stringify(parser.href)};`,
      'export default [',
      `  { files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], plugins: { n }, linterOptions: { reportUnusedDisableDirectives: 'off' },`,
      `    rules: { ${ESLINT_RULES.map((rule) => `'${rule}': 'warn'`).join(', ')} } },`,
      // eslint-plugin-n's no-sync asks for type information on files the TypeScript parser reads, and stops ESLint without it.
      `  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: typescriptParser }, rules: { 'n/no-sync': 'off' } },`,
      '];',
      '',
    ].join('\n'),
  );
  return {
    name: concurrency ? `ESLint --concurrency ${concurrency}` : 'ESLint',
    async run(roots, { cwd } = {}) {
      const flags = ['--config', configFile, '--format', 'json', ...(concurrency ? ['--concurrency', concurrency] : [])];
      const result = await measureNode(ESLINT, [...flags, ...roots], { cwd });
      if (result.status === 2) throw new Error(`ESLint failed:\n${result.stderr.slice(-2000)}`);
      const report = JSON.parse(result.stdout);
      const messages = report.flatMap((file) => file.messages);
      const findings = messages.filter((message) => ESLINT_RULES.includes(message.ruleId));
      return {
        ...result,
        files: report.length,
        findings: findings.length,
        byRule: tally(findings.map((message) => message.ruleId)),
        unparsed: messages.filter((message) => message.fatal).length,
      };
    },
  };
}

/** Makes the oxlint runner: its native `no-await-in-loop` alone, every other rule and category off. */
export function oxlint() {
  return {
    name: 'oxlint',
    async run(roots, { cwd } = {}) {
      const result = await measureNode(OXLINT, ['-A', 'all', '-D', 'no-await-in-loop', '--format', 'json', ...roots], { cwd });
      if (result.status !== 0 && result.status !== 1) throw new Error(`oxlint exited with ${result.status}:\n${result.stderr.slice(-2000)}`);
      const report = JSON.parse(result.stdout);
      return { ...result, files: report.number_of_files, findings: report.diagnostics.length, byRule: tally(report.diagnostics.map((d) => d.code)) };
    },
  };
}
