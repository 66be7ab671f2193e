// Pages a query or a helper caps, counts an instance was configured with, and waits on work
// already running keep Promise.all silent; a query without a limit is still reported.
const SYNC_BATCH_SIZE = 100;

type Row = { id: string };
type Page<T> = { data: { items: T[]; total: number } };
type StoredFile = { key: string; name: string };

declare const prisma: { $queryRaw<T>(query: TemplateStringsArray, ...values: unknown[]): Promise<T> };
declare const bus: { publish(body: object): Promise<void> };
declare const storage: { getSignedDownloadUrl(options: { key: string }): Promise<string>; download(key: string): Promise<Uint8Array> };
declare const searchIndex: { searchForUser(userId: string, options: { offset: number; limit: number }): Promise<{ hits: Array<{ doc: Row }> }> };
declare function listMembers(teamId: string, limit: number, offset: number): Promise<Page<Row>>;
declare function presentDocument(document: Row): Promise<object>;
declare function inviteMember(member: Row): Promise<void>;

export async function queueSitemapImports(startingAfter: string): Promise<void> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT p.id FROM Project p WHERE p.id > ${startingAfter} ORDER BY p.id LIMIT ${SYNC_BATCH_SIZE}
  `;
  await Promise.all(rows.map(({ id }) => bus.publish({ workspaceId: id })));
}

export async function queueEveryProject(): Promise<void> {
  const rows = await prisma.$queryRaw<Row[]>`SELECT p.id FROM Project p WHERE p.archived = false`;
  await Promise.all(rows.map(({ id }) => bus.publish({ workspaceId: id })));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

export async function inviteTeamPage(teamId: string, query: { limit?: number; offset?: number }): Promise<void> {
  const result = await listMembers(teamId, query.limit ?? 25, query.offset ?? 0);
  const { items: members } = result.data;
  await Promise.all(members.map((member) => inviteMember(member)));
}

export async function searchPage(userId: string, offset: number, pageLimit: number): Promise<object[]> {
  const { hits } = await searchIndex.searchForUser(userId, { offset, limit: pageLimit });
  const documents = hits.map((hit) => hit.doc);
  return Promise.all(documents.map(async (document) => presentDocument(document)));
}

async function withSignedUrl(file: StoredFile) {
  return { ...file, url: await storage.getSignedDownloadUrl({ key: file.key }) };
}

async function withContents(file: StoredFile) {
  return { ...file, bytes: await storage.download(file.key) };
}

export async function attachmentLinks(files: StoredFile[]) {
  const links = await Promise.all(files.map(withSignedUrl));
  const contents = await Promise.all(files.map(withContents));
  //                     ^^^^^^^^^^^ unbounded-promise-all
  return { links, contents };
}

declare const redis: { zcard(key: string): Promise<number> };

export class InflightCounter {
  constructor(
    private readonly shardCount: number,
    private readonly active: Set<{ wait(): Promise<void>; flush(): Promise<void> }>,
  ) {}

  async total(): Promise<number> {
    const counts = await Promise.all(Array.from({ length: this.shardCount }, (_, shard) => redis.zcard(`inflight:${shard}`)));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  async drain(): Promise<void> {
    await Promise.all(Array.from(this.active).map((stream) => stream.wait()));
    await Promise.all(
      Array.from(this.active).map((stream) => {
        return stream.wait();
      }),
    );
    await Promise.all(Array.from(this.active).map((stream) => stream.flush()));
    //    ^^^^^^^^^^^ unbounded-promise-all
    await Promise.all(
    //    ^^^^^^^^^^^ unbounded-promise-all
      Array.from(this.active).map((stream) => {
        return stream.flush();
      }),
    );
  }

  async countKeys(keys: string[]): Promise<number[]> {
    return Promise.all(Array.from({ length: keys.length }, (_, index) => redis.zcard(keys[index]!)));
    //     ^^^^^^^^^^^ unbounded-promise-all
  }
}

declare function archiveLink(link: Row): Promise<void>;

export async function archiveBatch(links: Row[]): Promise<void> {
  await Promise.allSettled(links.map((link) => archiveLink(link)));
}

export async function archiveAll(links: Row[]): Promise<void> {
  await Promise.allSettled(links.map((link) => archiveLink(link)));
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
}

export async function createRecordsBatch(links: Row[]): Promise<void> {
  await Promise.all(links.map((link) => archiveLink(link)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

// A page held in a variable that each branch gives a capped search, read whole or through its fields.
declare const teamIndex: { searchForTeam(teamId: string, options: { query: string; offset?: number; limit?: number }): Promise<{ hits: Array<{ doc: Row }> }> };

export async function searchPage(teamId: string | undefined, userId: string, query: string, offset: number, limit: number): Promise<object[]> {
  let response;
  if (teamId) {
    response = await teamIndex.searchForTeam(teamId, { query, offset, limit });
  } else {
    response = await searchIndex.searchForUser(userId, { offset, limit });
  }
  const { hits } = response;
  return Promise.all(hits.map((hit) => presentDocument(hit.doc)));
}

// Still reported: one branch searches without a limit, so the page may hold every match.
export async function searchEverything(teamId: string | undefined, userId: string, query: string, offset: number, limit: number): Promise<object[]> {
  let response;
  if (teamId) {
    response = await teamIndex.searchForTeam(teamId, { query });
  } else {
    response = await searchIndex.searchForUser(userId, { offset, limit });
  }
  return Promise.all(response.hits.map((hit) => presentDocument(hit.doc)));
  //     ^^^^^^^^^^^ unbounded-promise-all
}

// One page of a paginated API, asked for by number or by cursor: as many rows as the API's page holds.
type Commission = { id: string; amount: number };

declare const partnerApi: {
  listCommissions(options: { page?: number; startingAfter?: string; status?: string }): Promise<Commission[]>;
};
declare const browser: { links(page: object): Promise<string[]> };
declare function importCommission(commission: Commission): Promise<void>;

export async function importCommissionPages(): Promise<void> {
  for (let page = 1; ; page++) {
    const commissions = await partnerApi.listCommissions({ page });
    if (commissions.length === 0) break;
    await Promise.allSettled(commissions.map((commission) => importCommission(commission)));
  }
}

export async function importAfter(startingAfter: string): Promise<void> {
  const commissions = await partnerApi.listCommissions({ startingAfter, status: 'pending' });
  await Promise.allSettled(commissions.map((commission) => importCommission(commission)));
}

// Still reported: a list asked for without a page, and the links of a browser page handed over alone.
export async function importPending(page: object): Promise<void> {
  const commissions = await partnerApi.listCommissions({ status: 'pending' });
  await Promise.allSettled(commissions.map((commission) => importCommission(commission)));
  //    ^^^^^^^^^^^^^^^^^^ unbounded-promise-all
  const links = await browser.links(page);
  await Promise.all(links.map((link) => fetch(link)));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

// A promise per run that only keeps its resolver for the messages that settle it starts nothing:
// it waits. One whose executor also fetches starts a call per run.
type Completion = { id: string; ok: boolean };

declare const completions: Map<string, (completion: Completion) => void>;
declare function fetchCompletion(id: string): Promise<Completion>;

export async function waitForRuns(batchId: string, runCount: number): Promise<Completion[]> {
  const pending = Array.from({ length: runCount }, (_, index) => {
    const runId = `${batchId}_${index}`;
    return new Promise<Completion>((resolve) => {
      completions.set(runId, resolve);
    });
  });
  return Promise.all(pending);
}

export async function fetchRuns(batchId: string, runCount: number): Promise<Completion[]> {
  const pending = Array.from({ length: runCount }, (_, index) => {
    const runId = `${batchId}_${index}`;
    return new Promise<Completion>((resolve) => {
      completions.set(runId, resolve);
      void fetchCompletion(runId).then(resolve);
    });
  });
  return Promise.all(pending);
  //     ^^^^^^^^^^^ unbounded-promise-all
}

// A method declared to return `void` makes no promise: Promise.all over its calls waits for nothing.
export class CompletionRouter {
  async settleAll(completed: Completion[]): Promise<void> {
    await Promise.all(completed.map((completion) => this.settle(completion)));
  }

  async storeAll(completed: Completion[]): Promise<void> {
    await Promise.all(completed.map((completion) => this.store(completion)));
    //    ^^^^^^^^^^^ unbounded-promise-all
  }

  private settle(completion: Completion): void {
    completions.get(completion.id)?.(completion);
  }

  private store(completion: Completion): Promise<Completion> {
    return fetchCompletion(completion.id);
  }
}
