import * as path from 'node:path';
import {
  binEntriesOf,
  isCommandLineEntry,
  isCommandPluginPackage,
  isPrivateToolPackage,
  isServerPackage,
  isServingEntry,
  isTaskEntry,
  oclifCommandsOf,
  scriptEntriesOf,
  startsHttpServer,
  taskScriptEntriesOf,
  type PackageManifest,
} from '../../rules/src/data';
import { inside } from './paths';
import type { Disk } from './disk';
import { CONFIG_LIMIT } from './read';

/** Relative specifiers of imports, requires, dynamic imports and re-exports, as text. */
const RELATIVE_SPECIFIER = /(?:\bfrom|\brequire\s*\(|\bimport\s*\(?)\s*['"`](\.{1,2}\/[^'"`\n]*|\.{1,2})['"`]/g;
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/**
 * Folders a package's build writes to, with the module format's own folder when it builds more
 * than one (`dist/esm/`, `dist/cjs/`, `dist/commonjs/`): a `bin` entry there was compiled from the
 * same path under `src/` or the root.
 */
const BUILD_FOLDER = /^(?:dist|build|lib|out)\/(?:(?:esm|cjs|commonjs|module|es|mjs)\/)?/;
/** Files followed from one package's `bin` entries: a command-line package larger than this is still read, by the files found first. */
const MAX_FILES = 2000;

/** Where a package's server starts when no script names it: `src/main.ts` (NestJS), `src/index.ts`, `server.js`. */
const CONVENTIONAL_ENTRIES = ['src/main', 'src/index', 'src/server', 'main', 'index', 'server'];

/** Which files of a package are its command-line programs' (`commandLineFiles`). */
export type CommandLineFiles = Pick<ReadonlySet<string>, 'has'>;

/** What a source imports within its package, and whether it starts an HTTP server (`startsHttpServer`). */
interface ModuleFacts {
  imports: Array<string | undefined>;
  listens: boolean;
}
/** Each source read once per package, however many import walks reach it. */
type ModuleReads = Map<string, Promise<ModuleFacts>>;

/**
 * The files of a package that make up its command-line programs: the `bin` entries of its
 * package.json (or the sources they are built from), the files its `scripts` or `main` run that
 * parse a command line with a CLI framework, the commands of an oclif tool (`oclifCommandsOf`), and
 * every file of the package they import, directly or not; the file a task script runs, alone
 * (`taskScriptEntriesOf`); every file of a private tool package (`isPrivateToolPackage`) or of a plugin of a command-line
 * tool (`isCommandPluginPackage`). Such files run once per
 * command and exit; they never serve a request. A file that the package's server also imports (a
 * command that boots the application's modules) serves too, and so does every file that a server
 * among them imports (`"bin": "index.js"` of a self-hosted server that `npx` starts).
 */
export async function commandLineFiles(root: string, manifest: PackageManifest, disk: Disk): Promise<CommandLineFiles> {
  const scriptEntries = scriptEntriesOf(manifest);
  const dependencies = manifest.dependencies;
  const reads: ModuleReads = new Map();
  const bins = await Promise.all(binEntriesOf(manifest).map((entry) => firstSourceFile(disk, sourceCandidates(path.join(root, entry), root, true))));
  const serverPackage = [...dependencies].some(isServerPackage);
  const served = async (): Promise<Set<string>> =>
    importClosure(
      disk,
      root,
      await Promise.all(
        [...scriptEntries, ...CONVENTIONAL_ENTRIES].map((entry) => servingEntry(disk, path.join(root, entry), root, reads, serverPackage, bins)),
      ),
      reads,
    );
  if (isPrivateToolPackage(manifest) || isCommandPluginPackage(manifest)) {
    const servers = await served();
    return { has: (file) => !servers.has(file) };
  }
  const scripts = await Promise.all(scriptEntries.map((entry) => entryWhere(disk, path.join(root, entry), root, isCommandLineEntry)));
  const oclifCommands = oclifCommandsOf(manifest);
  const commands = oclifCommands === undefined ? [] : await commandFiles(disk, sourceFolders(path.join(root, oclifCommands), root));
  const found = await importClosure(disk, root, [...bins, ...scripts, ...commands], reads);
  // A task's own file alone: what it imports may be the application's modules, which it runs for one task.
  const tasks = await Promise.all(taskScriptEntriesOf(manifest).map((entry) => entryWhere(disk, path.join(root, entry), root, isTaskEntry)));
  for (const task of tasks) if (task !== undefined && inside(root, task) !== undefined) found.add(task);
  if (found.size === 0) return found;
  for (const file of await served()) found.delete(file);
  // A server's package depends on its framework or database (a tool's `login` listens without one); a `start` script is no sign: a tool's may run its CLI, a server's another file.
  if (!serverPackage) return found;
  const listening = await Promise.all([...found].map(async (file) => ((await factsOf(disk, file, root, reads)).listens ? file : undefined)));
  for (const file of await importClosure(disk, root, listening, reads)) found.delete(file);
  return found;
}

/** The entries and every project source they import, directly or not, within the package. */
async function importClosure(disk: Disk, root: string, entries: ReadonlyArray<string | undefined>, reads: ModuleReads): Promise<Set<string>> {
  const found = new Set<string>();
  const level: string[] = [];
  const accept = (file: string | undefined): void => {
    if (file && inside(root, file) !== undefined && !found.has(file) && found.size < MAX_FILES) {
      found.add(file);
      level.push(file);
    }
  };
  entries.forEach(accept);
  // Each probe is a round trip to the disk: the entries, then each level of imports, are probed side by side.
  while (level.length > 0) {
    const imported = await Promise.all(level.splice(0).map((file) => factsOf(disk, file, root, reads)));
    for (const facts of imported) facts.imports.forEach(accept);
  }
  return found;
}

/** The source a `scripts` or `main` entry runs, when its text shows what the entry is for. */
async function entryWhere(disk: Disk, entry: string, root: string, shows: (text: string) => boolean): Promise<string | undefined> {
  const file = await firstSourceFile(disk, sourceCandidates(entry, root, true));
  if (!file) return undefined;
  const read = await disk.readFile(file, CONFIG_LIMIT);
  return 'text' in read && shows(read.text) ? file : undefined;
}

/**
 * The source an entry runs when it serves: it starts a server itself, or, in a server's package, it is no command-line program nor
 * `bin` entry (whose option parser stays a script) and calls a module it imports that builds a server and listens
 * (`bootstrap(AppModule)` of `./bootstrap`, which runs `NestFactory.create` and `app.listen`).
 */
async function servingEntry(
  disk: Disk,
  entry: string,
  root: string,
  reads: ModuleReads,
  serverPackage: boolean,
  bins: ReadonlyArray<string | undefined>,
): Promise<string | undefined> {
  const file = await firstSourceFile(disk, sourceCandidates(entry, root, true));
  if (!file) return undefined;
  const read = await disk.readFile(file, CONFIG_LIMIT);
  if (!('text' in read)) return undefined;
  if (isServingEntry(read.text)) return file;
  if (!serverPackage || bins.includes(file) || isCommandLineEntry(read.text)) return undefined;
  const imported = (await factsOf(disk, file, root, reads)).imports.filter((target) => target !== undefined);
  const listening = await Promise.all(imported.map(async (target) => (await factsOf(disk, target, root, reads)).listens));
  return listening.includes(true) ? file : undefined;
}

/** A file's facts, read on first use. */
function factsOf(disk: Disk, file: string, root: string, reads: ModuleReads): Promise<ModuleFacts> {
  let facts = reads.get(file);
  if (!facts) reads.set(file, (facts = readFacts(disk, file, root)));
  return facts;
}

/** The project sources a file imports by relative path, outside node_modules (undefined where none is found), and whether it listens. */
async function readFacts(disk: Disk, file: string, root: string): Promise<ModuleFacts> {
  const read = await disk.readFile(file, CONFIG_LIMIT);
  if (!('text' in read)) return { imports: [], listens: false };
  const targets = [...read.text.matchAll(RELATIVE_SPECIFIER)]
    .map((match) => path.resolve(path.dirname(file), match[1]!))
    .filter((target) => !target.split(path.sep).includes('node_modules'));
  const imports = await Promise.all(targets.map((target) => firstSourceFile(disk, sourceCandidates(target, root, false))));
  return { imports, listens: startsHttpServer(read.text) };
}

/**
 * The sources a module path may be built from: `dist/cli.js` from `src/cli.ts` or `cli.ts` (a
 * `bin` entry or a launcher's `require('./dist/index.js')`); a `bin` entry outside a build folder
 * may also be compiled from `src/`.
 */
function sourceCandidates(target: string, root: string, binEntry: boolean): string[] {
  const relative = path.relative(root, target).split(path.sep).join('/');
  const unbuilt = relative.replace(BUILD_FOLDER, '');
  const bases = unbuilt !== relative ? [`src/${unbuilt}`, unbuilt, relative] : binEntry ? [relative, `src/${relative}`] : [relative];
  return bases.flatMap((base) => moduleCandidates(path.join(root, base)));
}

/** The folders a build folder may be compiled from (`dist/commands` from `src/commands` or `commands`), the folder itself last. */
function sourceFolders(target: string, root: string): string[] {
  const relative = path.relative(root, target).split(path.sep).join('/');
  const unbuilt = relative.replace(BUILD_FOLDER, '');
  return (unbuilt !== relative ? [`src/${unbuilt}`, unbuilt, relative] : [relative]).map((base) => path.join(root, base));
}

/** The source files of the first of `folders` that exists, in it and its subfolders (oclif loads every command of its folder by path). */
async function commandFiles(disk: Disk, folders: readonly string[]): Promise<string[]> {
  for (const folder of folders) {
    const entries = await disk.readdir(folder).catch(() => undefined);
    if (entries === undefined) continue;
    const found: string[] = [];
    const pending = [folder];
    for (let next = pending.pop(); next !== undefined && found.length < MAX_FILES; next = pending.pop())
      for (const entry of next === folder ? entries : await disk.readdir(next).catch(() => [])) {
        const file = path.join(next, entry.name);
        if (entry.isDirectory()) pending.push(file);
        else if (entry.isFile() && SOURCE_EXTENSIONS.includes(path.extname(file)) && !/\.d\.[cm]?ts$/.test(file)) found.push(file);
      }
    return found;
  }
  return [];
}

/** The files an import of `target` may name: itself, with a source extension in place of its own or added, or its folder's index. */
function moduleCandidates(target: string): string[] {
  const withoutExtension = target.replace(/\.[cm]?[jt]sx?$/, '');
  return [
    ...(withoutExtension === target ? [] : [target]),
    ...SOURCE_EXTENSIONS.map((extension) => withoutExtension + extension),
    ...(withoutExtension === target ? [target] : []),
    ...SOURCE_EXTENSIONS.map((extension) => path.join(target, `index${extension}`)),
  ];
}

/** The first candidate that is a regular file with a source extension or none (`bin/run`). */
async function firstSourceFile(disk: Disk, candidates: readonly string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    const extension = path.extname(candidate);
    if (extension !== '' && !SOURCE_EXTENSIONS.includes(extension)) continue;
    const stat = await disk.stat(candidate).catch(() => undefined);
    if (stat?.isFile()) return candidate;
  }
  return undefined;
}
