// Loops whose awaits are handed from one iteration to the next: an await the loop leaves right after, a transaction helper
// whose callback is handed no client, a generic map helper calling the function its caller gave it, a flag the first iteration
// clears, a budget every call counts in a few calls down.
// Next to each, a look-alike whose items are independent, which is reported.

interface Constraint {
  fields: string[];
}

interface Job {
  id: string;
  run(): Promise<void>;
}

interface Document {
  id: string;
  title: string;
}

declare const db: {
  withTransaction<T>(work: () => Promise<T>): Promise<T>;
  transaction<T>(work: (client: { query(sql: string, values: unknown[]): Promise<void> }) => Promise<T>): Promise<T>;
};
declare function findRow(where: Record<string, unknown>): Promise<Record<string, unknown> | null>;
declare function fetchPreview(url: string): Promise<string>;
declare function resize(image: string): Promise<string>;
declare function syncSearchEntry(doc: Document, locale: string, operation: 'create' | 'update'): Promise<void>;
declare function indexDocument(doc: Document, locale: string): Promise<void>;

/** The first unique constraint the state fills picks the row: the loop looks it up once and leaves. */
export async function rowForState(constraints: Constraint[], state: Record<string, unknown>): Promise<Record<string, unknown> | null> {
  let row: Record<string, unknown> | null = null;
  for (const constraint of constraints) {
    if (constraint.fields.every((field) => state[field] !== undefined)) {
      const where = Object.fromEntries(constraint.fields.map((field) => [field, state[field]]));
      row = await findRow(where);
      break;
    }
  }
  return row;
}

/** Every link with a URL gets its preview: `continue` goes on to the next one. */
export async function previews(links: Array<{ url?: string }>): Promise<string[]> {
  const out: string[] = [];
  for (const link of links) {
    if (link.url) {
      out.push(await fetchPreview(link.url));
//             ^^^^^ await-in-loop
      continue;
    }
    out.push('');
  }
  return out;
}

/** Each due job in its own transaction, which the helper keeps where the job's queries find it. */
export async function runDueJobs(due: Job[]): Promise<void> {
  for (const job of due) {
    await db.withTransaction(async () => {
      await job.run();
    });
  }
}

/** A transaction handed its client: its statements are the job's own, and the jobs could overlap. */
export async function recordDueJobs(due: Job[]): Promise<void> {
  for (const job of due) {
    await db.transaction(async (client) => {
//  ^^^^^ await-in-loop
      await client.query('UPDATE jobs SET started_at = now() WHERE id = $1', [job.id]);
    });
  }
}

/** A map helper one item after another: its callers decide whether their items may overlap. */
export async function mapInTurn<T, R>(items: readonly T[], mapper: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let index = 0;
  for (const item of items) {
    results.push(await mapper(item, index));
    index += 1;
  }
  return results;
}

/** A callback called on items of a kind the function names: paths, which could be uploaded together. */
export async function uploadPaths(paths: string[], upload: (path: string) => Promise<void>): Promise<void> {
  for (const path of paths) {
    await upload(path);
//  ^^^^^ await-in-loop
  }
}

/** The same loop calling a function of its own choosing. */
export async function resizeAll(images: readonly string[]): Promise<string[]> {
  const results: string[] = [];
  for (const image of images) {
    results.push(await resize(image));
//               ^^^^^ await-in-loop
  }
  return results;
}

/** The first locale creates the search entry and the later ones update it: the first call must be done first. */
export async function syncLocales(doc: Document, locales: string[], skipped: Set<string>): Promise<void> {
  let firstLocale = true;
  for (const locale of locales) {
    if (skipped.has(locale)) continue;
    const operation = firstLocale ? 'create' : 'update';
    firstLocale = false;
    await syncSearchEntry(doc, locale, operation);
  }
}

/** A flag the loop sets that no call reads: each locale is indexed on its own. */
export async function indexLocales(doc: Document, locales: string[]): Promise<boolean> {
  let indexedAny = false;
  for (const locale of locales) {
    await indexDocument(doc, locale);
//  ^^^^^ await-in-loop
    indexedAny = true;
  }
  return indexedAny;
}

interface StorageBudget {
  storedCount: number;
  storedBytes: number;
}

interface RedactOptions {
  secrets: string[];
}

declare function putLargeValue(json: string): Promise<string>;
declare function lookUpSecret(name: string): Promise<string | undefined>;

/** Counts what it stores against the budget every call shares: the later calls see what the earlier ones stored. */
async function storeLargeValue(value: unknown, budget: StorageBudget): Promise<string> {
  const json = JSON.stringify(value);
  if (budget.storedCount + 1 > 10) throw new Error('trace storage budget exceeded');
  budget.storedCount += 1;
  budget.storedBytes += json.length;
  return putLargeValue(json);
}

async function replaceLargeValues(value: unknown, budget: StorageBudget): Promise<unknown> {
  return typeof value === 'string' && value.length > 1024 ? { ref: await storeLargeValue(value, budget) } : value;
}

async function sanitizeField(value: unknown, budget: StorageBudget): Promise<unknown> {
  try {
    return await replaceLargeValues(value, budget);
  } catch {
    return undefined;
  }
}

/** Each field is sanitized against the one budget, three calls down. */
export async function sanitizeFields(fields: unknown[], budget: StorageBudget): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const field of fields) {
    out.push(await sanitizeField(field, budget));
  }
  return out;
}

async function redactSecret(name: string, options: RedactOptions): Promise<string> {
  return options.secrets.includes(name) ? ((await lookUpSecret(name)) ?? '') : name;
}

async function redactName(name: string, options: RedactOptions): Promise<string> {
  return redactSecret(name.trim(), options);
}

/** Options every call only reads, three calls down: the names are redacted on their own. */
export async function redactNames(names: string[], options: RedactOptions): Promise<string[]> {
  const out: string[] = [];
  for (const name of names) {
    out.push(await redactName(name, options));
//           ^^^^^ await-in-loop
  }
  return out;
}

interface Feed {
  title: string;
  tags: Array<{ label: string; tone: string }>;
}

declare function fetchFeed(url: string): Promise<Feed>;
declare function reserveSlot(url: string): Promise<boolean>;
declare const feeds: {
  create(row: { title: string }): Promise<{ id: string } | undefined>;
  addTags(feedId: string, tags: Array<{ label: string; colour: string }>): Promise<void>;
};

/** A throw on what the loop's own create returned is that work failing, not a check ahead of it: each feed is stored on its own. */
export async function storeFeeds(urls: string[]): Promise<void> {
  for (const url of urls) {
    const feed = await fetchFeed(url);
//               ^^^^^ await-in-loop
    const created = await feeds.create({ title: feed.title });
    const feedId = created?.id;
    if (!feedId) throw new Error(`Could not store ${url}`);
    await feeds.addTags(feedId, []);
  }
}

/** A throw on an awaited check ahead of the work: the feeds after a refused one are not fetched. */
export async function fetchReserved(urls: string[]): Promise<void> {
  for (const url of urls) {
    const reserved = await reserveSlot(url);
    if (!reserved) throw new Error(`No slot for ${url}`);
    await fetchFeed(url);
  }
}

/** A variable of a callback in the body starts over on each call: no flag that one iteration hands the next. */
export async function tagFeeds(feedIds: string[], tags: Feed['tags']): Promise<void> {
  for (const feedId of feedIds) {
    const coloured = tags.map((tag) => {
      let colour = 'grey';
      if (tag.tone === 'warm') colour = 'orange';
      return { label: tag.label, colour };
    });
    await feeds.addTags(feedId, coloured);
//  ^^^^^ await-in-loop
  }
}
