import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, DEFAULT_CONFIG, parseConfig, type PerfLintConfig, type RuleId, type SeveritySetting } from '../../rules/src/data';
import { UsageError } from './args';

export const CONFIG_FILE_NAME = '.perflintrc.json';

/** The configuration in effect and the folder its relative globs start from. */
export interface LoadedConfig {
  config: PerfLintConfig;
  /** The configuration file read, if any. */
  file?: string;
  /** The project root: the configuration file's folder, else the repository root, else the start folder. */
  root: string;
}

/** Nearest `.perflintrc.json` from `start` upward, stopping at a repository root (a folder holding `.git`). */
export function findConfigFile(start: string): { file?: string; root: string } {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return { file: candidate, root: dir };
    if (fs.existsSync(path.join(dir, '.git'))) return { root: dir };
    if (path.dirname(dir) === dir) return { root: path.resolve(start) };
  }
}

/** Reads the configuration (`--config FILE`, else the nearest one) and applies the `--rule` overrides. */
export function loadConfig(cwd: string, explicitFile: string | undefined, ruleOverrides: Partial<Record<RuleId, SeveritySetting>>): LoadedConfig {
  const found = explicitFile ? { file: path.resolve(cwd, explicitFile), root: path.dirname(path.resolve(cwd, explicitFile)) } : findConfigFile(cwd);
  let config: PerfLintConfig = { ...DEFAULT_CONFIG, rules: {}, exclude: [] };
  if (found.file) {
    const shown = path.relative(cwd, found.file) || found.file;
    let text: string;
    try {
      text = fs.readFileSync(found.file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read the configuration ${shown}: ${(error as Error).message}`);
    }
    let raw: unknown;
    try {
      // Some editors save JSON with a byte order mark, which JSON.parse refuses.
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new UsageError(`${shown}: not valid JSON: ${(error as Error).message}`);
    }
    try {
      config = parseConfig(raw, shown);
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
  }
  config.rules = { ...config.rules, ...ruleOverrides };
  return { config, root: found.root, ...(found.file && { file: found.file }) };
}
