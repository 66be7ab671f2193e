import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import {
  ALL_RULES,
  collectProjectFacts,
  DEFAULT_OPTIONS,
  mergeProjectFacts,
  ProjectFactsModel,
  ProjectModel,
  projectFactsReach,
  syntaxSignals,
  type AnalysisOptions,
  type Rule,
  type SyntaxSignals,
} from '../src';
import { analyzeWithRules } from '../src/engine';
import type { ProjectModels } from '../src/analysis/orm-index';
import { MAX_LINE_LENGTH } from '../src/content';
import { convertSourceFile } from '../src/parse';
import { exportedFunctionFactsOf } from '../src/exported-functions';
import {
  ALL_SIGNALS,
  exportedInterfacesOf,
  heldTypesOf,
  implementedOf,
  isReexportsOnly,
  parsedSyntaxSignals,
  readSyntax,
  reexportsAllOf,
} from '../src/syntax-signals';
import { fixtureFiles, FIXTURES_DIR, repositorySources, seedsAndFixtures } from './annotations';
import { mutate, pick, randomSource } from './mutations';

/** The signals raised by a text, by name. */
function raised(text: string, fileName = 'file.ts'): Array<keyof SyntaxSignals> {
  const signals = syntaxSignals(text, fileName);
  // The boolean signals (not whether TypeScript parsed the text); `imports` is a list, tested on its own.
  return (Object.keys(signals) as Array<keyof SyntaxSignals>).filter((name) => name !== 'syntaxChecked' && signals[name] === true).sort();
}

