import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, collectProjectFacts, DEFAULT_OPTIONS, LineIndex, mergeProjectFacts, type AnalysisOptions, type Finding } from '../src';
import { nPlusOne } from '../src/rules/n-plus-one';
import { declaresNoFindings, expectedFindings, FIXTURES_DIR, toExpected } from './annotations';
import { loadProject as loadFixtureProject } from './projects';

const ONLY_THIS_RULE: AnalysisOptions = {
  ...DEFAULT_OPTIONS,
  rules: { 'await-in-loop': 'off', 'sync-io-in-async': 'off', 'unbounded-promise-all': 'off' },
};

function findings(code: string, fileName = 'example.ts', options: AnalysisOptions = ONLY_THIS_RULE): Finding[] {
  const result = analyze(code, fileName, options);
  assert.equal(result.error, undefined);
  return result.findings;
}

/** The findings of the code as [line, column, message], the line and column counted from 1. */
function located(code: string, options: AnalysisOptions = ONLY_THIS_RULE): Array<[number, number, string]> {
  return findings(code, 'example.ts', options).map((finding) => {
    const before = code.slice(0, finding.start).split('\n');
    return [before.length, before.at(-1)!.length + 1, finding.message];
  });
}

/** Checks the annotated code's findings, positions included. */
function assertAnnotated(code: string, fileName = 'example.ts', options: AnalysisOptions = ONLY_THIS_RULE): void {
  assert.deepEqual(toExpected(code, findings(code, fileName, options)), expectedFindings(code));
}

describe('n-plus-one', () => {
  it('is registered under its file name', () => {
    assert.equal(nPlusOne.meta.id, 'n-plus-one');
  });

  it('reports a Prisma query in Promise.all(ids.map(...)) and names the batched form', () => {
    const code = [
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      'export const load = (ids: string[]) => Promise.all(ids.map((id) => prisma.user.findUnique({ where: { id } })));',
      '//                                                                 ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one',
    ].join('\n');
    assertAnnotated(code);
    const [finding] = findings(code);
    assert.equal(finding!.messageId, 'query');
    assert.equal(
      finding!.message,
      'prisma.user.findUnique runs one Prisma query per item of this loop (N+1 queries). Load them in one query: prisma.user.findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
    );
  });

  it("reports a query per row a query returned, whatever the rows are named; a list of the application's own plugins stays ordered work", () => {
    assertAnnotated(`import { readdir } from 'node:fs/promises';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function outdated(resourceId: string, plugins: Array<{ id: string }>) {
  const pluginInstallations = await prisma.pluginInstallation.findMany({ where: { resourceId } });
  for (const pluginInstallation of pluginInstallations) {
    await prisma.buildPlugin.findFirst({ where: { installationId: pluginInstallation.id } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  for (const plugin of plugins) {
    await prisma.buildPlugin.findFirst({ where: { installationId: plugin.id } });
  }
  const migrationFiles = await readdir('migrations');
  for (const migration of migrationFiles) {
    await prisma.migrationRecord.create({ data: { name: migration } });
  }
}
`);
  });

  it('takes the type a list is declared with, and ids of things, over ordered-work names', () => {
    assertAnnotated(`import { PrismaClient, type Prisma } from '@prisma/client';
const prisma = new PrismaClient();
interface BuildHook { run(): Promise<void> }
export async function installPlugins(resourceId: string, plugins: Prisma.PluginInstallationCreateInput[], hooks: BuildHook[]) {
  for (const plugin of plugins) {
    await prisma.pluginInstallation.create({ data: { ...plugin, resourceId } });
//        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  for (const hook of hooks) {
    await prisma.buildLog.create({ data: { resourceId, message: String(hook) } });
  }
}
export async function repositorySettings(pluginVersions: Array<{ pluginRepositoryResourceId: string }>) {
  const uniqueResourceIds = Array.from(new Set(pluginVersions.map((version) => version.pluginRepositoryResourceId)));
  const settings = [];
  for (const pluginRepositoryResourceId of uniqueResourceIds) {
    settings.push(await prisma.resource.findUnique({ where: { id: pluginRepositoryResourceId } }));
//                      ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  for (const plugin of pluginVersions) {
    await prisma.buildLog.create({ data: { message: plugin.pluginRepositoryResourceId } });
//        ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return settings;
}
`);
  });

  it("advises Objection's batched form of the step a relation or model query ends in", () => {
    const code = `const { Model } = require('objection');
class Group extends Model {}
async function sync(user, groupIds, tagIds, rows, names) {
  for (const id of groupIds) await user.$relatedQuery('groups').unrelate().where('groupId', id);
  for (const id of tagIds) await user.$relatedQuery('tags').relate(id);
  for (const row of rows) await Group.query().insert(row);
  for (const row of rows) await Group.query().patch({ name: row.name }).where('id', row.id);
  for (const id of groupIds) await Group.query().deleteById(id);
  for (const name of names) await user.$relatedQuery('groups').where('name', name);
}
module.exports = { sync };
`;
    assert.deepEqual(
      findings(code, 'sync.js').map((finding) => `${finding.messageId}: ${finding.message.split('. ').slice(1).join('. ')}`),
      [
        "write: Unrelate them in one statement: unrelate().whereIn('column', ids).",
        'write: Relate them in one call: relate(ids) with the array of ids (PostgreSQL), or insert the join rows in one statement.',
        'write: Insert them in one statement: query().insert(rows) with the array of rows (PostgreSQL), or insertGraph(rows).',
        "write: Update them in one statement: query().patch(changes).whereIn('id', ids), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.",
        "write: Delete them in one statement: query().delete().whereIn('id', ids).",
        'relation: Load the relation with withGraphFetched on the query that loaded the items, or fetch all rows with one whereIn query.',
      ],
    );
  });

  it('reports a query per item of a chunk, with the batched form per chunk, and not a query per chunk', () => {
    const code = [
      "import { PrismaClient } from '@prisma/client';",
      "import { chunk } from 'lodash';",
      'const prisma = new PrismaClient();',
      'export async function load(ids: string[]) {',
      '  for (const batch of chunk(ids, 100)) await Promise.all(batch.map((id) => prisma.user.findUnique({ where: { id } })));',
      '//                                                                         ^^^^^^^^^^^^^^^^^^^^^^ n-plus-one',
      '  for (const batch of chunk(ids, 100)) await prisma.user.updateMany({ where: { id: { in: batch } }, data: { seen: true } });',
      '  await Promise.all(chunk(ids, 100).map((batch) => prisma.user.deleteMany({ where: { id: { in: batch } } })));',
      '}',
    ].join('\n');
    assertAnnotated(code);
    assert.deepEqual(
      findings(code).map((finding) => finding.message),
      [
        'prisma.user.findUnique runs one Prisma query per item of this loop (N+1 queries). Load them in one query: prisma.user.findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items. Chunks bound how many run at once, not how many run: one per chunk.',
      ],
    );
    // The same chunks under all rules: one problem, one finding.
    assert.deepEqual(
      analyze(code, 'example.ts').findings.map((finding) => finding.ruleId),
      ['n-plus-one'],
    );
  });

  it('reports queries of a client required in CommonJS', () => {
    assertAnnotated(
      [
        "const { Pool } = require('pg');",
        'const pool = new Pool();',
        'async function names(ids) {',
        '  const out = [];',
        '  for (const id of ids) out.push(await pool.query("SELECT name FROM t WHERE id = $1", [id]));',
        '//                                     ^^^^^^^^^^ n-plus-one',
        '  return out;',
        '}',
      ].join('\n'),
      'names.js',
    );
  });

  it('does not report a same-named method of an unrelated object', () => {
    const code = ['const pool = { query: (sql: string) => sql };', "export const run = (ids: string[]) => ids.map((id) => pool.query('SELECT ' + id));"].join(
      '\n',
    );
    assert.deepEqual(findings(code), []);
  });

  it('does not report a query before the loop, or a loop over a literal list', () => {
    const code = [
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      'export async function seed() {',
      '  const all = await prisma.user.findMany();',
      '  for (const user of all) console.log(user);',
      "  for (const name of ['a', 'b']) await prisma.role.create({ data: { name } });",
      '}',
    ].join('\n');
    assert.deepEqual(findings(code), []);
  });

  it('does not report offset pagination that the loop advances', () => {
    const code = [
      "import knex from 'knex';",
      "const db = knex({ client: 'pg' });",
      'export async function all() {',
      '  const rows = [];',
      '  for (let offset = 0; ; offset += 100) {',
      "    const page = await db('users').offset(offset).limit(100);",
      '    if (page.length === 0) break;',
      '    rows.push(...page);',
      '  }',
      '  return rows;',
      '}',
    ].join('\n');
    assert.deepEqual(findings(code), []);
  });

  it('reports a counter-indexed lookup in a for loop', () => {
    assertAnnotated(
      [
        "import knex from 'knex';",
        "const db = knex({ client: 'pg' });",
        'export async function names(ids: number[]) {',
        '  const rows = [];',
        "  for (let i = 0; i < ids.length; i++) rows.push(await db('users').where('id', ids[i]).first());",
        '//                                                     ^^ n-plus-one',
        '  return rows;',
        '}',
      ].join('\n'),
    );
  });

  it('names a function that checks and then writes by its write', () => {
    const code = [
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      'async function addTag(name: string) {',
      '  const taken = await prisma.tag.count({ where: { name } });',
      "  if (taken > 0) throw new Error('taken');",
      '  return prisma.tag.create({ data: { name } });',
      '}',
      'export async function addTags(names: string[]) {',
      '  for (const name of names) await addTag(name);',
      '//                                ^^^^^^ n-plus-one',
      '}',
    ].join('\n');
    assertAnnotated(code);
    assert.equal(
      findings(code)[0]!.message,
      'addTag() runs a write (prisma.tag.create, line 6) per item of this loop (N+1). Create them in one statement: createMany({ data: rows }).',
    );
  });

  it('advises a form of the whole method for one that writes several times per call, not the batch of its first write', () => {
    const code = [
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      'async function createField(entityId: string, name: string) {',
      '  const field = await prisma.field.create({ data: { entityId, name } });',
      '  await prisma.fieldVersion.create({ data: { fieldId: field.id, version: 1 } });',
      '  return field;',
      '}',
      'export async function createFields(entityId: string, names: string[]) {',
      '  for (const name of names) await createField(entityId, name);',
      '//                                ^^^^^^^^^^^ n-plus-one',
      '}',
    ].join('\n');
    assertAnnotated(code);
    assert.equal(
      findings(code)[0]!.message,
      'createField() runs a write (prisma.field.create, line 4) per item of this loop (N+1). Give createField a form that takes all the items and runs each of its statements once for them all.',
    );
  });

  it('names a function that reads what its write uses as a read and a write, and advises a form of the whole function', () => {
    assert.deepEqual(projectMessages('drizzle-service-helpers', 'notes.ts'), [
      [
        'noteMonitor',
        'noteMonitor() runs a read and a write (db.insert, repo.ts:12) per item of this loop (N+1). Give noteMonitor a form that takes all the items and runs each of its statements once for them all.',
      ],
    ]);
  });

  it("follows Kysely's transaction().execute callback into the function that opens one per item", () => {
    assert.deepEqual(projectMessages('kysely-transaction-callees', 'compact.ts'), [
      [
        'foldRevisions',
        "foldRevisions() runs a write (trx.updateTable, revisions.ts:7) per item of this loop (N+1). Update them in one statement with where('id', 'in', ids), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.",
      ],
    ]);
  });

  it("names a query builder run on a repository the project's store hands out, per parent and per item", () => {
    assert.deepEqual(
      projectMessages('typeorm-loop-shapes', 'shelf.resolver.ts').map(([code, message]) => [code, message.split('. ')[0]]),
      [
        ['this.shelfBooks.booksOnShelf', 'shelfBooks.booksOnShelf() runs a query per Shelf: GraphQL calls this books resolver once per parent (N+1)'],
        ['shelfBooks.booksOnShelf', 'shelfBooks.booksOnShelf() runs a query (Book.createQueryBuilder, shelf-books.service.ts:11) per item of this loop (N+1)'],
      ],
    );
  });

  it('reads SQL that Drizzle executes by its statement, after its common table expressions', () => {
    const code = `import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
const db = drizzle(process.env.DATABASE_URL!);
export async function renumber(columnIds: string[]) {
  for (const columnId of columnIds) {
    await db.execute(sql\`
      WITH ranked AS (SELECT id, ROW_NUMBER() OVER (ORDER BY position, id) - 1 AS slot FROM task WHERE column_id = \${columnId})
      UPDATE task t SET position = r.slot FROM ranked r WHERE t.id = r.id\`);
  }
}
export async function archive(taskIds: string[]) {
  for (const taskId of taskIds) await db.execute(sql\`UPDATE task SET archived = true WHERE id = \${taskId}\`);
}
export async function purge(taskIds: string[]) {
  for (const taskId of taskIds) await db.execute(sql\`WITH gone AS (DELETE FROM task WHERE id = \${taskId} RETURNING id) SELECT count(*) FROM gone\`);
}
export async function counts(columnIds: string[]) {
  for (const columnId of columnIds) await db.execute(sql\`WITH open AS (SELECT id FROM task WHERE column_id = \${columnId}) SELECT count(*) FROM open\`);
}
`;
    assert.deepEqual(
      located(code).map(([line, , message]) => [line, message]),
      [
        [
          6,
          "db.execute runs one Drizzle write per item of this loop (N+1 statements). Its window function numbers the rows of one item: update every item's rows in one statement, with PARTITION BY the item's column in OVER (…) and that column IN the items' values.",
        ],
        [
          12,
          'db.execute runs one Drizzle write per item of this loop (N+1 statements). Update them in one statement: UPDATE … WHERE ${inArray(table.id, ids)}, or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.',
        ],
        [
          15,
          'db.execute runs one Drizzle write per item of this loop (N+1 statements). Delete them in one statement: DELETE … WHERE ${inArray(table.id, ids)}.',
        ],
        [
          18,
          'db.execute runs one Drizzle query per item of this loop (N+1 queries). Load them in one query with inArray(column, ids), or load relations with with in db.query.',
        ],
      ],
    );
  });

  it('advises the batch of the statement itself when the loop hands the statements to the function in a callback', () => {
    assert.deepEqual(projectMessages('prisma-workspace-package', 'save-settings.ts'), [
      [
        '$transaction',
        '$transaction() runs a write (tx.setting.upsert, line 9) per item of this loop (N+1). Write them in two statements: createMany({ data, skipDuplicates: true }) for the new rows and updateMany for the rest, or send the upserts as one $transaction([...]).',
      ],
    ]);
  });

  it('names and marks the query in a callback handed to a wrapper, and the wrapper where it runs the query itself', () => {
    const code = `import { drizzle } from 'drizzle-orm/node-postgres';
import { eq } from 'drizzle-orm';
import { sessions } from './schema';
const db = drizzle(process.env.DATABASE_URL!);
async function withAuditEntry<T>(action: string, run: () => Promise<T>): Promise<T> {
  console.info(action);
  return run();
}
async function closeSession(id: string) {
  await db.update(sessions).set({ closedAt: new Date() }).where(eq(sessions.id, id));
}
export async function finishAll(ids: string[]) {
  for (const id of ids) {
    await withAuditEntry('session.finish', async () => {
      await db.update(sessions).set({ finishedAt: new Date() }).where(eq(sessions.id, id));
//          ^^^^^^^^^ n-plus-one
    });
  }
  for (const id of ids) {
    await withAuditEntry('session.close', () => closeSession(id));
//                                              ^^^^^^^^^^^^ n-plus-one
  }
}
`;
    assertAnnotated(code);
    assert.deepEqual(
      findings(code).map((finding) => [finding.messageId, finding.message]),
      [
        ['write', 'db.update runs one Drizzle write per item of this loop (N+1 statements). Update them in one statement with where(inArray(table.id, ids)).'],
        [
          'write',
          'closeSession runs one Drizzle write per item of this loop (N+1 statements). Update them in one statement with where(inArray(table.id, ids)), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.',
        ],
      ],
    );
  });

  it('names the repository of a chain by its entity, without the call that gets it', () => {
    const code = [
      "import { DataSource } from 'typeorm';",
      "import { OrderLine } from './order-line.entity';",
      'export class OrderModifier {',
      '  constructor(private readonly dataSource: DataSource) {}',
      '  private async saveLine(line: OrderLine) {',
      '    const existing = await this.dataSource.getRepository(OrderLine).findOneBy({ id: line.id });',
      '    return this.dataSource.getRepository(OrderLine).save({ ...existing, ...line });',
      '  }',
      '  async saveLines(lines: OrderLine[]) {',
      '    for (const line of lines) await this.saveLine(line);',
      '//                                  ^^^^^^^^^^^^^ n-plus-one',
      '  }',
      '}',
    ].join('\n');
    assertAnnotated(code);
    assert.equal(findings(code)[0]!.message.split('. ')[0], 'this.saveLine() runs a write (OrderLine.save, line 7) per item of this loop (N+1)');
  });

  it('leaves one-off scripts alone, and reports the same loop in a module', () => {
    const code = [
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      'export async function backfillSlugs(ids: string[]) {',
      '  for (const id of ids) await prisma.post.update({ where: { id }, data: { slug: id.toLowerCase() } });',
      '}',
    ].join('\n');
    assert.deepEqual(findings(code, 'scripts/backfill-slugs.ts'), []);
    assert.deepEqual(
      findings(code, 'src/posts/backfill-slugs.ts').map((finding) => finding.ruleId),
      ['n-plus-one'],
    );
  });

  it('leaves a module only migrations and scripts import alone, and reports it where another file imports it too', () => {
    const code = [
      "import knex from 'knex';",
      "const db = knex({ client: 'pg' });",
      'export async function grantToRoles(roleIds: string[], permissionId: string) {',
      "  for (const roleId of roleIds) await db('role_permissions').insert({ roleId, permissionId });",
      '}',
    ].join('\n');
    const project = { dependencies: new Set<string>() };
    assert.deepEqual(findings(code, 'src/database/permissions.ts', { ...ONLY_THIS_RULE, project: { ...project, scriptOnly: true } }), []);
    assert.deepEqual(
      findings(code, 'src/database/permissions.ts', { ...ONLY_THIS_RULE, project }).map((finding) => finding.ruleId),
      ['n-plus-one'],
    );
  });

  it('does not report a Knex subquery built inside a loop', () => {
    const code = [
      "import knex from 'knex';",
      "const db = knex({ client: 'pg' });",
      "export const queries = (teams: string[]) => teams.map((team) => db.select('id').from('users').whereIn('team', db('teams').select('id').where('name', team)));",
    ].join('\n');
    assert.deepEqual(toExpected(code, findings(code)), [{ rule: 'n-plus-one', line: 3, column: 65, endLine: 3, endColumn: 74 }]);
  });

  it('advises the id list that a TypeORM relation query builder takes', () => {
    const code = [
      "import { DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';",
      '@Entity() export class Post { @PrimaryGeneratedColumn() id: number; }',
      'export async function untag(dataSource: DataSource, post: Post, tagIds: number[]) {',
      "  for (const tagId of tagIds) await dataSource.getRepository(Post).createQueryBuilder().relation('tags').of(post).remove(tagId);",
      '}',
    ].join('\n');
    const [finding] = findings(code);
    assert.match(finding?.message ?? '', /relation\(\.\.\.\)\.of\(entity\)\.remove\(ids\) takes every id at once/);
  });
});

const PROJECTS_DIR = path.join(FIXTURES_DIR, 'n-plus-one/projects');

/** A fixture project of this rule's folder. */
function loadProject(project: string): ReturnType<typeof loadFixtureProject> {
  return loadFixtureProject(path.join('n-plus-one/projects', project));
}

describe('n-plus-one across the files of a project', () => {
  for (const project of fs.readdirSync(PROJECTS_DIR).sort()) {
    describe(project, () => {
      const { files, texts, optionsFor } = loadProject(project);
      const facts = files.flatMap((file) => collectProjectFacts(texts.get(file)!, file) ?? []);

      it('builds an index that survives JSON', () => {
        assert.deepEqual(JSON.parse(JSON.stringify(facts)), facts);
      });

      for (const file of files) {
        it(path.relative(PROJECTS_DIR, file), () => {
          const text = texts.get(file)!;
          assert.equal(declaresNoFindings(text), expectedFindings(text).length === 0, 'a file without findings says "// valid" on its first line');
          assertAnnotated(text, file, optionsFor(file));
        });
      }
    });
  }
});

describe('n-plus-one on a job queue and a Supabase client made in other files', () => {
  it("names the queue write a function adds per item, and the Supabase request of a factory's client", () => {
    const { files, texts, options } = loadProject('job-queue-wrapper');
    const messages = files.flatMap((file) => findings(texts.get(file)!, file, options).map((finding) => `${path.basename(file)}: ${finding.message}`));
    assert.deepEqual(messages, [
      "accounts.ts: supabase.from runs one Supabase write per item of this loop (N+1 statements). Update them in one request: .update(changes).in('id', ids), or .upsert(rows) when each row gets different data.",
      'subscribers.ts: push() runs a write (add, mail-queue.ts:13) per item of this loop (N+1). Add them in one call: queue.addBulk([{ name, data }, …]) with every job, one round trip.',
    ]);
  });
});

describe('n-plus-one on a transaction of a client imported by its base path', () => {
  it('names the query itself, not a chain to itself', () => {
    const { texts, options } = loadProject('nest-paths');
    const [file, text] = [...texts].find(([file]) => file.endsWith('order-position.service.ts'))!;
    const [finding, ...rest] = findings(text, file, options);
    assert.deepEqual(rest, []);
    assert.equal(finding!.messageId, 'write');
    assert.equal(
      finding!.message,
      'tx.order.update runs one Prisma write per item of this loop (N+1 statements). Each row gets its own values, which updateMany cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through $executeRaw.',
    );
  });
});

