import type { ESLint, Linter, Rule, SourceCode } from 'eslint';
import { ALL_RULES, analyze, docsUrl, type AnalysisResult, type Fix, type RuleId, type RuleMeta, type RuleOptions, type Severity } from '../../rules/src';
import { DEFAULT_CONFIG } from '../../rules/src/data';
import { version } from '../package.json';
import { projectInfoFor } from './project';

/** `settings: { 'perf-lint': { concurrencyLimit } }` in the ESLint configuration: the limit the concurrency fixes write. */
interface SharedSettings {
  concurrencyLimit?: number;
}

/** One analysis per linted text, shared by the four rules (it runs every rule in one walk, as the command does). */
const analyses = new WeakMap<SourceCode, AnalysisResult>();

/**
 * The options each rule is configured with for a linted text (`'perf-lint/unbounded-promise-all': ['warn', { reportUnknownLists: true }]`).
 * ESLint creates every rule of a text before it walks it, so all of them are known when the first one asks for the analysis.
 */
const ruleOptionsOf = new WeakMap<SourceCode, Partial<Record<RuleId, RuleOptions>>>();

function keepOptions(context: Rule.RuleContext, id: RuleId): void {
  const [options] = context.options as (RuleOptions | undefined)[];
  if (!options) return;
  const byRule = ruleOptionsOf.get(context.sourceCode) ?? {};
  byRule[id] = options;
  ruleOptionsOf.set(context.sourceCode, byRule);
}

function analysisOf(context: Rule.RuleContext): AnalysisResult {
  const { sourceCode } = context;
  let result = analyses.get(sourceCode);
  if (!result) {
    const settings = (context.settings['perf-lint'] ?? {}) as SharedSettings;
    const concurrencyLimit =
      Number.isInteger(settings.concurrencyLimit) && settings.concurrencyLimit! > 0 ? settings.concurrencyLimit! : DEFAULT_CONFIG.concurrencyLimit;
    // Every rule on: which of them report is ESLint's configuration to decide, rule by rule.
    const rules = Object.fromEntries(ALL_RULES.map((rule) => [rule.meta.id, 'warning'])) as Record<RuleId, Severity>;
    const ruleOptions = ruleOptionsOf.get(sourceCode) ?? {};
    result = analyze(sourceCode.text, context.filename, { rules, ruleOptions, concurrencyLimit, project: projectInfoFor(context.filename) });
    analyses.set(sourceCode, result);
  }
  return result;
}

function editsOf(fix: Fix): (fixer: Rule.RuleFixer) => Rule.Fix[] {
  return (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text));
}

/** The rule's options as ESLint validates them: one object of the options the rule reads, no other key; none for a rule without options. */
function optionsSchema(meta: RuleMeta): Rule.RuleMetaData['schema'] {
  if (!meta.options) return [];
  return [{ type: 'object', properties: { ...meta.options }, additionalProperties: false }];
}

/** The core's rule as an ESLint rule: the same findings, messages and options; safe fixes as fixes, unsafe ones as suggestions. */
function eslintRule(id: RuleId): Rule.RuleModule {
  const meta = ALL_RULES.find((rule) => rule.meta.id === id)!.meta;
  return {
    meta: {
      type: 'suggestion',
      docs: { description: meta.description, url: docsUrl(id), recommended: true },
      ...(meta.fixable && { fixable: 'code', hasSuggestions: true }),
      schema: optionsSchema(meta),
    },
    create(context) {
      keepOptions(context, id);
      return {
        'Program:exit'() {
          for (const finding of analysisOf(context).findings) {
            if (finding.ruleId !== id) continue;
            const loc = { start: context.sourceCode.getLocFromIndex(finding.start), end: context.sourceCode.getLocFromIndex(finding.end) };
            const fix = finding.fix;
            if (fix?.safe) context.report({ loc, message: finding.message, fix: editsOf(fix) });
            else if (fix) context.report({ loc, message: finding.message, suggest: [{ desc: fix.title, fix: editsOf(fix) }] });
            else context.report({ loc, message: finding.message });
          }
        },
      };
    },
  };
}

const ESLINT_SEVERITY: Record<Severity, Linter.StringSeverity> = { error: 'error', warning: 'warn', info: 'warn' };

const rules = Object.fromEntries(ALL_RULES.map((rule) => [rule.meta.id, eslintRule(rule.meta.id)]));

const plugin = {
  meta: { name: 'eslint-plugin-perf-lint', version },
  rules,
  configs: {} as Record<string, Linter.Config>,
} satisfies ESLint.Plugin;

/** `...perfLint.configs.recommended` in a flat configuration: every rule at its default severity. */
plugin.configs.recommended = {
  name: 'perf-lint/recommended',
  plugins: { 'perf-lint': plugin },
  rules: Object.fromEntries(ALL_RULES.map((rule) => [`perf-lint/${rule.meta.id}`, ESLINT_SEVERITY[rule.meta.defaultSeverity]])),
};

export = plugin;
