import { readFile } from 'node:fs/promises';

declare function fetchUser(id: string): Promise<{ name: string }>;
declare function resize(path: string): Promise<void>;

export async function users(ids: string[]): Promise<{ name: string }[]> {
  return Promise.all(ids.map((id) => fetchUser(id)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function readConfigs(byName: Record<string, string>): Promise<string[]> {
  return Promise.all(Object.values(byName).map((file) => readFile(file, 'utf8')));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function entries(byName: Record<string, string>): Promise<void> {
  await Promise.allSettled(Object.entries(byName).map(async ([name, file]) => {
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
    const text = await readFile(file, 'utf8');
    return `${name}: ${text.length}`;
  }));
}

export async function thumbnails(paths: Set<string>): Promise<void> {
  await Promise.all(Array.from(paths, (path) => resize(path)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function firstAnswer(hosts: string[]): Promise<unknown> {
  return Promise.any(hosts.map((host) => fetch(`https://${host}/ping`)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

export async function pushedInLoop(paths: string[]): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const path of paths) {
    pending.push(resize(path));
  }
  await Promise.all(pending);
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function throughVariable(ids: string[]): Promise<void> {
  const lookups = ids.filter(Boolean).map((id) => fetchUser(id));
  const found = await Promise.all(lookups);
  //                  ^^^^^^^^^^^ unbounded-promise-all
  console.log(found.length);
}

export async function spread(ids: string[]): Promise<void> {
  await Promise.all([fetchUser('admin'), ...ids.map((id) => fetchUser(id))]);
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function withRange(count: number): Promise<void> {
  await Promise.all(Array.from({ length: count }, (_, page) => fetch(`/items?page=${page}`)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export class Uploader {
  constructor(private readonly bucket: { put(key: string): Promise<void> }) {}

  async uploadAll(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.bucket.put(key)));
    //    ^^^^^^^^^^^ unbounded-promise-all
  }
}
