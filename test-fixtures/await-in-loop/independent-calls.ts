import { readFile } from 'node:fs/promises';
import * as path from 'node:path';

interface User {
  id: string;
  name: string;
}

declare function fetchUser(id: string): Promise<User>;
declare function fetchJson(url: string): Promise<unknown>;
declare function resize(file: string, width: number): Promise<void>;
declare function notify(email: string, text: string): Promise<void>;
declare const logger: { info(message: string): void; error(message: string, error: unknown): void };

export async function userNames(ids: string[]): Promise<string[]> {
  const names: string[] = [];
  for (const id of ids) {
    const user = await fetchUser(id);
    //           ^^^^^ await-in-loop
    names.push(user.name);
  }
  return names;
}

export async function readAll(dir: string, files: readonly string[]): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  for (let i = 0; i < files.length; i++) {
    contents.set(files[i]!, await readFile(path.join(dir, files[i]!), 'utf8'));
    //                      ^^^^^ await-in-loop
  }
  return contents;
}

export async function thumbnails(images: Record<string, string>): Promise<void> {
  for (const key in images) {
    await resize(images[key]!, 200);
//  ^^^^^ await-in-loop
  }
}

export async function countDown(urls: string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  let i = 0;
  while (i < urls.length) {
    results.push(await fetchJson(urls[i]!));
    //           ^^^^^ await-in-loop
    i++;
  }
  return results;
}

export async function everyOther(urls: string[]): Promise<void> {
  let i = 0;
  do {
    await fetchJson(urls[i]!);
//  ^^^^^ await-in-loop
    i += 2;
  } while (i < urls.length);
}

/** Only the first independent await of a loop is reported: one finding per loop. */
export async function enrich(users: User[]): Promise<void> {
  for (const user of users) {
    const profile = await fetchJson(`/profiles/${user.id}`);
    //              ^^^^^ await-in-loop
    const avatar = await fetchJson(`/avatars/${user.id}`);
    logger.info(`${user.name}: ${String(profile)} ${String(avatar)}`);
  }
}

/** Errors handled per item do not make the items depend on each other. */
export async function notifyAll(users: User[]): Promise<void> {
  for (const user of users) {
    try {
      await notify(`${user.id}@example.com`, 'Your export is ready');
//    ^^^^^ await-in-loop
    } catch (error) {
      logger.error(`could not notify ${user.id}`, error);
    }
  }
}

export class ReportBuilder {
  constructor(private readonly api: { get(url: string): Promise<unknown> }) {}

  async sections(names: string[]): Promise<unknown[]> {
    const sections: unknown[] = [];
    for (const name of names) {
      sections.push(await this.api.get(`/sections/${name}`));
      //            ^^^^^ await-in-loop
    }
    return sections;
  }
}

export const pricesOf = async (skus: string[]): Promise<number[]> => {
  const prices: number[] = [];
  for (const sku of skus) prices.push(Number(await fetchJson(`/prices/${sku}`)));
  //                                         ^^^^^ await-in-loop
  return prices;
};

/** Nested loops: each loop with an independent await gives its own finding. */
export async function matrix(rows: string[][]): Promise<void> {
  outer: for (const row of rows) {
    await fetchJson(`/rows/${row.length}`);
//  ^^^^^ await-in-loop
    for (const cell of row) {
      if (!cell) continue outer;
      await fetchJson(`/cells/${cell}`);
//    ^^^^^ await-in-loop
    }
  }
}
