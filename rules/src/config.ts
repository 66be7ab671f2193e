import { RULE_IDS } from './rule-ids';
import { FILE_ROLES, type FileRole } from './roles';
import type { RuleId, RuleOptions, SeveritySetting } from './types';

export { RULE_IDS };
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/** The settings in effect for one file: from `.perflintrc.json` files, or the editor's `perfLint.*` settings. */
export interface PerfLintConfig {
  enable: boolean;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  /** Options of each rule, given ESLint-style as `"rule": ["warning", { ... }]`; the rule gives them meaning. */
  ruleOptions: Partial<Record<RuleId, RuleOptions>>;
  /** Calls in flight at once in the code that concurrency fixes write. */
  concurrencyLimit: number;
  /** Glob patterns of files to skip, relative to the folder of the configuration file that names them. */
  exclude: string[];
  /** Files larger than this many bytes are skipped and reported. */
  maxFileSize: number;
  /** Which file roles are checked (`"roles": { "test": true }`); roles left out keep their default. */
  roles: Partial<Record<FileRole, boolean>>;
  /** The role an override gives the files it matches, instead of the one read from their path and imports. */
  role?: FileRole;
  /** How fixes write code: `helperModule`, the project's module for the concurrency helper (relative to its configuration file's folder; absolute once the workspace reads it). */
  fixes: FixSettings;
}

/** The `fixes` key. */
export interface FixSettings {
  helperModule?: string;
}

/** What one configuration file, one of its overrides, or the editor's settings set; keys left out keep the value below. */
export type ConfigLayer = Partial<PerfLintConfig>;

/** An `overrides` entry: settings for the files its globs match (relative to its configuration file's folder). */
export interface ConfigOverride extends ConfigLayer {
  files: string[];
  excludedFiles?: string[];
}

/** One `.perflintrc.json` as written. */
export interface ConfigFileContent extends ConfigLayer {
  /** Stops the search for configuration files in the folders above. */
  root?: boolean;
  overrides?: ConfigOverride[];
}

/** 8 keeps below pg's default pool of 10 connections and most APIs' per-client rate limits. */
export const DEFAULT_CONCURRENCY_LIMIT = 8;

export const DEFAULT_CONFIG: PerfLintConfig = {
  enable: true,
  rules: {},
  ruleOptions: {},
  concurrencyLimit: DEFAULT_CONCURRENCY_LIMIT,
  exclude: [],
  maxFileSize: 1024 * 1024,
  roles: {},
  fixes: {},
};

/** Glob patterns one configuration may hold in all (`exclude`, `files`, `excludedFiles`): matching cost grows with each. */
export const MAX_CONFIG_PATTERNS = 5000;
/** Characters of one glob pattern: far beyond any path, below what the glob compiler refuses with an internal error. */
export const MAX_GLOB_LENGTH = 4096;

export class ConfigError extends Error {}

/** Where a key may appear. */
type KeyPlace = 'file' | 'override';

/** How one configuration key is checked and stored; adding a key is adding one entry to CONFIG_KEYS. */
interface KeySpec {
  places: readonly KeyPlace[];
  /** Checks the value and stores it in `into`; `at` names the key for messages. */
  parse(value: unknown, at: string, into: Record<string, unknown>, key: string): void;
}

const ruleSettings: KeySpec['parse'] = (value, at, into) => {
  const { rules, ruleOptions } = parseRuleSettings(value, at);
  into.rules = rules;
  into.ruleOptions = ruleOptions;
};

/** Every key of `.perflintrc.json` and of its `overrides` entries. */
export const CONFIG_KEYS: Readonly<Record<string, KeySpec>> = {
  $schema: { places: ['file'], parse: () => {} },
  root: { places: ['file'], parse: storeBoolean },
  enable: { places: ['file', 'override'], parse: storeBoolean },
  rules: { places: ['file', 'override'], parse: ruleSettings },
  concurrencyLimit: { places: ['file', 'override'], parse: (value, at, into, key) => (into[key] = wholeNumber(value, at, 'a whole number of at least 1')) },
  maxFileSize: { places: ['file', 'override'], parse: (value, at, into, key) => (into[key] = wholeNumber(value, at, 'a whole number of bytes')) },
  exclude: { places: ['file'], parse: (value, at, into, key) => (into[key] = globs(value, at)) },
  files: { places: ['override'], parse: (value, at, into, key) => (into[key] = globs(value, at, true)) },
  excludedFiles: { places: ['override'], parse: (value, at, into, key) => (into[key] = globs(value, at)) },
  overrides: { places: ['file'], parse: (value, at, into, key) => (into[key] = parseOverrides(value, at)) },
  roles: { places: ['file'], parse: (value, at, into, key) => (into[key] = roleSwitches(value, at)) },
  role: { places: ['override'], parse: (value, at, into, key) => (into[key] = fileRole(value, at)) },
  fixes: { places: ['file'], parse: (value, at, into, key) => (into[key] = fixSettings(value, at)) },
};

