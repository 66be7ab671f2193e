import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import type { ProjectHost } from './host';
import { dirname, joinPath, normalizePath } from './paths';
import type { PathMapping, WorkspacePackage } from './resolution';

const MAX_EXTENDS = 8;
/** Condition names of `exports` that lead to source or types before built code, in that order. */
const CONDITIONS = ['source', 'types', 'typescript', 'import', 'module', 'require', 'node', 'default'];

/** A JSON or JSONC document (tsconfig allows comments and trailing commas), or undefined. */
export function readJsonc(host: ProjectHost, path: string): Record<string, unknown> | undefined {
  const text = host.readFile(path);
  if (text === undefined) return undefined;
  const errors: ParseError[] = [];
  // A byte order mark is no error to TypeScript, which reads these files too.
  const parsed: unknown = parseJsonc(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true });
  return errors.length > 0 || typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) ? undefined : (parsed as Record<string, unknown>);
}

/**
 * The `baseUrl` and `paths` a tsconfig ends up with after its `extends` chain: each value is
 * taken from the nearest config that sets it and resolved against that config's folder.
 */
export function readPathMapping(host: ProjectHost, configPath: string): PathMapping {
  let baseUrl: string | undefined;
  let paths: PathMapping['paths'] | undefined;
  let pathsFolder: string | undefined;
  const seen = new Set<string>();
  for (let current: string | undefined = normalizePath(configPath), depth = 0; current && depth < MAX_EXTENDS && !seen.has(current); depth++) {
    seen.add(current);
    const config = readJsonc(host, current) ?? generatedFrameworkConfig(current);
    if (!config) break;
    const options = (config.compilerOptions ?? {}) as Record<string, unknown>;
    const folder = dirname(current);
    if (baseUrl === undefined && typeof options.baseUrl === 'string') baseUrl = joinPath(folder, options.baseUrl);
    if (paths === undefined && options.paths && typeof options.paths === 'object') {
      pathsFolder = folder;
      paths = Object.entries(options.paths as Record<string, unknown>).map(([pattern, targets]) => ({
        pattern,
        targets: Array.isArray(targets) ? targets.filter((target): target is string => typeof target === 'string') : [],
      }));
    }
    current = extendedConfig(host, folder, config.extends);
  }
  // `paths` resolve against `baseUrl` when one is set, else against the config that declares them.
  const pathsBase = baseUrl ?? pathsFolder ?? dirname(normalizePath(configPath));
  const resolved = (paths ?? []).map(({ pattern, targets }) => ({ pattern, targets: targets.map((target) => joinPath(pathsBase, target)) }));
  return { ...(baseUrl !== undefined && { baseUrl }), paths: resolved };
}

/** Nuxt's aliases, relative to `.nuxt/`: `~` and `@` are the source folder (`app/` from Nuxt 4 on, else the root), `~~` and `@@` the root. */
const NUXT_PATHS = {
  '~': ['../app', '..'],
  '~/*': ['../app/*', '../*'],
  '@': ['../app', '..'],
  '@/*': ['../app/*', '../*'],
  '~~/*': ['../*'],
  '@@/*': ['../*'],
  '#shared/*': ['../shared/*'],
  '#server/*': ['../server/*'],
};

/**
 * The tsconfig a framework writes when it builds, which the project's tsconfig extends and the repository does not hold: in
 * its place, the aliases it declares by default (`$lib` for SvelteKit's `src/lib`; `~`, `@`, `~~` of Nuxt's `.nuxt/tsconfig.json`
 * and its `server`, `app`, `node` and `shared` variants).
 */
function generatedFrameworkConfig(path: string): Record<string, unknown> | undefined {
  if (path.endsWith('/.svelte-kit/tsconfig.json')) return { compilerOptions: { paths: { $lib: ['../src/lib'], '$lib/*': ['../src/lib/*'] } } };
  if (/\/\.nuxt\/tsconfig(?:\.(?:server|app|node|shared))?\.json$/.test(path)) return { compilerOptions: { paths: NUXT_PATHS } };
  return undefined;
}

