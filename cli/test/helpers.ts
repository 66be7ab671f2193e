import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyze, DEFAULT_OPTIONS, reportFindings, type AnalysisOptions } from '../../rules/src';

/** The repository root, from `out/cli/test`. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
/** The command's analysis, which it loads only when a file needs analyzing. */
export const ANALYSIS_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli-analysis.js');
/** Each case starts the command several times; a busy machine must not make that a failure. */
export const COMMAND_TIMEOUT = 120_000;

/** A blocking read in an async function: one sync-io-in-async finding, with a safe fix. */
export const SLOW_CODE = "import { readFileSync } from 'node:fs';\nexport async function load(name) { return readFileSync(name, 'utf8'); }\n";
export const SLOW_RULE = 'sync-io-in-async';
/** Where the finding of SLOW_CODE starts. */
export const SLOW_CALL = 'readFileSync(name';
export const CLEAN_CODE = 'export const answer = 42;\n';

/** Temporary folders of one test file, removed after it. */
export class TempTrees {
  private readonly made: string[] = [];

  /** A new folder in the system's temporary folder holding the given files. */
  make(files: Record<string, string | Buffer>): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-cli-')));
    this.made.push(root);
    writeFiles(root, files);
    return root;
  }

  removeAll(): void {
    for (const root of this.made.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  }
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command in `cwd`, without colors and without variables of an outer run. */
export function runCli(cwd: string, args: readonly string[], env: Record<string, string> = {}, cli = CLI): CliResult {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PERF_LINT_')));
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...clean, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the built command with `input` on its standard input. */
export function runCliOnInput(cwd: string, args: readonly string[], input: string, env: Record<string, string> = {}): CliResult {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PERF_LINT_')));
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...clean, NO_COLOR: '1', ...env }, encoding: 'utf8', input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command with `--format json` and parses what it prints. */
export function runJson(
  cwd: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
): { status: number | null; report: JsonReport; stderr: string } {
  const result = runCli(cwd, ['--format', 'json', ...args], env);
  return { status: result.status, report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
  fixable: boolean;
  suggestions?: Array<{ desc: string }>;
}

export interface JsonReport {
  version: number;
  files: number;
  findings: JsonFinding[];
  skipped: Array<{ file: string; reason: string }>;
}

/** The JSON rows the core itself gives for a file, to compare the command's output with. */
export function coreFindings(display: string, text: string, file: string, options: AnalysisOptions = DEFAULT_OPTIONS): JsonFinding[] {
  return reportFindings(display, text, analyze(text, file, options).findings).map(({ lineText: _lineText, ...row }) => row);
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The "cache: …" line the command prints with PERF_LINT_DEBUG=cache. */
export function cacheLine(stderr: string): string {
  return /cache: .*/.exec(stderr)?.[0] ?? `no cache line in: ${stderr}`;
}
