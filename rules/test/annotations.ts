import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEEDS } from './mutations';
import { analyze, DEFAULT_OPTIONS, LineIndex, type AnalysisOptions, type Finding } from '../src';
import { applyLayer, DEFAULT_CONFIG, parseConfigFile, type ConfigFileContent } from '../src/config';

/** The repository root, from `out/rules/test`. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test-fixtures');

/** A finding as tests compare it: rule and 1-based range. */
export interface ExpectedFinding {
  rule: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const ANNOTATION = /^(\s*\/\/\s*)(\^+)\s+([a-z][a-z0-9-]*)\s*$/;

/**
 * Reads `^^^ rule-id` comment lines: the carets sit under the squiggled text of the nearest
 * code line above. Several annotation lines may follow one code line.
 */
export function expectedFindings(text: string): ExpectedFinding[] {
  const expected: ExpectedFinding[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let codeLine = -1;
  lines.forEach((line, index) => {
    const match = ANNOTATION.exec(line);
    if (!match) {
      codeLine = index;
      return;
    }
    const column = match[1]!.length + 1;
    expected.push({ rule: match[3]!, line: codeLine + 1, column, endLine: codeLine + 1, endColumn: column + match[2]!.length });
  });
  return sortFindings(expected);
}

export function toExpected(text: string, findings: readonly Finding[]): ExpectedFinding[] {
  const index = new LineIndex(text);
  return sortFindings(
    findings.map((finding) => {
      const start = index.position(finding.start);
      const end = index.position(finding.end);
      return { rule: finding.ruleId, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
    }),
  );
}

export function sortFindings(findings: ExpectedFinding[]): ExpectedFinding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/**
 * The options a fixture is analyzed with: the rule settings of the `.perflintrc.json` files between it and
 * test-fixtures/, read as the command and the server read them (the nearest last, up to one with `"root": true`).
 */
export function fixtureOptions(fileName: string): AnalysisOptions {
  const layers: ConfigFileContent[] = [];
  const relative = path.relative(FIXTURES_DIR, path.dirname(fileName));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return DEFAULT_OPTIONS;
  for (let folder = path.dirname(fileName); ; folder = path.dirname(folder)) {
    const file = path.join(folder, '.perflintrc.json');
    const layer = fs.existsSync(file) ? parseConfigFile(JSON.parse(fs.readFileSync(file, 'utf8')), file) : undefined;
    if (layer) layers.unshift(layer);
    if (layer?.root === true || folder === FIXTURES_DIR) break;
  }
  const config = layers.reduce(applyLayer, DEFAULT_CONFIG);
  return layers.length === 0 ? DEFAULT_OPTIONS : { ...DEFAULT_OPTIONS, rules: { ...DEFAULT_OPTIONS.rules, ...config.rules }, ruleOptions: config.ruleOptions };
}

/** The findings every rule reports for a text, in the annotations' terms; roles are read from the file's name and imports, not its folders. */
export function actualFindings(text: string, fileName: string, options: AnalysisOptions = fixtureOptions(fileName)): ExpectedFinding[] {
  const result = analyze(text, fileName, { ...options, project: { root: path.dirname(fileName), ...options.project } });
  if (result.error) throw new Error(`${fileName}: ${result.error.message}`);
  return toExpected(text, result.findings);
}

/**
 * Folders whose files their own tests run: fix input/output pairs, runnable programs, multi-file
 * projects analyzed with their project index, samples of broken input (partially analyzed), and
 * projects whose fixed files must still type-check.
 */
const SEPARATELY_TESTED = ['fixes', 'programs', 'projects', 'hostile', 'typecheck'];

/** Every fixture file below a folder of test-fixtures (all of them without an argument), except those of `skipped` folders. */
export function fixtureFiles(folder = '', skipped: readonly string[] = SEPARATELY_TESTED): string[] {
  const root = path.join(FIXTURES_DIR, folder);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter(
      (entry) =>
        entry.isFile() &&
        /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(entry.name) &&
        !path
          .relative(FIXTURES_DIR, entry.parentPath)
          .split(path.sep)
          .some((segment) => skipped.includes(segment)),
    )
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A fixture that must produce nothing says so on its first line. */
export function declaresNoFindings(text: string): boolean {
  return /^\/\/\s*valid\b/i.test(text);
}

/** Every fixture and every source file of this repository: code of every shape the analysis meets. */
export function repositorySources(): string[] {
  return [
    ...fixtureFiles('', []),
    ...['rules/src', 'cli/src', 'server/src', 'client/src', 'bench', 'scripts'].flatMap((folder) => sourceFilesUnder(path.join(REPO_ROOT, folder))),
  ];
}

function sourceFilesUnder(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return (fs.readdirSync(directory, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The seeds of the mutation tests and every fixture, as texts to edit at random. */
export function seedsAndFixtures(): Array<{ file: string; text: string }> {
  return [...SEEDS.map((text, index) => ({ file: `seed${index}.ts`, text })), ...fixtureFiles().map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }))];
}
