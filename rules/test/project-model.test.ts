import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectProjectFacts, ProjectModel, type ProjectHost } from '../src';
import { moduleKey } from '../src/analysis/orm-index';
import { fileKey, normalizePath } from '../src/project-model/paths';
import { FIXTURES_DIR } from './annotations';

const PROJECTS = path.join(FIXTURES_DIR, 'n-plus-one/projects');

/** Reads the fixture trees, counting the reads so that a test can see what the model reads. */
function diskHost(reads: string[] = []): ProjectHost {
  return {
    readFile(file) {
      reads.push(file);
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    },
  };
}

function modelOf(project: string, reads?: string[]): { model: ProjectModel; root: string } {
  const root = path.join(PROJECTS, project);
  const model = new ProjectModel(diskHost(reads), root);
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  for (const file of walk(root).filter((name) => /\.ts$/.test(name))) model.update(file, fs.readFileSync(file, 'utf8'));
  return { model, root };
}

describe('project model', () => {
  it('resolves a tsconfig paths alias declared in the configuration it extends', () => {
    const { model, root } = modelOf('nest-paths');
    const from = path.join(root, 'apps/api/src/order/order.service.ts');
    assert.equal(moduleKey(model.snapshot(), from, '@shop/api/invoice/invoice.service'), fileKey(path.join(root, 'apps/api/src/invoice/invoice.service.ts')));
    assert.equal(moduleKey(model.snapshot(), from, '@nestjs/common'), undefined);
  });

  it('resolves a workspace package by its name, its types entry and its exports wildcard', () => {
    const { model, root } = modelOf('turbo-workspace');
    const from = path.join(root, 'apps/web/src/app/orders/report.ts');
    // `types: ./dist/index.d.ts` of an unbuilt package stands for `src/index.ts`.
    assert.equal(moduleKey(model.snapshot(), from, '@acme/db'), fileKey(path.join(root, 'packages/db/src/index.ts')));
    assert.equal(moduleKey(model.snapshot(), from, '@acme/lib/invoices/totals'), fileKey(path.join(root, 'packages/lib/src/invoices/totals.ts')));
  });

  it('follows re-exports (`export *`, `export { a as b }`) to the declaring file', () => {
    const { model, root } = modelOf('turbo-workspace');
    const from = path.join(root, 'apps/web/src/app/orders/report.ts');
    const index = model.snapshot();
    assert.deepEqual(index.exports[fileKey(path.join(root, 'packages/db/src/client.ts'))]?.prisma, { kind: 'client', orm: 'prisma' });
    assert.deepEqual(index.exports[fileKey(path.join(root, 'packages/db/src/redis.ts'))]?.getRedis, { kind: 'factory', orm: 'redis' });
    assert.deepEqual(index.reexports?.[moduleKey(index, from, '@acme/db')!], [
      { target: fileKey(path.join(root, 'packages/db/src/client.ts')) },
      { target: fileKey(path.join(root, 'packages/db/src/redis.ts')), names: { redis: 'getRedis' } },
    ]);
  });

  it('keeps each function summary where it is declared and drops those that run no query', () => {
    const { model, root } = modelOf('turbo-workspace');
    const functions = model.snapshot().functions![fileKey(path.join(root, 'packages/lib/src/invoices/totals.ts'))]!;
    assert.deepEqual(Object.keys(functions), ['invoiceTotal']);
    assert.deepEqual(
      { ...functions.invoiceTotal, file: path.basename(functions.invoiceTotal!.file) },
      {
        file: 'totals.ts',
        start: 183,
        end: 207,
        line: 6,
        column: 25,
        text: 'prisma.invoice.findFirst',
        library: 'prisma',
        kind: 'read',
        operation: 'findFirst',
        model: 'invoice',
        inputs: ['0'],
        keyColumn: 'orderId',
      },
    );
  });

  it('updates per changed file and forgets a removed one', () => {
    const { model, root } = modelOf('turbo-workspace');
    const file = path.join(root, 'packages/lib/src/invoices/totals.ts');
    const before = model.snapshot();
    assert.equal(model.update(file, 'export const invoiceTotal = (orderId: string) => orderId;\n'), true);
    assert.notEqual(model.snapshot(), before);
    assert.equal(model.snapshot().functions?.[fileKey(file)], undefined);
    assert.equal(model.update(file, 'export const invoiceTotal = (orderId: string) => orderId;\n'), false);
    assert.equal(model.remove(path.join(root, 'packages/db/src/client.ts')), true);
    assert.equal(model.snapshot().exports[fileKey(path.join(root, 'packages/db/src/client.ts'))], undefined);
  });

  it('reads each folder configuration once, however many files it holds', () => {
    const reads: string[] = [];
    modelOf('nest-paths', reads);
    const counts = new Map<string, number>();
    for (const file of reads) counts.set(file, (counts.get(file) ?? 0) + 1);
    assert.ok(
      [...counts.values()].every((count) => count === 1),
      JSON.stringify([...counts]),
    );
  });
});

