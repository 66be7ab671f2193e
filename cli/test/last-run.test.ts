import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORMATS } from '../src/args';
import { COMMAND_TIMEOUT, cacheLine, runCli, SLOW_CODE, TempTrees, writeFiles } from './helpers';

const DEBUG = { PERF_LINT_DEBUG: 'cache' };
const REUSED = "cache: the last run's report, as nothing it read has changed";

/** One Mongoose relation query per post: found only where the package depends on mongoose. */
const POPULATE_CODE = `import type { PostDocument } from './post';

export async function withAuthors(posts: PostDocument[]): Promise<PostDocument[]> {
  for (const post of posts) {
    await post.populate('author');
  }
  return posts;
}
`;

const SEND_CODE = `export async function pushFeeds(feeds: string[], send: (feed: string) => Promise<void>): Promise<void> {
  for (const feed of feeds) {
    await send(feed);
  }
}
`;

/** A blocking read in a function that is not async: nothing to report until it becomes async (the same number of bytes). */
const SYNC_READ = "import { readFileSync } from 'node:fs';\nexport function readAll(name: string) { return readFileSync(name, 'utf8'); }\n";
const ASYNC_READ = "import { readFileSync } from 'node:fs';\nexport async function r(name: string) { return readFileSync(name, 'utf8'); }\n";

const PROJECT = {
  'package.json': '{ "name": "blog-api", "private": true, "dependencies": { "express": "^4.19.2" } }\n',
  '.gitignore': 'dist/\ngenerated/\n',
  'src/posts/authors.ts': POPULATE_CODE,
  'src/posts/post.ts': 'export interface PostDocument {\n  populate(path: string): Promise<unknown>;\n}\n',
  'src/feeds/push.ts': SEND_CODE,
  'src/files/read.ts': SYNC_READ,
  'generated/client.ts': SLOW_CODE,
};

const SEND_FINDING = 'src/feeds/push.ts:3:5: warning This loop awaits send(...) one by one; run them concurrently, at most 8 at once. [await-in-loop]';
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
const SUMMARY = (problems: number, files: number, errors = 0): string =>
  `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(problems - errors, 'warning')}, 0 info) in ${plural(files, 'file')}`;

