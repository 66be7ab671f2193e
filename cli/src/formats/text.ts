import type { ReportData, ReportFinding, Severity } from '../../../rules/src';
import { escapeControl } from '../terminal';

/** How the findings are summed up below them. */
export interface TextSummary {
  fixed: { problems: number; files: number };
}

type Paint = (code: string, text: string) => string;

const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '34' };

/** ESLint "stylish"-like text: findings grouped by file, aligned columns, a summary line. */
export function formatText(data: ReportData, summary: TextSummary, color: boolean): string {
  const paint: Paint = color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const out: string[] = [];
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of data.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    out.push(paint('4', escapeControl(file)));
    const positions = findings.map((finding) => `${finding.line}:${finding.column}`);
    const messages = findings.map((finding) => escapeControl(finding.message));
    const positionWidth = widest(positions);
    const severityWidth = widest(findings.map((finding) => finding.severity));
    const messageWidth = widest(messages);
    findings.forEach((finding, index) => {
      const position = paint('2', positions[index]!.padEnd(positionWidth));
      const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.padEnd(severityWidth));
      out.push(`  ${position}  ${severity}  ${messages[index]!.padEnd(messageWidth)}  ${paint('2', finding.rule)}`);
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
  out.push(summaryLine(data, paint));
  const fixable = data.findings.filter((finding) => finding.fixable).length;
  if (fixable > 0) out.push(`  ${plural(fixable, 'problem')} fixable with the --fix option.`);
  return `${out.join('\n')}\n`;
}

function summaryLine(data: ReportData, paint: Paint): string {
  const files = plural(data.files, 'file');
  if (data.findings.length === 0) return paint('32', `\u2714 No problems in ${files}.`);
  const count = (severity: Severity): number => data.findings.filter((finding) => finding.severity === severity).length;
  const errors = count('error');
  const line = `\u2716 ${plural(data.findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info) in ${files}`;
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
