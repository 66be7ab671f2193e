import type { ReportData } from '../../../rules/src';

/** The JSON contract of DESIGN.md (fields in that order), with the files not analyzed added as `skipped` and those not checked for their role counted in `unchecked`. */
export function formatJson(data: ReportData): string {
  const findings = data.findings.map((finding) => ({
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    fixable: finding.fixable,
  }));
  return `${JSON.stringify({ version: 1, files: data.files, findings, skipped: data.skipped, ...(data.unchecked && { unchecked: data.unchecked }) })}\n`;
}
