import * as path from 'node:path';
import { applyLayer, ConfigError, DEFAULT_CONFIG, parseConfigFile, type ConfigLayer, type PerfLintConfig } from '../../rules/src/data';
import { globMatcher, inside, type GlobMatcher } from './paths';
import { Disk } from './disk';
import { CONFIG_LIMIT } from './read';

export const CONFIG_FILE_NAME = '.perflintrc.json';

/** One configuration file, read and checked, with its globs compiled. */
export interface ConfigFile {
  file: string;
  /** The folder its globs are relative to. */
  folder: string;
  root: boolean;
  layer: ConfigLayer;
  excludes: GlobMatcher;
  overrides: Array<{ matches: (relative: string) => boolean; layer: ConfigLayer }>;
}

/** Settings that apply where no configuration file does (the editor's), and the folder their `exclude` globs start from. */
export interface ConfigBase {
  config: PerfLintConfig;
  folder: string;
}

/** The settings of one file and where they come from. */
export interface FileConfig {
  config: PerfLintConfig;
  /** The configuration files applied, outermost first (none: the base settings). */
  sources: string[];
}

export interface ConfigLookupOptions {
  /** `--config FILE`: this file for every file, instead of the lookup. */
  explicitFile?: string;
  /** How messages name a configuration file. */
  display?(file: string): string;
  /** Called once for a file that cannot be used, which is then left out; without it, a ConfigError is thrown. */
  onError?(message: string): void;
}

/**
 * Finds and reads `.perflintrc.json` files per folder, each once: the nearest one upward from a
 * file, then the ones above it until one says `"root": true` or the repository root (the folder
 * holding `.git`) is reached. A nearer file's settings win.
 */
export class ConfigLookup {
  private readonly files = new Map<string, Promise<ConfigFile | undefined>>();
  private readonly chains = new Map<string, Promise<ConfigFile[]>>();
  /** Folders whose entries a listing has read: whether they hold a configuration file and `.git`, without asking the disk again. */
  private readonly knownFolders = new Map<string, { config: boolean; git: boolean }>();

  constructor(
    private readonly options: ConfigLookupOptions = {},
    private readonly disk = new Disk(),
  ) {}

  /** The configuration files that apply in a folder, outermost first. */
  chain(folder: string): Promise<ConfigFile[]> {
    let chain = this.chains.get(folder);
    if (!chain) {
      chain = this.options.explicitFile ? this.load(path.resolve(this.options.explicitFile)).then((file) => (file ? [file] : [])) : this.findChain(folder);
      this.chains.set(folder, chain);
    }
    return chain;
  }

  /** The settings of one file: `base` where no configuration file applies, else the files' settings over the defaults (`enable` needs both). */
  async resolve(file: string, base: PerfLintConfig = DEFAULT_CONFIG): Promise<FileConfig> {
    const chain = await this.chain(path.dirname(file));
    if (chain.length === 0) return { config: base, sources: [] };
    let config = DEFAULT_CONFIG;
    for (const each of chain) {
      config = applyLayer(config, each.layer);
      const relative = inside(each.folder, file);
      for (const override of each.overrides) if (relative !== undefined && override.matches(relative)) config = applyLayer(config, override.layer);
    }
    return { config: { ...config, enable: base.enable && config.enable, exclude: [] }, sources: chain.map((each) => each.file) };
  }

  /** Which configuration excludes a path (a file or a folder), or undefined when none does. */
  async excludedBy(target: string, base?: ConfigBase): Promise<string | undefined> {
    const chain = await this.chain(path.dirname(target));
    if (chain.length === 0) {
      const relative = base && inside(base.folder, target);
      return relative && globMatcher(base.config.exclude)?.(relative) ? 'the "exclude" setting' : undefined;
    }
    for (const each of chain) {
      const relative = inside(each.folder, target);
      if (relative && each.excludes?.(relative)) return this.shown(each.file);
    }
    return undefined;
  }

  /** Records the names a listing found in a folder. */
  knowFolder(folder: string, names: readonly string[]): void {
    this.knownFolders.set(folder, { config: names.includes(CONFIG_FILE_NAME), git: names.includes('.git') });
  }

  /** Forgets every file read: one of them changed. */
  clear(): void {
    this.files.clear();
    this.chains.clear();
    this.knownFolders.clear();
  }

  private async findChain(folder: string): Promise<ConfigFile[]> {
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    const known = this.knownFolders.get(folder);
    const own = (known ? known.config : await this.disk.exists(candidate)) ? await this.load(candidate) : undefined;
    if (own?.root) return [own];
    const parent = path.dirname(folder);
    const stop = parent === folder || (known ? known.git : await this.disk.exists(path.join(folder, '.git')));
    const above = stop ? [] : await this.chain(parent);
    return own ? [...above, own] : above;
  }

  private load(file: string): Promise<ConfigFile | undefined> {
    let loaded = this.files.get(file);
    if (!loaded) {
      loaded = readConfigFile(file, this.shown(file), this.disk).catch((error: unknown) => {
        if (!(error instanceof ConfigError) || !this.options.onError) throw error;
        this.options.onError(error.message);
        return undefined;
      });
      this.files.set(file, loaded);
    }
    return loaded;
  }

  private shown(file: string): string {
    return this.options.display?.(file) ?? file;
  }
}

/** Reads and checks one configuration file; throws a ConfigError saying what is wrong. */
export async function readConfigFile(file: string, shown: string, disk = new Disk()): Promise<ConfigFile> {
  const read = await disk.readFile(file, CONFIG_LIMIT);
  if (!('text' in read)) throw new ConfigError(`cannot read the configuration ${shown}: ${read.reason}`);
  let raw: unknown;
  try {
    // Some editors save JSON with a byte order mark, which JSON.parse refuses.
    raw = JSON.parse(read.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${shown}: not valid JSON: ${(error as Error).message}`);
  }
  const { root, overrides, exclude, ...layer } = parseConfigFile(raw, shown);
  const folder = path.dirname(file);
  // The helper module is named relative to this file; the fixes of every file below it need the same module.
  if (layer.fixes?.helperModule) layer.fixes = { ...layer.fixes, helperModule: path.resolve(folder, layer.fixes.helperModule) };
  return {
    file,
    folder,
    root: root === true,
    layer,
    excludes: globMatcher(exclude),
    overrides: (overrides ?? []).map(({ files, excludedFiles, ...rest }) => {
      const included = globMatcher(files)!;
      const excluded = globMatcher(excludedFiles);
      return { matches: (relative: string) => included(relative) && !excluded?.(relative), layer: rest };
    }),
  };
}
