import { analyze as analyzeScopes, type ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { LineIndex } from './lines';
import { parseSource } from './parse';
import { ALL_RULES } from './registry';
import { isSuppressed, readSuppressions } from './suppressions';
import type { AnalysisOptions, AnalysisResult, Finding, Rule, RuleContext, RuleListeners, Severity } from './types';
import { walk } from './walk';
import { DEFAULT_CONCURRENCY_LIMIT } from './config';

export const DEFAULT_OPTIONS: AnalysisOptions = {
  rules: {},
  concurrencyLimit: DEFAULT_CONCURRENCY_LIMIT,
  project: { dependencies: new Set() },
};

function severityOf(rule: Rule, options: AnalysisOptions): Severity | undefined {
  const setting = options.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

function formatMessage(template: string, data: Record<string, string> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => data?.[key] ?? whole);
}

/** Analyzes one file's text with every enabled rule in a single walk of one parse. */
export function analyze(text: string, fileName: string, options: AnalysisOptions = DEFAULT_OPTIONS): AnalysisResult {
  const active = ALL_RULES.filter((rule) => severityOf(rule, options) && rule.prefilter.test(text));
  if (active.length === 0) return { findings: [] };

  let ast: TSESTree.Program;
  try {
    ast = parseSource(text, fileName);
  } catch (error) {
    const parseError = error as { message?: string; index?: number };
    return { findings: [], error: { message: `not analyzed: ${parseError.message ?? String(error)}`, offset: parseError.index } };
  }
  walk(ast, () => {}, () => {});

  const findings: Finding[] = [];
  const failures: string[] = [];
  const memo = new Map<string, unknown>();
  let scopeManager: ScopeManager | undefined;
  const listeners: Array<{ rule: Rule; listeners: RuleListeners }> = [];
  const failed = new Set<Rule>();

  for (const rule of active) {
    const severity = severityOf(rule, options)!;
    const context: RuleContext = {
      fileName,
      text,
      ast,
      options,
      get scopeManager() {
        scopeManager ??= analyzeScopes(ast, { sourceType: ast.sourceType, jsxPragma: null, lib: ['esnext'] });
        return scopeManager;
      },
      shared: {
        memo<T>(key: string, compute: () => T): T {
          if (!memo.has(key)) memo.set(key, compute());
          return memo.get(key) as T;
        },
      },
      report(descriptor) {
        const [start, end] = descriptor.range ?? descriptor.node!.range;
        findings.push({
          ruleId: rule.meta.id,
          messageId: descriptor.messageId,
          severity,
          message: formatMessage(rule.meta.messages[descriptor.messageId] ?? descriptor.messageId, descriptor.data),
          start,
          end,
          ...(descriptor.fix && { fix: descriptor.fix }),
        });
      },
    };
    try {
      listeners.push({ rule, listeners: rule.create(context) });
    } catch (error) {
      failures.push(`${rule.meta.id}: ${(error as Error).message}`);
    }
  }

  const dispatch = (type: string, node: TSESTree.Node): void => {
    for (const entry of listeners) {
      const listener = entry.listeners[type];
      if (!listener || failed.has(entry.rule)) continue;
      try {
        listener(node);
      } catch (error) {
        // One rule failing on an odd construct must not cost the other rules' findings.
        failed.add(entry.rule);
        failures.push(`${entry.rule.meta.id}: ${(error as Error).message}`);
      }
    }
  };
  // Leaving the Program node dispatches `Program:exit` once, after every other listener.
  walk(ast, (node) => dispatch(node.type, node), (node) => dispatch(`${node.type}:exit`, node));

  const lines = new LineIndex(text);
  const suppressions = readSuppressions(ast.comments ?? [], lines);
  const kept = findings.filter((finding) => !isSuppressed(finding, suppressions, lines));
  kept.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return failures.length > 0 ? { findings: kept, error: { message: `rule failed: ${failures.join('; ')}` } } : { findings: kept };
}
