import { uncheckedSummary, type ReportData, type ReportFinding, type Severity } from '../../../rules/src';

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
    out.push(paint('4', file));
    const positions = findings.map((finding) => `${finding.line}:${finding.column}`);
    const positionWidth = Math.max(...positions.map((position) => position.length));
    const severityWidth = Math.max(...findings.map((finding) => finding.severity.length));
    const messageWidth = Math.max(...findings.map((finding) => finding.message.length));
    findings.forEach((finding, index) => {
      const position = paint('2', positions[index]!.padEnd(positionWidth));
      const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.padEnd(severityWidth));
      out.push(`  ${position}  ${severity}  ${finding.message.padEnd(messageWidth)}  ${paint('2', finding.rule)}`);
    });
    out.push('');
  }
  if (data.skipped.length > 0) {
    out.push(paint('1', 'Not analyzed:'));
    const width = Math.max(...data.skipped.map((entry) => entry.file.length));
    for (const entry of data.skipped) out.push(`  ${entry.file.padEnd(width)}  ${entry.reason}`);
    out.push('');
  }
  if (summary.fixed.problems > 0) out.push(`Fixed ${plural(summary.fixed.problems, 'problem')} in ${plural(summary.fixed.files, 'file')}.`);
  out.push(summaryLine(data, paint));
  const fixable = data.findings.filter((finding) => finding.fixable).length;
  if (fixable > 0) out.push(`  ${plural(fixable, 'problem')} fixable with the --fix option.`);
  const unchecked = uncheckedSummary(data.unchecked);
  if (unchecked) out.push(`  Not checked by role: ${unchecked} files ("roles" in .perflintrc.json turns them on).`);
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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
