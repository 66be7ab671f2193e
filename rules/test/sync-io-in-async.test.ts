import * as assert from 'node:assert/strict';
import { analyze, DEFAULT_OPTIONS, fixText } from '../src';
import { syncIoInAsync } from '../src/rules/sync-io-in-async';
import { actualFindings, expectedFindings } from './annotations';

/** The findings of this rule only, with their messages. */
function findingsOf(code: string, fileName = 'file.ts') {
  const result = analyze(code, fileName);
  assert.equal(result.error, undefined);
  return result.findings.filter((finding) => finding.ruleId === 'sync-io-in-async');
}

/** The text after every safe fix has been applied. */
function fixed(code: string, fileName = 'file.ts'): string {
  return fixText(code, fileName, DEFAULT_OPTIONS).text;
}

/** Asserts that an annotated snippet produces exactly its annotations. */
function assertAnnotated(code: string, fileName = 'file.ts'): void {
  assert.deepEqual(actualFindings(code, fileName), expectedFindings(code));
}

describe('sync-io-in-async', () => {
  it('is registered under its file name', () => {
    assert.equal(syncIoInAsync.meta.id, 'sync-io-in-async');
  });

  describe('messages', () => {
    it('names the call, why it hurts and the replacement', () => {
      const [finding] = findingsOf(`import fs from 'fs';\nexport async function load(p: string) { return fs.readFileSync(p, 'utf8'); }\n`);
      assert.equal(finding?.messageId, 'blocking');
      assert.equal(
        finding?.message,
        '`fs.readFileSync` blocks the event loop in an async function: every other request waits while the file is read. Use `await fs.promises.readFile(...)` instead.',
      );
    });

    it('says why existsSync has no fix', () => {
      const [finding] = findingsOf(`import { existsSync as exists } from 'node:fs';\nexport async function has(p: string) { return exists(p); }\n`);
      assert.equal(finding?.messageId, 'blockingNoTwin');
      assert.equal(finding?.fix, undefined);
      assert.equal(
        finding?.message,
        '`exists` (`fs.existsSync`) blocks the event loop in an async function: every other request waits while the file system answers. ' +
          'Use `await fs.promises.access(path)` in a try/catch, or no check at all and handling the error of the call that follows; ' +
          'there is no automatic fix, since there is no promise form that returns a boolean.',
      );
    });

    it('names the helper chain and the blocking call it reaches', () => {
      const code = [
        `const { readFileSync } = require('fs');`,
        `function readTemplate(name) { return readFileSync(name, 'utf8'); }`,
        `function render(name) { return readTemplate(name).trim(); }`,
        `async function page(name) { return render(name); }`,
        ``,
      ].join('\n');
      const [finding] = findingsOf(code, 'page.js');
      assert.equal(finding?.messageId, 'throughHelper');
      assert.equal(
        finding?.message,
        '`render` calls `readFileSync` through `readTemplate`, which blocks the event loop in an async function: every other request waits while the file is read. ' +
          'Make `render` and `readTemplate` async and use `await readFile(...)` from `node:fs/promises`.',
      );
      assert.equal(finding?.fix, undefined);
    });
  });

  describe('where it counts', () => {
    it('follows helpers through cycles without looping', () => {
      assertAnnotated(
        [
          `import { statSync } from 'node:fs';`,
          `function walk(dir: string, depth: number): number { return depth > 3 ? statSync(dir).size : visit(dir, depth + 1); }`,
          `function visit(dir: string, depth: number): number { return walk(dir, depth); }`,
          `export async function size(dir: string) { return visit(dir, 0); }`,
          `//                                               ^^^^^ sync-io-in-async`,
          ``,
        ].join('\n'),
      );
    });

    it('follows this.method() in a class', () => {
      assertAnnotated(
        [
          `import * as fs from 'fs';`,
          `export class Store {`,
          `  private read(key: string) { return fs.readFileSync(key, 'utf8'); }`,
          `  async get(key: string) { return this.read(key); }`,
          `//                                ^^^^^^^^^ sync-io-in-async`,
          `}`,
          ``,
        ].join('\n'),
      );
    });

    it('ignores a function only created in async code and handed elsewhere', () => {
      assert.deepEqual(findingsOf(`import fs from 'fs';\nexport async function later(p: string) { setTimeout(() => fs.unlinkSync(p), 10); }\n`), []);
    });
  });

  describe('fix', () => {
    it('awaits fs.promises on the same fs object', () => {
      assert.equal(
        fixed(`import fs from 'fs';\nexport async function load(p: string) {\n  return fs.readFileSync(p, 'utf8');\n}\n`),
        `import fs from 'fs';\nexport async function load(p: string) {\n  return await fs.promises.readFile(p, 'utf8');\n}\n`,
      );
    });

    it('adds a named import from fs/promises and parenthesizes where await binds looser', () => {
      assert.equal(
        fixed(`import { readFileSync } from 'node:fs';\nexport async function load(p: string) {\n  return readFileSync(p).toString();\n}\n`),
        `import { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nexport async function load(p: string) {\n  return (await readFile(p)).toString();\n}\n`,
      );
    });

    it('is not offered inside a synchronous callback or for statSync with throwIfNoEntry', () => {
      const findings = findingsOf(
        `import fs from 'fs';\nexport async function sizes(ps: string[]) {\n  fs.statSync(ps[0]!, { throwIfNoEntry: false });\n  return ps.map((p) => fs.statSync(p).size);\n}\n`,
      );
      assert.equal(findings.length, 2);
      assert.ok(findings.every((finding) => finding.fix === undefined));
    });
  });

  it('is silenced by a disable comment', () => {
    const code = `import fs from 'fs';\nexport async function load(p: string) {\n  // perf-lint-disable-next-line sync-io-in-async -- read once per deploy\n  return fs.readFileSync(p, 'utf8');\n}\n`;
    assert.deepEqual(findingsOf(code), []);
    assert.equal(findingsOf(code.replace('sync-io-in-async --', 'await-in-loop --')).length, 1);
  });
});
