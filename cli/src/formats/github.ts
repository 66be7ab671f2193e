import type { ReportData, Severity } from '../../../rules/src/data';
import { reportRows } from './rows';
import { escapeControl } from '../terminal';
import { summaryLine } from './text';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** A workflow command's message: GitHub reads `%`, CR and LF as escapes; other control characters would reach the log raw. */
function escapeData(text: string): string {
  return escapeControl(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A workflow command's property value: also `:` and `,`, which separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
 * diff (`::warning file=…,line=…::message`), in every repository, without code scanning.
 */
export function formatGithub(data: ReportData): string {
  const lines = reportRows(data).map((row) => {
    const title = row.rule ? `perf-lint ${row.rule}` : 'perf-lint';
    const properties = [
      `file=${escapeProperty(row.file)}`,
      `line=${row.line}`,
      `endLine=${row.endLine}`,
      `col=${row.column}`,
      `endColumn=${row.endColumn}`,
      `title=${escapeProperty(title)}`,
    ];
    return `::${COMMAND[row.severity]} ${properties.join(',')}::${escapeData(row.message)}`;
  });
  for (const entry of data.skipped) lines.push(`::notice file=${escapeProperty(entry.file)},title=perf-lint::${escapeData(`not analyzed: ${entry.reason}`)}`);
  lines.push(summaryLine(data, false));
  return `${lines.join('\n')}\n`;
}