describe('syntax signals', () => {
  const cases: Array<[string, string, Array<keyof SyntaxSignals>]> = [
    ['an await in a for...of body', 'async function f(xs) { for (const x of xs) await g(x); }', ['awaitInLoop']],
    ['an await in a while test', 'async function f() { while (await more()) {} }', ['awaitInLoop']],
    ['an await in a for update', 'async function f() { for (let i = 0; i < 3; i = await next(i)) {} }', ['awaitInLoop']],
    ['an await of the iterated value, which runs once', 'async function f() { for (const x of await list()) use(x); }', []],
    ['an await in a for initializer', 'async function f() { for (let i = await start(); i < 3; i++) {} }', []],
    ['an await in a callback created per iteration', 'async function f(xs) { for (const x of xs) run(async () => await g(x)); }', []],
    ['an await in a method of a class declared in a loop', 'async function f(xs) { for (const x of xs) { class A { async m() { await g(x); } } } }', []],
    ['an await in the computed name of such a method', 'async function f(xs) { for (const x of xs) { class A { [await k(x)]() {} } } }', ['awaitInLoop']],
    ['Promise.all over a mapped array', 'Promise.all(ids.map(load));', ['combinatorOverArray']],
    ['Promise.allSettled over a variable, in parentheses', 'Promise.allSettled((tasks as Promise<void>[]));', ['combinatorOverArray']],
    ["Promise['race'] over a spread", "Promise['race']([...tasks, timeout]);", ['combinatorOverArray']],
    ['Promise.all over a fixed array', 'Promise.all([a(), b()]);', []],
    ['a blocking call by name', "import { readFileSync } from 'node:fs'; readFileSync('a');", ['blockingName']],
    ['a blocking call by a string', "fs['execSync']('ls');", ['blockingName']],
    ['a blocking name only in a comment', '// readFileSync is slow\nexport const a = 1;', []],
    ['a database package', "import { Repository } from 'typeorm';", ['reachesDatabase']],
    ['a required database package', "const { Pool } = require('pg');", ['reachesDatabase']],
    ['a project file that holds the Prisma client', "import { prisma } from '../lib/prisma';", ['importsProjectFile', 'reachesDatabase']],
    ['a client imported by its name', "import db from './connection';", ['importsProjectFile', 'reachesDatabase']],
    ['a client in a request context', 'export const list = (ctx) => ctx.prisma.user.findMany();', ['reachesDatabase']],
    ['a model defined on a Sequelize instance known by its name', "module.exports = (sequelize) => sequelize.define('User', {});", ['reachesDatabase']],
    ['a Sequelize instance that defines nothing', 'export const close = (sequelize) => sequelize.close();', []],
    ['a Sequelize association', 'User.hasMany(Post);', ['reachesDatabase']],
    ['a project file only', "import { helper } from './helper'; export const x = () => helper.find();", ['importsProjectFile']],
    ['a project file by a dynamic import', "export const load = () => import('./plugin');", ['importsProjectFile']],
    ['a package that is not a database', "import express from 'express';", []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(raised(text), expected));
  }

  it('raises without the walk every signal the walk raises, in every fixture and source file of this repository', () => {
    for (const file of repositorySources()) {
      const text = fs.readFileSync(file, 'utf8');
      const quick = syntaxSignals(text, file);
      const walked = parsedSyntaxSignals(text, file);
      for (const name of Object.keys(walked) as Array<keyof SyntaxSignals>) if (walked[name]) assert.ok(quick[name], `${file}: ${name}`);
    }
  });

  it('lists the specifiers a file imports, requires or re-exports, without Node built-ins, with and without the walk', () => {
    const code = "import { a } from './a';\nexport * from '@acme/db';\nconst fs = require('node:fs');\nconst b = require('@server/models');\n";
    assert.deepEqual(syntaxSignals(code, 'file.ts').imports, ['./a', '@acme/db', '@server/models']);
    assert.deepEqual(parsedSyntaxSignals(code, 'file.ts').imports, ['./a', '@acme/db', '@server/models']);
  });

  it('lists the files a file starts by path in a child process or worker thread, written relative to it', () => {
    const code = [
      `import { fork } from 'node:child_process';`,
      `import { Worker } from 'node:worker_threads';`,
      `import path from 'node:path';`,
      `import workerpool from 'workerpool';`,
      `import Piscina from 'piscina';`,
      `export function start() {`,
      `  fork(path.join(__dirname, 'flush', 'send.js'), { detached: true });`,
      `  fork(require.resolve('./import-worker'));`,
      '  new Worker(`${__dirname}/resize.js`);',
      `  new Worker(new URL('../thumbnails.mjs', import.meta.url));`,
      `  workerpool.pool(path.resolve(__dirname, 'hash.js'));`,
      `  new Piscina({ filename: path.resolve(__dirname, 'render.js') });`,
      `}`,
      ``,
    ].join('\n');
    assert.deepEqual(syntaxSignals(code, 'src/start.ts').childEntries, [
      './flush/send.js',
      './import-worker',
      './resize.js',
      '../thumbnails.mjs',
      './hash.js',
      './render.js',
    ]);
  });

  it('lists no started file where the path is unknown or no file is started', () => {
    const code = [
      `import { fork } from 'redux-saga/effects';`,
      `import { Worker } from 'bullmq';`,
      `export function* root(orm, cliPath) {`,
      `  yield fork(watchUsers);`,
      `  new Worker('emails', async (job) => job.data);`,
      `  orm.em.fork();`,
      `  require('node:child_process').fork(cliPath);`,
      `  require('node:child_process').fork('send.js');`,
      `  require('node:child_process').fork('./send.js');`,
      `}`,
      ``,
    ].join('\n');
    assert.deepEqual(syntaxSignals(code, 'src/root.ts').childEntries, []);
  });

  it("reads a tree that converts to typescript-estree's own ESTree, in every fixture and source file of this repository", function () {
    this.timeout(120_000);
    // The signals' parse leaves `parent` unset; the conversion sets it as TypeScript's parse would.
    const plain = (ast: unknown): string =>
      JSON.stringify(ast, (key, value: unknown) => (key === 'parent' || key === 'comments' || key === 'tokens' ? undefined : value));
    let converted = 0;
    for (const file of repositorySources()) {
      const text = fs.readFileSync(file, 'utf8');
      const { sourceFile } = readSyntax(text, file);
      if (!sourceFile) continue;
      const reference = parse(text, { filePath: file, range: true, loc: false, jsx: /\.(?:tsx|jsx?|mjs|cjs)$/.test(file) });
      assert.equal(plain(convertSourceFile(sourceFile, text)), plain(reference), file);
      converted++;
    }
    assert.ok(converted > 100, `only ${converted} trees read`);
  });

  it('gives the analysis the tree it reads: the same findings and fixes as a parse of its own, in every fixture and source file', function () {
    this.timeout(120_000);
    for (const file of repositorySources()) {
      const text = fs.readFileSync(file, 'utf8');
      const { signals, sourceFile } = readSyntax(text, file);
      assert.deepEqual(
        analyzeWithRules(text, file, DEFAULT_OPTIONS, ALL_RULES, signals, sourceFile),
        analyzeWithRules(text, file, DEFAULT_OPTIONS, ALL_RULES),
        file,
      );
    }
  });

  it('raises every signal for a file TypeScript reads with syntax errors', () => {
    assert.deepEqual(syntaxSignals('for (;;) await next();\nexport function (', 'broken.ts'), ALL_SIGNALS);
  });

  it('reads a text the analysis refuses as minified from its text alone, and gives the project index nothing of it', () => {
    const code = [
      "import { PrismaClient } from '@prisma/client';",
      'export const db = new PrismaClient();',
      'export async function loadAll(ids: string[]) { for (const id of ids) await db.user.findUnique({ where: { id } }); }',
    ];
    const kept = readSyntax(code.join('\n'), 'users.ts');
    assert.ok(kept.sourceFile);
    assert.equal(kept.signals.reachesDatabase, true);
    assert.ok(collectProjectFacts(code.join('\n'), 'users.ts'));
    const minified = `${code.join('')}${'var a=1;'.repeat(MAX_LINE_LENGTH / 8)}`;
    const refused = readSyntax(minified, 'users.ts');
    assert.equal(refused.sourceFile, undefined);
    assert.deepEqual(raised(minified, 'users.ts'), []);
    assert.deepEqual(refused.signals.imports, ['@prisma/client']);
    assert.equal(collectProjectFacts(minified, 'users.ts'), undefined);
  });

  it('reads a .js file as JavaScript with JSX, as the analysis does', () => {
    assert.deepEqual(raised('async function f(xs) { for (const x of xs) await render(<Row x={x} />); }', 'view.js'), ['awaitInLoop']);
  });
});

