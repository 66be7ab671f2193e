// Bounds the code states keep Promise.all silent; what grows with input is still reported.
import pLimit from 'p-limit';

enum Channel {
  Email = 'email',
  Sms = 'sms',
}
const REGIONS = ['eu', 'us', 'ap'] as const;
const DEFAULT_LIMITS = { daily: 10, weekly: 50 };

declare function send(channel: string, to: string): Promise<void>;
declare function warm(region: string): Promise<void>;
declare function fetchUser(id: string): Promise<{ id: string }>;
declare function getSignedUrl(key: string): Promise<string>;
declare const prisma: { post: { findMany(args: object): Promise<Array<{ id: string; key: string }>> } };
declare const db: { select(): { from(table: string): { limit(n: number): Promise<Array<{ id: string }>> } } };
declare const semaphore: { acquire(): Promise<() => void> };

export async function fixedSets(to: string): Promise<void> {
  await Promise.all(Object.values(Channel).map((channel) => send(channel, to)));
  await Promise.all(REGIONS.map((region) => warm(region)));
  await Promise.all(Object.keys(DEFAULT_LIMITS).map((key) => warm(key)));
}

export async function limitedQueries(): Promise<void> {
  const recent = await prisma.post.findMany({ orderBy: { id: 'desc' }, take: 20 });
  await Promise.all(recent.map((post) => fetchUser(post.id)));
  const rows = await db.select().from('users').limit(50);
  await Promise.all(rows.map((row) => fetchUser(row.id)));
}

export async function slicesAndLimiters(ids: string[]): Promise<void> {
  await Promise.all(ids.slice(0, 10).map((id) => fetchUser(id)));
  await Promise.all(ids.slice(-5).map((id) => fetchUser(id)));
  const limit = pLimit(4);
  await Promise.all(ids.map((id) => limit(() => fetchUser(id))));
  await Promise.all(
    ids.map(async (id) => {
      const release = await semaphore.acquire();
      try {
        return await fetchUser(id);
      } finally {
        release();
      }
    }),
  );
}

export async function localWork(
  posts: Array<{ id: string; key: string }>,
  rows: Array<{ id: string; pending: Promise<boolean>; check: Promise<boolean> }>,
): Promise<unknown[]> {
  const shaped = await Promise.all(posts.map(async (post) => ({ ...post, slug: post.id.toLowerCase() })));
  const signed = await Promise.all(posts.map(async (post) => ({ ...post, url: await getSignedUrl(post.key) })));
  const flagged = await Promise.all(
    rows.map(async (row) => {
      const { id, pending } = row;
      return { id, done: await pending, checked: await row.check };
    }),
  );
  const fetched = await Promise.all(
    //                  ^^^^^^^^^^^ unbounded-promise-all
    rows.map(async (row) => {
      const user = fetchUser(row.id);
      return { id: row.id, user: await user };
    }),
  );
  return [shaped, signed, flagged, fetched];
}

export async function growsWithInput(ids: string[]): Promise<void> {
  const everyone = await prisma.post.findMany({ where: { published: true } });
  await Promise.all(everyone.map((post) => fetchUser(post.id)));
  //    ^^^^^^^^^^^ unbounded-promise-all
  await Promise.all(ids.map(async (id) => ({ user: await fetchUser(id) })));
  //    ^^^^^^^^^^^ unbounded-promise-all
}

declare const Notification: { findAllInBatches(options: object, each: (rows: Array<{ id: string }>) => Promise<void>): Promise<number> };
export async function batches(groups: Array<{ id: string }>): Promise<void> {
  await Notification.findAllInBatches({ where: {} }, async (rows) => {
    await Promise.all(rows.map((row) => fetchUser(row.id)));
  });
  await Notification.findAllInBatches({ where: {} }, async () => {
    await Promise.all(groups.map((group) => fetchUser(group.id)));
    //    ^^^^^^^^^^^ unbounded-promise-all
  });
}
