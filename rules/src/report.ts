import { LineIndex } from './lines';
import { FILE_ROLES, type FileRole } from './roles';
import type { Finding, RuleId, Severity } from './types';

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
}

/** The data every report (CLI html, the editor's report view) is rendered from. */
export interface ReportData {
  /** Display name of what was scanned. */
  root: string;
  files: number;
  findings: ReportFinding[];
  /** Files not analyzed, with the reason (too large, unreadable, not parsable). */
  skipped: Array<{ file: string; reason: string }>;
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
    const lineStart = lines.lineStart(start.line - 1);
    const lineEnd = start.line < lines.lineCount ? lines.lineStart(start.line) : text.length;
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
      lineText: text.slice(lineStart, lineEnd).trim().slice(0, MAX_LINE_TEXT),
    };
  });
}