describe('n-plus-one advice keyed on the field the query filters on', () => {
  it("keys a Mongoose delete's batch on the field its filter names, not _id", () => {
    const code = [
      "import mongoose from 'mongoose';",
      "const Session = mongoose.model('Session', new mongoose.Schema({ userId: String }));",
      'export async function signOutAll(userIds: string[]) {',
      '  for (const userId of userIds) await Session.deleteOne({ userId });',
      '}',
    ].join('\n');
    assert.deepEqual(
      findings(code).map((finding) => [finding.messageId, finding.message]),
      [
        [
          'write',
          'Session.deleteOne runs one Mongoose write per item of this loop (N+1 statements). Delete them in one call: deleteMany({ userId: { $in: ids } }), or bulkWrite([...]).',
        ],
      ],
    );
    assert.deepEqual(
      located(code).map(([line, column]) => [line, column]),
      [[4, 39]],
    );
  });

  it('keys the grouped count of a model method that counts with the filter it is handed on the field the call writes', () => {
    const code = [
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      'const Chat = {',
      '  count: async function (clause = {}) {',
      '    return prisma.chat.count({ where: clause });',
      '  },',
      '};',
      'export async function threadsWithCounts(threads: Array<{ id: number; count?: number }>) {',
      '  for (const thread of threads) thread.count = await Chat.count({ threadId: thread.id });',
      '  return threads;',
      '}',
    ].join('\n');
    assert.deepEqual(
      findings(code).map((finding) => [finding.messageId, finding.message]),
      [
        [
          'query',
          "Chat.count runs one Prisma query per item of this loop (N+1 queries). Count them in one query: groupBy({ by: ['threadId'], where: { threadId: { in: ids } }, _count: true }).",
        ],
      ],
    );
    assert.deepEqual(
      located(code).map(([line, column]) => [line, column]),
      [[9, 54]],
    );
  });
});

describe('n-plus-one advice for a TypeORM save', () => {
  const { texts, options } = loadProject('typeorm-connection-wrapper');
  /** Each finding of a fixture file: the text it squiggles and the advice after the first sentence. */
  const advice = (name: string): Array<[string, string]> => {
    const [file, text] = [...texts].find(([file]) => file.endsWith(name))!;
    return findings(text, file, options).map((finding) => [
      text.slice(finding.start, finding.end).replace(/\s+/g, ''),
      finding.message.slice(finding.message.indexOf('. ') + 2),
    ]);
  };
  const insert = 'Insert them in one statement: insert([...]) or save([...]) with every row.';
  const update =
    'Update them in one statement: update({ id: In(ids) }, changes), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query() when each row gets different data.';
  const either =
    'Insert the new ones in one insert([...]), and update the loaded ones: update({ id: In(ids) }, changes), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query() when each row gets different data.';

  it('says insert for a new entity, update for a loaded one, and either when the code does not show which', () => {
    assert.deepEqual(advice('stock-location.service.ts'), [
      [
        'this.connection.getRepository(ctx,StockLevel).findOne',
        'Load them in one query: findBy({ productVariantId: In(ids) }), or load the relation with the items (relations, leftJoinAndSelect).',
      ],
      ['this.connection.getRepository(ctx,StockLevel).save', update],
      ['this.connection.getRepository(ctx,StockLevel).save', insert],
      ['this.connection.rawConnection.getRepository(StockLevel).remove', 'Delete them in one statement: delete({ id: In(ids) }) or delete(ids).'],
      ['this.connection.getRepository(ctx,StockLevel).save', either],
    ]);
  });

  it('keeps what is known through a method that saves, and through a spread of a loaded row', () => {
    assert.deepEqual(advice('tag.service.ts'), [
      ['this.tagValueToTag', insert],
      ['this.connection.getRepository(ctx,Tag).save', update],
    ]);
    assert.deepEqual(advice('product.service.ts'), [['this.tagService.createTag', insert]]);
  });
});

/** Each finding of a file of a fixture project: the text it squiggles and its whole message. */
function projectMessages(project: string, name: string): Array<[string, string]> {
  const { texts, options } = loadProject(project);
  const [file, text] = [...texts].find(([file]) => file.endsWith(name))!;
  return findings(text, file, options).map((finding) => [text.slice(finding.start, finding.end), finding.message]);
}

describe("n-plus-one through an instance a static method of the project's class hands out", () => {
  it('names the instance method and the query it runs, also behind a helper of the class it returns', () => {
    assert.deepEqual(
      projectMessages('static-finder-instances', 'sync.ts').map(([code, message]) => [code, message.split('. ')[0]]),
      [
        ['collection!.update', 'collection!.update() runs a write (pool.query, store.ts:12) per item of this loop (N+1)'],
        ['collection.rows', 'collection.rows() runs a query (pool.query, store.ts:7) per item of this loop (N+1)'],
        ['collection.rows', 'collection.rows() runs a query (pool.query, store.ts:7) per item of this loop (N+1)'],
      ],
    );
  });
});

