import type { ReportData, Severity } from '../../../rules/src/data';

/** A finding or an unused suppression comment, as the line-oriented formats print them. */
export interface ReportRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  message: string;
  /** The rule id; none for an unused directive. */
  rule?: string;
}

/** Findings and unused directives, by file (in report order) and position. */
export function reportRows(data: ReportData): ReportRow[] {
  const rows: ReportRow[] = data.findings.map((finding) => ({ ...finding }));
  for (const directive of data.unusedDirectives ?? []) rows.push({ ...directive, severity: 'warning' });
  const fileOrder = new Map<string, number>();
  for (const row of rows) if (!fileOrder.has(row.file)) fileOrder.set(row.file, fileOrder.size);
  return rows.sort((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || a.line - b.line || a.column - b.column);
}
