import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyze, applyFixes } from '../src';
import { FIXTURES_DIR } from './annotations';

const FIXES_DIR = path.join(FIXTURES_DIR, 'n-plus-one/fixes');

/** Counts the queries a fake client answers. */
interface QueryLog {
  queries: number;
}

type Row = Record<string, unknown>;

/** A database column comparison: the database coerces `'2'` to `2` for an integer key. */
function sameValue(a: unknown, b: unknown): boolean {
  return String(a) === String(b);
}

function matches(row: Row, where: Row): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (condition && typeof condition === 'object' && 'in' in condition) return (condition.in as unknown[]).some((value) => sameValue(row[key], value));
    if (condition && typeof condition === 'object' && '__in' in condition) return (condition.__in as unknown[]).some((value) => sameValue(row[key], value));
    if (condition && typeof condition === 'object' && '$in' in condition) return (condition.$in as unknown[]).some((value) => sameValue(row[key], value));
    if (Array.isArray(condition)) return condition.some((value) => sameValue(row[key], value));
    return sameValue(row[key], condition);
  });
}

/** A Prisma client over in-memory tables: `findUnique`, `findFirst`, `findMany` with `where`, `select`, `include`. */
function fakePrisma(tables: Record<string, Row[]>, log: QueryLog): unknown {
  const shape = (row: Row, options: { where: Row; select?: Row; include?: Row }): Row => {
    const copy: Row = options.select ? Object.fromEntries(Object.keys(options.select).map((key) => [key, row[key]])) : { ...row };
    for (const relation of Object.keys(options.include ?? {})) copy[relation] = { of: row.id, relation };
    return copy;
  };
  const delegate = (model: string) => ({
    async findUnique(options: { where: Row; select?: Row; include?: Row }) {
      log.queries++;
      const row = tables[model]!.find((candidate) => matches(candidate, options.where));
      return row ? shape(row, options) : null;
    },
    async findFirst(options: { where: Row; select?: Row; include?: Row }) {
      log.queries++;
      const row = tables[model]!.find((candidate) => matches(candidate, options.where));
      return row ? shape(row, options) : null;
    },
    async findMany(options: { where: Row; select?: Row; include?: Row }) {
      log.queries++;
      return tables[model]!.filter((candidate) => matches(candidate, options.where)).map((row) => shape(row, options));
    },
  });
  class PrismaClient {
    constructor() {
      return new Proxy({}, { get: (_target, model) => delegate(String(model)) });
    }
  }
  return { PrismaClient };
}

/** TypeORM's `DataSource.getRepository(Entity)` with `findOneBy` and `findBy`, and `In`. */
function fakeTypeorm(tables: Record<string, Row[]>, log: QueryLog): unknown {
  class DataSource {
    getRepository(entity: { name: string }) {
      const rows = tables[entity.name]!;
      return {
        async findOneBy(where: Row) {
          log.queries++;
          const row = rows.find((candidate) => matches(candidate, where));
          return row ? { ...row } : null;
        },
        async findBy(where: Row) {
          log.queries++;
          return rows.filter((candidate) => matches(candidate, where)).map((row) => ({ ...row }));
        },
        async findOne(options: { where: Row }) {
          log.queries++;
          const row = rows.find((candidate) => matches(candidate, options.where));
          return row ? { ...row } : null;
        },
        async find(options: { where: Row }) {
          log.queries++;
          return rows.filter((candidate) => matches(candidate, options.where)).map((row) => ({ ...row }));
        },
      };
    }
  }
  return { DataSource, In: (values: unknown[]) => ({ __in: values }) };
}

/** Sequelize's own error for a missing row under `rejectOnEmpty: true`. */
class EmptyResultError extends Error {
  override name = 'SequelizeEmptyResultError';
}

