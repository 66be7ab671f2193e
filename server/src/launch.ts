import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Starts the language server from its bundle with the code V8 compiled for it at an earlier start.
 * Compiling the 12 MB bundle (TypeScript's parser among it), and then the functions the first
 * analysis runs, took a large part of the time to the first diagnostics; a start that finds no
 * usable cache compiles as before and leaves one for the next start.
 */

/**
 * The folder the compiled code is kept in: the one `PERF_LINT_CODE_CACHE` names (the extension names
 * a folder of its own storage), when no one else can write to it; none otherwise, so a server started
 * by another client writes nothing outside the workspace.
 */
export function codeCacheFolder(environment: NodeJS.ProcessEnv = process.env): string | undefined {
  const folder = environment.PERF_LINT_CODE_CACHE;
  if (!folder || folder === '0') return undefined;
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(folder);
    if (!stat.isDirectory()) return undefined;
    // A folder others can write to, or one they made for us, could hand us code to run.
    if (typeof process.getuid === 'function' && (stat.uid !== process.getuid() || (stat.mode & 0o022) !== 0)) return undefined;
    return folder;
  } catch {
    return undefined;
  }
}

/** The cache file of a bundle: it names the bundle's size and time of change and the Node version, so a rebuilt bundle or another Node never reads it. */
export function codeCacheFile(folder: string, bundle: string): string {
  const { size, mtimeMs } = fs.statSync(bundle);
  const key = [path.basename(bundle, '.js'), size, Math.floor(mtimeMs), process.version, process.arch].join('-');
  return path.join(folder, `${key}.cache`);
}

function readCache(file: string | undefined): Buffer | undefined {
  try {
    return file ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the compiled code of `script` in place of the bundle's earlier caches (written aside first, so a start never reads half a file). */
function saveCache(script: vm.Script, bundle: string, file: string): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(partial, file);
    const folder = path.dirname(file);
    const earlier = new RegExp(`^${path.basename(bundle, '.js')}-\\d+-\\d+-.*\\.cache$`);
    for (const name of fs.readdirSync(folder)) if (earlier.test(name) && name !== path.basename(file)) fs.rmSync(path.join(folder, name), { force: true });
  } catch {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Runs a CommonJS bundle as Node's loader would, with its compiled code cached in `cacheFolder`
 * (none: no cache); `cached` tells whether it ran with the code of an earlier start. A start
 * without a usable cache saves one as the process exits: by then the analyses and the project
 * index have compiled what they run.
 */
export function runBundle(bundle: string, cacheFolder: string | undefined): { cached: boolean } {
  const source = fs.readFileSync(bundle, 'utf8');
  const cacheFile = cacheFolder && codeCacheFile(cacheFolder, bundle);
  const cachedData = readCache(cacheFile);
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source.replace(/^#!.*/, '')}\n})`;
  const script = new vm.Script(wrapper, { filename: bundle, ...(cachedData && { cachedData }) });
  if (cacheFile && (!cachedData || script.cachedDataRejected)) process.once('exit', () => saveCache(script, bundle, cacheFile));
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { cached: cachedData !== undefined && !script.cachedDataRejected };
}
