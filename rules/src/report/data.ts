import { LineIndex } from '../lines';
import { FILE_ROLES, type FileRole } from '../roles';
import { unusedDirectiveMessage } from '../suppressions';
import type { Finding, RuleId, Severity, UnusedDirective } from '../types';

/** One finding as reports show it: where, what, and the line of code it is on. */
export interface ReportFinding {
  /** Path relative to the report's root (or to `folder`), with forward slashes. */
  file: string;
  /** The workspace folder the file is in, by name, when the report spans several. */
  folder?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: RuleId;
  severity: Severity;
  message: string;
  /** A safe fix exists: `--fix` and fix-on-save apply it. */
  fixable: boolean;
  /** Unsafe fixes a person may choose (a quick fix in the editor), as ESLint's suggestions: never applied by `--fix`. */
  suggestions?: ReportSuggestion[];
  /**
   * The code the finding is on: its first line, and the following lines of a statement that
   * continues there (a call over several lines), dedented and trimmed to a readable size.
   */
  lineText: string;
  /** Other places the finding involves (the query an interprocedural finding reaches), when it names any. */
  related?: ReportRelated[];
}

/** A fix offered but not applied by `--fix`, named by its title. */
export interface ReportSuggestion {
  desc: string;
}

/** A place a finding points to besides its own, with what it is. */
export interface ReportRelated {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** A suppression comment that suppressed nothing, as reports show it (a warning, as ESLint and Biome report theirs): a place and what is wrong there. */
export type ReportDirective = ReportRelated;

/** The data every report (CLI html, the editor's report view) is rendered from. */
export interface ReportData {
  /** Display name of what was scanned. */
  root: string;
  /** Names of the workspace folders when the report spans several (findings then name theirs). */
  folders?: string[];
  /** Set when only the open files were analyzed: no workspace scan yet. */
  openFilesOnly?: boolean;
  files: number;
  findings: ReportFinding[];
  /** Files not analyzed, with the reason (too large, unreadable, not parsable). */
  skipped: Array<{ file: string; reason: string }>;
  /** Suppression comments that suppressed nothing. */
  unusedDirectives?: ReportDirective[];
  /** Files not checked because of their role (tests, seeds, migrations by default), counted by role. */
  unchecked?: Partial<Record<FileRole, number>>;
}

/** "12 test, 3 migration": counts of files not checked, by role in a fixed order, for summaries. */
export function uncheckedSummary(unchecked: ReportData['unchecked']): string {
  return FILE_ROLES.flatMap((role) => (unchecked?.[role] ? [`${unchecked[role]} ${role}`] : [])).join(', ');
}

const MAX_LINE_TEXT = 200;
/** Lines of a statement shown at most: enough for a call with its arguments, short enough to scan. */
const MAX_SNIPPET_LINES = 6;

/** Turns one file's findings into report rows (1-based lines and columns). */
export function reportFindings(file: string, text: string, findings: readonly Finding[]): ReportFinding[] {
  // Most files have nothing to report: their lines are not indexed.
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  return findings.map((finding) => {
    const start = lines.position(finding.start);
    const end = lines.position(finding.end);
    return {
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      rule: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      fixable: Boolean(finding.fix?.safe),
      ...(finding.fix && !finding.fix.safe && { suggestions: [{ desc: finding.fix.title }] }),
      lineText: lineTextAt(text, lines, start.line),
    };
  });
}

/** Turns one file's unused directives into report rows. */
export function reportDirectives(file: string, text: string, directives: readonly UnusedDirective[]): ReportDirective[] {
  if (directives.length === 0) return [];
  const lines = new LineIndex(text);
  return directives.map((directive) => {
    const start = lines.position(directive.start);
    const end = lines.position(directive.end);
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message: unusedDirectiveMessage(directive) };
  });
}

/** The code a report shows for a finding on a 1-based line: that line and the lines its open brackets continue on. */
export function lineTextAt(text: string, lines: LineIndex, line: number): string {
  if (line < 1 || line > lines.lineCount) return '';
  return snippet(text, lines, line - 1);
}

/** The line at `first` (0-based) and the lines its open brackets continue on, as one dedented text. */
function snippet(text: string, lines: LineIndex, first: number): string {
  const shown: string[] = [];
  let depth = 0;
  for (let line = first; line < lines.lineCount && shown.length < MAX_SNIPPET_LINES; line++) {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    const content = text.slice(start, end).replace(/\r?\n$|\r$/, '');
    shown.push(content);
    depth += bracketBalance(content);
    // A block's body (`=> {`, `) {`) is not part of the statement the finding is on.
    if (depth <= 0 || /[)>]\s*\{\s*$/.test(content)) break;
  }
  const indentation = Math.min(...shown.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length));
  // The first line exactly as baselines and SARIF fingerprints have always read it.
  const dedented = shown.map((line, index) =>
    (index === 0 ? line.trim() : line.slice(Number.isFinite(indentation) ? indentation : 0).trimEnd()).slice(0, MAX_LINE_TEXT),
  );
  const cut = depth > 0 && shown.length === MAX_SNIPPET_LINES;
  return (cut ? [...dedented, '…'] : dedented).join('\n').trimEnd();
}

/** Opening minus closing brackets on a line, outside string literals and line comments (an estimate, enough for a snippet). */
function bracketBalance(line: string): number {
  let balance = 0;
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const character = line[index]!;
    if (quote) {
      if (character === '\\') index++;
      else if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'" || character === '`') quote = character;
    else if (character === '/' && line[index + 1] === '/') break;
    else if ('([{'.includes(character)) balance++;
    else if (')]}'.includes(character)) balance--;
  }
  return balance;
}