describe('n-plus-one through an injected dependencies object', () => {
  it('names the function the default or the declared type stands for, and batches on its model', () => {
    assert.deepEqual(
      projectMessages('injected-dependencies', 'attachments.ts').map(([code, message]) => [code, message.split('. ')[0]]),
      [
        [
          'dependencies.getWorkspaceIdOfForm',
          'dependencies.getWorkspaceIdOfForm() runs a query (prisma.form.findUnique, workspaces.ts:5) per item of this loop (N+1)',
        ],
        ['attachUpload', 'attachUpload runs one Prisma query per item of this loop (N+1 queries)'],
        ['await', 'This loop awaits dependencies.lookUp(...) one by one; run them concurrently, at most 8 at once.'],
      ],
    );
    assert.match(projectMessages('injected-dependencies', 'attachments.ts')[1]![1], /prisma\.form\.findMany\(/);
  });
});

describe('n-plus-one through a base repository handed its model by each subclass', () => {
  it('names the query the base runs on the model its constructor keeps', () => {
    assert.deepEqual(
      projectMessages('sequelize-base-repository', 'enrollments.js').map(([code, message]) => [code, message.split('. ')[0]]),
      [
        ['courseRepository.findById', 'courseRepository.findById() runs a query (model.findByPk, base-repository.js:8) per item of this loop (N+1)'],
        ['enrollmentRepository.create', 'enrollmentRepository.create() runs a write (model.create, base-repository.js:16) per item of this loop (N+1)'],
        ['courseRepository.findByTitle', 'courseRepository.findByTitle() runs a query (model.findOne, base-repository.js:12) per item of this loop (N+1)'],
      ],
    );
  });
});

describe('n-plus-one on functions a project gives Sequelize models outside their definition', () => {
  it("names the model's own function with the write it runs, and the row method per item", () => {
    assert.deepEqual(projectMessages('sequelize-model-functions', 'send-digests.js'), [
      [
        'Digest.queueFor',
        'Digest.queueFor() runs a write (Digest.create, digest.js:12) per item of this loop (N+1). Create them in one statement: bulkCreate([...]).',
      ],
      [
        'digest.markDelivered',
        'digest.markDelivered runs one Sequelize write per item of this loop (N+1 statements). Update them in one statement: Model.update(changes, { where: { id: { [Op.in]: ids } } }) (individualHooks: true runs their hooks), or bulkCreate(rows, { updateOnDuplicate: [...] }) when each row gets different values.',
      ],
    ]);
  });
});

describe('n-plus-one on a Kysely transaction an injected interface hands out', () => {
  it('names the write the repository runs on the transaction, through the interface it implements', () => {
    assert.deepEqual(projectMessages('kysely-transaction-context', 'stock.service.ts'), [
      [
        'this.stock.setQuantity',
        "stock.setQuantity() runs a write (trx.updateTable, stock.repository.ts:24) per item of this loop (N+1). Update them in one statement with where('id', 'in', ids), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.",
      ],
    ]);
    assert.deepEqual(
      projectMessages('kysely-transaction-context', 'stock.repository.ts').map(([code]) => code),
      ['this.save', 'this.txContext.currentTransaction().insertInto', 'db.selectFrom', 'await'],
    );
  });
});

describe('n-plus-one advice that keys the batch as the operation does', () => {
  it('names the filter key the item gives, the modifier when the filter is the same, and counts as one grouped count', () => {
    assert.deepEqual(projectMessages('meteor-board-members', 'members.js'), [
      [
        'Cards.updateAsync',
        "Cards.updateAsync runs one Meteor write per item of this loop (N+1 statements). Every item changes the same documents: update them once, every item's value in the modifier ($pull: { field: { $in: values } }, $addToSet with $each).",
      ],
      [
        'Cards.updateAsync',
        'Cards.updateAsync runs one Meteor write per item of this loop (N+1 statements). Update them in one call: updateAsync({ _id: { $in: ids } }, modifier, { multi: true }), or rawCollection().bulkWrite(ops) when each gets its own.',
      ],
      [
        'Cards.find',
        "Cards.find runs one Meteor query per item of this loop (N+1 queries). Count them in one query: rawCollection().aggregate([{ $match: { boardId: { $in: ids } } }, { $group: { _id: '$boardId', count: { $sum: 1 } } }]).",
      ],
      [
        'Cards.findOneAsync',
        "Cards.findOneAsync runs one Meteor query per item of this loop (N+1 queries). Load them in one query: find({ 'source.tracker.id': { $in: ids } }).fetchAsync(), then look each up in a Map.",
      ],
    ]);
  });

  it('gives a read then a create of the same model one find-or-create finding, and a function called twice per item one finding', () => {
    assert.deepEqual(projectMessages('sequelize-import-keys', 'import.js'), [
      [
        'Label.findOne',
        'Label.findOne runs one Sequelize query per item of this loop (N+1 queries). Load the existing rows in one findAll({ where: { slug: { [Op.in]: ids } } }), then bulkCreate([...]) the missing ones.',
      ],
      [
        'Folder.findOne',
        'Folder.findOne runs one Sequelize query per item of this loop (N+1 queries). Load them in one query: findAll({ where: { name: { [Op.in]: ids } } }), or include the association in the query that loaded the items.',
      ],
      ['Note.create', 'Note.create runs one Sequelize write per item of this loop (N+1 statements). Create them in one statement: bulkCreate([...]).'],
      [
        'countInFolder',
        "countInFolder runs one Sequelize query per item of this loop (N+1 queries). Count them in one query: count({ where: { folder_id: { [Op.in]: ids } }, group: ['folder_id'] }).",
      ],
    ]);
  });

  it("says node-redis's multi() and mGet, which it has, not ioredis's pipeline()", () => {
    const loaded = loadProject('sequelize-import-keys');
    const manifest = JSON.parse(fs.readFileSync(path.join(PROJECTS_DIR, 'sequelize-import-keys', 'package.json'), 'utf8')) as { dependencies: object };
    // The project depends on node-redis, as the command reads it from package.json.
    const options = { ...loaded.options, project: { ...loaded.options.project, dependencies: new Set(Object.keys(manifest.dependencies)) } };
    const [file, text] = [...loaded.texts].find(([name]) => name.endsWith('cache.js'))!;
    const messages = findings(text, file, options).map((finding) => [text.slice(finding.start, finding.end), finding.message]);
    assert.deepEqual(messages, [
      [
        'client.get',
        'client.get runs one Redis query per item of this loop (N+1 queries). Read them in one round trip: mGet(keys), or one multi() sent with execAsPipeline() (exec() for a transaction).',
      ],
      [
        'client.lLen',
        'client.lLen runs one Redis query per item of this loop (N+1 queries). Queue the commands on one multi() and send them in one round trip with execAsPipeline() (exec() for a transaction).',
      ],
    ]);
  });
});

describe('n-plus-one on Kysely handles a helper hands back in place, and on raw sql templates', () => {
  it('names the write of a repository method written on dbOrTx(...) and the raw statement with its array parameter', () => {
    assert.deepEqual(projectMessages('kysely-handed-handles', 'block.service.ts').slice(0, 4), [
      [
        'this.blockRepo.insert',
        'blockRepo.insert() runs a write (insertInto, block.repo.ts:10) per item of this loop (N+1). Insert them in one statement: insertInto(table).values(rows).',
      ],
      [
        'this.blockRepo.updateBody',
        "blockRepo.updateBody() runs a write (updateTable, block.repo.ts:14) per item of this loop (N+1). Update them in one statement with where('id', 'in', ids), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.",
      ],
      [
        'this.blockRepo.countWords',
        'blockRepo.countWords() runs a query (execute, block.repo.ts:22) per item of this loop (N+1). Run one statement for all items: WHERE id = ANY(${ids}) on PostgreSQL, or WHERE id IN (${sql.join(ids)}).',
      ],
      [
        'execute',
        'execute runs one Kysely write per item of this loop (N+1 statements). Delete them in one statement: DELETE … WHERE id = ANY(${ids}) on PostgreSQL, or WHERE id IN (${sql.join(ids)}).',
      ],
    ]);
  });
});

describe('n-plus-one through collection factories and a registry of module factories', () => {
  it('names the chain of the registry and the collection call each module function runs', () => {
    assert.deepEqual(projectMessages('module-registry-factories', 'resolvers.ts'), [
      [
        'context.modules.invoices.findInvoice',
        'modules.invoices.findInvoice() runs a query (Invoices.findOne, invoices-module.ts:14) per item of this loop (N+1). Load them in one query: find({ _id: { $in: ids } }).',
      ],
      [
        'modules.invoices.markPaid',
        'modules.invoices.markPaid() runs a write (Invoices.updateOne, invoices-module.ts:17) per item of this loop (N+1). Update them in one call: updateMany({ _id: { $in: ids } }, changes), or bulkWrite([...]) when each gets different changes.',
      ],
      [
        'modules.invoices.customerName',
        'modules.invoices.customerName() runs a query (Customers.findOne, invoices-module.ts:19) per item of this loop (N+1). Load them in one query: find({ _id: { $in: ids } }).',
      ],
      [
        'core.modules.invoices.lines.linesOf',
        'invoices.lines.linesOf() runs a query (InvoiceLines.find, invoice-lines-module.ts:6) per item of this loop (N+1). Load them in one query: find({ invoiceId: { $in: ids } }).',
      ],
    ]);
  });

  it('records a factory of an object of collections, and a module type as the function whose result it is', () => {
    const { files, texts } = loadProject('module-registry-factories');
    const facts = (name: string) => {
      const file = files.find((candidate) => candidate.endsWith(name))!;
      return collectProjectFacts(texts.get(file)!, file);
    };
    assert.deepEqual(facts('invoices-collection.ts')?.exports, [
      { name: 'InvoicesCollection', value: { kind: 'factory', orm: 'mongodb', makes: 'delegate', holds: true } },
      { name: 'CustomersCollection', value: { kind: 'factory', orm: 'mongodb', makes: 'delegate' } },
    ]);
    assert.deepEqual(facts('invoices-module.ts')?.aliases, { InvoicesModule: { module: '', name: 'configureInvoicesModule' } });
  });
});

describe('n-plus-one through a workspace package that hands on the MongoDB driver as a namespace', () => {
  it("reads mongodb.Collection and driver.Db of the package as the driver's own types", () => {
    assert.deepEqual(projectMessages('mongodb-namespace-package', 'links-module.ts'), [
      [
        'CategoryLinks.updateOne',
        'CategoryLinks.updateOne runs one MongoDB write per item of this loop (N+1 statements). Each document gets its own values, which updateMany cannot set: send them in one bulkWrite([{ updateOne: { filter, update } }, …]).',
      ],
    ]);
    assert.deepEqual(projectMessages('mongodb-namespace-package', 'category-tree.ts'), [
      [
        'Categories.findOne',
        'Categories.findOne runs one MongoDB query per item of this loop (N+1 queries). Load them in one query: find({ _id: { $in: ids } }).',
      ],
    ]);
  });

  it('records the namespace exports of a database package as the package, and nothing more of another package or a file', () => {
    const { files, texts } = loadProject('mongodb-namespace-package');
    const reexports = (name: string) => {
      const file = files.find((candidate) => candidate.endsWith(name))!;
      return collectProjectFacts(texts.get(file)!, file)?.reexports;
    };
    assert.deepEqual(reexports('store/src/index.ts'), [
      { module: './connect.ts', names: { createDb: 'createDb' } },
      { module: 'lru-cache', holds: 'lru' },
      { module: 'mongodb', holds: 'mongodb', database: true },
    ]);
    assert.deepEqual(reexports('engine/src/index.ts'), [{ module: 'mongodb', holds: 'driver', database: true }, { module: './events.ts' }]);
  });
});

describe('n-plus-one through the buses of @nestjs/cqrs', () => {
  it('names the command or query class whose handler runs the query, with the query as related information', () => {
    assert.deepEqual(projectMessages('nest-cqrs-handlers', 'employee-bulk.service.ts'), [
      [
        'this.commandBus.execute',
        'commandBus.execute(UpdateEmployeeCommand) runs a write (employees.update, employee.service.ts:16) per item of this loop (N+1). Update them in one statement: update({ id: In(ids) }, changes), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query() when each row gets different data.',
      ],
      [
        'this._queryBus.execute',
        '_queryBus.execute(GetEmployeeQuery) runs a query (employees.findOneBy, employee.service.ts:12) per item of this loop (N+1). Load them in one query: findBy({ id: In(ids) }), or load the relation with the items (relations, leftJoinAndSelect).',
      ],
      // The handler of this command runs no query: the loop only waits on each call in turn.
      ['await', 'This loop awaits commandBus.execute(...) one by one; run them concurrently, at most 8 at once.'],
      [
        'this.commandBus.execute',
        'commandBus.execute(ArchiveEmployeeCommand) runs a write (employees.update, archive-employee.handler.ts:13) per item of this loop (N+1). Give the handler of ArchiveEmployeeCommand a form that takes all the items and runs each of its statements once for them all.',
      ],
    ]);
  });
});

describe('n-plus-one on TypeORM active records', () => {
  it('names the statement on the entity class that replaces what each row runs', () => {
    assert.deepEqual(projectMessages('typeorm-active-record', 'user.service.ts'), [
      [
        'User.findOneBy',
        'User.findOneBy runs one TypeORM query per item of this loop (N+1 queries). Load them in one query: findBy({ id: In(ids) }), or load the relation with the items (relations, leftJoinAndSelect).',
      ],
      [
        'user.save',
        'user.save runs one TypeORM write per item of this loop (N+1 statements). Update them in one statement: User.update({ id: In(ids) }, changes), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query() when each row gets different data.',
      ],
      [
        'session.remove',
        'session.remove runs one TypeORM write per item of this loop (N+1 statements). Delete them in one statement: Session.delete({ id: In(ids) }), or Session.remove(rows).',
      ],
      [
        'session.save',
        'session.save runs one TypeORM write per item of this loop (N+1 statements). Insert them in one statement: Session.insert(rows) or Session.save(rows).',
      ],
      [
        'user.save',
        'user.save runs one TypeORM write per item of this loop (N+1 statements). Insert the new ones in one User.insert(rows), and update the loaded ones: User.update({ id: In(ids) }, changes), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query() when each row gets different data.',
      ],
    ]);
  });

  it('knows an entity as an active record through a base class of another file', () => {
    const { options } = loadProject('typeorm-active-record');
    const models = options.project.models as ReturnType<typeof mergeProjectFacts>;
    assert.deepEqual(models.models.User, { name: 'User', orm: 'typeorm', activeRecord: true });
    assert.deepEqual(Object.values(models.exports).find((byName) => byName.User)?.User, { kind: 'model', orm: 'typeorm', model: 'User' });
  });
});

describe('n-plus-one on Prisma raw queries written as tagged templates', () => {
  it('advises one statement over the array of ids, directly and through a function of another file', () => {
    const batched = 'Run one statement for all items: WHERE id = ANY(${ids}) on PostgreSQL, or WHERE id IN (${Prisma.join(ids)}).';
    const batchedUpdate =
      'Update them in one statement: UPDATE … WHERE id = ANY(${ids}) on PostgreSQL, or WHERE id IN (${Prisma.join(ids)}), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.';
    assert.deepEqual(projectMessages('prisma-raw-sql', 'rollup.ts'), [
      ['db.$executeRaw', `db.$executeRaw runs one Prisma write per item of this loop (N+1 statements). ${batchedUpdate}`],
      ['viewCount', `viewCount() runs a query (db.$queryRaw, views.ts:6) per item of this loop (N+1). ${batched}`],
      [
        'db.$executeRaw',
        `db.$executeRaw runs one Prisma write per item of this loop (N+1 statements). $transaction([...]) runs them in one transaction, still one statement and round trip each. ${batchedUpdate}`,
      ],
    ]);
  });

  it('leaves the tagged query to n-plus-one, not also await-in-loop', () => {
    const code = [
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      'export async function touch(ids: string[]) {',
      '  for (const id of ids) await prisma.$executeRaw`UPDATE "Post" SET "updatedAt" = now() WHERE id = ${id}`;',
      '}',
    ].join('\n');
    assert.deepEqual(
      findings(code, 'touch.ts', DEFAULT_OPTIONS).map((finding) => [finding.ruleId, code.slice(finding.start, finding.end)]),
      [['n-plus-one', 'prisma.$executeRaw']],
    );
  });
});

describe('n-plus-one on functions that take a list, and on statements a query builder writes per row', () => {
  it('advises one call with every item, or one per value the item also gives', () => {
    const once = (group: string) => `Collect the items and call cards.updateCards ${group}: it already takes a list.`;
    const run = 'cards.updateCards() runs a query (card.findMany, card.service.ts:20) per item of this loop (N+1).';
    const messages = projectMessages('list-taking-services', 'card-sync.service.ts').filter(([text]) => text === 'this.cards.updateCards');
    assert.deepEqual(messages, [
      ['this.cards.updateCards', `${run} ${once('once with all of them')}`],
      ['this.cards.updateCards', `${run} ${once('once with all of them')}`],
      ['this.cards.updateCards', `${run} ${once('once per card.boardId with all of its items')}`],
    ]);
  });

  it('advises one statement for the rows a builder wrote one by one', () => {
    const update =
      'Send one statement for all items: one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) with a row per item, or the statements joined into one call.';
    assert.deepEqual(projectMessages('list-taking-services', 'card-order.service.ts'), [
      ['this.database.txClient().$executeRawUnsafe', `$executeRawUnsafe runs one Prisma write per item of this loop (N+1 statements). ${update}`],
      ['client.$executeRawUnsafe', `client.$executeRawUnsafe runs one Prisma write per item of this loop (N+1 statements). ${update}`],
    ]);
  });
});

describe('n-plus-one through functions handed by reference, and a list-taking function handed one record', () => {
  it('names the function a list method or a helper runs per item as a call of it would be named', () => {
    assert.deepEqual(projectMessages('handed-callbacks', 'order-import.ts').slice(0, 2), [
      [
        'saveOrderRow',
        'saveOrderRow() runs a write (prisma.order.create, order-rows.ts:10) per item of this loop (N+1). Create them in one statement: createMany({ data: rows }).',
      ],
      [
        'markImported',
        'markImported runs one Prisma write per item of this loop (N+1 statements). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.',
      ],
    ]);
  });

  it('names the first entry of an object of functions picked by a key, when every entry queries, and advises one call per key', () => {
    const group = 'Every entry of the table queries: group the items by key and give each entry all of its items in one call.';
    assert.deepEqual(projectMessages('handed-callbacks', 'job-dispatch.ts'), [
      ['sync', `sync() runs a write (prisma.account.update, line 6) per item of this loop (N+1). ${group}`],
      ['this.cleaners[job.kind]', `cleaners[job.kind]() runs a write (prisma.account.delete, line 36) per item of this loop (N+1). ${group}`],
    ]);
  });

  it('advises one call with every record for a function of one statement handed a list of one record built from the item', () => {
    assert.deepEqual(projectMessages('handed-callbacks', 'status-log.ts'), [
      [
        'this.insertStatuses',
        'this.insertStatuses runs one Prisma write per item of this loop (N+1 statements). Collect the items and call this.insertStatuses once with all of them: it already takes a list.',
      ],
    ]);
  });
});

describe('n-plus-one through functions that read and write', () => {
  it('advises one read and one write for a find-or-create or a read with a later write, never a read alone; a check that throws is no find-or-create', () => {
    const run = (call: string, what: string, site: string) => `labels.${call}() runs a ${what} (${site}) per item of this loop (N+1).`;
    const findOrCreate = 'Read them all in one query, then create the missing ones in one statement.';
    assert.deepEqual(projectMessages('read-write-services', 'label-import.service.ts'), [
      ['this.labels.labelNamed', `${run('labelNamed', 'write', 'prisma.label.create, label.service.ts:17')} ${findOrCreate}`],
      ['this.labels.ensureLabel', `${run('ensureLabel', 'query', 'prisma.label.findFirst, label.service.ts:22')} ${findOrCreate}`],
      [
        'this.labels.addLabel',
        `${run('addLabel', 'write', 'prisma.label.create, label.service.ts:35')} Create them in one statement: createMany({ data: rows }).`,
      ],
      [
        'this.labels.rename',
        `${run('rename', 'query', 'prisma.label.findUniqueOrThrow, label.service.ts:40')} It also writes (auditEntry.create): give labels.rename a form that takes all the items, with one read and one write for them all.`,
      ],
      [
        'this.labels.archive',
        `${run('archive', 'write', 'prisma.label.update, label.service.ts:49')} Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.`,
      ],
      [
        'this.labels.title',
        `${run('title', 'query', 'prisma.label.findUniqueOrThrow, label.service.ts:54')} Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.`,
      ],
    ]);
  });
});

describe('n-plus-one through helpers of a workspace package over dynamodb-toolbox', () => {
  it('names the helper, the entity request it runs and the batch request of the table', () => {
    assert.deepEqual(projectMessages('dynamodb-toolbox-helpers', 'shelves.ts'), [
      [
        'readItem',
        'readItem() runs a query (entity.get, read-item.ts:12) per item of this loop (N+1). Read them in one request: table.batchGet(keys.map((key) => entity.getBatch(key))), up to 100 keys per call.',
      ],
      [
        'readAllItems',
        'readAllItems() runs a query (entity.query, read-all.ts:14) per item of this loop (N+1). DynamoDB has no batched Query: run them concurrently with a bound (a DataLoader batch), use BatchGet when each is one key, or key an index so one Query returns every item.',
      ],
      [
        'entity.update',
        'entity.update runs one DynamoDB write per item of this loop (N+1 statements). Write them in one request: table.transactWrite with each entity.updateTransaction(item), or run them with bounded concurrency.',
      ],
    ]);
  });
});

describe('n-plus-one through function types that factories implement', () => {
  it('runs what every implementation of the type of an injected function runs, and what a factory makes where it is called', () => {
    assert.deepEqual(projectMessages('operation-types', 'services/shelves.ts'), [
      ['deps.getShelf', "deps.getShelf() runs a query (deps.db, shelves.ts:8) per item of this loop (N+1). Load them in one query with whereIn('id', ids)."],
      [
        'closeShelf',
        "closeShelf() runs a write (deps.db, line 19) per item of this loop (N+1). Update them in one statement with whereIn('id', ids), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.",
      ],
    ]);
    assert.deepEqual(projectMessages('operation-types', 'wiring.ts'), [
      [
        'getShelfFactory({ db })',
        "getShelfFactory(...)() runs a query (deps.db, shelves.ts:8) per item of this loop (N+1). Load them in one query with whereIn('id', ids).",
      ],
      ['countLoans', "countLoans() runs a query (db, loans.ts:9) per item of this loop (N+1). Load them in one query with whereIn('bookId', ids)."],
    ]);
  });
});

describe('n-plus-one through a module and a class of the project over a search engine client', () => {
  it('names the wrapper, the request it sends and the multi-document request of the engine', () => {
    assert.deepEqual(projectMessages('search-engine-wrapper', 'reindex.ts'), [
      [
        'findPage',
        "findPage() runs a query (elastic.get, client.ts:7) per item of this loop (N+1). Read them in one request: client.mget({ index, ids }) with every item's id.",
      ],
      [
        'pages.save',
        'pages.save() runs a write (client.index, page-index.ts:18) per item of this loop (N+1). Write them in one request: client.bulk with one index action per document.',
      ],
      [
        'pages.hitsFor',
        "pages.hitsFor() runs a query (client.search, page-index.ts:22) per item of this loop (N+1). Run them in one request: client.msearch with one header and query per item, or one query with a terms filter on every item's value.",
      ],
    ]);
  });
});

describe('n-plus-one through an interface that factories of objects implement', () => {
  it('runs the method of the object every factory returns when each of them queries in it, and none when one keeps it in memory', () => {
    assert.deepEqual(projectMessages('port-factories', 'expire-sessions.ts'), [
      [
        'this.sessions.remove',
        'sessions.remove() runs a write (entity.delete, session-store.ts:11) per item of this loop (N+1). Write them in one request: table.batchWrite(items.map((item) => entity.deleteBatch(item))), up to 25 items per call.',
      ],
      ['await', 'This loop awaits audit.record(...) one by one; run them concurrently, at most 8 at once.'],
      [
        'this.sessions.find',
        'sessions.find() runs a query (entity.get, session-store.ts:7) per item of this loop (N+1). Read them in one request: table.batchGet(keys.map((key) => entity.getBatch(key))), up to 100 keys per call.',
      ],
    ]);
  });
});

describe('n-plus-one through an interface the project implements once', () => {
  it("names the call, the implementing class's query and its place; a port of two adapters or of none is other work", () => {
    assert.deepEqual(projectMessages('interface-injection', 'team.service.ts'), [
      [
        'this.members.findById',
        'members.findById() runs a query (prisma.member.findUnique, prisma-member.repository.ts:13) per item of this loop (N+1). Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
      ],
      [
        'this.members.rename',
        'members.rename() runs a write (prisma.member.update, prisma-member.repository.ts:17) per item of this loop (N+1). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.',
      ],
      ['await', 'This loop awaits audit.record(...) one by one; run them concurrently, at most 8 at once.'],
      ['await', 'This loop awaits invoices.byNumber(...) one by one; run them concurrently, at most 8 at once.'],
    ]);
  });

  it('stands an interface for its one implementing class that queries, and for none of two', () => {
    const models = loadProject('interface-injection').options.project.models as ReturnType<typeof mergeProjectFacts>;
    const bases = Object.entries(models.bases ?? {}).flatMap(([key, byName]) =>
      Object.entries(byName).map(([name, base]) => [path.basename(key), name, path.basename(base.key), base.name]),
    );
    assert.deepEqual(bases, [['member.repository', 'MemberRepository', 'prisma-member.repository', 'PrismaMemberRepository']]);
  });
});

describe('n-plus-one through the methods of an exported object literal', () => {
  it('names the method of the object, called by its name or through the interface it is typed with; of two typed objects, neither', () => {
    assert.deepEqual(projectMessages('object-services', 'engine.ts'), [
      [
        'store.getActiveInsight',
        'store.getActiveInsight() runs a query (db.projectInsight.findFirst, store.ts:12) per item of this loop (N+1). The rows are keyed by several columns: load them in one query matching every pair, where: { OR: pairs }.',
      ],
      [
        'store.closeInsight',
        'store.closeInsight() runs a write (db.projectInsight.update, store.ts:16) per item of this loop (N+1). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.',
      ],
    ]);
    const models = loadProject('object-services').options.project.models as ReturnType<typeof mergeProjectFacts>;
    const bases = Object.entries(models.bases ?? {}).flatMap(([key, byName]) =>
      Object.entries(byName).map(([name, base]) => [path.basename(key), name, path.basename(base.key), base.name]),
    );
    assert.deepEqual(bases, [['types', 'InsightStore', 'store', 'insightStore']]);
  });

  it("follows this.method() of a CommonJS service object, and a required module's methods from another file", () => {
    assert.deepEqual(
      projectMessages('object-services', 'sync.js').map(([code, message]) => [code, message.split('. ')[0]]),
      [['localization.loadLocale', 'localization.loadLocale() runs a query (prisma.locale.findUnique, localization.js:7) per item of this loop (N+1)']],
    );
  });
});

describe('n-plus-one through a service a call names by its type argument', () => {
  it('follows `container.resolve<IOrderService>(...)` as a constructor-typed service: an interface of one implementation, not of two or none', () => {
    assert.deepEqual(projectMessages('resolved-services', 'route.ts'), [
      [
        'orderService.retrieve',
        'orderService.retrieve() runs a query (database.order.findUnique, order.service.ts:7) per item of this loop (N+1). Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
      ],
      ['await', 'This loop awaits notifier.notify(...) one by one; run them concurrently, at most 8 at once.'],
      ['await', 'This loop awaits rates.quote(...) one by one; run them concurrently, at most 8 at once.'],
      ['await', 'This loop awaits logger.info(...) one by one; run them concurrently, at most 8 at once.'],
    ]);
    assert.deepEqual(projectMessages('resolved-services', 'archive-orders.ts'), [
      [
        'orders.archive',
        'orders.archive() runs a write (database.order.update, order.service.ts:11) per item of this loop (N+1). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.',
      ],
    ]);
  });

  it('follows a field and an awaited constant given by `moduleRef.get<T>(T)`, `moduleRef.resolve<T>(T)`', () => {
    assert.deepEqual(projectMessages('resolved-services', 'report.service.ts'), [
      [
        'this.orders.findById',
        'orders.findById() runs a query (database.order.findFirst, order.repository.ts:8) per item of this loop (N+1). Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
      ],
      [
        'service.archive',
        'service.archive() runs a write (database.order.update, order.service.ts:11) per item of this loop (N+1). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.',
      ],
    ]);
  });
});

describe('n-plus-one through an interface named by a barrel of re-exports', () => {
  it('finds the interface through `export *` and `export type { ... } from`, and stays quiet on a port of two adapters', () => {
    assert.deepEqual(projectMessages('interface-barrels', 'billing.service.ts'), [
      [
        'this.invoices.findById',
        'invoices.findById() runs a query (prisma.invoice.findUnique, invoice.repository.ts:9) per item of this loop (N+1). Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
      ],
      [
        'this.invoices.markPaid',
        'invoices.markPaid() runs a write (prisma.invoice.update, invoice.repository.ts:13) per item of this loop (N+1). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.',
      ],
      [
        'this.customers.nameOf',
        'customers.nameOf() runs a query (prisma.customer.findUnique, customer.repository.ts:7) per item of this loop (N+1). Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
      ],
      ['await', 'This loop awaits payments.charge(...) one by one; run them concurrently, at most 8 at once.'],
    ]);
  });

  it('follows an interface imported from its own file that its class imports through a barrel', () => {
    assert.deepEqual(projectMessages('interface-barrels', 'reminder.job.ts'), [
      [
        'this.customers.nameOf',
        'customers.nameOf() runs a query (prisma.customer.findUnique, customer.repository.ts:7) per item of this loop (N+1). Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
      ],
      ['await', 'This loop awaits payments.charge(...) one by one; run them concurrently, at most 8 at once.'],
    ]);
  });
});

describe('n-plus-one advice that fits the statement a callee runs', () => {
  it('names the column the callee filters on, and adds to counters in one statement', () => {
    assert.deepEqual(projectMessages('knex-key-columns', 'campaigns.js'), [
      ['fields.list', "fields.list() runs a query (listTx, fields.js:10) per item of this loop (N+1). Load them in one query with whereIn('list', ids)."],
      [
        'fields.lockFileTx',
        "fields.lockFileTx() runs a write (tx, fields.js:14) per item of this loop (N+1). Change them in one statement: whereIn('id', ids).increment(column, step) over the items' rows; where a row repeats, group the items by row and add each row's total once.",
      ],
      ['tx', "tx runs one Knex write per item of this loop (N+1 statements). Insert them in one statement: knex('table').insert(rows)."],
      [
        'tx',
        "tx runs one Knex write per item of this loop (N+1 statements). Every item changes the same row's counter: change it once, after the loop, by the items' total (increment(column, n)).",
      ],
    ]);
    assert.deepEqual(projectMessages('knex-key-columns', 'fields.js'), [
      [
        'tx',
        'tx runs one Knex write per item of this loop (N+1 statements). Each row gets its own values, which one update over the ids cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL).',
      ],
    ]);
  });

  it('names the column a Knex look-up filters on, and the per-row update neutrally where the database is not known', () => {
    const knexHeader = ["import knex from 'knex';", 'const db = knex({ client: process.env.DB_CLIENT });'];
    const lookup = located(
      [
        ...knexHeader,
        'export async function owners(teamIds: number[]) {',
        "  for (const teamId of teamIds) await db('members').where('team_id', teamId);",
        '}',
      ].join('\n'),
    );
    assert.deepEqual(lookup, [[4, 39, "db runs one Knex query per item of this loop (N+1 queries). Load them in one query with whereIn('team_id', ids)."]]);
    const ranks = located(
      [
        ...knexHeader,
        'export async function rank(rows: Array<{ id: number; rank: number }>) {',
        "  for (const row of rows) await db('users').where({ id: row.id }).update({ rank: row.rank });",
        '}',
      ].join('\n'),
    );
    assert.deepEqual(ranks, [
      [
        4,
        33,
        'db runs one Knex write per item of this loop (N+1 statements). Each row gets its own values, which one update over the ids cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL).',
      ],
    ]);
  });

  it('says the per-row update in the dialect of the driver the package depends on', () => {
    const code = [
      "import knex from 'knex';",
      'const db = knex({ client: process.env.DB_CLIENT });',
      'export async function rank(rows: Array<{ id: number; rank: number }>) {',
      "  for (const row of rows) await db('users').where({ id: row.id }).update({ rank: row.rank });",
      '}',
    ].join('\n');
    const using = (dependency: string): AnalysisOptions => ({ ...ONLY_THIS_RULE, project: { dependencies: new Set(['knex', dependency]) } });
    assert.deepEqual(located(code, using('mysql2')), [
      [
        4,
        33,
        'db runs one Knex write per item of this loop (N+1 statements). Each row gets its own values, which one update over the ids cannot set: write them in one INSERT … ON DUPLICATE KEY UPDATE statement (or UPDATE … SET column = CASE id WHEN … END).',
      ],
    ]);
    assert.deepEqual(located(code, using('pg')), [
      [
        4,
        33,
        'db runs one Knex write per item of this loop (N+1 statements). Each row gets its own values, which one update over the ids cannot set: write them in one UPDATE … FROM (VALUES …) statement.',
      ],
    ]);
  });

  it('advises a pipeline for keys whose hash tag is the item, and mget for plain keys', () => {
    const code = (key: string): string =>
      [
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function stamps(docIds: string[]) {',
        '  const found = [];',
        `  for (const docId of docIds) found.push(await redis.get(${key}));`,
        '  return found;',
        '}',
      ].join('\n');
    assert.deepEqual(located(code('`lastUpdatedAt:{${docId}}`')), [
      [
        5,
        48,
        'redis.get runs one Redis query per item of this loop (N+1 queries). Each key has a hash tag of its own, in its own cluster slot, which no multi-key command spans: queue the commands on a pipeline() and send them in one round trip.',
      ],
    ]);
    assert.deepEqual(located(code('`lastUpdatedAt:${docId}`')), [
      [5, 48, 'redis.get runs one Redis query per item of this loop (N+1 queries). Read them in one round trip: mget(keys), or a pipeline().'],
    ]);
  });

  it('does not report a fixed look-up that only the item equal to a constant runs, and reports it where every item runs it', () => {
    const code = (guarded: boolean): string =>
      [
        "import { PrismaClient } from '@prisma/client';",
        'const prisma = new PrismaClient();',
        "const HOUSE_WORKSPACE_ID = 'ws_house';",
        "const BILLING_WORKSPACE_ID = 'ws_billing';",
        'export async function customers(invoices: Array<{ workspaceId: string; stripeId: string }>) {',
        '  const ids = [];',
        '  for (const invoice of invoices) {',
        '    let stripeId = invoice.stripeId;',
        `    if (invoice.workspaceId ${guarded ? '===' : '!=='} HOUSE_WORKSPACE_ID) {`,
        '      const billing = await prisma.project.findUniqueOrThrow({ where: { id: BILLING_WORKSPACE_ID }, select: { stripeId: true } });',
        '      stripeId = billing.stripeId;',
        '    }',
        '    ids.push(stripeId);',
        '  }',
        '  return ids;',
        '}',
      ].join('\n');
    assert.deepEqual(findings(code(true)), []);
    assert.deepEqual(located(code(false)), [
      [
        10,
        29,
        'prisma.project.findUniqueOrThrow runs one Prisma query per item of this loop (N+1 queries). Every item reads the same rows: run the query once, before the loop, and use its result for each item.',
      ],
    ]);
  });
});

describe('n-plus-one on a Knex instance typed by an alias another file declares', () => {
  it('names the store, function or repository that calls the handle or its transaction, with the write or read its chain runs', () => {
    assert.deepEqual(projectMessages('knex-db-alias', 'environment-service.ts'), [
      [
        'this.environmentStore.updateSortOrder',
        "environmentStore.updateSortOrder() runs a write (this.db, environment-store.ts:15) per item of this loop (N+1). Update them in one statement with whereIn('name', ids), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.",
      ],
      [
        'this.environmentStore.get',
        "environmentStore.get() runs a query (this.db, environment-store.ts:11) per item of this loop (N+1). Load them in one query with whereIn('name', ids).",
      ],
      [
        'this.audit.record',
        "audit.record() runs a write (this.knex, audit-repository.ts:12) per item of this loop (N+1). Insert them in one statement: knex('table').insert(rows).",
      ],
      [
        'markSeen',
        "markSeen() runs a write (db, notifications.ts:5) per item of this loop (N+1). Update them in one statement with whereIn('id', ids), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.",
      ],
      ['archive', "archive() runs a write (trx, notifications.ts:16) per item of this loop (N+1). Insert them in one statement: knex('table').insert(rows)."],
      ['await', 'This loop awaits flags.refresh(...) one by one; run them concurrently, at most 8 at once.'],
    ]);
  });
});

describe('n-plus-one on a function called where it is written', () => {
  it('names it by its form, not by its body', () => {
    assert.deepEqual(projectMessages('inline-function-calls', 'segments.ts'), [
      [
        'async () => { const customer = await prisma.customer.findUniqueOrThrow({ where: { id: customerId } }); await recheckAudience(customer.id); }',
        '(async () => { … })() runs a write (prisma.audience.update, audiences.ts:8) per item of this loop (N+1). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.',
      ],
    ]);
  });
});

describe('n-plus-one through a function of another file that filters a Knex query', () => {
  it('batches by the column the function filters on, and groups a count by it', () => {
    assert.deepEqual(projectMessages('knex-helper-keys', 'posts.ts'), [
      ['getBoardById', "getBoardById() runs a query (database, boards.ts:5) per item of this loop (N+1). Load them in one query with whereIn('boardId', ids)."],
      [
        'countVotes',
        "countVotes() runs a query (database.count, boards.ts:9) per item of this loop (N+1). Count them in one query grouped by postId: whereIn('postId', ids).groupBy('postId').select('postId').count().",
      ],
    ]);
  });
});

describe('n-plus-one through a function of another file that filters a MongoDB query', () => {
  it('batches by the field the function filters on, and by every pair where it filters on several of its inputs', () => {
    const run = (name: string, line: number) =>
      `${name}() runs a query (${name === 'findMembership' ? 'memberships' : 'accounts'}.findOne, accounts.ts:${line}) per item of this loop (N+1).`;
    assert.deepEqual(projectMessages('mongo-helper-keys', 'invites.ts'), [
      ['getAccount', `${run('getAccount', 7)} Load them in one query: find({ _id: { $in: ids } }).`],
      ['findAccountByEmail', `${run('findAccountByEmail', 11)} Load them in one query: find({ email: { $in: ids } }).`],
      ['findActiveAccount', `${run('findActiveAccount', 15)} Load them in one query: find({ email: { $in: ids } }).`],
      ['findMembership', `${run('findMembership', 19)} The rows are keyed by several columns: load them in one query matching every pair, { $or: pairs }.`],
    ]);
  });
});

describe('n-plus-one on a MongoDB update of one document per item', () => {
  it('updates the document once after the loop where every item names the same one, and over the ids where each names its own', () => {
    const run = 'accounts.updateOne runs one MongoDB write per item of this loop (N+1 statements).';
    assert.deepEqual(projectMessages('mongo-helper-keys', 'tags.ts'), [
      [
        'accounts.updateOne',
        `${run} Every item updates the same document: update it once after the loop, with every item's values ($addToSet: { field: { $each: values } }, $pullAll, $set).`,
      ],
      ['accounts.updateOne', `${run} Update them in one call: updateMany({ _id: { $in: ids } }, changes).`],
    ]);
  });
});

describe("n-plus-one on handles held in fields of the project's classes", () => {
  it('records the public fields of an exported class, not its private ones', () => {
    const database = [
      "import { Kysely } from 'kysely';",
      "import type { Cache } from './cache';",
      "import type { DatabaseSchema } from './schema';",
      'export class Database {',
      '  db: DatabaseSchema;',
      '  cache: Cache;',
      '  private pool: Kysely<unknown>;',
      '  constructor(public primary: Kysely<unknown>, private readonly replica: Kysely<unknown>, readonly name: string) {',
      '    this.db = primary as DatabaseSchema;',
      '    this.pool = replica;',
      '    this.cache = new Map() as Cache;',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(collectProjectFacts(database, 'src/db/database.ts')?.fields, {
      Database: {
        db: { value: { kind: 'client', orm: 'kysely' } },
        cache: { type: { module: './cache', name: 'Cache' } },
        primary: { value: { kind: 'client', orm: 'kysely' } },
      },
    });
  });

  it('exports an alias of a handle as that handle, and an alias of a class of the project as an alias', () => {
    const schema = "import type { Kysely } from 'kysely';\nexport interface Tables { actor: { did: string } }\nexport type DatabaseSchema = Kysely<Tables>;\n";
    assert.deepEqual(collectProjectFacts(schema, 'src/db/schema.ts')?.exports, [{ name: 'DatabaseSchema', value: { kind: 'client', orm: 'kysely' } }]);
    const alias = [
      "import { Database } from './database';",
      'export type AccountDb = Database<{ account: { did: string } }>;',
      'export const openAccountDb = (location: string): AccountDb => Database.sqlite(location);',
    ].join('\n');
    assert.deepEqual(collectProjectFacts(alias, 'src/db/account.ts')?.aliases, {
      AccountDb: { module: './database', name: 'Database' },
      // What a function declares it returns, named by its call.
      'openAccountDb()': { module: '', name: 'AccountDb' },
    });
  });

  it('reads nothing from a service whose fields are all private', () => {
    const service = [
      "import { Injectable } from '@nestjs/common';",
      "import { PrismaService } from './prisma.service';",
      '@Injectable()',
      'export class UsersService {',
      '  constructor(private readonly prisma: PrismaService) {}',
      '  count() { return 1; }',
      '}',
    ].join('\n');
    assert.equal(collectProjectFacts(service, 'src/users/users.service.ts')?.fields, undefined);
  });
});

describe('n-plus-one project index', () => {
  it('is what tells lazy relations and data sources declared in other files', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one/projects/typeorm/src/posts/posts.service.ts');
    assert.deepEqual(findings(fs.readFileSync(file, 'utf8'), file), []);
  });

  it('skips files that cannot declare models', () => {
    assert.equal(collectProjectFacts('export const answer = 42;', 'src/answer.ts'), undefined);
    assert.equal(collectProjectFacts('export class Broken extends Model {', 'src/broken.ts'), undefined);
  });

  it('merges the facts of one model from several files', () => {
    const model = "import { Model } from 'sequelize';\nexport class User extends Model {}\n";
    const associations = "import { User } from './user';\nimport { Post } from './post';\nUser.hasMany(Post);\nUser.belongsTo(Team, { as: 'squad' });\n";
    const merged = mergeProjectFacts([collectProjectFacts(model, 'src/models/user.ts')!, collectProjectFacts(associations, 'src/models/associations.ts')!]);
    assert.deepEqual(merged.models.User, { name: 'User', orm: 'sequelize', getters: ['getPosts', 'countPosts', 'getSquad'] });
    assert.deepEqual(merged.exports, { 'src/models/user': { User: { kind: 'model', orm: 'sequelize', model: 'User' } } });
  });
});

describe('n-plus-one and relations loaded with the rows', () => {
  const file = path.join(FIXTURES_DIR, 'n-plus-one/preloaded-relations-valid.ts');
  const preloaded = fs.readFileSync(file, 'utf8');

  it('reports the same relation reads once the rows are loaded without them', () => {
    const bare = preloaded
      .replace("{ relations: ['previous'] }", '')
      .replace(", { populate: ['next'] }", '')
      .replace(".leftJoinAndSelect('article.previous', 'previous')", '');
    assert.deepEqual(
      findings(bare, file).map((finding) => bare.slice(finding.start, finding.end)),
      ['article.previous', 'article.previous', 'chapter.next.load'],
    );
  });
});

describe('n-plus-one on Payload CMS', () => {
  const hook = [
    'export const afterChange = async ({ doc, req }: { doc: { related: string[] }; req: any }) => {',
    '  for (const id of doc.related) await req.payload.update({ collection: "posts", id, data: { stale: true } });',
    '};',
  ].join('\n');
  const withPayload: AnalysisOptions = { ...ONLY_THIS_RULE, project: { dependencies: new Set(['payload']) } };

  it('knows req.payload in a file of a package that depends on Payload, without an import', () => {
    assert.deepEqual(
      findings(hook, 'src/hooks/afterChange.ts', withPayload).map((finding) => finding.message.split('. ')[0]),
      ['req.payload.update runs one Payload write per item of this loop (N+1 statements)'],
    );
  });

  it('leaves req.payload alone where Payload is not in reach (a decoded token, say)', () => {
    assert.deepEqual(findings(hook, 'src/hooks/afterChange.ts'), []);
  });

  it('knows the payload of a Payload request destructured in a hook, and no other payload', () => {
    const code = [
      "import type { CollectionAfterChangeHook } from 'payload';",
      'export const touchAuthors: CollectionAfterChangeHook = async ({ doc, req: { payload } }) => {',
      "  for (const id of doc.authors) await payload.findByID({ collection: 'users', id });",
      '//                                    ^^^^^^^^^^^^^^^^ n-plus-one',
      '};',
      'export const fromToken = async ({ payload }: { payload: { find: (id: string) => Promise<unknown> } }, ids: string[]) => {',
      '  for (const id of ids) await payload.find(id);',
      '};',
    ].join('\n');
    assertAnnotated(code);
  });
});

describe('n-plus-one advice fits the operation', () => {
  /** How each example reaches its library. */
  const preambles: Record<string, string> = {
    prisma: "import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();",
    typeorm:
      "import { DataSource } from 'typeorm';\nimport { User } from './user.entity';\ndeclare const dataSource: DataSource;\nconst users = dataSource.getRepository(User);",
    sequelize: "import { Model } from 'sequelize';\nclass User extends Model {}",
    mongoose: "import mongoose from 'mongoose';\nconst User = mongoose.model('User', new mongoose.Schema({}));",
    mongodb: "import { MongoClient } from 'mongodb';\nconst users = new MongoClient('mongodb://db').db().collection('users');",
    knex: "import knex from 'knex';\nconst db = knex({ client: 'pg' });",
    kysely: "import { Kysely } from 'kysely';\ndeclare const db: Kysely<any>;",
    redis: "import Redis from 'ioredis';\nconst redis = new Redis();",
    'mikro-orm': "import { EntityManager } from '@mikro-orm/core';\ndeclare const em: EntityManager;",
    drizzle:
      "import { drizzle } from 'drizzle-orm/node-postgres';\nimport { and, eq, gte, ilike, lt } from 'drizzle-orm';\nimport { users } from './schema';\nconst db = drizzle(process.env.DATABASE_URL!);",
    row: "import { Model } from 'sequelize';\nclass Doc extends Model {}",
    payload: "import { getPayload } from 'payload';\nimport config from './payload.config';\nconst payload = await getPayload({ config });",
    'pg-promise':
      "import pgPromise from 'pg-promise';\nconst pgp = pgPromise();\nconst db = pgp(process.env.DATABASE_URL!);\nconst columns = new pgp.helpers.ColumnSet(['id']);",
    pg: "import { Pool } from 'pg';\nconst pool = new Pool();",
    mysql2: "import mysql from 'mysql2/promise';\nconst pool = mysql.createPool({ uri: process.env.DATABASE_URL! });",
  };
  /** Library, operation, a loop that runs it per item, and the batched form the message must name. */
  const cases: Array<[string, string, string, string]> = [
    [
      'prisma',
      'read',
      'for (const id of ids) await prisma.user.findUnique({ where: { id } });',
      'Load them in one query: prisma.user.findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
    ],
    ['prisma', 'create', 'for (const id of ids) await prisma.user.create({ data: { id } });', 'Create them in one statement: createMany({ data: rows }).'],
    [
      'prisma',
      'create',
      'for (const id of ids) await prisma.user.createMany({ data: [{ id }] });',
      "Create every item's rows in one createMany({ data: rows }), not one per item.",
    ],
    [
      'prisma',
      'update',
      'for (const id of ids) await prisma.user.update({ where: { id }, data: { seen: true } });',
      'Update them in one statement: updateMany({ where: { id: { in: ids } }, data }).',
    ],
    [
      'prisma',
      'update',
      'for (const row of rows) await prisma.user.update({ where: { id: row.id }, data: { rank: row.rank } });',
      'Each row gets its own values, which updateMany cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through $executeRaw, or one $transaction([...]).',
    ],
    [
      'prisma',
      'update',
      'for (const row of rows) { const data = { archived: true }; await prisma.user.update({ where: { id: row.id }, data }); }',
      'Update them in one statement: updateMany({ where: { id: { in: ids } }, data }).',
    ],
    [
      'prisma',
      'update',
      'for (const row of rows) { const data = { rank: row.rank + 1 }; await prisma.user.update({ where: { id: row.id }, data }); }',
      'Each row gets its own values, which updateMany cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through $executeRaw, or one $transaction([...]).',
    ],
    [
      'prisma',
      'update',
      'const viewId = ids[0]; for (const row of rows) await prisma.view.update({ where: { id: viewId }, data: { [row.key]: row.value } });',
      'Every item writes the same row: merge the changes and write the row once, after the loop.',
    ],
    [
      'prisma',
      'update',
      'let index = 0; for (const row of rows) { await prisma.user.update({ where: { id: ids[index] }, data: { rank: row.rank } }); index += 1; }',
      'Each row gets its own values, which updateMany cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through $executeRaw, or one $transaction([...]).',
    ],
    [
      'prisma',
      'update',
      'await prisma.$transaction(async (tx) => { for (const row of rows) await tx.user.update({ where: { id: row.id }, data: { rank: row.rank } }); });',
      'Each row gets its own values, which updateMany cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through $executeRaw.',
    ],
    [
      'prisma',
      'update',
      'for (const row of rows) await prisma.user.update({ where: { id: row.id }, data: { teams: { connect: [{ id: row.teamId }] } } });',
      'updateMany cannot write relations: write the related or join rows in one statement on their table (createMany, deleteMany, $executeRaw), or one $transaction([...]).',
    ],
    [
      'prisma',
      'update',
      'for (const row of rows) await prisma.user.update({ where: { id: row.id }, data: { tags: { set: row.tagIds.map((id) => ({ id })) } } });',
      'updateMany cannot write relations: write the related or join rows in one statement on their table (createMany, deleteMany, $executeRaw), or one $transaction([...]).',
    ],
    [
      'prisma',
      'update',
      "for (const id of ids) await prisma.user.update({ where: { id }, data: { labels: { set: ['seen'] } } });",
      'Update them in one statement: updateMany({ where: { id: { in: ids } }, data }).',
    ],
    [
      'prisma',
      'update',
      'for (const row of rows) await prisma.member.update({ where: { userId_teamId: { userId: row.userId, teamId: row.teamId } }, data: { seen: true } });',
      'Update them in one statement: updateMany({ where: { OR: [{ userId, teamId }, …] }, data }).',
    ],
    [
      'prisma',
      'update',
      'for (const id of ids) await prisma.member.update({ where: { userId_teamId: { userId: ids[0]!, teamId: id } }, data: { seen: true } });',
      'Update them in one statement: updateMany({ where: { teamId: { in: ids }, userId: ids[0]! }, data }).',
    ],
    [
      'prisma',
      'read',
      'for (const row of rows) await prisma.member.findUnique({ where: { userId_teamId: { userId: row.userId, teamId: row.teamId } } });',
      'Load them in one query: prisma.member.findMany({ where: { OR: [{ userId, teamId }, …] } }), or include the relation in the query that loaded the items.',
    ],
    [
      'prisma',
      'read',
      'for (const row of rows) await prisma.language.findFirst({ where: { workspaceId: ids[0], code: row.code } });',
      'Load them in one query: prisma.language.findMany({ where: { code: { in: ids } } }), or include the relation in the query that loaded the items.',
    ],
    [
      'prisma',
      'read',
      'for (const row of rows) await prisma.post.findFirst({ where: { author: { email: row.email } } });',
      'Load them in one query: prisma.post.findMany({ where: { author: { email: { in: ids } } } }), or include the relation in the query that loaded the items.',
    ],
    [
      'prisma',
      'delete',
      'for (const row of rows) await prisma.link.deleteMany({ where: { collection: { id: row.id } } });',
      'Delete them in one statement: deleteMany({ where: { collection: { id: { in: ids } } } }).',
    ],
    [
      'prisma',
      'read',
      "for (const dep of rows) await prisma.prompt.findFirst({ where: { projectId: ids[0], name: dep.name, ...(dep.type === 'version' ? { version: dep.version } : { labels: { has: dep.label } }) } });",
      'Load them in one query: prisma.prompt.findMany({ where: { OR: [{ name, version }, { name, labels: { has } }, …] } }), or include the relation in the query that loaded the items.',
    ],
    [
      'prisma',
      'read',
      'for (const row of rows) await prisma.post.findFirst({ where: { tags: { has: row.tag } } });',
      'Load them in one query: prisma.post.findMany({ where: { OR: [{ tags: { has } }, …] } }), or include the relation in the query that loaded the items.',
    ],
    [
      'prisma',
      'read',
      'for (const row of rows) await prisma.post.findFirst({ where: { AND: [{ authorId: row.authorId }, { published: true }] } });',
      'Load them in one query: prisma.post.findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
    ],
    [
      'prisma',
      'read',
      'const out = []; for (const row of rows) out.push(await prisma.item.findFirst({ select: { [row.column]: true }, where: { id: ids[0] } })); return out;',
      'Every item reads the same rows: run the query once, before the loop, and use its result for each item.',
    ],
    [
      'prisma',
      'read',
      'await Promise.all(rows.map(async (row) => ({ row, settings: await prisma.setting.findMany({ where: { projectId: ids[0] } }) })));',
      'Every item reads the same rows: run the query once, before the loop, and use its result for each item.',
    ],
    [
      'prisma',
      'update',
      "for (const row of rows) await prisma.job.update({ where: { id: row.id }, data: { status: row.failed ? 'failed' : 'done', finishedAt: new Date() } });",
      'Each row gets one of a few values: group the items by value, and update each group in one statement: updateMany({ where: { id: { in: ids } }, data }).',
    ],
    [
      'prisma',
      'update',
      "for (const row of rows) await prisma.job.update({ where: { id: row.id }, data: { status: row.failed ? row.reason : 'done' } });",
      'Each row gets its own values, which updateMany cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through $executeRaw, or one $transaction([...]).',
    ],
    [
      'prisma',
      'create',
      'for (const row of rows) await prisma.link.create({ data: { url: row.url, tags: row.tags.length ? { connectOrCreate: row.tags.map((name: string) => ({ where: { name }, create: { name } })) } : undefined } });',
      'createMany cannot write relations: createManyAndReturn the rows, then createMany their related rows with the returned ids.',
    ],
    [
      'drizzle',
      'update',
      "for (const row of rows) { const reason = row.crawlStatus === 'failure' ? 'Crawl failed' : 'Tagging failed'; await db.update(users).set({ status: 'failed', reason, completedAt: new Date() }).where(eq(users.id, row.id)); }",
      'Each row gets one of a few values: group the items by value, and update each group in one statement with where(inArray(table.id, ids)).',
    ],
    [
      'knex',
      'update',
      "for (const row of rows) await db('jobs').where('id', row.id).update({ state: row.ok ? 'done' : 'failed' });",
      "Each row gets one of a few values: group the items by value, and update each group in one statement with whereIn('id', ids).",
    ],
    [
      'prisma',
      'delete',
      'for (const row of rows) await prisma.member.delete({ where: { userId: row.userId, teamId: row.teamId } });',
      'Delete them in one statement: deleteMany({ where: { OR: [{ userId, teamId }, …] } }).',
    ],
    [
      'prisma',
      'create',
      'for (const row of rows) await prisma.post.create({ data: { title: row.title, tags: { create: row.tags } } });',
      'createMany cannot write relations: createManyAndReturn the rows, then createMany their related rows with the returned ids.',
    ],
    [
      'prisma',
      'create',
      'for (const row of rows) await prisma.post.create({ data: { title: row.title, author: { connect: { id: row.authorId } } } });',
      'Create them in one statement: createMany({ data: rows }), with foreign keys in place of connect.',
    ],
    [
      'prisma',
      'read',
      'for (const id of ids) await prisma.$queryRawUnsafe(\'SELECT * FROM "User" WHERE id = $1\', id);',
      'Run one SQL statement for all items: WHERE id IN (...) with the array of ids.',
    ],
    [
      'prisma',
      'update',
      'for (const id of ids) await prisma.$executeRawUnsafe(\'UPDATE "User" SET seen = true WHERE id = $1\', id);',
      'Update them in one statement: UPDATE … WHERE id = ANY($1) with the array of ids, or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.',
    ],
    [
      'prisma',
      'upsert',
      'for (const id of ids) await prisma.user.upsert({ where: { id }, create: { id }, update: {} });',
      'Create the missing rows in one statement: createMany({ data: rows, skipDuplicates: true }).',
    ],
    [
      'prisma',
      'upsert',
      'for (const id of ids) await prisma.user.upsert({ where: { id }, create: { id }, update: { seen: true } });',
      'Write them in two statements: createMany({ data, skipDuplicates: true }) for the new rows and updateMany for the rest, or send the upserts as one $transaction([...]).',
    ],
    [
      'prisma',
      'upsert',
      'for (const row of rows) await prisma.user.upsert({ where: { id: row.id }, create: row, update: { rank: row.rank } });',
      'Each row gets its own values, which updateMany cannot set: write them in one INSERT … ON CONFLICT DO UPDATE through $executeRaw, or one $transaction([...]).',
    ],
    [
      'prisma',
      'delete',
      'for (const id of ids) await prisma.user.delete({ where: { id } });',
      'Delete them in one statement: deleteMany({ where: { id: { in: ids } } }).',
    ],
    [
      'typeorm',
      'read',
      'for (const id of ids) await users.findOneBy({ id });',
      'Load them in one query: findBy({ id: In(ids) }), or load the relation with the items (relations, leftJoinAndSelect).',
    ],
    ['typeorm', 'create', 'for (const id of ids) await users.insert({ id });', 'Insert them in one statement: insert([...]) or save([...]) with every row.'],
    [
      'typeorm',
      'update',
      'for (const id of ids) await users.update({ id }, { seen: true });',
      'Update them in one statement: update({ id: In(ids) }, changes).',
    ],
    [
      'typeorm',
      'update',
      'for (const row of rows) await users.update({ id: row.id }, { rank: row.rank });',
      'Each row gets its own values, which update() cannot set (save([...]) still sends one UPDATE per row): one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query().',
    ],
    ['typeorm', 'delete', 'for (const id of ids) await users.delete({ id });', 'Delete them in one statement: delete({ id: In(ids) }) or delete(ids).'],
    ['typeorm', 'upsert', "for (const id of ids) await users.upsert({ id }, ['id']);", 'Upsert them in one statement: upsert([...rows], [conflict columns]).'],
    [
      'typeorm',
      'create',
      'for (const id of ids) await users.save(users.create({ name: id }));',
      'Insert them in one statement: insert([...]) or save([...]) with every row.',
    ],
    [
      'typeorm',
      'update',
      'for (const user of await users.find()) { user.seen = true; await users.save(user); }',
      'Update them in one statement: update({ id: In(ids) }, changes), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query() when each row gets different data.',
    ],
    [
      'typeorm',
      'update',
      'for (const id of ids) await users.save({ id, seen: true });',
      'Update them in one statement: update({ id: In(ids) }, changes), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query() when each row gets different data.',
    ],
    [
      'typeorm',
      'save',
      'for (const id of ids) await users.save(JSON.parse(id));',
      'Insert the new ones in one insert([...]), and update the loaded ones: update({ id: In(ids) }, changes), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query() when each row gets different data.',
    ],
    [
      'sequelize',
      'read',
      'for (const id of ids) await User.findByPk(id);',
      'Load them in one query: findAll({ where: { id: { [Op.in]: ids } } }), or include the association in the query that loaded the items.',
    ],
    ['sequelize', 'create', 'for (const id of ids) await User.create({ id });', 'Create them in one statement: bulkCreate([...]).'],
    [
      'sequelize',
      'upsert',
      'for (const id of ids) await User.upsert({ id });',
      'Upsert them in one statement: bulkCreate(rows, { updateOnDuplicate: [...] }).',
    ],
    [
      'sequelize',
      'create',
      'for (const id of ids) await User.findOrCreate({ where: { email: id } });',
      'Load the existing rows in one findAll({ where: { email: { [Op.in]: ids } } }), then bulkCreate([...]) the missing ones.',
    ],
    [
      'sequelize',
      'update',
      'for (const id of ids) await User.update({ seen: true }, { where: { id } });',
      'Update them in one statement: update(changes, { where: { id: { [Op.in]: ids } } }).',
    ],
    [
      'sequelize',
      'update',
      'for (const row of rows) await User.update({ rank: row.rank }, { where: { id: row.id } });',
      'Each row gets its own values, which update() cannot set: one UPDATE … SET column = CASE id WHEN … THEN … END through sequelize.query(), or one update(changes, { where: { id: { [Op.in]: ids } } }) per distinct value.',
    ],
    [
      'sequelize',
      'delete',
      'for (const id of ids) await User.destroy({ where: { id } });',
      'Delete them in one statement: destroy({ where: { id: { [Op.in]: ids } } }).',
    ],
    [
      'mongoose',
      'read',
      'for (const id of ids) await User.findById(id);',
      'Load them in one query: find({ _id: { $in: ids } }), or .populate() on the query that loaded the items.',
    ],
    ['mongoose', 'create', 'for (const id of ids) await User.create({ _id: id });', 'Insert them in one call: insertMany([...]).'],
    [
      'mongoose',
      'update',
      'for (const id of ids) await User.updateOne({ _id: id }, { seen: true });',
      'Update them in one call: updateMany({ _id: { $in: ids } }, changes).',
    ],
    [
      'mongoose',
      'update',
      'for (const row of rows) await User.updateOne({ _id: row.id }, { rank: row.rank });',
      'Each document gets its own values, which updateMany cannot set: send them in one bulkWrite([{ updateOne: { filter, update } }, …]).',
    ],
    [
      'mongoose',
      'delete',
      'for (const id of ids) await User.deleteOne({ _id: id });',
      'Delete them in one call: deleteMany({ _id: { $in: ids } }), or bulkWrite([...]).',
    ],
    [
      'mongoose',
      'read',
      'for (const id of ids) await User.count({ teamId: id });',
      "Count them in one query: aggregate([{ $match: { teamId: { $in: ids } } }, { $group: { _id: '$teamId', count: { $sum: 1 } } }]).",
    ],
    ['mongodb', 'read', 'for (const id of ids) await users.findOne({ _id: id });', 'Load them in one query: find({ _id: { $in: ids } }).'],
    ['mongodb', 'create', 'for (const id of ids) await users.insertOne({ _id: id });', 'Insert them in one call: insertMany([...]).'],
    [
      'mongodb',
      'update',
      'for (const id of ids) await users.updateOne({ _id: id }, { $set: { seen: true } });',
      'Update them in one call: updateMany({ _id: { $in: ids } }, changes).',
    ],
    [
      'mongodb',
      'delete',
      'for (const id of ids) await users.deleteOne({ _id: id });',
      'Delete them in one call: deleteMany({ _id: { $in: ids } }), or bulkWrite([...]).',
    ],
    ['knex', 'read', "for (const id of ids) await db('users').where({ id }).first();", "Load them in one query with whereIn('id', ids)."],
    ['knex', 'create', "for (const id of ids) await db('users').insert({ id });", "Insert them in one statement: knex('table').insert(rows)."],
    [
      'knex',
      'update',
      "for (const id of ids) await db('users').where({ id }).update({ seen: true });",
      "Update them in one statement with whereIn('id', ids).",
    ],
    [
      'knex',
      'update',
      "for (const row of rows) await db('users').where({ id: row.id }).update({ rank: row.rank });",
      'Each row gets its own values, which one update over the ids cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL).',
    ],
    ['knex', 'delete', "for (const id of ids) await db('users').where({ id }).del();", "Delete them in one statement with whereIn('id', ids)."],
    [
      'kysely',
      'read',
      "for (const id of ids) await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();",
      "Load them in one query with where('id', 'in', ids).",
    ],
    [
      'kysely',
      'create',
      "for (const id of ids) await db.insertInto('users').values({ id }).execute();",
      'Insert them in one statement: insertInto(table).values(rows).',
    ],
    [
      'kysely',
      'update',
      "for (const id of ids) await db.updateTable('users').set({ seen: true }).where('id', '=', id).execute();",
      "Update them in one statement with where('id', 'in', ids).",
    ],
    [
      'kysely',
      'delete',
      "for (const id of ids) await db.deleteFrom('users').where('id', '=', id).execute();",
      "Delete them in one statement with where('id', 'in', ids).",
    ],
    [
      'mikro-orm',
      'update',
      "for (const id of ids) await em.nativeUpdate('User', { id }, { seen: true });",
      'Update them in one statement: em.nativeUpdate(Entity, { id: { $in: ids } }, changes).',
    ],
    [
      'mikro-orm',
      'update',
      "for (const row of rows) await em.nativeUpdate('User', { id: row.id }, { rank: row.rank });",
      'Each row gets its own values, which nativeUpdate cannot set: change the loaded entities and flush once (one batched update).',
    ],
    [
      'drizzle',
      'update',
      'for (const id of ids) await db.update(users).set({ seen: true }).where(eq(users.id, id));',
      'Update them in one statement with where(inArray(table.id, ids)).',
    ],
    [
      'drizzle',
      'update',
      'for (const row of rows) await db.update(users).set({ rank: row.rank }).where(eq(users.id, row.id));',
      'Each row gets its own values, which one update over the ids cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL).',
    ],
    [
      'drizzle',
      'delete',
      'for (const id of ids) await db.delete(users).where(eq(users.id, id));',
      'Delete them in one statement with where(inArray(table.id, ids)).',
    ],
    ['redis', 'read', 'for (const id of ids) await redis.get(id);', 'Read them in one round trip: mget(keys), or a pipeline().'],
    ['redis', 'read', 'for (const id of ids) await redis.llen(id);', 'Queue the commands on a pipeline() and send them in one round trip.'],
    ['redis', 'delete', 'for (const id of ids) await redis.del(id);', 'Send them in one round trip: del(keys), or a pipeline() (multi() for a transaction).'],
    [
      'redis',
      'create',
      "for (const id of ids) await redis.set(id, '1');",
      'Send them in one round trip: mset(pairs), or a pipeline() (multi() for a transaction).',
    ],
    [
      'row',
      'update',
      'for (const doc of await Doc.findAll({ where: { id: ids } })) await doc.save();',
      'Update them in one statement: Doc.update(changes, { where: { id: { [Op.in]: ids } } }) (individualHooks: true runs their hooks), or bulkCreate(rows, { updateOnDuplicate: [...] }) when each row gets different values.',
    ],
    [
      'row',
      'update',
      "for (const doc of await Doc.findAll({ where: { id: ids } })) await doc.update({ title: 'x' });",
      'Update them in one statement: Doc.update(changes, { where: { id: { [Op.in]: ids } } }) (individualHooks: true runs their hooks), or bulkCreate(rows, { updateOnDuplicate: [...] }) when each row gets different values.',
    ],
    [
      'row',
      'delete',
      'for (const doc of await Doc.findAll({ where: { id: ids } })) await doc.destroy();',
      'Delete them in one statement: Doc.destroy({ where: { id: { [Op.in]: ids } } }), with individualHooks: true if their hooks must run.',
    ],
    [
      'row',
      'increment',
      "for (const doc of await Doc.findAll({ where: { id: ids } })) await doc.increment('views');",
      'Change them in one statement: Doc.increment(fields, { where: { id: { [Op.in]: ids } } }).',
    ],
    ['row', 'create', 'for (const id of ids) { const doc = Doc.build({ id }); await doc.save(); }', 'Create them in one statement: bulkCreate([...]).'],
    [
      'payload',
      'read',
      "for (const id of ids) await payload.findByID({ collection: 'posts', id });",
      'Load them in one query: payload.find({ collection, where: { id: { in: ids } }, pagination: false }), or populate the relationship (depth) in the query that loaded the items.',
    ],
    [
      'payload',
      'read',
      "for (const id of ids) await payload.find({ collection: 'comments', where: { post: { equals: id } } });",
      'Load them in one query: payload.find({ collection, where: { post: { in: ids } }, pagination: false }), or populate the relationship (depth) in the query that loaded the items.',
    ],
    [
      'payload',
      'count',
      "for (const id of ids) await payload.count({ collection: 'comments', where: { post: { equals: id } } });",
      'Count them in one query: payload.find({ collection, where: { post: { in: ids } }, pagination: false, depth: 0 }), and count the documents per post.',
    ],
    [
      'payload',
      'create',
      "for (const id of ids) await payload.create({ collection: 'tags', data: { name: id } });",
      'Payload has no bulk create: insert the rows in one statement through the database driver (payload.db.drizzle, or the Mongoose model in payload.db.collections), which runs no hooks.',
    ],
    [
      'payload',
      'update',
      "for (const id of ids) await payload.update({ collection: 'posts', id, data: { seen: true } });",
      'Update them in one call: payload.update({ collection, where: { id: { in: ids } }, data }), when they all get the same data.',
    ],
    [
      'payload',
      'delete',
      "for (const id of ids) await payload.delete({ collection: 'posts', id });",
      'Delete them in one call: payload.delete({ collection, where: { id: { in: ids } } }).',
    ],
    [
      'payload',
      'update',
      "for (const id of ids) await payload.db.updateOne({ collection: 'posts', id, data: { seen: true } });",
      'Update them in one call: payload.db.updateMany({ collection, where: { id: { in: ids } }, data }), when they all get the same data.',
    ],
    [
      'payload',
      'update',
      "for (const row of rows) await payload.db.updateOne({ collection: 'products', id: row.product, data: { stock: { $inc: -row.quantity } } });",
      'Each document gets its own values, which one updateMany over the ids cannot set: keep one update per document where its hooks must run, else write them in one statement through the database driver (bulkWrite on the Mongoose model in payload.db.collections, or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through payload.db.drizzle).',
    ],
    [
      'payload',
      'delete',
      "for (const id of ids) await payload.db.deleteOne({ collection: 'posts', where: { id: { equals: id } } });",
      'Delete them in one call: payload.db.deleteMany({ collection, where: { id: { in: ids } } }).',
    ],
    [
      'pg-promise',
      'read',
      "for (const id of ids) await db.oneOrNone('SELECT * FROM users WHERE id = $1', [id]);",
      'Run one query for all items: WHERE id IN ($1:csv), or WHERE id = ANY($1) with the array of ids.',
    ],
    [
      'pg-promise',
      'create',
      'for (const id of ids) await db.none(pgp.helpers.insert({ id }, columns));',
      'Insert them in one statement: pgp.helpers.insert(rows, columnSet), one INSERT with a row per item.',
    ],
    [
      'pg-promise',
      'create',
      "for (const id of ids) await db.none('INSERT INTO seen (user_id) VALUES ($1)', [id]);",
      'Insert them in one statement: pgp.helpers.insert(rows, columnSet), one INSERT with a row per item.',
    ],
    [
      'pg-promise',
      'update',
      "for (const id of ids) await db.result(pgp.as.format('UPDATE users SET seen = true WHERE id = $1', [id]));",
      "Update them in one statement: UPDATE … WHERE id IN ($1:csv) with the array of ids, or pgp.helpers.update(rows, columnSet) + ' WHERE v.id = t.id' when each row gets different data.",
    ],
    [
      'pg-promise',
      'delete',
      "for (const id of ids) await db.tx((t) => t.none('DELETE FROM users WHERE id = $1', [id]));",
      'Delete them in one statement: DELETE … WHERE id IN ($1:csv) with the array of ids.',
    ],
    [
      'pg',
      'upsert',
      "const upsertRank = 'INSERT INTO ranks (user_id, rank) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET rank = EXCLUDED.rank'; for (const row of rows) await pool.query(upsertRank, [row.id, row.rank]);",
      'Upsert them in one statement: INSERT … SELECT * FROM unnest($1, $2) with an array per column, or VALUES with a row per item, ON CONFLICT … DO UPDATE.',
    ],
    [
      'pg',
      'create',
      "const markSeen = 'INSERT INTO seen (user_id) VALUES ($1) ON CONFLICT DO NOTHING'; for (const id of ids) await pool.query(markSeen, [id]);",
      'Insert them in one statement: INSERT … VALUES with a row per item, or INSERT … SELECT * FROM unnest($1, $2) with an array per column.',
    ],
    [
      'pg-promise',
      'upsert',
      "for (const row of rows) await db.none('INSERT INTO ranks (user_id, rank) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET rank = EXCLUDED.rank', [row.id, row.rank]);",
      "Upsert them in one statement: pgp.helpers.insert(rows, cs) + ' ON CONFLICT (key) DO UPDATE SET ' + cs.assignColumns({ from: 'EXCLUDED' }).",
    ],
    [
      'mysql2',
      'upsert',
      "for (const row of rows) await pool.query('INSERT INTO ranks (user_id, rank) VALUES (?, ?) ON DUPLICATE KEY UPDATE rank = VALUES(rank)', [row.id, row.rank]);",
      'Upsert them in one statement: INSERT … VALUES ? with the array of rows, and ON DUPLICATE KEY UPDATE column = VALUES(column).',
    ],
    [
      'typeorm',
      'upsert',
      "const touch = 'INSERT INTO records (key, updated_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at'; for (const row of rows) await dataSource.manager.query(touch, [row.key, row.at]);",
      'Upsert them in one statement: one INSERT … VALUES with a row per item and the same conflict clause (ON CONFLICT or ON DUPLICATE KEY).',
    ],
    [
      'mongoose',
      'upsert',
      'for (const id of ids) await User.updateOne({ _id: id }, { seen: true }, { upsert: true });',
      'Upsert them in one call: bulkWrite([{ updateOne: { filter, update, upsert: true } }, …]).',
    ],
    [
      'knex',
      'upsert',
      "for (const row of rows) await db('ranks').insert({ user_id: row.id, rank: row.rank }).onConflict('user_id').merge();",
      "Upsert them in one statement: knex('table').insert(rows).onConflict(key).merge() with every row.",
    ],
    [
      'knex',
      'create',
      "for (const id of ids) await db('seen').insert({ user_id: id }).onConflict('user_id').ignore();",
      "Insert them in one statement: knex('table').insert(rows).",
    ],
    [
      'drizzle',
      'upsert',
      'for (const row of rows) await db.insert(users).values(row).onConflictDoUpdate({ target: users.id, set: { rank: row.rank } });',
      "Upsert them in one statement: db.insert(table).values(rows) with the same conflict clause, its set taking each row's excluded.column.",
    ],
    [
      'kysely',
      'upsert',
      "for (const row of rows) await db.insertInto('ranks').values(row).onConflict((oc) => oc.column('user_id').doUpdateSet({ rank: row.rank })).execute();",
      "Upsert them in one statement: insertInto(table).values(rows) with the same onConflict, its doUpdateSet taking each row's excluded.column.",
    ],
    [
      'drizzle',
      'update',
      'for (const row of rows) { const changes: Record<string, unknown> = { seen: true }; if (row.rank) changes.rank = row.rank; await db.update(users).set(changes).where(eq(users.id, row.id)); }',
      'Each row gets its own values, which one update over the ids cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL).',
    ],
    [
      'drizzle',
      'update',
      "for (const row of rows) { const changes: Record<string, unknown> = { seen: true }; changes.by = 'system'; await db.update(users).set(changes).where(eq(users.id, row.id)); }",
      'Update them in one statement with where(inArray(table.id, ids)).',
    ],
    [
      'prisma',
      'update',
      'for (const group of rows) await prisma.group.update({ where: { id: group.id }, data: { count: { increment: ids.filter((id) => id === group.id).length } } });',
      'Each row gets its own values, which updateMany cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through $executeRaw, or one $transaction([...]).',
    ],
    [
      'prisma',
      'read',
      'for (const row of rows) await prisma.user.findMany({ where: { name: { contains: row.term } } });',
      "Match them in one query, the items' patterns joined with where: { OR: [...] }, then give each item its rows in memory.",
    ],
    [
      'prisma',
      'read',
      'for (const row of rows) await prisma.event.count({ where: { createdAt: { gte: row.start, lt: row.end } } });',
      'Count them in one query over the whole range, grouped by the bucket each item stands for.',
    ],
    [
      'drizzle',
      'read',
      'for (const row of rows) await db.select().from(users).where(ilike(users.email, `%${row.term}%`));',
      "Match them in one query, the items' patterns joined with or(...), then give each item its rows in memory.",
    ],
    [
      'drizzle',
      'read',
      'for (const row of rows) await db.select().from(users).where(and(gte(users.createdAt, row.start), lt(users.createdAt, row.end)));',
      'Load them in one query over the whole range (lowest to highest bound), then give each item its rows in memory.',
    ],
    [
      'knex',
      'read',
      "for (const row of rows) await db('users').where('name', 'ilike', `${row.prefix}%`);",
      "Match them in one query, the items' patterns joined with orWhere for each, then give each item its rows in memory.",
    ],
    [
      'mongoose',
      'read',
      "for (const row of rows) await User.find({ name: new RegExp(row.prefix, 'i') });",
      "Match them in one query, the items' patterns joined with $or: [...] or one $regex alternation, then give each item its rows in memory.",
    ],
    [
      'drizzle',
      'read',
      'for (const row of rows) await db.select().from(users).where(and(eq(users.teamId, row.teamId), eq(users.email, row.email)));',
      'The rows are keyed by two columns: load them in one query matching every pair, or(...pairs.map((p) => and(eq(...), eq(...)))).',
    ],
    [
      'drizzle',
      'delete',
      'for (const row of rows) await db.delete(users).where(and(eq(users.teamId, row.teamId), eq(users.email, row.email)));',
      'The rows are keyed by two columns: delete them in one statement matching every pair, or(...pairs.map((p) => and(eq(...), eq(...)))).',
    ],
    [
      'drizzle',
      'update',
      'for (const row of rows) await db.update(users).set({ rank: row.rank }).where(and(eq(users.teamId, row.teamId), eq(users.email, row.email)));',
      'Each row gets its own values, which one update over the ids cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL).',
    ],
    [
      'knex',
      'read',
      "for (const row of rows) await db('members').where({ team_id: row.teamId, user_id: row.userId }).first();",
      "The rows are keyed by two columns: load them in one query matching every pair, whereIn(['a', 'b'], pairs).",
    ],
    [
      'mongoose',
      'update',
      'for (const row of rows) await User.updateOne({ orgId: row.orgId, email: row.email }, { seen: true });',
      'The rows are keyed by two columns: update them in one statement matching every pair, { $or: pairs }, when they get the same changes.',
    ],
    [
      'typeorm',
      'read',
      'for (const row of rows) await users.findOneBy({ orgId: row.orgId, email: row.email });',
      'The rows are keyed by two columns: load them in one query matching every pair, an array of where objects, one per pair.',
    ],
    [
      'typeorm',
      'read',
      'for (const row of rows) await users.findOneBy({ email: row.email });',
      'Load them in one query: findBy({ email: In(ids) }), or load the relation with the items (relations, leftJoinAndSelect).',
    ],
    [
      'sequelize',
      'read',
      "for (const row of rows) await User.findOne({ where: { handle: row.handle, tenantId: rows[0].tenantId, state: 'active' } });",
      'Load them in one query: findAll({ where: { handle: { [Op.in]: ids } } }), or include the association in the query that loaded the items.',
    ],
    [
      'sequelize',
      'read',
      'for (const row of rows) await User.findOne({ where: { handle: row.handle, tenantId: row.tenantId } });',
      'The rows are keyed by two columns: load them in one query matching every pair, { [Op.or]: pairs }.',
    ],
    [
      'mongoose',
      'update',
      "for (const id of ids) await User.updateMany({ teamId: 'core' }, { $pull: { followers: id } });",
      "Every item changes the same documents: update them once, every item's value in the modifier ($pull: { field: { $in: values } }, $addToSet with $each).",
    ],
    [
      'mongoose',
      'update',
      "for (const id of ids) await User.updateOne({ teamId: 'core' }, { $pull: { followers: id } });",
      'Each document gets its own values, which updateMany cannot set: send them in one bulkWrite([{ updateOne: { filter, update } }, …]).',
    ],
    [
      'mongoose',
      'update',
      "for (const id of ids) await User.updateMany({ teamId: id }, { $pull: { followers: 'x' } });",
      'Update them in one call: updateMany({ teamId: { $in: ids } }, changes).',
    ],
    [
      'mongoose',
      'read',
      "for (const row of rows) await User.find({ 'profile.handle': row.handle, removed: { $exists: false } }).count();",
      "Count them in one query: aggregate([{ $match: { 'profile.handle': { $in: ids } } }, { $group: { _id: '$profile.handle', count: { $sum: 1 } } }]).",
    ],
  ];
  for (const [library, operation, loop, advice] of cases) {
    it(`${library} ${operation}: ${loop}`, () => {
      const preamble = preambles[library]!;
      const code = `${preamble}\nexport async function run(ids: string[], rows: any[]) {\n  ${loop}\n}\n`;
      const [finding, ...rest] = findings(code);
      assert.deepEqual(rest, []);
      assert.equal(code.slice(0, finding?.start).split('\n').length, preamble.split('\n').length + 2);
      assert.equal(finding!.message.slice(finding!.message.indexOf('). ') + 3), advice);
      // A write is never answered with a read, and a delete never with a save.
      if (operation !== 'read') assert.doesNotMatch(advice, /^Load them/);
      if (operation === 'delete') assert.doesNotMatch(advice, /save\(/);
    });
  }
});

describe('n-plus-one and the other work of the same iteration', () => {
  const builderPreamble = [
    "import { drizzle } from 'drizzle-orm/node-postgres';",
    "import { eq } from 'drizzle-orm';",
    "import { networks } from './schema';",
    "import Docker from 'dockerode';",
    'const db = drizzle(process.env.DATABASE_URL!);',
    'const docker = new Docker();',
  ];
  const preamble = ["import { PrismaClient } from '@prisma/client';", "import { put } from '@vercel/blob';", 'const prisma = new PrismaClient();'];
  const located = (code: string) =>
    findings(code, 'example.ts', DEFAULT_OPTIONS).map((finding) => ({ ...toExpected(code, [finding])[0], messageId: finding.messageId }));

  it('leaves a row that records what an upload returned to await-in-loop: one finding for the loop', () => {
    const code = [
      ...preamble,
      'export async function importFiles(files: Array<{ name: string; body: Buffer }>) {',
      '  for (const file of files) {',
      "    const { url } = await put(file.name, file.body, { access: 'public' });",
      '    await prisma.media.create({ data: { name: file.name, url } });',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(located(code), [{ rule: 'await-in-loop', line: 6, column: 21, endLine: 6, endColumn: 26, messageId: 'awaitInLoop' }]);
  });

  it('still reports a write that needs nothing from the upload before it, beside the await-in-loop of the upload', () => {
    const code = [
      ...preamble,
      'export async function markUploaded(files: Array<{ id: string; name: string; body: Buffer }>) {',
      '  for (const file of files) {',
      "    await put(file.name, file.body, { access: 'public' });",
      '    await prisma.media.update({ where: { id: file.id }, data: { uploaded: true } });',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(located(code), [
      { rule: 'await-in-loop', line: 6, column: 5, endLine: 6, endColumn: 10, messageId: 'awaitInLoop' },
      { rule: 'n-plus-one', line: 7, column: 11, endLine: 7, endColumn: 30, messageId: 'write' },
    ]);
  });

  it('leaves a row that a later step of the chain is handed from other work to await-in-loop; reports one that needs nothing from it', () => {
    const code = [
      ...builderPreamble,
      'export async function record(names: string[]) {',
      '  for (const name of names) {',
      '    const info = await docker.getNetwork(name).inspect();',
      '    await db.insert(networks).values({ name, driver: info.driver });',
      '  }',
      '  for (const name of names) {',
      '    await docker.getNetwork(name).inspect();',
      '    await db.update(networks).set({ checked: true }).where(eq(networks.name, name));',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual(located(code), [
      { rule: 'await-in-loop', line: 9, column: 18, endLine: 9, endColumn: 23, messageId: 'awaitInLoop' },
      { rule: 'await-in-loop', line: 13, column: 5, endLine: 13, endColumn: 10, messageId: 'awaitInLoop' },
      { rule: 'n-plus-one', line: 14, column: 11, endLine: 14, endColumn: 20, messageId: 'write' },
    ]);
  });
});

describe('n-plus-one on Drizzle handles known by their type', () => {
  it('takes typeof a client and the transaction types of the dialects, directly or through an alias, for the client', () => {
    const code = [
      "import Database from 'better-sqlite3';",
      "import { drizzle } from 'drizzle-orm/better-sqlite3';",
      "import { eq, type ExtractTablesWithRelations } from 'drizzle-orm';",
      "import type { MySqlTransaction } from 'drizzle-orm/mysql-core';",
      "import type { SQLiteTransaction } from 'drizzle-orm/sqlite-core';",
      "import * as schema from './schema';",
      'const db = drizzle(new Database(process.env.DB_FILE!), { schema });',
      "type Tx = SQLiteTransaction<'sync', Database.RunResult, typeof schema, ExtractTablesWithRelations<typeof schema>>;",
      'type DbOrTx = typeof db | Tx;',
      'export async function rename(database: typeof db, ids: string[]) {',
      '  for (const id of ids) await database.update(schema.tags).set({ name: id }).where(eq(schema.tags.id, id));',
      '//                            ^^^^^^^^^^^^^^^ n-plus-one',
      '}',
      'export async function untag(tx: DbOrTx, ids: string[]) {',
      '  for (const id of ids) await tx.delete(schema.tags).where(eq(schema.tags.id, id));',
      '//                            ^^^^^^^^^ n-plus-one',
      '}',
      'export async function load(tx: MySqlTransaction<any, any>, ids: string[]) {',
      '  for (const id of ids) await tx.query.tags.findFirst({ where: eq(schema.tags.id, id) });',
      '//                            ^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one',
      '}',
    ].join('\n');
    assertAnnotated(code);
  });

  it('leaves typeof a Map, and a context whose db is an interface of the project, alone', () => {
    const code = [
      'interface Store { get(id: string): Promise<string | undefined>; update(id: string, value: string): Promise<void> }',
      'interface Context { db: Store }',
      'const cache = new Map<string, string>();',
      'type Db = Map<string, string>;',
      'export function evict(store: typeof cache, db: Db, ids: string[]) {',
      '  for (const id of ids) if (store.delete(id) || db.delete(id)) console.log(id);',
      '}',
      'export async function touch({ ctx }: { ctx: Context }, ids: string[]) {',
      "  for (const id of ids) await ctx.db.update(id, 'seen');",
      '//                      ^^^^^ await-in-loop',
      '}',
    ].join('\n');
    assertAnnotated(code, 'example.ts', DEFAULT_OPTIONS);
  });
});

describe('n-plus-one on a function that queries and calls itself per child', () => {
  it('advises one query for the whole tree (a read) or one statement over its ids (a write), in a loop and in an array callback; trees already loaded, and a function that calls itself again on the same item, are left alone', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'recursive-trees.ts');
    const text = fs.readFileSync(file, 'utf8');
    const tree = 'Load the whole tree in one query (WITH RECURSIVE, or every row of the tree at once) and build it in memory.';
    const treeWrite = "Collect the whole tree's ids in one query (WITH RECURSIVE) and write them in one statement over the ids.";
    assert.deepEqual(
      findings(text, file).map((finding) => [text.slice(finding.start, finding.end), finding.message]),
      [
        ['this.descendantIds', `this.descendantIds() runs a query (db.folder.findMany, line 17) per item of this loop (N+1). ${tree}`],
        ['this.exportTree', `this.exportTree() runs a query (db.folder.findUnique, line 27) per item of this loop (N+1). ${tree}`],
        ['this.exportFolder', `this.exportFolder() runs a query (db.folder.findUnique, line 36) per item of this loop (N+1). ${tree}`],
        ['deleteSubtree', `deleteSubtree() runs a write (prisma.folder.delete, line 54) per item of this loop (N+1). ${treeWrite}`],
        [
          'this.summary',
          'this.summary() runs a query (db.folder.findUnique, line 76) per item of this loop (N+1). Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
        ],
      ],
    );
  });

  it('names the column a Knex chain filters on per item, past joins and constant filters, and counts in one grouped query', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'knex-filter-columns.ts');
    const text = fs.readFileSync(file, 'utf8');
    assertAnnotated(text, file);
    assert.deepEqual(
      findings(text, file).map((finding) => finding.message),
      [
        "db runs one Knex query per item of this loop (N+1 queries). Load them in one query with whereIn('rt.rule_id', ids).",
        "db runs one Knex query per item of this loop (N+1 queries). Count them in one query grouped by channel_id: whereIn('channel_id', ids).groupBy('channel_id').select('channel_id').count().",
        "db runs one Knex write per item of this loop (N+1 statements). Update them in one statement with whereIn('customer_id', ids).",
        "db runs one Knex query per item of this loop (N+1 queries). The rows are keyed by two columns: load them in one query matching every pair, whereIn(['a', 'b'], pairs).",
      ],
    );
  });

  it('reports a Supabase request per item, with the PostgREST form that takes every item', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'supabase-requests.ts');
    const text = fs.readFileSync(file, 'utf8');
    // Storage uploads in a loop are await-in-loop's: this rule's findings are the database requests alone.
    assert.deepEqual(
      toExpected(text, findings(text, file)),
      expectedFindings(text).filter((finding) => finding.rule === 'n-plus-one'),
    );
    const write = 'supabase.from runs one Supabase write per item of this loop (N+1 statements).';
    const read = 'supabase.from runs one Supabase query per item of this loop (N+1 queries).';
    assert.deepEqual(
      findings(text, file).map((finding) => [finding.messageId, finding.message]),
      [
        ['write', `${write} Update them in one request: .update(changes).in('id', ids), or .upsert(rows) when each row gets different data.`],
        ['write', `${write} Update them in one request: .update(changes).in('id', ids), or .upsert(rows) when each row gets different data.`],
        ['query', `${read} Load them in one request: .select().in('id', ids).`],
        ['query', `${read} Count them in one request: .select('team_id').in('team_id', ids) and count the rows per team_id, or an rpc() that groups them.`],
        ['write', `${write} Insert them in one request: .insert(rows) with the array of every row.`],
        ['write', `${write} Delete them in one request: .delete().in('id', ids).`],
      ],
    );
  });

  it("reports a job added to a queue per item, with the queue library's bulk form", () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'job-queue-adds.ts');
    const text = fs.readFileSync(file, 'utf8');
    assertAnnotated(text, file);
    assert.deepEqual(
      findings(text, file).map((finding) => finding.message),
      [
        'mailQueue.add runs one BullMQ write per item of this loop (N+1 statements). Add them in one call: mailQueue.addBulk([{ name, data }, …]) with every job, one round trip.',
        'legacyQueue.add runs one BullMQ write per item of this loop (N+1 statements). Add them in one call: legacyQueue.addBulk([{ name, data }, …]) with every job, one round trip.',
        'pushQueue.createJob runs one Bee-Queue write per item of this loop (N+1 statements). Save them in one call: pushQueue.saveAll(jobs) with every job createJob made.',
        'boss.send runs one pg-boss write per item of this loop (N+1 statements). Send them in one call: boss.insert([{ name, data }, …]) with every job, one statement.',
      ],
    );
  });

  it('reports a DynamoDB request per item, with the batch or transaction command of the same client', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'dynamodb-requests.ts');
    const text = fs.readFileSync(file, 'utf8');
    // S3 downloads of the same SDK are await-in-loop's: this rule's findings are the DynamoDB requests alone.
    assert.deepEqual(
      toExpected(text, findings(text, file)),
      expectedFindings(text).filter((finding) => finding.rule === 'n-plus-one'),
    );
    const read = 'runs one DynamoDB query per item of this loop (N+1 queries).';
    const write = 'runs one DynamoDB write per item of this loop (N+1 statements).';
    assert.deepEqual(
      findings(text, file).map((finding) => finding.message),
      [
        `dynamo.send ${read} Read them in one request: BatchGetItemCommand with up to 100 keys per call.`,
        `documents.send ${read} Read them in one request: BatchGetCommand with up to 100 keys per call.`,
        `dynamo.send ${read} DynamoDB has no batched Query: run them concurrently with a bound (a DataLoader batch), use BatchGet when each is one key, or key an index so one Query returns every item.`,
        `documents.send ${write} Write them in one request: BatchWriteCommand with up to 25 items per call, or TransactWriteCommand when they must succeed together.`,
        `documents.send ${write} Write them in one request: TransactWriteCommand with up to 100 updates, or run them with bounded concurrency.`,
        `dynamo.send ${write} Write them in one request: BatchWriteItemCommand with up to 25 items per call, or TransactWriteItemsCommand when they must succeed together.`,
        `legacyDocuments.get ${read} Read them in one request: batchGet with up to 100 keys per call.`,
        `settingOf ${read} Read them in one request: batchGet with up to 100 keys per call.`,
      ],
    );
  });

  const readPerItem = (library: string): string => `runs one ${library} query per item of this loop (N+1 queries).`;
  const writePerItem = (library: string): string => `runs one ${library} write per item of this loop (N+1 statements).`;
  /** The messages of the findings in one of this rule's fixtures. */
  const fixtureMessages = (name: string): string[] => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', name);
    const text = fs.readFileSync(file, 'utf8');
    return findings(text, file).map((finding) => finding.message);
  };

  it('reports an Elasticsearch or OpenSearch document request per item, with mget, msearch or bulk of the same client', () => {
    assert.deepEqual(fixtureMessages('search-engine-requests.ts'), [
      `search.get ${readPerItem('Elasticsearch')} Read them in one request: search.mget({ index, ids }) with every item's id.`,
      `search.search ${readPerItem('Elasticsearch')} Run them in one request: search.msearch with one header and query per item, or one query with a terms filter on every item's value.`,
      `opensearch.count ${readPerItem('OpenSearch')} Run them in one request: opensearch.msearch with one header and query per item, or one query with a terms filter on every item's value.`,
      `opensearch.index ${writePerItem('OpenSearch')} Write them in one request: opensearch.bulk with one index action per document.`,
      `legacy.delete ${writePerItem('Elasticsearch')} Write them in one request: legacy.bulk with one delete action per document.`,
      `search.indices.getAlias ${readPerItem('Elasticsearch')} Read them in one request: search.indices.getAlias({ index: names }) with every item's index.`,
      `client.update ${writePerItem('Elasticsearch')} Write them in one request: this.client.bulk with one update action per document.`,
    ]);
  });

  it('reports a Meilisearch or Algolia request per item, with the plural request of the same index or client', () => {
    assert.deepEqual(fixtureMessages('hosted-search-requests.ts'), [
      `movies.addDocuments ${writePerItem('Meilisearch')} Send them in one task: addDocuments(documents) with every item's document.`,
      `movies.getDocument ${readPerItem('Meilisearch')} Read them in one request: getDocuments({ filter: 'id IN [...]' }) with every item's id.`,
      `index.deleteDocument ${writePerItem('Meilisearch')} Delete them in one task: deleteDocuments(ids) with every item's id.`,
      `books.updateDocuments ${writePerItem('Meilisearch')} Send them in one task: updateDocuments(documents) with every item's document.`,
      `products.saveObject ${writePerItem('Algolia')} Save them in one request: saveObjects with every item's record.`,
      `catalog.searchSingleIndex ${readPerItem('Algolia')} Run them in one request: one multi-query search with a query per item (multipleQueries in v4, search({ requests }) in v5).`,
    ]);
  });

  it('follows a Knex field called as a function, a manager named by a type argument and an Upstash client', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'handles-injected-or-type-argued.ts');
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(
      findings(text, file).map((finding) => [text.slice(finding.start, finding.end), finding.messageId, finding.message]),
      [
        ['this.knex', 'query', "this.knex runs one Knex query per item of this loop (N+1 queries). Load them in one query with whereIn('userId', ids)."],
        [
          'manager.findOne',
          'query',
          'manager.findOne runs one MikroORM query per item of this loop (N+1 queries). Load them in one query: em.find(Entity, { id: { $in: ids } }), or populate the relation where the items are loaded.',
        ],
        ['redis.get', 'query', 'redis.get runs one Redis query per item of this loop (N+1 queries). Read them in one round trip: mget(keys), or a pipeline().'],
      ],
    );
  });

  it('reports a walk up a tree from each item of a loop or callback, with the advice for a tree', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'walks-per-item.ts');
    const text = fs.readFileSync(file, 'utf8');
    const message =
      'prisma.folder.findUnique runs one Prisma query per item of this loop (N+1 queries). Load the whole tree in one query (WITH RECURSIVE, or every row of the tree at once) and build it in memory.';
    assert.deepEqual(
      findings(text, file).map((finding) => [new LineIndex(text).position(finding.start).line, finding.messageId, finding.message, finding.fix]),
      [
        [11, 'query', message, undefined],
        [31, 'query', message, undefined],
      ],
    );
  });

  it('is one finding: the loop that calls the walk is not also await-in-loop', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'recursive-trees.ts');
    const rules = analyze(fs.readFileSync(file, 'utf8'), file, DEFAULT_OPTIONS).findings.map((finding) => finding.ruleId);
    assert.deepEqual(rules, ['n-plus-one', 'n-plus-one', 'n-plus-one', 'n-plus-one', 'n-plus-one']);
  });
});

