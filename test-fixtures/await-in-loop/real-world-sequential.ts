// valid: real-world loops that must stay one at a time
import { createInterface } from 'node:readline';
import type { Page } from 'puppeteer';

declare function sleep(ms: number): Promise<void>;
declare function request(url: string): Promise<{ status: number; body: string }>;
declare const db: { query(sql: string): Promise<unknown>; close(): Promise<void> };
declare const socket: { send(data: string): Promise<void> };

interface Migration {
  name: string;
  up(): Promise<void>;
}

/** A migration runner: the order is the point. */
export class Migrator {
  private applied = new Set<string>();

  constructor(private readonly migrations: Migration[]) {}

  async run(): Promise<void> {
    for (const migration of this.migrations) {
      if (this.applied.has(migration.name)) continue;
      await migration.up();
      this.applied.add(migration.name);
    }
  }
}

/** Exponential backoff between attempts. */
export async function withBackoff(url: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const response = await request(url);
    if (response.status < 500) return response.body;
    await sleep(2 ** attempt * 100);
  }
}

/** Reading a web stream chunk by chunk. */
export async function readAll(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
  }
  return total;
}

/** Lines of a file, in order. */
export async function countLines(input: NodeJS.ReadableStream): Promise<number> {
  let count = 0;
  for await (const line of createInterface({ input })) {
    if (line.trim()) count++;
    await db.query(`insert into lines values ('${line}')`);
  }
  return count;
}

/** Puppeteer: every element of one page, clicked in turn. */
export async function expandAll(page: Page): Promise<void> {
  for (const button of await page.$$('button.expand')) {
    await button.click();
    await page.waitForNetworkIdle();
  }
}

/** Messages over one socket keep their order. */
export async function replay(messages: string[]): Promise<void> {
  for (const message of messages) await socket.send(message);
}

/** Polling until a job is done. */
export async function waitForJob(id: string): Promise<string> {
  let status = 'queued';
  while (status !== 'done') {
    const response = await request(`/jobs/${id}`);
    status = response.body;
  }
  return status;
}

/** Statements of one script run in order on one connection. */
export async function runScript(sql: string): Promise<void> {
  for (const statement of sql.split(';')) {
    if (statement.trim()) await db.query(statement);
  }
  await db.close();
}
