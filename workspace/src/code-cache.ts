import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** V8's compiled code of the command's analysis bundle, made at build time (scripts/bundle.mjs), is this beside the bundle. */
export const CODE_CACHE_SUFFIX = '.v8cache';

/** The cache starts with the SHA-1 of the bundle it was made from: V8 itself checks only the text's length. */
const BUNDLE_HASH_BYTES = 20;

export interface LoadedBundle {
  exports: unknown;
  /** The compiled script, from which the build makes the cache once the bundle has run. */
  script: vm.Script;
  /** The bundle's hash, which heads its cache. */
  hash: Buffer;
  /** Whether the bundle was compiled from its cache (false when there is none, it is stale, or another V8 made it). */
  fromCache: boolean;
}

/**
 * Runs a bundled CommonJS file as `require` would, compiled from the code cache when that was made
 * from this very text by this V8 under the same flags: compiling a bundle took a tenth of a cold scan.
 */
export function loadBundle(file: string, cacheFile = file + CODE_CACHE_SUFFIX): LoadedBundle {
  const bytes = fs.readFileSync(file);
  const hash = crypto.createHash('sha1').update(bytes).digest();
  const cached = readCache(cacheFile);
  const cachedData = cached && hash.equals(cached.subarray(0, BUNDLE_HASH_BYTES)) ? cached.subarray(BUNDLE_HASH_BYTES) : undefined;
  // The bundle is printable ASCII (the build checks): latin1 decodes it fastest, as a one-byte string.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${bytes.toString('latin1')}\n})`, {
    filename: file,
    ...(cachedData && { cachedData }),
  });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;
  run(module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script, hash, fromCache: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Writes the code V8 has compiled so far for a bundle `loadBundle` ran (after a warm-up, it holds the
 * functions that ran), through a temporary file: another process may be reading the cache.
 */
export function writeCodeCache(cacheFile: string, bundle: LoadedBundle): void {
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, Buffer.concat([bundle.hash, bundle.script.createCachedData()]));
  fs.renameSync(temporary, cacheFile);
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