describe('n-plus-one through a client or transaction handed to a function of the project', () => {
  /** Each finding with its message id and where it starts, and the text it squiggles. */
  const located = (text: string, found: readonly Finding[]): Array<[string, string, number, number, string]> =>
    found.map((finding) => {
      const [where] = toExpected(text, [finding]);
      return [finding.ruleId, finding.messageId, where!.line, where!.column, text.slice(finding.start, finding.end)];
    });

  it('gives raw SQL that writes the batched write of its statement, and raw SQL that reads the batched read', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'raw-sql-writes.ts');
    assert.deepEqual(
      findings(fs.readFileSync(file, 'utf8'), file).map((finding) => finding.message),
      [
        'pool.query runs one PostgreSQL write per item of this loop (N+1 statements). Insert them in one statement: INSERT … VALUES with a row per item, or INSERT … SELECT * FROM unnest($1, $2) with an array per column.',
        'knex.raw runs one Knex write per item of this loop (N+1 statements). Delete them in one statement: DELETE … WHERE id IN (...) with the array of ids.',
        'prisma.$executeRaw runs one Prisma write per item of this loop (N+1 statements). Update them in one statement: UPDATE … WHERE id = ANY(${ids}) on PostgreSQL, or WHERE id IN (${Prisma.join(ids)}), or one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) when each row gets different data.',
        'pool.query runs one PostgreSQL query per item of this loop (N+1 queries). Run one query for all items: WHERE id = ANY($1) with the array of ids.',
      ],
    );
  });

  it('reports a helper that queries the handle it is given, and a transaction opened by a wrapper of the project, with each ORM', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'handle-parameters.ts');
    const text = fs.readFileSync(file, 'utf8');
    const found = findings(text, file);
    assert.deepEqual(located(text, found), [
      ['n-plus-one', 'chain', 36, 33, 'recordEvent'],
      ['n-plus-one', 'write', 44, 13, 'tx.project.update'],
      ['n-plus-one', 'chain', 56, 37, 'logVisit'],
      ['n-plus-one', 'write', 69, 37, 'trx'],
      ['n-plus-one', 'chain', 79, 33, 'addTag'],
    ]);
    assert.deepEqual(
      found.map((finding) => finding.message),
      [
        'recordEvent() runs a write (db.auditEvent.create, line 26) per item of this loop (N+1). Create them in one statement: createMany({ data: rows }).',
        'tx.project.update runs one Prisma write per item of this loop (N+1 statements). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }).',
        "logVisit() runs a write (conn.insert, line 51) per item of this loop (N+1). Insert them in one statement: knex('table').insert(rows).",
        'trx runs one Knex write per item of this loop (N+1 statements). Each row gets its own values, which one update over the ids cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL).',
        'addTag() runs a write (db.insertInto, line 75) per item of this loop (N+1). Insert them in one statement: insertInto(table).values(rows).',
      ],
    );
  });

  it('follows the helper and the wrapper into other files through the project index', () => {
    const { texts, options } = loadProject('drizzle-service-helpers');
    const [file, text] = [...texts].find(([file]) => file.endsWith('remove.ts'))!;
    const found = findings(text, file, { ...options, rules: ONLY_THIS_RULE.rules });
    assert.deepEqual(located(text, found), [
      ['n-plus-one', 'chain', 11, 13, 'emitAudit'],
      ['n-plus-one', 'write', 20, 13, 'tx.update'],
    ]);
    assert.equal(
      found[0]!.message,
      'emitAudit() runs a write (tx.insert, emit.ts:13) per item of this loop (N+1). Insert them in one statement: db.insert(table).values(rows).',
    );
    const models = options.project.models as ReturnType<typeof mergeProjectFacts>;
    const [transactions] = Object.values(models.transactions ?? {});
    assert.deepEqual(transactions, { withTransaction: { parameter: 1, handle: { kind: 'client', orm: 'drizzle' } } });
  });

  it("follows pg-promise through the project's own executor, typed with the interface it implements, and the SQL handed to it", () => {
    const { texts, options } = loadProject('pg-promise-data-layer');
    const [file, text] = [...texts].find(([file]) => file.endsWith(path.join('routes', 'members.ts')))!;
    const found = findings(text, file, { ...options, rules: ONLY_THIS_RULE.rules });
    assert.deepEqual(
      found.slice(0, 2).map((finding) => finding.message),
      [
        'findMember() runs a query (db.oneOrNone, executor.ts:23) per item of this loop (N+1). Run one query for all items: WHERE id IN ($1:csv), or WHERE id = ANY($1) with the array of ids.',
        'removeMember() runs a write (db.result, executor.ts:27) per item of this loop (N+1). Delete them in one statement: DELETE … WHERE id IN ($1:csv) with the array of ids.',
      ],
    );
    assert.equal(
      found.find((finding) => text.slice(finding.start, finding.end) === 'touchMember')!.message,
      "touchMember runs one pg-promise write per item of this loop (N+1 statements). Update them in one statement: UPDATE … WHERE id IN ($1:csv) with the array of ids, or pgp.helpers.update(rows, columnSet) + ' WHERE v.id = t.id' when each row gets different data.",
    );
  });

  it('follows the method of an interface that every one of its classes runs a query in, and no interface a class of which runs none', () => {
    const { texts, options } = loadProject('shared-executor-interface');
    const found = [...texts].flatMap(([file, text]) =>
      findings(text, file, { ...options, rules: ONLY_THIS_RULE.rules }).map((finding) => `${path.basename(file)} ${text.slice(finding.start, finding.end)}`),
    );
    assert.deepEqual(found, ['members.ts qx.selectOne', 'members.ts findMember']);
  });

  it('follows a method of another file that queries through the db of the context it is given', () => {
    const { texts, options } = loadProject('drizzle-typed-handles');
    const [file, text] = [...texts].find(([file]) => file.endsWith(path.join('routers', 'lists.ts')))!;
    const found = findings(text, file, { ...options, rules: ONLY_THIS_RULE.rules });
    assert.deepEqual(located(text, found).at(-1), ['n-plus-one', 'chain', 22, 38, 'ListModel.fromId']);
    assert.equal(
      found.at(-1)!.message,
      'ListModel.fromId() runs a query (query.lists.findFirst, lists.ts:22) per item of this loop (N+1). Load them in one query with inArray(column, ids), or load relations with with in db.query.',
    );
  });
});