/** Sequelize models with `findByPk`, `findOne`, `findAll({ where })` and `get`; `rejectOnEmpty` rejects as Sequelize does. */
function fakeSequelize(tables: Record<string, Row[]>, log: QueryLog): unknown {
  type Options = { where?: Row; rejectOnEmpty?: boolean | Error };
  const rejectIfEmpty = (rows: unknown[], options: Options | undefined): void => {
    if (rows.length > 0 || !options?.rejectOnEmpty) return;
    throw typeof options.rejectOnEmpty === 'object' ? options.rejectOnEmpty : new EmptyResultError();
  };
  class Model {
    static primaryKeyAttribute = 'id';
    static init(): void {}
    static unscoped<M>(this: M): M {
      return this;
    }
    static async findByPk(this: typeof Model, key: unknown, options?: Options) {
      if (key === null || key === undefined) return null;
      return this.findOne({ ...options, where: { id: key } });
    }
    static async findOne(this: typeof Model, options: Options) {
      log.queries++;
      const rows = tables[this.name]!.filter((candidate) => matches(candidate, options.where ?? {})).slice(0, 1);
      rejectIfEmpty(rows, options);
      return rows[0] ? new this(rows[0]) : null;
    }
    static async findAll(this: typeof Model, options: Options) {
      log.queries++;
      const rows = tables[this.name]!.filter((candidate) => matches(candidate, options.where ?? {}));
      rejectIfEmpty(rows, options);
      return rows.map((row) => new this(row));
    }
    constructor(row: Row) {
      Object.assign(this, row);
    }
    get(key: string): unknown {
      return (this as unknown as Row)[key];
    }
  }
  class Sequelize {}
  return { Model, Sequelize, EmptyResultError };
}

/** An ObjectId: equal ids are different objects that print the same. */
class FakeObjectId {
  constructor(private readonly hex: string) {}
  toString(): string {
    return this.hex;
  }
}

/** Mongoose `model(name, schema)` with `findById` and `find({ _id: { $in } })`. */
function fakeMongoose(tables: Record<string, Row[]>, log: QueryLog): unknown {
  const documentOf = (row: Row) => ({ _id: new FakeObjectId(String(row._id)), get: (key: string) => row[key] });
  return {
    Schema: class {},
    model(name: string) {
      const rows = tables[name]!;
      return {
        async findById(id: unknown) {
          log.queries++;
          const row = rows.find((candidate) => sameValue(candidate._id, id));
          return row ? documentOf(row) : null;
        },
        async find(filter: Row) {
          log.queries++;
          return rows.filter((candidate) => matches(candidate, filter)).map(documentOf);
        },
      };
    },
  };
}

/** Knex: `knex(table)` with `where(column, value)` or `where({ column: value })`, `first()`, and `whereIn`; a query runs when awaited. */
function fakeKnex(tables: Record<string, Row[]>, log: QueryLog): unknown {
  return () => (table: string) => {
    let filter: (row: Row) => boolean = () => true;
    let single = false;
    const builder = {
      where(column: string | Row, value?: unknown) {
        filter = typeof column === 'string' ? (row) => sameValue(row[column], value) : (row) => matches(row, column);
        return builder;
      },
      whereIn(column: string, values: unknown[]) {
        filter = (row) => values.some((value) => sameValue(row[column], value));
        return builder;
      },
      first() {
        single = true;
        return builder;
      },
      then(resolve: (rows: unknown) => void) {
        log.queries++;
        const rows = tables[table]!.filter(filter).map((row) => ({ ...row }));
        resolve(single ? rows[0] : rows);
      },
    };
    return builder;
  };
}

/** Drizzle's relational queries over a schema of tables whose columns name themselves: `findFirst`/`findMany` with `eq` and `inArray`. */
function fakeDrizzle(tables: Record<string, Row[]>, log: QueryLog): Record<string, unknown> {
  type Condition = { column: string; equals?: unknown; among?: unknown[] };
  const holds = (row: Row, where: Condition): boolean =>
    where.among ? where.among.some((value) => sameValue(row[where.column], value)) : sameValue(row[where.column], where.equals);
  const schema = Object.fromEntries(Object.keys(tables).map((name) => [name, new Proxy({}, { get: (_target, column) => ({ column: String(column) }) })]));
  return {
    'drizzle-orm': {
      eq: (column: { column: string }, value: unknown): Condition => ({ column: column.column, equals: value }),
      inArray: (column: { column: string }, values: unknown[]): Condition => ({ column: column.column, among: values }),
    },
    'drizzle-orm/node-postgres': {
      drizzle: () => ({
        query: Object.fromEntries(
          Object.keys(tables).map((name) => [
            name,
            {
              async findFirst(options: { where: Condition }) {
                log.queries++;
                const row = tables[name]!.find((candidate) => holds(candidate, options.where));
                return row ? { ...row } : undefined;
              },
              async findMany(options: { where: Condition }) {
                log.queries++;
                return tables[name]!.filter((candidate) => holds(candidate, options.where)).map((row) => ({ ...row }));
              },
            },
          ]),
        ),
      }),
    },
    pg: { Pool: class {} },
    './schema': schema,
  };
}

