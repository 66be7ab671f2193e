import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ConfigError, DEFAULT_CONFIG, parseConfig, type PerfLintConfig } from '../../rules/src/config';

export const SETTINGS_SECTION = 'perfLint';
export const CONFIG_FILE_NAME = '.perflintrc.json';

/** Keys of the `perfLint` section that configure the editor, not the analysis (`run` is read on its own, see RunModes). */
const CLIENT_ONLY_KEYS = new Set(['trace', 'run']);

export function defaults(): PerfLintConfig {
  return { ...DEFAULT_CONFIG, rules: {}, exclude: [] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates the settings an editor sends, key by key: a bad key is dropped with a warning and the
 * others still apply, so one typo in the user's settings does not switch every rule back to defaults.
 */
export function configFromClient(raw: unknown, warn: (message: string) => void): PerfLintConfig {
  if (raw === null || raw === undefined) return defaults();
  if (!isObject(raw)) {
    warn(`${SETTINGS_SECTION}: the settings must be an object; using the defaults`);
    return defaults();
  }
  const accepted: Record<string, unknown> = {};
  const accept = (key: string, value: unknown): boolean => {
    try {
      parseConfig({ [key]: value }, SETTINGS_SECTION);
      return true;
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      warn(`${error.message}; ignored`);
      return false;
    }
  };
  for (const [key, value] of Object.entries(raw)) {
    // Editors send null for a setting without a value.
    if (CLIENT_ONLY_KEYS.has(key) || value === null) continue;
    if (key === 'rules' && isObject(value)) {
      const rules: Record<string, unknown> = {};
      for (const [ruleId, severity] of Object.entries(value)) {
        if (severity !== null && accept('rules', { [ruleId]: severity })) rules[ruleId] = severity;
      }
      accepted.rules = rules;
    } else if (accept(key, value)) {
      accepted[key] = value;
    }
  }
  return parseConfig(accepted, SETTINGS_SECTION);
}

/** The nearest `.perflintrc.json` from `start` up to `root` (the filesystem root when undefined). */
export async function findConfigFile(start: string, root: string | undefined): Promise<string | undefined> {
  let folder = start;
  for (;;) {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    if (await isFile(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder || (root !== undefined && path.relative(root, folder) === '')) return undefined;
    folder = parent;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Reads and validates a configuration file; on any problem reports it and falls back to the defaults. */
export async function readConfigFile(file: string, report: (message: string) => void): Promise<PerfLintConfig> {
  let raw: unknown;
  try {
    // Some editors save JSON with a byte order mark, which JSON.parse refuses.
    raw = JSON.parse((await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    report(`Perf Lint: ${file} could not be read as JSON (${(error as Error).message}); using the default settings.`);
    return defaults();
  }
  try {
    return parseConfig(raw, file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report(`Perf Lint: ${error.message}; using the default settings.`);
    return defaults();
  }
}

/** Configuration files read once each (so a broken one is reported once), until one of them changes. */
export class ConfigFiles {
  private readonly parsed = new Map<string, Promise<PerfLintConfig>>();

  constructor(private readonly report: (message: string) => void) {}

  /** The configuration that applies in `folder`: the nearest file at or above it, up to `root`. */
  async find(folder: string, root: string | undefined): Promise<PerfLintConfig> {
    const file = await findConfigFile(folder, root);
    if (!file) return defaults();
    let config = this.parsed.get(file);
    if (!config) {
      config = readConfigFile(file, this.report);
      this.parsed.set(file, config);
    }
    return config;
  }

  clear(): void {
    this.parsed.clear();
  }
}

/** Settings per resource, each read once and kept as a promise until the settings change or the document closes. */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<PerfLintConfig>>();

  constructor(
    private readonly read: (uri: string) => Promise<PerfLintConfig>,
    private readonly log: (message: string) => void,
  ) {}

  get(uri: string): Promise<PerfLintConfig> {
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.read(uri).catch((error: unknown) => {
        this.log(`Perf Lint: reading the settings for ${uri} failed (${(error as Error).message}); using the defaults`);
        return defaults();
      });
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }
}