describe('project facts of one file', () => {
  const types = [
    "import type { Prisma } from '@prisma/client';",
    'export interface Page { size: number }',
    'export type Id = string;',
    'export enum Kind { A }',
    'export namespace Defaults { export const size = 20; }',
    'export class CreateUserDto {',
    '  name!: string;',
    '  constructor(name: string) { this.name = name; }',
    '}',
    '',
  ].join('\n');

  it('are none for a file that exports only types, enums, namespaces and classes of plain fields', () => {
    assert.equal(collectProjectFacts(types, '/p/src/user.dto.ts'), undefined);
  });

  it('hold a class that extends another and its method that queries, next to such exports', () => {
    const text = `${types}import { prisma } from './db';\nimport { Base } from './base';\nexport class Users extends Base {\n  all() {\n    return prisma.user.findMany();\n  }\n}\n`;
    const facts = collectProjectFacts(text, '/p/src/users.ts');
    assert.deepEqual(facts?.classes, { Users: { exported: ['Users'], base: { module: './base', name: 'Base' } } });
    assert.deepEqual(Object.keys(facts?.functions ?? {}), ['Users.all']);
  });

  it('hold a function summary from the reading kept: its branches, past its cache, or the path every call takes', () => {
    const text = [
      "import { prisma } from './db';",
      "import { audit } from './audit';",
      'const rates = new Map<string, number>();',
      'export async function rateOf(from: string, to: string) {',
      '  let rate = 1;',
      '  if (from !== to) rate = (await prisma.rate.findFirst({ where: { from, to } }))?.value ?? 1;',
      '  return rate;',
      '}',
      'export async function cachedRate(from: string) {',
      '  const known = rates.get(from);',
      '  if (known) return known;',
      '  const rate = await prisma.rate.findFirst({ where: { from } });',
      '  rates.set(from, rate!.value);',
      '  return rate!.value;',
      '}',
      'export function track(id: string, kind: string) {',
      '  audit.record(id, kind);',
      "  if (!kind) throw new Error('no kind');",
      '  return id;',
      '}',
      '',
    ].join('\n');
    const functions = collectProjectFacts(text, '/p/src/rates.ts')?.functions ?? {};
    const { rateOf, cachedRate, track } = functions;
    assert.deepEqual([rateOf?.site?.text, rateOf?.site?.branch, rateOf?.inputs, rateOf?.branchWork], ['prisma.rate.findFirst', true, ['0', '1'], ['./db']]);
    assert.deepEqual(cachedRate, { otherWork: ['./db'], cacheFirst: true });
    assert.deepEqual(
      [track?.site, track?.calls?.map((call) => call.text), track?.inputs, track?.inputCalls, track?.checks],
      [undefined, ['audit.record'], [], [{ module: './audit', path: ['audit', 'record'], reads: ['0', '1'] }], true],
    );
  });
});

describe('normalizePath', () => {
  it('leaves a normal path as it is and rewrites every other form', () => {
    const expected: Array<[string, string]> = [
      ['/repo/src/db.ts', '/repo/src/db.ts'],
      ['src/.config/db.ts', 'src/.config/db.ts'],
      ['src/..db/a..b/...', 'src/..db/a..b/...'],
      ['C:\\repo\\src\\db.ts', 'C:/repo/src/db.ts'],
      ['/repo//src/./db.ts', '/repo/src/db.ts'],
      ['/repo/src/../lib/db.ts', '/repo/lib/db.ts'],
      ['/repo/src/', '/repo/src'],
      ['/repo/src/.', '/repo/src'],
      ['/repo/src/..', '/repo'],
      ['./src/db.ts', 'src/db.ts'],
      ['../../src/db.ts', '../../src/db.ts'],
      ['..', '..'],
      ['.', ''],
      ['/', '/'],
      ['', ''],
    ];
    assert.deepEqual(
      expected.map(([input]) => [input, normalizePath(input)]),
      expected,
    );
  });
});
