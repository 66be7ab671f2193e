import type { FileRole, RoleSign } from '../roles';
import type { SyntaxSignals } from '../syntax-signals';

/** What a file imports and what its text shows of its role, by its signals. */
export interface RoleSource {
  file: string;
  signals: Pick<SyntaxSignals, 'imports' | 'roleSigns' | 'reexportsOnly' | 'containerTokens'>;
}

/** Roles of files that run once and exit: what they import runs only while they do. */
const RUNS_ONCE: ReadonlySet<FileRole> = new Set(['script', 'seed', 'migration']);

/** Signs of a file that runs until its process stops: a server, or a worker that polls (`while (true) { …; await delay(ms); }`). */
function keepsRunning(sign: RoleSign): boolean {
  return sign === 'serves' || sign === 'polls';
}

/**
 * The production files that only one-off programs import: every file that imports one is a
 * script, seed, migration or child process file (`childFiles`), or such a file itself, directly
 * or not (`utils/get-slugs.mjs`, imported by `scripts/generate.mjs` alone). What they block,
 * they block for that program alone. A file no one imports is left as it is (a framework may load
 * it by its path), and so is one that serves or polls without end, with what it imports: it is an entry of a server or a
 * worker, whatever program starts it (a worker process's `init()` that starts its poll loops). A barrel no file imports
 * (a package's `index.ts` for its documentation or for outside users) runs none of the files it
 * re-exports inside the project's programs, so a package that only a command-line tool loads
 * (`cli/commands/build-app.js` requiring its builder) is one-off, its modules' import cycles
 * included. A test's import keeps a file as it is: a plugin the application loads by its name
 * may have no other importer; but not a test of a package that the other packages import from one-off programs alone (a builder
 * only a command-line command loads, with its own tests): it tests the package's modules and says nothing of a server running
 * them. `programs` is given the scripts, seeds and migrations themselves; `recurs` tells the programs a package's scripts run as
 * recurring work (see `boundForScriptsOnly`); `packageOf` gives a file's package folder.
 */
export function scriptOnlyFiles(
  sources: readonly RoleSource[],
  importersOf: () => ReadonlyMap<string, readonly string[]>,
  roleOf: (source: RoleSource) => FileRole,
  childFiles: ReadonlySet<string>,
  programs = new Set<string>(),
  recurs: (source: RoleSource) => boolean = () => false,
  packageOf: (file: string) => string | undefined = () => undefined,
): Set<string> {
  const found = new Set<string>();
  const oneOff = new Set(childFiles);
  const production: RoleSource[] = [];
  const neutral = new Set<string>();
  const tests: string[] = [];
  for (const source of sources) {
    const role = roleOf(source);
    if (role === 'test') tests.push(source.file);
    if (RUNS_ONCE.has(role)) {
      oneOff.add(source.file);
      programs.add(source.file);
    } else if (role === 'production' && !childFiles.has(source.file) && !source.signals.roleSigns.some(keepsRunning)) production.push(source);
  }
  // Without a one-off program, nothing is imported by one alone: imports are resolved only when there is one.
  if (oneOff.size === 0) return found;
  const importers = importersOf();
  for (const { file, signals } of production) if (signals.reexportsOnly && !importers.has(file)) neutral.add(file);
  for (const file of testsOfProgramPackages(tests, importers, oneOff, packageOf)) neutral.add(file);
  const candidates = new Set(production.flatMap(({ file }) => (importers.has(file) ? [file] : [])));
  // What each file imports, among the candidates.
  const imports = new Map<string, string[]>();
  for (const file of candidates)
    for (const importer of importers.get(file)!) {
      const known = imports.get(importer);
      if (known) known.push(file);
      else imports.set(importer, [file]);
    }
  // A program a scheduler runs (`"daily-backup:email": "node dist/bin/backup.js daily"`) does the application's recurring work.
  const resolvedForScripts = boundForScriptsOnly(
    sources,
    importers,
    (source) => oneOff.has(source.file) && !recurs(source),
    (source) => roleOf(source) === 'test',
  );
  // Files the application runs: everything a file of its own or a test imports (not a one-off program's, an idle barrel's or a program-only package's test), directly or not.
  const live = new Set<string>();
  const pending = [...imports.keys()].filter((file) => !candidates.has(file) && !oneOff.has(file) && !neutral.has(file));
  for (let next = pending.pop(); next !== undefined; next = pending.pop())
    for (const file of imports.get(next) ?? []) {
      if (live.has(file) || resolvedForScripts.has(file)) continue;
      live.add(file);
      pending.push(file);
    }
  // The rest that one-off programs import, directly or through one another (a cycle of the builder's modules included).
  const reached = [...oneOff, ...resolvedForScripts];
  for (const file of resolvedForScripts) found.add(file);
  for (let next = reached.pop(); next !== undefined; next = reached.pop())
    for (const file of imports.get(next) ?? []) {
      if (live.has(file) || found.has(file)) continue;
      found.add(file);
      reached.push(file);
    }
  return found;
}

