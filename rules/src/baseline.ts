import { ConfigError, RULE_IDS } from './config';
import type { RuleId } from './types';

/** The committed list of findings a team accepted when it adopted the tool (ESLint's bulk suppressions, keyed finer). */
export const SUPPRESSIONS_FILE_NAME = 'perf-lint-suppressions.json';

/**
 * File (relative to the suppressions file, forward slashes) to rule to the fingerprint of the
 * finding's line to how many findings of that rule that line text holds. Keyed by the line's
 * text rather than its number, so that code moved within its file, or lines added above it, stay
 * suppressed; a changed line is a new finding.
 */
export type Baseline = Record<string, Partial<Record<RuleId, Record<string, number>>>>;

/** What the baseline needs to know of a finding. */
export interface BaselineFinding {
  file: string;
  rule: RuleId;
  /** The code the finding is on, as report rows carry it: its first line is the one fingerprinted. */
  lineText: string;
}

/**
 * A short hash of the line a finding starts on (the first line of a report row's code, so that
 * edits to a call's later arguments keep it suppressed), with its whitespace normalized:
 * indentation and spacing changes keep a finding suppressed.
 */
export function lineFingerprint(lineText: string): string {
  const normalized = lineText.split('\n', 1)[0]!.replace(/\s+/g, ' ').trim();
  return `${fnv1a(normalized, 0x811c9dc5)}${fnv1a(normalized, 0x01000193)}`;
}

/** 32-bit FNV-1a over UTF-16 code units, as 8 hex digits; two seeds make collisions within a file and rule negligible. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The baseline that suppresses exactly these findings. */
export function baselineOf(findings: readonly BaselineFinding[]): Baseline {
  const baseline = emptyBaseline();
  for (const finding of findings) {
    const byRule = (baseline[finding.file] ??= {});
    const byLine = (byRule[finding.rule] ??= {});
    const fingerprint = lineFingerprint(finding.lineText);
    byLine[fingerprint] = (byLine[fingerprint] ?? 0) + 1;
  }
  return baseline;
}

/**
 * Splits findings into those the baseline does not cover (`reported`) and those it does; each
 * entry covers at most its count. `matched` is the part of the baseline that covered something,
 * `unused` the rest (code fixed or gone).
 */
export function applyBaseline<T extends BaselineFinding>(
  findings: readonly T[],
  baseline: Baseline,
): { reported: T[]; suppressed: T[]; matched: Baseline; unused: Baseline } {
  const left = structuredClone(baseline);
  const reported: T[] = [];
  const suppressed: T[] = [];
  for (const finding of findings) {
    const byLine = left[finding.file]?.[finding.rule];
    const fingerprint = lineFingerprint(finding.lineText);
    const count = byLine?.[fingerprint] ?? 0;
    if (count > 0) {
      byLine![fingerprint] = count - 1;
      suppressed.push(finding);
    } else {
      reported.push(finding);
    }
  }
  return { reported, suppressed, matched: baselineOf(suppressed), unused: withoutEmpty(left) };
}

/** The number of findings a baseline holds. */
export function baselineSize(baseline: Baseline): number {
  let size = 0;
  for (const byRule of Object.values(baseline)) {
    for (const byLine of Object.values(byRule)) for (const count of Object.values(byLine ?? {})) size += count;
  }
  return size;
}

/** The entries of `baseline` whose file `keep` accepts. */
export function filterBaseline(baseline: Baseline, keep: (file: string) => boolean): Baseline {
  return Object.assign(emptyBaseline(), Object.fromEntries(Object.entries(baseline).filter(([file]) => keep(file))));
}

/** Both baselines' entries; for a file in both, `over`'s entries replace `under`'s. */
export function mergeBaselines(under: Baseline, over: Baseline): Baseline {
  return Object.assign(emptyBaseline(), under, over);
}

/** Reads a suppressions file's text; throws a ConfigError naming what is wrong. */
export function parseBaseline(text: string, source: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${source}: not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(raw)) throw new ConfigError(`${source}: must be a JSON object of file to rule to line fingerprint to count`);
  const baseline = emptyBaseline();
  for (const [file, byRule] of Object.entries(raw)) {
    if (!isObject(byRule)) throw new ConfigError(`${source}: "${file}" must be an object of rule to line fingerprints`);
    const rules: Baseline[string] = {};
    for (const [rule, byLine] of Object.entries(byRule)) {
      if (!RULE_IDS.includes(rule as RuleId)) throw new ConfigError(`${source}: "${file}": "${rule}" is not a rule (known: ${RULE_IDS.join(', ')})`);
      if (!isObject(byLine) || !Object.values(byLine).every((count) => Number.isInteger(count) && (count as number) > 0)) {
        throw new ConfigError(`${source}: "${file}": "${rule}" must map line fingerprints to counts of at least 1`);
      }
      rules[rule as RuleId] = byLine as Record<string, number>;
    }
    baseline[file] = rules;
  }
  return baseline;
}

/** The file's text: keys sorted, so that a rewrite changes only what changed and merges cleanly. */
export function formatBaseline(baseline: Baseline): string {
  const sorted = (record: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, isObject(record[key]) ? sorted(record[key]) : record[key]]),
    );
  return `${JSON.stringify(sorted(withoutEmpty(baseline)), null, 2)}\n`;
}

/** A record without a prototype: a file named `__proto__` is a key like any other. */
function emptyBaseline(): Baseline {
  return Object.create(null) as Baseline;
}

function withoutEmpty(baseline: Baseline): Baseline {
  const result = emptyBaseline();
  for (const [file, byRule] of Object.entries(baseline)) {
    const rules: Baseline[string] = {};
    for (const [rule, byLine] of Object.entries(byRule) as Array<[RuleId, Record<string, number>]>) {
      const lines = Object.fromEntries(Object.entries(byLine).filter(([, count]) => count > 0));
      if (Object.keys(lines).length > 0) rules[rule] = lines;
    }
    if (Object.keys(rules).length > 0) result[file] = rules;
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