/** The rules as they would be without gates: every file their prefilter lets through is parsed. */
const UNGATED_RULES: readonly Rule[] = ALL_RULES.map(({ gate: _gate, ...rule }) => rule);

const OPTION_SETS: readonly AnalysisOptions[] = [DEFAULT_OPTIONS, { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['mongoose', 'p-map']) } }];

function assertSameAnalysis(text: string, fileName: string, options: AnalysisOptions): void {
  const gated = analyzeWithRules(text, fileName, options, ALL_RULES);
  const ungated = analyzeWithRules(text, fileName, options, UNGATED_RULES);
  // A text no gate lets through is never parsed, so its syntax errors go unseen; it can hold no finding either.
  const unparsable = ungated.error?.kind === 'not-analyzed' || ungated.error?.kind === 'partial';
  if (unparsable && gated.error === undefined && ungated.findings.length === 0) {
    assert.deepEqual(gated.findings, [], `${fileName}: a text the gates left unparsed has findings`);
    return;
  }
  assert.deepEqual(gated, ungated, `${fileName}: the gates changed the analysis`);
}

describe('interfaces exported and barrels, by the text', () => {
  it('lists the interfaces a file exports, not those it keeps or that a comment names', () => {
    const text = [
      'export interface IOrderService {',
      '  retrieve(id: string): Promise<unknown>;',
      '}',
      'interface Internal {}',
      '// export interface Commented {}',
      'export declare interface Declared {}',
      'export type Alias = IOrderService;',
    ].join('\n');
    assert.deepEqual(exportedInterfacesOf(text), ['IOrderService', 'Declared']);
  });

  it('names what a text exports in its own export lists, not what it re-exports from another module', () => {
    const text = [
      "import type { IReminderStore, IClock as Clock } from './ports';",
      'export { type IReminderStore, Clock as SystemClock };',
      "export { IFromElsewhere } from './elsewhere';",
      'export type { ILocal };',
    ].join('\n');
    assert.deepEqual(exportedInterfacesOf(text), ['IReminderStore', 'Clock', 'ILocal']);
  });

  it('tells a file of re-exports only from one that also declares or imports', () => {
    const barrel = [
      '// The ports.',
      "export * from './order-service.interface';",
      "export * as payments from './payments';",
      "export type { ICustomerRepository, ICustomer as Customer } from './customer';",
      '/* the gateway */ export {',
      '  IPaymentGateway,',
      '} from "./gateway"',
      '',
    ].join('\n');
    assert.equal(isReexportsOnly(barrel), true);
    assert.equal(isReexportsOnly(`${barrel}export const ORDERS = 'orders';\n`), false);
    assert.equal(isReexportsOnly(`import { a } from './a';\n${barrel}`), false);
    assert.equal(isReexportsOnly("export { a } from './a';\nexport { b };\n"), false);
    assert.equal(isReexportsOnly('// nothing here\n'), false);
  });

  it('names the modules a text re-exports whole, not those it names parts or a namespace of', () => {
    const text = "export * from './src';\nexport * as payments from './payments';\nexport { a } from './a';\nexport*from\"@acme/widgets\";\n";
    assert.deepEqual(reexportsAllOf(text), ['./src', '@acme/widgets']);
  });
});