/**
 * The tests inside a package whose importers in other packages are all one-off programs (`build-app.js` of a command-line
 * package requiring the builder package): the package runs only in those programs, whatever its own tests import.
 */
function testsOfProgramPackages(
  tests: readonly string[],
  importers: ReadonlyMap<string, readonly string[]>,
  oneOff: ReadonlySet<string>,
  packageOf: (file: string) => string | undefined,
): string[] {
  if (tests.length === 0) return [];
  const testFiles = new Set(tests);
  // Each package that other packages import: whether every such importer is a one-off program.
  const onlyPrograms = new Map<string, boolean>();
  for (const [file, fileImporters] of importers) {
    const folder = packageOf(file);
    if (folder === undefined) continue;
    for (const importer of fileImporters)
      if (!testFiles.has(importer) && packageOf(importer) !== folder) onlyPrograms.set(folder, onlyPrograms.get(folder) !== false && oneOff.has(importer));
  }
  return tests.filter((file) => {
    const folder = packageOf(file);
    return folder !== undefined && onlyPrograms.get(folder) === true;
  });
}

/**
 * The files whose exported classes a dependency injection container binds to tokens that only one-off programs and tests resolve
 * (`.bind(TYPES.FixQuota).toConstantValue(new FixQuota(…))` in the container, `container.get(TYPES.FixQuota)` in `bin/fix_quota.ts`
 * alone; a token only tests resolve, or none, tells nothing), and that only such containers, one-off programs and tests import:
 * the server loads the container, yet nothing it runs asks for them. A token also resolved elsewhere (an `@inject(TYPES.FixQuota)` in a controller, a `get` in the container that
 * builds another binding), or another importer (a `new FixQuota(…)`), keeps the file as it is.
 */
function boundForScriptsOnly(
  sources: readonly RoleSource[],
  importers: ReadonlyMap<string, readonly string[]>,
  runsOnce: (source: RoleSource) => boolean,
  isTest: (source: RoleSource) => boolean,
): Set<string> {
  const found = new Set<string>();
  const tokensOfClass = new Map<string, Set<string>>();
  const containers = new Set<string>();
  const resolvedElsewhere = new Set<string>();
  const resolvedByPrograms = new Set<string>();
  for (const source of sources) {
    const tokens = source.signals.containerTokens;
    if (!tokens) continue;
    for (const binding of tokens.binds) {
      const [name, token] = binding.split('=') as [string, string];
      tokensOfClass.set(name, (tokensOfClass.get(name) ?? new Set()).add(token));
      containers.add(source.file);
    }
    // A test's resolution runs neither for users nor for a program.
    if (!isTest(source)) for (const token of tokens.resolves) (runsOnce(source) ? resolvedByPrograms : resolvedElsewhere).add(token);
  }
  if (containers.size === 0) return found;
  const bySource = new Map(sources.map((source) => [source.file, source]));
  for (const source of sources) {
    const classes = source.signals.containerTokens?.classes ?? [];
    const tokens = classes.flatMap((name) => [...(tokensOfClass.get(name) ?? [])]);
    // A token no code resolves tells nothing: a framework may look the class up by other means.
    if (tokens.length === 0 || tokens.some((token) => resolvedElsewhere.has(token) || !resolvedByPrograms.has(token))) continue;
    const onlyBound = (importer: string): boolean => {
      const known = bySource.get(importer);
      return containers.has(importer) || (known !== undefined && (runsOnce(known) || isTest(known)));
    };
    if ((importers.get(source.file) ?? []).every(onlyBound)) found.add(source.file);
  }
  return found;
}
