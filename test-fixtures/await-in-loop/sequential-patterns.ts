// valid: every loop here must stay sequential, so none is reported
import { setTimeout as delayFor } from 'node:timers/promises';
import { once } from 'node:events';
import * as readline from 'node:readline/promises';
import type { FileHandle } from 'node:fs/promises';

interface Page<T> {
  items: T[];
  next?: string;
  hasMore: boolean;
}

declare function listUsers(cursor?: string): Promise<Page<string>>;
declare function fetchPage(page: number): Promise<Page<string>>;
declare function first(): Promise<{ rows: string[]; next(): Promise<unknown> } | undefined>;
declare function fetchJson(url: string): Promise<any>;
declare function sleep(ms: number): Promise<void>;
declare function connect(): Promise<object>;
declare function handle(job: string): Promise<void>;
declare function save(item: string): Promise<void>;
declare function chunk<T>(items: T[], size: number): T[][];
declare const queue: { pop(): Promise<string | undefined> };
declare const logger: { info(message: string): void };

/** Cursor pagination: the next request needs the previous response. */
export async function allUsers(): Promise<string[]> {
  const users: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listUsers(cursor);
    users.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return users;
}

export async function whileCursor(start: string): Promise<void> {
  let cursor: string | undefined = start;
  while (cursor) {
    const page: Page<string> = await listUsers(cursor);
    cursor = page.next;
  }
}

export async function untilNoMore(): Promise<string[]> {
  const all: string[] = [];
  let page = 1;
  let hasMore = true;
  while (hasMore) {
    const response = await fetchPage(page++);
    all.push(...response.items);
    hasMore = response.hasMore;
  }
  return all;
}

export async function linked(): Promise<void> {
  for (let page = await first(); page; page = (await page.next()) as typeof page) {
    logger.info(page.rows.join());
  }
}

export async function pagesUntilTotal(): Promise<void> {
  let total = Infinity;
  for (let page = 1; page <= total; page++) {
    const response = await fetchJson(`/items?page=${page}`);
    total = response.totalPages;
  }
}

/** A value threaded through the iterations. */
export async function chain(services: string[], seed: string): Promise<string> {
  let token = seed;
  for (const service of services) {
    const response = await fetchJson(`/exchange/${service}?token=${token}`);
    token = response.token;
  }
  return token;
}

export async function accumulate(urls: string[]): Promise<unknown> {
  let state: unknown = {};
  for (const url of urls) state = await fetchJson(`${url}?base=${JSON.stringify(state)}`);
  return state;
}

/** Retries and fallbacks stop at the first success. */
export async function withRetries(): Promise<object> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await connect();
    } catch {
      logger.info(`attempt ${attempt} failed`);
    }
  }
  throw new Error('unreachable');
}

export async function firstMirror(mirrors: string[]): Promise<unknown> {
  for (const mirror of mirrors) {
    const response = await fetchJson(mirror);
    if (response.ok) return response;
  }
  return undefined;
}

export async function findAvailable(names: string[]): Promise<string | undefined> {
  let found: string | undefined;
  for (const name of names) {
    const taken = await fetchJson(`/names/${name}`);
    if (!taken) {
      found = name;
      break;
    }
  }
  return found;
}

export async function firstWorking(hosts: string[]): Promise<string | undefined> {
  for (const host of hosts) {
    if (await fetchJson(`https://${host}/health`)) return host;
  }
  return undefined;
}

/** Queue draining: the body changes what the loop runs over. */
export async function drain(jobs: string[]): Promise<void> {
  while (jobs.length > 0) await handle(jobs.shift()!);
}

export async function drainRemote(): Promise<void> {
  let job: string | undefined;
  while ((job = await queue.pop())) await handle(job);
}

export async function crawl(start: string): Promise<Set<string>> {
  const toVisit = [start];
  const seen = new Set<string>();
  for (const url of toVisit) {
    const page = await fetchJson(url);
    for (const link of page.links as string[]) {
      if (!seen.has(link)) {
        seen.add(link);
        toVisit.push(link);
      }
    }
  }
  return seen;
}

/** Deliberate pacing. */
export async function politely(urls: string[]): Promise<void> {
  for (const url of urls) {
    await fetchJson(url);
    await sleep(250);
  }
}

export async function timersPromises(urls: string[]): Promise<void> {
  for (const url of urls) {
    await fetchJson(url);
    await delayFor(100);
  }
}

export async function handMadeDelay(urls: string[]): Promise<void> {
  for (const url of urls) {
    await fetchJson(url);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export async function nestedPacing(groups: string[][]): Promise<void> {
  for (const group of groups) {
    for (const url of group) await fetchJson(url);
    await sleep(60_000);
  }
}

/** Streams and async iterators are consumed in order. */
export async function lines(stream: AsyncIterable<string>): Promise<void> {
  for await (const line of stream) await save(line);
}

/** Explicit batching. */
export async function inBatches(items: string[]): Promise<void> {
  for (let i = 0; i < items.length; i += 50) {
    const batch = items.slice(i, i + 50);
    await Promise.all(batch.map((item) => save(item)));
  }
}

export async function inWindows(items: string[]): Promise<void> {
  const batchSize = 32;
  for (let batch = 0; batch < items.length; batch += batchSize) {
    const pending: Promise<void>[] = [];
    for (let i = batch; i < Math.min(batch + batchSize, items.length); i++) pending.push(save(items[i]!));
    await Promise.all(pending);
  }
}

export async function inChunks(items: string[]): Promise<void> {
  for (const part of chunk(items, 25)) {
    await fetchJson(`/bulk?ids=${part.join(',')}`);
  }
}

/** An await in a function that the loop only creates. */
export function handlers(buttons: { onClick(listener: () => Promise<void>): void; id: string }[]): void {
  for (const button of buttons) {
    button.onClick(async () => {
      await fetchJson(`/clicked/${button.id}`);
    });
  }
}

/** One shared resource: a file handle, a terminal, events. */
export async function writeLines(file: FileHandle, rows: string[]): Promise<void> {
  for (const row of rows) await file.write(`${row}\n`);
}

export async function askAll(questions: string[]): Promise<string[]> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answers: string[] = [];
  for (const question of questions) answers.push(await rl.question(question));
  rl.close();
  return answers;
}

export async function writeWithBackpressure(stream: NodeJS.WritableStream, rows: string[]): Promise<void> {
  for (const row of rows) {
    if (!stream.write(row)) await once(stream, 'drain');
  }
}

/** Awaiting promises that already run: nothing waits longer than it must. */
export async function settle(pending: Promise<string>[]): Promise<string[]> {
  const results: string[] = [];
  for (const promise of pending) results.push(await promise);
  return results;
}

/** The items are the work, in their order: migrations, hooks, plugins. */
export async function migrate(migrations: { up(): Promise<void> }[]): Promise<void> {
  for (const migration of migrations) await migration.up();
}

export async function runHooks(hooks: Array<(context: object) => Promise<void>>, context: object): Promise<void> {
  for (const hook of hooks) await hook(context);
}

/** A few hand-written steps. */
export async function warmUp(): Promise<void> {
  for (const url of ['/health', '/ready']) await fetchJson(url);
}

/** The same call repeated: polling. */
export async function pollThreeTimes(): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) await fetchJson('/status');
}

/** A comment asks for one at a time. */
export async function oneByOne(ids: string[]): Promise<void> {
  // The payment provider rejects concurrent requests for one account.
  for (const id of ids) await fetchJson(`/charge/${id}`);
}