describe('interfaces implemented, by the text', () => {
  it('names each interface once per class, generic, qualified or after a base', () => {
    const text = [
      'export class PrismaUsers extends Base<User> implements UserRepository, Types.Cache<Map<string, User>> {',
      '  find() {}',
      '}',
      'const Adapter = class implements NoteStore {};',
      'class Plain extends Model {}',
    ].join('\n');
    assert.deepEqual(implementedOf(text), ['UserRepository', 'Cache', 'NoteStore']);
  });

  it('names the type an object literal is declared with, but not a double of it or a literal without a declared type', () => {
    const text = [
      'export const insightStore: InsightStore = {',
      '  async getActive(id: string) { return null; },',
      '};',
      'let cache: Types.Cache<string, Row> = {};',
      'const fakeInsightStore: InsightStore = { getActive: async () => null };',
      'const plain = { getActive: async () => null };',
      'const count: number = 3;',
    ].join('\n');
    assert.deepEqual(implementedOf(text), ['InsightStore', 'Cache']);
  });

  it('names the type a function declares it returns, as a factory of an object that implements it', () => {
    const text = [
      'export const createSessionStore = (entity: Entity<any>): SessionStore => {',
      '  return { find, remove };',
      '};',
      'export function createAuditLog(): Types.AuditLog {',
      '  return { record: async () => {} };',
      '}',
      'const toRow = (session: Session): Row => ({ id: session.id });',
      'const total = (values: number[]) => values.length;',
    ].join('\n');
    assert.deepEqual(implementedOf(text), ['SessionStore', 'AuditLog', 'Row']);
  });

  it('names the function type a function is declared with, and the one a factory declares the function it makes has', () => {
    const text = [
      'export const insertLoan: InsertLoan = async (loan) => {',
      '  await db.insert(loan);',
      '};',
      'const countLoans: Ops.CountLoans = function (bookId) { return db.count(bookId); };',
      'export const getShelfFactory =',
      '  (deps: { db: Knex }): GetShelf =>',
      '  async (shelfId) => deps.db.first(shelfId);',
      'export const findMemberFactory = ({ db }: Deps): FindMember => (memberId) => db.first(memberId);',
      'const fakeFindMember: FindMember = async () => undefined;',
    ].join('\n');
    assert.deepEqual(implementedOf(text), ['InsertLoan', 'CountLoans', 'GetShelf', 'FindMember']);
  });

  it('leaves out the classes named as test doubles', () => {
    const text = [
      'export class FakeUserRepository implements UserRepository {}',
      'export class UserStoreMock implements UserStore {}',
      'class StubClock implements Clock {}',
      'export class MockingbirdSender implements Sender {}',
      'export class FakerSeeds implements Seeds {}',
    ].join('\n');
    assert.deepEqual(implementedOf(text), ['Sender', 'Seeds']);
  });
});