/** The file an `extends` names: a relative path (with or without `.json`) or a package's config, first of an array. */
function extendedConfig(host: ProjectHost, folder: string, value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return undefined;
  const withJson = (path: string): string => (path.endsWith('.json') ? path : `${path}.json`);
  if (first.startsWith('.') || first.startsWith('/')) return withJson(joinPath(folder, first));
  for (let current = folder; ; current = dirname(current)) {
    const candidate = joinPath(current, `node_modules/${first}`);
    for (const path of [withJson(candidate), `${candidate}/tsconfig.json`]) if (host.readFile(path) !== undefined) return path;
    if (current === '/' || !current.includes('/')) return undefined;
  }
}

/** The workspace globs of a root: npm/yarn `workspaces` (array or `{ packages }`) and `pnpm-workspace.yaml`. */
export function workspaceGlobs(host: ProjectHost, root: string): string[] {
  const globs: string[] = [];
  const manifest = readJsonc(host, joinPath(root, 'package.json'));
  const workspaces = manifest?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  if (Array.isArray(list)) globs.push(...list.filter((glob): glob is string => typeof glob === 'string'));
  const pnpm = host.readFile(joinPath(root, 'pnpm-workspace.yaml'));
  if (pnpm !== undefined) globs.push(...pnpmPackages(pnpm));
  return globs;
}

/** The `packages:` list of a pnpm-workspace.yaml (the only key it needs here), without a YAML library. */
function pnpmPackages(text: string): string[] {
  const globs: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^packages\s*:/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const item = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(?:#.*)?$/.exec(line);
      if (item) globs.push(item[1]!);
    }
  }
  return globs;
}

/** Whether a package folder, relative to the root, is one the workspace globs include (a `!` glob excludes). */
export function workspaceMatcher(globs: readonly string[]): (relativeFolder: string) => boolean {
  const include = globs.filter((glob) => !glob.startsWith('!')).map((glob) => glob.replace(/\/$/, ''));
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1).replace(/\/$/, ''));
  const included = include.length > 0 ? picomatch(include, { dot: true }) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  return (folder) => included(folder) && !excluded(folder);
}

/** A package.json's name and entry points, or undefined without a name. */
export function readWorkspacePackage(host: ProjectHost, folder: string): { name: string; pkg: WorkspacePackage } | undefined {
  const manifest = readJsonc(host, joinPath(folder, 'package.json'));
  if (!manifest || typeof manifest.name !== 'string') return undefined;
  const entries: Record<string, string> = {};
  const exportsField = manifest.exports;
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) addEntry(entries, folder, '.', exportsField);
  else if (exportsField && typeof exportsField === 'object') {
    const keys = Object.keys(exportsField);
    if (keys.some((key) => key.startsWith('.'))) {
      for (const [subpath, target] of Object.entries(exportsField as Record<string, unknown>)) addEntry(entries, folder, subpath, target);
    } else {
      addEntry(entries, folder, '.', exportsField);
    }
  }
  if (!entries['.']) {
    const main = [manifest.source, manifest.types, manifest.typings, manifest.module, manifest.main].find(
      (value): value is string => typeof value === 'string',
    );
    if (main) entries['.'] = joinPath(folder, main);
  }
  return { name: manifest.name, pkg: { dir: folder, entries } };
}

function addEntry(entries: Record<string, string>, folder: string, subpath: string, target: unknown): void {
  const file = conditionTarget(target);
  if (file) entries[subpath] = joinPath(folder, file);
}

/** The file an `exports` value leads to, preferring source and types conditions. */
function conditionTarget(target: unknown, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map((item) => conditionTarget(item, depth + 1)).find(Boolean);
  if (!target || typeof target !== 'object') return undefined;
  const conditions = target as Record<string, unknown>;
  for (const condition of CONDITIONS) {
    if (condition in conditions) {
      const found = conditionTarget(conditions[condition], depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
