import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { RULE_IDS } from './config';
import type { LineIndex } from './lines';
import type { Finding, RuleId, UnusedDirective } from './types';

const DIRECTIVE = /^\s*perf-lint-(disable-next-line|disable-line|disable)(?:\s+([^]*?))?\s*(?:--[^]*)?$/;
/**
 * ESLint's and oxlint's directives (the same syntax), by line or as a block up to the next `eslint-enable` or
 * `oxlint-enable`; the ones naming `no-await-in-loop` record a loop that is sequential on purpose.
 */
const ESLINT_DIRECTIVE = /^\s*(?:eslint|oxlint)-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?\s*(?:--[^]*)?$/;
const ESLINT_AWAIT_RULE = 'no-await-in-loop';
/** oxlint also names the rule with its plugin: `eslint/no-await-in-loop`. */
const ESLINT_AWAIT_RULE_NAMES = new Set([ESLINT_AWAIT_RULE, `eslint/${ESLINT_AWAIT_RULE}`]);

/** Text a file must hold for any of its comments to suppress a finding. */
export const SUPPRESSION_MARKERS = ['perf-lint-disable', ESLINT_AWAIT_RULE] as const;

interface Suppression {
  /** 0-based line it covers, or undefined for the whole file. */
  line?: number;
  /** With `line`, the last line of the block it covers (an ESLint block directive, up to its `eslint-enable`). */
  lastLine?: number;
  /** Rule ids it names; empty means every rule. */
  rules: string[];
  /** Offsets of the comment, for reporting it unused. */
  start: number;
  end: number;
  /** An ESLint directive: honoured, never reported unused (ESLint reports its own). */
  foreign: boolean;
  /** Rules (or '' for a directive without a list) that suppressed at least one finding. */
  used: Set<string>;
}

/** Reads `perf-lint-disable*` comments (next line, same line, or the whole file) and ESLint's and oxlint's `no-await-in-loop` directives. */
export function readSuppressions(comments: TSESTree.Comment[], lines: LineIndex): Suppression[] {
  const suppressions: Suppression[] = [];
  let openBlock: Suppression | undefined;
  for (const comment of comments) {
    const own = comment.value.includes('perf-lint-disable') ? DIRECTIVE.exec(comment.value) : null;
    const eslint = !own && comment.value.includes('lint-') ? ESLINT_DIRECTIVE.exec(comment.value) : null;
    const match = own ?? eslint;
    if (!match) continue;
    const named = (match[2] ?? '')
      .split(',')
      .map((rule) => rule.trim())
      .filter(Boolean);
    const namesAwaitRule = named.some((rule) => ESLINT_AWAIT_RULE_NAMES.has(rule));
    if (eslint && match[1] === 'enable') {
      if (openBlock && (named.length === 0 || namesAwaitRule)) openBlock.lastLine = lines.lineOf(comment.range[0]);
      if (named.length === 0 || namesAwaitRule) openBlock = undefined;
      continue;
    }
    if (eslint && !namesAwaitRule) continue;
    const rules: string[] = eslint ? ['await-in-loop'] : named;
    const base = { rules, start: comment.range[0], end: comment.range[1], foreign: Boolean(eslint), used: new Set<string>() };
    if (match[1] === 'disable-next-line') suppressions.push({ ...base, line: lines.lineOf(comment.range[1]) + 1 });
    else if (match[1] === 'disable-line') suppressions.push({ ...base, line: lines.lineOf(comment.range[0]) });
    else if (eslint) {
      // Without its `eslint-enable`, ESLint's block runs to the end of the file.
      openBlock = { ...base, line: lines.lineOf(comment.range[0]), lastLine: Number.POSITIVE_INFINITY };
      suppressions.push(openBlock);
    } else suppressions.push(base);
  }
  return suppressions;
}

/** Whether a directive covers the finding; records on every covering directive that it was used. */
export function isSuppressed(finding: Finding, suppressions: Suppression[], lines: LineIndex): boolean {
  if (suppressions.length === 0) return false;
  const line = lines.lineOf(finding.start);
  let suppressed = false;
  for (const suppression of suppressions) {
    if (suppression.line !== undefined && (line < suppression.line || line > (suppression.lastLine ?? suppression.line))) continue;
    if (suppression.rules.length === 0) suppression.used.add('');
    else if (suppression.rules.includes(finding.ruleId)) suppression.used.add(finding.ruleId);
    else continue;
    suppressed = true;
  }
  return suppressed;
}

/**
 * Own directives that suppressed nothing, after `isSuppressed` has seen every finding. Only rules
 * that ran count: a directive naming a rule turned off (or one that failed) is not judged.
 */
export function unusedDirectives(suppressions: readonly Suppression[], ran: ReadonlySet<RuleId>): UnusedDirective[] {
  const unused: UnusedDirective[] = [];
  for (const suppression of suppressions) {
    if (suppression.foreign) continue;
    if (suppression.rules.length === 0) {
      if (suppression.used.size === 0 && ran.size > 0) unused.push({ start: suppression.start, end: suppression.end, rules: [] });
      continue;
    }
    // A name that is no rule at all never suppresses anything.
    const idle = suppression.rules.filter((rule) => !suppression.used.has(rule) && (ran.has(rule as RuleId) || !RULE_IDS.includes(rule as RuleId)));
    if (idle.length > 0) unused.push({ start: suppression.start, end: suppression.end, rules: idle });
  }
  return unused;
}

/** The message shown for an unused directive. */
export function unusedDirectiveMessage(directive: UnusedDirective): string {
  if (directive.rules.length === 0) return 'Unused perf-lint-disable directive: no problem was reported here.';
  const names = directive.rules.map((rule) => `'${rule}'`).join(', ');
  return `Unused perf-lint-disable directive: no problem from ${names} was reported here.`;
}