describe('n-plus-one advice for Prisma writes, by what each row gets', () => {
  it('keeps each row its own data, its relations, and no batch $transaction inside an open one', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'prisma-write-advice.ts');
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(
      findings(text, file).map((finding) => [text.slice(0, finding.start).split('\n').length, finding.message.slice(finding.message.indexOf('). ') + 3)]),
      [
        [
          15,
          'Each row gets its own values, which updateMany cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through $executeRaw.',
        ],
        [23, 'Update them in one statement: updateMany({ where: { id: { in: ids } }, data }).'],
        [
          30,
          'Each row gets its own values, which updateMany cannot set: write them in one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through $executeRaw.',
        ],
        [
          39,
          'updateMany cannot write relations: write the related or join rows in one statement on their table (createMany, deleteMany, $executeRaw), or one $transaction([...]).',
        ],
        [47, 'Create them in one statement: createMany({ data: rows }), with foreign keys in place of connect.'],
        [49, 'createMany cannot write relations: createManyAndReturn the rows, then createMany their related rows with the returned ids.'],
      ],
    );
  });
});

describe('n-plus-one advice for Prisma creates, by what the loop does with the rows', () => {
  it('returns the created rows the loop uses, and skips the duplicates it tolerates', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'prisma-create-advice.ts');
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(
      findings(text, file).map((finding) => finding.message.slice(finding.message.indexOf('). ') + 3)),
      [
        'Create them in one statement: createManyAndReturn({ data: rows }).',
        'Create them in one statement: createMany({ data: rows, skipDuplicates: true }).',
        'Create them in one statement: createMany({ data: rows }).',
      ],
    );
  });
});

