import type { ReportData } from '../../../rules/src/data';
import { reportRows } from './rows';
import { escapeControl } from '../terminal';
import { summaryLine } from './text';

/** One line per finding, `file:line:col: severity message [rule]`, as compilers print them (editors and grep read it), then the summary. */
export function formatCompact(data: ReportData): string {
  const lines = reportRows(data).map((row) =>
    escapeControl(`${row.file}:${row.line}:${row.column}: ${row.severity} ${row.message}${row.rule ? ` [${row.rule}]` : ''}`),
  );
  for (const entry of data.skipped) lines.push(escapeControl(`${entry.file}: not analyzed: ${entry.reason}`));
  lines.push(summaryLine(data, false));
  return `${lines.join('\n')}\n`;
}
