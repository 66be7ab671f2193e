import * as path from 'node:path';
import { loadBundle, writeCodeCache } from '../../workspace/src/code-cache';

/**
 * The language server's entry: it runs the server's bundle, compiled from V8's code cache in the
 * folder `PERF_LINT_CODE_CACHE` names (the editor's storage for the extension), and fills that
 * cache as the server exits when it could not be used: from the next start on, the bundle is not
 * compiled again. The code depends on the V8 that runs it, which is the editor's, so it is made
 * there rather than at build time.
 */
const SERVER_BUNDLE = path.join(__dirname, 'server-main.js');

const cacheFolder = process.env.PERF_LINT_CODE_CACHE;
const cacheFile = cacheFolder ? path.join(cacheFolder, 'server.v8cache') : undefined;
const server = loadBundle(SERVER_BUNDLE, cacheFile);
if (cacheFile && !server.fromCache) {
  process.on('exit', () => {
    try {
      writeCodeCache(cacheFile, server);
    } catch {
      // A cache that cannot be written costs the next start its compilation, nothing else.
    }
  });
}
