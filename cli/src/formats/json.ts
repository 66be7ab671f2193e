import type { ReportData } from '../../../rules/src/data';

/** The JSON contract of DESIGN.md (fields in that order), with a finding's unsafe fixes as ESLint's `suggestions`, the files not analyzed added as `skipped`, those not checked for their role counted in `unchecked` and, when there are any, `unusedDirectives`. */
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
    ...(finding.suggestions && { suggestions: finding.suggestions }),
  }));
  const unused = data.unusedDirectives ?? [];
  return `${JSON.stringify({ version: 1, files: data.files, findings, skipped: data.skipped, ...(data.unchecked && { unchecked: data.unchecked }), ...(unused.length > 0 && { unusedDirectives: unused }) })}\n`;
}
