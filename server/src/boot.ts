import * as path from 'node:path';
import { loadBundle, writeCodeCache } from '../../workspace/src/code-cache';

/**
 * The language server's entry: it runs the server's bundle, compiled from V8's code cache in the
 * folder `PERF_LINT_CODE_CACHE` names (the editor's storage for the extension), and fills that
 * cache soon after the start when it could not be used: from the next start on, the bundle is not
 * compiled again. The code depends on the V8 that runs it, which is the editor's, so it is made
 * there rather than at build time.
 */
const SERVER_BUNDLE = path.join(__dirname, 'server-main.js');

/** When the code cache is written: after the start-up and the first diagnostics, before V8 drops the code of functions that ran only then. */
const CACHE_AFTER_MS = 3000;

const cacheFolder = process.env.PERF_LINT_CODE_CACHE;
const cacheFile = cacheFolder ? path.join(cacheFolder, 'server.v8cache') : undefined;
const server = loadBundle(SERVER_BUNDLE, cacheFile);
if (cacheFile && !server.fromCache) {
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    try {
      writeCodeCache(cacheFile, server);
    } catch {
      // A cache that cannot be written costs the next start its compilation, nothing else.
    }
  };
  setTimeout(write, CACHE_AFTER_MS).unref();
  // A server stopped sooner writes what it compiled as it exits.
  process.on('exit', write);
}
