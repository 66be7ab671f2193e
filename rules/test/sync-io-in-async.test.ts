import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyze, DEFAULT_OPTIONS, fixText } from '../src';
import { syncIoInAsync } from '../src/rules/sync-io-in-async';
import { actualFindings, expectedFindings, FIXTURES_DIR } from './annotations';
import { describeAnnotatedProject } from './projects';

const FIXES_DIR = path.join(FIXTURES_DIR, 'sync-io-in-async', 'fixes');
const PROGRAMS_DIR = path.join(FIXTURES_DIR, 'sync-io-in-async', 'programs');

/** TypeScript errors of files checked together against Node's types; a package that is not installed is not an error. */
function typeErrors(files: string[]): string[] {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowJs: true,
    checkJs: false,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const cannotFindModule = 2307;
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.code !== cannotFindModule)
    .map((diagnostic) => `${diagnostic.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

/** The findings of this rule only, with their messages. */
function findingsOf(code: string, fileName = 'file.ts') {
  const result = analyze(code, fileName);
  assert.equal(result.error, undefined);
  return result.findings.filter((finding) => finding.ruleId === 'sync-io-in-async');
}

/** The 1-based line of an offset. */
function lineOf(code: string, offset: number): number {
  return code.slice(0, offset).split('\n').length;
}

/** Each finding's 1-based line and message id, in order. */
function linesAndMessageIds(code: string, findings: ReturnType<typeof findingsOf>): Array<[number, string]> {
  return findings.map((finding) => [lineOf(code, finding.start), finding.messageId]);
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
        'fs.readFileSync blocks the event loop in an async function; use await fs.promises.readFile(...). Other work waits while the file is read.',
      );
    });

    it('says to keep a file that every call reads the same', () => {
      const code = [
        `import { readFileSync } from 'node:fs';`,
        `import path from 'node:path';`,
        `const TEMPLATES = path.join(__dirname, 'templates');`,
        `export async function invite(to: string) {`,
        `  const dir = path.resolve(process.cwd(), 'emails');`,
        `  const html = readFileSync(path.join(dir, 'invite.html'), 'utf8');`,
        `  const footer = readFileSync(\`\${TEMPLATES}/footer.html\`, 'utf8');`,
        `  const page = readFileSync(path.join(TEMPLATES, to), 'utf8');`,
        `  const recorder = readFileSync(require.resolve('rrweb/dist/rrweb.min.js'), 'utf8');`,
        `  const plugin = readFileSync(require.resolve(\`plugins/\${to}\`), 'utf8');`,
        `  return html + footer + page + recorder + plugin;`,
        `}`,
        ``,
      ].join('\n');
      const findings = findingsOf(code);
      assert.deepEqual(linesAndMessageIds(code, findings), [
        [6, 'sameFile'],
        [7, 'sameFile'],
        [8, 'blocking'],
        [9, 'sameFile'],
        [10, 'blocking'],
      ]);
      assert.equal(
        findings[0]?.message,
        'readFileSync rereads the same file on every call in an async function; read it once and keep the text. ' +
          'The event loop waits for each read; if the file changes while the process runs, use await readFile(...) from node:fs/promises.',
      );
      assert.notEqual(findings[0]?.fix, undefined);
    });

    it('says to stream a file that is read whole only to be sent', () => {
      const code = [
        `import express from 'express';`,
        `import fs from 'node:fs';`,
        `import { Readable } from 'node:stream';`,
        `const app = express();`,
        `app.get('/recordings/:id', (req, res) => {`,
        `  const wave = fs.readFileSync(req.params.id);`,
        `  res.send(wave);`,
        `});`,
        `app.get('/notes/:id', (req, res) => {`,
        `  const text = fs.readFileSync(req.params.id, 'utf8');`,
        `  res.send(text.toUpperCase());`,
        `});`,
        `export async function play(filePath: string, socket: { send(data: Buffer): void }) {`,
        `  socket.send(fs.readFileSync(filePath));`,
        `  return Readable.from(fs.readFileSync(filePath));`,
        `}`,
        ``,
      ].join('\n');
      const findings = findingsOf(code);
      assert.deepEqual(linesAndMessageIds(code, findings), [
        [6, 'sendsWholeFile'],
        [10, 'blocking'],
        [14, 'blocking'],
        [15, 'sendsWholeFile'],
      ]);
      assert.equal(
        findings[0]?.message,
        'fs.readFileSync blocks the event loop in a request handler for a file it only sends; stream it with createReadStream(path). ' +
          'Piped to the response or stream, it neither blocks nor holds the whole file; await fs.promises.readFile(...) would only stop the blocking.',
      );
    });

    it('says to keep a bundled folder that every call lists and reads again', () => {
      const code = [
        `import fs from 'node:fs';`,
        `import path from 'node:path';`,
        `const UPLOADS = path.join(process.cwd(), 'uploads');`,
        `export async function listTemplates() {`,
        `  let folder = path.join(__dirname, '..', 'templates', 'flows');`,
        `  const flows = fs.readdirSync(folder).map((file) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')));`,
        `  folder = path.join(__dirname, '..', 'templates', 'tools');`,
        `  return [...flows, ...fs.readdirSync(folder)];`,
        `}`,
        `export async function listUploads() {`,
        `  return fs.readdirSync(UPLOADS).map((file) => fs.statSync(path.join(UPLOADS, file)).size);`,
        `}`,
        `export async function listBoard(board: string) {`,
        `  let folder = path.join(__dirname, 'boards');`,
        `  if (board) folder = path.join(folder, board);`,
        `  return fs.readdirSync(folder);`,
        `}`,
        `export async function rebuild() {`,
        `  fs.writeFileSync(path.join(__dirname, 'cache', 'index.json'), '[]');`,
        `  return fs.readdirSync(path.join(__dirname, 'cache'));`,
        `}`,
        ``,
      ].join('\n');
      const [first, ...rest] = findingsOf(code);
      // The bundled templates, listed in turn from the two values of one `let`; not uploads, a folder that varies, nor one just written.
      assert.deepEqual(
        [first, ...rest].map((finding) => `${lineOf(code, finding!.start)} ${finding!.messageId}`).join(', '),
        '6 sameFolder, 8 sameFolder, 11 blocking, 16 blocking, 19 blocking, 20 blocking',
      );
      assert.equal(
        first?.message,
        'fs.readdirSync lists the same bundled folder on every call in an async function; read it and its files once and keep them. ' +
          'The event loop waits for each listing and read; if the folder changes while the process runs, use await fs.promises.readdir(...).',
      );
    });

    it('does not call a path the same on every call when it comes from the instance or a reassigned variable', () => {
      const code = [
        `import fs from 'node:fs';`,
        `let current = 'a.json';`,
        `export class Templates {`,
        `  constructor(private readonly root: string) {}`,
        `  async page() { return fs.readFileSync(this.root + '/page.html', 'utf8'); }`,
        `  async state() { return fs.readFileSync(current, 'utf8'); }`,
        `}`,
        `export function use(next: string) { current = next; }`,
        ``,
      ].join('\n');
      assert.deepEqual(
        findingsOf(code).map((finding) => [lineOf(code, finding.start), finding.messageId]),
        [
          [5, 'blocking'],
          [6, 'blocking'],
        ],
      );
    });

    it('says what the wait costs where it is large by nature: CPU by design, a child process, a listing', () => {
      const code = [
        `import bcrypt from 'bcrypt';`,
        `import { execSync } from 'node:child_process';`,
        `import fs from 'node:fs';`,
        `export async function login(password: string, hash: string) { return bcrypt.compareSync(password, hash); }`,
        `export async function revision() { return execSync('git rev-parse HEAD', { encoding: 'utf8', stdio: 'pipe' }); }`,
        `export async function list(folder: string) { return fs.readdirSync(folder); }`,
        ``,
      ].join('\n');
      assert.deepEqual(
        findingsOf(code).map((finding) => [lineOf(code, finding.start), finding.messageId, finding.message]),
        [
          [
            4,
            'blocking',
            'bcrypt.compareSync blocks the event loop in an async function; use await bcrypt.compare(...). ' +
              'Other work waits while the password is hashed to compare, tens of milliseconds of CPU by design.',
          ],
          [
            5,
            'blocking',
            'execSync blocks the event loop in an async function; use (await promisify(exec)(...)).stdout. ' +
              'Other work waits while the child process runs, for as long as it takes.',
          ],
          [
            6,
            'blocking',
            'fs.readdirSync blocks the event loop in an async function; use await fs.promises.readdir(...). ' +
              'Other work waits while the directory is read, longer the more entries it holds.',
          ],
        ],
      );
    });

    it('reports what stays on the path every call takes beside the fallbacks, fixed saves and constants it leaves', () => {
      const code = fs.readFileSync(path.join(FIXTURES_DIR, 'sync-io-in-async', 'incidental-io.ts'), 'utf8');
      assert.deepEqual(
        findingsOf(code, 'incidental-io.ts').map((finding) => [lineOf(code, finding.start), finding.messageId]),
        [
          [56, 'blocking'],
          [63, 'blocking'],
          [72, 'blocking'],
          [82, 'blocking'],
          [89, 'sendsWholeFile'],
          [104, 'blocking'],
        ],
      );
    });

    it('says why existsSync has no fix', () => {
      const [finding] = findingsOf(
        `import { existsSync as exists } from 'node:fs';\nexport async function has(ps: string[]) { return ps.filter((p) => exists(p)); }\n`,
      );
      assert.equal(finding?.messageId, 'blockingNoTwin');
      assert.equal(finding?.fix, undefined);
      assert.equal(
        finding?.message,
        'exists (fs.existsSync) blocks the event loop in an async function; use await fs.promises.access(path) in a try/catch. ' +
          'No automatic fix: there is no promise form that returns a boolean.',
      );
    });

    it('says to drop an existsSync check made before an asynchronous read of the same path', () => {
      const code = [
        `import { existsSync, createReadStream } from 'node:fs';`,
        `import { readFile, rm } from 'node:fs/promises';`,
        `export async function parse(filePaths: string[]) {`,
        `  for (const filePath of filePaths) { if (!existsSync(filePath)) throw new Error('File not found: ' + filePath); await readFile(filePath); }`,
        `  return filePaths.length;`,
        `}`,
        `export async function rows(files: string[]) {`,
        `  return files.map((file) => (existsSync(file) ? createReadStream(file) : undefined));`,
        `}`,
        `export async function other(files: string[], fallback: string) {`,
        `  for (const file of files) if (!existsSync(file)) return readFile(fallback, 'utf8');`,
        `  return 'cached';`,
        `}`,
        `export async function found(files: string[]) {`,
        `  const there = files.filter((file) => existsSync(file));`,
        `  return Promise.all(there.map((file) => readFile(file, 'utf8')));`,
        `}`,
        `export async function clean(dirs: string[]) {`,
        `  for (const dir of dirs) if (existsSync(dir)) await rm(dir, { recursive: true });`,
        `}`,
        `export async function once(file: string) {`,
        `  if (!existsSync(file)) throw new Error('File not found: ' + file);`,
        `  return readFile(file, 'utf8');`,
        `}`,
        ``,
      ].join('\n');
      const findings = findingsOf(code);
      assert.deepEqual(linesAndMessageIds(code, findings), [
        [4, 'checkBeforeRead'],
        [8, 'blockingNoTwin'],
        [11, 'blockingNoTwin'],
        [15, 'blockingNoTwin'],
        [19, 'checkBeforeRead'],
      ]);
      assert.equal(findings[0]?.fix, undefined);
      assert.equal(
        findings[0]?.message,
        'existsSync blocks the event loop in an async function; drop the check and handle the ENOENT error of the read that follows. ' +
          'The read reports a missing file itself, without the wait (and without the race between check and read).',
      );
    });

    it('says to drop an existsSync check, one operand of a condition, made before an asynchronous unlink of the same path', () => {
      const code = [
        `import { existsSync, promises as fsPromises } from 'node:fs';`,
        `export async function pruneLogs(runs: Array<{ logFile: string; failed: boolean }>) {`,
        `  for (const run of runs) {`,
        `    if (run.logFile && existsSync(run.logFile) && !run.failed) await fsPromises.unlink(run.logFile);`,
        `  }`,
        `}`,
        `export async function pruneOther(runs: Array<{ logFile: string; archive: string }>) {`,
        `  for (const run of runs) if (run.logFile && existsSync(run.logFile)) await fsPromises.unlink(run.archive);`,
        `}`,
        ``,
      ].join('\n');
      const findings = findingsOf(code);
      assert.deepEqual(linesAndMessageIds(code, findings), [
        [4, 'checkBeforeRead'],
        [8, 'blockingNoTwin'],
      ]);
      assert.equal(
        findings[0]?.message,
        'existsSync blocks the event loop in an async function; drop the check and handle the ENOENT error of the unlink that follows. ' +
          'The unlink reports a missing file itself, without the wait (and without the race between check and unlink).',
      );
    });

    it('reports a function once, with its other blocking calls beside the finding', () => {
      const code = [
        `import fs from 'node:fs';`,
        `import { join } from 'node:path';`,
        `export class Plugin {`,
        `  static async list(root: string) {`,
        `    const names = fs.readdirSync(root).filter((name) => fs.statSync(join(root, name)).isDirectory());`,
        `    return names.filter((name) => fs.existsSync(join(root, name, 'index.js')) || fs.existsSync(join(root, name, 'index.mjs')));`,
        `  }`,
        `  static async manifest(root: string, name: string) {`,
        `    return JSON.parse(fs.readFileSync(join(root, name, 'package.json'), 'utf8'));`,
        `  }`,
        `}`,
        ``,
      ].join('\n');
      const findings = findingsOf(code);
      assert.deepEqual(
        findings.map((finding) => [
          lineOf(code, finding.start),
          finding.messageId,
          finding.related?.map((related) => [related.line, related.column, related.message]),
        ]),
        [
          [
            5,
            'blocking',
            [
              [5, 57, 'fs.statSync blocks in the same function'],
              [6, 35, 'fs.existsSync blocks in the same function'],
              [6, 82, 'fs.existsSync blocks in the same function'],
            ],
          ],
          [9, 'blocking', undefined],
        ],
      );
      assert.ok(findings.every((finding) => finding.fix?.safe));
    });

    it('does not say to keep a file that the function writes, before or after it reads it, or lets a command write before', () => {
      const code = [
        `import { execSync } from 'node:child_process';`,
        `import { readFileSync, writeFileSync } from 'node:fs';`,
        `const OUT = '/tmp/profile.xml';`,
        `export async function decode(profile: string) {`,
        `  execSync(\`security cms -D -i "\${profile}" > \${OUT}\`);`,
        `  return readFileSync(OUT, 'utf8');`,
        `}`,
        `export async function roundTrip(text: string) {`,
        `  writeFileSync(OUT, text);`,
        `  return readFileSync(OUT, 'utf8');`,
        `}`,
        `export async function plain() {`,
        `  return readFileSync(OUT, 'utf8');`,
        `}`,
        `export async function models(stale: boolean) {`,
        `  if (!stale) return JSON.parse(readFileSync(OUT, 'utf8'));`,
        `  const fresh = await fetchModels();`,
        `  writeFileSync(OUT, JSON.stringify(fresh));`,
        `  return fresh;`,
        `}`,
        `export async function version() {`,
        `  const text = readFileSync(OUT, 'utf8');`,
        `  execSync('git fetch --tags');`,
        `  return text;`,
        `}`,
        `declare function fetchModels(): Promise<unknown>;`,
        ``,
      ].join('\n');
      assert.deepEqual(
        findingsOf(code).map((finding) => [lineOf(code, finding.start), finding.messageId]),
        [
          [5, 'blocking'],
          [6, 'blocking'],
          [9, 'blocking'],
          [10, 'blocking'],
          [13, 'sameFile'],
          [16, 'blocking'],
          [22, 'sameFile'],
        ],
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
        'render calls readFileSync through readTemplate, which blocks the event loop in an async function; make render and readTemplate async. ' +
          'Then use await readFile(...) from node:fs/promises.',
      );
      assert.equal(finding?.fix, undefined);
    });

    it('asks for a file a helper rereads on every call to be read once, not for the helper to be made async', () => {
      const code = [
        `import fs from 'node:fs';`,
        `import path from 'node:path';`,
        ``,
        `function releaseTag(): string {`,
        `  const file = path.join(process.cwd(), 'RELEASE');`,
        `  return fs.readFileSync(file, 'utf8').trim();`,
        `}`,
        ``,
        `function notes(name: string): string {`,
        `  return fs.readFileSync(path.join('notes', name), 'utf8');`,
        `}`,
        ``,
        `export default async function AboutPage({ params }: { params: { name: string } }) {`,
        `  return { tag: releaseTag(), notes: notes(params.name) };`,
        `}`,
        ``,
      ].join('\n');
      const findings = findingsOf(code, 'about/page.tsx');
      assert.deepEqual(
        findings.map((finding) => [lineOf(code, finding.start), finding.start - code.lastIndexOf('\n', finding.start - 1), finding.messageId]),
        [
          [14, 17, 'sameFileThroughHelper'],
          [14, 38, 'throughHelper'],
        ],
      );
      assert.equal(
        findings[0]?.message,
        'releaseTag calls fs.readFileSync, which rereads the same file on every call in an async function; read it once when the module loads ' +
          '(or on first use) and keep the text. If the file changes while the process runs, make releaseTag async and use await fs.promises.readFile(...).',
      );
      assert.equal(findings[0]?.fix, undefined);
    });
  });

  describe('where it counts', () => {
    it('follows helpers through cycles without looping', () => {
      assertAnnotated(
        [
          `import { readdirSync } from 'node:fs';`,
          `function walk(dir: string, depth: number): number { return depth > 3 ? readdirSync(dir).length : visit(dir, depth + 1); }`,
          `function visit(dir: string, depth: number): number { return walk(dir, depth); }`,
          `export async function size(dir: string) { return visit(dir, 0); }`,
          `//                                               ^^^^^ sync-io-in-async`,
          ``,
        ].join('\n'),
      );
    });

    it('names the first helpers of a long chain and elides the rest', () => {
      const helpers = Array.from({ length: 50 }, (_, index) =>
        index === 0 ? `function step0() { return readdirSync('.'); }` : `function step${index}() { return step${index - 1}(); }`,
      );
      const code = [`import { readdirSync } from 'node:fs';`, ...helpers, `export async function list() { return step49(); }`, ``].join('\n');
      const [finding] = findingsOf(code);
      assert.equal(
        finding?.message,
        'step49 calls readdirSync through step48 → step47 → step46 → …, which blocks the event loop in an async function; ' +
          'make step49, step48, step47, step46 and the helpers they call async. Then use await readdir(...) from node:fs/promises.',
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

    it('counts only the request handlers of a command-line script', () => {
      const script = [
        `#!/usr/bin/env node`,
        `import { readFileSync } from 'node:fs';`,
        `import express from 'express';`,
        `async function main() { return readFileSync('package.json', 'utf8'); }`,
        `express().get('/', (req, res) => res.send(readFileSync('index.html')));`,
        `//                                        ^^^^^^^^^^^^ sync-io-in-async`,
        `main();`,
        ``,
      ].join('\n');
      assertAnnotated(script, 'serve.mjs');
    });

    it("ignores a desktop app's packages, but not the request handlers they register", () => {
      const worker = [
        `import * as fs from 'node:fs';`,
        `import express from 'express';`,
        `export class ScreenshotQueue {`,
        `  async push(file: string) {`,
        `    await upload(file);`,
        `    fs.writeFileSync(file + '.done', fs.readFileSync(file));`,
        `  }`,
        `}`,
        `express().get('/shot/:id', (req, res) => res.send(fs.readFileSync(req.params.id)));`,
        `//                                                ^^^^^^^^^^^^^^^ sync-io-in-async`,
        `declare function upload(file: string): Promise<void>;`,
        ``,
      ].join('\n');
      const desktop = { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['electron', 'express']) } };
      assert.deepEqual(actualFindings(worker, 'apps/agent/src/main/workers/push.ts', desktop), expectedFindings(worker));
      // The app's own manifest, which electron-builder packs, names Electron's packages rather than Electron.
      const manifest = { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['electron-updater', 'electron-store', 'express']) } };
      assert.deepEqual(actualFindings(worker, 'apps/agent/src/main/workers/push.ts', manifest), expectedFindings(worker));
      // The same package without Electron is a server: the queue's blocking calls count; browserslist's table is no sign of Electron.

      const server = { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['express', 'electron-to-chromium']) } };
      assert.deepEqual(
        actualFindings(worker, 'apps/agent/src/main/workers/push.ts', server).map((finding) => [finding.line, finding.column]),
        [
          [6, 5],
          [6, 38],
          [9, 51],
        ],
      );
      const messages = (options: typeof server) =>
        analyze(worker, 'apps/agent/src/main/workers/push.ts', options)
          .findings.filter((finding) => finding.ruleId === 'sync-io-in-async')
          .map((finding) => finding.messageId);
      assert.deepEqual(messages(server), ['blocking', 'blocking', 'sendsWholeFile']);
      assert.deepEqual(messages(desktop), ['sendsWholeFile']);
    });

    it("ignores a repository's hidden scripts folder", () => {
      const code = `const fs = require('fs');\nmodule.exports.bump = async (version) => {\n  fs.writeFileSync('./apps/api/package.json', JSON.stringify({ version }));\n};\n`;
      for (const fileName of ['.scripts/bump-version.js', '.scripts/icons/generators/desktop.js', '.tools/bump-version.js']) {
        assert.deepEqual(findingsOf(code, fileName), [], fileName);
      }
      assert.equal(findingsOf(code, 'src/.cache/bump-version.js').length, 1);
      assert.equal(findingsOf(code, 'src/bump-version.js').length, 1);
    });

    it('follows static methods called through the class name', () => {
      assertAnnotated(
        [
          `import { gzipSync } from 'node:zlib';`,
          `class Codec { static pack(data: string) { return gzipSync(data); } }`,
          `export const send = async (data: string) => Codec.pack(data);`,
          `//                                          ^^^^^^^^^^ sync-io-in-async`,
          ``,
        ].join('\n'),
      );
    });

    it('ignores test files, build configuration and install hooks', () => {
      const code = `import fs from 'fs';\nexport async function load(p: string) { return fs.readFileSync(p, 'utf8'); }\n`;
      for (const fileName of ['src/load.test.ts', 'src/__tests__/load.ts', 'rollup.config.mjs', 'postinstall.js']) {
        assert.deepEqual(findingsOf(code, fileName), [], fileName);
      }
      assert.equal(findingsOf(code, 'src/install-plugins.ts').length, 1);
    });

    it('counts a startup function once something else calls it too, or it is exported', () => {
      assertAnnotated(
        [
          `import * as fs from 'node:fs';`,
          `async function load() { return fs.readFileSync('a'); }`,
          `//                             ^^^^^^^^^^^^^^^ sync-io-in-async`,
          `export async function handler() { return load(); }`,
          `async function start() { await load(); return fs.readFileSync('b'); }`,
          `export async function main() { return fs.readFileSync('c'); }`,
          `//                                    ^^^^^^^^^^^^^^^ sync-io-in-async`,
          `start().then(main);`,
          ``,
        ].join('\n'),
      );
    });

    it('ignores an async helper that only the data function of a static build calls', () => {
      assertAnnotated(
        [
          `import { readdirSync, readFileSync } from 'node:fs';`,
          `async function guideSlugs() {`,
          `  return readdirSync('guides').map((file) => file.replace(/\\.json$/, ''));`,
          `}`,
          `export async function generateStaticParams() {`,
          `  return (await guideSlugs()).map((slug) => ({ slug }));`,
          `}`,
          `async function guide(slug: string) {`,
          `  return JSON.parse(readFileSync(\`guides/\${slug}.json\`, 'utf8'));`,
          `//                  ^^^^^^^^^^^^ sync-io-in-async`,
          `}`,
          `export default async function GuidePage({ params }: { params: { slug: string } }) {`,
          `  return (await guide(params.slug)).title;`,
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
        `import fs from 'fs';\nexport async function sizes(ps: string[]) {\n  for (const p of ps) fs.statSync(p, { throwIfNoEntry: false });\n  return ps.map((p) => fs.statSync(p).size);\n}\n`,
      );
      // One finding for the function, the other call beside it.
      assert.equal(findings.length, 1);
      assert.equal(findings[0]!.fix, undefined);
      assert.deepEqual(
        findings[0]!.related?.map((related) => [related.line, related.column, related.message]),
        [[4, 24, 'fs.statSync blocks in the same function']],
      );
    });
  });

  describe('fix fixtures (whole output text)', () => {
    const inputs = fs
      .readdirSync(FIXES_DIR)
      .filter((name) => name.includes('.input.'))
      .sort();
    for (const input of inputs) {
      it(input, () => {
        const output = input.replace('.input.', '.output.');
        const fixedText = fixed(fs.readFileSync(path.join(FIXES_DIR, input), 'utf8'), input);
        assert.equal(fixedText, fs.readFileSync(path.join(FIXES_DIR, output), 'utf8'));
        assert.equal(analyze(fixedText, output).error, undefined, 'the output parses');
      });
    }

    it("outputs type-check against Node's types", () => {
      const outputs = fs
        .readdirSync(FIXES_DIR)
        .filter((name) => /\.output\.ts$/.test(name))
        .map((name) => path.join(FIXES_DIR, name));
      assert.deepEqual(typeErrors(outputs), []);
    });
  });

  describe('programs print the same before and after the fix', () => {
    for (const name of fs.readdirSync(PROGRAMS_DIR).sort()) {
      it(name, () => {
        const source = fs.readFileSync(path.join(PROGRAMS_DIR, name), 'utf8');
        const fixedText = fixed(source, name);
        assert.notEqual(fixedText, source, 'the program has something to fix');
        assert.deepEqual(
          findingsOf(fixedText, name).filter((finding) => finding.fix?.safe),
          [],
          'every safe fix was applied',
        );
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-lint-fix-'));
        try {
          fs.writeFileSync(path.join(dir, `before-${name}`), source);
          fs.writeFileSync(path.join(dir, `after-${name}`), fixedText);
          const run = (file: string) => execFileSync(process.execPath, [path.join(dir, file)], { encoding: 'utf8' });
          assert.equal(run(`after-${name}`), run(`before-${name}`));
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });

  it('is silenced by a disable comment', () => {
    const code = `import fs from 'fs';\nexport async function load(p: string) {\n  // perf-lint-disable-next-line sync-io-in-async -- read once per deploy\n  return fs.readFileSync(p, 'utf8');\n}\n`;
    assert.deepEqual(findingsOf(code), []);
    assert.equal(findingsOf(code.replace('sync-io-in-async --', 'await-in-loop --')).length, 1);
  });

  it('is silenced for a whole file and on its own line', () => {
    const code = `import fs from 'fs';\nexport async function load(p: string) {\n  return fs.readFileSync(p, 'utf8');\n}\n`;
    assert.deepEqual(findingsOf(`/* perf-lint-disable sync-io-in-async */\n${code}`), []);
    assert.deepEqual(findingsOf(code.replace(`'utf8');`, `'utf8'); // perf-lint-disable-line`)), []);
  });

  describeAnnotatedProject('sync-io-in-async/projects/boot-statics');
  describeAnnotatedProject('sync-io-in-async/projects/tool-callers');
  describeAnnotatedProject('sync-io-in-async/projects/prototype-boot');
  describeAnnotatedProject('sync-io-in-async/projects/app-builders');
  describeAnnotatedProject('sync-io-in-async/projects/cluster-modules');
  describeAnnotatedProject('sync-io-in-async/projects/server-classes');
});
