import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_CACHE_SUFFIX, loadBundle, writeCodeCache } from '../../workspace/src';
import { ANALYSIS_BUNDLE, TempTrees } from './helpers';

/** A bundle in the shape esbuild writes: CommonJS that reads its own folder and requires a built-in module. */
const BUNDLE = `"use strict";
const path = require("node:path");
function twice(n) { return n * 2; }
module.exports = { twice, folder: path.basename(__dirname), file: path.basename(__filename) };
`;

describe('the analysis bundle compiled from its code cache', () => {
  const trees = new TempTrees();
  after(() => trees.removeAll());

  it('runs a bundle without a cache as require does, and from the cache written after it ran', () => {
    const file = path.join(trees.make({ 'dist/bundle.js': BUNDLE }), 'dist/bundle.js');
    const first = loadBundle(file);
    assert.equal(first.fromCache, false);
    assert.deepEqual(first.exports, { twice: (first.exports as { twice: unknown }).twice, folder: 'dist', file: 'bundle.js' });
    assert.equal((first.exports as { twice(n: number): number }).twice(21), 42);
    writeCodeCache(file + CODE_CACHE_SUFFIX, first);
    const second = loadBundle(file);
    assert.equal(second.fromCache, true);
    assert.equal((second.exports as { twice(n: number): number }).twice(4), 8);
  });

  it('ignores a cache made from another text of the same length, and one that is not a cache', () => {
    const file = path.join(trees.make({ 'bundle.js': BUNDLE }), 'bundle.js');
    writeCodeCache(file + CODE_CACHE_SUFFIX, loadBundle(file));
    // Same length, so V8's own check would take the stale code: the bundle's hash must turn it away.
    fs.writeFileSync(file, BUNDLE.replace('n * 2', 'n * 3'));
    const changed = loadBundle(file);
    assert.equal(changed.fromCache, false);
    assert.equal((changed.exports as { twice(n: number): number }).twice(2), 6);
    fs.writeFileSync(file + CODE_CACHE_SUFFIX, 'not a cache');
    const garbled = loadBundle(file);
    assert.equal(garbled.fromCache, false);
    assert.equal((garbled.exports as { twice(n: number): number }).twice(2), 6);
  });

  it("is built with the command: under the command's V8 flags, the analysis bundle compiles from its cache", () => {
    const load = `require(${JSON.stringify(require.resolve('../src/v8-flags'))}).tuneV8ForScan();
      process.stdout.write(String(require(${JSON.stringify(require.resolve('../../workspace/src'))}).loadBundle(${JSON.stringify(ANALYSIS_BUNDLE)}).fromCache));`;
    assert.equal(execFileSync(process.execPath, ['-e', load], { encoding: 'utf8' }), 'true');
  });
});
