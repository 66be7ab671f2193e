import { pathToFileURL } from 'node:url';
import { lineFingerprint, type ReportData, type RuleId, type RuleMeta, type Severity, type SeveritySetting } from '../../../rules/src/data';

export interface SarifContext {
  toolVersion: string;
  /** The folder report paths are relative to. */
  cwd: string;
  /** Every rule's metadata and its severity in this run (the configuration over the rule's default). */
  rules: ReadonlyArray<{ meta: RuleMeta; severity: SeveritySetting }>;
  docsUrl: (id: RuleId) => string;
}

const LEVEL: Record<Severity, 'note' | 'warning' | 'error'> = { info: 'note', warning: 'warning', error: 'error' };
/** GitHub's `problem.severity` for a result's rule: what the alert list filters on. */
const PROBLEM_SEVERITY: Record<Severity, 'recommendation' | 'warning' | 'error'> = { info: 'recommendation', warning: 'warning', error: 'error' };
const SOURCE_ROOT = '%SRCROOT%';
/** Key of the fingerprint GitHub matches alerts across commits by; without it the upload action computes one from the file. */
const LINE_HASH = 'primaryLocationLineHash';

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function relativeUri(file: string): string {
  return file
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** `await-in-loop` as `AwaitInLoop`: the rule's `name`, which GitHub shows beside its id. */
function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_whole, _dash: string, letter: string) => letter.toUpperCase());
}

/**
 * SARIF 2.1.0 as GitHub code scanning documents it: every rule described (name, full
 * description, help as text and Markdown, precision and problem severity), results with
 * partial fingerprints that survive moved code and related locations, paths relative to the source root.
 */
export function formatSarif(data: ReportData, context: SarifContext): string {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.meta.id, index]));
  const rules = context.rules.map(({ meta, severity }) => {
    const url = context.docsUrl(meta.id);
    const level = severity === 'off' ? meta.defaultSeverity : severity;
    return {
      id: meta.id,
      name: ruleName(meta.id),
      shortDescription: { text: meta.description },
      fullDescription: { text: meta.description },
      help: {
        text: `${meta.description}\nWhy it is slow, examples of the finding and of its fix: ${url}`,
        markdown: `**${meta.id}**: ${meta.description}\n\nWhy it is slow, examples of the finding and of its fix: [${meta.id}](${url})${meta.fixable ? '\n\n`perf-lint --fix` applies the safe fixes.' : ''}`,
      },
      helpUri: url,
      defaultConfiguration: severity === 'off' ? { enabled: false, level: LEVEL[level] } : { level: LEVEL[level] },
      properties: { tags: ['performance'], precision: 'high', 'problem.severity': PROBLEM_SEVERITY[level] },
    };
  });
  const location = (file: string, region?: Record<string, number>) => ({
    physicalLocation: {
      artifactLocation: { uri: relativeUri(file), uriBaseId: SOURCE_ROOT },
      ...(region && { region }),
    },
  });
  const regionOf = (place: { line: number; column: number; endLine: number; endColumn: number }) => ({
    startLine: place.line,
    startColumn: place.column,
    endLine: place.endLine,
    endColumn: place.endColumn,
  });
  // The same line text may hold several findings of a rule in a file: the occurrence tells them apart.
  const occurrences = new Map<string, number>();
  const results = data.findings.map((finding) => {
    const fingerprint = lineFingerprint(finding.lineText);
    const key = `${finding.file}\0${finding.rule}\0${fingerprint}`;
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    const related = finding.related ?? [];
    return {
      ruleId: finding.rule,
      ruleIndex: ruleIndex.get(finding.rule)!,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(finding.file, regionOf(finding))],
      partialFingerprints: { [LINE_HASH]: `${fingerprint}:${occurrence}` },
      ...(related.length > 0 && {
        relatedLocations: related.map((place, index) => ({ id: index + 1, ...location(place.file, regionOf(place)), message: { text: place.message } })),
      }),
    };
  });
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
        // GitHub keeps one set of alerts per category; a workflow's `category` input replaces it.
        automationDetails: { id: 'perf-lint/' },
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
