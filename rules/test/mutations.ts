/** Random but reproducible edits of source text, for the fuzz tests of every layer. */

/** A small deterministic generator (mulberry32), so a failure replays exactly. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Code that touches every rule, for when the fixtures alone are not enough to mutate. */
export const SEEDS = [
  `import { readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'child_process';
export async function handler(ids: string[]) {
  for (const id of ids) {
    const user = await prisma.user.findUnique({ where: { id } });
    await send(user);
  }
  const text = readFileSync('a.txt', 'utf8');
  execSync('ls');
  return Promise.all(ids.map((id) => fetch(id)));
}`,
  `const fs = require('fs');
async function main(files) {
  const results = [];
  for (let i = 0; i < files.length; i++) {
    results.push(await load(files[i]));
  }
  await Promise.allSettled(Object.keys(files).map(async (key) => repo.findOne(key)));
  while (queue.length) await queue.shift()();
  fs.writeFileSync('out.json', JSON.stringify(results));
}
module.exports = { main };`,
  `class Service {
  constructor(private readonly repo: Repository<User>) {}
  async all(ids: number[]): Promise<User[]> {
    const users: User[] = [];
    for await (const chunk of stream) users.push(chunk);
    for (const id of ids) users.push(await this.repo.findOneBy({ id }));
    return users;
  }
}`,
];

/** Whole statements, inserted as lines: the result often still parses, so the fixes get exercised. */
const STATEMENTS = [
  'await work(item);',
  'for (const item of items) { await work(item); }',
  'for (const item of items) await db.query(item);',
  'while (queue.length) { await next(queue.pop()); }',
  "readFileSync('x');",
  "const data = fs.readFileSync('x', 'utf8');",
  "execSync('ls');",
  'await Promise.all(items.map((item) => work(item)));',
  'const all = await Promise.all(Object.keys(map).map(async (key) => load(key)));',
  'items.forEach(async (item) => { await prisma.user.findUnique({ where: { id: item } }); });',
];

/** Fragments inserted anywhere: they mostly break the syntax. */
const FRAGMENTS = ['async function f() {', '}', ')', '(', '<div>', '`${', '/*', '//', '"', 'await', 'for (;;)', '\uFEFF', '\r\n'];

function tokens(text: string): string[] {
  return text.match(/\s+|\w+|[^\w\s]/g) ?? [];
}

/** One random edit: delete, duplicate or swap tokens or lines, insert a statement or a fragment, cut the text. */
export function mutate(text: string, random: Random): string {
  const lines = text.split('\n');
  const parts = tokens(text);
  const at = (length: number): number => Math.floor(random() * Math.max(1, length));
  const swap = <T>(items: T[], fallback: T): void => {
    const [a, b] = [at(items.length), at(items.length)];
    [items[a], items[b]] = [items[b] ?? fallback, items[a] ?? fallback];
  };
  switch (Math.floor(random() * 9)) {
    case 0:
      parts.splice(at(parts.length), 1);
      return parts.join('');
    case 1: {
      const index = at(parts.length);
      parts.splice(index, 0, parts[index] ?? '');
      return parts.join('');
    }
    case 2:
      swap(parts, '');
      return parts.join('');
    case 3:
      lines.splice(at(lines.length), 1);
      return lines.join('\n');
    case 4:
      swap(lines, '');
      return lines.join('\n');
    case 5: {
      const index = at(lines.length);
      lines.splice(index, 0, lines[index] ?? '');
      return lines.join('\n');
    }
    case 6:
    case 7:
      lines.splice(at(lines.length + 1), 0, pick(random, STATEMENTS));
      return lines.join('\n');
    default: {
      const index = at(text.length + 1);
      return random() < 0.2 ? text.slice(0, index) : text.slice(0, index) + pick(random, FRAGMENTS) + text.slice(index);
    }
  }
}