describe('ports held, by the text', () => {
  it('names the types of fields and parameter properties a class calls methods through', () => {
    const text = [
      'export class RemoveMember {',
      '  private readonly audit?: Ports.AuditLog<Entry>;',
      '  constructor(',
      '    @inject(TYPES.Members) private members: MemberRepository,',
      '    protected readonly $clock: Clock,',
      '  ) {}',
      '  async execute(id: string) {',
      '    const member = await this.members.findOne(id);',
      '    this.audit?.record(member, this.$clock!.now());',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(heldTypesOf(text), ['AuditLog', 'MemberRepository', 'Clock']);
  });

  it('leaves out fields only read or handed on, and typed parameters that are no fields', () => {
    const text = [
      'export class ActivityCreated {',
      '  constructor(public readonly activity: ActivityData, private readonly sender: Sender) {}',
      '  describe(members: MemberRepository) {',
      '    members.findOne(this.activity.id);',
      '    return send(this.sender, this.activity.title.trim());',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(heldTypesOf(text), []);
  });
});

describe('rule gates on syntax signals', () => {
  const sources = repositorySources();

  it('leave the findings and fixes of every fixture and every source file of this repository as they are', function () {
    this.timeout(120_000);
    assert.ok(sources.length > 100);
    for (const file of sources) {
      const text = fs.readFileSync(file, 'utf8');
      for (const options of OPTION_SETS) assertSameAnalysis(text, file, options);
    }
  });

  it('leave the analysis of randomly edited code as it is', function () {
    this.timeout(120_000);
    const random = randomSource(0x51a1);
    const corpus = seedsAndFixtures();
    for (let input = 0; input < 150; input++) {
      const original = pick(random, corpus);
      let text = original.text;
      for (let round = 1 + Math.floor(random() * 3); round > 0; round--) text = mutate(text, random);
      assertSameAnalysis(text, original.file, pick(random, OPTION_SETS));
    }
  });

  it('let a file through to n-plus-one when the project index declares models, whatever the file imports', () => {
    const code = 'export async function titles(posts) {\n  for (const post of posts) console.log((await post.author).name);\n}\n';
    const models = mergeProjectFacts([{ file: 'src/post', path: 'src/post.ts', models: [{ name: 'Post', orm: 'typeorm', lazy: ['author'] }], exports: [] }]);
    const options: AnalysisOptions = { ...DEFAULT_OPTIONS, project: { dependencies: new Set(), models } };
    const found = analyzeWithRules(code, 'titles.ts', options, ALL_RULES).findings.map((finding) => [finding.ruleId, code.slice(finding.start, finding.end)]);
    assert.deepEqual(found, [['n-plus-one', 'post.author']]);
    assert.deepEqual(analyzeWithRules(code, 'titles.ts', DEFAULT_OPTIONS, ALL_RULES).findings, []);
  });
});

describe('classes that call finders on a field of this', () => {
  const files: Record<string, string> = {
    '/shop/db/models.js': `const { Sequelize } = require('sequelize');\nconst sequelize = new Sequelize(process.env.DB_URL);\nexports.Product = sequelize.define('Product', {});\n`,
    '/shop/lib/store.js': `class Store {\n  constructor(model) { this.model = model; }\n  byId(id) { return this.model.findByPk(id); }\n}\nmodule.exports = Store;\n`,
    '/shop/lib/products.js': `const Store = require('./store');\nconst { Product } = require('../db/models');\nmodule.exports = new Store(Product);\n`,
    '/shop/ui/outline.js': `export class Outline {\n  constructor(nodes) { this.nodes = nodes; }\n  leaves() { return this.nodes.findAll((node) => !node.children); }\n}\n`,
    '/shop/ui/sidebar.js': `import { Outline } from './outline';\nexport const sidebarLeaves = (nodes) => new Outline(nodes).leaves();\n`,
  };
  const sources = Object.entries(files).map(([file, text]) => ({ file, signals: syntaxSignals(text, file) }));

  it('give their own facts without reaching a database by themselves', () => {
    const store = sources.find((source) => source.file === '/shop/lib/store.js')!.signals;
    assert.deepEqual([store.heldFinders, store.reachesDatabase, projectFactsReach(store)], [true, false, 'declarations']);
  });

  it('reach a database when a file that reaches one imports them, as one that hands them a model does', () => {
    const reaching = new ProjectFactsModel({ readFile: (file) => files[file] }, '/shop').reachingDatabase(sources);
    assert.deepEqual([...reaching].sort(), ['/shop/db/models.js', '/shop/lib/products.js', '/shop/lib/store.js']);
  });
});

describe("a workspace package's barrels", () => {
  it('are read when a reaching file imports them, without their importers or the files they re-export', () => {
    const root = path.join(FIXTURES_DIR, 'n-plus-one/projects/workspace-package-barrel');
    const host = { readFile: (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined) };
    const sources = fixtureFiles('n-plus-one/projects/workspace-package-barrel', []).map((file) => ({
      file,
      signals: syntaxSignals(fs.readFileSync(file, 'utf8'), file),
    }));
    const reaching = new ProjectModel(host, root).reachingDatabase(sources);
    assert.deepEqual([...reaching].map((file) => path.relative(root, file)).sort(), [
      'packages/api/src/db/knex.ts',
      'packages/api/src/exports/cron.ts',
      'packages/api/src/exports/repository.ts',
      'packages/api/src/regions/resolver.ts',
      'packages/api/src/regions/selector.ts',
      'packages/common/src/core/index.ts',
      'packages/common/src/index.ts',
    ]);
  });
});

describe('project facts gathered by syntax signals', () => {
  const projectsDir = path.join(FIXTURES_DIR, 'n-plus-one/projects');
  for (const project of fs.readdirSync(projectsDir).sort()) {
    it(`give the ${project} project the index that reading every file gives`, () => {
      const root = path.join(projectsDir, project);
      const host = { readFile: (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined) };
      const files = fixtureFiles(path.join('n-plus-one/projects', project), []).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
      const sources = files.map((source) => ({
        ...source,
        signals: syntaxSignals(source.text, source.file),
        facts: collectProjectFacts(source.text, source.file),
      }));
      const everyFile = new ProjectFactsModel(host, root);
      for (const source of sources) everyFile.setFacts(source.file, source.facts);
      // A file that neither reaches a database nor imports one that does (through files that declare something) adds nothing.
      const bySignals = new ProjectFactsModel(host, root);
      const byFile = new Map(sources.map((source) => [source.file, source]));
      const reaching = new ProjectModel(host, root).reachingDatabase(sources, (file) => byFile.get(file)?.facts !== undefined);
      for (const source of sources)
        if (projectFactsReach(source.signals) === 'declarations' || reaching.has(source.file)) bySignals.setFacts(source.file, source.facts);
      assert.deepEqual(withoutEmptyFiles(bySignals.snapshot()), withoutEmptyFiles(everyFile.snapshot()));
    });
  }
});

/** An index without the files that add nothing to a table (a test double's class, read only when every file is). */
function withoutEmptyFiles(models: ProjectModels): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(models).map(([table, byFile]) => [
      table,
      byFile && typeof byFile === 'object' && !Array.isArray(byFile)
        ? Object.fromEntries(Object.entries(byFile).filter(([, value]) => !(value && typeof value === 'object' && Object.keys(value).length === 0)))
        : byFile,
    ]),
  );
}

