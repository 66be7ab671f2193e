import { uncheckedSummary, type ReportData, type Severity } from '../../../rules/src/data';
import { escapeControl } from '../terminal';
import { reportRows, type ReportRow } from './rows';

/** How the findings are summed up below them. */
export interface TextSummary {
  fixed: { problems: number; files: number };
  /** Findings the suppressions file covers, not shown. */
  suppressed: number;
}

type Paint = (code: string, text: string) => string;

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '34' };

function painter(color: boolean): Paint {
  return color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
}

/** ESLint "stylish"-like text: findings grouped by file, aligned columns, a summary line. */
export function formatText(data: ReportData, summary: TextSummary, color: boolean): string {
  const paint = painter(color);
  const out: string[] = [];
  const byFile = new Map<string, ReportRow[]>();
  for (const row of reportRows(data)) {
    const list = byFile.get(row.file) ?? [];
    list.push(row);
    byFile.set(row.file, list);
  }
  for (const [file, rows] of byFile) {
    out.push(paint('4', escapeControl(file)));
    const positions = rows.map((row) => `${row.line}:${row.column}`);
    const messages = rows.map((row) => escapeControl(row.message));
    const positionWidth = widest(positions);
    const severityWidth = widest(rows.map((row) => row.severity));
    const messageWidth = widest(messages);
    rows.forEach((row, index) => {
      const position = paint('2', positions[index]!.padEnd(positionWidth));
      const severity = paint(SEVERITY_COLOR[row.severity], row.severity.padEnd(severityWidth));
      out.push(`  ${position}  ${severity}  ${row.rule ? `${messages[index]!.padEnd(messageWidth)}  ${paint('2', row.rule)}` : messages[index]!}`);
    });
    out.push('');
  }
  if (data.skipped.length > 0) {
    out.push(paint('1', 'Not analyzed:'));
    const files = data.skipped.map((entry) => escapeControl(entry.file));
    const width = widest(files);
    data.skipped.forEach((entry, index) => out.push(`  ${files[index]!.padEnd(width)}  ${escapeControl(entry.reason)}`));
    out.push('');
  }
  if (summary.fixed.problems > 0) out.push(`Fixed ${plural(summary.fixed.problems, 'problem')} in ${plural(summary.fixed.files, 'file')}.`);
  out.push(summaryLine(data, color));
  const fixable = data.findings.filter((finding) => finding.fixable).length;
  if (fixable > 0) out.push(`  ${plural(fixable, 'problem')} fixable with the --fix option.`);
  if (summary.suppressed > 0) out.push(`  ${plural(summary.suppressed, 'problem')} suppressed by the suppressions file, not shown.`);
  const unchecked = uncheckedSummary(data.unchecked);
  if (unchecked) out.push(`  Not checked by role: ${unchecked} files ("roles" in .perflintrc.json turns them on).`);
  return `${out.join('\n')}\n`;
}

/** `✖ 3 problems (1 error, 2 warnings, 0 info) in 12 files`, or `✔ No problems in 12 files.`; unused directives count as warnings. */
export function summaryLine(data: ReportData, color: boolean): string {
  const paint = painter(color);
  const files = plural(data.files, 'file');
  const directives = data.unusedDirectives?.length ?? 0;
  const total = data.findings.length + directives;
  if (total === 0) return paint('32', `\u2714 No problems in ${files}.`);
  const count = (severity: Severity): number => data.findings.filter((finding) => finding.severity === severity).length;
  const errors = count('error');
  const line = `\u2716 ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(count('warning') + directives, 'warning')}, ${count('info')} info) in ${files}`;
  return paint(errors > 0 ? '1;31' : '1;33', line);
}

/** The length of the longest text; a loop, as spreading a hundred thousand lengths into Math.max overflows the stack. */
function widest(texts: readonly string[]): number {
  let width = 0;
  for (const text of texts) if (text.length > width) width = text.length;
  return width;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
