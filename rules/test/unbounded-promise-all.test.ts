import * as assert from 'node:assert/strict';
import { analyze, DEFAULT_OPTIONS, type AnalysisOptions } from '../src';
import { unboundedPromiseAll } from '../src/rules/unbounded-promise-all';
import { actualFindings, expectedFindings } from './annotations';
import { describeAnnotatedProject, loadProject } from './projects';
import { describeFixFixtures, describePrograms, PROGRAM_LIMIT } from './fix-fixtures';

/** Most tests below show what the rule leaves out of any list; they ask for lists of unknown origin too (`reportUnknownLists`). */
const WIDE: AnalysisOptions = { ...DEFAULT_OPTIONS, ruleOptions: { 'unbounded-promise-all': { reportUnknownLists: true } } };

function findingsOf(code: string, fileName = 'file.ts', options: AnalysisOptions = WIDE) {
  const result = analyze(code, fileName, options);
  assert.equal(result.error, undefined);
  return result.findings.filter((finding) => finding.ruleId === 'unbounded-promise-all');
}

function assertAnnotated(code: string, fileName = 'file.ts'): void {
  assert.deepEqual(actualFindings(code, fileName, WIDE), expectedFindings(code));
}

describe('unbounded-promise-all', () => {
  it('is registered under its file name', () => {
    assert.equal(unboundedPromiseAll.meta.id, 'unbounded-promise-all');
  });

  describe('by default, only lists whose source grows with the input', () => {
    const byDefault = (code: string) => findingsOf(code, 'file.ts', DEFAULT_OPTIONS).map((finding) => finding.message);

    it('names the source: query rows without a limit, request input, a listing, lines of a text', () => {
      const code = `import { PrismaClient } from '@prisma/client';
import { readdir } from 'node:fs/promises';
const prisma = new PrismaClient();
export async function all(req: { body: { ids: string[] } }, dir: string, text: string) {
  const users = await prisma.user.findMany({ where: { active: true } });
  await Promise.all(users.map((user) => notify(user.email)));
  await Promise.all(req.body.ids.map((id) => notify(id)));
  await Promise.all((await readdir(dir)).map((name) => upload(name)));
  const started = [];
  for (const line of text.split('\\n')) started.push(notify(line));
  await Promise.all(started);
}
`;
      assert.deepEqual(byDefault(code), [
        'Promise.all starts notify(...) for every row of user.findMany (no limit) at once; run at most 8 at a time.',
        'Promise.all starts notify(...) for every item of req.body.ids (request input) at once; run at most 8 at a time.',
        'Promise.all starts upload(...) for every item of await readdir(dir) (a directory listing) at once; run at most 8 at a time.',
        "Promise.all starts every promise pushed into started in a loop over text.split('\\n') (lines of a text) at once; run at most 8 at a time.",
      ]);
    });

    it('names the rows a transaction callback hands back as the list', () => {
      const code = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function archive(folderId: string) {
  const notes = await prisma.$transaction(async (tx) => {
    await tx.folder.update({ where: { id: folderId }, data: { archived: true } });
    const archived = await tx.note.findMany({ where: { folderId } });
    return archived;
  });
  await Promise.all(notes.map((note) => notify(note.id)));
}
`;
      assert.deepEqual(byDefault(code), ['Promise.all starts notify(...) for every row of note.findMany (no limit) at once; run at most 8 at a time.']);
    });

    it('leaves a parameter, a capped query and a field of one object alone; reportUnknownLists reports them', () => {
      const code = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function some(ids: string[], widget: { integrations: string[] }) {
  await Promise.all(ids.map((id) => notify(id)));
  const latest = await prisma.user.findMany({ take: 10 });
  await Promise.all(latest.map((user) => notify(user.email)));
  await Promise.all(widget.integrations.map((id) => notify(id)));
}
`;
      assert.deepEqual(byDefault(code), []);
      assert.deepEqual(
        findingsOf(code).map((finding) => code.slice(0, finding.start).split('\n').length),
        [4, 7],
      );
    });
  });

  it('says what starts at once and what to do, naming the call and the array', () => {
    const [finding] = findingsOf(`export const all = (ids: string[]) => Promise.all(ids.map((id) => fetchUser(id)));\n`);
    assert.equal(finding?.messageId, 'unbounded');
    assert.equal(finding?.message, 'Promise.all starts fetchUser(...) for every item of ids at once; run at most 8 at a time.');
  });

  it("takes the loads of a request's DataLoaders as one batch where the project depends on dataloader", () => {
    const code = `type Loaders = Record<string, Record<string, { load(key: string): Promise<unknown>; buildLoader(): { loadMany(keys: string[]): Promise<unknown> } }>>;
export async function balances(req: { loaders: Loaders }, ids: string[]) {
  return Promise.all(ids.map((id) => req.loaders.Account.balance.load(id)));
}
export async function totals({ loaders }: { loaders: Loaders }, groups: string[][]) {
  const totalsLoader = loaders.Account.total.buildLoader();
  return Promise.all(groups.map(async (ids) => totalsLoader.loadMany(ids)));
}
`;
    const withDataLoader: AnalysisOptions = { ...WIDE, project: { dependencies: new Set(['dataloader']) } };
    assert.deepEqual(findingsOf(code, 'file.ts', withDataLoader), []);
    assert.deepEqual(
      findingsOf(code).map((finding) => finding.message),
      [
        'Promise.all starts balance.load(...) for every item of ids at once; run at most 8 at a time.',
        'Promise.all starts totalsLoader.loadMany(...) for every item of groups at once; run at most 8 at a time.',
      ],
    );
  });

  it('names the call an inner Promise.all starts per item, not Promise.all itself', () => {
    const messages = findingsOf(`export async function purge(uploads: string[], postsByUpload: string[][]) {
  await Promise.all(uploads.map((upload) => Promise.all([removeFile(upload), removeFile(upload + '-thumb')])));
  await Promise.all(postsByUpload.map(async (postIds) => Promise.all(postIds.map((postId) => unlinkPost(postId)))));
}
`).map((finding) => finding.message);
    assert.deepEqual(messages, [
      'Promise.all starts removeFile(...) for every item of uploads at once; run at most 8 at a time.',
      'Promise.all starts unlinkPost(...) for every item of postsByUpload at once; run at most 8 at a time.',
    ]);
  });

  it('names the list a chain of array steps starts from, not the code of its callbacks', () => {
    const messages = findingsOf(`export async function f(members: Member[], envIds: Set<string>, byName: Record<string, string>) {
  await Promise.all(members.filter((member) => !member.verified && member.email !== undefined).map((member) => remind(member.email)));
  await Promise.all(Array.from(envIds).map(async (envId) => loadEnvironment(envId)));
  await Promise.allSettled(Object.entries(byName).map(([name, path]) => readFile(path)));
}
`).map((finding) => finding.message.split(' at once')[0]);
    assert.deepEqual(messages, [
      'Promise.all starts remind(...) for every item of members',
      'Promise.all starts loadEnvironment(...) for every item of envIds',
      'Promise.allSettled starts readFile(...) for every item of Object.entries(byName)',
    ]);
  });

  it('names the set a nested member makes, not the member', () => {
    const messages = findingsOf(`export class Settings {
  async save(updates: Update[]) {
    await Promise.all(updates.map(({ key, value }) => this.config.runtime.set(key, value)));
  }
}
`).map((finding) => finding.message.split(' at once')[0]);
    assert.deepEqual(messages, ['Promise.all starts runtime.set(...) for every item of updates']);
  });

  it('squiggles the Promise.all callee, whatever the combinator', () => {
    assertAnnotated(`
export async function f(ids: string[]) {
  await Promise.race(ids.map((id) => fetchUser(id)));
//      ^^^^^^^^^^^^ unbounded-promise-all
  await Promise.allSettled(Object.keys(byId).map((id) => fetchUser(id)));
//      ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
}
`);
  });

  it('follows variables and spreads to the mapped or pushed array', () => {
    assertAnnotated(`
export async function f(ids: string[]) {
  const promises = [];
  ids.forEach((id) => promises.push(fetchUser(id)));
  await Promise.all([...promises]);
//      ^^^^^^^^^^^ unbounded-promise-all
  const mapped = ids.map((id) => fetchUser(id));
  const copy = mapped;
  await Promise.all(copy);
//      ^^^^^^^^^^^ unbounded-promise-all
}
`);
  });

  it('is silent for fixed lists, tuples, limiters, batches, existing promises and a local Promise', () => {
    const silent = [
      `await Promise.all([a(), b(), c()]);`,
      `const pair = [a(), b()] as const; await Promise.all(pair);`,
      `const regions = ['eu', 'us'] as const; await Promise.all(regions.map((region) => get(region)));`,
      `const limit = pLimit(4); await Promise.all(ids.map((id) => limit(() => get(id))));`,
      `await Promise.all(ids.map((id) => queue.add(() => get(id))));`,
      `await Promise.all(ids.map((id) => limiter.schedule(() => get(id))));`,
      `for (let i = 0; i < ids.length; i += 10) await Promise.all(ids.slice(i, i + 10).map(get));`,
      `for (const batch of batches) await Promise.all(batch.map(get));`,
      `await Promise.all(jobs.map((job) => job.promise));`,
      `await Promise.all(promises);`,
      `await Promise.all(Array.from({ length: 4 }, worker));`,
      `await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));`,
      `await Promise.all(mapWithConcurrency(ids, 8, get));`,
      `const Promise = { all: (xs) => xs }; Promise.all(ids.map(get));`,
    ];
    for (const body of silent) {
      assert.deepEqual(findingsOf(`async function f(ids, promises, jobs, batches) {\n${body}\n}\n`, 'file.ts'), [], body);
    }
  });

  it('counts a call as waiting its turn in a limiter, not in a function whose name only contains the word', () => {
    assertAnnotated(`
import pLimit from 'p-limit';
const limit = pLimit(4);
export async function f(ids: string[], jobQueue: Queue, semaphore: Semaphore) {
  await Promise.all(ids.map((id) => limit(() => sync(id))));
  await Promise.all(ids.map((id) => jobQueue.add({ id })));
  await Promise.all(ids.map(async (id) => { const release = await semaphore.acquire(); try { await sync(id); } finally { release(); } }));
  await Promise.all(ids.map((id) => schedulePost(id)));
//      ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(ids.map((id) => addToQueue(id)));
//      ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(ids.map((id) => poolStats.refresh(id)));
//      ^^^^^^^^^^^ unbounded-promise-all
}
`);
  });

  it('keeps the bound of a list through a copy without repeats; reports the copy of a list that grows', () => {
    assertAnnotated(`
const CHANNELS = ['email', 'slack'] as const;
export async function f(recipients: string[], page: string[]) {
  await Promise.all(Array.from(new Set(CHANNELS)).map((channel) => deliver(channel)));
  await Promise.all(Array.from(new Set(page.slice(0, 20)), (id) => deliver(id)));
  await Promise.all(Array.from(new Set(recipients)).map((id) => deliver(id)));
//      ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(Array.from(new Set(recipients), (id) => deliver(id)));
//      ^^^^^^^^^^^ unbounded-promise-all
}
`);
  });

  it('is silent for a mapper that only returns values written out; reports one that returns or starts a call', () => {
    assertAnnotated(`
export async function list(rows: Row[], manager: Manager) {
  await Promise.all(
    rows.map((row) => {
      const { title } = manager.describe(row.kind);
      if (!title) return { ...row, title: \`\${row.kind}\` };
      return { ...row, title };
    }),
  );
  await Promise.all(
//      ^^^^^^^^^^^ unbounded-promise-all
    rows.map((row) => {
      if (row.cached) return { ...row };
      return manager.load(row.id);
    }),
  );
  await Promise.all(
//      ^^^^^^^^^^^ unbounded-promise-all
    rows.map((row) => {
      return { ...row, details: manager.load(row.id) };
    }),
  );
  await Promise.all(
//      ^^^^^^^^^^^ unbounded-promise-all
    rows.map((row) => {
      manager.touch(row.id);
    }),
  );
}
`);
  });

  it('is silent for an async mapper that returns an array built from values; reports one whose array steps call out', () => {
    assertAnnotated(`
export async function notices(programs: Program[], loader: Loader) {
  const rows = await Promise.all(
    programs.map(async (program) => {
      return program.members.filter(({ active }) => active).map(({ user }) => ({ email: user.email, program: program.name }));
    }),
  );
  const started = await Promise.all(
//                      ^^^^^^^^^^^ unbounded-promise-all
    programs.map(async (program) => {
      return program.members.map((member) => loader.load(member.id));
    }),
  );
  const fetched = await Promise.all(
//                      ^^^^^^^^^^^ unbounded-promise-all
    programs.map(async (program) => loader.members(program.id).map((member) => member.email)),
  );
  const texts = await Promise.all(programs.map(async (program) => await readFileSync(program.path).toString('utf8')));
  const read = await Promise.all(programs.map(async (program) => readFileSync(program.path)));
  const loaded = await Promise.all(programs.map(async (program) => await loader.text(program.path).toString()));
//                     ^^^^^^^^^^^ unbounded-promise-all
  return [rows, started, fetched, texts, read, loaded];
}
`);
  });

  it('is silent for the parts of one loaded row and for a list the function caps first; reports a cap that lets the function go on', () => {
    const silent = [
      `const doc = await prisma.document.findUnique({ where: { id } }); await Promise.all(doc.pages.map((page) => render(page)));`,
      `const order = await repo.findOneOrFail({ where: { id } }); const open = order.lines.filter((l) => l.open); await Promise.all(open.map((l) => reserve(l)));`,
      `if (ids.length > MAX_IDS) throw new Error('too many'); await Promise.all(ids.map((id) => get(id)));`,
      `if (MAX_IDS < ids.length) { log('too many'); return; } await Promise.all(ids.map((id) => get(id)));`,
    ];
    const header = `import { PrismaClient } from '@prisma/client';\nimport { Repository } from 'typeorm';\nconst prisma = new PrismaClient();\n`;
    for (const body of silent) {
      assert.deepEqual(findingsOf(`${header}async function f(ids, id, repo: Repository<Order>) {\n${body}\n}\n`, 'file.ts'), [], body);
    }
    const [capped, manyRows] = findingsOf(`import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function f(ids: string[], teamId: string) {
  if (ids.length > MAX_IDS) log('many');
  await Promise.all(ids.map((id) => get(id)));
  const rows = await prisma.member.findMany({ where: { teamId } });
  await Promise.all(rows.map((row) => get(row.id)));
}
`);
    assert.deepEqual(
      [capped, manyRows].map((finding) => finding && [finding.messageId, finding.message]),
      [
        ['unbounded', 'Promise.all starts get(...) for every item of ids at once; run at most 8 at a time.'],
        ['unbounded', 'Promise.all starts get(...) for every row of member.findMany (no limit) at once; run at most 8 at a time.'],
      ],
    );
  });

  it('counts every loop that pushes since the array was made: one region list is bounded, the regions of every monitor are not', () => {
    const code = `export async function f(monitor: Monitor, monitors: Monitor[]) {
  const one: Promise<Response>[] = [];
  for (const region of monitor.regions) one.push(fetch(url(monitor, region)));
  await Promise.all(one);
  const all: Promise<Response>[] = [];
  for (const each of monitors) {
    for (const region of each.regions) all.push(fetch(url(each, region)));
  }
  await Promise.all(all);
}
`;
    const [everyMonitor, ...rest] = findingsOf(code);
    const squiggle = code.indexOf('Promise.all(all)');
    assert.deepEqual(rest, []);
    assert.deepEqual(everyMonitor && [everyMonitor.messageId, everyMonitor.start, everyMonitor.end, everyMonitor.message], [
      'unbounded',
      squiggle,
      squiggle + 'Promise.all'.length,
      'Promise.all starts every promise pushed into all in a loop at once; run at most 8 at a time.',
    ]);
  });

  it('is silent for the rows of a page an SDK list call caps, read through its data field; reports an uncapped list', () => {
    assertAnnotated(`
import Stripe from 'stripe';
const stripe = new Stripe(process.env.STRIPE_KEY ?? '');
export async function cleanUp(customerId: string, userId: string) {
  const page = await stripe.paymentMethods.list({ customer: customerId, limit: 100 });
  await Promise.all(page.data.filter((method) => method.type === 'card').map((method) => stripe.paymentMethods.detach(method.id)));
  const factors = await workos.mfa.listUserAuthFactors({ userId, limit: 20 });
  await Promise.all(factors.data.map((factor) => workos.mfa.deleteFactor(factor.id)));
  const all = await workos.mfa.listUserAuthFactors({ userId });
  await Promise.all(all.data.map((factor) => workos.mfa.deleteFactor(factor.id)));
//      ^^^^^^^^^^^ unbounded-promise-all
  const settings = await loadSettings({ limit: 5 });
  await Promise.all(settings.members[0].teams.map((team) => notify(team)));
//      ^^^^^^^^^^^ unbounded-promise-all
}
`);
  });

  it('leaves one-off programs alone (bundler configs, bin commands, entry-point scripts) and reports the same fan-out in a module, also one only they or a worker process import', () => {
    const copy = `import { copyFile, readdir } from 'node:fs/promises';
export async function copyTemplates(from: string, to: string) {
  const names = await readdir(from);
  await Promise.all(names.map((name) => copyFile(\`\${from}/\${name}\`, \`\${to}/\${name}\`)));
}
`;
    const entryPoint = `${copy}if (import.meta.url === \`file://\${process.argv[1]}\`) void copyTemplates('a', 'b');\n`;
    const topLevelOnly = copy.replace('export async', 'async') + `await copyTemplates('locales', 'dist/locales');\n`;
    const commandLine: AnalysisOptions = { ...WIDE, project: { dependencies: new Set(), commandLine: true } };
    const onlyScriptsImport: AnalysisOptions = { ...WIDE, project: { dependencies: new Set(), scriptOnly: true } };
    assert.deepEqual(findingsOf(copy, 'vite.config.ts'), []);
    assert.deepEqual(findingsOf(copy, 'src/commands/init/copy.ts', commandLine), []);
    assert.deepEqual(findingsOf(entryPoint, 'src/scan-locales.ts'), []);
    assert.deepEqual(findingsOf(topLevelOnly, 'src/copy-locales.ts'), []);
    assert.deepEqual(
      findingsOf(copy, 'src/commands/init/copy.ts').map((finding) => [finding.start, finding.message]),
      [[copy.indexOf('Promise.all'), 'Promise.all starts copyFile(...) for every item of names (a directory listing) at once; run at most 8 at a time.']],
    );
    // A long-lived worker process counts among those importers, and its fan-out exhausts the same pools.
    assert.deepEqual(
      findingsOf(copy, 'src/utils/copy.ts', onlyScriptsImport).map((finding) => finding.start),
      [copy.indexOf('Promise.all')],
    );
  });

  it('leaves scripts a static folder serves to browsers alone; reports the same code compiled for a server', () => {
    // A `fetch` listener and `caches` are an edge worker's as much as a service worker's: only the folder tells them apart.
    const code = `self.addEventListener('fetch', (event) => {\n  event.respondWith(caches.keys().then((keys) => Promise.all(keys.map((key) => caches.delete(key)))).then(() => fetch(event.request)));\n});\n`;
    assert.deepEqual(findingsOf(code, 'apps/web/public/sw.js'), []);
    assert.deepEqual(findingsOf(code, 'apps/web/static/sw.mjs'), []);
    assert.deepEqual(
      [findingsOf(code, 'apps/web/public/sw.ts'), findingsOf(code, 'apps/web/src/sw.js')].map((findings) => findings.map((finding) => finding.message)),
      [
        ['Promise.all starts caches.delete(...) for every item of keys at once; run at most 8 at a time.'],
        ['Promise.all starts caches.delete(...) for every item of keys at once; run at most 8 at a time.'],
      ],
    );
  });

  it('bounds a lodash subset by the list it keeps items of, and keys by the literal a function returns, not a field of it', () => {
    const code = [
      "import { difference, uniqBy } from 'lodash';",
      'export async function f(asked: string[], rows: Row[], extra: Row[]) {',
      "  await Promise.all(difference(['billing', 'audit'], asked).map((kind) => enable(kind)));",
      '  await Promise.all(uniqBy([...rows, ...extra].filter((row) => row.isin), (row) => row.id).map((row) => resolve(row)));',
      '}',
      'export async function g(input: unknown) {',
      '  const { values } = split(input);',
      '  await Promise.all(Object.entries(values).map(([key, value]) => save(key, value)));',
      '}',
      'function split(input: unknown) {',
      '  return { values: input as Record<string, string>, rest: {} };',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(
      findingsOf(code).map((finding) => finding.message),
      [
        'Promise.all starts resolve(...) for every item of uniqBy([...rows, ...extra].filter((row) ... at once; run at most 8 at a time.',
        'Promise.all starts save(...) for every item of Object.entries(values) at once; run at most 8 at a time.',
      ],
    );
  });

  it('names the call a conversion follows', () => {
    const [finding] = findingsOf(
      `export async function f(programs) {\n  return Promise.all(programs.map(async (program) => await loader.text(program.path).toString()));\n}\n`,
    );
    assert.equal(finding?.message, 'Promise.all starts loader.text(...) for every item of programs at once; run at most 8 at a time.');
  });

  it('reportRecordLists: also reports the lists of one record, loaded or written', () => {
    const code = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function clear(id: string, name: string, post: Post) {
  const project = await prisma.project.findUnique({ where: { id }, include: { clients: true } });
  await Promise.all(project.clients.map((client) => cache.clear(client.id)));
  const renamed = await prisma.project.update({ where: { id }, data: { name }, include: { clients: true } });
  await Promise.all(renamed.clients.map((client) => cache.clear(client.id)));
  await Promise.all(post.media.map((item) => resize(item.path)));
}
`;
    assert.equal(findingsOf(code).length, 0);
    const options: AnalysisOptions = { ...DEFAULT_OPTIONS, ruleOptions: { 'unbounded-promise-all': { reportRecordLists: true, reportUnknownLists: true } } };
    assert.deepEqual(
      findingsOf(code, 'file.ts', options).map((finding) => code.slice(0, finding.start).split('\n').length),
      [5, 7, 8],
    );
  });

  it('honors suppression comments', () => {
    const code = (comment: string) => `export async function f(ids: string[]) {\n${comment}\n}\n`;
    assert.equal(findingsOf(code('  // perf-lint-disable-next-line unbounded-promise-all\n  await Promise.all(ids.map(get));')).length, 0);
    assert.equal(findingsOf(code('  await Promise.all(ids.map(get)); // perf-lint-disable-line')).length, 0);
    assert.equal(findingsOf(`/* perf-lint-disable unbounded-promise-all */\n${code('  await Promise.all(ids.map(get));')}`).length, 0);
    assert.equal(findingsOf(code('  await Promise.all(ids.map(get)); // perf-lint-disable-line await-in-loop')).length, 1);
  });

  describeAnnotatedProject('unbounded-promise-all/projects/imported-lists');
  describeAnnotatedProject('unbounded-promise-all/projects/settled-async');
  describeAnnotatedProject('unbounded-promise-all/projects/cache-first');
  describeAnnotatedProject('unbounded-promise-all/projects/caller-lists');
  describeAnnotatedProject('unbounded-promise-all/projects/fixed-returns');
  describeAnnotatedProject('unbounded-promise-all/projects/barrel-lists');
  describeAnnotatedProject('unbounded-promise-all/projects/validation-schemas');
  describeAnnotatedProject('unbounded-promise-all/projects/queued-jobs');
  describeAnnotatedProject('unbounded-promise-all/projects/owner-rows');
  describeAnnotatedProject('unbounded-promise-all/projects/commonjs-constants');
  describeAnnotatedProject('unbounded-promise-all/projects/store-wrappers');

  describe('fix', () => {
    it('is offered for Promise.all over a map with at most item and index, not for allSettled, any, race or pushed promises', () => {
      const fixable = (body: string) =>
        findingsOf(`async function f(ids, extra) {\n${body}\n}\nfunction three(a, b, c) { return get(a, b, c); }\n`, 'file.js').map((finding) =>
          Boolean(finding.fix?.safe),
        );
      assert.deepEqual(fixable(`await Promise.all(ids.map((id, index) => get(id, index)));`), [true]);
      assert.deepEqual(fixable(`await Promise.all(ids.map((id, index, all) => get(id, all)));`), [false]);
      assert.deepEqual(fixable(`await Promise.all(ids.map(three));`), [false]);
      assert.deepEqual(fixable(`await Promise.all(ids.map(extra));`), [false]);
      assert.deepEqual(fixable(`await Promise.allSettled(ids.map((id) => get(id)));`), [false]);
      assert.deepEqual(fixable(`const p = []; for (const id of ids) p.push(get(id)); await Promise.all(p);`), [false]);
    });
  });

  describeFixFixtures('unbounded-promise-all');

  describePrograms('unbounded-promise-all', (before, after) => {
    assert.ok(before.maxInFlight > PROGRAM_LIMIT, 'the original starts every call at once');
    assert.equal(after.calls, before.calls, 'the fixed program makes the same calls');
  });
});

describe('unbounded-promise-all over what a function of the project reads', () => {
  it("names rows it reads without the caller's arguments, and a list it reads by them as of unknown origin", () => {
    const { texts, options } = loadProject('unbounded-promise-all/projects/store-wrappers');
    const [file, text] = [...texts].find(([name]) => name.endsWith('notify.js'))!;
    assert.deepEqual(
      findingsOf(text, file, options).map((finding) => finding.message.split(' at once')[0]),
      [
        'Promise.all starts deliver(...) for every row of store.getAllRecords (no limit)',
        'Promise.all starts deliver(...) for every item of picked',
        'Promise.all starts deliver(...) for every row of store.getListMembers (no limit)',
        'Promise.all starts deliver(...) for every item of newest',
      ],
    );
  });
});
