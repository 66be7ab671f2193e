import { awaitInLoop } from './rules/await-in-loop';
import { nPlusOne } from './rules/n-plus-one';
import { syncIoInAsync } from './rules/sync-io-in-async';
import { unboundedPromiseAll } from './rules/unbounded-promise-all';
import type { Rule, RuleId } from './types';

/** Every rule, in the order their listeners run (n-plus-one first: await-in-loop defers to it). */
export const ALL_RULES: readonly Rule[] = [nPlusOne, awaitInLoop, syncIoInAsync, unboundedPromiseAll];

export const DOCS_BASE_URL = 'https://github.com/perf-lint/perf-lint/blob/main/rules/docs/';

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.meta.id === id);
}

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
