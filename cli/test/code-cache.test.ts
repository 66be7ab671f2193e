import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeCacheFolder } from '../src/code-cache';
import { TempTrees } from './helpers';

const LOADER = path.join(__dirname, '../src/code-cache.js');

/** A bundle's shapes: its own require of a built-in, `__dirname`, and `module.exports` replaced. */
const BUNDLE = `"use strict";
const path = require("node:path");
function greet(name) { return "hello " + name + " from " + path.basename(__dirname); }
module.exports = { greet, filename: __filename, sameModule: module.exports === exports };
`;

/** Loads `file` in a fresh process with the code cache in `folder`; prints what the bundle exports. */
function loadInChild(file: string, folder: string): { stdout: string; status: number | null; stderr: string } {
  const script = `const loaded = require(${JSON.stringify(LOADER)}).requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(folder)});
process.stdout.write(JSON.stringify([loaded.greet("you"), loaded.filename]));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return { stdout: result.stdout, status: result.status, stderr: result.stderr };
}

describe('code cache of the analysis bundle', () => {
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('runs the bundle as require does, keeps a cache at exit, and uses it without writing it again', () => {
    const root = trees.make({ 'dist/bundle.js': BUNDLE, 'cache/.keep': '' });
    const file = path.join(root, 'dist/bundle.js');
    const folder = path.join(root, 'cache');
    const expected = JSON.stringify(['hello you from dist', file]);

    const first = loadInChild(file, folder);
    assert.equal(first.stdout, expected, first.stderr);
    const caches = fs.readdirSync(folder).filter((name) => name.endsWith('.bin'));
    assert.equal(caches.length, 1);
    const cacheFile = path.join(folder, caches[0]!);
    const written = fs.statSync(cacheFile).mtimeMs;
    const stat = fs.statSync(file);
    assert.ok(fs.readFileSync(cacheFile).subarray(0, 40).toString('latin1').startsWith(`${stat.size}:${stat.mtimeMs}\n`));

    const second = loadInChild(file, folder);
    assert.equal(second.stdout, expected);
    assert.equal(fs.statSync(cacheFile).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('compiles as usual and replaces the cache when the bundle changed or the cache is damaged', () => {
    const root = trees.make({ 'dist/bundle.js': BUNDLE, 'cache/.keep': '' });
    const file = path.join(root, 'dist/bundle.js');
    const folder = path.join(root, 'cache');
    loadInChild(file, folder);
    const cacheFile = path.join(
      folder,
      fs.readdirSync(folder).find((name) => name.endsWith('.bin'))!,
    );

    // Same length, other content: only the stamp tells them apart.
    fs.writeFileSync(file, BUNDLE.replace('hello', 'howdy'));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.equal(loadInChild(file, folder).stdout, JSON.stringify(['howdy you from dist', file]));
    const stat = fs.statSync(file);
    assert.ok(fs.readFileSync(cacheFile).toString('latin1').startsWith(`${stat.size}:${stat.mtimeMs}\n`), 'the cache now stamps the new bundle');

    fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${stat.size}:${stat.mtimeMs}\n`), Buffer.alloc(64, 7)]));
    assert.equal(loadInChild(file, folder).stdout, JSON.stringify(['howdy you from dist', file]));
    assert.ok(fs.statSync(cacheFile).size > 200, 'a damaged cache is replaced by a real one');
  });

  it('keeps the cache in a folder of the user only, and not at all when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const tmp = trees.make({ '.keep': '' });
    const folder = codeCacheFolder({}, tmp);
    assert.ok(folder && fs.statSync(folder).isDirectory());
    assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
    assert.equal(codeCacheFolder({}, tmp), folder, 'the same folder on the next run');
    fs.chmodSync(folder, 0o777);
    assert.equal(codeCacheFolder({}, tmp), undefined, 'a folder others can write to is not used');
    fs.chmodSync(folder, 0o700);
    assert.equal(codeCacheFolder({ NODE_DISABLE_COMPILE_CACHE: '1' }, tmp), undefined);

    const linked = trees.make({ 'elsewhere/.keep': '' });
    fs.rmSync(folder, { recursive: true });
    fs.symlinkSync(path.join(linked, 'elsewhere'), folder);
    assert.equal(codeCacheFolder({}, tmp), undefined, 'a link is not followed');
  });
});
