// `node bench/phases.mjs DIR`: where the core's time goes on every source file under DIR, phase by phase, in one process.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const core = require('../out/rules/src/index.js');
const { parseSource } = require('../out/rules/src/parse.js');
const { walk } = require('../out/rules/src/walk.js');
const { analyze: analyzeScopes } = require('@typescript-eslint/scope-manager');

function sourceFiles(directory, files = []) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) sourceFiles(path, files);
    else if (core.isSourceFile(path)) files.push(path);
  }
  return files;
}

const files = sourceFiles(process.argv[2] ?? '.');
const totals = new Map();
/** CPU time, not wall time: on a shared machine the wall clock measures the neighbours too. */
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const timed = (phase, work) => {
  const started = cpuMs();
  const value = work();
  totals.set(phase, (totals.get(phase) ?? 0) + cpuMs() - started);
  return value;
};

const texts = timed('read', () => files.map((file) => readFileSync(file, 'utf8')));
const candidates = timed('prefilters', () => texts.map((text) => core.ALL_RULES.some((rule) => rule.prefilter.test(text))));
let parsed = 0;
let findings = 0;
for (const [index, text] of texts.entries()) {
  const everyRule = process.argv.includes('--all') || candidates[index];
  if (!everyRule) continue;
  parsed++;
  let ast;
  try {
    ast = timed('parse', () => parseSource(text, files[index]));
  } catch {
    continue;
  }
  timed('walk (parents only)', () =>
    walk(
      ast,
      () => {},
      () => {},
    ),
  );
  timed('scope analysis', () => analyzeScopes(ast, { sourceType: ast.sourceType, jsxPragma: null, lib: ['esnext'] }));
  findings += timed('analyze (whole)', () => core.analyze(text, files[index]).findings.length);
}
console.log(`${files.length} files, ${parsed} passed a prefilter${process.argv.includes('--all') ? ' (all parsed: --all)' : ''}, ${findings} findings`);
for (const [phase, ms] of totals) console.log(`${phase.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms CPU`);