/** `{ "helperModule": "src/lib/concurrency.ts" }`: a relative path to a source file. */
function fixSettings(value: unknown, at: string): FixSettings {
  if (!isObject(value)) throw new ConfigError(`${at} must be an object such as { "helperModule": "src/lib/concurrency.ts" }`);
  for (const [key, setting] of Object.entries(value)) {
    if (key !== 'helperModule') throw new ConfigError(`${at.slice(0, -1)}.${key}" is not a fix setting (known: helperModule)`);
    if (typeof setting !== 'string' || setting.length > MAX_GLOB_LENGTH || !/\.(?:[cm]?[jt]s|[jt]sx)$/.test(setting) || /^(?:[\\/]|[A-Za-z]:)/.test(setting)) {
      throw new ConfigError(
        `${at.slice(0, -1)}.${key}" must be a path relative to this file's folder, ending in .ts, .tsx, .mts, .cts, .js, .jsx, .mjs or .cjs`,
      );
    }
  }
  return value as FixSettings;
}

/** `{ "test": true, "script": false }`: each key a role, each value whether it is checked. */
function roleSwitches(value: unknown, at: string): Partial<Record<FileRole, boolean>> {
  if (!isObject(value)) throw new ConfigError(`${at} must be an object of role to true or false`);
  for (const [role, checked] of Object.entries(value)) {
    if (!FILE_ROLES.includes(role as FileRole)) throw new ConfigError(`${at.slice(0, -1)}.${role}" is not a role (known: ${FILE_ROLES.join(', ')})`);
    if (typeof checked !== 'boolean') throw new ConfigError(`${at.slice(0, -1)}.${role}" must be true or false`);
  }
  return value as Partial<Record<FileRole, boolean>>;
}

function fileRole(value: unknown, at: string): FileRole {
  if (!FILE_ROLES.includes(value as FileRole)) throw new ConfigError(`${at} must be one of ${FILE_ROLES.join(', ')}`);
  return value as FileRole;
}

/** The keys allowed at one place, in the table's order. */
export function configKeys(place: KeyPlace): string[] {
  return Object.entries(CONFIG_KEYS).flatMap(([key, spec]) => (spec.places.includes(place) ? [key] : []));
}

function storeBoolean(value: unknown, at: string, into: Record<string, unknown>, key: string): void {
  if (typeof value !== 'boolean') throw new ConfigError(`${at} must be true or false`);
  into[key] = value;
}

function wholeNumber(value: unknown, at: string, what: string): number {
  if (!Number.isInteger(value) || (value as number) < 1) throw new ConfigError(`${at} must be ${what}`);
  return value as number;
}

function globs(value: unknown, at: string, nonEmpty = false): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new ConfigError(`${at} must be an array of glob strings`);
  if (nonEmpty && value.length === 0) throw new ConfigError(`${at} must name at least one glob`);
  const tooLong = value.findIndex((pattern) => pattern.length > MAX_GLOB_LENGTH);
  if (tooLong >= 0) throw new ConfigError(`${at}[${tooLong}] is ${value[tooLong]!.length} characters long; a glob may have at most ${MAX_GLOB_LENGTH}`);
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks an object's keys against the table for one place and parses each. */
function parseKeys(raw: Record<string, unknown>, place: KeyPlace, prefix: string, source: string): Record<string, unknown> {
  const into: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const spec = Object.hasOwn(CONFIG_KEYS, key) ? CONFIG_KEYS[key] : undefined;
    if (!spec || !spec.places.includes(place)) {
      throw new ConfigError(
        `${source}: unknown key "${prefix}${key}" (known: ${configKeys(place)
          .filter((name) => name !== '$schema')
          .join(', ')})`,
      );
    }
    spec.parse(value, `${source}: "${prefix}${key}"`, into, key);
  }
  return into;
}

