import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** The parts of Node's CommonJS module object a bundle's top level is given. */
interface CommonJsModule {
  exports: unknown;
  filename: string;
  paths: string[];
  loaded: boolean;
  require: NodeJS.Require;
}

/**
 * Where V8's code cache of a bundle is kept: a folder of the user's own under the temporary
 * folder, as Node's `module.enableCompileCache` does. A folder that is a link, another user's or
 * writable by others is not used: what it holds would run as this tool's code.
 * `NODE_DISABLE_COMPILE_CACHE`, Node's switch for its own cache, turns this one off too.
 */
export function codeCacheFolder(env: NodeJS.ProcessEnv, tmp = os.tmpdir()): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const uid = process.getuid?.();
  const folder = path.join(tmp, `perf-lint-code-cache${uid === undefined ? '' : `-${uid}`}`);
  try {
    fs.mkdirSync(folder, { mode: 0o700 });
  } catch {
    // It exists already (checked below), or cannot be made.
  }
  try {
    const stat = fs.lstatSync(folder);
    if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid) || (stat.mode & 0o022) !== 0) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/**
 * Loads a CommonJS bundle as `require` does, compiled with the V8 code cache a previous run kept
 * for this file, and keeps one for the next run when none was usable. One cache file per bundle
 * and Node.js: it starts with the bundle's size and time, since V8 checks its own version, its
 * flags and the source's length, not the source itself. The cache is written at exit, so that it
 * holds the functions the run compiled, not only the top level. Without a folder the bundle is
 * compiled as usual.
 */
export function requireWithCodeCache(file: string, folder: string | undefined): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (!folder) return require(file);
  const stat = fs.statSync(file);
  const stamp = Buffer.from(`${stat.size}:${stat.mtimeMs}\n`);
  const cacheFile = path.join(folder, `${createHash('sha256').update(`${process.version}\0${process.arch}\0${file}`).digest('hex').slice(0, 32)}.bin`);
  const cached = readOwnFile(cacheFile);
  const cachedData = cached && cached.subarray(0, stamp.length).equals(stamp) ? cached.subarray(stamp.length) : undefined;
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, ...(cachedData && { cachedData }) });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCodeCache(cacheFile, stamp, script));
  const loaded = new Module(file, module) as unknown as CommonJsModule;
  loaded.filename = file;
  loaded.paths = (Module as unknown as { _nodeModulePaths(folder: string): string[] })._nodeModulePaths(path.dirname(file));
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: CommonJsModule, filename: string, dirname: string) => void;
  const requireFromBundle = ((id: string) => loaded.require(id)) as NodeJS.Require;
  run.call(loaded.exports, loaded.exports, requireFromBundle, loaded, file, path.dirname(file));
  loaded.loaded = true;
  return loaded.exports;
}

/** A regular file of this user's; undefined otherwise. */
function readOwnFile(file: string): Buffer | undefined {
  try {
    const stat = fs.lstatSync(file);
    const uid = process.getuid?.();
    if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) return undefined;
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written beside and renamed over, so that a reader never sees half a cache; a cache that cannot be written is only a slower next start. */
function writeCodeCache(file: string, stamp: Buffer, script: vm.Script): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([stamp, script.createCachedData()]), { mode: 0o600 });
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}
