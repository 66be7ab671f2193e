import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DEFAULT_OPTIONS, fixText, type AnalysisOptions } from '../src';
import { awaitInLoop } from '../src/rules/await-in-loop';
import { actualFindings, expectedFindings, FIXTURES_DIR } from './annotations';
import { describeAnnotatedProject, loadProject } from './projects';
import { describeFixFixtures, describePrograms } from './fix-fixtures';

/** The findings of this rule only. */
function findingsOf(code: string, fileName = 'file.ts', options: AnalysisOptions = DEFAULT_OPTIONS) {
  const result = analyze(code, fileName, options);
  assert.equal(result.error, undefined);
  return result.findings.filter((finding) => finding.ruleId === 'await-in-loop');
}

/** Asserts that an annotated snippet produces exactly its annotations. */
function assertAnnotated(code: string, fileName = 'file.ts'): void {
  assert.deepEqual(actualFindings(code, fileName), expectedFindings(code));
}

function assertSilent(code: string, fileName = 'file.ts'): void {
  assert.deepEqual(findingsOf(code, fileName), []);
}

describe('await-in-loop', () => {
  it('is registered under its file name', () => {
    assert.equal(awaitInLoop.meta.id, 'await-in-loop');
  });

  it('leaves alone the browser half of an app (app/client/, src/client/, frontend/), not a file there that imports Node or a server package', () => {
    const page = `import { dom } from 'ui-kit';\ndeclare const api: { removeWebhook(id: string): Promise<void> };\nexport async function removeAll(ids: string[]) {\n  for (const id of ids) {\n    await api.removeWebhook(id);\n  }\n  return dom('div');\n}\n`;
    const at = (code: string, fileName: string) => findingsOf(code, fileName).map((finding) => [finding.messageId, finding.start]);
    const reported = (code: string) => [['awaitInLoop', code.indexOf('await api')]];
    assert.deepEqual(at(page, 'app/client/ui/WebhookPage.ts'), []);
    assert.deepEqual(at(page, 'src/client/views/Webhooks.ts'), []);
    assert.deepEqual(at(page, 'packages/frontend/src/Webhooks.ts'), []);
    assert.deepEqual(at(page, 'app/server/lib/Webhooks.ts'), reported(page));
    assert.deepEqual(at(page, 'lib/client/Webhooks.ts'), reported(page), 'a client folder outside a source folder may hold an API client');
    assert.deepEqual(at(page, 'frontend/pages/api/webhooks.ts'), reported(page));
    const node = `import fs from 'node:fs';\n${page}`;
    assert.deepEqual(at(node, 'src/client/Webhooks.ts'), reported(node));
    const server = `import express from 'express';\n${page}`;
    assert.deepEqual(at(server, 'app/client/Webhooks.ts'), reported(server));
  });

  describe('messages', () => {
    it('says what repeats and what to do, with the configured limit', () => {
      const code = `export async function f(ids: string[]) {\n  for (const id of ids) await fetchUser(id);\n}\n`;
      const [finding] = findingsOf(code, 'file.ts', { ...DEFAULT_OPTIONS, concurrencyLimit: 5 });
      assert.equal(finding?.messageId, 'awaitInLoop');
      assert.equal(finding?.message, 'This loop awaits fetchUser(...) one by one; run them concurrently, at most 5 at once.');
    });

    it('does not say a transaction helper reads the same rows where its callback runs the own work of the item', () => {
      const code = `import { Pool, type PoolClient } from 'pg';
const pool = new Pool();
async function withTransaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  await client.query('BEGIN');
  await work(client);
  await client.query('COMMIT');
}
export async function runDueJobs(jobs: Array<{ run(client: PoolClient): Promise<void> }>) {
  for (const job of jobs) {
    await withTransaction(async (client) => {
      await job.run(client);
    });
  }
}
`;
      const options = { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['pg']) } };
      assert.deepEqual(
        findingsOf(code, 'file.ts', options).map((each) => [code.slice(0, each.start).split('\n').length, each.messageId]),
        [[11, 'awaitInLoop']],
      );
    });

    it('says to load once, with no concurrency fix, where the awaited function reads the same rows for every item', () => {
      const code = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function unseal(value: string, ownerId: string) {
  const owner = await prisma.user.findUnique({ where: { id: ownerId } });
  return open(value, owner!.sealKey);
}
export async function unsealAll(settings: Array<{ value: string }>, ownerId: string) {
  const values: Record<string, string> = {};
  for (const setting of settings) {
    const value = await unseal(setting.value, ownerId);
    values[setting.value] = value;
  }
  return values;
}
`;
      const options = { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['@prisma/client']) } };
      const [finding, ...others] = findingsOf(code, 'file.ts', options);
      assert.deepEqual(others, []);
      assert.equal(finding?.messageId, 'sameRows');
      assert.equal(finding?.message, 'This loop awaits unseal(...) per item, but its query reads the same rows each time; load them once before the loop.');
      assert.equal(finding?.fix, undefined);
      const counted = code.replace('for (const setting of settings) {', 'for (let i = 0; i < settings.length; i++) {\n    const setting = settings[i]!;');
      assert.deepEqual(
        findingsOf(counted, 'file.ts', options).map((each) => each.messageId),
        ['awaitInLoop'],
      );
    });

    it('says to read the same rows once, not to run the calls together, where the loop points a shared context at each item', () => {
      const code = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function levelsFor(ctx: JobContext, productId: string) {
  const levels = await prisma.stockLevel.findMany({ where: { productId } });
  return levels.filter((level) => level.regionId === ctx.region.id);
}
export async function stockPerRegion(ctx: JobContext, productId: string, regions: Region[]) {
  const stock: number[] = [];
  for (const region of regions) {
    ctx.setRegion(region);
    const levels = await levelsFor(ctx, productId);
    stock.push(levels.length);
  }
  return stock;
}
`;
      const options = { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['@prisma/client']) } };
      assert.deepEqual(
        findingsOf(code, 'file.ts', options).map((each) => each.message),
        ['This loop awaits levelsFor(...) per item, but its query reads the same rows each time; load them once before the loop.'],
      );
      const perItem = code.replace(
        'ctx.setRegion(region);\n    const levels = await levelsFor(ctx, productId);',
        'ctx.setRegion(region);\n    const levels = await levelsFor(ctx, region.id);',
      );
      assert.deepEqual(findingsOf(perItem, 'file.ts', options), []);
    });

    it('does not say the same rows are read where a function called in place hands the item on', () => {
      const code = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
async function unseal(value: string, ownerId: string) {
  const owner = await prisma.user.findUnique({ where: { id: ownerId } });
  return open(value, owner!.sealKey);
}
export async function unsealAll(settings: Array<{ value: string; ownerId: string }>) {
  const values: Record<string, string> = {};
  for (const setting of settings) {
    const value = await (async () => unseal(setting.value, setting.ownerId))();
    values[setting.value] = value;
  }
  return values;
}
`;
      const options = { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['@prisma/client']) } };
      assert.deepEqual(
        findingsOf(code, 'file.ts', options).map((each) => each.messageId),
        ['awaitInLoop'],
      );
    });

    it('does not say the same rows are read where each item hands the call its own database', () => {
      const { texts, options } = loadProject('await-in-loop/projects/region-databases');
      const [file, text] = [...texts].find(([name]) => name.endsWith('health.ts'))!;
      assert.deepEqual(
        findingsOf(text, file, options).map((each) => [text.slice(0, each.start).split('\n').length, each.messageId]),
        [
          [17, 'awaitInLoop'],
          [26, 'sameRows'],
        ],
      );
    });

    it('says to hand every key to loadMany, with no concurrency fix, where the loop awaits a DataLoader key by key', () => {
      const code = `export async function signedUrls(files: Array<{ url?: string }>, req: Request) {
  for (const file of files) {
    if (!file.url) continue;
    const uploaded = await req.loaders.UploadedFile.byUrl.load(file.url);
    file.url = uploaded ? sign(uploaded) : file.url;
  }
  return files;
}
`;
      const withDataLoader = { ...DEFAULT_OPTIONS, project: { dependencies: new Set(['dataloader']) } };
      const [finding, ...others] = findingsOf(code, 'file.ts', withDataLoader);
      assert.deepEqual(others, []);
      assert.deepEqual([finding?.messageId, code.slice(finding!.start, finding!.end)], ['batchLoader', 'await']);
      assert.equal(finding?.start, code.indexOf('await req.loaders'));
      assert.equal(
        finding?.message,
        'This loop awaits byUrl.load(...) one key at a time, so its DataLoader sends a batch per item; pass every key to loadMany(keys) once.',
      );
      assert.equal(finding?.fix, undefined);
      const withoutDataLoader = { ...DEFAULT_OPTIONS, project: { dependencies: new Set<string>() } };
      assert.deepEqual(
        findingsOf(code, 'file.ts', withoutDataLoader).map((each) => each.messageId),
        ['awaitInLoop'],
      );
    });

    it('says to keep one answer per place, with no concurrency fix, where the call is handed only the index or table items share', () => {
      const code = `export async function reindex(records: Array<{ id: string; index: string; body: object }>) {
  const batch: object[] = [];
  for (const record of records) {
    if (!(await search.indices.exists(record.index))) continue;
    batch.push({ index: record.index, id: record.id, body: record.body });
  }
  await search.bulk(batch);
}
`;
      const [finding, ...others] = findingsOf(code);
      assert.deepEqual(others, []);
      assert.equal(finding?.messageId, 'repeatedKey');
      assert.equal(
        finding?.message,
        'This loop awaits indices.exists(...) for record.index, which items share; keep one answer per index instead. Concurrency would ask the same again.',
      );
      assert.equal(finding?.fix, undefined);
      for (const other of ['search.indices.exists(record.index, record.id)', 'search.indices.exists(record.id)'])
        assert.deepEqual(
          findingsOf(code.replace('search.indices.exists(record.index)', other)).map((each) => each.messageId),
          ['awaitInLoop'],
        );
    });

    it('names the call a promise wrapper is handed and the query a builder chain starts, not the wrapper or the last step', () => {
      const code = `import { ResultAsync } from 'neverthrow';
export async function f(runs: Run[], envs: Env[], ids: string[]) {
  for (const run of runs) {
    const [error] = await tryCatch(this.processMarkedRun(run));
    if (error) log(error);
  }
  for (const env of envs) {
    const result = await ResultAsync.fromPromise(client.projects.editProjectEnv({ id: env.id }), (e) => e);
    if (result.isErr()) log(result.error);
  }
  for (const env of envs) await ResultAsync.fromPromise(vercel.getEnv(env.id), (e) => e).unwrapOr(null);
  for (const id of ids) await db.update(keys).set({ revoked: true }).where(eq(keys.id, id));
  for (const id of ids) await db.selectFrom('keys').where('id', '=', id).executeTakeFirst();
  for (const id of ids) await qb.where('id', id);
}
`;
      assert.deepEqual(
        findingsOf(code).map((finding) => finding.message.split(' one by one')[0]),
        [
          'This loop awaits processMarkedRun(...)',
          'This loop awaits projects.editProjectEnv(...)',
          'This loop awaits vercel.getEnv(...)',
          'This loop awaits db.update(...)',
          'This loop awaits db.selectFrom(...)',
          'This loop awaits qb.where(...)',
        ],
      );
    });

    it("names a nested member's own set or where, which no builder started", () => {
      const code = `export class Settings {
  async save(updates: Update[], docs: Doc[]) {
    for (const { key, value } of updates) await this.config.runtime.set(key, value);
    for (const doc of docs) await store.doc.set(doc.id, doc.bin);
    for (const doc of docs) await this.repo.docs.where({ id: doc.id });
    for (const doc of docs) await this.db.update(docs).set({ title: doc.title }).where(eq(docs.id, doc.id));
  }
}
`;
      assert.deepEqual(
        findingsOf(code).map((finding) => finding.message.split(' one by one')[0]),
        ['This loop awaits runtime.set(...)', 'This loop awaits doc.set(...)', 'This loop awaits docs.where(...)', 'This loop awaits db.update(...)'],
      );
    });

    it('squiggles the await keyword only', () => {
      const code = `export async function f(ids: string[]) {\n  for (const id of ids) {\n    const user = await api.users.get(id);\n    console.log(user);\n  }\n}\n`;
      const [finding] = findingsOf(code);
      assert.equal(code.slice(finding!.start, finding!.end), 'await');
    });
  });

  describe('options', () => {
    it('sequentialHelpers: awaited calls of the named project helpers stay in order', () => {
      const code = `export async function f(ids: string[]) {\n  for (const id of ids) await syncAccount(id);\n  for (const id of ids) await fetchUser(id);\n}\n`;
      const options: AnalysisOptions = { ...DEFAULT_OPTIONS, ruleOptions: { 'await-in-loop': { sequentialHelpers: ['syncAccount'] } } };
      assert.deepEqual(
        findingsOf(code, 'file.ts', options).map((finding) => code.slice(finding.start, finding.start + 30)),
        ['await fetchUser(id);\n}\n'],
      );
      assert.equal(findingsOf(code).length, 2);
    });
  });

  describe('which loops', () => {
    it('reports each kind of loop statement once', () => {
      assertAnnotated(`
export async function all(ids: string[], record: Record<string, string>) {
  for (const id of ids) { await load(id); await save(id); }
//                        ^^^^^ await-in-loop
  for (const key in record) await load(key);
//                          ^^^^^ await-in-loop
  for (let i = 0; i < ids.length; i++) await load(ids[i]!);
//                                     ^^^^^ await-in-loop
  let j = 0;
  while (j < ids.length) { await load(ids[j]!); j++; }
//                         ^^^^^ await-in-loop
  let k = 0;
  do { await load(ids[k]!); k += 1; } while (k < ids.length);
//     ^^^^^ await-in-loop
}
`);
    });

    it('reports a counter loop over items, not one over chunks the counter picks', () => {
      assertAnnotated(`
export async function insertAll(users: User[], chunks: User[][], batchCount: number, batchSize: number) {
  for (let i = 0; i < users.length; i++) { const user = users[i]; await notify(user); }
//                                                                ^^^^^ await-in-loop
  for (let i = 0; i < chunks.length; i++) { const chunk = chunks[i]; await insertRows(chunk); }
  for (let i = 0; i < batchCount; i++) await sendRange(i * batchSize, (i + 1) * batchSize);
}
`);
    });

    it('leaves array callbacks alone: their calls already run together, and forEach(async) is another problem', () => {
      assertSilent(`
export async function all(ids: string[]) {
  await Promise.all(ids.map(async (id) => { await load(id); }));
  ids.forEach(async (id) => { await load(id); });
}
`);
    });

    it('reports the loop in a class method, an arrow function, an async generator method', () => {
      assertAnnotated(`
export class Sync {
  constructor(private readonly remote: { put(key: string): Promise<void> }) {}
  async push(keys: string[]) {
    for (const key of keys) await this.remote.put(key);
//                          ^^^^^ await-in-loop
  }
}
export const pull = async (keys: string[]) => {
  for (const key of keys) await download(key);
//                        ^^^^^ await-in-loop
};
`);
    });

    it('reports an inner loop of a pagination loop: the items of one page are independent', () => {
      assertAnnotated(`
export async function all() {
  let cursor: string | undefined;
  do {
    const page = await listOrders(cursor);
    for (const order of page.orders) await ship(order.id);
//                                   ^^^^^ await-in-loop
    cursor = page.next;
  } while (cursor);
}
`);
    });

    it('leaves one-off scripts alone, and reports the same loop in a module', () => {
      const code = `export async function backfill(ids: string[]) {\n  for (const id of ids) await refreshInvoice(id);\n}\n`;
      assert.deepEqual(findingsOf(code, 'scripts/backfill.ts'), []);
      assert.deepEqual(
        findingsOf(code, 'src/billing/backfill.ts').map((finding) => [finding.ruleId, finding.messageId, finding.start]),
        [['await-in-loop', 'awaitInLoop', code.indexOf('await refreshInvoice')]],
      );
    });

    it('leaves a file only one-off programs import, and reports it where another file imports it too', () => {
      const code = `export async function slugsOf(folders: string[]) {\n  const slugs = [];\n  for (const folder of folders) slugs.push(await readSlug(folder));\n  return slugs;\n}\n`;
      const project = { dependencies: new Set<string>() };
      assert.deepEqual(findingsOf(code, 'utils/get-slugs.ts', { ...DEFAULT_OPTIONS, project: { ...project, scriptOnly: true } }), []);
      assert.deepEqual(
        findingsOf(code, 'utils/get-slugs.ts', { ...DEFAULT_OPTIONS, project }).map((finding) => [finding.ruleId, finding.messageId, finding.start]),
        [['await-in-loop', 'awaitInLoop', code.indexOf('await readSlug')]],
      );
    });

    it('skips a loop whose only await is left to n-plus-one, yet reports its other await', () => {
      const code = `export async function f(ids: string[]) {\n  for (const id of ids) await fetchUser(id);\n}\n`;
      assert.equal(findingsOf(code).length, 1);
    });
  });

  describe('sequential patterns are not reported', () => {
    const silent: Array<[string, string]> = [
      ['cursor pagination with while', `let cursor = start; while (cursor) { const page = await list(cursor); cursor = page.next; }`],
      ['pagination with do…while and a flag', `let more = true; let page = 0; do { const r = await list(page++); more = r.more; } while (more);`],
      ['pagination in a for header', `for (let page = await first(); page; page = await page.next()) use(page);`],
      ['a value threaded through iterations', `let token = seed; for (const s of services) { const r = await call(s, token); token = r.token; }`],
      ['a reduce-like accumulator', `let acc = init; for (const x of xs) acc = await combine(acc, x);`],
      ['an accumulator in an object', `const state = { etag: '' }; for (const x of xs) { const r = await put(x, state.etag); state.etag = r.etag; }`],
      ['a retry loop', `for (let attempt = 0; attempt < 5; attempt++) { try { return await connect(); } catch (e) { log(e); } }`],
      ['a while(true) retry loop', `while (true) { try { await connect(); break; } catch { log('retry'); } }`],
      ['a fallback that stops at the first success', `for (const url of mirrors) { const r = await get(url); if (r.ok) return r; }`],
      ['a search that breaks on an awaited answer', `for (const name of names) { if (await isFree(name)) { chosen = name; break; } }`],
      ['queue draining with shift', `while (queue.length) await handle(queue.shift());`],
      ['queue draining with an awaited pop', `let job; while ((job = await queue.pop())) await handle(job);`],
      ['a crawl that grows its own list', `for (const url of toVisit) { const links = await crawl(url); toVisit.push(...links); }`],
      ['pacing with sleep', `for (const x of xs) { await send(x); await sleep(100); }`],
      ['pacing with a hand-made timeout', `for (const x of xs) { await send(x); await new Promise((r) => setTimeout(r, 50)); }`],
      ['pacing with delay()', `for (const x of xs) { await send(x); await delay(1000); }`],
      ['pacing with a rate limiter', `for (const x of xs) { await limiter.removeTokens(1); await send(x); }`],
      ['for await over a stream', `for await (const line of lines) await save(line);`],
      ['explicit batches with slice', `for (let i = 0; i < xs.length; i += 10) { const batch = xs.slice(i, i + 10); await Promise.all(batch.map(send)); }`],
      ['explicit batches with chunk', `for (const group of chunk(xs, 10)) await insertMany(group);`],
      ['chunks taken by the counter', `for (let i = 0; i < chunks.length; i++) { const currentChunk = chunks[i]; await insertRows(currentChunk); }`],
      ['an await in a function only created in the loop', `for (const b of buttons) b.on('click', async () => { await send(b.id); });`],
      ['a Playwright page', `for (const path of paths) { await page.goto(path); await expect(page).toHaveTitle(/x/); }`],
      ['a Puppeteer element list', `for (const handle of handles) await handle.click();`],
      ['a locator', `for (let i = 0; i < n; i++) await rows.nth(i).click();`],
      ['one write stream', `for (const row of rows) await writer.write(row);`],
      ['notifications over one connection', `for (const change of changes) await this.languageConnection.sendNotification('didChange', change);`],
      ['one file handle', `for (const row of rows) await fileHandle.write(row + '\\n');`],
      ['appending to one file', `for (const line of lines) await fs.promises.appendFile('out.log', line);`],
      ['a terminal prompt', `for (const q of questions) answers.push(await rl.question(q));`],
      ['a transaction', `for (const item of items) await tx.insert(item);`],
      ['inside a transaction callback', `await db.transaction(async (t) => { for (const item of items) await save(item, t); });`],
      ['an object the loop changes', `for (const item of items) { cart.items.push(item); await cart.save(); }`],
      ['already started promises', `for (const p of promises) results.push(await p);`],
      ['migrations run in order', `for (const migration of migrations) await migration.up(db);`],
      ['hooks called in order', `for (const hook of hooks) await hook(context);`],
      ['plugins registered in order', `for (const plugin of plugins) await app.register(plugin);`],
      [
        'a worker taking the next item of a shared counter',
        `async function worker() { while (next < items.length) { const i = next++; await handle(items[i]); } }`,
      ],
      ['a polling loop on a flag', `while (!stopped) await tick();`],
      ['the same call repeated', `for (let i = 0; i < 10; i++) await ping();`],
      ['a short hand-written list', `for (const f of ['a.json', 'b.json']) await load(f);`],
      ['a comment that asks for one at a time', `// one request at a time: the API rejects concurrent calls\nfor (const id of ids) await charge(id);`],
      ['a comment that ends in "sequential"', `/* the payment provider needs this sequential */\nfor (const id of ids) await charge(id);`],
      ['a comment that names a rate limit', `// the API's rate-limit is 10 a second\nfor (const id of ids) await charge(id);`],
      ['module loading in order', `for (const file of files) await import(file);`],
      ['an async generator that yields each result', `async function* g() { for (const id of ids) yield await load(id); }`],
      ['a node:test subtest', `for (const c of cases) await t.test(c.name, () => check(c));`],
      ['an assertion on each awaited result', `for (const input of inputs) expect(await parse(input)).toBe(1);`],
      [
        'a function of the file that writes on the transaction',
        `const save = (row) => prisma.txClient().row.upsert({ where: { id: row.id }, create: row, update: row }); for (const row of rows) await save(row);`,
      ],
      ['an assertion on a variable holding the awaited result', `for (const input of inputs) { const value = await parse(input); assert.equal(value, 2); }`],
    ];
    for (const [name, body] of silent) {
      it(name, () => {
        const code = body.startsWith('async function') ? body : `async function run() {\n${body}\n}\n`;
        assertSilent(code, 'file.js');
      });
    }
  });

  it("knows a registry's cache by its name when the project's only cache package keeps it in memory", () => {
    const code = `/* global APP */
export async function updateTree(trees) {
  for (const tree of trees) {
    await APP.cache.set(\`nav:sidebar:\${tree.locale}\`, tree.items, 300);
//  ^^^^^ await-in-loop
  }
}
`;
    const withDependencies = (...names: string[]): AnalysisOptions => ({ ...DEFAULT_OPTIONS, project: { dependencies: new Set(names) } });
    assert.deepEqual(actualFindings(code, 'file.js', withDependencies('express', 'node-cache')), []);
    assert.deepEqual(actualFindings(code, 'file.js', withDependencies('express', 'node-cache', 'ioredis')), expectedFindings(code));
    assert.deepEqual(actualFindings(code, 'file.js', withDependencies('express')), expectedFindings(code));
  });

  it("leaves the code of a web app's package; reports it beside a server, a server-side renderer, or in a file that loads Node's modules", () => {
    const file = path.join(FIXTURES_DIR, 'await-in-loop', 'page-packages', 'live-updates.ts');
    const code = fs.readFileSync(file, 'utf8');
    const withDependencies = (...names: string[]): AnalysisOptions => ({ ...DEFAULT_OPTIONS, project: { dependencies: new Set(names) } });
    assert.deepEqual(actualFindings(code, file, withDependencies('react', 'react-dom', '@acme/ui')), []);
    assert.deepEqual(actualFindings(code, file, withDependencies('vue', 'axios')), []);
    assert.deepEqual(actualFindings(code, file, withDependencies('react', 'react-dom', 'express')), expectedFindings(code));
    assert.deepEqual(actualFindings(code, file, withDependencies('react', 'react-dom', '@react-email/components')), expectedFindings(code));
    assert.deepEqual(actualFindings(code, file, withDependencies('preact', 'preact-render-to-string')), expectedFindings(code));
    assert.deepEqual(actualFindings(code, file, withDependencies('react', 'react-dom', 'electron')), []);
    const loadsNode = `import { readFile } from 'node:fs/promises';\n${code}`;
    assert.deepEqual(actualFindings(loadsNode, file, withDependencies('react', 'react-dom')), expectedFindings(loadsNode));
    assert.deepEqual(actualFindings(code, file, withDependencies('@acme/ui')), expectedFindings(code));
  });

  it("leaves the code of a desktop or mobile app's package or one importing its plugins, and of a package whose only database is SQLite in the process; reports it beside a server", () => {
    const file = path.join(FIXTURES_DIR, 'await-in-loop', 'device-apps', 'local-notes.ts');
    const code = fs.readFileSync(file, 'utf8');
    const withDependencies = (...names: string[]): AnalysisOptions => ({ ...DEFAULT_OPTIONS, project: { dependencies: new Set(names) } });
    for (const shell of ['electron', '@electron/remote', 'electron-updater', 'electron-store', 'react-native', 'expo', '@capacitor/core', '@tauri-apps/api']) {
      assert.deepEqual(actualFindings(code, file, withDependencies(shell, 'express')), [], shell);
    }
    assert.deepEqual(actualFindings(code, file, withDependencies('sqlite3', 'fs-extra')), []);
    assert.deepEqual(actualFindings(code, file, withDependencies('better-sqlite3')), []);
    assert.deepEqual(actualFindings(code, file, withDependencies('jeep-sqlite', 'i18next')), []);
    for (const plugin of ['@capacitor/filesystem', '@capacitor-community/sqlite', '@tauri-apps/plugin-fs', 'expo-file-system', 'react-native']) {
      const importsPlugin = `import { open } from '${plugin}';\n${code}`;
      assert.deepEqual(actualFindings(importsPlugin, file, withDependencies('i18next', 'express')), [], plugin);
    }
    const importsLookalike = `import { open } from 'capacitor-utils';\n${code}`;
    assert.deepEqual(actualFindings(importsLookalike, file, withDependencies('i18next', 'express')), expectedFindings(importsLookalike));
    assert.deepEqual(actualFindings(code, file, withDependencies('sqlite3', 'koa')), expectedFindings(code));
    assert.deepEqual(actualFindings(code, file, withDependencies('better-sqlite3', 'pg')), expectedFindings(code));
    assert.deepEqual(actualFindings(code, file, withDependencies('fs-extra')), expectedFindings(code));
    assert.deepEqual(actualFindings(code, file, withDependencies('@sentry/electron', 'express')), expectedFindings(code));
    assert.deepEqual(
      findingsOf(code, file, withDependencies('sqlite3', '@nestjs/core')).map((finding) => [finding.messageId, finding.message]),
      [
        ['awaitInLoop', 'This loop awaits Note.load(...) one by one; run them concurrently, at most 8 at once.'],
        ['awaitInLoop', 'This loop awaits Folder.noteCount(...) one by one; run them concurrently, at most 8 at once.'],
      ],
    );
  });

  it('leaves the code of a package of command-line tools, which asks its user at a terminal; reports it beside a server', () => {
    const file = path.join(FIXTURES_DIR, 'await-in-loop', 'terminal-tools', 'setup-ci.ts');
    const code = fs.readFileSync(file, 'utf8');
    const withDependencies = (...names: string[]): AnalysisOptions => ({ ...DEFAULT_OPTIONS, project: { dependencies: new Set(names) } });
    for (const prompts of ['inquirer', '@inquirer/prompts', 'prompts', 'enquirer', '@clack/prompts'])
      assert.deepEqual(actualFindings(code, file, withDependencies(prompts, 'chalk')), [], prompts);
    assert.deepEqual(actualFindings(code, file, withDependencies('inquirer', 'express')), expectedFindings(code));
    assert.deepEqual(actualFindings(code, file, withDependencies('chalk', 'ora')), expectedFindings(code));
  });

  it('leaves a loop at the top level of a module, which runs once as it loads; reports the same loop in a function', () => {
    assertAnnotated(`
const base = process.env.STATS_URL ?? '';
const tables = (process.env.TABLES ?? '').split(',');
for (const table of tables) {
  const rows = await fetch(\`\${base}/count/\${table}\`);
  console.log(table, await rows.json());
}
export async function countAll(names: string[]) {
  for (const name of names) {
    const rows = await fetch(\`\${base}/count/\${name}\`);
//               ^^^^^ await-in-loop
    console.log(name, await rows.json());
  }
}
`);
  });

  describeAnnotatedProject('await-in-loop/projects/nest-boot');
  describeAnnotatedProject('await-in-loop/projects/express-boot');
  describeAnnotatedProject('await-in-loop/projects/polling-workers');
  describeAnnotatedProject('await-in-loop/projects/registry-boot');
  describeAnnotatedProject('await-in-loop/projects/installer-boot');
  describeAnnotatedProject('await-in-loop/projects/next-custom-server');
  describeAnnotatedProject('await-in-loop/projects/caller-lists');
  describeAnnotatedProject('await-in-loop/projects/settled-methods');
  describeAnnotatedProject('await-in-loop/projects/cache-first-helpers');
  describeAnnotatedProject('await-in-loop/projects/own-instances');
  describeAnnotatedProject('await-in-loop/projects/singleton-methods');
  describeAnnotatedProject('await-in-loop/projects/loaded-modules');
  describeAnnotatedProject('await-in-loop/projects/imported-lists');
  describeAnnotatedProject('await-in-loop/projects/transaction-typed-handles');
  describeAnnotatedProject('await-in-loop/projects/region-databases');

  describe('suppressions', () => {
    it('honors next-line, same-line and file-level comments, and only for the rules they name', () => {
      const loop = (comment: string) => `export async function f(xs: string[]) {\n  for (const x of xs) {\n${comment}\n  }\n}\n`;
      assert.equal(findingsOf(loop('    // perf-lint-disable-next-line await-in-loop\n    await send(x);')).length, 0);
      assert.equal(findingsOf(loop('    await send(x); // perf-lint-disable-line await-in-loop')).length, 0);
      assert.equal(findingsOf(loop('    await send(x); // perf-lint-disable-line')).length, 0);
      assert.equal(findingsOf(`/* perf-lint-disable await-in-loop */\n${loop('    await send(x);')}`).length, 0);
      assert.equal(findingsOf(loop('    // perf-lint-disable-next-line n-plus-one\n    await send(x);')).length, 1);
      assert.equal(findingsOf(`/* perf-lint-disable sync-io-in-async */\n${loop('    await send(x);')}`).length, 1);
    });
  });

  describe('fix', () => {
    const fixed = (code: string, fileName = 'file.ts', options: AnalysisOptions = DEFAULT_OPTIONS) => fixText(code, fileName, options).text;

    const safety = (code: string, fileName = 'file.ts') =>
      findingsOf(code, fileName).map((finding) => (finding.fix ? (finding.fix.safe ? 'safe' : 'unsafe') : 'none'));
    const loopOf = (body: string) => `let count = 0;\nexport async function f(ids: string[]) {\n  for (const id of ids) {\n    ${body}\n  }\n}\n`;

    it('is withheld where moving the calls ahead could change what the loop does', () => {
      const cases: Array<[string, string]> = [
        ['a condition that reads what the loop writes', `count++; if (count > 3) await fetchUser(id);`],
        ['a condition that calls something with effects', `if (check(id)) await fetchUser(id);`],
        ['a call before the await that may change what it reads', `prepare(id); await fetchUser(id);`],
        ['a continue after other work may skip it', `count++; if (!id) continue; await fetchUser(id);`],
        ['a guard that calls something with effects', `if (!check(id)) continue; await fetchUser(id);`],
        ['a check that reads what the loop writes', `count++; if (count > 3) throw new Error('too many'); await fetchUser(id);`],
        ['the loop can be left early', `await fetchUser(id); if (id === 'x') break;`],
        ['the call reads a variable the loop writes', `count++; await fetchUser(id, count);`],
        ['awaits in separate statements with work between them', `const a = await fetchUser(id); count++; await fetchPosts(a, count);`],
        ['a writer shared by the iterations', `await doc.pipe(id);`],
      ];
      for (const [name, body] of cases) assert.deepEqual(safety(loopOf(body)), ['none'], name);
      const orderLoop = (body: string, functions = '') =>
        `interface Line { price: number; adjustments: number[]; tax?: number }\ninterface Order { cap: number; currency: string; lines: Line[]; deleteResults(price: number): Promise<void> }\nexport async function f(order: Order, lines: Line[]) {\n  ${body}\n}\n${functions}`;
      const shared: Array<[string, string, string, string]> = [
        [
          'a change to an item of the object every call receives',
          `for (const line of order.lines) {\n    const adjustment = await computeAdjustment(order, line);\n    line.adjustments.push(adjustment);\n  }`,
          '',
          'none',
        ],
        [
          'a called function that changes an item of the object every call receives',
          `for (const line of order.lines) {\n    await computeTax(order, line);\n  }`,
          `async function computeTax(order: Order, line: Line) {\n  line.tax = await fetchRate(order.currency);\n}\n`,
          'none',
        ],
        [
          'a called function that changes the object every call receives',
          `for (const line of lines) {\n    await computeTax(order, line);\n  }`,
          `async function computeTax(order: Order, line: Line) {\n  order.cap -= await fetchRate(line.price);\n}\n`,
          'none',
        ],
        [
          'a called function that changes only its own item',
          `for (const line of lines) {\n    await computeTax(order, line);\n  }`,
          `async function computeTax(order: Order, line: Line) {\n  line.tax = await fetchRate(order.currency);\n}\n`,
          'unsafe',
        ],
        [
          'items changed while the calls receive another part of their object',
          `for (const line of order.lines) {\n    line.tax = await fetchRate(order.currency, line.price);\n  }`,
          '',
          'safe',
        ],
        [
          'a called function that calls a method of a service every call receives',
          `for (const line of lines) {\n    await dropResults(line.price, order);\n  }`,
          `async function dropResults(price: number, store: Order) {\n  await store.deleteResults(price);\n}\n`,
          'unsafe',
        ],
        [
          'a writer bound to one object by the call that made it',
          `const { mutateAsync: removeItem } = useRemoveItem(order);\n  for (const line of lines) {\n    await removeItem(line.price);\n  }`,
          `declare function useRemoveItem(order: Order): { mutateAsync(price: number): Promise<void> };\n`,
          'none',
        ],
        [
          'a writer made by a call from settings alone, bound to no object',
          `const { sendEmail } = proxyActivities({ timeout: 60 });\n  for (const line of lines) {\n    await sendEmail(line.price);\n  }`,
          `declare function proxyActivities(options: { timeout: number }): { sendEmail(price: number): Promise<void> };\n`,
          'unsafe',
        ],
        [
          'a function taken from a container by an imported key, bound to no object',
          `const query = container.resolve(Keys.QUERY);\n  for (const line of lines) {\n    await query(line.price);\n  }`,
          `import { Keys } from './keys';\ndeclare const container: { resolve(key: string): (price: number) => Promise<void> };\n`,
          'unsafe',
        ],
        [
          'a reader made by a call',
          `const fetchPrice = priceReader(order);\n  for (const line of lines) {\n    console.log(await fetchPrice(line.price));\n  }`,
          `declare function priceReader(order: Order): (price: number) => Promise<number>;\n`,
          'safe',
        ],
      ];
      // A loop whose calls share state that the iterations change is in order on purpose: no finding, so no fix.
      for (const [name, body, functions, expected] of shared) assert.deepEqual(safety(orderLoop(body, functions)), expected === 'none' ? [] : [expected], name);
      // An archive filled in order is no finding at all, so it gets no fix either.
      assert.deepEqual(safety(loopOf(`await zip.addFile(id);`)), [], 'an archive written in order');
    });

    it('is safe for reads and unsafe for writes and calls it cannot tell', () => {
      const cases: Array<[string, string, string]> = [
        ['a read by name', `await fetchUser(id);`, 'safe'],
        ['an ORM read of a library', `await cache.get(id);`, 'safe'],
        ['a GET request', `await fetch(\`/users/\${id}\`);`, 'safe'],
        ['a POST request', `await fetch('/users', { method: 'POST', body: id });`, 'unsafe'],
        ['a send', `await send(id);`, 'unsafe'],
        ['a delete', `await api.deleteUser(id);`, 'unsafe'],
        ['a charge', `await stripe.charges.create({ customer: id });`, 'unsafe'],
        ['a call of unknown effect', `await frobnicate(id);`, 'unsafe'],
        ['a verification, which may record its outcome', `await verifyDomain(id);`, 'unsafe'],
        ['a render, which may draw into what it is given', `await renderOverlay(id);`, 'unsafe'],
        ['a read under a condition that moves with it', `if (id) await fetchUser(id);`, 'safe'],
        [
          'a read under a search of a fixed list',
          `const known = ids.find((other) => other === id);\n    if (known) {\n      await fetchUser(known);\n    }`,
          'safe',
        ],
        ['a SELECT', `await db.query('SELECT * FROM users WHERE id = $1', [id]);`, 'safe'],
        ['an UPDATE', `await db.query('UPDATE users SET seen = true WHERE id = $1', [id]);`, 'unsafe'],
        ['a pipeline of reads', `const user = await fetchUser(id);\n    const posts = await listPosts(user.id);\n    console.log(user, posts);`, 'safe'],
        ['a pipeline with a write', `const user = await fetchUser(id);\n    await sendMail(user.email);`, 'unsafe'],
        ['a key computed in the body', `const key = id.trim();\n    const user = await fetchUser(key);\n    console.log(user);`, 'safe'],
        [
          'a check that throws before the read',
          `const key = id.trim();\n    if (!key) throw new Error('empty id');\n    const user = await fetchUser(key);\n    console.log(user);`,
          'safe',
        ],
      ];
      for (const [name, body, expected] of cases) assert.deepEqual(safety(loopOf(body)), [expected], name);
      // A function of the file named as a read is judged by its body too.
      const local = (body: string) => `${loopOf('await loadModule(id);')}async function loadModule(id: string) {\n  ${body}\n}\n`;
      assert.deepEqual(safety(local(`container.register(id);\n  return fetchUser(id);`)), ['unsafe'], 'a read by name that registers into a container');
      assert.deepEqual(
        safety(local(`const ids = [id];\n  ids.push(await fetchUser(id));\n  return ids;`)),
        ['safe'],
        'a read by name that fills its own array',
      );
    });

    it('reads a function of the file to tell what it does', () => {
      const code = `async function userName(id: string) {\n  const user = await db.user.findUnique({ where: { id } });\n  return user?.name;\n}\nasync function save(id: string) {\n  return db.user.update({ where: { id }, data: {} });\n}\nexport async function f(ids: string[]) {\n  for (const id of ids) console.log(await userName(id));\n  for (const id of ids) await save(id);\n}\n`;
      assert.deepEqual(safety(code), ['safe', 'unsafe']);
    });

    it('copies items it cannot prove to be an array once', () => {
      assert.match(
        fixed(`export async function f(ids) {\n  for (const id of ids) console.log(await fetchUser(id));\n}\n`, 'file.js'),
        /const idList = \[\.\.\.ids\];\n {2}const pendingFetchUserResults = mapWithConcurrency\(idList, 8, \(id\) => fetchUser\(id\)\);\n {2}for \(const \[index, id\] of idList\.entries\(\)\)/,
      );
      assert.deepEqual(safety(`export async function f(ids: Set<string>) {\n  for (const id of ids) await fetchUser(id);\n}\n`), ['safe']);
    });

    it('inserts one helper for several loops and reuses an existing one', () => {
      const code = `export async function f(a: string[], b: string[]) {\n  for (const x of a) console.log(await fetchUser(x));\n  for (const y of b) console.log(await fetchUser(y));\n}\n`;
      const output = fixed(code);
      assert.equal(output.match(/function mapWithConcurrency/g)?.length, 1);
      assert.equal(output.match(/mapWithConcurrency\(/g)?.length, 2);
    });

    it('uses the configured limit', () => {
      const code = `export async function f(a: string[]) {\n  for (const x of a) await fetchUser(x);\n}\n`;
      assert.match(fixed(code, 'file.ts', { ...DEFAULT_OPTIONS, concurrencyLimit: 3 }), /mapWithConcurrency\(a, 3, \(x\) => fetchUser\(x\)\)/);
    });
  });

  describeFixFixtures('await-in-loop');

  describePrograms('await-in-loop', (before, after) => {
    assert.equal(before.maxInFlight, 1, 'the original runs one call at a time');
    assert.ok(after.maxInFlight > 1, 'the fixed program overlaps the calls');
    assert.ok(after.elapsed * 2 <= before.elapsed, `the fixed program is at least twice as fast (${before.elapsed} → ${after.elapsed} virtual ms)`);
  });
});
