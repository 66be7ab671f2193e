import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { LineIndex } from './lines';
import type { Finding } from './types';

const DIRECTIVE = /^\s*perf-lint-(disable-next-line|disable-line|disable)(?:\s+([^]*?))?\s*(?:--[^]*)?$/;

interface Suppression {
  /** 0-based line it covers, or undefined for the whole file. */
  line?: number;
  /** Rule ids it names; empty means every rule. */
  rules: string[];
}

/** Reads `perf-lint-disable*` comments: next line, same line, or (block or line comment) the whole file. */
export function readSuppressions(comments: TSESTree.Comment[], lines: LineIndex): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const comment of comments) {
    if (!comment.value.includes('perf-lint-disable')) continue;
    const match = DIRECTIVE.exec(comment.value);
    if (!match) continue;
    const rules = (match[2] ?? '').split(',').map((rule) => rule.trim()).filter(Boolean);
    const commentLine = lines.lineOf(comment.range[0]);
    if (match[1] === 'disable-next-line') suppressions.push({ line: lines.lineOf(comment.range[1]) + 1, rules });
    else if (match[1] === 'disable-line') suppressions.push({ line: commentLine, rules });
    else suppressions.push({ rules });
  }
  return suppressions;
}

export function isSuppressed(finding: Finding, suppressions: Suppression[], lines: LineIndex): boolean {
  if (suppressions.length === 0) return false;
  const line = lines.lineOf(finding.start);
  return suppressions.some(
    (suppression) =>
      (suppression.line === undefined || suppression.line === line) &&
      (suppression.rules.length === 0 || suppression.rules.includes(finding.ruleId)),
  );
}
