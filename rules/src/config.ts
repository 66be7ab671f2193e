import { ALL_RULES } from './registry';
import type { RuleId, SeveritySetting } from './types';

/** The rule ids, as the registry lists the rules. */
export const RULE_IDS: readonly RuleId[] = ALL_RULES.map((rule) => rule.meta.id);
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** The settings shared by `.perflintrc.json` and the editor's `perfLint.*` settings. */
export interface PerfLintConfig {
  enable: boolean;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Calls in flight at once in the code that concurrency fixes write. */
  concurrencyLimit: number;
  /** Glob patterns (relative to the project root) of files to skip. */
  exclude: string[];
  /** Files larger than this many bytes are skipped and reported. */
  maxFileSize: number;
}

/** 8 keeps below pg's default pool of 10 connections and most APIs' per-client rate limits. */
export const DEFAULT_CONCURRENCY_LIMIT = 8;

export const DEFAULT_CONFIG: PerfLintConfig = {
  enable: true,
  rules: {},
  concurrencyLimit: DEFAULT_CONCURRENCY_LIMIT,
  exclude: [],
  maxFileSize: 1024 * 1024,
};

export class ConfigError extends Error {}

/** Checks a configuration object and merges it over the defaults; throws a ConfigError naming the bad key. */
export function parseConfig(raw: unknown, source: string): PerfLintConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(`${source}: the configuration must be a JSON object`);
  }
  const config: PerfLintConfig = { ...DEFAULT_CONFIG, rules: {}, exclude: [] };
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'enable':
        if (typeof value !== 'boolean') throw new ConfigError(`${source}: "${key}" must be true or false`);
        config[key] = value;
        break;
      case 'concurrencyLimit':
        if (!Number.isInteger(value) || (value as number) < 1) {
          throw new ConfigError(`${source}: "concurrencyLimit" must be a whole number of at least 1`);
        }
        config.concurrencyLimit = value as number;
        break;
      case 'maxFileSize':
        if (!Number.isInteger(value) || (value as number) < 1) {
          throw new ConfigError(`${source}: "maxFileSize" must be a whole number of bytes`);
        }
        config.maxFileSize = value as number;
        break;
      case 'exclude':
        if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
          throw new ConfigError(`${source}: "exclude" must be an array of glob strings`);
        }
        config.exclude = value;
        break;
      case 'rules':
        config.rules = parseRuleSeverities(value, source);
        break;
      case '$schema':
        break;
      default:
        throw new ConfigError(`${source}: unknown key "${key}" (known: enable, rules, concurrencyLimit, exclude, maxFileSize)`);
    }
  }
  return config;
}

function parseRuleSeverities(value: unknown, source: string): PerfLintConfig['rules'] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${source}: "rules" must be an object of rule id to severity`);
  }
  const rules: PerfLintConfig['rules'] = {};
  for (const [ruleId, severity] of Object.entries(value)) {
    if (!RULE_IDS.includes(ruleId as RuleId)) {
      throw new ConfigError(`${source}: "rules.${ruleId}" is not a rule (known: ${RULE_IDS.join(', ')})`);
    }
    if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
      throw new ConfigError(`${source}: "rules.${ruleId}" must be one of ${SEVERITY_SETTINGS.join(', ')}`);
    }
    rules[ruleId as RuleId] = severity as SeveritySetting;
  }
  return rules;
}