/** Every fixture, and the sources of this repository. */

describe('exported functions, by the text', () => {
  it('names the async functions that await nothing and return no call', () => {
    const text = [
      'export async function loadPage<T extends { slug: string }>(slug: string, options: { cache?: boolean } = {}): Promise<{ page: T } | null> {',
      '  const raw = readFileSync(`${dir}/${slug}.json`, "utf8"); // not awaited: return JSON.parse',
      '  if (!raw) return null;',
      '  return { page: JSON.parse(raw) as T };',
      '}',
      'export const heading = async (slug: string): Promise<string> => {',
      '  const title = slug.replace(/-/g, " ");',
      '  return title;',
      '};',
      'export const toEntry = async (row: Row) => ({ id: row.id, label: `${row.name} (${row.kind})` });',
      'export async function fetchPage(slug: string) {',
      '  const response = await fetch(url(slug));',
      '  return response.json();',
      '}',
      'export async function draft(slug: string) {',
      '  return fetch(url(slug));',
      '}',
      'export const later = async (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));',
      'export async function* pages() {',
      '  yield 1;',
      '}',
      'export function plain() {',
      '  return 1;',
      '}',
      'export async function label(kind: string) {',
      "  if (kind === 'a') return 'first'; // await nothing",
      '  return `${kind.toUpperCase()} kind`;',
      '}',
      'export async function started(slug: string) {',
      '  const pending = fetch(url(slug));',
      '  return pending;',
      '}',
      'export async function kept(slug: string) {',
      "  const entry = { slug, kind: 'page' };",
      '  return entry;',
      '}',
      'export async function quoted(kind: string) {',
      '  return `${await translate(kind)}`;',
      '}',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).settledAsync, ['loadPage', 'plain', 'label', 'kept', 'toEntry']);
  });

  it('names the functions without async that hand back no promise, and those a CommonJS file exports by name', () => {
    const text = [
      "const api = require('./api');",
      'function toIcs(event) {',
      "  const lines = ['BEGIN:VEVENT', `UID:${event.uid}`];",
      "  return lines.join('\\r\\n');",
      '}',
      'function remember(entry) {',
      '  cache.set(entry.id, entry);',
      '}',
      'const watch = async (account) => {',
      '  state = { ...state, accounts: [...state.accounts, account] };',
      '  return true;',
      '};',
      'function load(id) {',
      '  return api.get(`/events/${id}`);',
      '}',
      'function started(id) {',
      '  const request = api.get(`/events/${id}`);',
      '  return request;',
      '}',
      'function later(ms) {',
      '  return new Promise((resolve) => setTimeout(resolve, ms));',
      '}',
      'function hidden(entry) {',
      '  return entry.id;',
      '}',
      'module.exports = { toIcs, remember, watch, load, started, later };',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).settledAsync, ['toIcs', 'remember', 'watch']);
  });

  it('names the async functions that await only the modules they load, returning a member of one or a module-level cache of them', () => {
    const text = [
      'const loaded: Record<string, Widget> = {};',
      'const byName = new Map<string, Theme>();',
      'const pending: Record<string, Promise<Widget>> = {};',
      'export async function widgetByKey(key: string) {',
      '  if (!loaded[key]) loaded[key] = (await import(`./widgets/${key}.js`)).default;',
      '  return loaded[key]!;',
      '}',
      'export async function themeByName(name: string) {',
      '  if (!byName.has(name)) byName.set(name, await import(`./themes/${name}.js`));',
      '  return byName.get(name);',
      '}',
      'export async function parserFor(kind: string) {',
      '  const module = await import(`./parsers/${kind}.js`);',
      '  return module.default;',
      '}',
      'export async function widgetLater(key: string) {',
      '  if (!pending[key]) pending[key] = download(key);',
      '  await import(`./widgets/${key}.js`);',
      '  return pending[key];',
      '}',
      'export async function parserAndRules(kind: string) {',
      '  const module = await import(`./parsers/${kind}.js`);',
      '  return module.loadRules();',
      '}',
      'export async function parserWithManifest(kind: string) {',
      '  const module = await import(`./parsers/${kind}.js`);',
      '  await fetch(`/manifests/${kind}.json`);',
      '  return module.default;',
      '}',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).settledAsync, ['widgetByKey', 'themeByName', 'parserFor']);
  });

  it('names the functions declared to return a value, and such methods of the classes and interfaces it exports', () => {
    const text = [
      'export function ratio(done: number, total: number): number {',
      '  return done / total;',
      '}',
      'export function later(id: string): Promise<void> {',
      '  return send(id);',
      '}',
      'export function owner(id: string): User {',
      '  return users.get(id);',
      '}',
      'export interface Projector<T> {',
      '  projectSimple(item: T): Record<string, unknown>',
      '  projectMany(items: T[]): Array<{ id: string } | null>',
      '  load(id: string): Promise<T>',
      '  name: string',
      '  onChange?: (item: T) => void',
      '}',
      'export class RoleProjector implements Projector<Role> {',
      '  @Trace()',
      '  projectSimple(role: Role): Record<string, unknown> {',
      '    return { id: role.id };',
      '  }',
      '',
      '  async describe(role: Role) {',
      '    return { label: role.name };',
      '  }',
      '',
      '  async load(id: string): Promise<Role> {',
      '    return await fetchRole(id);',
      '  }',
      '',
      '  static create(): RoleProjector {',
      '    return new RoleProjector();',
      '  }',
      '',
      '  pick(value: string): string;',
      '  pick(value: number): Promise<number>;',
      '  pick(value: any): any {',
      '    return value;',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).settledAsync, [
      'ratio',
      'Projector.projectSimple',
      'Projector.projectMany',
      'RoleProjector.projectSimple',
      'RoleProjector.describe',
      'RoleProjector.create',
    ]);
  });

  it('names no method without async by its body: only a written return type makes one a value', () => {
    const text = [
      'class Catalog {',
      '  label(item) {',
      '    return item.name;',
      '  }',
      '',
      '  count(items): number {',
      '    return items.length;',
      '  }',
      '',
      '  async title(item) {',
      '    return { title: item.title };',
      '  }',
      '}',
      'module.exports = { Catalog };',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).settledAsync, ['Catalog.count', 'Catalog.title']);
  });

  it('names the methods declared to return an instance of their own type, unless the type has a then of its own', () => {
    const text = [
      'export class Tree {',
      '  static load(store: BlockStore, root: string): Tree {',
      '    return new Tree(store, root);',
      '  }',
      '',
      '  public static async fetchRoot(store: BlockStore, key: string): Promise<Tree> {',
      '    return new Tree(store, await store.get(key));',
      '  }',
      '',
      '  withLayer(layer: number): this {',
      '    this.layer = layer;',
      '    return this;',
      '  }',
      '',
      '  child(key: string): TreeNode {',
      '    return this.nodes[key];',
      '  }',
      '}',
      'export class Deferred<T> {',
      '  static of<T>(value: T): Deferred<T> {',
      '    return new Deferred(value);',
      '  }',
      '',
      '  then(resolve: (value: T) => void): void {',
      '    resolve(this.value);',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).settledAsync, ['Tree.load', 'Tree.withLayer']);
  });

  it('names such methods of the classes a CommonJS file exports by name, and of no class it keeps', () => {
    const text = [
      'class Server {',
      '  async sendRemoved(socket, id) {',
      "    this.io.to(socket.userId).emit('removed', id);",
      '  }',
      '  async sendList(socket) {',
      '    const list = await this.load(socket.userId);',
      "    this.io.to(socket.userId).emit('list', list);",
      '  }',
      '}',
      'class Helper {',
      '  async label(id) {',
      '    return { id };',
      '  }',
      '}',
      'class Counter {',
      '  async next() {',
      '    return { value: 1 };',
      '  }',
      '}',
      'module.exports = {',
      '  Server,',
      '};',
      'module.exports.Counter = Counter;',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).settledAsync, ['Server.sendRemoved', 'Counter.next']);
  });

  it('names the functions whose every return is an object or array literal without a spread', () => {
    const text = [
      'export function defaultActions(entity: Entity): Record<Kind, Action> {',
      '  const plural = `${entity.name}s`;',
      '  if (entity.system) return { [Kind.Read]: { name: plural } };',
      '  return { [Kind.Create]: { name: `create${entity.name}` }, [Kind.Read]: { name: plural } };',
      '}',
      "export const roles = (owner: boolean) => (owner ? ['owner', 'admin'] : ['member']);",
      'export const merged = (base: Options) => ({ ...base, retries: 3 });',
      'export function names(rows: Row[]) {',
      '  return rows.map((row) => row.name);',
      '}',
      'export function mapped(rows: Row[]) {',
      '  return [rows.map((row) => { return { id: row.id }; })];',
      '}',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).fixedReturns, ['defaultActions']);
  });

  it('names the async functions whose only waits add jobs to a queue and that return no call', () => {
    const text = [
      'export async function triggerJob(name: string, payload: unknown) {',
      '  const queue = getQueue(name);',
      '  const job = await queue.add(name, payload, { attempts: 3 });',
      '  return { id: job.id };',
      '}',
      'export const requestIndex = async (id: string) => {',
      "  await this.indexQueue.addBulk([{ name: 'index', data: { id } }]);",
      '};',
      'export async function addAndWait(payload: unknown) {',
      "  const job = await queue.add('run', payload);",
      '  return job.waitUntilFinished(events);',
      '}',
      'export async function addAndLoad(id: string) {',
      "  await queue.add('run', { id });",
      '  await db.user.findUnique({ where: { id } });',
      '}',
      'export async function settle(id: string) {',
      '  return { id };',
      '}',
      'export function addLater(id: string) {',
      "  return queue.add('run', { id });",
      '}',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).enqueuesOnly, ['triggerJob', 'requestIndex']);
  });

  it('knows the top-level functions that run a parameter once per element of another, by position', () => {
    const text = [
      'async function promiseMapWithLimit(concurrency, array, fn) {',
      '  const limit = pLimit(concurrency);',
      '  return Promise.all(array.map((x) => limit(() => fn(x))));',
      '}',
      'export async function mapWithConcurrency<T, R>(items: T[], limit: number, run: (item: T, index: number) => Promise<R>) {',
      '  let next = 0;',
      '  const worker = async () => { while (next < items.length) { const index = next++; await run(items[index] as T, index); } };',
      '  await Promise.all(Array.from({ length: limit }, worker));',
      '}',
      'export const inSeries = async <T,>(list: T[], step: (item: T) => Promise<void>) => {',
      '  for (const item of list) await step(item);',
      '};',
      'export function eachOf(list, visit) {',
      '  list.forEach(visit);',
      '}',
      'export async function retry(times: number, attempt: () => Promise<void>) {',
      '  for (let tried = 0; tried < times; tried++) await attempt();',
      '}',
      'export async function settleAll(tasks: Promise<void>[], onDone: (count: number) => Promise<void>) {',
      '  await Promise.allSettled(tasks.map((task) => task.catch(() => undefined)));',
      '  await onDone(tasks.length);',
      '}',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).itemCallbacks, ['promiseMapWithLimit.1:2', 'mapWithConcurrency.0:2', 'inSeries.0:1', 'eachOf.0:1']);
  });

  it('reads a parameter as a word of the body: not as a member, a longer name or text in a string', () => {
    const text = [
      'export function each$($items, $run) {',
      '  for (const item of $items ) $run(item);',
      '}',
      'export function ownField(items, fn) {',
      '  this.items.map((item) => fn(item));',
      '}',
      'export function prefixed(item, items, fn) {',
      '  items.forEach((entry) => fn(entry, item));',
      '}',
      'export async function pool(jobs, run, size) {',
      '  let next = 0;',
      '  await Promise.all(Array.from({ length: size }, async () => { while (next < jobs.length) await run( jobs [next++]); }));',
      '}',
      'export function logged(items, fn) {',
      "  log('items.map(fn)', fn);",
      '}',
      'export function split(items, fn) {',
      '  for (const item of',
      '    items',
      '  ) fn(item);',
      '}',
    ].join('\n');
    assert.deepEqual(exportedFunctionFactsOf(text).itemCallbacks, ['each$.0:1', 'prefixed.1:2', 'pool.0:1', 'split.0:1']);
  });
});