describe("perf-lint: the last run's report, reused while nothing it read changes", function () {
  this.timeout(COMMAND_TIMEOUT);
  const trees = new TempTrees();
  const roots = new Map<string, string>();
  const CASES = ['formats', 'edited', 'same time', 'added', 'deleted', 'gitignore', 'nested configuration', 'dependency', 'options'];

  before(async () => {
    for (const name of CASES) {
      const root = trees.make(PROJECT);
      // The cache's folder exists before the first run: creating it would change the stamp of the folder it is made in.
      fs.mkdirSync(path.join(root, 'node_modules/.cache/perf-lint'), { recursive: true });
      roots.set(name, root);
    }
    // Paths changed in the last two seconds are not vouched for: their times cannot yet tell a second write apart.
    await new Promise((resolve) => setTimeout(resolve, 2100));
  });
  after(() => trees.removeAll());

  const run = (root: string, args: string[] = []) => {
    const result = runCli(root, ['--format', 'compact', ...args], DEBUG);
    return { line: cacheLine(result.stderr), stdout: result.stdout, status: result.status };
  };

  /** A first run that analyzes every file, and a second that reuses its report. */
  const firstTwoRuns = (root: string): void => {
    const cold = run(root);
    assert.equal(cold.line, 'cache: 0 hits, 4 analyzed, 0 workers');
    assert.equal(cold.stdout, `${SEND_FINDING}\n${SUMMARY(1, 4)}\n`);
    const warm = run(root);
    assert.deepEqual(warm, { ...cold, line: REUSED });
  };

  it('reuses the report of a second run with nothing changed, in every format, as a run without the cache gives it', () => {
    const root = roots.get('formats')!;
    firstTwoRuns(root);
    for (const format of FORMATS) {
      const reused = runCli(root, ['--format', format], DEBUG);
      assert.equal(cacheLine(reused.stderr), REUSED, format);
      const fresh = runCli(root, ['--format', format, '--no-cache']);
      assert.deepEqual({ ...reused, stderr: '' }, fresh, format);
    }
  });

  it('analyzes a source file edited to the same size', () => {
    const root = roots.get('edited')!;
    firstTwoRuns(root);
    writeFiles(root, { 'src/files/read.ts': ASYNC_READ });
    const edited = run(root);
    assert.equal(edited.line, 'cache: 3 hits, 1 analyzed, 0 workers');
    assert.equal(
      edited.stdout,
      `${SEND_FINDING}\nsrc/files/read.ts:2:48: warning readFileSync blocks the event loop in an async function; use await readFile(...) from node:fs/promises. Other work waits while the file is read. [sync-io-in-async]\n${SUMMARY(2, 4)}\n`,
    );
  });

  it('analyzes a source file edited to the same size and given back its modification time', () => {
    const root = roots.get('same time')!;
    firstTwoRuns(root);
    const file = path.join(root, 'src/files/read.ts');
    const { atime, mtime } = fs.statSync(file);
    writeFiles(root, { 'src/files/read.ts': ASYNC_READ });
    fs.utimesSync(file, atime, mtime);
    const edited = run(root);
    assert.equal(edited.line, 'cache: 3 hits, 1 analyzed, 0 workers');
    assert.match(edited.stdout, /^src\/files\/read\.ts:2:48: warning readFileSync blocks/m);
  });

  it('analyzes a file added to a listed folder', () => {
    const root = roots.get('added')!;
    firstTwoRuns(root);
    writeFiles(root, { 'src/feeds/retry.ts': SEND_CODE.replace('pushFeeds', 'retryFeeds') });
    const added = run(root);
    assert.equal(added.line, 'cache: 4 hits, 1 analyzed, 0 workers');
    assert.equal(added.stdout, `${SEND_FINDING}\n${SEND_FINDING.replace('push.ts', 'retry.ts')}\n${SUMMARY(2, 5)}\n`);
  });

  it('leaves out a deleted file', () => {
    const root = roots.get('deleted')!;
    firstTwoRuns(root);
    fs.rmSync(path.join(root, 'src/feeds/push.ts'));
    const deleted = run(root);
    assert.equal(deleted.line, 'cache: 3 hits, 0 analyzed, 0 workers');
    assert.equal(deleted.stdout, '✔ No problems in 3 files.\n');
  });

  it('lists again under a changed .gitignore', () => {
    const root = roots.get('gitignore')!;
    firstTwoRuns(root);
    writeFiles(root, { '.gitignore': 'dist/\n' });
    const listed = run(root);
    assert.equal(listed.line, 'cache: 4 hits, 1 analyzed, 0 workers');
    assert.equal(
      listed.stdout,
      `generated/client.ts:2:43: warning readFileSync blocks the event loop in an async function; use await readFile(...) from node:fs/promises. Other work waits while the file is read. [sync-io-in-async]\n${SEND_FINDING}\n${SUMMARY(2, 5)}\n`,
    );
  });

  it('applies a configuration added in a subfolder', () => {
    const root = roots.get('nested configuration')!;
    firstTwoRuns(root);
    writeFiles(root, { 'src/feeds/.perflintrc.json': '{ "rules": { "await-in-loop": "error" } }\n' });
    const configured = run(root);
    assert.equal(configured.line, 'cache: 3 hits, 1 analyzed, 0 workers');
    assert.equal(configured.stdout, `${SEND_FINDING.replace('warning', 'error')}\n${SUMMARY(1, 4, 1)}\n`);
    assert.equal(configured.status, 1);
  });

  it("reads a package's dependencies again when its package.json changes", () => {
    const root = roots.get('dependency')!;
    firstTwoRuns(root);
    writeFiles(root, { 'package.json': PROJECT['package.json'].replace('"express"', '"mongoose": "^8.4.0", "express"') });
    const mongoose = run(root);
    assert.equal(mongoose.line, 'cache: 0 hits, 4 analyzed, 0 workers');
    assert.equal(
      mongoose.stdout,
      `${SEND_FINDING}\nsrc/posts/authors.ts:5:11: warning post.populate runs one Mongoose relation query per item of this loop (N+1 queries). Call .populate() on the query that loaded the items, or Model.populate(docs, path) once. [n-plus-one]\n${SUMMARY(2, 4)}\n`,
    );
  });

  it('does the work again under other options', () => {
    const root = roots.get('options')!;
    firstTwoRuns(root);
    const stricter = run(root, ['--rule', 'await-in-loop=error']);
    assert.equal(stricter.line, 'cache: 0 hits, 4 analyzed, 0 workers');
    assert.equal(stricter.stdout, `${SEND_FINDING.replace('warning', 'error')}\n${SUMMARY(1, 4, 1)}\n`);
    assert.equal(run(root, ['--rule', 'await-in-loop=error']).line, REUSED);
    const folder = run(root, ['src/feeds']);
    assert.equal(folder.line, 'cache: 0 hits, 1 analyzed, 0 workers');
    assert.equal(folder.stdout, `${SEND_FINDING}\n${SUMMARY(1, 1)}\n`);
  });
});