/** Runs a fixture program's `main` against fake modules; returns what it returned and printed, and how many queries it made. */
async function runProgram(source: string, fileName: string, modules: (log: QueryLog) => Record<string, unknown>, args: unknown[]) {
  const javascript = ts.transpileModule(source, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const log: QueryLog = { queries: 0 };
  const fakes = modules(log);
  const printed: string[] = [];
  const module = { exports: {} as { main: (...args: unknown[]) => Promise<unknown> } };
  const load = (name: string): unknown => {
    if (!(name in fakes)) throw new Error(`the program requires ${name}`);
    return fakes[name];
  };
  const console = { log: (...values: unknown[]) => printed.push(values.map(String).join(' ')) };
  new Function('require', 'module', 'exports', 'console', javascript)(load, module, module.exports, console);
  const result = JSON.stringify(await module.exports.main(...args));
  return { result, printed, queries: log.queries };
}

/** The input with every n-plus-one fix applied. */
function fixed(input: string, fileName: string): string {
  const fixes = analyze(input, fileName).findings.flatMap((finding) => (finding.ruleId === 'n-plus-one' && finding.fix ? [finding.fix] : []));
  assert.ok(fixes.length > 0, 'the fixture offers a fix');
  return applyFixes(input, fixes).text;
}

const ORDERS = [
  { id: 10, customerId: 2 },
  { id: 11, customerId: 1 },
  { id: 12, customerId: 99 },
  { id: 13, customerId: 2 },
];
const CUSTOMERS = [
  { id: 2, name: 'Grace' },
  { id: 1, name: 'Ada' },
];

const CASES: Array<{ name: string; modules: (log: QueryLog) => Record<string, unknown>; args: () => unknown[]; queries: [number, number] }> = [
  { name: 'prisma-for-of.input.ts', modules: (log) => ({ '@prisma/client': fakePrisma({ customer: CUSTOMERS }, log) }), args: () => [ORDERS], queries: [4, 1] },
  {
    name: 'prisma-promise-all.input.ts',
    modules: (log) => ({ '@prisma/client': fakePrisma({ user: CUSTOMERS }, log) }),
    args: () => [[1, 2, 3, 1]],
    queries: [4, 1],
  },
  {
    name: 'prisma-loop-body.input.ts',
    modules: (log) => ({
      '@prisma/client': fakePrisma(
        {
          recipient: [
            { id: 1, name: 'Ada', envelopeId: 7 },
            { id: 2, name: 'Grace', envelopeId: 8 },
            { id: 3, name: 'Lin', envelopeId: 7 },
          ],
          user: CUSTOMERS,
        },
        log,
      ),
    }),
    args: () => [
      7,
      [
        { recipientId: '3', page: 1, label: 'sign' },
        { recipientId: '2', page: 2 },
        { recipientId: '9', page: 0 },
        { recipientId: '1', page: 3 },
      ],
      [{ userId: 2 }, { userId: null }, { userId: 1 }, { userId: 2 }, { userId: 5 }],
    ],
    queries: [10, 3],
  },
  { name: 'typeorm-find-one-by.input.ts', modules: (log) => ({ typeorm: fakeTypeorm({ Customer: CUSTOMERS }, log) }), args: () => [ORDERS], queries: [4, 1] },
  {
    name: 'sequelize-find-by-pk.input.js',
    modules: (log) => ({
      sequelize: fakeSequelize(
        {
          Customer: CUSTOMERS,
          Order: [
            ...ORDERS.map((order) => ({ ...order, status: 'open' })),
            { id: 14, customerId: '1', status: 'open' },
            { id: 15, customerId: null, status: 'open' },
          ],
        },
        log,
      ),
    }),
    args: () => [],
    queries: [6, 2],
  },
  {
    name: 'sequelize-callback.input.js',
    modules: (log) => ({
      sequelize: fakeSequelize(
        {
          Document: [
            { id: 1, teamId: 't', state: 'published', title: 'One' },
            { id: 2, teamId: 't', state: 'draft', title: 'Two' },
            { id: 3, teamId: 'u', state: 'published', title: 'Three' },
          ],
          User: [
            { id: 1, name: 'Ada', active: true },
            { id: 2, name: 'Grace', active: false },
          ],
        },
        log,
      ),
    }),
    args: () => [
      {
        data: { links: [{ documentId: 1 }, { documentId: 3 }, { documentId: 2 }, { documentId: 1 }, { documentId: '1' }, { documentId: 9 }] },
        mentions: [{ userId: 1 }, { userId: 2 }, { userId: 1 }, { userId: 7 }, { userId: 2 }],
      },
      't',
      { id: 'transaction' },
    ],
    queries: [10, 2],
  },
  {
    name: 'typeorm-index-loop.input.ts',
    modules: (log) => ({
      typeorm: fakeTypeorm(
        {
          Customer: [
            { id: 2, name: 'Grace', region: 'eu' },
            { id: 1, name: 'Ada', region: 'us' },
            { id: 3, name: 'Lin', region: 'eu' },
          ],
        },
        log,
      ),
    }),
    args: () => [
      [
        { id: 10, customerId: 2 },
        { id: 11, customerId: null },
        { id: 12, customerId: 1 },
        { id: 13, customerId: 3 },
        { id: 14, customerId: 2 },
      ],
      'eu',
    ],
    queries: [4, 1],
  },
  {
    name: 'mongoose-conditional.input.ts',
    modules: (log) => ({
      mongoose: fakeMongoose(
        {
          Author: [
            { _id: 'b2', name: 'Grace' },
            { _id: 'a1', name: 'Ada' },
          ],
        },
        log,
      ),
    }),
    args: () => [
      [
        { title: 'One', author: new FakeObjectId('a1') },
        { title: 'Two' },
        { title: 'Three', author: new FakeObjectId('zz') },
        { title: 'Four', author: 'b2' },
        { title: 'Five', author: null },
      ],
    ],
    queries: [3, 1],
  },
  {
    name: 'knex-computed-items.input.js',
    modules: (log) => ({ knex: fakeKnex({ customers: CUSTOMERS }, log) }),
    args: () => [
      [
        { id: 10, customerId: 2, open: true },
        { id: 11, customerId: 1, open: false },
        { id: 12, customerId: null, open: true },
        { id: 13, customerId: 99, open: true },
        { id: 14, customerId: 1, open: true },
      ],
    ],
    queries: [3, 1],
  },
  {
    name: 'drizzle-guard.input.ts',
    modules: (log) => fakeDrizzle({ customers: CUSTOMERS }, log),
    args: () => [[...ORDERS, { id: 14, customerId: 1 }, { id: 15, customerId: 7 }], new Set([7])],
    queries: [3, 1],
  },
  {
    name: 'typeorm-get-repository.input.ts',
    modules: (log) => ({ typeorm: fakeTypeorm({ Customer: CUSTOMERS }, log) }),
    args: () => [ORDERS],
    queries: [4, 1],
  },
  {
    name: 'sequelize-unscoped.input.js',
    modules: (log) => ({
      sequelize: fakeSequelize(
        {
          Customer: [
            { id: 2, name: 'Grace', teamId: 't1' },
            { id: 1, name: 'Ada', teamId: 't2' },
            { id: 3, name: 'Alan', teamId: 't1' },
          ],
        },
        log,
      ),
    }),
    args: () => [[...ORDERS, { id: 14, customerId: 3 }, { id: 15, customerId: 1 }], 't1'],
    queries: [6, 1],
  },
  {
    name: 'sequelize-reject-on-empty.input.ts',
    modules: (log) => ({ sequelize: fakeSequelize({ Customer: CUSTOMERS }, log) }),
    args: () => [
      [
        { id: 10, customerId: 2 },
        { id: 11, customerId: null },
        { id: 12, customerId: 1 },
        { id: 13, customerId: 99 },
        { id: 14, customerId: 1 },
      ],
    ],
    queries: [3, 1],
  },
  {
    name: 'sequelize-reject-custom.input.js',
    modules: (log) => ({ sequelize: fakeSequelize({ Customer: CUSTOMERS }, log), './errors': { NotFoundError: class NotFoundError extends Error {} } }),
    args: () => [
      [
        { id: 10, customerId: 2 },
        { id: 12, customerId: 1 },
        { id: 13, customerId: 99 },
        { id: 14, customerId: 1 },
      ],
    ],
    queries: [3, 1],
  },
  { name: 'knex-first.input.js', modules: (log) => ({ knex: fakeKnex({ customers: CUSTOMERS }, log) }), args: () => [ORDERS], queries: [4, 1] },
  {
    name: 'drizzle-find-first.input.ts',
    modules: (log) => fakeDrizzle({ customers: CUSTOMERS }, log),
    args: () => [[...ORDERS, { id: 14, customerId: '1' }]],
    queries: [5, 1],
  },
  {
    name: 'mongoose-find-by-id.input.ts',
    modules: (log) => ({
      mongoose: fakeMongoose(
        {
          Author: [
            { _id: 'b2', name: 'Grace' },
            { _id: 'a1', name: 'Ada' },
          ],
        },
        log,
      ),
    }),
    args: () => [
      [
        { title: 'One', author: new FakeObjectId('a1') },
        { title: 'Two', author: new FakeObjectId('zz') },
        { title: 'Three', author: new FakeObjectId('a1') },
        { title: 'Four', author: 'b2' },
      ],
    ],
    queries: [4, 1],
  },
];

describe('n-plus-one fix: one batched query and a Map', () => {
  for (const { name, modules, args, queries } of CASES) {
    describe(name.replace(/\.input\.\w+$/, ''), () => {
      const inputFile = path.join(FIXES_DIR, name);
      const outputFile = inputFile.replace('.input.', '.output.');
      const input = fs.readFileSync(inputFile, 'utf8');
      const expected = fs.readFileSync(outputFile, 'utf8');

      it('writes the expected text, which parses and has no n-plus-one left', () => {
        const output = fixed(input, inputFile);
        assert.equal(output, expected);
        const result = analyze(output, outputFile);
        assert.equal(result.error, undefined);
        assert.deepEqual(
          result.findings.filter((finding) => finding.ruleId === 'n-plus-one'),
          [],
        );
      });

      it(`returns and prints the same with ${queries[1]} queries instead of ${queries[0]}`, async () => {
        const before = await runProgram(input, inputFile, modules, args());
        const after = await runProgram(expected, outputFile, modules, args());
        assert.deepEqual({ result: after.result, printed: after.printed }, { result: before.result, printed: before.printed });
        assert.deepEqual([before.queries, after.queries], queries);
        if (name.includes('reject')) assert.match(before.result, /"\d+: \w+","stopped: \w+ /, 'the program stops at a missing row after the rows before it');
      });
    });
  }
});

/** The fix of the only n-plus-one finding on a `find…` look-up in a snippet, or undefined. */
function fixOf(code: string, fileName = 'example.ts') {
  const findings = analyze(code, fileName).findings.filter(
    (finding) => finding.ruleId === 'n-plus-one' && /\.find\w*$/.test(code.slice(finding.start, finding.end)),
  );
  assert.equal(findings.length, 1, 'one n-plus-one finding on a look-up');
  return findings[0]!.fix;
}

const PRISMA = "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\n";

describe('n-plus-one fix: offered only where it keeps the results', () => {
  /** A loop body that looks up a user by `lookup` and prints it. */
  const loop = (lookup: string, before = '', after = ''): string =>
    `${PRISMA}export async function f(ids: number[]) {\n  for (const id of ids) {\n    ${before}const user = await prisma.user.${lookup};\n    ${after}console.log(user);\n  }\n}\n`;

  it('is offered on request, not applied by --fix', () => {
    assert.equal(fixOf(loop('findUnique({ where: { id } })'))?.safe, false);
  });

  const refused: Array<[string, string, string?, string?]> = [
    ['findFirst by a column that need not be unique', 'findFirst({ where: { authorId: id } })'],
    ['a select without the key', 'findUnique({ where: { id }, select: { name: true } })'],
    ['other where clauses that differ per item', 'findUnique({ where: { id, teamId: id } })'],
    ['options beyond where, select and include', 'findUnique({ where: { id }, rejectOnNotFound: true })'],
    ['a key computed in the loop by a call', 'findUnique({ where: { id: key } })', 'const key = nextKey(id);\n    '],
    ['a key the loop changes', 'findUnique({ where: { id: key } })', 'let key = id;\n    key++;\n    '],
    ['a loop that writes the table it reads', 'findUnique({ where: { id } })', '', 'await prisma.user.update({ where: { id }, data: { seen: true } });\n    '],
    ['a row method that changes the row', 'findUnique({ where: { id } })', '', 'user?.set({ seen: true });\n    '],
    ['a lookup behind a condition that awaits', 'findUnique({ where: { id } })', 'if (!(await allowed(id))) continue;\n    '],
    ['a row the loop changes', 'findUnique({ where: { id } })', '', 'if (user) user.name = "x";\n    '],
    ['a loop body that uses the collection itself', 'findUnique({ where: { id } })', 'console.log(ids.indexOf(id));\n    '],
    ['findUniqueOrThrow, which throws for a missing row', 'findUniqueOrThrow({ where: { id } })'],
  ];
  for (const [what, lookup, before, after] of refused) {
    it(`not for ${what}`, () => {
      assert.equal(fixOf(loop(lookup, before, after)), undefined);
    });
  }

  it('offered where the row is read through its methods and another table is written', () => {
    const fix = fixOf(loop('findUnique({ where: { id } })', '', 'if (user?.isActive()) await prisma.auditLog.create({ data: { userId: id } });\n    '));
    assert.equal(fix?.safe, false);
  });

  it('not where the model class declares its own finder', () => {
    const code = (finder: string): string =>
      `const { Model } = require('sequelize');\nclass Doc extends Model {\n${finder}}\nasync function f(ids) {\n  const out = [];\n  for (const id of ids) out.push(await Doc.findByPk(id));\n  return out;\n}\nmodule.exports = { f };\n`;
    assert.equal(fixOf(code('  static async findByPk(id) { return super.findByPk(id); }\n'), 'docs.js'), undefined);
    assert.equal(fixOf(code(''), 'docs.js')?.safe, false);
  });

  it('with rejectOnEmpty only where the error it throws is known', () => {
    const code = (option: string): string =>
      `const { Model } = require('sequelize');\nclass Doc extends Model {}\nasync function f(ids, NotFound) {\n  const out = [];\n  for (const id of ids) out.push(await Doc.findByPk(id, { rejectOnEmpty: ${option} }));\n  return out;\n}\nmodule.exports = { f };\n`;
    assert.equal(fixOf(code('true'), 'docs.js')?.safe, false);
    assert.equal(fixOf(code("new Error('gone')"), 'docs.js')?.safe, false);
    // A name may hold a class, which Sequelize constructs, or an error, which it throws as it is.
    assert.equal(fixOf(code('NotFound'), 'docs.js'), undefined);
    assert.equal(fixOf(code('makeError(id)'), 'docs.js'), undefined);
  });

  it('through a model accessor only when its arguments are the same for every item', () => {
    const code = (receiver: string): string =>
      `const { Model } = require('sequelize');\nclass Doc extends Model {}\nasync function f(items, scopeName) {\n  const out = [];\n  for (const item of items) out.push(await ${receiver}.findOne({ where: { id: item.id } }));\n  return out;\n}\nmodule.exports = { f };\n`;
    assert.equal(fixOf(code("Doc.scope('active')"), 'docs.js')?.safe, false);
    assert.equal(fixOf(code('Doc.scope(scopeName)'), 'docs.js')?.safe, false);
    assert.equal(fixOf(code('Doc.scope(item.scope)'), 'docs.js'), undefined);
    assert.equal(fixOf(code('Doc.scope(nextScope())'), 'docs.js'), undefined);
  });

  it('not for an unawaited query', () => {
    assert.equal(
      fixOf(
        `${PRISMA}export async function f(ids: number[]) {\n  for (const id of ids) void prisma.user.findUnique({ where: { id } }).then(console.log);\n}\n`,
      ),
      undefined,
    );
  });

  it('not over a collection that may be a one-shot iterator', () => {
    assert.equal(fixOf(loop('findUnique({ where: { id } })').replace('ids: number[]', 'ids: Iterable<number>')), undefined);
  });

  it('not in a loop that is the unbraced body of an if', () => {
    assert.equal(fixOf(loop('findUnique({ where: { id } })').replace('  for (', '  if (ids.length > 1) for (')), undefined);
  });
});