function parseOverrides(value: unknown, at: string): ConfigOverride[] {
  if (!Array.isArray(value)) throw new ConfigError(`${at} must be an array of { "files": [...], ... } objects`);
  const source = at.slice(0, at.lastIndexOf(': "'));
  return value.map((entry, index) => {
    if (!isObject(entry)) throw new ConfigError(`${at.slice(0, -1)}[${index}]" must be an object`);
    const parsed = parseKeys(entry, 'override', `overrides[${index}].`, source);
    if (!parsed.files) throw new ConfigError(`${source}: "overrides[${index}]" needs "files"`);
    return parsed as unknown as ConfigOverride;
  });
}

/** Checks one configuration file's object; throws a ConfigError naming the bad key. */
export function parseConfigFile(raw: unknown, source: string): ConfigFileContent {
  if (!isObject(raw)) throw new ConfigError(`${source}: the configuration must be a JSON object`);
  const content = parseKeys(raw, 'file', '', source) as ConfigFileContent;
  const patterns =
    (content.exclude?.length ?? 0) + (content.overrides ?? []).reduce((sum, entry) => sum + entry.files.length + (entry.excludedFiles?.length ?? 0), 0);
  if (patterns > MAX_CONFIG_PATTERNS) {
    throw new ConfigError(`${source}: ${patterns} glob patterns in "exclude" and "overrides"; at most ${MAX_CONFIG_PATTERNS} are read`);
  }
  return content;
}

/** Checks a configuration object and merges it over the defaults (without `root` or `overrides`). */
export function parseConfig(raw: unknown, source: string): PerfLintConfig {
  const { root: _root, overrides, $schema: _schema, ...layer } = parseConfigFile(raw, source) as ConfigFileContent & { $schema?: unknown };
  if (overrides) throw new ConfigError(`${source}: "overrides" is only read from a .perflintrc.json file`);
  return applyLayer(DEFAULT_CONFIG, layer);
}

/** `layer` over `base`: a rule's severity and options replace the base's for that rule, every other key the base's value. */
export function applyLayer(base: PerfLintConfig, layer: ConfigLayer): PerfLintConfig {
  const { files: _files, excludedFiles: _excluded, root: _root, overrides: _overrides, ...rest } = layer as ConfigOverride & ConfigFileContent;
  return {
    ...base,
    ...rest,
    rules: { ...base.rules, ...layer.rules },
    ruleOptions: { ...base.ruleOptions, ...layer.ruleOptions },
    roles: { ...base.roles, ...layer.roles },
    fixes: { ...base.fixes, ...layer.fixes },
  };
}

/** `"rule": "warning"` or `"rule": ["warning", { ...options }]`, as ESLint writes them. */
function parseRuleSettings(value: unknown, at: string): Pick<PerfLintConfig, 'rules' | 'ruleOptions'> {
  if (!isObject(value)) throw new ConfigError(`${at} must be an object of rule id to severity`);
  const prefix = at.slice(0, -1);
  const rules: PerfLintConfig['rules'] = {};
  const ruleOptions: PerfLintConfig['ruleOptions'] = {};
  for (const [ruleId, setting] of Object.entries(value)) {
    const where = `${prefix}.${ruleId}"`;
    if (!RULE_IDS.includes(ruleId as RuleId)) throw new ConfigError(`${where} is not a rule (known: ${RULE_IDS.join(', ')})`);
    const [severity, options, ...extra] = Array.isArray(setting) ? setting : [setting];
    if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) {
      throw new ConfigError(`${where} must be one of ${SEVERITY_SETTINGS.join(', ')}, or [severity, { options }]`);
    }
    if (extra.length > 0 || (options !== undefined && !isObject(options))) throw new ConfigError(`${where}: the options must be one object after the severity`);
    rules[ruleId as RuleId] = severity as SeveritySetting;
    if (options !== undefined) ruleOptions[ruleId as RuleId] = options as RuleOptions;
  }
  return { rules, ruleOptions };
}
