/** What a package.json says that file roles and the project's facts read: parsed once per package (`packageManifestOf`). */
export interface PackageManifest {
  name?: string;
  keywords: readonly string[];
  private: boolean;
  main?: string;
  /** The files its `bin` names (`"bin": "cli.js"` or `"bin": { "tool": "./bin/tool.js" }`), as written. */
  bin: readonly string[];
  scripts: ReadonlyArray<readonly [name: string, command: string]>;
  /** The `oclif` section, when there is one. */
  oclif?: object;
  /** The package names it depends on, all dependency kinds. */
  dependencies: ReadonlySet<string>;
}

const EMPTY: PackageManifest = { keywords: [], private: false, bin: [], scripts: [], dependencies: new Set() };

const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** A package.json's text, parsed; an empty manifest for unreadable JSON. */
export function packageManifestOf(packageJsonText: string): PackageManifest {
  let json: unknown;
  try {
    json = JSON.parse(packageJsonText);
  } catch {
    return EMPTY;
  }
  if (!json || typeof json !== 'object') return EMPTY;
  const manifest = json as Record<string, unknown>;
  const dependencies = new Set<string>();
  for (const key of DEPENDENCY_SECTIONS) {
    const section = manifest[key];
    if (section && typeof section === 'object') for (const name of Object.keys(section)) dependencies.add(name);
  }
  const { name, keywords, main, bin, scripts, oclif } = manifest;
  return {
    ...(typeof name === 'string' && { name }),
    keywords: Array.isArray(keywords) ? keywords.filter((keyword): keyword is string => typeof keyword === 'string') : [],
    private: manifest.private === true,
    ...(typeof main === 'string' && { main }),
    bin: (typeof bin === 'string' ? [bin] : bin && typeof bin === 'object' ? Object.values(bin) : []).filter(
      (entry): entry is string => typeof entry === 'string',
    ),
    scripts: scripts && typeof scripts === 'object' ? Object.entries(scripts).filter((entry): entry is [string, string] => typeof entry[1] === 'string') : [],
    ...(typeof oclif === 'object' && oclif !== null && { oclif }),
    dependencies,
  };
}