describe('n-plus-one on a list of rows per item', () => {
  it('reports a list the body builds or awaits; the advice keeps the filters shared by every item and each column of an OR', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one', 'grouped-writes.ts');
    const text = fs.readFileSync(file, 'utf8');
    const lines = new LineIndex(text);
    const deletes = findings(text, file).filter((finding) => text.slice(finding.start, finding.end).endsWith('.deleteMany'));
    assert.deepEqual(
      deletes.map((finding) => [lines.position(finding.start).line, finding.message.slice(finding.message.indexOf('). ') + 3)]),
      [
        [62, 'Delete them in one statement: deleteMany({ where: { OR: [{ noteId, tagId: { in } }, …] } }).'],
        [70, 'Delete them in one statement: deleteMany({ where: { noteId: { in: ids }, tagId: { in: tagIds } } }).'],
        [77, 'Delete them in one statement: deleteMany({ where: { OR: [{ fromNoteId: { in: ids } }, { toNoteId: { in: ids } }], accountId } }).'],
      ],
    );
  });
});

describe('n-plus-one in CommonJS callback code', () => {
  /** Each finding of a file of the fixture project: its message id, line and column, and the squiggled text. */
  const located = (name: string): Array<[string | undefined, number, number, string]> => {
    const { texts, options } = loadProject('commonjs-callbacks');
    const [file, text] = [...texts].find(([file]) => file.endsWith(name))!;
    const lines = new LineIndex(text);
    return findings(text, file, options).map((finding) => {
      const { line, column } = lines.position(finding.start);
      return [finding.messageId, line, column, text.slice(finding.start, finding.end)];
    });
  };

  it('follows exports.fn of its own file and a required module, and reads async iteratees as loop bodies', () => {
    assert.deepEqual(located('history.js'), [['chain', 20, 5, 'exports.touch']]);
    assert.deepEqual(located('realtime.js'), [['chain', 8, 5, 'history.touch']]);
    assert.deepEqual(located('models/revision.js'), [
      ['query', 25, 9, 'Revision.saveLatest'],
      ['write', 37, 9, 'Revision.destroy'],
    ]);
  });
});

