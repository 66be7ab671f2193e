import { ConfigError, DEFAULT_CONFIG, parseConfig, type PerfLintConfig } from '../../rules/src';

export const SETTINGS_SECTION = 'perfLint';

/** Keys of the `perfLint` section that configure the editor, not the analysis (`run` is read on its own, see RunModes). */
const CLIENT_ONLY_KEYS = new Set(['trace', 'run']);

export function defaults(): PerfLintConfig {
  return { ...DEFAULT_CONFIG, rules: {}, ruleOptions: {}, exclude: [] };
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

/**
 * The client's settings per resource, each read once and kept as a promise until the settings
 * change or the document closes. They give the editor's own options (`enable`) and the defaults
 * where no `.perflintrc.json` applies.
 */
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
