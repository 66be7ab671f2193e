import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeCacheFile, codeCacheFolder } from '../src/launch';

const LAUNCH_MODULE = path.resolve(__dirname, '../src/launch.js');

/** Runs `bundle` through the launcher in a process of its own; what the bundle printed, and whether it ran with cached code. */
function launch(bundle: string, cacheFolder: string): { printed: string; cached: boolean } {
  const program = `const { cached } = require(${JSON.stringify(LAUNCH_MODULE)}).runBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cacheFolder)}); console.log(cached);`;
  const lines = execFileSync(process.execPath, ['-e', program], { encoding: 'utf8' }).trim().split('\n');
  return { printed: lines.slice(0, -1).join('\n'), cached: lines.at(-1) === 'true' };
}

describe('language server launcher: the compiled code of an earlier start', () => {
  let root: string;
  let bundle: string;
  let cacheFolder: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-launch-'));
    bundle = path.join(root, 'bundle.js');
    cacheFolder = path.join(root, 'cache');
    fs.mkdirSync(cacheFolder, { mode: 0o700 });
    fs.writeFileSync(
      bundle,
      "#!/usr/bin/env node\nconst path = require('node:path');\nconsole.log([path.basename(__filename), path.basename(__dirname), typeof module.exports, typeof exports].join(' '));\n",
    );
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('runs a bundle as a CommonJS module, compiles it the first time and reuses the code saved at exit the next', () => {
    const first = launch(bundle, cacheFolder);
    assert.deepEqual(first, { printed: `bundle.js ${path.basename(root)} object object`, cached: false });
    assert.deepEqual(fs.readdirSync(cacheFolder), [path.basename(codeCacheFile(cacheFolder, bundle))]);
    assert.deepEqual(launch(bundle, cacheFolder), { printed: first.printed, cached: true });
  });

  it('compiles a rebuilt bundle anew, and keeps only its code', () => {
    launch(bundle, cacheFolder);
    const before = codeCacheFile(cacheFolder, bundle);
    fs.appendFileSync(bundle, "console.log('rebuilt');\n");
    assert.notEqual(codeCacheFile(cacheFolder, bundle), before);
    assert.equal(launch(bundle, cacheFolder).cached, false);
    assert.deepEqual(fs.readdirSync(cacheFolder), [path.basename(codeCacheFile(cacheFolder, bundle))]);
    assert.deepEqual(launch(bundle, cacheFolder), { printed: `bundle.js ${path.basename(root)} object object\nrebuilt`, cached: true });
  });

  it('compiles anew when the cached code is not V8 code for this bundle', () => {
    fs.writeFileSync(codeCacheFile(cacheFolder, bundle), 'not compiled code');
    assert.equal(launch(bundle, cacheFolder).cached, false);
    assert.equal(launch(bundle, cacheFolder).cached, true);
  });

  it('keeps no code in a folder others can write to, nor when told not to or not told where', () => {
    const shared = path.join(root, 'shared');
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o777);
    // Windows has no such modes: its temporary folder is the user's own.
    assert.equal(codeCacheFolder({ PERF_LINT_CODE_CACHE: shared }), typeof process.getuid === 'function' ? undefined : shared);
    assert.equal(codeCacheFolder({ PERF_LINT_CODE_CACHE: '0' }), undefined);
    assert.equal(codeCacheFolder({}), undefined, 'none unless the client names one');
    const own = path.join(root, 'own');
    assert.equal(codeCacheFolder({ PERF_LINT_CODE_CACHE: own }), own);
    assert.equal(fs.statSync(own).mode & 0o777, 0o700);
  });
});