describe('n-plus-one advice for the first rows of an order per item', () => {
  const advice = (fixture: string) =>
    findings(fs.readFileSync(path.join(FIXTURES_DIR, 'n-plus-one', fixture), 'utf8')).map((finding) =>
      finding.message.slice(finding.message.indexOf('. ') + 2),
    );

  it('names a window over every key, by the column the query filters on, not a list of ids, for the newest rows of each item', () => {
    assert.deepEqual(advice('top-rows-per-key.ts'), [
      "Each item takes the first rows of an order, which no WHERE id IN picks: rank them in one query with ROW_NUMBER() OVER (PARTITION BY sensorId ORDER BY …) through $queryRaw, or groupBy({ by: ['sensorId'], _max }) when the newest value is enough.",
      'Each item takes the first rows of an order, which no WHERE id IN picks: rank them in one query with ROW_NUMBER() OVER (PARTITION BY device_id ORDER BY …), DISTINCT ON (device_id) on PostgreSQL for one row each, or GROUP BY device_id with MAX(…).',
      'Load them in one query: prisma.sensor.findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
    ]);
  });

  it('names the window, by the column compared in its SQL, for a RedBeanNode finder of one row ordered in its SQL', () => {
    const code = [
      "const { R } = require('redbean-node');",
      'async function latest(monitors) {',
      '  const beats = [];',
      '  for (const monitor of monitors) {',
      "    beats.push(await R.findOne('heartbeat', 'monitor_id = ? ORDER BY time DESC', [monitor.id]));",
      '  }',
      '  return beats;',
      '}',
      'module.exports = { latest };',
    ].join('\n');
    assert.deepEqual(
      findings(code, 'status.js').map((finding) => finding.message),
      [
        'R.findOne runs one RedBeanNode query per item of this loop (N+1 queries). Each item takes the first rows of an order, which no WHERE id IN picks: rank them in one query with ROW_NUMBER() OVER (PARTITION BY monitor_id ORDER BY …) (R.getAll, or R.knex), or GROUP BY monitor_id with MAX(…) for the newest row alone.',
      ],
    );
  });
});

describe('n-plus-one names the work a function does on every call', () => {
  it('names the read every call runs, not one of a branch some items take; reads beside SQL built per call; a window for the newest rows', () => {
    assert.deepEqual(
      projectMessages('nest-field-builders', 'table.service.ts').map(([, message]) => message),
      [
        'fields.prepare() runs a query (this.freeName, field-builder.service.ts:34) per item of this loop (N+1). Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
        'fields.addColumn() runs a query (prisma.field.findUnique, field-builder.service.ts:39) per item of this loop (N+1). It also runs SQL it builds per call ($executeRawUnsafe), such as a schema change, which no one statement does for all: load what it reads for all the items at once.',
      ],
    );
    assert.deepEqual(
      projectMessages('nest-field-builders', 'monitor-list.ts').map(([, message]) => message),
      [
        'recentBeats() runs a query (prisma.$queryRaw, heartbeats.ts:6) per item of this loop (N+1). Each item takes the first rows of an order, which no WHERE id IN picks: rank them in one query with ROW_NUMBER() OVER (PARTITION BY key ORDER BY …) through $queryRaw, or groupBy({ by: [key], _max }) when the newest value is enough.',
      ],
    );
  });
});

describe('n-plus-one in searches and switches on the kind of each item', () => {
  /** Each finding of a fixture of this rule's folder: its message id, line and column, and the squiggled text. */
  const located = (fixture: string): Array<[string | undefined, number, number, string]> => {
    const text = fs.readFileSync(path.join(FIXTURES_DIR, 'n-plus-one', fixture), 'utf8');
    const lines = new LineIndex(text);
    return findings(text, fixture).map((finding) => {
      const { line, column } = lines.position(finding.start);
      return [finding.messageId, line, column, text.slice(finding.start, finding.end)];
    });
  };

  it('reports a search over rows a query read, and a check that leaves only with an error status; not a search over candidates', () => {
    assert.deepEqual(located('searches-over-rows.ts'), [
      ['query', 10, 26, 'prisma.membership.count'],
      ['query', 19, 26, 'prisma.folder.findFirst'],
    ]);
  });

  it('reports the cases of one switch on the item kind once', () => {
    assert.deepEqual(located('kind-switches.ts'), [
      ['query', 13, 18, 'prisma.user.findFirst'],
      ['write', 28, 15, 'prisma.note.create'],
      ['write', 35, 11, 'prisma.note.update'],
    ]);
  });
});

describe('n-plus-one on work handed to a queue, a promise pool or Bluebird', () => {
  const { texts, options } = loadProject('objection-work-queues');
  /** Each finding of a fixture file: its message id, the text it squiggles and its message. */
  const reported = (name: string): Array<[string | undefined, string, string]> => {
    const [file, text] = [...texts].find(([file]) => file.endsWith(name))!;
    return findings(text, file, options).map((finding) => [finding.messageId, text.slice(finding.start, finding.end), finding.message]);
  };

  it("names the push of an async queue and the worker's query", () => {
    assert.deepEqual(reported('ledger-storage.ts'), [
      [
        'chain',
        'saveQueue.push',
        "saveQueue.push() runs a write (LedgerEntry.query, line 55) per item of this loop (N+1). Write them in one statement: query().insert(rows) with the array of new rows, or one update of every item's row with whereIn('id', ids) (patch, increment), grouped by row where a row repeats.",
      ],
      [
        'chain',
        'balanceQueue.push',
        'balanceQueue.push() runs a query (Account.query, line 30) per item of this loop (N+1). It also writes (Account.query): give balanceQueue.push a form that takes all the items, with one read and one write for them all.',
      ],
    ]);
  });

  it('advises one counter change over the rows for an increment or decrement per item', () => {
    const counter = (step: string): string =>
      `Change them in one statement: query().whereIn('id', ids).${step}(column, step) over the items' rows; where a row repeats, group the items by row and add each row's total once.`;
    assert.deepEqual(reported('matching.ts'), [
      [
        'write',
        'MatchedTransaction.query',
        'MatchedTransaction.query runs one Objection write per item of this loop (N+1 statements). Insert them in one statement: query().insert(rows) with the array of rows (PostgreSQL), or insertGraph(rows).',
      ],
      ['write', 'Account.query', `Account.query runs one Objection write per item of this loop (N+1 statements). ${counter('decrement')}`],
    ]);
    assert.deepEqual(
      reported('apply-credits.ts').map(([id, squiggled, message]) => [id, squiggled, message.slice(message.indexOf('. ') + 2)]),
      [
        ['write', 'Invoice.query', OWN_AMOUNTS],
        ['write', 'LedgerEntry.query', 'Insert them in one statement: query().insert(rows) with the array of rows (PostgreSQL), or insertGraph(rows).'],
        [
          'chain',
          'Invoice.changePaidAmount',
          "Write them in one statement: query().insert(rows) with the array of new rows, or one update of every item's row with whereIn('id', ids) (patch, increment), grouped by row where a row repeats.",
        ],
      ],
    );
  });
});

/** The advice for counters each item changes by its own amount. */
const OWN_AMOUNTS =
  "Each row changes by its own amount, which one increment(column, step) over the ids cannot carry: change them in one statement that does, UPDATE … SET column = column + CASE id WHEN … THEN … END WHERE id IN (…) through knex.raw, with each row's items added up first.";

describe('n-plus-one on Objection writes of a MySQL project', () => {
  const loaded = loadProject('objection-mysql-stock');
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECTS_DIR, 'objection-mysql-stock', 'package.json'), 'utf8')) as { dependencies: object };
  // The project depends on the MySQL driver, as the command reads it from package.json.
  const options = { ...loaded.options, project: { ...loaded.options.project, dependencies: new Set(Object.keys(manifest.dependencies)) } };
  const [file, text] = [...loaded.texts].find(([file]) => file.endsWith('receive.ts'))!;

  it("calls a counter step picked by a condition a write, gives per-row amounts one CASE statement, and names Knex's array insert", () => {
    assert.deepEqual(
      findings(text, file, options).map((finding) => [finding.messageId, text.slice(finding.start, finding.end), finding.message]),
      [
        [
          'chain',
          'StockItem.adjustOnHand',
          "StockItem.adjustOnHand() runs a write (this.query, stock.ts:13) per item of this loop (N+1). Write them in one statement: Model.knexQuery().insert(rows) with the array of new rows, or one update of every item's row with whereIn('id', ids) (patch, increment), grouped by row where a row repeats.",
        ],
        ['write', 'StockLot.query', `StockLot.query runs one Objection write per item of this loop (N+1 statements). ${OWN_AMOUNTS}`],
        [
          'write',
          'StockLot.query',
          "StockLot.query runs one Objection write per item of this loop (N+1 statements). Change them in one statement: query().whereIn('id', ids).increment(column, step) over the items' rows; where a row repeats, group the items by row and add each row's total once.",
        ],
        [
          'write',
          'StockMove.query',
          "StockMove.query runs one Objection write per item of this loop (N+1 statements). Insert them in one statement: Model.knexQuery().insert(rows), Knex's insert of the array on the model's table (Objection's query().insert(rows) takes an array on PostgreSQL only).",
        ],
      ],
    );
  });
});

describe('n-plus-one on a MongoDB collection a module holds', () => {
  it('names the collection handle and the batched form', () => {
    const { texts, options } = loadProject('mongo-module-collections');
    const [file, text] = [...texts].find(([file]) => file.endsWith(path.join('pages', 'index.js')))!;
    assert.deepEqual(
      findings(text, file, options).map((finding) => [finding.messageId, finding.message]),
      [
        [
          'write',
          'pages.db.updateOne runs one MongoDB write per item of this loop (N+1 statements). Each document gets its own values, which updateMany cannot set: send them in one bulkWrite([{ updateOne: { filter, update } }, …]).',
        ],
        ['query', 'attachment.db.find runs one MongoDB query per item of this loop (N+1 queries). Load them in one query: find({ docIds: { $in: ids } }).'],
      ],
    );
  });
});

describe('n-plus-one on a builder run on the database handle it is handed', () => {
  it('names the builder by its first step and table, with the one statement for the driver', () => {
    const { texts, options } = loadProject('handed-handles');
    const [file, text] = [...texts].find(([name]) => name.endsWith('attributes.ts'))!;
    const messages = analyze(text, file, options)
      .findings.filter((finding) => finding.ruleId === 'n-plus-one')
      .map((finding) => finding.message);
    assert.deepEqual(messages, [
      'select()….load() runs one PostgreSQL query per item of this loop (N+1 queries). Run one query for all items: WHERE id = ANY($1) with the array of ids.',
      "select('attribute_id')….load() runs one PostgreSQL query per item of this loop (N+1 queries). Run one query for all items: WHERE id = ANY($1) with the array of ids.",
      "update('product_attribute_value_index')….execute() runs one PostgreSQL write per item of this loop (N+1 statements). Update them in one statement: UPDATE … WHERE id = ANY($1) with the array of ids, or one UPDATE … FROM (VALUES …) statement when each row gets different data.",
      "insert('product_attribute_value_index')….execute() runs one PostgreSQL write per item of this loop (N+1 statements). Insert them in one statement: INSERT … VALUES with a row per item, or INSERT … SELECT * FROM unnest($1, $2) with an array per column.",
      "del('attribute_option')….execute() runs one PostgreSQL write per item of this loop (N+1 statements). Delete them in one statement: DELETE … WHERE id = ANY($1) with the array of ids.",
      "insertOnUpdate('attribute_option')….execute() runs one PostgreSQL write per item of this loop (N+1 statements). Upsert them in one statement: INSERT … SELECT * FROM unnest($1, $2) with an array per column, or VALUES with a row per item, ON CONFLICT … DO UPDATE.",
    ]);
  });
});

describe('n-plus-one on searches, nested item callbacks and filters changed per item', () => {
  it('leaves a search whose lookup decides a break where it is tested, and reports the loop that only skips', () => {
    assertAnnotated(`import { DataSource } from 'typeorm';
import { Alias } from './entities';
declare const dataSource: DataSource;
export async function freeSlug(id: string): Promise<string | undefined> {
  let slug: string | undefined;
  for (let length = 8; length <= id.length; length++) {
    const candidate = id.slice(0, length);
    if (!(await dataSource.manager.findOne(Alias, { where: { slug: candidate } }))) {
      slug = candidate;
      break;
    }
  }
  return slug;
}
export async function takenSlugs(candidates: string[]): Promise<string[]> {
  const taken: string[] = [];
  for (const candidate of candidates) {
    if (!(await dataSource.manager.findOne(Alias, { where: { slug: candidate } }))) continue;
//              ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    taken.push(candidate);
  }
  return taken;
}
`);
  });

  it('reports a shared filter whose field the loop sets per item as a lookup per item, not the same rows each time', () => {
    const code = `import mongoose from 'mongoose';
const Ticket = mongoose.model('Ticket', new mongoose.Schema({ projectId: String, assignee: String, status: Number }));
export async function openCounts(projectId: string, agents: Array<{ userId: string }>) {
  const counts: Array<{ userId: string; open: number }> = [];
  const query: Record<string, unknown> = { projectId, status: { $lt: 100 } };
  for (const agent of agents) {
    query.assignee = agent.userId;
    counts.push({ userId: agent.userId, open: await Ticket.countDocuments(query) });
//                                                  ^^^^^^^^^^^^^^^^^^^^^ n-plus-one
  }
  return counts;
}
`;
    assertAnnotated(code);
    assert.deepEqual(
      findings(code).map((finding) => finding.message),
      [
        "Ticket.countDocuments runs one Mongoose query per item of this loop (N+1 queries). Count them in one query: aggregate([{ $match: { assignee: { $in: ids } } }, { $group: { _id: '$assignee', count: { $sum: 1 } } }]).",
      ],
    );
  });
  it('reads the changes a TypeORM query builder sets per row, and advises one statement with the values, not save([...])', () => {
    const code = `import { DataSource } from 'typeorm';
import { Document } from './entities';
declare const dataSource: DataSource;
export async function setUsage(usage: Record<string, { bytes: number }>) {
  await dataSource.transaction(async (manager) => {
    await Promise.all(Object.keys(usage).map((docId) =>
      manager.createQueryBuilder().update(Document).set(usage[docId]).where('id = :docId', { docId }).execute(),
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    ));
  });
}
export async function markSeen(docIds: string[]) {
  await dataSource.transaction(async (manager) => {
    await Promise.all(docIds.map((docId) =>
      manager.createQueryBuilder().update(Document).set({ seen: true }).where('id = :docId', { docId }).execute(),
//    ^^^^^^^^^^^^^^^^^^^^^^^^^^ n-plus-one
    ));
  });
}
`;
    assertAnnotated(code);
    assert.deepEqual(
      findings(code).map((finding) => finding.message),
      [
        'manager.createQueryBuilder runs one TypeORM write per item of this loop (N+1 statements). Each row gets its own values, which update() cannot set (save([...]) still sends one UPDATE per row): one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query().',
        'manager.createQueryBuilder runs one TypeORM write per item of this loop (N+1 statements). Update them in one statement: update({ id: In(ids) }, changes).',
      ],
    );
  });
});

describe('n-plus-one advice for a key every item overwrites', () => {
  const advice = (fixture: string) =>
    findings(fs.readFileSync(path.join(FIXTURES_DIR, 'n-plus-one', fixture), 'utf8')).map((finding) =>
      finding.message.slice(finding.message.indexOf('. ') + 2),
    );

  it('names one write after the loop for a key no item names, a multi-key write for keys of their own', () => {
    assert.deepEqual(advice('same-key-writes.ts'), [
      "Every item overwrites the same key: set it once, after the loop, with the last item's value.",
      'Send them in one round trip: mset(pairs), or a pipeline() (multi() for a transaction).',
    ]);
  });
});

