// A function that resolves one value by walking its objects, calling itself on each key's value, walks that value's
// tree: its work sits at the leaves. The items of an array it walks are as many as the value holds, and a walk of a
// directory lists entries it reads from the disk, as many as are there.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

declare function resolveTemplate(text: string): Promise<string>;

export async function resolveValue(value: unknown): Promise<unknown> {
  if (typeof value === 'string') return resolveTemplate(value);
  if (Array.isArray(value)) return Promise.all(value.map((item) => resolveValue(item)));
  //                               ^^^^^^^^^^^ unbounded-promise-all
  if (value && typeof value === 'object') {
    const entries = await Promise.all(Object.entries(value).map(async ([key, entry]) => [key, await resolveValue(entry)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

export class PayloadHydrator {
  async hydrate(value: unknown): Promise<unknown> {
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(await Promise.all(Object.entries(value).map(async ([key, entry]) => [key, await this.hydrate(entry)])));
  }
}

export async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  const names = await readdir(path);
  const sizes = await Promise.all(names.map((name) => sizeOf(join(path, name))));
  //                  ^^^^^^^^^^^ unbounded-promise-all
  return sizes.reduce((total, size) => total + size, 0);
}
