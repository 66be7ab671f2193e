import { LineIndex } from './lines';
import { FILE_ROLES, type FileRole } from './roles';
import { unusedDirectiveMessage } from './suppressions';
import type { Finding, RuleId, Severity, UnusedDirective } from './types';

/** One finding as reports show it: where, what, and the line of code it is on. */
export interface ReportFinding {
  /** Path relative to the report's root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: RuleId;
  severity: Severity;
  message: string;
  fixable: boolean;
  /** The source line the finding starts on, trimmed to a readable length. */
  lineText: string;
  /** Other places the finding involves (the query an interprocedural finding reaches), when it names any. */
  related?: ReportRelated[];
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

/** A suppression comment that suppressed nothing, as reports show it (a warning, as ESLint and Biome report theirs). */
export interface ReportDirective {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** The data every report (CLI html, the editor's report view) is rendered from. */
export interface ReportData {
  /** Display name of what was scanned. */
  root: string;
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

/** Turns one file's findings into report rows (1-based lines and columns). */
export function reportFindings(file: string, text: string, findings: readonly Finding[]): ReportFinding[] {
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
      lineText: lineTextAt(text, lines, start.line),
    };
  });
}

/** Turns one file's unused directives into report rows. */
export function reportDirectives(file: string, text: string, directives: readonly UnusedDirective[]): ReportDirective[] {
  const lines = new LineIndex(text);
  return directives.map((directive) => {
    const start = lines.position(directive.start);
    const end = lines.position(directive.end);
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message: unusedDirectiveMessage(directive) };
  });
}

/** The source line a report shows for a 1-based line, trimmed to a readable length. */
export function lineTextAt(text: string, lines: LineIndex, line: number): string {
  if (line < 1 || line > lines.lineCount) return '';
  const lineEnd = line < lines.lineCount ? lines.lineStart(line) : text.length;
  return text.slice(lines.lineStart(line - 1), lineEnd).trim().slice(0, MAX_LINE_TEXT);
}
