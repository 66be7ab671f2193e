import { pathToFileURL } from 'node:url';
import { ALL_RULES, docsUrl, type ReportData, type RuleId, type Severity, type SeveritySetting } from '../../../rules/src';

export interface SarifContext {
  toolVersion: string;
  /** The folder report paths are relative to. */
  cwd: string;
  /** Severity of each rule in this run (the configuration over the rule's default). */
  severities: Record<RuleId, SeveritySetting>;
}

const LEVEL: Record<Severity, 'note' | 'warning' | 'error'> = { info: 'note', warning: 'warning', error: 'error' };
const SOURCE_ROOT = '%SRCROOT%';

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function relativeUri(file: string): string {
  return file.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
}

/** SARIF 2.1.0, as GitHub code scanning reads it: one run, every rule described, paths relative to the source root. */
export function formatSarif(data: ReportData, context: SarifContext): string {
  const ruleIndex = new Map(ALL_RULES.map((rule, index) => [rule.meta.id, index]));
  const rules = ALL_RULES.map((rule) => {
    const severity = context.severities[rule.meta.id];
    return {
      id: rule.meta.id,
      shortDescription: { text: rule.meta.description },
      helpUri: docsUrl(rule.meta.id),
      defaultConfiguration: severity === 'off' ? { enabled: false, level: LEVEL[rule.meta.defaultSeverity] } : { level: LEVEL[severity] },
      properties: { tags: ['performance'] },
    };
  });
  const location = (file: string, region?: Record<string, number>) => ({
    physicalLocation: {
      artifactLocation: { uri: relativeUri(file), uriBaseId: SOURCE_ROOT },
      ...(region && { region }),
    },
  });
  const results = data.findings.map((finding) => ({
    ruleId: finding.rule,
    ruleIndex: ruleIndex.get(finding.rule)!,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(finding.file, { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn })],
  }));
  const notifications = data.skipped.map((entry) => ({
    level: 'warning',
    message: { text: `not analyzed: ${entry.reason}` },
    locations: [location(entry.file)],
  }));
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'perf-lint',
            version: context.toolVersion,
            informationUri: 'https://github.com/perf-lint/perf-lint',
            rules,
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: `${pathToFileURL(context.cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        // Files not checked for their role (tests, seeds, migrations by default), counted by role.
        ...(data.unchecked && { properties: { uncheckedFilesByRole: data.unchecked } }),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
