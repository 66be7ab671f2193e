import { dirname, fileKey, foldersAbove, joinPath, normalizePath } from './paths';

/** `compilerOptions.paths` of one tsconfig, after `extends`: patterns with their targets as absolute paths. */
export interface PathMapping {
  baseUrl?: string;
  paths: Array<{ pattern: string; targets: string[] }>;
}

/** A package of the workspace: its folder and where its entry points are, as absolute paths. */
export interface WorkspacePackage {
  dir: string;
  /** Subpath (`.`, `./client`, `./*`) to the file it names, from `exports`, or `.` from `source`/`types`/`main`. */
  entries: Record<string, string>;
}

/**
 * How the project resolves module specifiers, as plain data (it travels to worker threads with
 * the index): the path mapping of each tsconfig by its folder, and the workspace's packages by name.
 */
export interface ResolutionData {
  configs: Record<string, PathMapping>;
  packages: Record<string, WorkspacePackage>;
}

const RELATIVE = /^\.{1,2}(?:\/|$)/;

/** A specifier that names a path (`./a`, `../b`, `/c`), resolved from the importing file's folder. */
export function isRelativeSpecifier(specifier: string): boolean {
  return RELATIVE.test(specifier) || specifier.startsWith('/');
}
/** Folders that hold built output; a package entry there is looked for again under `src`. */
const BUILD_FOLDER = /\/(?:dist|build|lib|out)\//;

/**
 * The key of the project file a specifier names from `fromFile` (see `fileKey`), or undefined
 * when it names a package outside the project. Among several candidates the first that `known`
 * accepts wins, else the first: relative paths, then tsconfig `paths` and `baseUrl`, then
 * workspace packages by name.
 */
export function resolveModuleKey(data: ResolutionData | undefined, fromFile: string, specifier: string, known: (key: string) => boolean): string | undefined {
  const from = normalizePath(fromFile);
  if (specifier.startsWith('/')) {
    // Meteor reads `/imports/cache` from the application's root: the folder above the file that holds it.
    for (const folder of foldersAbove(from)) {
      const rooted = fileKey(joinPath(folder, `.${specifier}`));
      if (known(rooted)) return rooted;
    }
  }
  if (isRelativeSpecifier(specifier)) return fileKey(joinPath(dirname(from), specifier));
  if (!data) return undefined;
  const { mapped, base } = mappedCandidates(data, from, specifier);
  const packaged = packageCandidates(data, specifier);
  const keys = [...mapped, ...base, ...packaged].map(fileKey);
  // A `baseUrl` lookup names a project file only when there is one; an alias or a workspace package always does.
  return keys.find(known) ?? [...mapped, ...packaged].map(fileKey)[0];
}

/** Whether a specifier can name a project file at all, by its form or the project's aliases and packages. */
export function mayNameProjectFile(data: ResolutionData | undefined, specifier: string): boolean {
  if (isRelativeSpecifier(specifier)) return true;
  if (!data) return false;
  for (const mapping of Object.values(data.configs)) {
    if (mapping.paths.some(({ pattern }) => matchPattern(pattern, specifier) !== undefined)) return true;
  }
  return packageOf(data, specifier) !== undefined;
}

/** The folder of the tsconfig whose path mapping governs a file (its nearest), or undefined. */
export function mappingFolderOf(data: ResolutionData, from: string): string | undefined {
  for (const folder of foldersAbove(from)) if (Object.hasOwn(data.configs, folder)) return folder;
  return undefined;
}

/** The targets of the nearest tsconfig's `paths` (longest matching prefix first), then `baseUrl`. */
function mappedCandidates(data: ResolutionData, from: string, specifier: string): { mapped: string[]; base: string[] } {
  const folder = mappingFolderOf(data, from);
  const mapping = folder === undefined ? undefined : data.configs[folder];
  if (!mapping) return { mapped: [], base: [] };
  const matches = mapping.paths
    .map(({ pattern, targets }) => ({ pattern, targets, star: matchPattern(pattern, specifier) }))
    .filter((entry): entry is { pattern: string; targets: string[]; star: string } => entry.star !== undefined)
    .sort((a, b) => b.pattern.indexOf('*') - a.pattern.indexOf('*'));
  const mapped = matches.flatMap(({ targets, star }) => targets.map((target) => target.replace('*', star)));
  return { mapped, base: mapping.baseUrl ? [joinPath(mapping.baseUrl, specifier)] : [] };
}

/** What `*` stands for when `specifier` matches a tsconfig `paths` pattern (`''` for an exact match), or undefined. */
function matchPattern(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === specifier ? '' : undefined;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) return undefined;
  return specifier.slice(prefix.length, specifier.length - suffix.length);
}

function packageOf(data: ResolutionData, specifier: string): { pkg: WorkspacePackage; subpath: string } | undefined {
  const segments = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = segments.slice(0, nameLength).join('/');
  const pkg = Object.hasOwn(data.packages, name) ? data.packages[name] : undefined;
  if (!pkg) return undefined;
  const rest = segments.slice(nameLength).join('/');
  return { pkg, subpath: rest ? `./${rest}` : '.' };
}

/** A workspace package's file for a specifier: its `exports` entry (wildcards too), its main entry, or the path below its folder. */
function packageCandidates(data: ResolutionData, specifier: string): string[] {
  const found = packageOf(data, specifier);
  if (!found) return [];
  const { pkg, subpath } = found;
  const targets: string[] = [];
  const exact = pkg.entries[subpath];
  if (exact) targets.push(exact);
  for (const [pattern, target] of Object.entries(pkg.entries)) {
    const star = pattern.includes('*') ? matchPattern(pattern, subpath) : undefined;
    if (star !== undefined) targets.push(target.replace('*', star));
  }
  if (subpath === '.') targets.push(joinPath(pkg.dir, 'index'), joinPath(pkg.dir, 'src/index'));
  else targets.push(joinPath(pkg.dir, subpath), joinPath(pkg.dir, `src/${subpath.slice(2)}`));
  // Built entries (`dist/index.js`) stand for their sources in a repository that was not built.
  return targets.flatMap((target) => (BUILD_FOLDER.test(target) ? [target, target.replace(BUILD_FOLDER, '/src/')] : [target]));
}

/** Whether any of a file's specifiers names a file of the project, by its form, aliases and workspace packages. */
export function importsProjectModule(data: ResolutionData | undefined, imports: readonly string[]): boolean {
  return imports.some((specifier) => mayNameProjectFile(data, specifier));
}

/** `./${name}` of ``require(`./${databaseName}`)``: the folder a specifier picks a module of by a name known at run time, as a relative path. */
const PICKED_IN_FOLDER = /^(\.{1,2}\/(?:[\w.-]+\/)*)\$\{[^}]*\}$/;

/**
 * The keys of the files a specifier that picks a module of a folder by name may load: every file of `keys` in that folder but
 * the one that picks, by name; none for any other specifier.
 */
export function pickedModuleKeys(keys: Iterable<string>, fromFile: string, specifier: string): string[] {
  const folder = PICKED_IN_FOLDER.exec(specifier)?.[1];
  if (folder === undefined) return [];
  const prefix = `${joinPath(dirname(normalizePath(fromFile)), folder)}/`;
  const own = fileKey(normalizePath(fromFile));
  return [...keys].filter((key) => key.startsWith(prefix) && !key.includes('/', prefix.length) && key !== own).sort();
}