describe('n-plus-one through Fastify decorators and objects of collection factories', () => {
  it('names the decorator chain and the batched command of the handle it holds', () => {
    const firstSentences = (name: string): Array<[string, string]> =>
      projectMessages('fastify-decorators', name).map(([code, message]) => [code, message.split('. ')[0]!]);
    assert.deepEqual(firstSentences('sessions.ts'), [['ctx.server.redis.hget', 'server.redis.hget runs one Redis query per item of this loop (N+1 queries)']]);
    assert.deepEqual(firstSentences('parcels.ts'), [
      ['fastify.prisma.parcel.findUnique', 'prisma.parcel.findUnique runs one Prisma query per item of this loop (N+1 queries)'],
      ['fastify.warehouse', 'fastify.warehouse runs one Knex query per item of this loop (N+1 queries)'],
      ['this.prisma.owner.findFirst', 'prisma.owner.findFirst runs one Prisma query per item of this loop (N+1 queries)'],
      ['request.server.prisma.label.findFirst', 'prisma.label.findFirst runs one Prisma query per item of this loop (N+1 queries)'],
      ["app.mongo.db!.collection('tracking').findOne", 'tracking.findOne runs one MongoDB query per item of this loop (N+1 queries)'],
      ['scoped.redis.set', 'scoped.redis.set runs one Redis write per item of this loop (N+1 statements)'],
    ]);
  });

  it("names a data source's method that writes through a factory object by the field it filters on, and the factory object's collection", () => {
    assert.deepEqual(projectMessages('collection-factory-objects', 'resolvers/builds.ts'), [
      [
        'dataSources.builds.removeSpecs',
        'dataSources.builds.removeSpecs() runs a write (deleteMany, builds.ts:11) per item of this loop (N+1). Delete them in one call: deleteMany({ buildId: { $in: ids } }), or bulkWrite([...]).',
      ],
      ['Store.audits().insertOne', 'insertOne runs one MongoDB write per item of this loop (N+1 statements). Insert them in one call: insertMany([...]).'],
      [
        'dataSources.builds.archiveSpecs',
        'dataSources.builds.archiveSpecs() runs a write (updateMany, builds.ts:15) per item of this loop (N+1). Update them in one call: updateMany({ buildId: { $in: ids } }, changes), or bulkWrite([...]) when each gets different changes.',
      ],
    ]);
  });

  it("reads a method's filter as a MongoDB document only on a MongoDB handle: Prisma's `{ where }` names no column", () => {
    assert.deepEqual(projectMessages('prisma', 'archive-orders.ts'), [
      [
        'archive.purgeLines',
        'archive.purgeLines() runs a write (prisma.orderLine.deleteMany, order-archive.ts:7) per item of this loop (N+1). Delete them in one statement: deleteMany({ where: { id: { in: ids } } }).',
      ],
    ]);
  });
});

describe('n-plus-one in GraphQL field resolvers', () => {
  it('keys the loader by the fields the query reads of a parent the schema lists, not by what picks its database', () => {
    assert.deepEqual(projectMessages('graphql-parent-lists', 'shop/resolvers.ts'), [
      [
        'db',
        'db runs one Knex query per Order: GraphQL calls this customer resolver once per parent (N+1). Batch it with a DataLoader keyed by order.customer_id (one query for the whole list).',
      ],
      [
        'db',
        'db runs one Knex query per Invoice: GraphQL calls this customer resolver once per parent (N+1). Batch it with a DataLoader keyed by invoice.customer_id and invoice.region_id (one query for the whole list).',
      ],
      [
        'paymentsIn(regionDb(invoice.region_id))',
        'paymentsIn(regionDb(invoice.region_id))() runs a query per Invoice: GraphQL calls this paid resolver once per parent (N+1). It runs client, db.ts:13. Batch it with a DataLoader keyed by invoice.id (one query for the whole list).',
      ],
      [
        'db',
        'db runs one Knex query per Refund: GraphQL calls this invoice resolver once per parent (N+1). Batch it with a DataLoader keyed by refund.invoice_id (one query for the whole list).',
      ],
    ]);
    assert.deepEqual(projectMessages('graphql-parent-lists', 'catalog.resolver.ts'), [
      [
        'db',
        'db runs one Knex query per Product: GraphQL calls this brand resolver once per parent (N+1). Batch it with a DataLoader keyed by product.brandId (one query for the whole list).',
      ],
      [
        'db',
        'db runs one Knex query per Review: GraphQL calls this authorName resolver once per parent (N+1). Batch it with a DataLoader keyed by review.authorId (one query for the whole list).',
      ],
    ]);
  });

  it('names the type and field a resolver runs its query for, and the key to batch by', () => {
    assert.deepEqual(projectMessages('graphql-field-resolvers', 'posts.ts'), [
      [
        'db',
        'db runs one Knex query per Post: GraphQL calls this author resolver once per parent (N+1). Batch it with a DataLoader keyed by post.author_id (one query for the whole list).',
      ],
      [
        'commentsOf',
        'commentsOf() runs a query per Post: GraphQL calls this comments resolver once per parent (N+1). It runs db, db.ts:7. Batch it with a DataLoader keyed by post.id (one query for the whole list).',
      ],
    ]);
    assert.deepEqual(projectMessages('graphql-field-resolvers', 'teams.ts'), [
      [
        'prisma.member.findMany',
        "prisma.member.findMany runs one Prisma query per Team: GraphQL calls this members resolver once per parent (N+1). Batch it with a DataLoader keyed by team.id (one query for the whole list), or load it with the parents' query (include).",
      ],
      [
        'prisma.member.count',
        'prisma.member.count runs one Prisma query per Team: GraphQL calls this memberCount resolver once per parent (N+1). Batch it with a DataLoader keyed by team.id (one query for the whole list).',
      ],
    ]);
    assert.deepEqual(projectMessages('graphql-field-resolvers', 'review.resolver.ts'), [
      [
        'this.authors.findOneBy',
        "authors.findOneBy runs one TypeORM query per Book: GraphQL calls this author resolver once per parent (N+1). Batch it with a DataLoader keyed by book.authorId (one query for the whole list), or load it with the parents' query (relations).",
      ],
    ]);
  });
});

describe('n-plus-one in field resolvers that reach Prisma through services', () => {
  it('leaves the findUnique reads Prisma batches per tick, and names what it does not batch', () => {
    assert.deepEqual(projectMessages('shelf-field-services', 'shelf.resolver.ts'), [
      [
        'this.shelves.getShelfWithBooks',
        'shelves.getShelfWithBooks() runs a query per Shelf: GraphQL calls this withBooks resolver once per parent (N+1). It runs prisma.shelf.findUnique, shelf.service.ts:36. Batch it with a DataLoader keyed by shelf.id (one query for the whole list).',
      ],
      [
        'this.items.getNeighboursOfItem',
        'items.getNeighboursOfItem() runs a query per ShelfItem: GraphQL calls this neighbours resolver once per parent (N+1). It runs prisma.shelf.findUnique, shelf.service.ts:16. Batch it with a DataLoader keyed by item (one query for the whole list).',
      ],
    ]);
  });

  it('leaves a resolver that returns unless its parent is the requesting user', () => {
    assert.deepEqual(projectMessages('shelf-field-services', 'reader.resolver.ts'), [
      [
        'this.prisma.book.findMany',
        "prisma.book.findMany runs one Prisma query per Reader: GraphQL calls this homeShelfBooks resolver once per parent (N+1). Batch it with a DataLoader keyed by reader.homeShelfId (one query for the whole list), or load it with the parents' query (include).",
      ],
      [
        'this.prisma.note.findMany',
        "prisma.note.findMany runs one Prisma query per Reader: GraphQL calls this notes resolver once per parent (N+1). Batch it with a DataLoader keyed by reader.id (one query for the whole list), or load it with the parents' query (include).",
      ],
    ]);
  });
});

describe('n-plus-one through server-side tRPC callers', () => {
  it("names the router member a caller runs and the query of the procedure's resolver", () => {
    assert.deepEqual(projectMessages('trpc-callers', 'label.ts'), [
      [
        'callerFor(ctx).notes.save',
        'notes.save() runs a write (prisma.note.update, note.ts:7) per item of this loop (N+1). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.',
      ],
      [
        'caller.notes.save',
        'caller.notes.save() runs a write (prisma.note.update, note.ts:7) per item of this loop (N+1). Update them in one statement: updateMany({ where: { id: { in: ids } }, data }), or one $transaction([...]) when each row gets different data.',
      ],
    ]);
  });
});

describe('n-plus-one on CommonJS module objects built by mixins', () => {
  it('follows a backend picked by name, its client set in init, and mixins; names the batched sibling; stays neutral when backends differ', () => {
    assert.deepEqual(projectMessages('mixin-module-objects', 'profiles.js'), [
      [
        'db.getRecord',
        "db.getRecord() runs a query (findOne, hash.js:5) per item of this loop (N+1). Call db.getRecords(...) once with every item: the module's batched form.",
      ],
      [
        'accounts.getAccount',
        'accounts.getAccount() runs a query (findOne, hash.js:5) per item of this loop (N+1). Give accounts.getAccount a form that takes all the items and runs each of its statements once for them all.',
      ],
      [
        'accounts.sessions.revoke',
        'accounts.sessions.revoke() runs a write (updateOne, hash.js:26) per item of this loop (N+1). Update them in one call: updateMany({ _key: { $in: ids } }, changes), or bulkWrite([...]) when each gets different changes.',
      ],
      [
        'db.isRecordMember',
        "db.isRecordMember() runs a query (findOne, hash.js:13) per item of this loop (N+1). Call db.isRecordsMember(...) once with every item: the module's batched form.",
      ],
      [
        'db.isRecordMember',
        'db.isRecordMember() runs a query (findOne, hash.js:13) per item of this loop (N+1). Load them in one query: find({ _id: { $in: ids } }).',
      ],
      [
        'accounts.expireAccount',
        'accounts.expireAccount() runs a write (updateOne, hash.js:22) per item of this loop (N+1). Give accounts.expireAccount a form that takes all the items and runs each of its statements once for them all.',
      ],
    ]);
  });
});

describe('n-plus-one advice keyed on the column the query filters on', () => {
  const OWN_ROWS =
    'one statement that carries the values of each row (UPDATE … FROM (VALUES …) on PostgreSQL, INSERT … ON DUPLICATE KEY UPDATE on MySQL) through query() when each row gets different data.';

  it("names a TypeORM query builder's filtered column, and offers no save([...]) for rows that each get their own values", () => {
    assert.deepEqual(projectMessages('typeorm-builder-columns', 'teams.service.ts'), [
      [
        'this.memberRepository.findOwnerOfTeam',
        "memberRepository.findOwnerOfTeam() runs a query (members.createQueryBuilder, member.repository.ts:9) per item of this loop (N+1). Load them in one query: .where('member.team_uuid IN (:...ids)', { ids }), or leftJoinAndSelect the relation where the items are loaded.",
      ],
      [
        'this.memberRepository.findByTeamAndRole',
        'memberRepository.findByTeamAndRole() runs a query (members.createQueryBuilder, member.repository.ts:17) per item of this loop (N+1). The rows are keyed by several columns: load them in one query matching every pair, an array of where objects, one per pair.',
      ],
      [
        'this.memberRepository.updateScore',
        `memberRepository.updateScore() runs a write (members.createQueryBuilder, member.repository.ts:25) per item of this loop (N+1). Update them in one statement: update({ uuid: In(ids) }, changes), or ${OWN_ROWS}`,
      ],
      [
        'this.memberRepository.touch',
        `memberRepository.touch() runs a write (members.save, member.repository.ts:29) per item of this loop (N+1). Insert the new ones in one insert([...]), and update the loaded ones: update({ id: In(ids) }, changes), or ${OWN_ROWS}`,
      ],
    ]);
  });

  it('names the column RedBeanNode SQL compares, a window for the newest row or the rows a delete keeps, and an upsert for beans found first', () => {
    assert.deepEqual(
      projectMessages('redbean-keyed-advice', 'preferences.js').map(([, message]) => message.slice(message.indexOf('. ') + 2)),
      [
        "Load them in one query: WHERE name IN (?, …) with every id bound (R.find, R.getAll), or R.knex('table').whereIn('name', ids).",
        "Upsert them in one statement through the Knex instance under R: R.knex('table').insert(rows).onConflict(key).merge(); store() sends one statement per bean.",
        'Delete them in one statement: DELETE … WHERE hostname IN (...) with the array of ids.',
        "Insert them in one statement through the Knex instance under R: R.knex('table').insert(rows); store() sends one statement per bean.",
      ],
    );
    assert.deepEqual(
      projectMessages('redbean-keyed-advice', 'prune.js').map(([, message]) => message.slice(message.indexOf('. ') + 2)),
      [
        "Each item keeps the first rows of an order, which no one DELETE over a list of ids can say: rank every item's rows in one statement with ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY …), and delete those past the limit.",
        'Delete them in one statement: DELETE … WHERE sensor_id IN (...) with the array of ids.',
        'Each item takes the first rows of an order, which no WHERE id IN picks: rank them in one query with ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY …) (R.getAll, or R.knex), or GROUP BY sensor_id with MAX(…) for the newest row alone.',
        "Count them in one query grouped by sensor_id: SELECT sensor_id, COUNT(*) … WHERE sensor_id IN (?, …) GROUP BY sensor_id (R.getAll), or R.knex('table').whereIn('sensor_id', ids).groupBy('sensor_id').count().",
      ],
    );
  });

  it('names the column of raw SQL compared with a value of the item, not a fixed one', () => {
    const code = [
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      'export async function purge(users: Array<{ id: string }>) {',
      "  for (const user of users) await pool.query('DELETE FROM sessions WHERE user_id = $1 AND kind = $2', [user.id, 'web']);",
      '}',
      'export async function names(users: Array<{ id: string }>) {',
      '  const out = [];',
      "  for (const user of users) out.push(await pool.query('SELECT name FROM profiles WHERE owner = $1', [user.id]));",
      '  return out;',
      '}',
    ].join('\n');
    assert.deepEqual(
      findings(code, 'sessions.ts').map((finding) => finding.message.slice(finding.message.indexOf('. ') + 2)),
      [
        'Delete them in one statement: DELETE … WHERE user_id = ANY($1) with the array of ids.',
        'Run one query for all items: WHERE owner = ANY($1) with the array of ids.',
      ],
    );
  });

  it('matches pairs of columns of SQL written by hand in its own text, not through the library filters', () => {
    const code = [
      "import { DataSource } from 'typeorm';",
      'declare const dataSource: DataSource;',
      'async function grantOf(userId: string, teamId: string) {',
      "  return dataSource.query('SELECT role FROM grants WHERE user_id = $1 AND team_id = $2', [userId, teamId]);",
      '}',
      'export async function roles(members: Array<{ userId: string; teamId: string }>) {',
      '  const out = [];',
      '  for (const member of members) out.push(await grantOf(member.userId, member.teamId));',
      '  return out;',
      '}',
    ].join('\n');
    assert.deepEqual(
      findings(code, 'grants.ts').map((finding) => finding.message),
      [
        'grantOf runs one TypeORM query per item of this loop (N+1 queries). The rows are keyed by several columns: load them in one query matching every pair, WHERE (a, b) IN ((…), …).',
      ],
    );
  });

  it('says createMany cannot carry the relations a helper of the file writes with each row', () => {
    assert.deepEqual(
      projectMessages('prisma-nested-helper', 'bookmarks.ts').map(([, message]) => message),
      [
        'saveBookmark() runs a write (prisma.bookmark.create, line 21) per item of this loop (N+1). createMany cannot write relations: createManyAndReturn the rows, then createMany their related rows with the returned ids.',
        'saveBare runs one Prisma write per item of this loop (N+1 statements). Create them in one statement: createMany({ data: rows }).',
      ],
    );
  });
});

describe('n-plus-one through a Redis pipeline sent per item', () => {
  it('counts a pipeline or transaction exec as one round trip, a write when it queues one', () => {
    assert.deepEqual(projectMessages('redis-pipeline-ports', 'session-cache.ts'), [
      [
        'pipeline.exec',
        "pipeline.exec runs one Redis write per item of this loop (N+1 statements). Queue every item's commands on one pipeline() and exec() it once.",
      ],
      [
        'redis.pipeline().exists(`session:${sessionId}`).ttl(`session:${sessionId}`).exec',
        "exec runs one Redis query per item of this loop (N+1 queries). Queue every item's commands on one pipeline() and exec() it once.",
      ],
    ]);
  });

  it('follows a port whose every implementation goes to the server once per call', () => {
    assert.deepEqual(projectMessages('redis-pipeline-ports', 'revoke-owner-tokens.ts'), [
      [
        'this.tokenStore.revoke',
        "tokenStore.revoke() runs a write (pipeline.exec, redis-token-store.ts:12) per item of this loop (N+1). Queue every item's commands on one pipeline() and exec() it once.",
      ],
      [
        'this.tokenStore.touch',
        "tokenStore.touch() runs a write (exec, redis-token-store.ts:16) per item of this loop (N+1). Queue every item's commands on one pipeline() and exec() it once.",
      ],
    ]);
  });
});

describe('n-plus-one through a lazy relation read in a called function', () => {
  it('names the relation the function reads on the row it is handed', () => {
    assert.deepEqual(projectMessages('typeorm-lazy-helpers', 'scope-resolver.ts'), [
      [
        'this.addGrantedScopes',
        'this.addGrantedScopes() runs a query (group.grants, line 39) per item of this loop (N+1). Load grants with the items instead: relations: { grants: true } or leftJoinAndSelect.',
      ],
      [
        'grantedScopes',
        'grantedScopes() runs a query (group.grants, line 49) per item of this loop (N+1). Load grants with the items instead: relations: { grants: true } or leftJoinAndSelect.',
      ],
    ]);
  });
});

describe('n-plus-one through instance methods and wrappers of wrappers', () => {
  it("follows a singleton's getInstance() and a wrapper of a function that writes its own SQL", () => {
    assert.deepEqual(projectMessages('instance-chains', 'handlers.js'), [
      [
        'catalog.pushShelf',
        'catalog.pushShelf() runs a query (pool.query, catalog.js:19) per item of this loop (N+1). Run one query for all items: WHERE id = ANY($1) with the array of ids.',
      ],
    ]);
    assert.deepEqual(projectMessages('instance-chains', 'catalog.js'), [
      [
        'Catalog.isListed',
        'Catalog.isListed runs one PostgreSQL query per item of this loop (N+1 queries). Run one query for all items: WHERE child.id = ANY($1) with the array of ids.',
      ],
    ]);
  });
});

describe('n-plus-one through a helper that runs one of the functions of an object it is handed', () => {
  it('names the first function that queries, and the SQL a raw wrapper is handed', () => {
    assert.deepEqual(projectMessages('dispatched-store-queries', 'collect.ts'), [
      [
        'saveVisit',
        'saveVisit() runs a write (client.visit.create, visits.ts:15) per item of this loop (N+1). Give saveVisit a form that takes all the items and runs each of its statements once for them all.',
      ],
      [
        'findSite',
        'findSite() runs a query (client.site.findUnique, visits.ts:22) per item of this loop (N+1). Load them in one query: findMany({ where: { id: { in: ids } } }), or include the relation in the query that loaded the items.',
      ],
      [
        'createVisitor',
        'createVisitor() runs a write (client.$queryRawUnsafe, prisma.ts:15) per item of this loop (N+1). Insert them in one statement: INSERT … VALUES with a row per item, or INSERT … SELECT * FROM unnest($1, $2) with an array per column.',
      ],
      [
        'prisma.runSql',
        'prisma.runSql() runs a query (client.$queryRawUnsafe, prisma.ts:15) per item of this loop (N+1). Run one SQL statement for all items: WHERE id IN (...) with the array of ids.',
      ],
      [
        'columnar.insert',
        'columnar.insert() runs a write (insert, columnar.ts:12) per item of this loop (N+1). Collect the items and call columnar.insert once with all of them: it already takes a list.',
      ],
    ]);
  });

  it('reports an update or a read of one row, then a create of the same model, once as an upsert per item', () => {
    const upsert =
      'Each item updates its row or creates it. Upsert them in one INSERT … ON CONFLICT (key) DO UPDATE through $executeRaw, or createMany({ data, skipDuplicates: true }) and one UPDATE … FROM (VALUES …).';
    assert.deepEqual(projectMessages('dispatched-store-queries', 'traits.ts'), [
      ['client.visitorTrait.updateMany', `client.visitorTrait.updateMany runs one Prisma write per item of this loop (N+1 statements). ${upsert}`],
      ['prisma.client.visitorLabel.findFirst', `client.visitorLabel.findFirst runs one Prisma query per item of this loop (N+1 queries). ${upsert}`],
      [
        'prisma.client.visitorLabel.updateMany',
        'client.visitorLabel.updateMany runs one Prisma write per item of this loop (N+1 statements). Update them in one statement: updateMany({ where: { visitorId: { in: ids } }, data }).',
      ],
      [
        'prisma.client.archivedVisitor.create',
        'client.archivedVisitor.create runs one Prisma write per item of this loop (N+1 statements). Create them in one statement: createMany({ data: rows }).',
      ],
    ]);
  });
});

describe('n-plus-one on a read of one document, then an update or a create per item', () => {
  it('advises one bulk upsert, and keeps the find-or-create advice where nothing is updated', () => {
    const file = path.join(FIXTURES_DIR, 'n-plus-one/find-then-upsert-documents.ts');
    assert.deepEqual(
      findings(fs.readFileSync(file, 'utf8'), file).map((finding) => finding.message),
      [
        'Label.findOne runs one Mongoose query per item of this loop (N+1 queries). Each item updates its row or creates it. Upsert them in one call: bulkWrite([{ updateOne: { filter, update, upsert: true } }, …]).',
        'Label.findOne runs one Mongoose query per item of this loop (N+1 queries). Read them all in one query, then create the missing ones in one statement.',
      ],
    );
  });
});
